// Images as a 2D shape: an image becomes a density (its darkness, or its alpha) from which N points
// are sampled with sub-pixel jitter (see core/data/densitysampler.h). Points are in pixels of the
// decoded image with y up, so the cloud looks like the picture; makePointDataSet() normalises them.
//
//   dl::Rng rng(1);
//   dl::Batch raw = dl::pointsFromImageFile("logo.png", 8000, rng, {});
#pragma once

#include <QImage>
#include <string>
#include <vector>

#include "core/data/progress.h"
#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

enum class ImageDensitySource {
    Auto,      ///< Alpha when some pixel is transparent, else Darkness
    Darkness,  ///< 1 − luminance, with transparent pixels shown over white (so they count as empty)
    Alpha,     ///< opacity
};

struct ImageShapeOptions {
    ImageDensitySource source = ImageDensitySource::Auto;
    bool invert = false;     ///< use 1 − value: light parts of a dark image, or the transparent parts
    float threshold = 0.0f;  ///< values below this (0..1) count as empty; the rest keep their value
};

/// Per-pixel density in [0, 1] (row-major, top row first). Throws dl::Error for a null image or a
/// threshold outside [0, 1).
std::vector<float> imageDensity(const QImage& image, const ImageShapeOptions& options);

/// n points from an image. Throws dl::Error when the density is empty (an all-white image, say)
/// with a hint about invert/threshold, dl::Cancelled when progress returns false.
Batch pointsFromImage(const QImage& image, int n, Rng& rng, const ImageShapeOptions& options,
                      const ProgressCallback& progress = {});

/// Reads the file (downscaled to limits::kMaxShapeImageSide) and samples n points from it.
Batch pointsFromImageFile(const std::string& path, int n, Rng& rng, const ImageShapeOptions& options,
                          const ProgressCallback& progress = {});

}  // namespace dl
