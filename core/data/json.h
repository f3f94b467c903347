// A small JSON reader (RFC 8259) for the few JSON files the core reads, such as diffusers scheduler
// configs: objects keep their keys in file order, numbers are doubles. Parse errors throw dl::Error
// with the line and column. writeJson() writes a value back as indented text (numbers to round-trip
// precision, object members in their order).
//
//   dl::JsonValue v = dl::parseJson(R"({"num_train_timesteps": 1000})");
//   int T = static_cast<int>(v.find("num_train_timesteps")->number);
//   std::string text = dl::writeJson(v);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dl {

struct JsonMember;

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0.0;
    std::string text;
    std::vector<JsonValue> items;  ///< Array
    /// Object, in file order. A struct, not std::pair: a pair of an incomplete type cannot be named
    /// here with every standard library (clang with libstdc++ refuses it).
    std::vector<JsonMember> members;

    /// The member named key of an object, or null.
    const JsonValue* find(std::string_view key) const;
    /// Sets (or adds, at the end) the member named key of an object.
    void set(std::string_view key, JsonValue value);

    static JsonValue makeNumber(double v);
    static JsonValue makeBool(bool v);
    static JsonValue makeString(std::string v);
    // Two overloads rather than a default argument: `= {}` here would need JsonMember complete (clang).
    static JsonValue makeArray();
    static JsonValue makeArray(std::vector<JsonValue> items);
    static JsonValue makeObject();
};

/// One "key": value of an object; binds as auto& [key, value].
struct JsonMember {
    std::string key;
    JsonValue value;
};

JsonValue parseJson(std::string_view text);

/// The value as JSON text, indented by two spaces per level, with a final newline. Numbers are written
/// with 17 significant digits (they read back exactly); a non-finite number is written as null.
std::string writeJson(const JsonValue& value);

/// A JSON string literal for text (quotes and escapes included).
std::string jsonQuote(std::string_view text);

}  // namespace dl
