// libFuzzer harness: image files of any format Qt reads, through the project's two image loaders:
// as a shape (dl::pointsFromImageFile, points sampled from the image's darkness) and as pixels
// (dl::loadImageSet, S×S gray and RGB). The bytes go to a file because both loaders take a path
// (they check the file, its header size and its format before decoding).
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/io/imageset.h"
#include "core/io/imageshape.h"
#include "core/math/error.h"
#include "fuzzinit.h"

namespace {
std::string imagePath;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::startQt();
    imagePath = QDir::temp().filePath(QStringLiteral("dl-fuzz-image-%1").arg(::getpid())).toStdString();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        QFile file(QString::fromStdString(imagePath));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
        file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    }
    dl::Rng rng(1);
    try {
        const dl::Batch points = dl::pointsFromImageFile(imagePath, 64, rng, dl::ImageShapeOptions{});
        if (points.rows() != 64 || points.cols() != 2 || !points.allFinite()) __builtin_trap();
    } catch (const dl::Error&) {
    }
    for (const int channels : {1, 3}) {
        try {
            dl::ImageSetOptions options;
            options.size = 8;
            options.channels = channels;
            const dl::DataSet set = dl::loadImageSet({imagePath}, options, rng);
            if (set.dim() != 64 * channels || !set.points.allFinite()) __builtin_trap();
        } catch (const dl::Error&) {
        }
    }
    return 0;
}
