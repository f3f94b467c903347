// CSV for 2D points. Writing is atomic (see atomicfile.h) and always "x,y" with a header line.
//
// Reading accepts what spreadsheets and scripts write:
//   - two numbers per line, separated by a comma, semicolon, tab or spaces (detected from the first
//     line; with ';', tab or spaces a decimal comma "1,5" is read as 1.5);
//   - an optional header line (a first line that is not two numbers, e.g. "x,y");
//   - blank lines, lines starting with '#', a UTF-8 byte-order mark, CRLF line ends, and values in
//     double quotes are allowed.
// Files with more columns (a classic tabular data set) need two of them chosen, by 1-based number or
// by header name (CsvColumns): only those two must be numbers, the others may hold anything (a class
// name). Anything else is a dl::Error that names the first bad line: text where a number belongs, NaN or
// infinity, a row without exactly two values (or without the chosen columns), a column that does not exist,
// fewer than limits::kMinPoints points or more than limits::kMaxPoints (5,000,000). Parsing uses
// std::from_chars (a million lines take ~0.1 s) and reports progress, so the UI can load a file in a worker
// and cancel it.
//
//   dl::Batch raw = dl::readPointsCsv("points.csv");
//   dl::DataSet set = dl::makePointDataSet("csv:points.csv", raw);
//   dl::Batch petals = dl::readPointsCsv("iris.csv", {}, dl::parseCsvColumns("petal_length,petal_width"));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/data/progress.h"
#include "core/math/types.h"

namespace dl {

/// Formats N×2 points as "x,y\n" lines after an "x,y" header, with enough digits to round-trip floats.
std::string formatPointsCsv(const Batch& points);
void writePointsCsv(const std::string& path, const Batch& points);

/// The two columns that become x and y: each a 1-based column number ("3") or a header name
/// ("petal_length", matched ignoring case). Both empty: the file must have exactly two columns.
struct CsvColumns {
    std::string x;
    std::string y;
    bool chosen() const { return !x.empty() || !y.empty(); }
};

/// Parses "3,4" or "petal_length,petal_width" (a flag's value). Throws dl::Error unless it is two
/// non-empty items separated by one comma.
CsvColumns parseCsvColumns(std::string_view spec);

/// Parses CSV text into N×2 points. sourceName prefixes error messages ("points.csv, line 7: …").
/// Throws dl::Error for bad input, dl::Cancelled when progress returns false.
Batch parsePointsCsv(std::string_view text, std::string_view sourceName = "CSV",
                     const ProgressCallback& progress = {}, const CsvColumns& columns = {});

/// Reads and parses a CSV file (at most limits::kMaxCsvBytes). Throws dl::Error naming the file when
/// it cannot be read or is not valid, dl::Cancelled when progress returns false.
Batch readPointsCsv(const std::string& path, const ProgressCallback& progress = {},
                    const CsvColumns& columns = {});

/// The columns of a CSV, from its first lines: for a chooser.
struct CsvLayout {
    std::vector<std::string> names;  ///< header names, or "1", "2", … when the file has no header
    bool hasHeader = false;
    int columns = 0;  ///< fields of the first data row
};
/// Looks at the first non-comment lines of text only. Throws dl::Error when there is no data row, or
/// when the text is not text (NUL bytes: a binary file).
CsvLayout inspectPointsCsv(std::string_view text, std::string_view sourceName = "CSV");
/// inspectPointsCsv() on the first 64 KiB of a file.
CsvLayout readPointsCsvLayout(const std::string& path);

}  // namespace dl
