#include "core/data/imageaugment.h"

#include <algorithm>
#include <string>

#include "core/data/datalimits.h"
#include "core/math/error.h"

namespace dl {

void flipShiftImage(const float* in, float* out, const ImageShape& shape, bool flip, int dx, int dy) {
    const int w = shape.width, h = shape.height, c = shape.channels;
    for (int y = 0; y < h; ++y) {
        const int sy = std::clamp(y - dy, 0, h - 1);
        for (int x = 0; x < w; ++x) {
            int sx = std::clamp(x - dx, 0, w - 1);
            if (flip) sx = w - 1 - sx;
            const float* src = in + (static_cast<std::ptrdiff_t>(sy) * w + sx) * c;
            float* dst = out + (static_cast<std::ptrdiff_t>(y) * w + x) * c;
            std::copy(src, src + c, dst);
        }
    }
}

Batch augmentImages(const Batch& images, const ImageShape& shape, int copies, const AugmentOptions& options,
                    Rng& rng) {
    if (shape.width < 1 || shape.height < 1 || shape.channels < 1 || images.cols() != shape.dim())
        throw Error("images have " + std::to_string(images.cols()) + " values each, the image shape needs " +
                    std::to_string(shape.dim()));
    if (copies < 1 || copies > limits::kMaxAugmentCopies)
        throw Error("augmentation copies must be from 1 to " + std::to_string(limits::kMaxAugmentCopies) +
                    ", got " + std::to_string(copies));
    if (options.maxShift < 0)
        throw Error("augmentation shift must be ≥ 0, got " + std::to_string(options.maxShift));
    const long long total = static_cast<long long>(images.rows()) * copies;
    if (total * shape.dim() > limits::kMaxImageFloats)
        throw Error(std::to_string(total) + " augmented images of " + std::to_string(shape.dim()) +
                    " values are more than the limit of " + std::to_string(limits::kMaxImageFloats) +
                    " values");
    Batch out(total, images.cols());
    for (Eigen::Index i = 0; i < images.rows(); ++i) {
        for (int k = 0; k < copies; ++k) {
            float* dst = out.row(i * copies + k).data();
            if (k == 0) {
                std::copy(images.row(i).data(), images.row(i).data() + images.cols(), dst);
                continue;
            }
            const bool flip = options.flip && rng.uniform() < 0.5;
            const int dx = rng.uniformInt(-options.maxShift, options.maxShift);
            const int dy = rng.uniformInt(-options.maxShift, options.maxShift);
            flipShiftImage(images.row(i).data(), dst, shape, flip, dx, dy);
        }
    }
    return out;
}

}  // namespace dl
