// A random seed stored in a JSON file (sessions, lessons). Seeds are 64-bit, more than a JSON number holds
// exactly, so files write them as strings of digits; a number is still read when it is a whole number a
// double holds exactly. Anything else (negative, fractional, 1e300, a seed past 2^53) is no seed: casting
// such a double to an integer is undefined behaviour, and a rounded seed would not be the one saved.
//
//   dl::seedFromJson(QJsonValue(QStringLiteral("18446744073709551615")))  // 2^64 - 1
//   dl::seedFromJson(QJsonValue(42.0))                                      // 42
//   dl::seedFromJson(QJsonValue(2.5e70))                                    // nothing
#pragma once

#include <QJsonValue>
#include <cstdint>
#include <optional>

namespace dl {

std::optional<std::uint64_t> seedFromJson(const QJsonValue& value);

}  // namespace dl
