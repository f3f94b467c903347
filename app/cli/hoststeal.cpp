#include "hoststeal.h"

#include <charconv>
#include <fstream>
#include <string>

namespace dlcli {

std::optional<CpuTicks> parseCpuTicks(std::string_view line) {
    constexpr std::string_view kPrefix = "cpu ";  // "cpu0 ..." lines are single vCPUs
    if (!line.starts_with(kPrefix)) return std::nullopt;
    line.remove_prefix(kPrefix.size());
    // user nice system idle iowait irq softirq steal [guest guest_nice]. Guest time is already counted
    // in user and nice, so it is not added to the total again.
    constexpr int kStealField = 7;
    constexpr int kCountedFields = 8;
    CpuTicks ticks;
    int field = 0;
    while (field < kCountedFields) {
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        long long value = 0;
        const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), value);
        if (error != std::errc() || value < 0) break;
        line.remove_prefix(static_cast<std::size_t>(end - line.data()));
        ticks.total += value;
        if (field == kStealField) ticks.steal = value;
        ++field;
    }
    if (field < kCountedFields) return std::nullopt;
    return ticks;
}

CpuTicks readCpuTicks() {
    std::ifstream stat("/proc/stat");
    std::string line;
    if (!std::getline(stat, line)) return {};
    return parseCpuTicks(line).value_or(CpuTicks{});
}

double stealShare(const CpuTicks& before, const CpuTicks& after) {
    const long long total = after.total - before.total;
    if (total <= 0) return 0.0;
    return static_cast<double>(after.steal - before.steal) / static_cast<double>(total);
}

}  // namespace dlcli
