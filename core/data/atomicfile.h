// Writes a whole file atomically: the bytes go to a temporary file beside the target, which is
// flushed and renamed over the target only when complete. A failure (unwritable folder, full disk)
// throws dl::Error and leaves any existing file untouched.
//
//   dl::writeFileAtomically("samples.csv", text);
#pragma once

#include <string>
#include <string_view>

namespace dl {

void writeFileAtomically(const std::string& path, std::string_view contents);

}  // namespace dl
