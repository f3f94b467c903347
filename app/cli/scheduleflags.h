// The schedule flags every command shares: --schedule --T --beta-start --beta-end --zero-snr, or
// --from-diffusers FILE (a diffusers scheduler_config.json) instead of them.
#pragma once

#include <optional>

#include "args.h"
#include "core/data/diffusersconfig.h"
#include "core/math/schedule.h"

namespace dlcli {

void addScheduleOptions(OptionSpec& spec);
/// The config --from-diffusers names, its unused fields listed on stderr; nothing without the flag. The other
/// schedule flags given with it are a UsageError; a bad file throws dl::Error naming it.
std::optional<dl::DiffusersSchedulerConfig> diffusersConfigFromArgs(const ParsedArgs& args);
/// The schedule of --from-diffusers, or of the flags, taking every flag not given from `defaults` (by
/// default: linear, T = 1000, 1e-4 .. 0.02, as in Ho et al. 2020), validated; a problem becomes a UsageError
/// naming the flag.
dl::ScheduleParams scheduleFromArgs(const ParsedArgs& args, const dl::ScheduleParams& defaults = {});

}  // namespace dlcli
