// Edits a serialised model file in place for tests that need a well-formed file with hostile contents
// (serialiseModelFile refuses to write one): find a section's body, overwrite a value, fix the checksum.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace modelbytes {

/// Byte offset of the body of the section tagged `tag` (header: 24 bytes; each section: tag, u64 length).
inline std::size_t sectionBody(const std::string& bytes, const char* tag) {
    std::size_t pos = 24;
    while (pos + 12 <= bytes.size() - 4) {
        std::uint64_t length = 0;
        std::memcpy(&length, bytes.data() + pos + 4, 8);
        if (bytes.compare(pos, 4, tag) == 0) return pos + 12;
        pos += 12 + length;
    }
    return std::string::npos;
}

template <typename T>
void put(std::string& bytes, std::size_t at, T value) {
    std::memcpy(bytes.data() + at, &value, sizeof(T));
}

/// Recomputes the trailing CRC-32 (the same polynomial as the file format) after an edit.
inline void fixChecksum(std::string& bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i + 4 < bytes.size(); ++i) {
        c ^= static_cast<unsigned char>(bytes[i]);
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    c ^= 0xFFFFFFFFu;
    std::memcpy(bytes.data() + bytes.size() - 4, &c, 4);
}

/// Offsets inside the DATA body: kind (u8), name (u32 length + bytes), offset vector (u64 n + n floats),
/// scale (f32), width, height, channels (i32 each).
struct DataLayout {
    std::size_t offsetValues, scale, width, height, channels;
};

inline DataLayout dataLayout(const std::string& bytes) {
    const std::size_t body = sectionBody(bytes, "DATA");
    std::uint32_t nameLength = 0;
    std::memcpy(&nameLength, bytes.data() + body + 1, 4);
    const std::size_t offsetCount = body + 1 + 4 + nameLength;
    std::uint64_t n = 0;
    std::memcpy(&n, bytes.data() + offsetCount, 8);
    DataLayout l;
    l.offsetValues = offsetCount + 8;
    l.scale = l.offsetValues + 4 * n;
    l.width = l.scale + 4;
    l.height = l.width + 4;
    l.channels = l.height + 4;
    return l;
}

}  // namespace modelbytes
