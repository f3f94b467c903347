#include "scheduleflags.h"

#include <iostream>

namespace dlcli {

void addScheduleOptions(OptionSpec& spec) {
    spec.value("schedule", "KIND", "beta schedule: linear, scaled_linear, cosine, sigmoid")
        .value("T", "N", "number of diffusion steps, 1..10000")
        .value("beta-start", "B0", "first beta, in (0, 1)")
        .value("beta-end", "B1", "last beta, in (0, 1)")
        .flag("zero-snr", "rescale so the last step is pure noise (zero terminal SNR)")
        .value("from-diffusers", "FILE",
               "the schedule of a diffusers scheduler_config.json instead of the flags above;\n"
               "fields it does not use are listed on stderr");
}

std::optional<dl::DiffusersSchedulerConfig> diffusersConfigFromArgs(const ParsedArgs& args) {
    const auto path = args.text("from-diffusers");
    if (!path) return std::nullopt;
    for (const char* flag : {"schedule", "T", "beta-start", "beta-end", "zero-snr"})
        if (args.has(flag)) throw UsageError("--" + std::string(flag) + ": not with --from-diffusers");
    dl::DiffusersSchedulerConfig c = dl::readDiffusersSchedulerConfig(*path);
    for (const std::string& name : c.unused) std::cerr << *path << ": field '" << name << "' is not used\n";
    return c;
}

dl::ScheduleParams scheduleFromArgs(const ParsedArgs& args, const dl::ScheduleParams& defaults) {
    if (auto diffusers = diffusersConfigFromArgs(args)) {
        // Only the schedule is taken from the file here: a v-prediction config trained an ε network without
        // a word. (`schedule --export-diffusers` keeps these fields.)
        const std::string path = *args.text("from-diffusers");
        if (diffusers->predictionType != "epsilon")
            std::cerr << path << ": prediction_type '" << diffusers->predictionType
                      << "' is not used: the network predicts the noise (epsilon)\n";
        if (diffusers->timestepSpacing != "leading")
            std::cerr << path << ": timestep_spacing '" << diffusers->timestepSpacing
                      << "' is not used here (sample takes --spacing)\n";
        return diffusers->schedule;
    }
    dl::ScheduleParams p = defaults;
    if (auto kind = args.text("schedule")) {
        auto parsed = dl::scheduleKindFromName(*kind);
        if (!parsed || *parsed == dl::ScheduleKind::Custom)
            throw UsageError("--schedule: expected linear, scaled_linear, cosine or sigmoid, got '" + *kind +
                             "'");
        p.kind = *parsed;
    }
    p.T = args.intValue("T", defaults.T, dl::kMinTimesteps, dl::kMaxTimesteps);
    // Range checks belong to the schedule; here only "is it a number".
    p.betaStart = args.doubleValue("beta-start", p.betaStart, -1e308, 1e308);
    p.betaEnd = args.doubleValue("beta-end", p.betaEnd, -1e308, 1e308);
    p.zeroTerminalSnr = defaults.zeroTerminalSnr || args.has("zero-snr");
    if (auto problem = dl::Schedule::validate(p)) {
        std::string flag = "--schedule";
        if (problem->rfind("beta_start", 0) == 0)
            flag = "--beta-start";
        else if (problem->rfind("beta_end", 0) == 0)
            flag = "--beta-end";
        else if (problem->rfind("T ", 0) == 0)
            flag = "--T";
        else if (problem->rfind("zero", 0) == 0)
            flag = "--zero-snr";
        throw UsageError(flag + ": " + *problem);
    }
    return p;
}

}  // namespace dlcli
