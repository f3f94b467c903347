// Images in pixel space: one file, several files or a folder become a data set of S×S images
// (S from limits::kMinImageSide to kMaxImageSide, gray or RGB), each flattened to one row of
// S·S·C values and scaled to [−1, 1] (dataset.h: imageNormalisation). The forward process then noises
// the image itself and the reverse process generates new images.
//
// Each image is cropped to its centred square, scaled smoothly to S×S, and shown over white where it
// is transparent. Optional augmentation (imageaugment.h) adds flipped/shifted copies of each image.
//
//   dl::ImageSetOptions o;
//   o.size = 16;
//   dl::Rng rng(0);
//   dl::DataSet set = dl::loadImageSet({"faces/"}, o, rng);
#pragma once

#include <QImage>

#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/imageaugment.h"
#include "core/data/progress.h"
#include "core/math/rng.h"

namespace dl {

struct ImageSetOptions {
    int size = 16;         ///< S: images are S×S
    int channels = 1;      ///< 1 = gray, 3 = RGB
    int copies = 1;        ///< images per file: the file itself plus copies − 1 augmented ones
    AugmentOptions augment;
};

/// The file names a path stands for: the file itself, or the readable image files directly inside a
/// folder (by suffix, sorted by name). Throws dl::Error for a missing path, an empty folder or more
/// than limits::kMaxImageFiles files.
std::vector<std::string> imageFilesIn(const std::string& path);

/// One image as S·S·C values 0..255 (row-major pixels, channels interleaved), as a 1×dim Batch.
Batch imagePixels(const QImage& image, int size, int channels);

/// Reads every image the paths stand for (files or folders, see imageFilesIn). Throws dl::Error
/// naming the first file that cannot be used, or for options out of range; dl::Cancelled when
/// progress returns false.
DataSet loadImageSet(const std::vector<std::string>& paths, const ImageSetOptions& options, Rng& rng,
                     const ProgressCallback& progress = {});

/// Checks size and channels; throws dl::Error naming the allowed values.
void validateImageSize(int size, int channels);

}  // namespace dl
