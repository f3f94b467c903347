// The schedule flags every command shares: --schedule --T --beta-start --beta-end --zero-snr.
#pragma once

#include "args.h"
#include "core/math/schedule.h"

namespace dlcli {

void addScheduleOptions(OptionSpec& spec);
/// Reads the flags (defaults: linear, T = 1000, 1e-4 .. 0.02) and validates them; a problem becomes a
/// UsageError naming the flag.
dl::ScheduleParams scheduleFromArgs(const ParsedArgs& args, int defaultT = 1000);

}  // namespace dlcli
