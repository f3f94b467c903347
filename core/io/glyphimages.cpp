#include "core/io/glyphimages.h"

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <vector>

#include "core/data/datalimits.h"
#include "core/io/fonts.h"
#include "core/io/imageset.h"
#include "core/math/error.h"

namespace dl {
namespace {

// Glyphs drawn between two progress reports (a few milliseconds of work).
constexpr int kGlyphsPerProgress = 256;

// Ranges of the random variations, as fractions of the image side S.
constexpr double kMinBox = 0.60, kMaxBox = 0.80;  // the glyph's longer side
constexpr double kMaxShift = 0.08;                // centre offset along each axis
constexpr double kMaxRotationDegrees = 8.0;
constexpr double kMaxExtraStroke = 0.05;  // pen width added around the outline (weight)

double uniformIn(Rng& rng, double lo, double hi) {
    return lo + (hi - lo) * rng.uniform();
}

}  // namespace

std::string glyphCharacters(std::string_view preset) {
    const std::string digits = "0123456789", upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      lower = "abcdefghijklmnopqrstuvwxyz";
    if (preset == "digits") return digits;
    if (preset == "upper") return upper;
    if (preset == "lower") return lower;
    if (preset == "letters") return upper + lower;
    if (preset == "alnum") return digits + upper + lower;
    return std::string(preset);
}

DataSet makeGlyphImageSet(int n, int size, int channels, Rng& rng, const GlyphSetOptions& options,
                          const ProgressCallback& progress) {
    validateImageSize(size, channels);
    const ImageShape shape{size, size, channels};
    if (n < 1 || static_cast<long long>(n) * shape.dim() > limits::kMaxImageFloats)
        throw Error("number of glyph images must be from 1 to " +
                    std::to_string(limits::kMaxImageFloats / shape.dim()) + " at " + std::to_string(size) +
                    "×" + std::to_string(size) + "×" + std::to_string(channels) + ", got " +
                    std::to_string(n));
    const std::string& chars = options.characters;
    if (chars.empty()) throw Error("the glyph set needs at least one character");
    for (char c : chars)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            throw Error(std::string("glyph characters must be ASCII letters or digits, got '") + c + "'");

    // Outlines of every character in every font variant, at a large size (scaled down per image).
    struct Variant {
        std::vector<QPainterPath> glyphs;
    };
    std::vector<Variant> variants;
    for (const QString& family : glyphFontFamilies()) {
        for (bool bold : {false, true}) {
            const QFont font = requireFont(family, bold, 100);
            Variant v;
            for (char c : chars) {
                QPainterPath path;
                path.addText(0, 0, font, QString(QChar::fromLatin1(c)));
                v.glyphs.push_back(path);
            }
            variants.push_back(std::move(v));
        }
    }

    Batch pixels(n, shape.dim());
    QImage canvas(size, size, QImage::Format_RGB32);
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < n; ++i) {
        if (progress && i % kGlyphsPerProgress == 0 && !progress(double(i) / double(n))) throw Cancelled();
        // Draw every random number in a fixed order, so the stream does not depend on the branch taken.
        const int variant = rng.uniformInt(0, static_cast<int>(variants.size()) - 1);
        const double box = uniformIn(rng, kMinBox, kMaxBox) * size;
        const double dx = uniformIn(rng, -kMaxShift, kMaxShift) * size;
        const double dy = uniformIn(rng, -kMaxShift, kMaxShift) * size;
        const double angle = uniformIn(rng, -kMaxRotationDegrees, kMaxRotationDegrees);
        const double pen = uniformIn(rng, 0.0, kMaxExtraStroke) * size;
        const double hue = rng.uniform(), saturation = uniformIn(rng, 0.5, 1.0);

        const QPainterPath& glyph =
            variants[static_cast<std::size_t>(variant)].glyphs[static_cast<std::size_t>(i) % chars.size()];
        const QRectF bounds = glyph.boundingRect();
        const double scale = box / std::max({bounds.width(), bounds.height(), 1e-6});
        QTransform t;
        t.translate(size / 2.0 + dx, size / 2.0 + dy);
        t.rotate(angle);
        t.scale(scale, scale);
        t.translate(-bounds.center().x(), -bounds.center().y());
        const QPainterPath placed = t.map(glyph);

        const QColor colour = channels == 1 ? QColor(Qt::white) : QColor::fromHsvF(hue, saturation, 1.0);
        painter.fillRect(canvas.rect(), Qt::black);
        painter.fillPath(placed, colour);
        if (pen > 0.02)
            painter.strokePath(placed, QPen(colour, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));

        float* dst = pixels.row(i).data();
        for (int y = 0; y < size; ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(canvas.constScanLine(y));
            for (int x = 0; x < size; ++x) {
                if (channels == 1) {
                    *dst++ = static_cast<float>(qGray(line[x]));
                } else {
                    *dst++ = static_cast<float>(qRed(line[x]));
                    *dst++ = static_cast<float>(qGreen(line[x]));
                    *dst++ = static_cast<float>(qBlue(line[x]));
                }
            }
        }
    }
    painter.end();
    return makeImageDataSet("glyphs", pixels, shape);
}

}  // namespace dl
