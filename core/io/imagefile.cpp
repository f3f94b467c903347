#include "core/io/imagefile.h"

#include <QFileInfo>
#include <QImageReader>
#include <algorithm>
#include <mutex>

#include "core/data/datalimits.h"
#include "core/math/error.h"

namespace dl {
namespace {

std::string supportedList() {
    std::string list;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        list += (list.empty() ? "" : ", ") + format.toStdString();
    return list;
}

/// Bytes per pixel of the image the reader will decode to (8 when it does not say: the most, RGBA64).
int decodedBytesPerPixel(const QImageReader& reader) {
    const QImage::Format format = reader.imageFormat();
    if (format == QImage::Format_Invalid) return 8;
    return std::max(1, QImage::toPixelFormat(format).bitsPerPixel() / 8);
}

/// Qt refuses to allocate a decoded image above QImageReader::allocationLimit() (256 MB by default), a
/// guard against files that claim huge sizes. Some decoders decode at full size before scaling (BMP, GIF,
/// and PNG when 16-bit or with a palette), so a valid 10000×10000 16-bit PNG (800 MB) was refused and
/// reported as damaged, although the header check already bounds it. Raise the limit to what this decode
/// needs, never lower it (another thread may be decoding), serialised so two raises do not race.
void allowDecodeOf(long long bytes) {
    static std::mutex mutex;
    const int neededMb = static_cast<int>((bytes + (1 << 20) - 1) >> 20) + 1;
    const std::lock_guard<std::mutex> lock(mutex);
    if (QImageReader::allocationLimit() > 0 && neededMb > QImageReader::allocationLimit())
        QImageReader::setAllocationLimit(neededMb);
}

}  // namespace

QStringList readableImagePatterns() {
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format).toLower();
    return patterns;
}

QImage readImageFile(const std::string& path, int maxSide) {
    const QString file = QString::fromStdString(path);
    const QFileInfo info(file);
    const std::string name = "'" + path + "'";
    if (!info.exists()) throw Error("cannot read image " + name + ": no such file");
    if (!info.isFile()) throw Error("cannot read image " + name + ": not a file");
    if (!info.isReadable()) throw Error("cannot read image " + name + ": permission denied");
    if (info.size() == 0) throw Error("image " + name + " is empty (0 bytes)");

    QImageReader reader(file);
    reader.setAutoTransform(true);
    // Both the suffix and the content decide the format, so a PNG named .jpg still reads.
    reader.setDecideFormatFromContent(true);
    if (!reader.canRead()) {
        // Named as a format this build reads: the content is what is wrong, and listing that format among
        // the readable ones read as a contradiction.
        const QByteArray suffix = info.suffix().toLower().toLatin1();
        if (!suffix.isEmpty() && QImageReader::supportedImageFormats().contains(suffix))
            throw Error("image " + name + " is not a readable " + suffix.toUpper().toStdString() +
                        " image (the file may be damaged, or not an image)");
        throw Error("image " + name + " is not in a format this build can read (" + supportedList() + ")");
    }

    // The header's size, before any pixel is decoded: refuse what would not fit in memory.
    const QSize size = reader.size();
    if (size.isValid()) {
        if (size.width() < 1 || size.height() < 1)
            throw Error("image " + name + " has no pixels (" + std::to_string(size.width()) + "×" +
                        std::to_string(size.height()) + ")");
        const long long pixels = static_cast<long long>(size.width()) * size.height();
        if (pixels > limits::kMaxImageFilePixels)
            throw Error("image " + name + " is " + std::to_string(size.width()) + "×" +
                        std::to_string(size.height()) + " pixels, more than the limit of " +
                        std::to_string(limits::kMaxImageFilePixels / 1'000'000) +
                        " megapixels; scale it down first");
        if (std::max(size.width(), size.height()) > maxSide)
            reader.setScaledSize(size.scaled(maxSide, maxSide, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    }

    QImage image = reader.read();
    if (image.isNull() && size.isValid()) {
        // Perhaps Qt's allocation limit, not the file: when a full-size decode would exceed it, raise the
        // limit to what that needs and decode once more (a read consumes the reader).
        const long long fullBytes =
            static_cast<long long>(size.width()) * size.height() * decodedBytesPerPixel(reader);
        const long long limitBytes = static_cast<long long>(QImageReader::allocationLimit()) << 20;
        if (limitBytes > 0 && fullBytes > limitBytes) {
            allowDecodeOf(fullBytes);
            QImageReader again(file);
            again.setAutoTransform(true);
            again.setDecideFormatFromContent(true);
            again.setScaledSize(reader.scaledSize());
            image = again.read();
            if (image.isNull())
                throw Error("cannot decode image " + name + ": " + again.errorString().toStdString() +
                            " (the file may be truncated or damaged)");
        }
    }
    if (image.isNull())
        throw Error("cannot decode image " + name + ": " + reader.errorString().toStdString() +
                    " (the file may be truncated or damaged)");
    if (image.width() < 1 || image.height() < 1) throw Error("image " + name + " has no pixels");
    // Formats that do not report their size up front: scale after decoding (Qt's allocation limit
    // has already kept the decode itself bounded).
    if (std::max(image.width(), image.height()) > maxSide)
        image = image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

}  // namespace dl
