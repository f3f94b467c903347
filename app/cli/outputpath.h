// Output paths are checked before any work starts: a run that trains for minutes must not fail at the
// end because its folder does not exist, and --out must never replace a symbolic link or a device.
//
//   dlcli::checkOutputFile("out", out);   // throws dl::Error naming --out (exit status 1)
#pragma once

#include <string>

namespace dlcli {

/// Refuses (dl::Error naming --flag: a file problem, exit status 1) a path that is a symbolic link, a folder
/// or anything else that is not a regular file, and a path whose folder does not exist or cannot be written
/// to.
void checkOutputFile(const std::string& flag, const std::string& path);

}  // namespace dlcli
