// A built-in image set that needs no download: glyphs (digits and letters) rendered at S×S with
// small random shifts, scales, rotations and stroke weights, in three DejaVu families (fonts.h),
// normal and bold — an MNIST-like set made on the spot and the default for pixel-space mode.
// Glyphs are light on black (gray), or in a random bright colour on black (RGB).
//
// Image i shows characters[i mod |characters|], so every character gets the same share, and the
// same seed gives the same images on every machine with fonts-dejavu-core.
//
//   dl::Rng rng(0);
//   dl::DataSet set = dl::makeGlyphImageSet(8000, 16, 1, rng);   // 8000 gray 16×16 digits
#pragma once

#include <string>
#include <string_view>

#include "core/data/dataset.h"
#include "core/data/progress.h"
#include "core/math/rng.h"

namespace dl {

struct GlyphSetOptions {
    std::string characters = "0123456789";  ///< ASCII letters and digits to draw
};

/// The characters of a named set: "digits" (0–9), "upper" (A–Z), "lower" (a–z), "letters" (A–Z a–z),
/// "alnum" (digits and letters); any other string is taken as the characters themselves.
std::string glyphCharacters(std::string_view preset);

/// n glyph images of size×size with 1 or 3 channels, normalised as dataset.h says. Throws dl::Error
/// for sizes out of range, characters that are not ASCII letters or digits, or a missing font, and
/// dl::Cancelled when progress (called every few hundred glyphs) returns false.
DataSet makeGlyphImageSet(int n, int size, int channels, Rng& rng, const GlyphSetOptions& options = {},
                          const ProgressCallback& progress = {});

}  // namespace dl
