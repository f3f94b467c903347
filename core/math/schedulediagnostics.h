// Diagnostics of a β schedule, in words, each with a suggested fix — what the schedule editor shows
// under its plots. Three known ways a schedule fails:
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

enum class ScheduleDiagnosticCode { TerminalSignal, LateBetaJump, DataScale };

struct ScheduleDiagnostic {
    ScheduleDiagnosticCode code;
    std::string message;   ///< English, for the CLI; the UI words it from code and the values below
    double value = 0.0;    ///< TerminalSignal/DataScale: √ᾱ_T·scale left at T; LateBetaJump: β at the end of the jump
    double before = 0.0;   ///< LateBetaJump: β where the jump starts; DataScale: the data's max |x|
    int step = 0;          ///< LateBetaJump: t where the jump ends
    std::string fixLabel;  ///< e.g. "use T = 400"; empty when no fix is offered
    std::optional<ScheduleParams> fix;  ///< params that remove this diagnostic (validated)
    /// Which kind of fix `fix` is, so the UI can word it.
    enum class FixKind { None, MoreSteps, ZeroTerminalSnr, OtherKind } fixKind = FixKind::None;
};

/// Problems of `schedule`, most serious first; empty when none. dataMaxAbs is the largest |coordinate| of
/// the normalised data set (0 skips the data check).
std::vector<ScheduleDiagnostic> diagnoseSchedule(const Schedule& schedule, double dataMaxAbs = 0.0);

/// The smallest T ≤ kMaxTimesteps for which params (with only T changed) leaves √ᾱ_T·scale ≤
/// kMaxTerminalSignal, or nothing when no such T exists.
std::optional<int> stepsForTerminalSignal(const ScheduleParams& params, double scale = 1.0);

}  // namespace dl
