// Teaching marks drawn over a scene, as plain values so the window and exported frames draw the same:
// highlighted points (rings), a point's path, labelled arrows (the anatomy of a reverse step: x_t → x̂_0,
// x_t → μ_θ, μ_θ → x_{t−1}; the noise and predictions of a narrated training step), a legend naming what
// each arrow colour means, and one line of narration along the bottom. Everything is in data coordinates.
//
//   dlui::SceneAnnotations a;
//   a.arrows.push_back({QPointF(0, 0), QPointF(1, 0.5), QColor(30, 110, 200)});
//   a.legend.push_back({QColor(30, 110, 200), QObject::tr("x_t → x_0 estimate: the model's guess")});
//   scene.annotations = a;
#pragma once

#include <QColor>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <vector>

class QFont;
class QPainter;

namespace dlui {

struct AnnotationArrow {
    QPointF from, to;  ///< data coordinates
    QColor color;
    bool dashed = false;
};

struct AnnotationPath {
    QPolygonF points;  ///< data coordinates, in order
    QColor color;
};

struct LegendEntry {
    QColor color;
    QString text;
};

struct SceneAnnotations {
    std::vector<QPointF> rings;  ///< highlighted points: a ring around each
    QColor ringColor{230, 80, 20};
    std::vector<AnnotationPath> paths;
    std::vector<AnnotationArrow> arrows;
    std::vector<LegendEntry> legend;  ///< drawn in the top-right corner
    QString narration;                ///< one line at the bottom

    bool empty() const {
        return rings.empty() && paths.empty() && arrows.empty() && legend.empty() && narration.isEmpty();
    }
};

/// The legend's box: top right of `area`, or empty without a legend.
QRectF annotationLegendBox(const QRectF& area, const SceneAnnotations& annotations, const QFont& font);
/// The narration's box: centred at the bottom of `area`, or empty without narration.
QRectF annotationNarrationBox(const QRectF& area, const SceneAnnotations& annotations, const QFont& font);

/// Paints the annotations; target is the scene's rectangle and textArea the part of it left for the
/// legend and the narration (below the caption, above the axis labels); dataBounds is the data rectangle
/// the scene maps onto target, scale the scene's line-width factor, font the caption font.
void paintAnnotations(QPainter& painter, const QRectF& target, const QRectF& textArea,
                      const QRectF& dataBounds, const SceneAnnotations& annotations, double scale,
                      const QFont& font, const QColor& text, const QColor& box);
/// Paints the narration alone, in its box at the bottom of textArea (image grids, which have no data
/// coordinates for rings and arrows, show it too).
void paintNarration(QPainter& painter, const QRectF& textArea, const SceneAnnotations& annotations,
                    const QFont& font, const QColor& text, const QColor& box);

}  // namespace dlui
