#include "core/model/bf16weights.h"

#include <cmath>
#include <cstring>

namespace dl {

std::uint16_t toBf16(float value) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    if (std::isnan(value)) return static_cast<std::uint16_t>((bits >> 16) | 0x40);  // stays a quiet NaN
    const std::uint32_t roundingBias = 0x7FFF + ((bits >> 16) & 1);
    return static_cast<std::uint16_t>((bits + roundingBias) >> 16);
}

float fromBf16(std::uint16_t value) {
    const std::uint32_t bits = static_cast<std::uint32_t>(value) << 16;
    float result;
    std::memcpy(&result, &bits, sizeof result);
    return result;
}

bool bf16Packable(const MlpKernelShape& shape) {
    return shape.hidden > 0 && shape.hidden % 16 == 0 && shape.weightOffset != nullptr;
}

Bf16Weights packBf16Weights(const MlpKernelShape& shape, const float* params) {
    Bf16Weights packed;
    if (!bf16Packable(shape)) return packed;
    const std::ptrdiff_t H = shape.hidden, blocks = H / 16;
    for (int l = 0; l <= shape.layers; ++l) {
        const std::ptrdiff_t K = l == 0 ? shape.inputWidth : H, pairs = (K + 1) / 2;
        const float* W = params + shape.weightOffset[l];
        const std::ptrdiff_t start = static_cast<std::ptrdiff_t>(packed.values.size());
        packed.offset.push_back(start);
        packed.pairs.push_back(pairs);
        packed.values.resize(static_cast<std::size_t>(start + blocks * pairs * 32), 0);
        std::uint16_t* out = packed.values.data() + start;
        for (std::ptrdiff_t b = 0; b < blocks; ++b)
            for (std::ptrdiff_t p = 0; p < pairs; ++p)
                for (std::ptrdiff_t i = 0; i < 16; ++i)
                    for (std::ptrdiff_t e = 0; e < 2; ++e) {
                        const std::ptrdiff_t col = 2 * p + e;
                        if (col < K)
                            out[((b * pairs + p) * 16 + i) * 2 + e] = toBf16(W[col * H + 16 * b + i]);
                    }
    }
    return packed;
}

}  // namespace dl
