#include "core/data/schedulejson.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <string>

#include "core/math/error.h"
#include "core/math/format.h"

namespace dl {
namespace {

// Each key with its older forms, newest first.
constexpr std::array<std::string_view, 2> kKindKeys = {"beta_schedule", "kind"};
constexpr std::array<std::string_view, 2> kStepsKeys = {"num_train_timesteps", "T"};
constexpr std::array<std::string_view, 2> kBetaStartKeys = {"beta_start", "betaStart"};
constexpr std::array<std::string_view, 2> kBetaEndKeys = {"beta_end", "betaEnd"};
constexpr std::array<std::string_view, 3> kZeroSnrKeys = {"rescale_betas_zero_snr", "zero_terminal_snr",
                                                          "zeroTerminalSnr"};
constexpr std::array<std::string_view, 2> kControlPointKeys = {"control_points", "customControlPoints"};
constexpr std::array<std::string_view, 3> kBetaKeys = {"trained_betas", "betas", "customBetas"};

std::string_view kindName(JsonValue::Kind kind) {
    switch (kind) {
        case JsonValue::Kind::Null:
            return "null";
        case JsonValue::Kind::Bool:
            return "a boolean";
        case JsonValue::Kind::Number:
            return "a number";
        case JsonValue::Kind::String:
            return "a string";
        case JsonValue::Kind::Array:
            return "an array";
        case JsonValue::Kind::Object:
            return "an object";
    }
    return "a value";
}

/// The first of `keys` the object holds with a non-null value, checked to be of `kind`; with its key.
template <std::size_t N>
std::pair<std::string_view, const JsonValue*> field(const JsonValue& o,
                                                    const std::array<std::string_view, N>& keys,
                                                    JsonValue::Kind kind) {
    for (std::string_view key : keys) {
        const JsonValue* v = o.find(key);
        if (!v || v->kind == JsonValue::Kind::Null) continue;
        if (v->kind != kind)
            throw Error(std::string(key) + " must be " + std::string(kindName(kind)) + ", got " +
                        std::string(kindName(v->kind)));
        return {key, v};
    }
    return {{}, nullptr};
}

std::vector<double> numbers(std::string_view key, const JsonValue& array) {
    std::vector<double> out;
    out.reserve(array.items.size());
    for (const JsonValue& item : array.items) {
        if (item.kind != JsonValue::Kind::Number) throw Error(std::string(key) + " must hold numbers only");
        out.push_back(item.number);
    }
    return out;
}

}  // namespace

std::string_view diffusersScheduleName(ScheduleKind kind) {
    return kind == ScheduleKind::Cosine ? std::string_view("squaredcos_cap_v2") : scheduleKindName(kind);
}

std::optional<ScheduleKind> scheduleKindFromJsonName(std::string_view name) {
    if (name == "squaredcos_cap_v2") return ScheduleKind::Cosine;
    return scheduleKindFromName(name);
}

JsonValue scheduleParamsToJson(const ScheduleParams& p) {
    JsonValue o = JsonValue::makeObject();
    o.set("beta_schedule", JsonValue::makeString(std::string(diffusersScheduleName(p.kind))));
    o.set("num_train_timesteps", JsonValue::makeNumber(p.T));
    o.set("beta_start", JsonValue::makeNumber(p.betaStart));
    o.set("beta_end", JsonValue::makeNumber(p.betaEnd));
    o.set("rescale_betas_zero_snr", JsonValue::makeBool(p.zeroTerminalSnr));
    // Only a Custom schedule uses its β array; written for another kind it would make that one Custom.
    if (p.kind == ScheduleKind::Custom && !p.customBetas.empty()) {
        JsonValue betas = JsonValue::makeArray();
        for (double b : p.customBetas) betas.items.push_back(JsonValue::makeNumber(b));
        o.set("trained_betas", std::move(betas));
    }
    if (!p.customControlPoints.empty()) {
        JsonValue points = JsonValue::makeArray();
        for (const BetaControlPoint& c : p.customControlPoints)
            points.items.push_back(
                JsonValue::makeArray({JsonValue::makeNumber(c.u), JsonValue::makeNumber(c.beta)}));
        o.set("control_points", std::move(points));
    }
    return o;
}

ScheduleParams scheduleParamsFromJson(const JsonValue& o, const ScheduleParams& base) {
    if (o.kind != JsonValue::Kind::Object) throw Error("the schedule must be a JSON object");
    ScheduleParams p = base;
    if (const auto [key, v] = field(o, kKindKeys, JsonValue::Kind::String); v) {
        const auto kind = scheduleKindFromJsonName(v->text);
        if (!kind)
            throw Error(std::string(key) +
                        " must be linear, scaled_linear, squaredcos_cap_v2, sigmoid or custom, got '" +
                        v->text + "'");
        p.kind = *kind;
    }
    if (const auto [key, v] = field(o, kStepsKeys, JsonValue::Kind::Number); v) {
        if (v->number != std::floor(v->number) || v->number < kMinTimesteps || v->number > kMaxTimesteps)
            throw Error(std::string(key) + " must be a whole number from " + std::to_string(kMinTimesteps) +
                        " to " + std::to_string(kMaxTimesteps) + ", got " + formatNumber(v->number, 17));
        p.T = static_cast<int>(v->number);
    }
    if (const auto [key, v] = field(o, kBetaStartKeys, JsonValue::Kind::Number); v) p.betaStart = v->number;
    if (const auto [key, v] = field(o, kBetaEndKeys, JsonValue::Kind::Number); v) p.betaEnd = v->number;
    if (const auto [key, v] = field(o, kZeroSnrKeys, JsonValue::Kind::Bool); v)
        p.zeroTerminalSnr = v->boolean;
    if (const auto [key, v] = field(o, kControlPointKeys, JsonValue::Kind::Array); v) {
        p.customControlPoints.clear();
        for (const JsonValue& point : v->items) {
            const std::vector<double> uv =
                point.kind == JsonValue::Kind::Array ? numbers(key, point) : std::vector<double>{};
            if (uv.size() != 2) throw Error(std::string(key) + " must hold [u, beta] pairs");
            p.customControlPoints.push_back({uv[0], uv[1]});
        }
    }
    if (const auto [key, v] = field(o, kBetaKeys, JsonValue::Kind::Array); v) {
        p.customBetas = numbers(key, *v);
        // diffusers: trained_betas replaces whatever beta_schedule says, and its length is T.
        if (key == kBetaKeys.front()) {
            p.kind = ScheduleKind::Custom;
            if (!p.customBetas.empty()) p.T = static_cast<int>(p.customBetas.size());
        }
    }
    return p;
}

bool isScheduleJsonKey(std::string_view key) {
    const auto in = [key](const auto& keys) {
        return std::find(keys.begin(), keys.end(), key) != keys.end();
    };
    return in(kKindKeys) || in(kStepsKeys) || in(kBetaStartKeys) || in(kBetaEndKeys) || in(kZeroSnrKeys) ||
           in(kControlPointKeys) || in(kBetaKeys);
}

}  // namespace dl
