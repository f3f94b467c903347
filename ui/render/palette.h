// The colours of a rendered scene: one set per theme (Background) and palette, and the colour maps for
// per-point keys and heat maps. Kept in one place so the window, exported frames, the CLI and the GIF
// palette agree on every colour.
//
//   const dlui::SceneColors c = dlui::sceneColors(dlui::Background::Dark,
//   dlui::ColorPalette::ColorBlindSafe); QColor early = dlui::keyColor(0.1f); // viridis QColor safe =
//   dlui::keyColor(0.1f, dlui::ColorPalette::ColorBlindSafe); // cividis
#pragma once

#include <QColor>
#include <QString>
#include <optional>
#include <vector>

class QPalette;

#include "core/math/types.h"
#include "ui/render/scene.h"

namespace dlui {

struct SceneColors {
    QColor background;  ///< fully transparent for Background::Transparent
    QColor point;       ///< points without colour keys
    QColor axis;        ///< frame, ticks
    QColor text;        ///< tick labels, caption
    QColor captionBox;  ///< translucent box behind the caption
    QColor trail;
    QColor heat;  ///< the density's colour at its maximum (standard palette)
    /// The density's opacity at its maximum: more on the dark background, where 0.6 of orange over near
    /// black read as a faint brown (a peak of 3.5:1 against the background; 6:1 at 0.85).
    double heatOpacity = 0.6;
    qreal lineWidth = 1.0;  ///< multiplies axis, trail and arrow widths (heavier in high contrast)
    bool heatMap = false;   ///< the density is drawn through keyColor (cividis) instead of one hue
    /// Where the points' colour map starts: 0, or more on a dark background, whose colour the maps'
    /// darkest ends (viridis's purple, cividis's navy) nearly match.
    float keyStart = 0.0f;
    /// Where it ends: 1, or less on a white background, which the maps' lightest ends (both yellow) nearly
    /// match.
    float keyEnd = 1.0f;
    ColorPalette palette = ColorPalette::Standard;
};

SceneColors sceneColors(Background background, ColorPalette palette = ColorPalette::Standard);

/// Colour for a key in [0, 1] (clamped; NaN maps to 0): viridis for the standard palette, cividis (Nuñez,
/// Anderton & Renslow 2018, designed for colour-vision deficiencies) for the colour-blind-safe one.
QColor keyColor(float key, ColorPalette palette = ColorPalette::Standard);

/// The colour of a point with key `key` in a scene of these colours: keyColor from colors.keyStart to
/// colors.keyEnd.
QColor pointKeyColor(float key, const SceneColors& colors);

/// Whether a widgets' palette is a dark one (its window colour below middle lightness), as the dark theme's:
/// widgets with colours of their own pick their dark variants by it.
bool isDarkPalette(const QPalette& palette);

/// WCAG 2 contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);

/// `color`, lightened or darkened (away from `background`) until its contrast ratio reaches `minRatio`;
/// unchanged when it already does. For curves drawn in one fixed colour on any theme.
QColor readableOn(const QColor& color, const QColor& background, double minRatio = 3.0);

/// The colour of the i-th arrow field (overlay) in the colour-blind-safe palette: Okabe & Ito (2008).
QColor categoricalColor(int index);

/// Names used on the command line, in settings and in the sidecar: "standard", "colour-blind".
QString paletteName(ColorPalette palette);
std::optional<ColorPalette> paletteFromName(const QString& name);

/// Keys in [0, 1] from the first coordinate of each row, 0 at its 1st percentile and 1 at its 99th (rows
/// beyond take 0 or 1; all keys are 0.5 when the two are equal, a row's key when its x is not finite). The
/// window and exported frames colour forward frames by x_0 and reverse frames by the final samples x_0 of the
/// trajectory, so a point keeps its colour as it moves and the reverse chain shows where each point ends up.
std::vector<float> colorKeysFromX(const dl::Batch& points);

}  // namespace dlui
