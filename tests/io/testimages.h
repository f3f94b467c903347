// Helpers for the io tests: write image files (good, damaged, hostile) into a temporary folder.
#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QString>
#include <QtEndian>
#include <cstdint>

namespace testimages {

inline void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
}

inline QByteArray encode(const QImage& image, const char* format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format)) qFatal("cannot encode %s", format);
    return bytes;
}

inline quint32 crc32(const QByteArray& data) {
    quint32 crc = 0xffffffffu;
    for (char ch : data) {
        crc ^= static_cast<quint8>(ch);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline QByteArray pngChunk(const QByteArray& type, const QByteArray& data) {
    QByteArray chunk(4, '\0');
    qToBigEndian<quint32>(static_cast<quint32>(data.size()), chunk.data());
    chunk += type + data;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(crc32(type + data), crc.data());
    return chunk + crc;
}

/// A valid PNG signature and header claiming width×height RGB pixels, followed by a few bytes of
/// pixel data (a zlib header and the start of a deflate block) — far too few for the size claimed.
inline QByteArray hugePngHeader(quint32 width, quint32 height) {
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8;  // bit depth
    ihdr[9] = 2;  // RGB
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) +
           pngChunk("IDAT", QByteArray("\x78\x9c\x62\x60", 4)) + pngChunk("IEND", {});
}

/// A BMP file header and info header claiming width×height 24-bit pixels, and 16 bytes of data.
inline QByteArray hugeBmpHeader(qint32 width, qint32 height) {
    QByteArray b(54 + 16, '\0');
    b[0] = 'B';
    b[1] = 'M';
    qToLittleEndian<quint32>(static_cast<quint32>(b.size()), b.data() + 2);
    qToLittleEndian<quint32>(54, b.data() + 10);  // pixel data offset
    qToLittleEndian<quint32>(40, b.data() + 14);  // BITMAPINFOHEADER
    qToLittleEndian<qint32>(width, b.data() + 18);
    qToLittleEndian<qint32>(height, b.data() + 22);
    qToLittleEndian<quint16>(1, b.data() + 26);   // planes
    qToLittleEndian<quint16>(24, b.data() + 28);  // bits per pixel
    return b;
}

/// An image of noise (compresses badly, so a cut-off file misses real pixel data).
inline QImage noiseImage(int w, int h) {
    QImage image(w, h, QImage::Format_RGB32);
    std::uint32_t state = 12345;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            state = state * 1664525u + 1013904223u;
            image.setPixel(x, y, 0xff000000u | (state >> 8));
        }
    return image;
}

}  // namespace testimages
