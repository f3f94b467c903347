#include "core/model/int16weights.h"

#include <algorithm>
#include <cmath>

namespace dl {

int int16ProductLimit(std::ptrdiff_t pairs) {
    const double terms = 2.0 * static_cast<double>(std::max<std::ptrdiff_t>(pairs, 1));
    return std::min(32767, static_cast<int>(std::floor(std::sqrt(2147483647.0 / terms))) - 1);
}

bool int16Packable(const MlpKernelShape& shape) {
    return shape.hidden > 0 && shape.hidden % 16 == 0 && shape.weightOffset != nullptr;
}

Int16Weights packInt16Weights(const MlpKernelShape& shape, const float* params, int blockRows) {
    Int16Weights packed;
    if (!int16Packable(shape)) return packed;
    if (blockRows <= 0) blockRows = mlpKernels<float>().int16BlockRows;
    packed.blockRows = blockRows;
    const std::ptrdiff_t H = shape.hidden, R = blockRows, blocks = H / R;
    for (int l = 0; l <= shape.layers; ++l) {
        const std::ptrdiff_t K = l == 0 ? shape.inputWidth : H, pairs = (K + 1) / 2;
        const int limit = int16ProductLimit(pairs);
        const float* W = params + shape.weightOffset[l];
        const std::ptrdiff_t start = static_cast<std::ptrdiff_t>(packed.values.size());
        packed.offset.push_back(start);
        packed.pairs.push_back(pairs);
        packed.limit.push_back(limit);
        packed.values.resize(static_cast<std::size_t>(start + blocks * pairs * 2 * R), 0);
        std::int16_t* out = packed.values.data() + start;
        for (std::ptrdiff_t row = 0; row < H; ++row) {
            float peak = 0.0f;
            for (std::ptrdiff_t col = 0; col < K; ++col) peak = std::max(peak, std::fabs(W[col * H + row]));
            if (!std::isfinite(peak)) return {};
            const float scale = peak / static_cast<float>(limit);
            const float toUnits = peak > 0.0f ? static_cast<float>(limit) / peak : 0.0f;
            packed.rowScale.push_back(scale);
            const std::ptrdiff_t b = row / R, i = row % R;
            for (std::ptrdiff_t col = 0; col < K; ++col) {
                const std::ptrdiff_t p = col / 2, e = col % 2;
                out[((b * pairs + p) * R + i) * 2 + e] =
                    static_cast<std::int16_t>(std::lrint(W[col * H + row] * toUnits));
            }
        }
    }
    const std::ptrdiff_t d = shape.dataDim;
    if (d <= kFusedOutputMaxDim) {
        const float* Wout = params + shape.weightOffset[shape.layers + 1];  // d × H, column-major
        packed.outputRows.resize(static_cast<std::size_t>(d * H));
        for (std::ptrdiff_t r = 0; r < d; ++r)
            for (std::ptrdiff_t i = 0; i < H; ++i)
                packed.outputRows[static_cast<std::size_t>(r * H + i)] = Wout[i * d + r];
    }
    return packed;
}

}  // namespace dl
