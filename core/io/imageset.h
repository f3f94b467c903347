// Images in pixel space: one file, several files or a folder become a data set of S×S images
// (S from limits::kMinImageSide to kMaxImageSide, gray or RGB), each flattened to one row of
// S·S·C values and scaled to [−1, 1] (dataset.h: imageNormalisation). The forward process then noises
// the image itself and the reverse process generates new images.
//
// Each image is cropped to its centred square (or squashed whole to the square, ImageFit::Squash),
// scaled smoothly to S×S, and shown over a background colour (white by default) where it is
// transparent. Both change what the model sees without a word unless said: loadImageSet reports, one
// line each, how many images were not square and how many had transparent pixels (notes).
// Optional augmentation (imageaugment.h) adds flipped/shifted copies of each image.
//
//   dl::ImageSetOptions o;
//   o.size = 16;
//   dl::Rng rng(0);
//   dl::DataSet set = dl::loadImageSet({"faces/"}, o, rng);
#pragma once

#include <QColor>
#include <QImage>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/imageaugment.h"
#include "core/data/progress.h"
#include "core/math/rng.h"

namespace dl {

/// How a non-square image becomes S×S: its centred square (edges lost) or the whole image (distorted).
enum class ImageFit { Crop, Squash };

struct ImageSetOptions {
    int size = 16;     ///< S: images are S×S
    int channels = 1;  ///< 1 = gray, 3 = RGB
    int copies = 1;    ///< images per file: the file itself plus copies − 1 augmented ones
    AugmentOptions augment;
    ImageFit fit = ImageFit::Crop;
    QRgb background = 0xFFFFFFFFu;  ///< what transparent pixels are flattened onto (opaque; white)
};

/// The file names a path stands for: the file itself, or the readable image files directly inside a
/// folder (by suffix, sorted by name). Throws dl::Error for a missing path, an empty folder or more
/// than limits::kMaxImageFiles files.
std::vector<std::string> imageFilesIn(const std::string& path);

/// One image as S·S·C values 0..255 (row-major pixels, channels interleaved), as a 1×dim Batch.
Batch imagePixels(const QImage& image, int size, int channels, ImageFit fit = ImageFit::Crop,
                  QRgb background = 0xFFFFFFFFu);

/// True when the image has at least one pixel that is not fully opaque.
bool hasTransparentPixels(const QImage& image);

/// Reads every image the paths stand for (files or folders, see imageFilesIn). A file inside a folder
/// that cannot be read is left out (and said in notes); throws dl::Error naming a file given on its own
/// that cannot be used, the first unreadable one when a folder has none readable, or for options out of
/// range; dl::Cancelled when progress returns false.
/// notes (when given) receives one line per thing done to the images that a person should know: files
/// left out, non-square images cropped or squashed, transparent pixels flattened onto the background.
DataSet loadImageSet(const std::vector<std::string>& paths, const ImageSetOptions& options, Rng& rng,
                     const ProgressCallback& progress = {}, std::vector<std::string>* notes = nullptr);

/// Checks size and channels; throws dl::Error naming the allowed values.
void validateImageSize(int size, int channels);

}  // namespace dl
