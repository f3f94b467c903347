// Diagnostics of a β schedule, in words, each with a suggested fix — what the schedule editor shows
// under its plots. Four known ways a schedule fails:
//
//   TerminalSignal  ᾱ_T is not close to 0: x_T still carries √ᾱ_T of the data, so sampling that
//                   starts from N(0, I) starts from the wrong place (Lin et al. 2024, §3; common with
//                   small T). Fix: more steps, or zero terminal SNR.
//   LateBetaJump    β jumps in the last steps (e.g. cosine clipped at 0.999): the last steps destroy
//                   what signal is left at once, and the reverse process must undo that in one step
//                   (Nichol & Dhariwal 2021, §3.2). Fix: another kind. Not reported with zero
//                   terminal SNR, whose last βs are large by design.
//   DataScale       the schedule is fine for unit-scale data but this data set reaches further
//                   (max |x| of the normalised data), so √ᾱ_T·max|x| is still visible at T. Fix: more steps.
//   AlphaBarUnderflow  ᾱ falls below 2⁻²⁴ long before T (large β over many steps: the training preset's β
//                   range over T = 1000 does so at t = 490). From there x_t is pure noise for the samplers
//                   (they floor ᾱ there, samplers.h), so every later step does no work: training spends
//                   its samples on them and sampling its time. Fix: Ho et al.'s linear range rescaled to T.
//
//   dl::Schedule s(params);
//   for (const dl::ScheduleDiagnostic& d : dl::diagnoseSchedule(s, dataMaxAbs))
//       std::cout << d.message << " — " << d.fixLabel << "\n";
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/math/schedule.h"

namespace dl {

/// √ᾱ_T above this leaves visible signal in x_T for unit-scale data.
constexpr double kMaxTerminalSignal = 0.05;
/// β rising by more than this within a window of max(2, T/100) steps in the last 10 % of the chain
/// counts as a jump (cosine at T = 1000 rises from 0.17 to 0.999 in its last 10 steps).
constexpr double kLateJumpRise = 0.3;

/// ᾱ below this counts as pure noise: x_t keeps under 2⁻¹² of the data, and the samplers floor ᾱ here
/// (kMinSamplerAlphaBar in core/sampling/samplers.h is the same 2⁻²⁴).
constexpr double kUnderflowAlphaBar = 5.9604644775390625e-08;
/// More than this fraction of the T steps (and at least 2) past the underflow is reported.
constexpr double kMaxUnderflowFraction = 0.1;

enum class ScheduleDiagnosticCode { TerminalSignal, LateBetaJump, DataScale, AlphaBarUnderflow };

struct ScheduleDiagnostic {
    ScheduleDiagnosticCode code;
    std::string message;  ///< English, for the CLI; the UI words it from code and the values below
    double value = 0.0;  ///< TerminalSignal/DataScale: √ᾱ_T·scale left at T; LateBetaJump: β at the end of
                         ///< the jump; AlphaBarUnderflow: the fraction of the T steps from `step` on
    double before = 0.0;  ///< LateBetaJump: β where the jump starts; DataScale: the data's max |x|
    int step = 0;  ///< LateBetaJump: t where the jump ends; AlphaBarUnderflow: first t with ᾱ_t < 2⁻²⁴
    /// LateBetaJump: t where the jump starts, `before` being β there. The rise is measured over
    /// max(2, T/100) steps, so this is not always step − 1 (at T = 3 it is t = 1).
    int stepBefore = 0;
    std::string fixLabel;               ///< e.g. "use T = 400"; empty when no fix is offered
    std::optional<ScheduleParams> fix;  ///< params that remove this diagnostic (validated)
    /// Which kind of fix `fix` is, so the UI can word it.
    enum class FixKind { None, MoreSteps, ZeroTerminalSnr, OtherKind } fixKind = FixKind::None;
};

/// Problems of `schedule`, most serious first; empty when none. dataMaxAbs is the largest |coordinate| of
/// the normalised data set (0 skips the data check).
std::vector<ScheduleDiagnostic> diagnoseSchedule(const Schedule& schedule, double dataMaxAbs = 0.0);

/// The first t with ᾱ_t < kUnderflowAlphaBar, or nothing when ᾱ stays above it up to T.
std::optional<int> firstUnderflowStep(const Schedule& schedule);

/// The smallest T ≤ kMaxTimesteps for which params (with only T changed) leaves √ᾱ_T·scale ≤
/// kMaxTerminalSignal, or nothing when no such T exists.
std::optional<int> stepsForTerminalSignal(const ScheduleParams& params, double scale = 1.0);

}  // namespace dl
