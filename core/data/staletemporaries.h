// Temporary files and folders this program leaves behind when it is killed mid-write carry the id of
// the process that made them (NAME.tmp-PID-N, .NAME.frames-PID-N). The next write to the same place
// removes those whose process is gone, so killed runs do not pile up hidden files of 100+ MB.
//
//   dl::removeStaleTemporaries("/data", "samples.csv.tmp-");
#pragma once

#include <string>

namespace dl {

/// True while a process with this id exists (including one of another user).
bool processIsAlive(long pid);

/// Removes (recursively) every entry of `folder` named PREFIX<pid>-<anything> whose process has ended.
/// Entries of live processes, this process's own, and anything not matching are left alone; errors are
/// ignored (a temporary that cannot be removed is not worth failing the write for).
void removeStaleTemporaries(const std::string& folder, const std::string& prefix);

}  // namespace dl
