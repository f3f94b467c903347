// Reverse-process samplers: DDPM ancestral sampling, DDIM and annealed Langevin dynamics, as free
// functions over a denoiser callback (dl::Denoiser), picked by one switch over SamplerKind.
// The learned MLP and the exact denoiser of a data set (oracledenoiser.h) plug in the same way.
//
//   DdpmPosterior / DdpmBeta   Ho et al. 2020, Algorithm 2 with σ²_t = β̃_t or β_t (§3.2)
//   Ddim                       Song et al. 2021, Eq. 12 with σ from Eq. 16 scaled by η ∈ [0, 1]
//   Langevin                   Song & Ermon 2019, Algorithm 1, on s(x, t) = −ε(x, t)/√(1−ᾱ_t)
//
// Steps over a sub-sequence t_1 > t_2 > … > t_K (timesteps.h) use the coefficients of the jump actually
// taken, t → s with s the next listed step (0 after the last):
//   α' = ᾱ_t/ᾱ_s,  β' = 1 − α',  β̃' = β'(1−ᾱ_s)/(1−ᾱ_t),
//   μ  = √ᾱ_s β'/(1−ᾱ_t) · x̂_0 + √α' (1−ᾱ_s)/(1−ᾱ_t) · x_t        (Ho et al. 2020, Eq. 7 for the jump)
// and never those of t → t−1, which would leave most of the noise in place when K ≪ T.
//
// Tiny ᾱ (zero terminal SNR, or a schedule whose ᾱ underflows long before T): x̂_0 = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t
// divides by √ᾱ_t, which is 0 at ᾱ_T = 0 and amplifies the float error of ε̂ without bound as ᾱ_t → 0. So the
// samplers floor ᾱ at 2⁻²⁴ (the floor diffusers' EulerDiscreteScheduler uses for such schedules), on BOTH
// ends of every jump: ᾱ_t ← max(ᾱ_t, 2⁻²⁴) and ᾱ_s ← max(ᾱ_s, 2⁻²⁴). ᾱ is non-increasing in t, so the floored
// values are too: α' ≤ 1, β' ≥ 0, both variances ≥ 0, and every coefficient is finite. A jump between two
// floored steps is the identity (α' = 1, no noise): both ends are pure noise to within √2⁻²⁴ of the data,
// so the chain waits there until the first step whose ᾱ_s is above the floor. The exact denoiser then gives
// x̂_0 ≈ E[x_0] (0 after normalisation) at the floor; a learned ε-model's error is amplified ×4096 in that
// first x̂_0, so clip x̂_0 (clipX0) with such schedules.
//
// Where ᾱ_t is below the floor and the denoiser has its own x̂_0 (an x0- or v-prediction model,
// Denoiser::x0), the sampler takes that x̂_0 as is (x̂_0 = −v at ᾱ = 0, Lin et al. 2024, §3.2), derives
// ε̂ = (x_t − √ᾱ_t x̂_0)/√(1−ᾱ_t) from it, and uses the jump's exact coefficients: nothing is divided by √ᾱ_t,
// so no floor is needed (jumpCoefficients; a jump between two steps with ᾱ = 0 is the identity).
//
// The last step (s = 0) adds no noise (Ho et al. 2020, Algorithm 2: z = 0 when t = 1), so the output is
// the final x̂_0 (clipped when asked). Langevin ends with the same Tweedie denoising step
// x_0 = (x − √(1−ᾱ) ε̂)/√ᾱ at its lowest level (Song & Ermon 2020; Jolicoeur-Martineau et al. 2021).
//
// Cancellation: when *cancel becomes true, the sampler throws dl::SamplingCancelled (a dl::Cancelled, hence a
// dl::Error) before its next denoiser call; no partial result is returned.
//
//   dl::SamplerParams p;
//   p.kind = dl::SamplerKind::Ddim;
//   p.steps = 50;
//   dl::Rng rng(1);
//   dl::SampleResult r = dl::sampleFromNoise(schedule, denoiser, 2000, 2, p, rng);
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/progress.h"
#include "core/math/error.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/math/types.h"
#include "core/sampling/denoiser.h"
#include "core/sampling/steprecord.h"
#include "core/sampling/timesteps.h"

namespace dl {

enum class SamplerKind {
    DdpmBeta,       ///< DDPM ancestral, σ²_t = β_t (upper bound of the reverse variance)
    DdpmPosterior,  ///< DDPM ancestral, σ²_t = β̃_t (the posterior variance; lower bound)
    Ddim,           ///< DDIM, η = 0 deterministic, η = 1 ≈ DDPM posterior
    Langevin,       ///< annealed Langevin dynamics on the score
};

/// Names used on the command line and in files: ddpm-beta, ddpm, ddim, langevin.
std::string_view samplerKindName(SamplerKind kind);
std::optional<SamplerKind> samplerKindFromName(std::string_view name);

/// Floor on ᾱ at both ends of every jump in the samplers' coefficients (see the header comment): 2⁻²⁴.
constexpr double kMinSamplerAlphaBar = 5.9604644775390625e-08;

struct SamplerParams {
    SamplerKind kind = SamplerKind::DdpmPosterior;
    int steps = 0;  ///< K, the number of timesteps visited (Langevin: noise levels); 0 = all T
    TimestepSpacing spacing = TimestepSpacing::Linspace;
    double eta = 0.0;  ///< DDIM only, in [0, 1]
    /// Langevin: step δ_t = langevinStepSize · (1 − ᾱ_t) at level t, i.e. a fixed fraction of the noise
    /// variance there (Song & Ermon 2019 scale α_i ∝ σ_i²; here σ² = 1 − ᾱ_t). Must be > 0. The chain is not
    /// rescaled between levels, so where 1 − ᾱ_t is small next to the data's spread it barely moves and the
    /// result lags slightly toward 0 (on N(m, 0.25 I): mean 0.92–0.98 m at 100 levels × 10–50 steps).
    double langevinStepSize = 0.1;
    int langevinStepsPerLevel = 10;    ///< Langevin: updates per noise level, ≥ 1
    bool clipX0 = false;               ///< clamp every predicted x̂_0 to [clipMin, clipMax] per dimension
    Eigen::VectorXf clipMin, clipMax;  ///< normalised coordinates; both empty = [−1, 1] in every dimension
    int trajectoryStride = 0;          ///< record every stride-th state; 0 = don't record
    std::size_t maxTrajectoryBytes = std::size_t{256} << 20;  ///< the stride grows to stay under this
    /// Rows of x_T whose every step is recorded (x_t, ε̂, x̂_0, μ, σ z, x_s; steprecord.h); DDPM and DDIM
    /// only. Each must be a row of the batch.
    std::vector<Eigen::Index> stepRecordRows;
};

/// Turns on x̂_0 clipping to a data set's own range [min, max] (normalised coordinates, per dimension),
/// widened on each side by kClipMarginFraction of its span. 2D point sets span about ±4 after
/// normalisation, so the fixed [−1, 1] clamp meant for images would distort them.
constexpr float kClipMarginFraction = 0.05f;
void clipX0ToDataRange(SamplerParams& params, const Eigen::VectorXf& min, const Eigen::VectorXf& max);

/// Recorded states of one run. states[0] is the start x_T, the last is the output x_0; timesteps[i] is the
/// step that states[i] belongs to (the output has timestep 0). Empty when nothing was asked or when even
/// the first and last state would not fit in maxTrajectoryBytes. The window, the exporters and the CLI
/// animate this same type; `sampler` names the run for captions ("DDIM η=0, K=50").
/// What a view shows of a trajectory at one t: a recorded state, or one interpolated between two.
struct ReverseFrame {
    Batch state;                ///< normalised N×d
    int above = 0;              ///< timestep of the state drawn (the later state when interpolated)
    int below = 0;              ///< the earlier state's timestep when interpolated, else = above
    bool interpolated = false;  ///< true when t lies strictly between two recorded states
};

struct Trajectory {
    std::vector<int> timesteps;
    std::vector<Batch> states;
    int stride = 0;       ///< the stride actually used (≥ the one asked for); 0 when nothing was recorded
    std::string sampler;  ///< UTF-8 label for captions and sidecars; empty when unnamed
    /// Drawn with the data's exact denoiser (makeOracleDenoiser), not a network: what step mode's legend
    /// calls its x̂_0 and mean. Set by whoever chose the denoiser.
    bool exactDenoiser = false;

    /// Optional smooth paths for the trails: a deterministic DDIM (η = 0) pass over every timestep from the
    /// same x_T rows as the sample, for a few rows only (Song et al. 2021, Eq. 12 with σ = 0).
    struct DdimPaths {
        std::vector<Eigen::Index> rows;  ///< which rows of states[k] the paths start from
        std::vector<int> timesteps;      ///< T down to 0
        std::vector<Batch> states;       ///< rows.size()×d each
        bool empty() const { return states.empty(); }
    } ddimPaths;

    /// The per-step vectors of SamplerParams::stepRecordRows (empty when none were asked).
    ReverseStepRecords stepRecords;

    bool empty() const { return states.empty(); }
    /// The state to show at timestep t: the kept state whose timestep is the smallest ≥ t (or the last).
    /// Null when nothing was recorded.
    const Batch* stateAt(int t) const;
    /// stateAt(t) with its timestep; with `interpolate`, t strictly between two recorded states gives the
    /// linear blend of the two (a picture between real states, not a state of the sampler).
    ReverseFrame frameAt(int t, bool interpolate) const;
};

struct SampleResult {
    Batch samples;  ///< N×d, normalised coordinates
    Trajectory trajectory;
    int denoiserCalls = 0;
};

/// Thrown by the samplers when their cancel flag is set. A dl::Cancelled (core/data/progress.h), so code that
/// handles every cancelled job the same way catches it there.
class SamplingCancelled : public Cancelled {};

/// Coefficients of one reverse jump t → s (0 ≤ s < t ≤ T).
struct ReverseStepCoefficients {
    double alphaBarT = 1.0;          ///< ᾱ_t (floored by reverseStepCoefficients)
    double alphaBarPrev = 1.0;       ///< ᾱ_s (floored by reverseStepCoefficients)
    double alphaStep = 1.0;          ///< α' = ᾱ_t/ᾱ_s
    double betaStep = 0.0;           ///< β' = 1 − α'
    double posteriorVariance = 0.0;  ///< β̃' = β'(1−ᾱ_s)/(1−ᾱ_t)
    double coefX0 = 0.0;             ///< √ᾱ_s β'/(1−ᾱ_t)
    double coefXt = 0.0;             ///< √α' (1−ᾱ_s)/(1−ᾱ_t)
};
/// The jump t → s of the schedule with the floor kMinSamplerAlphaBar applied to both ᾱ_t and ᾱ_s.
ReverseStepCoefficients reverseStepCoefficients(const Schedule& schedule, int t, int prev);
/// The jump between two noise levels as given, 0 ≤ ᾱ_t ≤ ᾱ_s ≤ 1 and ᾱ_t < 1; α' = 1 when ᾱ_s = 0.
ReverseStepCoefficients jumpCoefficients(double alphaBarT, double alphaBarPrev);

/// x̂_0 = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t for every row (ᾱ_t floored), into out (resized).
void predictX0(const Schedule& schedule, int t, const Batch& xt, const Batch& eps, Batch& out);

/// A message naming the first bad parameter and its allowed range, or nothing when all are valid.
std::optional<std::string> validateSamplerParams(const SamplerParams& params, const Schedule& schedule,
                                                 int dim);

/// Called with every state the trajectory keeps, as soon as it is kept (x_T first, x_0 last), so a
/// caller can show the reverse chain while the rest is computed. Not called when nothing is recorded.
using RecordedStateCallback = std::function<void(int t, const Batch& state)>;

/// Runs the sampler from xT (N×d, normalised). progress(done, total) is called after every denoiser call,
/// recorded(t, state) for every state kept in the trajectory.
/// Throws dl::Error for invalid parameters and dl::SamplingCancelled when *cancel becomes true.
SampleResult runSampler(const Schedule& schedule, const Denoiser& denoiser, Batch xT,
                        const SamplerParams& params, Rng& rng, const std::atomic<bool>* cancel = nullptr,
                        const std::function<void(int done, int total)>& progress = {},
                        const RecordedStateCallback& recorded = {});

/// Draws x_T ~ N(0, I) of n×d from rng, then runs the sampler with the same rng.
SampleResult sampleFromNoise(const Schedule& schedule, const Denoiser& denoiser, int n, int d,
                             const SamplerParams& params, Rng& rng, const std::atomic<bool>* cancel = nullptr,
                             const std::function<void(int done, int total)>& progress = {},
                             const RecordedStateCallback& recorded = {});

}  // namespace dl
