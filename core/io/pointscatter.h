// A plain scatter plot of 2D points as an image, for `diffusion-lab-cli dataset --out FILE.png` on a
// point data set: dark dots on white, equal scales on both axes, y up, 5% margin. The window and
// the renderer draw points with their own code; this is only a quick look.
//
//   dl::writePng(dl::pointScatterImage(raw), "moons.png");
#pragma once

#include <QImage>

#include "core/data/progress.h"
#include "core/math/types.h"

namespace dl {

/// size×size pixels (64..8192). Throws dl::Error for points that are not N×2 or not finite.
/// progress, when set, is told the fraction of points drawn now and then (its result is ignored).
QImage pointScatterImage(const Batch& points, int size = 800, const ProgressCallback& progress = {});

}  // namespace dl
