#include "core/data/pointcsv.h"

#include <charconv>

#include "core/data/atomicfile.h"
#include "core/math/error.h"

namespace dl {
namespace {

void appendFloat(std::string& out, float v) {
    char buffer[32];
    // Shortest representation that reads back to the same float.
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, ptr);
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

void writePointsCsv(const std::string& path, const Batch& points) { writeFileAtomically(path, formatPointsCsv(points)); }

}  // namespace dl
