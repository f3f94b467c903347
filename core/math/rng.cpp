#include "core/math/rng.h"

#include <cmath>
#include <numbers>

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
    if (mHasSpareNormal) {
        mHasSpareNormal = false;
        return mSpareNormal;
    }
    // Box–Muller; 1 - uniform() lies in (0, 1], so the log is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    mSpareNormal = radius * std::sin(angle);
    mHasSpareNormal = true;
    return radius * std::cos(angle);
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
