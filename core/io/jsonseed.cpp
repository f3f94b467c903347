#include "core/io/jsonseed.h"

#include <QString>
#include <cmath>

namespace dl {

std::optional<std::uint64_t> seedFromJson(const QJsonValue& value) {
    if (value.isString()) {
        bool ok = false;
        const qulonglong seed = value.toString().toULongLong(&ok);
        if (ok) return seed;
        return std::nullopt;
    }
    if (!value.isDouble()) return std::nullopt;
    // 2^53: the last whole number past which a double skips integers.
    constexpr double kLargestExactWhole = 9007199254740992.0;
    const double d = value.toDouble();
    if (!(d >= 0.0 && d <= kLargestExactWhole) || d != std::floor(d)) return std::nullopt;
    return static_cast<std::uint64_t>(d);
}

}  // namespace dl
