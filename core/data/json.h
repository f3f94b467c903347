// A small JSON reader (RFC 8259) for the few JSON files the core reads, such as diffusers scheduler
// configs: objects keep their keys in file order, numbers are doubles. Parse errors throw dl::Error
// with the line and column.
//
//   dl::JsonValue v = dl::parseJson(R"({"num_train_timesteps": 1000})");
//   int T = static_cast<int>(v.find("num_train_timesteps")->number);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dl {

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0.0;
    std::string text;
    std::vector<JsonValue> items;                            ///< Array
    std::vector<std::pair<std::string, JsonValue>> members;  ///< Object, in file order

    /// The member named key of an object, or null.
    const JsonValue* find(std::string_view key) const;
};

JsonValue parseJson(std::string_view text);

/// A JSON string literal for text (quotes and escapes included).
std::string jsonQuote(std::string_view text);

}  // namespace dl
