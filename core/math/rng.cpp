#include "core/math/rng.h"

#include <cmath>

namespace dl {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

// The ziggurat's layers (Doornik 2005, ZIGNOR): x[i] the right edge of layer i's rectangle (x[0] the
// bottom layer's equivalent width v / f(r)), ratio[i] = x[i+1] / x[i], the part of layer i that lies
// under the density whatever the position.
constexpr int kZigguratLayers = 128;
constexpr double kZigguratTailStart = 3.442619855899;       // r
constexpr double kZigguratLayerArea = 9.91256303526217e-3;  // v

struct ZigguratTable {
    double x[kZigguratLayers + 1];
    double ratio[kZigguratLayers];
    ZigguratTable() {
        double f = std::exp(-0.5 * kZigguratTailStart * kZigguratTailStart);
        x[0] = kZigguratLayerArea / f;
        x[1] = kZigguratTailStart;
        x[kZigguratLayers] = 0.0;
        for (int i = 2; i < kZigguratLayers; ++i) {
            x[i] = std::sqrt(-2.0 * std::log(kZigguratLayerArea / x[i - 1] + f));
            f = std::exp(-0.5 * x[i] * x[i]);
        }
        for (int i = 0; i < kZigguratLayers; ++i) ratio[i] = x[i + 1] / x[i];
    }
};

const ZigguratTable& zigguratTable() {
    static const ZigguratTable table;
    return table;
}

// A draw from the normal's tail beyond r (Marsaglia 1964), on the side asked for.
double normalTail(Rng& rng, bool negative) {
    double x = 0.0, y = 0.0;
    do {
        // 1 − uniform() lies in (0, 1], so both logarithms are finite.
        x = std::log(1.0 - rng.uniform()) / kZigguratTailStart;
        y = std::log(1.0 - rng.uniform());
    } while (-2.0 * y < x * x);
    return negative ? x - kZigguratTailStart : kZigguratTailStart - x;
}

}  // namespace

Rng::Rng(std::uint64_t seed) : mSeed(seed) {
    std::uint64_t s = seed;
    for (auto& word : mState) word = splitmix64(s);
}

std::uint64_t Rng::nextU64() {
    // xoshiro256** (Blackman & Vigna 2018).
    const std::uint64_t result = rotl(mState[1] * 5, 7) * 9;
    const std::uint64_t t = mState[1] << 17;
    mState[2] ^= mState[0];
    mState[3] ^= mState[1];
    mState[1] ^= mState[2];
    mState[0] ^= mState[3];
    mState[2] ^= t;
    mState[3] = rotl(mState[3], 45);
    return result;
}

double Rng::uniform() {
    return static_cast<double>(nextU64() >> 11) * 0x1.0p-53;
}

int Rng::uniformInt(int lo, int hi) {
    const std::uint64_t span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    // Multiply-shift maps the top 32 random bits onto [0, span) with negligible bias for small spans.
    const std::uint64_t offset = ((nextU64() >> 32) * span) >> 32;
    return static_cast<int>(lo + static_cast<std::int64_t>(offset));
}

double Rng::normal() {
    // The ziggurat method (Marsaglia & Tsang 2000) with Doornik's correction (2005: the layer from bits
    // the uniform does not use, so layer and position are independent): 128 layers of equal area under
    // the density, of which the first is the tail beyond r. ≈ 99 % of draws take one random word and one
    // multiplication, where Box–Muller took a logarithm, a sine and a cosine per pair: the reverse chain
    // draws 2,000 × 2 normals per step on the thread that waits for them (docs/performance.md).
    const ZigguratTable& z = zigguratTable();
    for (;;) {
        const std::uint64_t bits = nextU64();
        const double u = 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0;  // [−1, 1)
        const auto layer = static_cast<int>(bits & 0x7F);
        // Inside the rectangle that lies wholly under the density: accept.
        if (std::abs(u) < z.ratio[layer]) return u * z.x[layer];
        if (layer == 0) return normalTail(*this, u < 0.0);
        // In the wedge between the rectangle and the curve: accept with the density's height there.
        const double x = u * z.x[layer];
        const double f0 = std::exp(-0.5 * (z.x[layer] * z.x[layer] - x * x));
        const double f1 = std::exp(-0.5 * (z.x[layer + 1] * z.x[layer + 1] - x * x));
        if (f1 + uniform() * (f0 - f1) < 1.0) return x;
    }
}

void Rng::fillNormal(Eigen::Ref<Batch> out) {
    // Row by row: a Ref may view a block with an outer stride, so the storage need not be contiguous.
    for (Eigen::Index r = 0; r < out.rows(); ++r)
        for (Eigen::Index c = 0; c < out.cols(); ++c) out(r, c) = static_cast<float>(normal());
}

Rng Rng::split(std::uint64_t stream) const {
    std::uint64_t s = mSeed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
    return Rng(splitmix64(s));
}

}  // namespace dl
