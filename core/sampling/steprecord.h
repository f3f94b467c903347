// What one reverse step did to a few chosen points: the per-step vectors the point inspector and the step
// mode ("the anatomy of one step") show. The samplers fill these in from the very batches the step is
// computed with (samplers.cpp, runReverseJumps), so the numbers on screen are the sampler's own, not a
// second computation that could drift from it.
//
// For the jump t → s (s the next visited timestep, 0 after the last):
//   x_t     the state the step starts from
//   ε̂       the denoiser's noise prediction (derived from its own x̂_0 where ᾱ_t is below the floor)
//   x̂_0     (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t, clipped when the sampler clips (Ho et al. 2020, Eq. 4 solved for x_0)
//   μ       the deterministic part of the update: DDPM's posterior mean c₀ x̂_0 + c_t x_t (Eq. 7), DDIM's
//           √ᾱ_s x̂_0 + √(1−ᾱ_s−σ²) ε̂ (Song et al. 2021, Eq. 12); x̂_0 itself on the last step
//   σ_t z   the noise added (zero when the step adds none)
//   x_s     μ + σ_t z, the state the step lands on
// Langevin dynamics has no such step (many small updates per level) and records nothing.
//
//   dl::SamplerParams p;
//   p.stepRecordRows = {0, 7};                         // follow rows 0 and 7 of x_T
//   dl::SampleResult r = dl::sampleFromNoise(schedule, denoiser, 100, 2, p, rng);
//   const dl::ReverseStepRecord* step = r.trajectory.stepRecords.stepAt(40);
//   float muX = step->mean(r.trajectory.stepRecords.slotOf(7), 0);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/math/types.h"

namespace dl {

struct ReverseStepRecord {
    int t = 0;           ///< the timestep the step starts at
    int s = 0;           ///< the timestep it lands on
    double sigma = 0.0;  ///< σ of the noise added (0 when none)
    // R×d each, one row per recorded row (ReverseStepRecords::rows), normalised coordinates.
    Batch xt, eps, x0, mean, noise, next;
};

struct ReverseStepRecords {
    std::vector<Eigen::Index> rows;        ///< rows of the batch followed
    std::vector<ReverseStepRecord> steps;  ///< in the order taken (t decreasing)
    std::string sampler;                   ///< samplerKindName of the run ("ddpm", "ddim", …)

    bool empty() const { return steps.empty(); }
    /// The step shown at timestep t: the one with s < t ≤ step.t; at t ≤ 0 the last step (the one that landed
    /// on x_0). Null when nothing was recorded or t lies above the first step.
    const ReverseStepRecord* stepAt(int t) const;
    /// Where `row` sits among rows (the row of every record's batches), or −1 when it is not followed.
    int slotOf(Eigen::Index row) const;
    /// The path of one followed row: x_t of every step, then the last x_s (steps + 1)×d; empty for slot −1.
    Batch path(int slot) const;
};

/// Memory the window gives the per-step vectors of the points its inspector can pick (32 MB: every step of
/// 2000 points at K = 350, or of 700 points at K = 1000).
constexpr std::size_t kStepRecordBytes = std::size_t{32} << 20;

/// Rows 0 … M−1 of an n-row batch, M the most whose records over `steps` steps of dimension `dim` fit in
/// maxBytes (six R×d float batches per step). The rows of x_T are independent draws, so the first M are
/// as good a choice as any.
std::vector<Eigen::Index> leadingRowsWithin(Eigen::Index n, int steps, Eigen::Index dim,
                                            std::size_t maxBytes);

/// Appends one step's record, copying the chosen rows out of the full N×d batches of the step. An empty
/// `noise` means no noise was added (recorded as zeros).
void appendStepRecord(ReverseStepRecords& records, int t, int s, double sigma, const Batch& xt,
                      const Batch& eps, const Batch& x0, const Batch& mean, const Batch& noise,
                      const Batch& next);

}  // namespace dl
