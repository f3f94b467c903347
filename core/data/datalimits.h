// Every limit on data entering Diffusion Lab, in one place. Sources check their input against these
// before allocating, so a bad or hostile file gives a clear dl::Error instead of a crash or a
// multi-gigabyte allocation. The messages quote the limits from here.
//
//   if (rows > dl::limits::kMaxPoints) throw dl::Error("... more than " +
//   std::to_string(dl::limits::kMaxPoints));
#pragma once

#include <cstdint>

namespace dl::limits {

// ---- 2D point sets (generators, hand-drawn strokes, CSV, text and image shapes) ----
/// Fewest points a data set may have (one point has no spread to normalise).
constexpr int kMinPoints = 2;
/// Most points any point source produces or reads: 5,000,000 (N×2 floats = 40 MB).
constexpr int kMaxPoints = 5'000'000;
/// Largest CSV file read into memory (a 5M-line CSV of full-precision floats is about 130 MB).
constexpr std::int64_t kMaxCsvBytes = 512LL * 1024 * 1024;

// ---- images read from files (as a shape or in pixel space) ----
/// Images whose header claims more pixels than this are refused before decoding (30000×30000 is
/// 900 megapixels, 3.6 GB as RGBA); 100 megapixels is e.g. 10000×10000.
constexpr std::int64_t kMaxImageFilePixels = 100'000'000;
/// Larger images are downscaled while decoding (QImageReader::setScaledSize) so the longer side is
/// at most this many pixels; a density for sampling points needs no more detail.
constexpr int kMaxShapeImageSide = 1024;
/// Most image files read from a folder for a pixel-space data set.
constexpr int kMaxImageFiles = 20'000;

// ---- images in pixel space (image files, glyph set) ----
/// Side S of the S×S images the MLP sees: 8..64.
constexpr int kMinImageSide = 8;
constexpr int kMaxImageSide = 64;
/// Size of a pixel-space data set, counted in floats: N·S·S·C ≤ 64M floats (256 MB). That is
/// 262,144 gray 16×16 images or 5,461 RGB 64×64 images.
constexpr std::int64_t kMaxImageFloats = 64LL * 1024 * 1024;
/// Most copies (original + augmented) made of each image file.
constexpr int kMaxAugmentCopies = 1000;

// ---- text shape ----
/// Longest string rendered as a point shape.
constexpr int kMaxTextLength = 64;

}  // namespace dl::limits
