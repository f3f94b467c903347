// Paints a dlui::Scene with QPainter only (no widgets), so the window, exported frames and the
// headless CLI share one drawing path.
//
// Speed: points are the bulk of the work (10,000 per frame at 30+ frames/s). Each point is one
// drawImage of a small pre-antialiased dot sprite, cached per colour, radius and quarter-pixel offset,
// instead of an antialiased ellipse path per point; the quarter-pixel offsets keep slow motion smooth.
// Sprites are made in device pixels (the paint device's devicePixelRatio), so dots stay sharp on a
// high-DPI screen instead of being bitmaps scaled up.
//
// Determinism: nothing here depends on time, threads or hash order; the same scene and options give
// the same pixels (fonts come from the system, so a different font set gives different captions).
#include <QFont>
#include <QHash>
#include <QLineF>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "ui/render/datatopixel.h"
#include "ui/render/palette.h"
#include "ui/render/scene.h"
#include "ui/render/sceneaxes.h"
#include "ui/render/viewbounds.h"

namespace dlui {
namespace {

constexpr int kSubPixelSteps = 4;  // sprite variants per axis: quarter-pixel positions
constexpr int kColorLevels = 64;   // colour keys are quantised to this many sprite colours

/// Scale factor of text and line widths: 1 at 800 px on the shorter side.
double uiScale(const QRectF& target) {
    return std::max(0.5, std::min(target.width(), target.height()) / 800.0);
}

/// A dot of radius r (pixels) whose centre sits at (c + (qx + 0.5)/4, c + (qy + 0.5)/4) in the sprite,
/// c = the sprite's integer anchor offset.
QImage makeDotSprite(QRgb color, double radius, int qx, int qy, int anchor) {
    const int side = 2 * anchor + 2;
    QImage sprite(side, side, QImage::Format_ARGB32_Premultiplied);
    sprite.fill(Qt::transparent);
    QPainter p(&sprite);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor::fromRgba(color));
    const QPointF centre(anchor + (qx + 0.5) / kSubPixelSteps, anchor + (qy + 0.5) / kSubPixelSteps);
    p.drawEllipse(centre, radius, radius);
    return sprite;
}

/// Sprites live for the thread's lifetime: the same few dozen are reused by every frame.
class SpriteCache {
public:
    /// radius and anchor in device pixels; dpr: the device pixels per logical pixel the sprite is for.
    const QImage& get(QRgb color, double radius, int qx, int qy, int anchor, qreal dpr) {
        const auto r64 = static_cast<std::uint64_t>(std::lround(radius * 64.0)) & 0xffff;
        const auto d8 = static_cast<std::uint64_t>(std::lround(dpr * 8.0)) & 0xff;
        const std::uint64_t key = static_cast<std::uint64_t>(color) | (r64 << 32) |
                                  (static_cast<std::uint64_t>(qx) << 48) |
                                  (static_cast<std::uint64_t>(qy) << 52) | (d8 << 56);
        auto it = mSprites.constFind(key);
        if (it != mSprites.constEnd()) return *it;
        if (mSprites.size() > 8192) mSprites.clear();  // bounded: many radii or colours over a session
        QImage sprite = makeDotSprite(color, radius, qx, qy, anchor);
        sprite.setDevicePixelRatio(dpr);
        return *mSprites.insert(key, std::move(sprite));
    }

private:
    QHash<std::uint64_t, QImage> mSprites;
};

SpriteCache& spriteCache() {
    thread_local SpriteCache cache;
    return cache;
}

double defaultPointRadius(Eigen::Index count, const QRectF& target) {
    const double n = std::max<double>(1.0, static_cast<double>(count));
    return uiScale(target) * std::clamp(45.0 / std::sqrt(n), 1.4, 5.0);
}

void paintBackground(QPainter& painter, const QRectF& target, const SceneColors& colors) {
    if (colors.background.alpha() == 0) return;
    painter.fillRect(target, colors.background);
}

void paintDensity(QPainter& painter, const DataToPixel& map, const DensityGrid& density,
                  const SceneColors& colors) {
    if (density.columns <= 0 || density.rows <= 0 || !density.bounds.isValid()) return;
    if (density.values.size() != static_cast<size_t>(density.columns) * static_cast<size_t>(density.rows))
        return;
    float peak = 0.0f;
    for (float v : density.values)
        if (std::isfinite(v)) peak = std::max(peak, v);
    if (peak <= 0.0f) return;
    QImage heat(density.columns, density.rows, QImage::Format_ARGB32_Premultiplied);
    for (int row = 0; row < density.rows; ++row) {
        auto* line = reinterpret_cast<QRgb*>(heat.scanLine(row));
        for (int col = 0; col < density.columns; ++col) {
            const float v = density.values[static_cast<size_t>(row) * density.columns + col];
            // A gentle power so the tails show as well as the peaks.
            const double level =
                std::isfinite(v) && v > 0 ? std::pow(static_cast<double>(v / peak), 0.6) : 0.0;
            const double a = level * colors.heatOpacity;
            // The colour-blind-safe heat map also encodes the level in the colour (cividis), not only in
            // the opacity.
            const QColor c =
                colors.heatMap ? keyColor(static_cast<float>(level), colors.palette) : colors.heat;
            line[col] =
                qPremultiply(qRgba(c.red(), c.green(), c.blue(), static_cast<int>(std::lround(a * 255))));
        }
    }
    const QRectF b = density.bounds;
    const QRectF pixels(map(b.left(), b.bottom()), map(b.right(), b.top()));
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(pixels, heat);
    painter.restore();
}

/// Vertices of one stretch of a trail, in pixels, at the level of detail the eye can see: every
/// `stride`-th state (always the first and the last of the stretch), and of those only the ones that move
/// at least `minStep` pixels from the last one kept. What is dropped is motion smaller than the line is
/// wide; the line still passes through every vertex kept, and ends exactly where the point is.
void trailStretch(QPolygonF& line, const DataToPixel& map, const dl::Batch& trail, Eigen::Index from,
                  Eigen::Index to, Eigen::Index stride, double minStep) {
    line.resize(0);
    QPointF last = map(trail(from, 0), trail(from, 1));
    line.append(last);
    const double minStep2 = minStep * minStep;
    for (Eigen::Index i = std::min(to, from + stride);;) {
        const QPointF p = map(trail(i, 0), trail(i, 1));
        const QPointF d = p - last;
        if (i == to || d.x() * d.x() + d.y() * d.y() >= minStep2) {
            line.append(p);
            last = p;
        }
        if (i >= to) break;
        i = std::min(to, i + stride);
    }
}

void paintTrails(QPainter& painter, const DataToPixel& map, const std::vector<dl::Batch>& trails,
                 const SceneColors& colors, double scale) {
    // Each trail fades with age: the newest part (next to the point) is drawn strongest, the start near x_T
    // almost vanishes, so the trails show the recent motion and leave the samples visible. A trail is cut
    // into a few pieces of equal age span, each drawn as one polyline with its own alpha.
    //
    // Cost, which must stay far below a frame whatever the number and length of the trails (up to 1,000
    // trails of T + 1 = 10,001 states): a pen wider than one device pixel (presenter mode, high contrast)
    // goes through Qt's general stroker and its fill threads, ≈ 40 µs per polyline plus its length; with
    // round joins on every state, 400 trails of 1,000 states took 2.5 s per frame. So (figures in
    // docs/ui-performance.md):
    // - more than kWideTrails trails are hairlines (Qt's direct path, ~50× cheaper): the picture is a
    //   tangle of paths at that number either way, and the fade still shows their age;
    // - states closer than a pixel to the previous vertex are skipped (motion the line hides), and beyond
    //   a budget of vertices over all trails only every k-th state is kept (level of detail);
    // - bevel joins: round ones look the same at these widths and cost an arc per state.
    constexpr int kPieces = 8;
    constexpr double kNewestAlpha = 1.0, kOldestAlpha = 0.15;
    constexpr Eigen::Index kWideTrails = 16;
    constexpr Eigen::Index kHairlineVertexBudget = 40000, kWideVertexBudget = 2500;
    Eigen::Index vertices = 0, drawn = 0;
    for (const dl::Batch& trail : trails)
        if (trail.cols() >= 2 && trail.rows() >= 2) {
            vertices += trail.rows();
            ++drawn;
        }
    if (drawn == 0) return;
    const double width = 1.1 * scale * colors.lineWidth;
    const bool hairlines = drawn > kWideTrails;
    const Eigen::Index budget = hairlines ? kHairlineVertexBudget : kWideVertexBudget;
    const Eigen::Index stride = std::max<Eigen::Index>(1, (vertices + budget - 1) / budget);
    const double minStep = hairlines ? 0.75 : std::max(0.75, 0.5 * width);  // pixels

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPen pen(colors.trail, width, Qt::SolidLine, Qt::RoundCap, Qt::BevelJoin);
    if (hairlines) {
        pen.setWidthF(std::min(1.0, width));
        pen.setCosmetic(true);  // one device pixel at most, also on a high-DPI device
    }
    QPolygonF line;
    for (const dl::Batch& trail : trails) {
        if (trail.cols() < 2 || trail.rows() < 2) continue;
        const Eigen::Index segments = trail.rows() - 1;
        const Eigen::Index pieces = std::min<Eigen::Index>(kPieces, segments);
        for (Eigen::Index p = 0; p < pieces; ++p) {
            const Eigen::Index from = p * segments / pieces, to = (p + 1) * segments / pieces;
            const double youth = double(p + 1) / double(pieces);  // 1 for the newest piece
            QColor c = colors.trail;
            c.setAlphaF(
                float(colors.trail.alphaF() * (kOldestAlpha + (kNewestAlpha - kOldestAlpha) * youth)));
            pen.setColor(c);
            painter.setPen(pen);
            trailStretch(line, map, trail, from, to, stride, minStep);
            painter.drawPolyline(line);
        }
    }
    painter.restore();
}

void paintArrows(QPainter& painter, const DataToPixel& map, const ArrowField& field, const QColor& color,
                 double scale) {
    if (field.origins.cols() < 2 || field.directions.cols() < 2) return;
    const Eigen::Index n = std::min(field.origins.rows(), field.directions.rows());
    QVector<QLineF> lines;
    lines.reserve(static_cast<qsizetype>(3 * n));
    for (Eigen::Index i = 0; i < n; ++i) {
        const QPointF a = map(field.origins(i, 0), field.origins(i, 1));
        const QPointF b =
            map(field.origins(i, 0) + field.directions(i, 0), field.origins(i, 1) + field.directions(i, 1));
        const QLineF shaft(a, b);
        const double length = shaft.length();
        if (!(length >= 0.75)) continue;  // also drops NaN
        lines.append(shaft);
        const double head = std::min(0.35 * length, 6.0 * scale);
        const QPointF back = (a - b) / length * head;
        const QPointF side(-back.y() * 0.5, back.x() * 0.5);
        lines.append(QLineF(b, b + back + side));
        lines.append(QLineF(b, b + back - side));
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(color, 1.2 * scale, Qt::SolidLine, Qt::RoundCap));
    painter.drawLines(lines);
    painter.restore();
}

void paintPoints(QPainter& painter, const DataToPixel& map, const Scene& scene, const RenderOptions& options,
                 const SceneColors& colors) {
    const dl::Batch& pts = scene.points;
    if (pts.rows() == 0 || pts.cols() < 2) return;
    const double radius = options.pointRadius > 0
                              ? options.pointRadius
                              : options.textScale * defaultPointRadius(pts.rows(), map.target);
    // Device pixels: on a high-DPI device (dpr 2 on a 4K screen) the sprite is made at twice the size.
    const qreal dpr = painter.device() ? std::max<qreal>(1.0, painter.device()->devicePixelRatioF()) : 1.0;
    const double deviceRadius = radius * dpr;
    const int anchor = static_cast<int>(std::ceil(deviceRadius)) + 1;
    const bool keyed = scene.colorKeys.size() == static_cast<size_t>(pts.rows());
    // Slightly translucent dots so dense regions read darker than sparse ones.
    const int alpha = pts.rows() > 2000 ? 200 : 235;
    QRgb levels[kColorLevels];
    if (keyed) {
        for (int l = 0; l < kColorLevels; ++l) {
            QColor c = pointKeyColor(static_cast<float>(l) / (kColorLevels - 1), colors);
            c.setAlpha(alpha);
            levels[l] = c.rgba();
        }
    }
    QColor plain = colors.point;
    plain.setAlpha(alpha);
    const QRgb plainRgba = plain.rgba();

    SpriteCache& cache = spriteCache();
    // Points far outside the target are skipped; a margin keeps dots that overlap the edge.
    const QRectF deviceTarget(map.target.topLeft() * dpr, map.target.size() * dpr);
    const QRectF visible = deviceTarget.adjusted(-2 * anchor, -2 * anchor, 2 * anchor, 2 * anchor);
    for (Eigen::Index i = 0; i < pts.rows(); ++i) {
        const double px = map.x(pts(i, 0)) * dpr, py = map.y(pts(i, 1)) * dpr;
        if (!(px >= visible.left() && px <= visible.right() && py >= visible.top() && py <= visible.bottom()))
            continue;
        const double fx = std::floor(px), fy = std::floor(py);
        const int qx = std::min(kSubPixelSteps - 1, static_cast<int>((px - fx) * kSubPixelSteps));
        const int qy = std::min(kSubPixelSteps - 1, static_cast<int>((py - fy) * kSubPixelSteps));
        QRgb color = plainRgba;
        if (keyed) {
            const float k = scene.colorKeys[static_cast<size_t>(i)];
            const float u = std::isnan(k) ? 0.0f : std::clamp(k, 0.0f, 1.0f);
            color = levels[static_cast<int>(std::lround(u * (kColorLevels - 1)))];
        }
        const QImage& sprite = cache.get(color, deviceRadius, qx, qy, anchor, dpr);
        painter.drawImage(QPointF((fx - anchor) / dpr, (fy - anchor) / dpr), sprite);
    }
}

/// The caption as it is wrapped: each "a = b" held together, so that a line never ends in "· t" with the
/// next starting "= 817".
QString keepEquationsWhole(QString caption) {
    return caption.replace(QStringLiteral(" = "), QStringLiteral("\u00a0=\u00a0"));
}

/// The caption's text rectangle: wrapped in the top-left corner of `area`.
QRectF captionTextRect(const QRectF& area, const QString& caption, const QFont& font) {
    const double pad = 0.5 * font.pixelSize();
    const QRectF avail = area.adjusted(2 * pad, 2 * pad, -2 * pad, -2 * pad);
    return QFontMetricsF(font).boundingRect(avail, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption);
}

/// The caption's box, drawn around its text rectangle.
QRectF captionBox(const QRectF& textRect, const QFont& font) {
    const double pad = 0.5 * font.pixelSize();
    return textRect.adjusted(-pad, -pad * 0.6, pad, pad * 0.6);
}

/// Where the caption's text goes (right of the y tick labels) and the area left for the annotations'
/// legend and narration (below the caption, right of the y tick labels, above the x tick labels). Worked
/// out once per frame; dataBounds is the scene's data rectangle (unused for an image grid).
struct TextAreas {
    QRectF captionText;  ///< empty without a caption
    QRectF annotations;
};

TextAreas textAreas(const QRectF& target, const Scene& scene, const RenderOptions& options, const QFont& font,
                    const QRectF& dataBounds) {
    const bool axes = options.drawAxes && scene.images.rows() == 0;
    QRectF area = target;
    if (axes) area.setLeft(yAxisLabelBand(target, dataBounds, font).right());
    TextAreas out;
    if (options.drawCaption && !scene.caption.isEmpty()) {
        out.captionText = captionTextRect(area, keepEquationsWhole(scene.caption), font);
        area.setTop(captionBox(out.captionText, font).bottom());
    }
    if (axes) area.setBottom(axisLabelBand(target, font).top());
    out.annotations = area;
    return out;
}

void paintCaption(QPainter& painter, const QRectF& textRect, const QString& caption,
                  const SceneColors& colors, const QFont& font) {
    if (caption.isEmpty()) return;
    painter.save();
    painter.setFont(font);
    const double pad = 0.5 * font.pixelSize();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colors.captionBox);
    painter.drawRoundedRect(captionBox(textRect, font), pad * 0.6, pad * 0.6);
    painter.setPen(colors.text);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption);
    painter.restore();
}

/// One normalised sample ([−1, 1]) as an image; values outside the range are clipped.
/// The caller has checked the shape (drawableImageShape), so every scan line holds width·channels bytes.
QImage sampleImage(const dl::Batch& images, Eigen::Index row, const dl::ImageShape& shape) {
    const QImage::Format format = shape.channels == 4   ? QImage::Format_RGBA8888
                                  : shape.channels == 3 ? QImage::Format_RGB888
                                                        : QImage::Format_Grayscale8;
    QImage img(shape.width, shape.height, format);
    if (img.isNull() || img.bytesPerLine() < static_cast<qsizetype>(shape.width) * shape.channels)
        return QImage();
    for (int y = 0; y < shape.height; ++y) {
        uchar* line = img.scanLine(y);
        for (int x = 0; x < shape.width * shape.channels; ++x) {
            const float v = images(row, static_cast<Eigen::Index>(y) * shape.width * shape.channels + x);
            const float byte = std::isfinite(v) ? (v + 1.0f) * 127.5f : 0.0f;
            line[x] = static_cast<uchar>(std::lround(std::clamp(byte, 0.0f, 255.0f)));
        }
    }
    return img;
}

void paintImageGrid(QPainter& painter, const QRectF& target, const Scene& scene, const SceneColors& colors) {
    const dl::ImageShape& shape = scene.imageShape;
    const Eigen::Index n = scene.images.rows();
    // A shape that does not describe the rows (a damaged model file, say 1×1×C) draws nothing rather
    // than reading or writing outside the buffers.
    const bool drawable =
        shape.width >= 1 && shape.width <= 4096 && shape.height >= 1 && shape.height <= 4096 &&
        (shape.channels == 1 || shape.channels == 3 || shape.channels == 4) &&
        static_cast<long long>(shape.width) * shape.height * shape.channels == scene.images.cols();
    if (n == 0 || !drawable) return;
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    const int rows = static_cast<int>((n + columns - 1) / columns);
    const double gap = std::max(1.0, 4.0 * uiScale(target));
    const double cellW = (target.width() - gap * (columns + 1)) / columns;
    const double cellH = (target.height() - gap * (rows + 1)) / rows;
    // Whole pixels per image pixel when possible, so nearest-neighbour scaling shows crisp squares.
    double cell = std::min(cellW / shape.width, cellH / shape.height);
    if (cell >= 1.0) cell = std::floor(cell);
    const double w = cell * shape.width, h = cell * shape.height;
    const double gridW = columns * w + (columns - 1) * gap, gridH = rows * h + (rows - 1) * gap;
    const QPointF origin(target.left() + (target.width() - gridW) / 2,
                         target.top() + (target.height() - gridH) / 2);
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (Eigen::Index i = 0; i < n; ++i) {
        const int r = static_cast<int>(i / columns), c = static_cast<int>(i % columns);
        const QRectF cellRect(origin.x() + c * (w + gap), origin.y() + r * (h + gap), w, h);
        const QImage cellImage = sampleImage(scene.images, i, shape);
        if (!cellImage.isNull()) painter.drawImage(cellRect, cellImage);
        painter.setPen(QPen(colors.axis, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect.adjusted(-0.5, -0.5, 0.5, 0.5));
    }
    painter.restore();
}

}  // namespace

QFont sceneFont(const QRectF& target, const RenderOptions& options) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(std::max(9, options.minTextPixels),
                               static_cast<int>(std::lround(13.0 * uiScale(target) * options.textScale))));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

SceneTextBoxes sceneTextBoxes(const QRectF& target, const Scene& scene, const RenderOptions& options) {
    const QFont font = sceneFont(target, options);
    const bool points = scene.images.rows() == 0;
    const QRectF data = points ? sceneDataBounds(scene, target) : QRectF();
    const TextAreas areas = textAreas(target, scene, options, font, data);
    SceneTextBoxes boxes;
    if (options.drawCaption && !scene.caption.isEmpty()) boxes.caption = captionBox(areas.captionText, font);
    if (points) {
        if (options.drawAxes) {
            boxes.axisLabels = axisLabelBand(target, font);
            boxes.yAxisLabels = yAxisLabelBand(target, data, font);
        }
        if (options.drawAnnotations)
            boxes.legend = annotationLegendBox(areas.annotations, scene.annotations, font);
    }
    if (options.drawAnnotations)
        boxes.narration = annotationNarrationBox(areas.annotations, scene.annotations, font);
    return boxes;
}

QRectF sceneDataBounds(const Scene& scene, const QRectF& target) {
    QRectF bounds = scene.viewBounds;
    if (bounds.isEmpty()) bounds = pointBounds(scene.points, 0.05);
    if (bounds.isEmpty()) bounds = QRectF(-1, -1, 2, 2);
    return equalAspectBounds(bounds, target.size());
}

void paintScene(QPainter& painter, const QRectF& target, const Scene& scene, const RenderOptions& options) {
    paintScene(painter, target, scene, options, nullptr);
}

QImage renderTrailLayer(const QRectF& target, const Scene& scene, const RenderOptions& options, qreal dpr) {
    dpr = std::max<qreal>(1.0, dpr);
    const QSize pixels(static_cast<int>(std::ceil(target.width() * dpr)),
                       static_cast<int>(std::ceil(target.height() * dpr)));
    QImage layer(pixels.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    layer.setDevicePixelRatio(dpr);
    layer.fill(Qt::transparent);
    if (scene.images.rows() > 0 || scene.trails.empty()) return layer;
    QPainter painter(&layer);
    painter.translate(-target.topLeft());  // the layer's origin is the target's corner
    painter.setClipRect(target);
    const SceneColors colors = sceneColors(options.background, options.palette);
    const DataToPixel map(sceneDataBounds(scene, target), target);
    paintTrails(painter, map, scene.trails, colors, uiScale(target) * options.textScale);
    return layer;
}

void paintScene(QPainter& painter, const QRectF& target, const Scene& scene, const RenderOptions& options,
                const QImage* trailLayer) {
    const SceneColors colors = sceneColors(options.background, options.palette);
    const double scale = uiScale(target) * options.textScale;
    painter.save();
    painter.setClipRect(target);
    paintBackground(painter, target, colors);
    const QFont font = sceneFont(target, options);
    const QRectF data = scene.images.rows() == 0 ? sceneDataBounds(scene, target) : QRectF();
    const TextAreas areas = textAreas(target, scene, options, font, data);

    if (scene.images.rows() > 0) {
        // Below the caption: over the grid it hid a corner of the top-left image. Above the narration
        // (a narrated training step on images), which has no rings or arrows to draw here.
        QRectF grid = target;
        if (!areas.captionText.isEmpty()) grid.setTop(captionBox(areas.captionText, font).bottom());
        const QRectF narration = options.drawAnnotations
                                     ? annotationNarrationBox(areas.annotations, scene.annotations, font)
                                     : QRectF();
        if (!narration.isEmpty()) grid.setBottom(narration.top());
        paintImageGrid(painter, grid, scene, colors);
        if (!narration.isEmpty())
            paintNarration(painter, areas.annotations, scene.annotations, font, colors.text,
                           colors.captionBox);
    } else {
        const DataToPixel map(data, target);
        if (options.drawDensity) paintDensity(painter, map, scene.density, colors);
        if (options.drawTrails && trailLayer)
            painter.drawImage(target.topLeft(), *trailLayer);
        else if (options.drawTrails)
            paintTrails(painter, map, scene.trails, colors, scale);
        if (options.drawPoints) paintPoints(painter, map, scene, options, colors);
        if (options.drawArrows) {
            // The colour-blind-safe palette gives each field its own Okabe–Ito colour, in order.
            int index = 1;
            for (const ArrowField& field : scene.arrowFields) {
                const QColor color =
                    options.palette == ColorPalette::ColorBlindSafe ? categoricalColor(index++) : field.color;
                paintArrows(painter, map, field, color, scale * colors.lineWidth);
            }
        }
        if (options.drawAxes) paintAxes(painter, layoutAxes(map, font), colors, font, scale);
        if (options.drawAnnotations)
            paintAnnotations(painter, target, areas.annotations, map.data, scene.annotations, scale, font,
                             colors.text, colors.captionBox);
    }
    if (options.drawCaption)
        paintCaption(painter, areas.captionText, keepEquationsWhole(scene.caption), colors, font);
    painter.restore();
}

QImage renderScene(const Scene& scene, const RenderOptions& options) {
    const QSize size = options.size.isValid() && !options.size.isEmpty() ? options.size : QSize(800, 800);
    // Premultiplied is the raster engine's fast path; the result is converted to the documented format.
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        paintScene(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene, options);
    }
    return image.convertToFormat(QImage::Format_ARGB32);
}

}  // namespace dlui
