#include "core/data/atomicfile.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/data/staletemporaries.h"
#include "core/math/error.h"

namespace dl {

void writeFileAtomically(const std::string& path, std::string_view contents) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    if (target.filename().empty()) throw Error("cannot write '" + path + "': not a file name");
    // Only a regular file or a new name is replaced: renaming over a symbolic link would replace the
    // link, over a device node the device.
    std::error_code ec;
    const fs::file_status existing = fs::symlink_status(target, ec);
    if (!ec && fs::is_symlink(existing))
        throw Error("cannot write '" + path + "': it is a symbolic link; give a regular file or a new name");
    if (!ec && fs::exists(existing) && !fs::is_regular_file(existing))
        throw Error("cannot write '" + path + "': it exists and is not a regular file");
    removeStaleTemporaries(target.parent_path().string(), target.filename().string() + ".tmp-");
    // A name unique to this process and call, in the same folder so that rename() stays atomic.
    static thread_local std::mt19937_64 suffixSource{std::random_device{}()};
    const fs::path temp =
        target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(getpid()) + "-" +
                                std::to_string(suffixSource()));
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file) throw Error("cannot write '" + path + "': " + std::strerror(errno));
    const bool written = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
    const int writeErrno = errno;
    const bool flushed = std::fflush(file) == 0 && fsync(fileno(file)) == 0;
    const bool closed = std::fclose(file) == 0;
    if (!written || !flushed || !closed) {
        std::remove(temp.c_str());
        throw Error("cannot write '" + path + "': " + std::strerror(written ? errno : writeErrno));
    }
    if (std::rename(temp.c_str(), target.c_str()) != 0) {
        const int renameErrno = errno;
        std::remove(temp.c_str());
        throw Error("cannot write '" + path + "': " + std::strerror(renameErrno));
    }
}

}  // namespace dl
