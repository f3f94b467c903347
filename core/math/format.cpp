#include "core/math/format.h"

#include <charconv>
#include <locale>
#include <sstream>

namespace dl {

std::string formatRoundTrip(double v) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return error == std::errc() ? std::string(buffer, end) : formatNumber(v, 17);
}

std::string formatFloatRoundTrip(float v) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return error == std::errc() ? std::string(buffer, end) : formatNumber(v, 9);
}

std::string formatNumber(double v, int precision) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(precision);
    out << v;
    return out.str();
}

}  // namespace dl
