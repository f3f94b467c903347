#include "core/data/pointcsv.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/data/atomicfile.h"
#include "core/data/datalimits.h"
#include "core/math/error.h"
#include "core/math/format.h"

namespace dl {
namespace {

void appendFloat(std::string& out, float v) {
    out += formatFloatRoundTrip(v);  // fits the string's own buffer: no allocation per value
}

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && (isBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A line as it appears in messages: trimmed and cut to a readable length.
std::string quoted(std::string_view s) {
    constexpr std::size_t kMax = 40;
    std::string out(s.substr(0, kMax));
    if (s.size() > kMax) out += "…";
    return "'" + out + "'";
}

const char* separatorName(char sep) {
    switch (sep) {
        case ',':
            return "a comma";
        case ';':
            return "a semicolon";
        case '\t':
            return "a tab";
        default:
            return "spaces";
    }
}

// The separator of the file, from its first line: ';' or tab when present (they leave ',' free to be
// a decimal comma), else ',', else runs of spaces.
char detectSeparator(std::string_view line) {
    if (line.find(';') != std::string_view::npos) return ';';
    if (line.find('\t') != std::string_view::npos) return '\t';
    if (line.find(',') != std::string_view::npos) return ',';
    return ' ';
}

// Splits a line into its fields (the vector is reused across lines, so it allocates only once).
void splitFields(std::string_view line, char sep, std::vector<std::string_view>& fields) {
    fields.clear();
    if (sep == ' ') {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && isBlank(line[i])) ++i;
            if (i >= line.size()) break;
            const std::size_t start = i;
            while (i < line.size() && !isBlank(line[i])) ++i;
            fields.push_back(line.substr(start, i - start));
        }
        return;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = line.find(sep, start);
        fields.push_back(trim(line.substr(start, pos == std::string_view::npos ? pos : pos - start)));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
}

std::string unquoted(std::string_view field) {
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
        field = trim(field.substr(1, field.size() - 2));
    return std::string(field);
}

bool sameIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

/// The 0-based index of a column given by 1-based number or header name; throws naming the problem.
int resolveColumn(const std::string& spec, const std::vector<std::string>& header, int count,
                  const std::string& source) {
    const bool number =
        !spec.empty() && std::all_of(spec.begin(), spec.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (number) {
        const int column = spec.size() > 9 ? 0 : std::stoi(spec);
        if (column < 1 || column > count)
            throw Error(source + ": there is no column " + spec + "; the rows have " + std::to_string(count) +
                        " columns, numbered 1 to " + std::to_string(count));
        return column - 1;
    }
    if (header.empty())
        throw Error(source + ": column '" + spec +
                    "' is a name, but the file has no header line; give its number (1 to " +
                    std::to_string(count) + ")");
    for (std::size_t i = 0; i < header.size(); ++i)
        if (sameIgnoringCase(header[i], spec)) return static_cast<int>(i);
    throw Error(source + ": no column is named '" + spec + "'; the header has " + joined(header));
}

enum class NumberStatus { Ok, NotANumber, NotFinite, OutOfRange };

NumberStatus parseNumber(std::string_view field, bool decimalComma, float& value) {
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
        field = trim(field.substr(1, field.size() - 2));
    if (!field.empty() && field.front() == '+') field.remove_prefix(1);
    if (field.empty()) return NumberStatus::NotANumber;
    char buffer[64];
    if (decimalComma && field.find(',') != std::string_view::npos) {
        if (field.size() >= sizeof buffer) return NumberStatus::NotANumber;
        std::copy(field.begin(), field.end(), buffer);
        std::replace(buffer, buffer + field.size(), ',', '.');
        field = std::string_view(buffer, field.size());
    }
    const char* end = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data(), end, value);
    if (ec == std::errc::result_out_of_range) {
        // Too small for a float is fine (it rounds to 0 or a denormal); too large is not.
        double wide = 0.0;
        const auto [wptr, wec] = std::from_chars(field.data(), end, wide);
        if (wec != std::errc() || wptr != end || !(std::abs(wide) < 1.0)) return NumberStatus::OutOfRange;
        value = static_cast<float>(wide);
        return NumberStatus::Ok;
    }
    if (ec != std::errc() || ptr != end) return NumberStatus::NotANumber;
    if (!std::isfinite(value)) return NumberStatus::NotFinite;
    return NumberStatus::Ok;
}

/// A binary file read as CSV yields "columns" of random bytes; both the reader and the column chooser's
/// look at the first lines refuse it.
void requireText(std::string_view text, const std::string& source) {
    if (text.substr(0, std::min<std::size_t>(text.size(), 4096)).find('\0') != std::string_view::npos)
        throw Error(source + " is not a text file (it contains NUL bytes); expected CSV lines 'x,y'");
}

}  // namespace

std::string formatPointsCsv(const Batch& points) {
    if (points.cols() != 2) throw Error("point CSV needs 2 columns, got " + std::to_string(points.cols()));
    std::string out = "x,y\n";
    out.reserve(out.size() + static_cast<std::size_t>(points.rows()) * 24);
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
        appendFloat(out, points(i, 0));
        out += ',';
        appendFloat(out, points(i, 1));
        out += '\n';
    }
    return out;
}

void writePointsCsv(const std::string& path, const Batch& points) {
    // A CSV with "nan" or "inf" could not be read back: refuse it rather than write it.
    if (!points.allFinite())
        throw Error("cannot write '" + path + "': the points contain NaN or infinite values");
    writeFileAtomically(path, formatPointsCsv(points));
}

CsvColumns parseCsvColumns(std::string_view spec) {
    const std::size_t comma = spec.find(',');
    CsvColumns c;
    if (comma != std::string_view::npos && spec.find(',', comma + 1) == std::string_view::npos) {
        c.x = std::string(trim(spec.substr(0, comma)));
        c.y = std::string(trim(spec.substr(comma + 1)));
    }
    if (c.x.empty() || c.y.empty())
        throw Error(
            "columns: expected two columns separated by a comma, by number (3,4) or header name "
            "(petal_length,petal_width), got '" +
            std::string(spec) + "'");
    return c;
}

Batch parsePointsCsv(std::string_view text, std::string_view sourceName, const ProgressCallback& progress,
                     const CsvColumns& columns) {
    const std::string source(sourceName);
    requireText(text, source);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    std::vector<float> values;
    // About 12 bytes per line is the shortest realistic CSV ("0.12,-0.5\n"); reserving from that
    // avoids most regrowth without over-allocating for long lines.
    values.reserve(
        std::min<std::size_t>(text.size() / 6 + 2, 2 * static_cast<std::size_t>(limits::kMaxPoints)));

    char sep = 0;
    bool firstLine = true;
    std::vector<std::string> header;
    std::vector<std::string_view> fields;
    int pick[2] = {-1, -1};  // 0-based columns of x and y, resolved at the first data row
    int expectedFields = 2;  // without a choice every row has exactly 2; with one, at least the chosen
    long long lineNumber = 0;
    long long points = 0;
    std::size_t pos = 0;
    constexpr long long kProgressEvery = 1 << 16;
    while (pos < text.size()) {
        std::size_t newline = text.find('\n', pos);
        if (newline == std::string_view::npos) newline = text.size();
        const std::string_view line = trim(text.substr(pos, newline - pos));
        pos = newline + 1;
        ++lineNumber;
        if (progress && lineNumber % kProgressEvery == 0 &&
            !progress(static_cast<double>(std::min(pos, text.size())) / static_cast<double>(text.size())))
            throw Cancelled();
        if (line.empty() || line.front() == '#') continue;

        // Built only on failure: a million string allocations would double the parse time.
        const auto where = [&] {
            return source + ", line " + std::to_string(lineNumber) + " " + quoted(line) + ": ";
        };
        if (sep == 0) sep = detectSeparator(line);
        splitFields(line, sep, fields);
        const int count = static_cast<int>(fields.size());

        if (firstLine) {
            firstLine = false;
            // A first line without any number is a header ("x,y", "\"px\";\"py\"", "sepal_length,…,species").
            float value = 0.0f;
            bool anyNumber = false;
            for (std::string_view f : fields)
                anyNumber |= parseNumber(f, sep != ',', value) != NumberStatus::NotANumber;
            if (!anyNumber) {
                for (std::string_view f : fields) header.push_back(unquoted(f));
                continue;
            }
        }
        if (pick[0] < 0) {
            if (columns.chosen()) {
                pick[0] = resolveColumn(columns.x, header, count, source);
                pick[1] = resolveColumn(columns.y, header, count, source);
                if (pick[0] == pick[1])
                    throw Error(source + ": x and y are the same column (" + columns.x + ")");
                expectedFields = std::max(pick[0], pick[1]) + 1;
            } else {
                if (count > 2)
                    throw Error(where() + "found " + std::to_string(count) + " values separated by " +
                                separatorName(sep) + "; choose two of the " + std::to_string(count) +
                                " columns by number or header name" +
                                (header.empty() ? "" : " (" + joined(header) + ")"));
                pick[0] = 0;
                pick[1] = 1;
            }
        }
        // A file of one column has no separator to name: "separated by spaces" read as a complaint about
        // the commas it does not have.
        if (!columns.chosen() && count == 1 && sep == ' ')
            throw Error(where() +
                        "found one value and no separator; every row needs 2 values x,y, separated by a "
                        "comma, a semicolon, a tab or spaces");
        if (columns.chosen() ? count < expectedFields : count != 2)
            throw Error(where() + "expected " +
                        (columns.chosen() ? "at least " + std::to_string(expectedFields) + " values"
                                          : std::string("2 values x,y")) +
                        " separated by " + separatorName(sep) + ", found " + std::to_string(count) +
                        (columns.chosen() ? "" : " (every row needs exactly 2)"));
        float xy[2] = {0.0f, 0.0f};
        for (int k = 0; k < 2; ++k) {
            const std::string_view field = fields[static_cast<std::size_t>(pick[k])];
            switch (parseNumber(field, sep != ',', xy[k])) {
                case NumberStatus::Ok:
                    break;
                case NumberStatus::NotANumber:
                    throw Error(where() + (field.empty() ? std::string("a value is empty")
                                                         : quoted(field) + " is not a number"));
                case NumberStatus::NotFinite:
                    throw Error(where() + quoted(field) + " is not a finite number (NaN or infinity)");
                case NumberStatus::OutOfRange:
                    throw Error(where() + quoted(field) + " is too large for a 32-bit float");
            }
        }
        if (++points > limits::kMaxPoints)
            throw Error(source + " has more than " + std::to_string(limits::kMaxPoints) +
                        " points, the limit (line " + std::to_string(lineNumber) + " is one too many)");
        values.push_back(xy[0]);
        values.push_back(xy[1]);
    }
    if (points < limits::kMinPoints)
        throw Error(source + " has " + std::to_string(points) + (points == 1 ? " point" : " points") +
                    "; a data set needs at least " + std::to_string(limits::kMinPoints));
    if (progress && !progress(1.0)) throw Cancelled();
    Batch out(points, 2);
    std::copy(values.begin(), values.end(), out.data());
    return out;
}

CsvLayout inspectPointsCsv(std::string_view text, std::string_view sourceName) {
    requireText(text, std::string(sourceName));
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    CsvLayout layout;
    char sep = 0;
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t newline = text.find('\n', pos);
        if (newline == std::string_view::npos) newline = text.size();
        const std::string_view line = trim(text.substr(pos, newline - pos));
        pos = newline + 1;
        if (line.empty() || line.front() == '#') continue;
        if (sep == 0) sep = detectSeparator(line);
        splitFields(line, sep, fields);
        float value = 0.0f;
        bool anyNumber = false;
        for (std::string_view f : fields)
            anyNumber |= parseNumber(f, sep != ',', value) != NumberStatus::NotANumber;
        if (!anyNumber && !layout.hasHeader && layout.names.empty()) {
            layout.hasHeader = true;
            for (std::string_view f : fields) layout.names.push_back(unquoted(f));
            continue;
        }
        layout.columns = static_cast<int>(fields.size());
        if (!layout.hasHeader)
            for (int i = 1; i <= layout.columns; ++i) layout.names.push_back(std::to_string(i));
        return layout;
    }
    throw Error(std::string(sourceName) + " has no data row");
}

namespace {

/// Checks that path is a readable regular file of at most limits::kMaxCsvBytes and reads up to maxBytes.
std::string readCsvText(const std::string& path, std::uintmax_t maxBytes) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw Error("cannot read '" + path + "': no such file");
    if (!fs::is_regular_file(status)) throw Error("cannot read '" + path + "': not a regular file");
    const auto size = fs::file_size(path, ec);
    if (ec) throw Error("cannot read '" + path + "': " + ec.message());
    if (size > static_cast<std::uintmax_t>(limits::kMaxCsvBytes))
        throw Error("'" + path + "' is " + std::to_string(size / (1024 * 1024)) + " MB, more than the " +
                    std::to_string(limits::kMaxCsvBytes / (1024 * 1024)) + " MB limit for a CSV file");
    if (size == 0) throw Error("'" + path + "' is empty; expected CSV lines 'x,y'");

    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) throw Error("cannot read '" + path + "': " + std::strerror(errno));
    std::string text(static_cast<std::size_t>(std::min<std::uintmax_t>(size, maxBytes)), '\0');
    const std::size_t read = std::fread(text.data(), 1, text.size(), file);
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) throw Error("cannot read '" + path + "': read error");
    text.resize(read);
    return text;
}

}  // namespace

Batch readPointsCsv(const std::string& path, const ProgressCallback& progress, const CsvColumns& columns) {
    const std::string text = readCsvText(path, static_cast<std::uintmax_t>(limits::kMaxCsvBytes));
    return parsePointsCsv(text, "'" + path + "'", progress, columns);
}

CsvLayout readPointsCsvLayout(const std::string& path) {
    std::string text = readCsvText(path, 64 * 1024);
    // A cut last line is incomplete: inspect only whole lines when the file goes on.
    if (const std::size_t last = text.rfind('\n'); last != std::string::npos && text.size() == 64 * 1024)
        text.resize(last + 1);
    return inspectPointsCsv(text, "'" + path + "'");
}

}  // namespace dl
