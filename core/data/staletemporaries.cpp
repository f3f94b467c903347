#include "core/data/staletemporaries.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <filesystem>
#include <system_error>

namespace dl {

bool processIsAlive(long pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

void removeStaleTemporaries(const std::string& folder, const std::string& prefix) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? fs::path(".") : fs::path(folder), ec);
    if (ec) return;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) return;
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const char* begin = name.data() + prefix.size();
        const char* end = name.data() + name.size();
        long pid = 0;
        const auto [ptr, parseError] = std::from_chars(begin, end, pid);
        if (parseError != std::errc() || ptr == begin || ptr == end || *ptr != '-') continue;
        if (pid == static_cast<long>(::getpid()) || processIsAlive(pid)) continue;
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

}  // namespace dl
