// Images to look at: a batch of normalised images (N×d, values in [−1, 1], see dataset.h) laid out as
// a grid, and PNG files written atomically (QSaveFile). The dataset and sample commands and the
// renderer use these for image data.
//
//   QImage grid = dl::imageGrid(samples, set.image);           // ⌈√N⌉ columns
//   dl::writeImageGridPng("samples.png", samples, set.image, 0, 4);
#pragma once

#include <QImage>
#include <string>

#include "core/data/dataset.h"

namespace dl {

/// A grid of the images, columns wide (0: ⌈√N⌉), with 1-pixel dark-gray gaps and borders. Values are
/// mapped back to 0..255 (clamped). Throws dl::Error when the batch does not match the shape, is
/// empty, or the grid would be larger than 16384 pixels on a side.
QImage imageGrid(const dl::Batch& normalisedImages, const dl::ImageShape& shape, int columns = 0);

/// Writes a PNG atomically; throws dl::Error naming the file when it cannot be written.
void writePng(const QImage& image, const std::string& path);

/// imageGrid() scaled up by a whole factor (1..16, nearest neighbour, so pixels stay sharp) and
/// written as a PNG.
void writeImageGridPng(const std::string& path, const dl::Batch& normalisedImages,
                       const dl::ImageShape& shape, int columns = 0, int scale = 1);

}  // namespace dl
