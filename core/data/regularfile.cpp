#include "core/data/regularfile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/math/error.h"

namespace dl {

std::string readRegularFile(const std::string& path, std::int64_t maxBytes, const std::string& what) {
    const std::string name = what + " '" + path + "'";
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat on the open descriptor then decides,
    // so the check and the read see the same file.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) throw Error("cannot open " + name + ": " + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw Error("cannot read " + name + ": " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw Error("cannot read " + name + ": it is a folder, not a file");
    if (!S_ISREG(st.st_mode))
        throw Error("cannot read " + name + ": not a regular file (a device, pipe or socket)");
    if (st.st_size > maxBytes)
        throw Error("cannot read " + name + ": it is " + std::to_string(st.st_size >> 20) +
                    " MB, more than the " + std::to_string(maxBytes >> 20) + " MB limit");
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error("cannot read " + name + ": " + std::strerror(errno));
        if (n == 0) break;  // the file shrank while being read: parse what is there
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

}  // namespace dl
