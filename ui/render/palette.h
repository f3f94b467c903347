// The colours of a rendered scene: one set per background, and the colour map for per-point keys.
// Kept in one place so the window, exported frames and the GIF palette agree on every colour.
//
//   const dlui::SceneColors c = dlui::sceneColors(dlui::Background::Dark);
//   QColor early = dlui::keyColor(0.1f);   // a perceptually ordered map (viridis anchors)
#pragma once

#include <QColor>
#include <vector>

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
    QColor heat;  ///< the density's colour at its maximum
};

SceneColors sceneColors(Background background);

/// Colour for a key in [0, 1] (clamped; NaN maps to 0): viridis, interpolated between 9 anchors.
QColor keyColor(float key);

/// Keys in [0, 1] from the first coordinate of each row (0.5 when all are equal). The window and exported
/// frames colour forward frames by x_0 and reverse frames by the final samples x_0 of the trajectory, so a
/// point keeps its colour as it moves and the reverse chain shows where each point ends up.
std::vector<float> colorKeysFromX(const dl::Batch& points);

}  // namespace dlui
