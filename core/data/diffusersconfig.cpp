#include "core/data/diffusersconfig.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/data/json.h"
#include "core/data/regularfile.h"
#include "core/data/schedulejson.h"
#include "core/math/error.h"
#include "core/math/format.h"

namespace dl {
namespace {

// Fields that describe the file, not the schedule: accepted without a remark.
constexpr std::array<std::string_view, 2> kMetadata = {"_class_name", "_diffusers_version"};
// The sampling fields kept as they are (the schedule's own fields are the schedule reader's).
constexpr std::array<std::string_view, 4> kSampling = {"prediction_type", "timestep_spacing", "steps_offset",
                                                       "clip_sample"};

const JsonValue* field(const JsonValue& root, std::string_view name, JsonValue::Kind kind) {
    const JsonValue* v = root.find(name);
    if (!v || v->kind == JsonValue::Kind::Null) return nullptr;
    if (v->kind != kind) {
        const char* wanted = kind == JsonValue::Kind::String ? "a string"
                             : kind == JsonValue::Kind::Bool ? "a boolean"
                                                             : "a number";
        throw Error("diffusers config: " + std::string(name) + " must be " + wanted);
    }
    return v;
}

std::string oneOf(std::string_view name, const std::string& value,
                  std::initializer_list<const char*> allowed) {
    for (const char* a : allowed)
        if (value == a) return value;
    std::string list;
    std::size_t i = 0;
    for (const char* a : allowed) list += std::string(i++ ? (i == allowed.size() ? " or " : ", ") : "") + a;
    throw Error("diffusers config: " + std::string(name) + " must be " + list + ", got '" + value + "'");
}

}  // namespace

DiffusersSchedulerConfig parseDiffusersSchedulerConfig(std::string_view json) {
    const JsonValue root = parseJson(json);
    if (root.kind != JsonValue::Kind::Object)
        throw Error("diffusers config: the file must hold one JSON object");
    DiffusersSchedulerConfig c;
    // diffusers' own defaults (DDPMScheduler.__init__) for fields the file leaves out.
    ScheduleParams defaults;
    defaults.T = 1000;
    defaults.betaStart = 1e-4;
    defaults.betaEnd = 0.02;
    defaults.kind = ScheduleKind::Linear;
    try {
        c.schedule = scheduleParamsFromJson(root, defaults);
    } catch (const Error& e) {
        throw Error("diffusers config: " + std::string(e.what()));
    }
    if (const JsonValue* v = field(root, "_class_name", JsonValue::Kind::String)) c.className = v->text;
    if (const JsonValue* v = field(root, "prediction_type", JsonValue::Kind::String))
        c.predictionType = oneOf("prediction_type", v->text, {"epsilon", "sample", "v_prediction"});
    if (const JsonValue* v = field(root, "timestep_spacing", JsonValue::Kind::String))
        c.timestepSpacing = oneOf("timestep_spacing", v->text, {"leading", "linspace", "trailing"});
    if (const JsonValue* v = field(root, "steps_offset", JsonValue::Kind::Number)) {
        if (v->number != std::floor(v->number) || v->number < 0 || v->number > kMaxTimesteps)
            throw Error("diffusers config: steps_offset must be a whole number from 0 to " +
                        std::to_string(kMaxTimesteps) + ", got " + formatNumber(v->number, 17));
        c.stepsOffset = static_cast<int>(v->number);
    }
    if (const JsonValue* v = field(root, "clip_sample", JsonValue::Kind::Bool)) c.clipSample = v->boolean;
    for (const JsonMember& member : root.members) {
        const std::string& name = member.key;  // a named reference: clang 14 cannot capture a binding
        const auto in = [&name](const auto& list) {
            return std::find(list.begin(), list.end(), name) != list.end();
        };
        if (!isScheduleJsonKey(name) && !in(kSampling) && !in(kMetadata)) c.unused.push_back(name);
    }
    // trained_betas sets T by its length, as in diffusers; a num_train_timesteps that says otherwise is
    // not used, and is said so (3 steps and two betas made T = 2 without a word).
    if (const JsonValue* steps = field(root, "num_train_timesteps", JsonValue::Kind::Number);
        steps && c.schedule.kind == ScheduleKind::Custom && steps->number != c.schedule.T)
        c.unused.push_back("num_train_timesteps");
    if (auto problem = Schedule::validate(c.schedule)) throw Error("diffusers config: " + *problem);
    return c;
}

DiffusersSchedulerConfig readDiffusersSchedulerConfig(const std::string& path) {
    // A trained_betas array of kMaxTimesteps numbers is well under a megabyte.
    const std::string text = readRegularFile(path, 16 << 20, "diffusers config");
    try {
        return parseDiffusersSchedulerConfig(text);
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
}

std::string diffusersSchedulerConfigJson(const DiffusersSchedulerConfig& c) {
    const ScheduleParams& p = c.schedule;
    JsonValue o = JsonValue::makeObject();
    o.set("_class_name", JsonValue::makeString(c.className.empty() ? "DDPMScheduler" : c.className));
    for (auto& [key, value] : scheduleParamsToJson(p).members) o.set(key, std::move(value));
    if (p.kind == ScheduleKind::Custom) {
        // A custom curve is written as its β array (diffusers' trained_betas), whatever defined it, before
        // the zero-SNR rescaling, which the flag asks for again. diffusers knows no "custom" schedule and
        // ignores beta_schedule when trained_betas is given.
        ScheduleParams raw = p;
        raw.zeroTerminalSnr = false;
        const Schedule schedule(raw);
        JsonValue betas = JsonValue::makeArray();
        for (int t = 1; t <= p.T; ++t) betas.items.push_back(JsonValue::makeNumber(schedule.beta(t)));
        o.set("beta_schedule", JsonValue::makeString("linear"));
        o.set("trained_betas", std::move(betas));
    } else {
        o.set("trained_betas", JsonValue{});
    }
    // control_points is Diffusion Lab's own: the β array above already says everything.
    std::erase_if(o.members, [](const JsonMember& m) { return m.key == "control_points"; });
    o.set("prediction_type", JsonValue::makeString(c.predictionType));
    o.set("timestep_spacing", JsonValue::makeString(c.timestepSpacing));
    o.set("steps_offset", JsonValue::makeNumber(c.stepsOffset));
    o.set("clip_sample", JsonValue::makeBool(c.clipSample));
    return writeJson(o);
}

DiffusersSchedulerConfig diffusersConfigForSampling(const ScheduleParams& schedule,
                                                    std::string_view spacing) {
    DiffusersSchedulerConfig c;
    c.schedule = schedule;
    c.timestepSpacing = std::string(spacing);
    c.clipSample = false;
    return c;
}

}  // namespace dl
