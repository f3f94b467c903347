#include "core/io/imageshape.h"

#include <cmath>
#include <string>

#include "core/data/datalimits.h"
#include "core/data/densitysampler.h"
#include "core/io/imagefile.h"
#include "core/math/error.h"

namespace dl {
namespace {

bool hasTransparency(const QImage& argb) {
    if (!argb.hasAlphaChannel()) return false;
    for (int y = 0; y < argb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(line[x]) < 255) return true;
    }
    return false;
}

Batch sampleWithContext(const QImage& image, int n, Rng& rng, const ImageShapeOptions& options,
                        const std::string& name, const ProgressCallback& progress) {
    const std::vector<float> density = imageDensity(image, options);
    if (!(densityMass(density) > 0.0))
        throw Error(name + " has nothing to sample points from (every pixel is " +
                    (options.source == ImageDensitySource::Alpha ? "transparent" : "white or transparent") +
                    " after the threshold); try invert or a lower threshold");
    return samplePointsFromDensity(density, image.width(), image.height(), n, rng, progress);
}

}  // namespace

std::vector<float> imageDensity(const QImage& image, const ImageShapeOptions& options) {
    if (image.isNull() || image.width() < 1 || image.height() < 1) throw Error("the image has no pixels");
    if (!(options.threshold >= 0.0f && options.threshold < 1.0f))
        throw Error("image threshold must be in [0, 1), got " + std::to_string(options.threshold));
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    ImageDensitySource source = options.source;
    if (source == ImageDensitySource::Auto)
        source = hasTransparency(argb) ? ImageDensitySource::Alpha : ImageDensitySource::Darkness;

    std::vector<float> density(static_cast<std::size_t>(argb.width()) * argb.height());
    std::size_t i = 0;
    for (int y = 0; y < argb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x, ++i) {
            const QRgb p = line[x];
            const float alpha = static_cast<float>(qAlpha(p)) / 255.0f;
            float v = source == ImageDensitySource::Alpha
                          ? alpha
                          : alpha * (1.0f - static_cast<float>(qGray(p)) / 255.0f);  // over white
            if (options.invert) v = 1.0f - v;
            density[i] = v < options.threshold ? 0.0f : v;
        }
    }
    return density;
}

Batch pointsFromImage(const QImage& image, int n, Rng& rng, const ImageShapeOptions& options,
                      const ProgressCallback& progress) {
    return sampleWithContext(image, n, rng, options, "the image", progress);
}

Batch pointsFromImageFile(const std::string& path, int n, Rng& rng, const ImageShapeOptions& options,
                          const ProgressCallback& progress) {
    const QImage image = readImageFile(path, limits::kMaxShapeImageSide);
    if (progress && !progress(0.0)) throw Cancelled();
    return sampleWithContext(image, n, rng, options, "image '" + path + "'", progress);
}

}  // namespace dl
