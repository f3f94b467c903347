// diffusion-lab-cli schedule: the β schedule and its derived arrays, as JSON or a table.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include "commands.h"
#include "core/data/atomicfile.h"
#include "core/data/diffusersconfig.h"
#include "core/data/schedulejson.h"
#include "core/math/error.h"
#include "core/sampling/timesteps.h"
#include "scheduleflags.h"

namespace dlcli {
namespace {

/// A JSON number, or null where the value is not finite (JSON has no NaN or infinity).
void printJsonNumber(double v) {
    if (std::isfinite(v))
        std::printf("%.17g", v);
    else
        std::printf("null");
}

void printJsonArray(const char* name, const dl::Schedule& s, double (dl::Schedule::*value)(int) const,
                    bool last) {
    std::printf("  \"%s\": [", name);
    for (int t = 1; t <= s.T(); ++t) {
        if (t > 1) std::printf(", ");
        printJsonNumber((s.*value)(t));
    }
    std::printf(last ? "]\n" : "],\n");
}

void printJson(const dl::Schedule& s) {
    const auto& p = s.params();
    // The parameters in the JSON form sessions and export sidecars use (diffusers' key names), then the
    // arrays.
    std::printf("{\n");
    for (const auto& [key, value] : dl::scheduleParamsToJson(p).members) {
        std::string text = dl::writeJson(value);
        text.pop_back();  // the final newline
        std::printf("  %s: %s,\n", dl::jsonQuote(key).c_str(), text.c_str());
    }
    printJsonArray("beta", s, &dl::Schedule::beta, false);
    printJsonArray("alpha", s, &dl::Schedule::alpha, false);
    printJsonArray("alpha_bar", s, &dl::Schedule::alphaBar, false);
    printJsonArray("posterior_variance", s, &dl::Schedule::posteriorVariance, false);
    printJsonArray("posterior_mean_coef1", s, &dl::Schedule::posteriorMeanCoef1, false);
    printJsonArray("posterior_mean_coef2", s, &dl::Schedule::posteriorMeanCoef2, false);
    printJsonArray("snr", s, &dl::Schedule::snr, true);
    std::printf("}\n");
}

void printTable(const dl::Schedule& s) {
    const auto& p = s.params();
    std::printf("%s schedule, T = %d, beta %.4g .. %.4g%s\n",
                std::string(dl::scheduleKindName(p.kind)).c_str(), p.T, s.beta(1), s.beta(s.T()),
                p.zeroTerminalSnr ? ", zero terminal SNR" : "");
    std::printf("alpha_bar_T = %.6g, SNR_T = %.6g\n\n", s.alphaBar(s.T()), s.snr(s.T()));
    std::printf("%6s %12s %12s %12s %12s %12s %12s %12s\n", "t", "beta", "alpha_bar", "sqrt_ab", "sqrt_1-ab",
                "snr", "post_var", "coef1");
    for (int t = 1; t <= s.T(); ++t) {
        std::printf("%6d %12.6g %12.6g %12.6g %12.6g %12.6g %12.6g %12.6g\n", t, s.beta(t), s.alphaBar(t),
                    s.sqrtAlphaBar(t), s.sqrtOneMinusAlphaBar(t), s.snr(t), s.posteriorVariance(t),
                    s.posteriorMeanCoef1(t));
    }
}

}  // namespace

int runSchedule(const CommandArgs& args) {
    OptionSpec spec("schedule", "Print a beta schedule and the quantities derived from it for t = 1..T.");
    addScheduleOptions(spec);
    spec.flag("json", "print one JSON object with arrays of length T instead of a table");
    spec.value("export-diffusers", "FILE", "also write the schedule as a diffusers scheduler_config.json");
    const ParsedArgs parsed = spec.parse(args);
    // The whole config from a file (its sampling fields go into --export-diffusers too), else the flags.
    // Without one, the sampling fields say how `sample` samples it by default (linspace, no clip to ±1).
    dl::DiffusersSchedulerConfig diffusers;
    if (auto fromFile = diffusersConfigFromArgs(parsed))
        diffusers = *fromFile;
    else
        diffusers = dl::diffusersConfigForSampling(scheduleFromArgs(parsed),
                                                   dl::timestepSpacingName(dl::TimestepSpacing::Linspace));
    const dl::Schedule schedule(diffusers.schedule);
    if (auto path = parsed.text("export-diffusers"))
        dl::writeFileAtomically(*path, dl::diffusersSchedulerConfigJson(diffusers));
    if (parsed.has("json"))
        printJson(schedule);
    else
        printTable(schedule);
    std::fflush(stdout);
    return 0;
}

}  // namespace dlcli
