#include "core/data/json.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/math/error.h"
#include "core/math/format.h"

namespace dl {
namespace {

class Parser {
public:
    explicit Parser(std::string_view text) : mText(text) {}

    JsonValue document() {
        JsonValue v = value(0);
        skipSpace();
        if (mPos != mText.size()) fail("unexpected text after the JSON value");
        return v;
    }

private:
    static constexpr int kMaxDepth = 256;

    [[noreturn]] void fail(const std::string& what) const {
        int line = 1, column = 1;
        for (std::size_t i = 0; i < mPos && i < mText.size(); ++i) {
            if (mText[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw Error("JSON, line " + std::to_string(line) + " column " + std::to_string(column) + ": " + what);
    }

    void skipSpace() {
        while (mPos < mText.size() &&
               (mText[mPos] == ' ' || mText[mPos] == '\t' || mText[mPos] == '\n' || mText[mPos] == '\r'))
            ++mPos;
    }

    bool consume(std::string_view word) {
        if (mText.substr(mPos, word.size()) != word) return false;
        mPos += word.size();
        return true;
    }

    JsonValue value(int depth) {
        if (depth > kMaxDepth) fail("nested too deeply");
        skipSpace();
        if (mPos >= mText.size()) fail("unexpected end of the text");
        JsonValue v;
        const char c = mText[mPos];
        if (c == '{') {
            v.kind = JsonValue::Kind::Object;
            ++mPos;
            skipSpace();
            if (consume("}")) return v;
            for (;;) {
                skipSpace();
                if (mPos >= mText.size() || mText[mPos] != '"') fail("expected a member name in quotes");
                std::string key = string();
                skipSpace();
                if (!consume(":")) fail("expected ':' after the member name");
                v.members.push_back(JsonMember{std::move(key), value(depth + 1)});
                skipSpace();
                if (consume("}")) return v;
                if (!consume(",")) fail("expected ',' or '}' in an object");
            }
        }
        if (c == '[') {
            v.kind = JsonValue::Kind::Array;
            ++mPos;
            skipSpace();
            if (consume("]")) return v;
            for (;;) {
                v.items.push_back(value(depth + 1));
                skipSpace();
                if (consume("]")) return v;
                if (!consume(",")) fail("expected ',' or ']' in an array");
            }
        }
        if (c == '"') {
            v.kind = JsonValue::Kind::String;
            v.text = string();
            return v;
        }
        if (consume("true")) {
            v.kind = JsonValue::Kind::Bool;
            v.boolean = true;
            return v;
        }
        if (consume("false")) {
            v.kind = JsonValue::Kind::Bool;
            return v;
        }
        if (consume("null")) return v;
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            v.kind = JsonValue::Kind::Number;
            v.number = number();
            return v;
        }
        fail(std::string("unexpected character '") + c + "'");
    }

    double number() {
        const std::size_t start = mPos;
        if (mText[mPos] == '-') ++mPos;
        auto digits = [&] {
            const std::size_t from = mPos;
            while (mPos < mText.size() && std::isdigit(static_cast<unsigned char>(mText[mPos]))) ++mPos;
            if (mPos == from) fail("malformed number");
        };
        digits();
        if (mPos < mText.size() && mText[mPos] == '.') {
            ++mPos;
            digits();
        }
        if (mPos < mText.size() && (mText[mPos] == 'e' || mText[mPos] == 'E')) {
            ++mPos;
            if (mPos < mText.size() && (mText[mPos] == '+' || mText[mPos] == '-')) ++mPos;
            digits();
        }
        const std::string token(mText.substr(start, mPos - start));
        return std::strtod(token.c_str(), nullptr);
    }

    std::string string() {
        ++mPos;  // opening quote
        std::string out;
        while (mPos < mText.size() && mText[mPos] != '"') {
            char c = mText[mPos++];
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (mPos >= mText.size()) break;
            c = mText[mPos++];
            switch (c) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    if (mPos + 4 > mText.size()) fail("short \\u escape");
                    const unsigned code = static_cast<unsigned>(
                        std::strtoul(std::string(mText.substr(mPos, 4)).c_str(), nullptr, 16));
                    mPos += 4;
                    // UTF-8 for the Basic Multilingual Plane (surrogate pairs are kept as two code units).
                    if (code < 0x80) {
                        out += static_cast<char>(code);
                    } else if (code < 0x800) {
                        out += static_cast<char>(0xC0 | (code >> 6));
                        out += static_cast<char>(0x80 | (code & 0x3F));
                    } else {
                        out += static_cast<char>(0xE0 | (code >> 12));
                        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                        out += static_cast<char>(0x80 | (code & 0x3F));
                    }
                    break;
                }
                default:
                    fail(std::string("unknown escape '\\") + c + "'");
            }
        }
        if (mPos >= mText.size()) fail("unterminated string");
        ++mPos;  // closing quote
        return out;
    }

    std::string_view mText;
    std::size_t mPos = 0;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [name, value] : members)
        if (name == key) return &value;
    return nullptr;
}

void JsonValue::set(std::string_view key, JsonValue value) {
    for (auto& [name, member] : members)
        if (name == key) {
            member = std::move(value);
            return;
        }
    members.push_back({std::string(key), std::move(value)});
}

JsonValue JsonValue::makeNumber(double v) {
    JsonValue j;
    j.kind = Kind::Number;
    j.number = v;
    return j;
}

JsonValue JsonValue::makeBool(bool v) {
    JsonValue j;
    j.kind = Kind::Bool;
    j.boolean = v;
    return j;
}

JsonValue JsonValue::makeString(std::string v) {
    JsonValue j;
    j.kind = Kind::String;
    j.text = std::move(v);
    return j;
}

JsonValue JsonValue::makeArray() {
    return makeArray(std::vector<JsonValue>{});
}

JsonValue JsonValue::makeArray(std::vector<JsonValue> items) {
    JsonValue j;
    j.kind = Kind::Array;
    j.items = std::move(items);
    return j;
}

JsonValue JsonValue::makeObject() {
    JsonValue j;
    j.kind = Kind::Object;
    return j;
}

JsonValue parseJson(std::string_view text) {
    return Parser(text).document();
}

std::string jsonQuote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

namespace {

void writeValue(const JsonValue& v, int depth, std::string& out) {
    const std::string indent(2 * static_cast<std::size_t>(depth + 1), ' ');
    switch (v.kind) {
        case JsonValue::Kind::Null:
            out += "null";
            return;
        case JsonValue::Kind::Bool:
            out += v.boolean ? "true" : "false";
            return;
        case JsonValue::Kind::Number:
            out += std::isfinite(v.number) ? formatRoundTrip(v.number) : std::string("null");
            return;
        case JsonValue::Kind::String:
            out += jsonQuote(v.text);
            return;
        case JsonValue::Kind::Array: {
            // Arrays of numbers (β arrays) on one line; anything else one item per line.
            const bool flat = std::all_of(v.items.begin(), v.items.end(), [](const JsonValue& item) {
                return item.kind != JsonValue::Kind::Array && item.kind != JsonValue::Kind::Object;
            });
            out += '[';
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                if (i) out += ',';
                if (flat) {
                    if (i) out += ' ';
                } else {
                    out += '\n';
                    out += indent;
                }
                writeValue(v.items[i], depth + 1, out);
            }
            if (!flat && !v.items.empty()) {
                out += '\n';
                out.append(2 * static_cast<std::size_t>(depth), ' ');
            }
            out += ']';
            return;
        }
        case JsonValue::Kind::Object:
            out += '{';
            for (std::size_t i = 0; i < v.members.size(); ++i) {
                if (i) out += ',';
                out += '\n';
                out += indent;
                out += jsonQuote(v.members[i].key);
                out += ": ";
                writeValue(v.members[i].value, depth + 1, out);
            }
            if (!v.members.empty()) {
                out += '\n';
                out.append(2 * static_cast<std::size_t>(depth), ' ');
            }
            out += '}';
            return;
    }
}

}  // namespace

std::string writeJson(const JsonValue& value) {
    std::string out;
    writeValue(value, 0, out);
    return out + "\n";
}

}  // namespace dl
