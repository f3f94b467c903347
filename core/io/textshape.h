// A shape from text the user types ("DDPM"): the string is drawn in bold DejaVu Sans (fonts.h) and
// N points are sampled from the inside of its glyphs, with sub-pixel jitter. Coordinates are in units
// of the font's size (capitals about 0.73 tall), centred on the text, y up; makePointDataSet()
// normalises them.
//
//   dl::Rng rng(0);
//   dl::Batch raw = dl::pointsFromText("DDPM", 8000, rng);
#pragma once

#include <string_view>

#include "core/data/progress.h"
#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

/// Throws dl::Error for empty or blank text, more than limits::kMaxTextLength characters, a control
/// character, a character the font has no glyph for, or n outside 1..limits::kMaxPoints; dl::Cancelled
/// when progress returns false.
Batch pointsFromText(std::string_view utf8Text, int n, Rng& rng, const ProgressCallback& progress = {});

}  // namespace dl
