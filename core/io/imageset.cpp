#include "core/io/imageset.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

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
        throw Error("folder '" + path + "' has no image files (" +
                    patterns.join(QStringLiteral(" ")).toStdString() + ")");
    if (entries.size() > limits::kMaxImageFiles)
        throw Error("folder '" + path + "' has " + std::to_string(entries.size()) +
                    " image files, more than the limit of " + std::to_string(limits::kMaxImageFiles));
    std::vector<std::string> files;
    files.reserve(static_cast<std::size_t>(entries.size()));
    for (const QFileInfo& e : entries) files.push_back(e.filePath().toStdString());
    return files;
}

bool hasTransparentPixels(const QImage& image) {
    if (!image.hasAlphaChannel()) return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(line[x]) < 255) return true;
    }
    return false;
}

Batch imagePixels(const QImage& image, int size, int channels, ImageFit fit, QRgb background) {
    validateImageSize(size, channels);
    if (image.isNull() || image.width() < 1 || image.height() < 1) throw Error("the image has no pixels");
    // Centred square crop (or the whole image), smooth scale to S×S, then over the background colour
    // so transparency reads as background.
    const int side = std::min(image.width(), image.height());
    const QImage source = fit == ImageFit::Crop ? image.copy((image.width() - side) / 2,
                                                             (image.height() - side) / 2, side, side)
                                                : image;
    const QImage square = source.scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage canvas(size, size, QImage::Format_RGB32);
    canvas.fill(QColor::fromRgb(background));
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
                     const ProgressCallback& progress, std::vector<std::string>* notes) {
    validateImageSize(options.size, options.channels);
    if (options.copies < 1 || options.copies > limits::kMaxAugmentCopies)
        throw Error("augmentation copies must be from 1 to " + std::to_string(limits::kMaxAugmentCopies) +
                    ", got " + std::to_string(options.copies));
    if (paths.empty()) throw Error("no image files given");
    std::vector<std::string> files;
    // Files a folder lists may be skipped when they cannot be read (one damaged download should not cost
    // the other thousand); a file named on its own is what the person asked for, so it must read.
    std::vector<bool> fromFolder;
    for (const auto& p : paths) {
        std::vector<std::string> more = imageFilesIn(p);
        const bool listed = more.size() != 1 || more.front() != p;
        files.insert(files.end(), more.begin(), more.end());
        fromFolder.insert(fromFolder.end(), more.size(), listed);
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
    Eigen::Index read = 0;
    int nonSquare = 0, transparent = 0, skipped = 0;
    std::string firstSkipped;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (progress && !progress(static_cast<double>(i) / static_cast<double>(files.size())))
            throw Cancelled();
        QImage image;
        try {
            image = readImageFile(files[i], decodeSide);
        } catch (const Error& e) {
            if (!fromFolder[i]) throw;
            if (skipped++ == 0) firstSkipped = e.what();
            continue;
        }
        // A side off by a pixel after downscaling still counts as square.
        nonSquare += std::abs(image.width() - image.height()) >
                     std::max(1, std::max(image.width(), image.height()) / 100);
        transparent += hasTransparentPixels(image);
        pixels.row(read++) =
            imagePixels(image, options.size, options.channels, options.fit, options.background);
    }
    if (progress && !progress(1.0)) throw Cancelled();
    if (read == 0) throw Error(firstSkipped);
    pixels.conservativeResize(read, Eigen::NoChange);
    if (notes) {
        if (skipped > 0)
            notes->push_back(std::to_string(skipped) + " of " + std::to_string(files.size()) +
                             " image files could not be read and " +
                             (skipped == 1 ? "was left out: " : "were left out; the first: ") + firstSkipped);
        const std::string of = " of " + std::to_string(read) + " image" + (read == 1 ? "" : "s");
        const std::string s = std::to_string(options.size);
        if (nonSquare > 0)
            notes->push_back(
                std::to_string(nonSquare) + of + (nonSquare == 1 ? " is" : " are") + " not square: " +
                (options.fit == ImageFit::Crop ? "cropped to the centred square (edges lost)"
                                               : "squashed whole to the square (shapes distorted)") +
                " at " + s + "×" + s + "; the other choice is " +
                (options.fit == ImageFit::Crop ? "squash" : "crop"));
        if (transparent > 0) {
            char colour[8];
            std::snprintf(colour, sizeof colour, "#%02x%02x%02x", qRed(options.background),
                          qGreen(options.background), qBlue(options.background));
            notes->push_back(std::to_string(transparent) + of + (transparent == 1 ? " has" : " have") +
                             " transparent pixels: flattened onto the background colour " + colour +
                             (options.background == 0xFFFFFFFFu ? " (white)" : ""));
        }
    }
    if (options.copies > 1) pixels = augmentImages(pixels, shape, options.copies, options.augment, rng);

    std::string name =
        paths.size() == 1 ? "images:" + paths.front() : "images:" + std::to_string(read) + " files";
    return makeImageDataSet(std::move(name), pixels, shape);
}

}  // namespace dl
