#include "core/io/imageset.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>

#include <algorithm>

#include "core/data/datalimits.h"
#include "core/io/imagefile.h"
#include "core/math/error.h"

namespace dl {

void validateImageSize(int size, int channels) {
    if (size < limits::kMinImageSide || size > limits::kMaxImageSide)
        throw Error("image size must be from " + std::to_string(limits::kMinImageSide) + " to " +
                    std::to_string(limits::kMaxImageSide) + ", got " + std::to_string(size));
    if (channels != 1 && channels != 3)
        throw Error("image channels must be 1 (gray) or 3 (RGB), got " + std::to_string(channels));
}

std::vector<std::string> imageFilesIn(const std::string& path) {
    const QFileInfo info(QString::fromStdString(path));
    if (!info.exists()) throw Error("cannot read '" + path + "': no such file or folder");
    if (!info.isDir()) return {path};
    const QDir dir(info.absoluteFilePath());
    const QStringList patterns = readableImagePatterns();
    const QFileInfoList entries =
        dir.entryInfoList(patterns, QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
    if (entries.isEmpty())
        throw Error("folder '" + path + "' has no image files (" + patterns.join(QStringLiteral(" ")).toStdString() + ")");
    if (entries.size() > limits::kMaxImageFiles)
        throw Error("folder '" + path + "' has " + std::to_string(entries.size()) + " image files, more than the limit of " +
                    std::to_string(limits::kMaxImageFiles));
    std::vector<std::string> files;
    files.reserve(static_cast<std::size_t>(entries.size()));
    for (const QFileInfo& e : entries) files.push_back(e.filePath().toStdString());
    return files;
}

Batch imagePixels(const QImage& image, int size, int channels) {
    validateImageSize(size, channels);
    if (image.isNull() || image.width() < 1 || image.height() < 1) throw Error("the image has no pixels");
    // Centred square crop, smooth scale to S×S, then over white so transparency reads as background.
    const int side = std::min(image.width(), image.height());
    const QImage square = image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side)
                              .scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage canvas(size, size, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    {
        QPainter painter(&canvas);
        painter.drawImage(0, 0, square);
    }
    Batch out(1, size * size * channels);
    float* dst = out.data();
    for (int y = 0; y < size; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(canvas.constScanLine(y));
        for (int x = 0; x < size; ++x) {
            const QRgb p = line[x];
            if (channels == 1) {
                *dst++ = static_cast<float>(qGray(p));
            } else {
                *dst++ = static_cast<float>(qRed(p));
                *dst++ = static_cast<float>(qGreen(p));
                *dst++ = static_cast<float>(qBlue(p));
            }
        }
    }
    return out;
}

DataSet loadImageSet(const std::vector<std::string>& paths, const ImageSetOptions& options, Rng& rng,
                     const ProgressCallback& progress) {
    validateImageSize(options.size, options.channels);
    if (options.copies < 1 || options.copies > limits::kMaxAugmentCopies)
        throw Error("augmentation copies must be from 1 to " + std::to_string(limits::kMaxAugmentCopies) + ", got " +
                    std::to_string(options.copies));
    if (paths.empty()) throw Error("no image files given");
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::vector<std::string> more = imageFilesIn(p);
        files.insert(files.end(), more.begin(), more.end());
        if (files.size() > static_cast<std::size_t>(limits::kMaxImageFiles))
            throw Error(std::to_string(files.size()) + " image files are more than the limit of " +
                        std::to_string(limits::kMaxImageFiles));
    }
    const ImageShape shape{options.size, options.size, options.channels};
    const long long total = static_cast<long long>(files.size()) * options.copies;
    if (total * shape.dim() > limits::kMaxImageFloats)
        throw Error(std::to_string(total) + " images of " + std::to_string(options.size) + "×" +
                    std::to_string(options.size) + "×" + std::to_string(options.channels) +
                    " are more than the limit of " + std::to_string(limits::kMaxImageFloats) + " values");

    // Decode at a few times the target size: enough for a smooth downscale, little memory.
    const int decodeSide = std::max(4 * options.size, 256);
    Batch pixels(static_cast<Eigen::Index>(files.size()), shape.dim());
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (progress && !progress(static_cast<double>(i) / static_cast<double>(files.size()))) throw Cancelled();
        pixels.row(static_cast<Eigen::Index>(i)) = imagePixels(readImageFile(files[i], decodeSide), options.size, options.channels);
    }
    if (progress && !progress(1.0)) throw Cancelled();
    if (options.copies > 1) pixels = augmentImages(pixels, shape, options.copies, options.augment, rng);

    std::string name = paths.size() == 1 ? "images:" + paths.front() : "images:" + std::to_string(files.size()) + " files";
    return makeImageDataSet(std::move(name), pixels, shape);
}

}  // namespace dl
