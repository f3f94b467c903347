#include "core/io/textshape.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRawFont>
#include <cmath>
#include <vector>

#include "core/data/datalimits.h"
#include "core/data/densitysampler.h"
#include "core/io/fonts.h"
#include "core/math/error.h"

namespace dl {
namespace {

constexpr int kPixelSize = 160;
constexpr int kMargin = 4;

}  // namespace

Batch pointsFromText(std::string_view utf8Text, int n, Rng& rng, const ProgressCallback& progress) {
    const QString text = QString::fromUtf8(utf8Text.data(), static_cast<qsizetype>(utf8Text.size()));
    if (text.trimmed().isEmpty())
        throw Error("the text for a text shape is empty; type at least one character");
    const QList<uint> codePoints = text.toUcs4();
    if (codePoints.size() > limits::kMaxTextLength)
        throw Error("the text for a text shape has " + std::to_string(codePoints.size()) +
                    " characters, more than the limit of " + std::to_string(limits::kMaxTextLength));
    const QFont font = requireFont(textShapeFontFamily(), true, kPixelSize);
    const QRawFont raw = QRawFont::fromFont(font);
    for (uint c : codePoints) {
        const QString ch = QString::fromUcs4(reinterpret_cast<const char32_t*>(&c), 1);
        if (QChar::isPrint(c) == false && c != ' ')
            throw Error("the text for a text shape contains a control character (U+" +
                        QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0')).toStdString() +
                        ")");
        if (c != ' ' && !raw.supportsCharacter(c))
            throw Error("the font " + textShapeFontFamily().toStdString() + " has no glyph for '" +
                        ch.toStdString() + "'");
    }

    QPainterPath path;
    path.addText(0, 0, font, text);
    const QRectF bounds = path.boundingRect();
    if (bounds.isEmpty())
        throw Error("the text '" + std::string(utf8Text) + "' draws nothing to sample points from");
    const int width = static_cast<int>(std::ceil(bounds.width())) + 2 * kMargin;
    const int height = static_cast<int>(std::ceil(bounds.height())) + 2 * kMargin;

    QImage canvas(width, height, QImage::Format_Alpha8);
    canvas.fill(0);
    {
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(kMargin - bounds.left(), kMargin - bounds.top());
        painter.fillPath(path, Qt::black);
    }
    std::vector<float> density(static_cast<std::size_t>(width) * height);
    for (int y = 0; y < height; ++y) {
        const uchar* line = canvas.constScanLine(y);
        for (int x = 0; x < width; ++x) density[static_cast<std::size_t>(y) * width + x] = line[x] / 255.0f;
    }
    // In units of the font's size, centred on the drawing: "DDPM" spans about −2..2 by −0.4..0.4, the
    // scale of the other built-in shapes. In pixels (0..600) the view's axes read up to 1,600 and its
    // x_T, the same N(0, I) as for the moons after normalisation, spanned hundreds of units.
    Batch points = samplePointsFromDensity(density, width, height, n, rng, progress);
    const Eigen::RowVector2f centre(0.5f * static_cast<float>(width), 0.5f * static_cast<float>(height));
    points = (points.rowwise() - centre) / static_cast<float>(kPixelSize);
    return points;
}

}  // namespace dl
