#include "core/math/diffusersschedule.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

#include "core/data/json.h"
#include "core/math/error.h"
#include "core/math/format.h"

namespace dl {
namespace {

// Fields that describe the file, not the schedule: accepted without a remark.
constexpr std::array<std::string_view, 2> kMetadata = {"_class_name", "_diffusers_version"};
constexpr std::array<std::string_view, 10> kUsed = {
    "num_train_timesteps",    "beta_start",      "beta_end",         "beta_schedule", "trained_betas",
    "rescale_betas_zero_snr", "prediction_type", "timestep_spacing", "steps_offset",  "clip_sample"};

std::string_view kindName(const JsonValue::Kind kind) {
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

const JsonValue* field(const JsonValue& root, std::string_view name, JsonValue::Kind kind) {
    const JsonValue* v = root.find(name);
    if (!v || v->kind == JsonValue::Kind::Null) return nullptr;
    if (v->kind != kind)
        throw Error("diffusers config: " + std::string(name) + " must be " + std::string(kindName(kind)) +
                    ", got " + std::string(kindName(v->kind)));
    return v;
}

/// Round-trip precision for config files.
std::string number(double v) {
    return formatNumber(v, 17);
}

}  // namespace

DiffusersSchedulerConfig parseDiffusersSchedulerConfig(std::string_view json) {
    const JsonValue root = parseJson(json);
    if (root.kind != JsonValue::Kind::Object)
        throw Error("diffusers config: the file must hold one JSON object");
    DiffusersSchedulerConfig c;
    ScheduleParams& p = c.schedule;
    // diffusers' own defaults (DDPMScheduler.__init__) for fields the file leaves out.
    p.T = 1000;
    p.betaStart = 1e-4;
    p.betaEnd = 0.02;
    p.kind = ScheduleKind::Linear;
    if (const JsonValue* v = field(root, "_class_name", JsonValue::Kind::String)) c.className = v->text;
    if (const JsonValue* v = field(root, "num_train_timesteps", JsonValue::Kind::Number)) {
        if (v->number != std::floor(v->number) || v->number < kMinTimesteps || v->number > kMaxTimesteps)
            throw Error("diffusers config: num_train_timesteps must be a whole number from " +
                        std::to_string(kMinTimesteps) + " to " + std::to_string(kMaxTimesteps) + ", got " +
                        number(v->number));
        p.T = static_cast<int>(v->number);
    }
    if (const JsonValue* v = field(root, "beta_start", JsonValue::Kind::Number)) p.betaStart = v->number;
    if (const JsonValue* v = field(root, "beta_end", JsonValue::Kind::Number)) p.betaEnd = v->number;
    if (const JsonValue* v = field(root, "beta_schedule", JsonValue::Kind::String)) {
        if (v->text == "linear")
            p.kind = ScheduleKind::Linear;
        else if (v->text == "scaled_linear")
            p.kind = ScheduleKind::ScaledLinear;
        else if (v->text == "squaredcos_cap_v2")
            p.kind = ScheduleKind::Cosine;
        else if (v->text == "sigmoid")
            p.kind = ScheduleKind::Sigmoid;
        else
            throw Error(
                "diffusers config: beta_schedule must be linear, scaled_linear, squaredcos_cap_v2 or "
                "sigmoid, "
                "got '" +
                v->text + "'");
    }
    if (const JsonValue* v = field(root, "trained_betas", JsonValue::Kind::Array)) {
        p.kind = ScheduleKind::Custom;
        p.customBetas.clear();
        for (const JsonValue& b : v->items) {
            if (b.kind != JsonValue::Kind::Number)
                throw Error("diffusers config: trained_betas must hold numbers only");
            p.customBetas.push_back(b.number);
        }
        // diffusers takes the length of the array as the number of timesteps.
        p.T = static_cast<int>(p.customBetas.size());
    }
    if (const JsonValue* v = field(root, "rescale_betas_zero_snr", JsonValue::Kind::Bool))
        p.zeroTerminalSnr = v->boolean;
    if (const JsonValue* v = field(root, "prediction_type", JsonValue::Kind::String)) {
        if (v->text != "epsilon" && v->text != "sample" && v->text != "v_prediction")
            throw Error("diffusers config: prediction_type must be epsilon, sample or v_prediction, got '" +
                        v->text + "'");
        c.predictionType = v->text;
    }
    if (const JsonValue* v = field(root, "timestep_spacing", JsonValue::Kind::String)) {
        if (v->text != "leading" && v->text != "linspace" && v->text != "trailing")
            throw Error("diffusers config: timestep_spacing must be leading, linspace or trailing, got '" +
                        v->text + "'");
        c.timestepSpacing = v->text;
    }
    if (const JsonValue* v = field(root, "steps_offset", JsonValue::Kind::Number)) {
        if (v->number != std::floor(v->number) || v->number < 0 || v->number > kMaxTimesteps)
            throw Error("diffusers config: steps_offset must be a whole number from 0 to " +
                        std::to_string(kMaxTimesteps) + ", got " + number(v->number));
        c.stepsOffset = static_cast<int>(v->number);
    }
    if (const JsonValue* v = field(root, "clip_sample", JsonValue::Kind::Bool)) c.clipSample = v->boolean;
    for (const auto& [name, value] : root.members) {
        const bool known = std::find(kUsed.begin(), kUsed.end(), name) != kUsed.end() ||
                           std::find(kMetadata.begin(), kMetadata.end(), name) != kMetadata.end();
        if (!known) c.unused.push_back(name);
    }
    if (auto problem = Schedule::validate(p)) throw Error("diffusers config: " + *problem);
    return c;
}

std::string diffusersSchedulerConfigJson(const DiffusersSchedulerConfig& c) {
    const ScheduleParams& p = c.schedule;
    std::ostringstream out;
    out << "{\n";
    out << "  \"_class_name\": " << jsonQuote(c.className.empty() ? "DDPMScheduler" : c.className) << ",\n";
    out << "  \"num_train_timesteps\": " << p.T << ",\n";
    out << "  \"beta_start\": " << number(p.betaStart) << ",\n";
    out << "  \"beta_end\": " << number(p.betaEnd) << ",\n";
    if (p.kind == ScheduleKind::Custom) {
        // A custom curve is written as its β array (diffusers' trained_betas), whatever defined it, before
        // the zero-SNR rescaling, which the flag below asks for again.
        ScheduleParams raw = p;
        raw.zeroTerminalSnr = false;
        const Schedule schedule(raw);
        out << "  \"beta_schedule\": \"linear\",\n  \"trained_betas\": [";
        for (int t = 1; t <= p.T; ++t) out << (t > 1 ? ", " : "") << number(schedule.beta(t));
        out << "],\n";
    } else {
        const char* name = p.kind == ScheduleKind::ScaledLinear ? "scaled_linear"
                           : p.kind == ScheduleKind::Cosine     ? "squaredcos_cap_v2"
                           : p.kind == ScheduleKind::Sigmoid    ? "sigmoid"
                                                                : "linear";
        out << "  \"beta_schedule\": \"" << name << "\",\n  \"trained_betas\": null,\n";
    }
    out << "  \"rescale_betas_zero_snr\": " << (p.zeroTerminalSnr ? "true" : "false") << ",\n";
    out << "  \"prediction_type\": " << jsonQuote(c.predictionType) << ",\n";
    out << "  \"timestep_spacing\": " << jsonQuote(c.timestepSpacing) << ",\n";
    out << "  \"steps_offset\": " << c.stepsOffset << ",\n";
    out << "  \"clip_sample\": " << (c.clipSample ? "true" : "false") << "\n";
    out << "}\n";
    return out.str();
}

}  // namespace dl
