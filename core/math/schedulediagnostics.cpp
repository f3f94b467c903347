#include "core/math/schedulediagnostics.h"

#include <algorithm>
#include <cmath>

#include "core/math/format.h"

namespace dl {
namespace {

double terminalSignal(const Schedule& s) {
    return std::sqrt(s.alphaBar(s.T()));
}

bool isValid(const ScheduleParams& p) {
    return !Schedule::validate(p).has_value();
}

/// Ho et al.'s linear range (1e-4..0.02 at T = 1000) rescaled to T steps, as Nichol & Dhariwal's
/// "scale" trick: the product of (1 − β) then stays about the same for any T.
ScheduleParams scaledLinear(int T) {
    ScheduleParams p;
    p.kind = ScheduleKind::Linear;
    p.T = T;
    const double scale = 1000.0 / T;
    p.betaStart = std::min(1e-4 * scale, 0.5);
    p.betaEnd = std::min(0.02 * scale, 0.999);
    return p;
}

/// A zero-terminal-SNR variant of p, when valid and it rescales.
std::optional<ScheduleParams> zeroSnrVariant(const ScheduleParams& p) {
    if (p.zeroTerminalSnr || p.T < 2) return std::nullopt;
    ScheduleParams z = p;
    z.zeroTerminalSnr = true;
    if (!isValid(z)) return std::nullopt;
    try {
        Schedule check(z);
    } catch (...) {
        return std::nullopt;
    }
    return z;
}

/// The steepest rise of β over a window of max(2, T/100) steps inside the last 10 % of the chain.
/// Zero terminal SNR drives β_T to 1 by construction (its last βs must be large to reach ᾱ_T = 0), so
/// such schedules are not reported.
bool findLateJump(const Schedule& s, int& from, int& step, double& before, double& after) {
    if (s.params().zeroTerminalSnr) return false;
    const int T = s.T();
    const int last = T;
    const int window = std::max(2, T / 100);
    const int first = std::max(1, T - std::max(window, T / 10));
    double worst = kLateJumpRise;
    bool found = false;
    for (int t = first + window; t <= last; ++t) {
        const double rise = s.beta(t) - s.beta(t - window);
        if (rise > worst) {
            worst = rise;
            found = true;
            step = t;
            from = t - window;
            before = s.beta(t - window);
            after = s.beta(t);
        }
    }
    return found;
}

/// Whether a valid schedule with these params has a late jump of β.
bool jumpsLate(const ScheduleParams& p) {
    try {
        int from = 0, step = 0;
        double before = 0.0, after = 0.0;
        return findLateJump(Schedule(p), from, step, before, after);
    } catch (...) {
        return true;  // not offered: a schedule that cannot be built is no fix
    }
}

/// Steps from t to T, as a fraction of T.
double fractionFrom(int t, int T) {
    return static_cast<double>(T - t + 1) / T;
}

/// Whether ᾱ underflows early enough to report: more than kMaxUnderflowFraction of the steps, and at least 2.
bool wastesSteps(const Schedule& s, int& first) {
    const std::optional<int> t = firstUnderflowStep(s);
    if (!t) return false;
    first = *t;
    const int wasted = s.T() - first + 1;
    return wasted >= 2 && fractionFrom(first, s.T()) > kMaxUnderflowFraction;
}

/// Ho et al.'s range rescaled to T (keeps T and zero terminal SNR), when it removes the underflow.
std::optional<ScheduleParams> underflowFix(const ScheduleParams& p) {
    ScheduleParams fix = scaledLinear(p.T);
    fix.zeroTerminalSnr = p.zeroTerminalSnr;
    if (!isValid(fix)) return std::nullopt;
    try {
        int first = 0;
        if (wastesSteps(Schedule(fix), first)) return std::nullopt;
    } catch (...) {
        return std::nullopt;
    }
    return fix;
}

/// The fix for too much signal left at T: more steps when some T ≤ the maximum brings data of this scale
/// down to noise, otherwise zero terminal SNR.
void offerTerminalSignalFix(ScheduleDiagnostic& d, const ScheduleParams& p, double dataScale) {
    if (const std::optional<int> T = stepsForTerminalSignal(p, dataScale)) {
        ScheduleParams fix = p;
        fix.T = *T;
        d.fix = fix;
        d.fixKind = ScheduleDiagnostic::FixKind::MoreSteps;
        d.fixLabel = "use T = " + std::to_string(*T);
    } else if (std::optional<ScheduleParams> z = zeroSnrVariant(p)) {
        d.fix = z;
        d.fixKind = ScheduleDiagnostic::FixKind::ZeroTerminalSnr;
        d.fixLabel = "turn on zero terminal SNR";
    }
}

}  // namespace

std::optional<int> firstUnderflowStep(const Schedule& schedule) {
    for (int t = 1; t <= schedule.T(); ++t)
        if (schedule.alphaBar(t) < kUnderflowAlphaBar) return t;
    return std::nullopt;
}

std::optional<int> stepsForTerminalSignal(const ScheduleParams& params, double scale) {
    if (params.kind == ScheduleKind::Custom && !params.customBetas.empty()) return std::nullopt;
    const auto fine = [&](int T) {
        ScheduleParams p = params;
        p.T = T;
        if (!isValid(p)) return false;
        try {
            return terminalSignal(Schedule(p)) * scale <= kMaxTerminalSignal;
        } catch (...) {
            return false;
        }
    };
    if (fine(params.T)) return params.T;
    if (!fine(kMaxTimesteps)) return std::nullopt;
    // ᾱ_T falls as steps are added with the same β range, so bisect on T.
    int lo = params.T, hi = kMaxTimesteps;  // lo fails, hi passes
    while (hi - lo > 1) {
        const int mid = lo + (hi - lo) / 2;
        (fine(mid) ? hi : lo) = mid;
    }
    return hi;
}

std::vector<ScheduleDiagnostic> diagnoseSchedule(const Schedule& schedule, double dataMaxAbs) {
    std::vector<ScheduleDiagnostic> out;
    const ScheduleParams& p = schedule.params();
    const double signal = terminalSignal(schedule);

    if (signal > kMaxTerminalSignal) {
        ScheduleDiagnostic d;
        d.code = ScheduleDiagnosticCode::TerminalSignal;
        d.value = signal;
        d.message = "alpha_bar_T = " + formatNumber(schedule.alphaBar(p.T), 3) +
                    " is not close to 0: x_T still keeps " + formatNumber(signal * 100.0, 3) +
                    "% of the data, so sampling from N(0, I) starts from the wrong place";
        // Enough steps for this data's scale too, so the fix does not just trade one warning for another.
        offerTerminalSignalFix(d, p, std::max(1.0, dataMaxAbs));
        out.push_back(std::move(d));
    } else if (dataMaxAbs > 0.0 && signal * dataMaxAbs > kMaxTerminalSignal) {
        ScheduleDiagnostic d;
        d.code = ScheduleDiagnosticCode::DataScale;
        d.value = signal * dataMaxAbs;
        d.before = dataMaxAbs;
        d.message = "the data reach |x| = " + formatNumber(dataMaxAbs, 3) + ", so x_T still shows them at " +
                    formatNumber(signal * dataMaxAbs, 2) +
                    " times the noise scale: T is too short for data this wide";
        offerTerminalSignalFix(d, p, dataMaxAbs);
        out.push_back(std::move(d));
    }

    int first = 0;
    if (wastesSteps(schedule, first)) {
        ScheduleDiagnostic d;
        d.code = ScheduleDiagnosticCode::AlphaBarUnderflow;
        d.step = first;
        d.value = fractionFrom(first, p.T);
        d.message = "alpha_bar falls below 2^-24 at t = " + std::to_string(first) + " of " +
                    std::to_string(p.T) + ": x_t is pure noise from there on, so the last " +
                    std::to_string(p.T - first + 1) + " steps (" + formatNumber(d.value * 100.0, 2) +
                    "%) do no work";
        if (std::optional<ScheduleParams> fix = underflowFix(p)) {
            d.fix = fix;
            d.fixKind = ScheduleDiagnostic::FixKind::OtherKind;
            d.fixLabel =
                "use linear beta " + formatNumber(fix->betaStart, 3) + ".." + formatNumber(fix->betaEnd, 3);
        }
        out.push_back(std::move(d));
    }

    int from = 0, step = 0;
    double before = 0.0, after = 0.0;
    if (findLateJump(schedule, from, step, before, after)) {
        ScheduleDiagnostic d;
        d.code = ScheduleDiagnosticCode::LateBetaJump;
        d.value = after;
        d.before = before;
        d.step = step;
        d.stepBefore = from;
        d.message = "beta rises from " + formatNumber(before, 3) + " at t = " + std::to_string(from) +
                    " to " + formatNumber(after, 3) + " at t = " + std::to_string(step) +
                    ": the last steps destroy the remaining signal at once";
        const ScheduleParams fix = scaledLinear(p.T);
        // Not a second button for the fix the underflow diagnostic above already offers, nor the schedule
        // in use, nor one that jumps too: at T = 3 the rescaled range is 0.0333..0.999, which does both.
        const bool offered = !out.empty() && out.back().fix == fix;
        if (isValid(fix) && !offered && fix != p && !jumpsLate(fix)) {
            d.fix = fix;
            d.fixKind = ScheduleDiagnostic::FixKind::OtherKind;
            d.fixLabel =
                "use linear beta " + formatNumber(fix.betaStart, 3) + ".." + formatNumber(fix.betaEnd, 3);
        }
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace dl
