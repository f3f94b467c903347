// CSV for 2D points. Writing is atomic (see atomicfile.h) and always "x,y" with a header line.
//
// Reading accepts what spreadsheets and scripts write:
//   - two numbers per line, separated by a comma, semicolon, tab or spaces (detected from the first
//     line; with ';', tab or spaces a decimal comma "1,5" is read as 1.5);
//   - an optional header line (a first line that is not two numbers, e.g. "x,y");
//   - blank lines, lines starting with '#', a UTF-8 byte-order mark, CRLF line ends, and values in
//     double quotes are allowed.
// Anything else is a dl::Error that names the first bad line: text where a number belongs, NaN or
// infinity, a row without exactly two values, fewer than limits::kMinPoints points or more than
// limits::kMaxPoints (5,000,000). Parsing uses std::from_chars (a million lines take ~0.1 s) and
// reports progress, so the UI can load a file in a worker and cancel it.
//
//   dl::Batch raw = dl::readPointsCsv("points.csv");
//   dl::DataSet set = dl::makePointDataSet("csv:points.csv", raw);
#pragma once

#include <string>
#include <string_view>

#include "core/data/progress.h"
#include "core/math/types.h"

namespace dl {

/// Formats N×2 points as "x,y\n" lines after an "x,y" header, with enough digits to round-trip floats.
std::string formatPointsCsv(const Batch& points);
void writePointsCsv(const std::string& path, const Batch& points);

/// Parses CSV text into N×2 points. sourceName prefixes error messages ("points.csv, line 7: …").
/// Throws dl::Error for bad input, dl::Cancelled when progress returns false.
Batch parsePointsCsv(std::string_view text, std::string_view sourceName = "CSV",
                     const ProgressCallback& progress = {});

/// Reads and parses a CSV file (at most limits::kMaxCsvBytes). Throws dl::Error naming the file when
/// it cannot be read or is not valid, dl::Cancelled when progress returns false.
Batch readPointsCsv(const std::string& path, const ProgressCallback& progress = {});

}  // namespace dl
