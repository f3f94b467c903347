// One seeded random source per job (training, sampling, forward noise), passed in explicitly.
// xoshiro256** seeded through splitmix64, with normals from the ziggurat method (rng.cpp): the same seed
// gives the same numbers with every compiler and standard library (std::normal_distribution's algorithm
// differs between libraries), up to the last bit of a normal where a C library rounds exp or log
// differently (the ziggurat's table and its rare slow path use them).
//
//   dl::Rng rng(42);
//   dl::Batch eps(n, 2);
//   rng.fillNormal(eps);
#pragma once

#include <cstdint>

#include "core/math/types.h"

namespace dl {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0);

    std::uint64_t nextU64();
    /// Uniform in [0, 1).
    double uniform();
    /// Uniform integer in [lo, hi] (inclusive).
    int uniformInt(int lo, int hi);
    /// Standard normal.
    double normal();
    /// Fills every element with independent standard normals.
    void fillNormal(Eigen::Ref<Batch> out);
    /// An independent stream derived from this one's seed and a stream id (for per-thread sources).
    Rng split(std::uint64_t stream) const;

private:
    std::uint64_t mState[4];
    std::uint64_t mSeed;
};

}  // namespace dl
