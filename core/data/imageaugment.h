// Augmentation for tiny image sets: extra copies of each image, mirrored left–right and shifted by a
// few pixels (edges repeat), so that a handful of files can still train a pixel-space model without
// the network memorising them pixel for pixel.
//
// Images are rows of a Batch, flattened as in dl::ImageShape (row-major pixels, channels interleaved),
// in any value range (the operations only move pixels).
//
//   dl::Batch more = dl::augmentImages(pixels, shape, 8, {true, 2}, rng);  // 8 copies of each image
#pragma once

#include "core/data/dataset.h"
#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

struct AugmentOptions {
    bool flip = true;  ///< mirror left–right with probability 1/2
    int maxShift = 2;  ///< shift by a whole number of pixels in −maxShift..maxShift along each axis
};

/// copies rows per input image (copies ≥ 1): copy 0 is the image itself, copies 1.. are randomly
/// flipped and shifted. Output row i·copies + k is copy k of image i. Throws dl::Error for a bad
/// shape, copies outside 1..limits::kMaxAugmentCopies or maxShift < 0.
Batch augmentImages(const Batch& images, const ImageShape& shape, int copies, const AugmentOptions& options,
                    Rng& rng);

/// One image (a row of dim() values) mirrored and shifted by (dx, dy) pixels, edges repeated.
/// Positive dx moves the content right, positive dy down.
void flipShiftImage(const float* in, float* out, const ImageShape& shape, bool flip, int dx, int dy);

}  // namespace dl
