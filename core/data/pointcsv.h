// CSV for 2D points: "x,y" with a header line. Writing is atomic (see atomicfile.h).
#pragma once

#include <string>

#include "core/math/types.h"

namespace dl {

/// Formats N×2 points as "x,y\n" lines after an "x,y" header, with enough digits to round-trip floats.
std::string formatPointsCsv(const Batch& points);
void writePointsCsv(const std::string& path, const Batch& points);

}  // namespace dl
