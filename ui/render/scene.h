// What one frame of the main view shows, as a plain value: the same Scene is painted in the window,
// into exported PNG/GIF/video frames and by the headless CLI, so all three look the same.
//
//   dlui::Scene scene;
//   scene.points = dataCoordinates;          // N×2, data coordinates
//   scene.caption = QObject::tr("t = %1").arg(t);
//   QImage frame = dlui::renderScene(scene, dlui::RenderOptions{QSize(800, 800)});
#pragma once

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <QSize>
#include <QString>
#include <vector>

#include "core/data/dataset.h"
#include "core/math/types.h"
#include "ui/render/sceneannotations.h"

namespace dlui {

/// A regular grid of arrows (e.g. predicted noise or score at the current t), data coordinates.
struct ArrowField {
    dl::Batch origins;     ///< M×2
    dl::Batch directions;  ///< M×2, already scaled to data units
    QColor color{200, 60, 60};
};

/// A density on a regular grid covering `bounds` (data coordinates), row 0 at the top (max y).
struct DensityGrid {
    QRectF bounds;
    int columns = 0;
    int rows = 0;
    std::vector<float> values;  ///< rows×columns, row-major, any non-negative scale
};

struct Scene {
    /// 2D mode: the points to draw (N×2, data coordinates) and optional per-point colour keys in [0, 1].
    dl::Batch points;
    std::vector<float> colorKeys;
    /// Optional trails: for a subset of points, their path so far (each K×2, data coordinates).
    std::vector<dl::Batch> trails;
    std::vector<ArrowField> arrowFields;
    DensityGrid density;  ///< drawn under the points when columns > 0
    /// Visible region in data coordinates; an empty rect means "fit the points".
    QRectF viewBounds;

    /// Image mode: samples as normalised images ([−1, 1], N×(w·h·c)), drawn as a grid instead of points.
    dl::Batch images;
    dl::ImageShape imageShape;

    /// Text drawn in a corner (t, ᾱ_t, sampler…).
    QString caption;
    /// Teaching marks over the points: highlighted points, arrows with a legend, narration.
    SceneAnnotations annotations;
};

/// The scene's theme: light (white), dark, high contrast (black on white with heavier lines, for projectors),
/// or transparent (PNG frames only).
enum class Background { White, Dark, Transparent, HighContrast };

/// Colours of points, trails, arrows and heat maps: the standard set (viridis keys, warm single-hue heat
/// map) or one safe for colour-blind viewers (cividis keys and heat map, Okabe–Ito for single colours).
enum class ColorPalette { Standard, ColorBlindSafe };

struct RenderOptions {
    QSize size{800, 800};
    Background background = Background::White;
    ColorPalette palette = ColorPalette::Standard;
    bool drawPoints = true;
    bool drawTrails = true;
    bool drawArrows = true;
    bool drawDensity = true;
    bool drawAxes = true;
    bool drawCaption = true;
    bool drawAnnotations = true;
    qreal pointRadius = 0;  ///< 0: chosen from the number of points and the size
    /// Multiplies the caption, axis labels, ticks, line widths and the chosen point radius (presenter mode).
    qreal textScale = 1.0;
    /// The smallest text, in pixels. Text follows the picture's size (13 px at 800 px), which in a view
    /// squeezed by docks fell to 9 px, below the window's own text; the view sets its font's size here.
    int minTextPixels = 9;
};

/// Paints the scene into `target` (in the painter's coordinates). Deterministic: same input, same pixels.
void paintScene(QPainter& painter, const QRectF& target, const Scene& scene, const RenderOptions& options);

/// The same picture, with the trails taken from `trailLayer` (made by renderTrailLayer for the same target,
/// scene and options) instead of stroked again: a view whose trails have not changed since the last frame
/// draws them as one image. A null layer strokes them as paintScene does.
void paintScene(QPainter& painter, const QRectF& target, const Scene& scene, const RenderOptions& options,
                const QImage* trailLayer);

/// The scene's trails alone, as paintScene draws them into `target`, on a transparent image of the target's
/// size at `dpr` device pixels per pixel (drawn over the axes and under the points by the overload above).
QImage renderTrailLayer(const QRectF& target, const Scene& scene, const RenderOptions& options, qreal dpr);

/// The font of the caption, axis labels and tick labels when drawing into `target` with these options.
QFont sceneFont(const QRectF& target, const RenderOptions& options);

/// Where paintScene puts its words in `target`, so none covers another: the y tick labels along the left
/// edge, the x tick labels along the bottom, the caption top left (right of the y labels), and between
/// them the annotations' legend (top right, below the caption) and narration (bottom, above the x
/// labels). An empty rectangle: not drawn.
struct SceneTextBoxes {
    QRectF caption;
    QRectF axisLabels;   ///< the band of the x tick labels
    QRectF yAxisLabels;  ///< the band of the y tick labels
    QRectF legend;
    QRectF narration;
};
SceneTextBoxes sceneTextBoxes(const QRectF& target, const Scene& scene, const RenderOptions& options);

/// Renders the scene to a new ARGB32 image of options.size.
QImage renderScene(const Scene& scene, const RenderOptions& options);

/// The data-coordinate rectangle the painter maps onto `target` for this scene (after fitting and padding);
/// used by views to turn mouse positions into data coordinates.
QRectF sceneDataBounds(const Scene& scene, const QRectF& target);

}  // namespace dlui
