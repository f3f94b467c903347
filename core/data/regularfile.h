// Reads a whole input file, but only a regular file of bounded size: a FIFO, a folder or a device
// such as /dev/zero is refused with a message instead of blocking, failing obscurely or growing
// without bound.
//
//   const std::string bytes = dl::readRegularFile(path, limits::kMaxModelFileBytes, "model file");
#pragma once

#include <cstdint>
#include <string>

namespace dl {

/// The file's bytes. Throws dl::Error naming `what` and the path when the path does not exist, is not a
/// regular file, is larger than maxBytes or cannot be read.
std::string readRegularFile(const std::string& path, std::int64_t maxBytes, const std::string& what);

}  // namespace dl
