// Output paths are checked before any work starts: a run that trains for minutes must not fail at the
// end because its folder does not exist, and --out must never replace a symbolic link or a device.
//
//   dlcli::checkOutputFile("out", out);   // throws UsageError naming --out
#pragma once

#include <string>

namespace dlcli {

/// Refuses (UsageError naming --flag) a path that is a symbolic link, a folder or anything else that is
/// not a regular file, and a path whose folder does not exist or cannot be written to.
void checkOutputFile(const std::string& flag, const std::string& path);

}  // namespace dlcli
