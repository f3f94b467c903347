// How much of the vCPUs' time the host gave to something else (the kernel's "steal" time). On a virtual
// machine a vCPU can be descheduled by the host while the guest thinks it runs: a round of the thread
// bench in which two threads are no faster than one is then the host's doing, not the code's, and the
// bench prints the share with every round so the two can be told apart.
//
//   const dlcli::CpuTicks before = dlcli::readCpuTicks();
//   ...                                              // the timed run
//   const double share = dlcli::stealShare(before, dlcli::readCpuTicks());  // 0.25: a quarter stolen
#pragma once

#include <optional>
#include <string_view>

namespace dlcli {

/// The machine-wide "cpu" line of /proc/stat, in the kernel's clock ticks.
struct CpuTicks {
    long long total = 0;  ///< every field: user, nice, system, idle, iowait, irq, softirq, steal
    long long steal = 0;  ///< time the host ran something else on one of this machine's vCPUs
};

/// The ticks of /proc/stat's aggregate line ("cpu  4705 356 584 3699 23 23 0 0 0 0"); nothing for any
/// other line, or one too short to have a steal field (kernels before 2.6.11).
std::optional<CpuTicks> parseCpuTicks(std::string_view procStatLine);

/// The current ticks; zeros where /proc/stat cannot be read (not Linux), so every share reads 0.
CpuTicks readCpuTicks();

/// The stolen fraction of all vCPU time between two readings; 0 when no tick passed.
double stealShare(const CpuTicks& before, const CpuTicks& after);

}  // namespace dlcli
