// The schedule flags every command shares: --schedule --T --beta-start --beta-end --zero-snr.
#pragma once

#include "args.h"
#include "core/math/schedule.h"

namespace dlcli {

void addScheduleOptions(OptionSpec& spec);
/// Reads the flags, taking every flag not given from `defaults` (by default: linear, T = 1000,
/// 1e-4 .. 0.02, as in Ho et al. 2020), and validates them; a problem becomes a UsageError naming the flag.
dl::ScheduleParams scheduleFromArgs(const ParsedArgs& args, const dl::ScheduleParams& defaults = {});

}  // namespace dlcli
