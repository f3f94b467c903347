#include "outputpath.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/math/error.h"

namespace dlcli {

void checkOutputFile(const std::string& flag, const std::string& path) {
    namespace fs = std::filesystem;
    const std::string name = "--" + flag + ": '" + path + "'";
    if (path.empty()) throw dl::Error("--" + flag + ": needs a file name");
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(path, ec);
    if (!ec && fs::is_symlink(status))
        throw dl::Error(name + " is a symbolic link; give a regular file or a new name");
    if (!ec && fs::is_directory(status)) throw dl::Error(name + " is a folder, not a file");
    if (!ec && fs::exists(status) && !fs::is_regular_file(status))
        throw dl::Error(name + " is not a regular file (a device, pipe or socket)");
    const fs::path parent = fs::path(path).parent_path();
    const fs::path folder = parent.empty() ? fs::path(".") : parent;
    if (!fs::is_directory(folder, ec)) {
        // A path through a file ("data.csv/x.csv") names the file, not a missing folder.
        std::error_code existsError;
        if (fs::exists(folder, existsError))
            throw dl::Error(name + ": '" + folder.string() + "' is a file, not a folder");
        throw dl::Error(name + ": the folder '" + folder.string() + "' does not exist");
    }
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        throw dl::Error(name + ": cannot write to the folder '" + folder.string() +
                        "': " + std::strerror(errno));
}

}  // namespace dlcli
