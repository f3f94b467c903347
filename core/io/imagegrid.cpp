#include "core/io/imagegrid.h"

#include <QSaveFile>
#include <algorithm>
#include <cmath>

#include "core/math/error.h"

namespace dl {
namespace {

constexpr int kGap = 1;
constexpr int kMaxGridSide = 16384;
constexpr QRgb kGapColour = 0xff404040;

int toByte(float normalised) {
    return std::clamp(static_cast<int>(std::lround((normalised + 1.0f) * 127.5f)), 0, 255);
}

}  // namespace

QImage imageGrid(const dl::Batch& images, const dl::ImageShape& shape, int columns) {
    if (shape.width < 1 || shape.height < 1 || (shape.channels != 1 && shape.channels != 3))
        throw Error("image grid: bad image shape " + std::to_string(shape.width) + "×" +
                    std::to_string(shape.height) + "×" + std::to_string(shape.channels));
    if (images.cols() != shape.dim())
        throw Error("image grid: images have " + std::to_string(images.cols()) + " values, the shape needs " +
                    std::to_string(shape.dim()));
    const long long n = images.rows();
    if (n < 1) throw Error("image grid: no images");
    if (columns < 0) throw Error("image grid: columns must be ≥ 0, got " + std::to_string(columns));
    const long long cols = columns > 0 ? std::min<long long>(columns, n)
                                       : static_cast<long long>(std::ceil(std::sqrt(static_cast<double>(n))));
    const long long rows = (n + cols - 1) / cols;
    const long long width = cols * (shape.width + kGap) + kGap;
    const long long height = rows * (shape.height + kGap) + kGap;
    if (width > kMaxGridSide || height > kMaxGridSide)
        throw Error("image grid of " + std::to_string(n) + " images would be " + std::to_string(width) + "×" +
                    std::to_string(height) + " pixels, more than " + std::to_string(kMaxGridSide) +
                    " on a side");

    QImage grid(static_cast<int>(width), static_cast<int>(height), QImage::Format_RGB32);
    grid.fill(kGapColour);
    for (long long i = 0; i < n; ++i) {
        const int left = static_cast<int>((i % cols) * (shape.width + kGap) + kGap);
        const int top = static_cast<int>((i / cols) * (shape.height + kGap) + kGap);
        const float* src = images.row(static_cast<Eigen::Index>(i)).data();
        for (int y = 0; y < shape.height; ++y) {
            auto* line = reinterpret_cast<QRgb*>(grid.scanLine(top + y)) + left;
            for (int x = 0; x < shape.width; ++x) {
                if (shape.channels == 1) {
                    const int v = toByte(*src++);
                    line[x] = qRgb(v, v, v);
                } else {
                    const int r = toByte(src[0]), g = toByte(src[1]), b = toByte(src[2]);
                    src += 3;
                    line[x] = qRgb(r, g, b);
                }
            }
        }
    }
    return grid;
}

void writePng(const QImage& image, const std::string& path) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw Error("cannot write '" + path + "': " + file.errorString().toStdString());
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        throw Error("cannot write '" + path + "': PNG encoding failed");
    }
    if (!file.commit()) throw Error("cannot write '" + path + "': " + file.errorString().toStdString());
}

void writeImageGridPng(const std::string& path, const dl::Batch& images, const dl::ImageShape& shape,
                       int columns, int scale) {
    if (scale < 1 || scale > 16)
        throw Error("image grid scale must be from 1 to 16, got " + std::to_string(scale));
    QImage grid = imageGrid(images, shape, columns);
    if (scale > 1) {
        if (static_cast<long long>(std::max(grid.width(), grid.height())) * scale > kMaxGridSide)
            throw Error("image grid scaled by " + std::to_string(scale) + " would be more than " +
                        std::to_string(kMaxGridSide) + " pixels on a side; use a smaller scale");
        grid = grid.scaled(grid.width() * scale, grid.height() * scale, Qt::IgnoreAspectRatio,
                           Qt::FastTransformation);
    }
    writePng(grid, path);
}

}  // namespace dl
