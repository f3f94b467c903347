#include "core/data/pointcsv.h"

#include <algorithm>
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

namespace dl {
namespace {

void appendFloat(std::string& out, float v) {
    char buffer[32];
    // Shortest representation that reads back to the same float.
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, ptr);
}

bool isBlank(char c) { return c == ' ' || c == '\t'; }

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
    case ',': return "a comma";
    case ';': return "a semicolon";
    case '\t': return "a tab";
    default: return "spaces";
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

// Splits a line into at most 3 fields (a third one only to report it). Returns the field count.
int splitFields(std::string_view line, char sep, std::string_view fields[3]) {
    int count = 0;
    if (sep == ' ') {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && isBlank(line[i])) ++i;
            if (i >= line.size()) break;
            const std::size_t start = i;
            while (i < line.size() && !isBlank(line[i])) ++i;
            if (count < 3) fields[count] = line.substr(start, i - start);
            ++count;
        }
        return count;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = line.find(sep, start);
        const std::string_view field = trim(line.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (count < 3) fields[count] = field;
        ++count;
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return count;
}

enum class NumberStatus { Ok, NotANumber, NotFinite, OutOfRange };

NumberStatus parseNumber(std::string_view field, bool decimalComma, float& value) {
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = trim(field.substr(1, field.size() - 2));
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

Batch parsePointsCsv(std::string_view text, std::string_view sourceName, const ProgressCallback& progress) {
    const std::string source(sourceName);
    if (text.substr(0, std::min<std::size_t>(text.size(), 4096)).find('\0') != std::string_view::npos)
        throw Error(source + " is not a text file (it contains NUL bytes); expected CSV lines 'x,y'");
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    std::vector<float> values;
    // About 12 bytes per line is the shortest realistic CSV ("0.12,-0.5\n"); reserving from that
    // avoids most regrowth without over-allocating for long lines.
    values.reserve(std::min<std::size_t>(text.size() / 6 + 2, 2 * static_cast<std::size_t>(limits::kMaxPoints)));

    char sep = 0;
    bool firstLine = true;
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
        const auto where = [&] { return source + ", line " + std::to_string(lineNumber) + " " + quoted(line) + ": "; };
        if (sep == 0) sep = detectSeparator(line);
        std::string_view fields[3];
        const int count = splitFields(line, sep, fields);
        float xy[2] = {0.0f, 0.0f};
        NumberStatus status[2] = {NumberStatus::NotANumber, NumberStatus::NotANumber};
        for (int k = 0; k < std::min(count, 2); ++k) status[k] = parseNumber(fields[k], sep != ',', xy[k]);

        if (firstLine) {
            firstLine = false;
            // A first line without any number is a header ("x,y", "\"px\";\"py\"").
            bool anyNumber = false;
            for (int k = 0; k < std::min(count, 2); ++k) anyNumber |= status[k] != NumberStatus::NotANumber;
            if (!anyNumber) continue;
        }
        if (count != 2)
            throw Error(where() + "expected 2 values x,y separated by " + separatorName(sep) + ", found " +
                        std::to_string(count) + " (every row needs exactly 2)");
        for (int k = 0; k < 2; ++k) {
            switch (status[k]) {
            case NumberStatus::Ok: break;
            case NumberStatus::NotANumber:
                throw Error(where() + (fields[k].empty() ? std::string("a value is empty")
                                                       : quoted(fields[k]) + " is not a number"));
            case NumberStatus::NotFinite: throw Error(where() + quoted(fields[k]) + " is not a finite number (NaN or infinity)");
            case NumberStatus::OutOfRange: throw Error(where() + quoted(fields[k]) + " is too large for a 32-bit float");
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

Batch readPointsCsv(const std::string& path, const ProgressCallback& progress) {
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
    std::string text(static_cast<std::size_t>(size), '\0');
    const std::size_t read = std::fread(text.data(), 1, text.size(), file);
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) throw Error("cannot read '" + path + "': read error");
    text.resize(read);
    return parsePointsCsv(text, "'" + path + "'", progress);
}

}  // namespace dl
