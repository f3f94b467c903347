#include "core/sampling/samplers.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/math/format.h"
#include "core/math/schedulediagnostics.h"

namespace dl {

const Batch* Trajectory::stateAt(int t) const {
    if (states.empty()) return nullptr;
    // timesteps run from T down to 0: take the last kept state whose timestep is still ≥ t.
    std::size_t best = 0;
    for (std::size_t k = 0; k < timesteps.size() && k < states.size(); ++k) {
        if (timesteps[k] >= t)
            best = k;
        else
            break;
    }
    return &states[best];
}

ReverseFrame Trajectory::frameAt(int t, bool interpolate) const {
    ReverseFrame f;
    if (states.empty()) return f;
    const std::size_t n = std::min(timesteps.size(), states.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (timesteps[i] >= t)
            k = i;
        else
            break;
    }
    f.state = states[k];
    f.above = f.below = k < n ? timesteps[k] : t;
    if (interpolate && k + 1 < n && timesteps[k] > t && timesteps[k + 1] < t) {
        const float w = float(timesteps[k] - t) / float(timesteps[k] - timesteps[k + 1]);
        f.state = (1.0f - w) * states[k] + w * states[k + 1];
        f.below = timesteps[k + 1];
        f.interpolated = true;
    }
    return f;
}
namespace {

// The schedule editor calls steps below this floor wasted; keep the two the same.
static_assert(kMinSamplerAlphaBar == kUnderflowAlphaBar);

double flooredAlphaBar(const Schedule& schedule, int t) {
    return std::max(schedule.alphaBar(t), kMinSamplerAlphaBar);
}

void checkCancel(const std::atomic<bool>* cancel) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw SamplingCancelled();
}

/// Checks that a denoiser answered with one row per input row.
void checkShape(const Batch& x, const Batch& out) {
    if (out.rows() != x.rows() || out.cols() != x.cols())
        throw Error("denoiser returned " + std::to_string(out.rows()) + "x" + std::to_string(out.cols()) +
                    " values for a " + std::to_string(x.rows()) + "x" + std::to_string(x.cols()) + " batch");
}

/// Calls the denoiser's ε̂ and checks its shape.
void predictEpsilon(const Denoiser& denoiser, const Batch& x, int t, Batch& eps) {
    denoiser.epsilon(x, t, eps);
    checkShape(x, eps);
}

/// Counts denoiser calls for progress reports.
struct Progress {
    const std::function<void(int, int)>& report;
    int total = 0;
    int done = 0;
    void step() {
        ++done;
        if (report) report(done, total);
    }
};

/// The per-dimension clamp of x̂_0, or nothing.
class X0Clamp {
public:
    X0Clamp(const SamplerParams& p, Eigen::Index dim) : mOn(p.clipX0) {
        if (!mOn) return;
        if (p.clipMin.size() == 0) {
            mLo = Eigen::RowVectorXf::Constant(dim, -1.0f);
            mHi = Eigen::RowVectorXf::Constant(dim, 1.0f);
        } else {
            mLo = p.clipMin.transpose();
            mHi = p.clipMax.transpose();
        }
    }
    void apply(Batch& x0) const {
        if (!mOn) return;
        for (Eigen::Index r = 0; r < x0.rows(); ++r) x0.row(r) = x0.row(r).cwiseMax(mLo).cwiseMin(mHi);
    }

private:
    bool mOn;
    Eigen::RowVectorXf mLo, mHi;
};

/// Keeps every stride-th state of a run of `steps` steps (state 0 = start, state `steps` = output), with
/// the stride raised until all kept states fit in the byte budget.
class TrajectoryRecorder {
public:
    TrajectoryRecorder(const SamplerParams& p, int steps, Eigen::Index n, Eigen::Index d,
                       const RecordedStateCallback& recorded)
        : mSteps(steps), mRecorded(recorded) {
        if (p.trajectoryStride <= 0) return;
        const std::size_t bytesPerState =
            static_cast<std::size_t>(n) * static_cast<std::size_t>(d) * sizeof(float);
        const std::size_t maxStates =
            bytesPerState == 0 ? std::size_t{2} : p.maxTrajectoryBytes / bytesPerState;
        if (maxStates < 2) return;  // not even x_T and x_0 fit
        int stride = p.trajectoryStride;
        if (countStates(stride) > maxStates) {
            // With stride ≥ steps/(maxStates − 1) at most maxStates states are kept (start, multiples, end).
            const std::size_t room = maxStates - 1;
            stride = std::max(stride, static_cast<int>((static_cast<std::size_t>(steps) + room - 1) / room));
            while (countStates(stride) > maxStates) ++stride;
        }
        mStride = stride;
        mTrajectory.stride = stride;
        mTrajectory.states.reserve(countStates(stride));
        mTrajectory.timesteps.reserve(countStates(stride));
    }

    /// State after `step` steps (0 = the start), belonging to timestep t.
    void record(int step, int t, const Batch& x) {
        if (mStride == 0 || (step % mStride != 0 && step != mSteps)) return;
        mTrajectory.timesteps.push_back(t);
        mTrajectory.states.push_back(x);
        if (mRecorded) mRecorded(t, mTrajectory.states.back());
    }

    Trajectory take() { return std::move(mTrajectory); }

private:
    std::size_t countStates(int stride) const {
        const int s = std::max(mSteps, 0);
        return static_cast<std::size_t>(s / stride) + 1 + (s % stride != 0 ? 1 : 0);
    }

    int mSteps;
    int mStride = 0;
    const RecordedStateCallback& mRecorded;
    Trajectory mTrajectory;
};

/// x̂_0 = a·x_t − b·ε̂ with a = 1/√ᾱ_t, b = √(1−ᾱ_t)/√ᾱ_t (Ho et al. 2020, Eq. 4 solved for x_0).
void x0FromEpsilon(double alphaBarT, const Batch& xt, const Batch& eps, Batch& out) {
    const auto a = static_cast<float>(1.0 / std::sqrt(alphaBarT));
    const auto b = static_cast<float>(std::sqrt(1.0 - alphaBarT) / std::sqrt(alphaBarT));
    out.resize(xt.rows(), xt.cols());
    out.noalias() = a * xt - b * eps;
}

/// ε̂ and x̂_0 at step t, with one denoiser call. Returns true when x̂_0 is the model's own (ᾱ_t below the floor
/// and Denoiser::x0 set; see the header comment): the caller then uses the jump's exact coefficients.
bool predictStep(const Schedule& schedule, const Denoiser& denoiser, const Batch& x, int t, Batch& eps,
                 Batch& x0) {
    const double alphaBar = schedule.alphaBar(t);
    if (alphaBar < kMinSamplerAlphaBar && denoiser.x0) {
        denoiser.x0(x, t, x0);
        checkShape(x, x0);
        // ε̂ = (x_t − √ᾱ_t x̂_0)/√(1−ᾱ_t) (Ho et al. 2020, Eq. 4 solved for ε); = x_t at ᾱ_t = 0.
        eps.resize(x.rows(), x.cols());
        eps.noalias() = static_cast<float>(1.0 / std::sqrt(1.0 - alphaBar)) *
                        (x - static_cast<float>(std::sqrt(alphaBar)) * x0);
        return true;
    }
    predictEpsilon(denoiser, x, t, eps);
    x0FromEpsilon(flooredAlphaBar(schedule, t), x, eps, x0);
    return false;
}

/// The coefficients of the jump t → s to use after predictStep.
ReverseStepCoefficients stepCoefficients(const Schedule& schedule, int t, int s, bool modelX0) {
    return modelX0 ? jumpCoefficients(schedule.alphaBar(t), schedule.alphaBar(s))
                   : reverseStepCoefficients(schedule, t, s);
}

/// One reverse jump t → s as DDPM and DDIM both see it: ε̂ and the clamped x̂_0 at t (one denoiser call),
/// and the jump's coefficients.
struct ReverseJump {
    int t = 0;
    int s = 0;
    const Batch& eps;
    const Batch& x0;
    ReverseStepCoefficients c;
};

/// The step prelude DDPM and DDIM share: for every jump t → s along `ts` (the last one to s = 0), honour the
/// cancel flag, predict ε̂ and x̂_0, count the call, take the jump's coefficients, clamp x̂_0; then `update`
/// writes the step's mean μ and its noise σ z (left empty when it adds none) and returns σ. The step lands
/// on x_s = μ + σ z; the chosen rows' vectors are recorded from these same batches (steprecord.h), and the
/// recorder is offered x_s.
template <class Update>
void runReverseJumps(const Schedule& schedule, const Denoiser& denoiser, Batch& x, const SamplerParams& p,
                     const std::vector<int>& ts, const std::atomic<bool>* cancel, Progress& progress,
                     TrajectoryRecorder& recorder, ReverseStepRecords& steps, Update&& update) {
    const X0Clamp clamp(p, x.cols());
    Batch eps, x0, mean, noise, next;
    const int K = static_cast<int>(ts.size());
    for (int i = 0; i < K; ++i) {
        checkCancel(cancel);
        const int t = ts[i];
        const int s = i + 1 < K ? ts[i + 1] : 0;
        const bool modelX0 = predictStep(schedule, denoiser, x, t, eps, x0);
        progress.step();
        const ReverseStepCoefficients c = stepCoefficients(schedule, t, s, modelX0);
        clamp.apply(x0);
        noise.resize(0, 0);
        const double sigma = update(ReverseJump{t, s, eps, x0, c}, x, mean, noise);
        next = mean;
        if (noise.size() != 0) next += noise;
        if (!steps.rows.empty()) appendStepRecord(steps, t, s, sigma, x, eps, x0, mean, noise, next);
        x.swap(next);
        recorder.record(i + 1, s, x);
    }
}

// ---- DDPM ancestral sampling (Ho et al. 2020, Algorithm 2, generalised to jumps t → s) ------------------
void sampleDdpm(const Schedule& schedule, const Denoiser& denoiser, Batch& x, const SamplerParams& p,
                const std::vector<int>& ts, Rng& rng, const std::atomic<bool>* cancel, Progress& progress,
                TrajectoryRecorder& recorder, ReverseStepRecords& steps) {
    Batch z(x.rows(), x.cols());
    runReverseJumps(
        schedule, denoiser, x, p, ts, cancel, progress, recorder, steps,
        [&](const ReverseJump& j, const Batch& xt, Batch& mean, Batch& noise) {
            if (j.s == 0) {
                // Algorithm 2: no noise on the last step; the posterior mean at s = 0 is x̂_0.
                mean = j.x0;
                return 0.0;
            }
            // Posterior mean written through x̂_0 (Ho et al. 2020, Eq. 7), so a clipped x̂_0 takes
            // effect; without clipping it equals Eq. 11's (x_t − β'/√(1−ᾱ_t) ε̂)/√α'.
            const double variance = p.kind == SamplerKind::DdpmBeta ? j.c.betaStep : j.c.posteriorVariance;
            const double sigma = std::sqrt(variance);
            mean.noalias() = static_cast<float>(j.c.coefX0) * j.x0 + static_cast<float>(j.c.coefXt) * xt;
            rng.fillNormal(z);
            noise.noalias() = static_cast<float>(sigma) * z;
            return sigma;
        });
}

// ---- DDIM (Song et al. 2021, Eq. 12; σ from Eq. 16 times η) ----------------------------------------------
void sampleDdim(const Schedule& schedule, const Denoiser& denoiser, Batch& x, const SamplerParams& p,
                const std::vector<int>& ts, Rng& rng, const std::atomic<bool>* cancel, Progress& progress,
                TrajectoryRecorder& recorder, ReverseStepRecords& steps) {
    Batch z(x.rows(), x.cols());
    runReverseJumps(schedule, denoiser, x, p, ts, cancel, progress, recorder, steps,
                    [&](const ReverseJump& j, const Batch&, Batch& mean, Batch& noise) {
                        // σ_t(η) = η √((1−ᾱ_s)/(1−ᾱ_t)) √(1 − ᾱ_t/ᾱ_s) = η √β̃' ; ε̂ is reused unclipped (as
                        // diffusers does).
                        const double sigma = p.eta * std::sqrt(j.c.posteriorVariance);
                        const double direction =
                            std::sqrt(std::max(0.0, 1.0 - j.c.alphaBarPrev - sigma * sigma));
                        mean.noalias() = static_cast<float>(std::sqrt(j.c.alphaBarPrev)) * j.x0 +
                                         static_cast<float>(direction) * j.eps;
                        if (sigma > 0.0) {
                            rng.fillNormal(z);
                            noise.noalias() = static_cast<float>(sigma) * z;
                        }
                        return sigma;
                    });
}

// ---- Annealed Langevin dynamics (Song & Ermon 2019, Algorithm 1) ------------------------------------------
// At level t: x ← x + (δ_t/2) s(x, t) + √δ_t z with s = −ε̂/√(1−ᾱ_t) and δ_t = stepSize·(1−ᾱ_t), the
// variance of the noise at that level (their α_i = ε σ_i²/σ_L²). Then one Tweedie step to x_0.
void sampleLangevin(const Schedule& schedule, const Denoiser& denoiser, Batch& x, const SamplerParams& p,
                    const std::vector<int>& ts, Rng& rng, const std::atomic<bool>* cancel, Progress& progress,
                    TrajectoryRecorder& recorder) {
    const X0Clamp clamp(p, x.cols());
    Batch eps, z(x.rows(), x.cols());
    const int K = static_cast<int>(ts.size());
    for (int i = 0; i < K; ++i) {
        const int t = ts[i];
        const double noiseVariance = 1.0 - schedule.alphaBar(t);  // > 0 for t ≥ 1 since every β_t > 0
        const double delta = p.langevinStepSize * noiseVariance;
        const auto scoreStep =
            static_cast<float>(-0.5 * delta / std::sqrt(noiseVariance));  // (δ/2)·(−1/√(1−ᾱ))
        const auto noiseStep = static_cast<float>(std::sqrt(delta));
        for (int l = 0; l < p.langevinStepsPerLevel; ++l) {
            checkCancel(cancel);
            predictEpsilon(denoiser, x, t, eps);
            progress.step();
            rng.fillNormal(z);
            x += scoreStep * eps + noiseStep * z;
        }
        recorder.record(i + 1, t, x);
    }
    checkCancel(cancel);
    const int last = ts.back();
    Batch x0;
    predictStep(schedule, denoiser, x, last, eps, x0);
    progress.step();
    clamp.apply(x0);
    x = std::move(x0);
    recorder.record(K + 1, 0, x);
}

}  // namespace

std::string_view samplerKindName(SamplerKind kind) {
    switch (kind) {
        case SamplerKind::DdpmBeta:
            return "ddpm-beta";
        case SamplerKind::DdpmPosterior:
            return "ddpm";
        case SamplerKind::Ddim:
            return "ddim";
        case SamplerKind::Langevin:
            return "langevin";
    }
    return "ddpm";
}

std::optional<SamplerKind> samplerKindFromName(std::string_view name) {
    for (SamplerKind k :
         {SamplerKind::DdpmBeta, SamplerKind::DdpmPosterior, SamplerKind::Ddim, SamplerKind::Langevin}) {
        if (samplerKindName(k) == name) return k;
    }
    if (name == "ddpm-posterior") return SamplerKind::DdpmPosterior;
    return std::nullopt;
}

ReverseStepCoefficients reverseStepCoefficients(const Schedule& schedule, int t, int prev) {
    if (t < 1 || t > schedule.T() || prev < 0 || prev >= t)
        throw Error("a reverse step needs 0 <= prev < t <= T = " + std::to_string(schedule.T()) +
                    ", got t = " + std::to_string(t) + ", prev = " + std::to_string(prev));
    // Both ends floored (see the header comment): flooring only ᾱ_t made α' = ᾱ_t/ᾱ_s > 1 and both variances
    // negative once ᾱ_s fell below the floor at a visited step s > 0.
    return jumpCoefficients(flooredAlphaBar(schedule, t), flooredAlphaBar(schedule, prev));
}

ReverseStepCoefficients jumpCoefficients(double alphaBarT, double alphaBarPrev) {
    if (!(alphaBarT >= 0.0 && alphaBarT <= alphaBarPrev && alphaBarPrev <= 1.0 && alphaBarT < 1.0))
        throw Error("a reverse jump needs 0 <= alpha_bar_t <= alpha_bar_s <= 1 and alpha_bar_t < 1, got " +
                    formatNumber(alphaBarT) + " and " + formatNumber(alphaBarPrev));
    ReverseStepCoefficients c;
    c.alphaBarT = alphaBarT;
    c.alphaBarPrev = alphaBarPrev;
    // Two steps at ᾱ = 0 are both pure noise: the jump between them is the identity.
    c.alphaStep = alphaBarPrev > 0.0 ? alphaBarT / alphaBarPrev : 1.0;
    c.betaStep = 1.0 - c.alphaStep;
    const double noiseT = 1.0 - c.alphaBarT;
    c.posteriorVariance = c.betaStep * (1.0 - c.alphaBarPrev) / noiseT;
    c.coefX0 = std::sqrt(c.alphaBarPrev) * c.betaStep / noiseT;
    c.coefXt = std::sqrt(c.alphaStep) * (1.0 - c.alphaBarPrev) / noiseT;
    return c;
}

void predictX0(const Schedule& schedule, int t, const Batch& xt, const Batch& eps, Batch& out) {
    if (t < 1 || t > schedule.T())
        throw Error("timestep t must be from 1 to " + std::to_string(schedule.T()) + ", got " +
                    std::to_string(t));
    if (eps.rows() != xt.rows() || eps.cols() != xt.cols())
        throw Error("noise must have the same shape as x_t");
    x0FromEpsilon(flooredAlphaBar(schedule, t), xt, eps, out);
}

void clipX0ToDataRange(SamplerParams& params, const Eigen::VectorXf& min, const Eigen::VectorXf& max) {
    if (min.size() != max.size()) throw Error("clip range: min and max must have the same dimension");
    const Eigen::VectorXf margin = kClipMarginFraction * (max - min);
    params.clipX0 = true;
    params.clipMin = min - margin;
    params.clipMax = max + margin;
}

std::optional<std::string> validateSamplerParams(const SamplerParams& p, const Schedule& schedule, int dim) {
    if (dim < 1) return "data dimension must be at least 1, got " + std::to_string(dim);
    if (p.steps < 0 || p.steps > schedule.T())
        return "sampling steps must be from 0 (all) to T = " + std::to_string(schedule.T()) + ", got " +
               std::to_string(p.steps);
    if (!std::isfinite(p.eta) || p.eta < 0.0 || p.eta > 1.0)
        return "eta must be in [0, 1], got " + formatNumber(p.eta);
    if (!std::isfinite(p.langevinStepSize) || p.langevinStepSize <= 0.0)
        return "Langevin step size must be a positive number, got " + formatNumber(p.langevinStepSize);
    if (p.langevinStepsPerLevel < 1)
        return "Langevin steps per level must be at least 1, got " + std::to_string(p.langevinStepsPerLevel);
    if (p.trajectoryStride < 0)
        return "trajectory stride must be 0 (off) or positive, got " + std::to_string(p.trajectoryStride);
    if (p.clipX0 && (p.clipMin.size() != 0 || p.clipMax.size() != 0)) {
        if (p.clipMin.size() != dim || p.clipMax.size() != dim)
            return "clip range must have one minimum and one maximum per dimension (" + std::to_string(dim) +
                   "), got " + std::to_string(p.clipMin.size()) + " and " + std::to_string(p.clipMax.size());
        for (int i = 0; i < dim; ++i) {
            if (!std::isfinite(p.clipMin[i]) || !std::isfinite(p.clipMax[i]) || p.clipMin[i] > p.clipMax[i])
                return "clip range of dimension " + std::to_string(i + 1) +
                       " must be finite with min <= max, got [" + formatNumber(p.clipMin[i]) + ", " +
                       formatNumber(p.clipMax[i]) + "]";
        }
    }
    return std::nullopt;
}

SampleResult runSampler(const Schedule& schedule, const Denoiser& denoiser, Batch xT,
                        const SamplerParams& params, Rng& rng, const std::atomic<bool>* cancel,
                        const std::function<void(int, int)>& progress,
                        const RecordedStateCallback& recorded) {
    if (!denoiser.epsilon) throw Error("sampler needs a denoiser");
    if (xT.rows() < 1) throw Error("number of samples must be at least 1, got " + std::to_string(xT.rows()));
    if (auto problem = validateSamplerParams(params, schedule, static_cast<int>(xT.cols())))
        throw Error(*problem);

    const int K = params.steps == 0 ? schedule.T() : params.steps;
    const std::vector<int> ts = samplingTimesteps(schedule.T(), K, params.spacing);
    const bool langevin = params.kind == SamplerKind::Langevin;
    const int steps = langevin ? K + 1 : K;  // Langevin: one recorded state per level, then the denoised x_0
    Progress counter{progress, langevin ? K * params.langevinStepsPerLevel + 1 : K};
    TrajectoryRecorder recorder(params, steps, xT.rows(), xT.cols(), recorded);

    ReverseStepRecords stepRecords;
    for (Eigen::Index row : params.stepRecordRows)
        if (row < 0 || row >= xT.rows())
            throw Error("a row to record must be from 0 to " + std::to_string(xT.rows() - 1) + ", got " +
                        std::to_string(row));
    if (!langevin) stepRecords.rows = params.stepRecordRows;  // Langevin has no single step to record
    stepRecords.sampler = std::string(samplerKindName(params.kind));

    Batch x = std::move(xT);
    recorder.record(0, ts.front(), x);
    switch (params.kind) {
        case SamplerKind::DdpmBeta:
        case SamplerKind::DdpmPosterior:
            sampleDdpm(schedule, denoiser, x, params, ts, rng, cancel, counter, recorder, stepRecords);
            break;
        case SamplerKind::Ddim:
            sampleDdim(schedule, denoiser, x, params, ts, rng, cancel, counter, recorder, stepRecords);
            break;
        case SamplerKind::Langevin:
            sampleLangevin(schedule, denoiser, x, params, ts, rng, cancel, counter, recorder);
            break;
    }

    SampleResult result;
    result.samples = std::move(x);
    result.trajectory = recorder.take();
    result.trajectory.stepRecords = std::move(stepRecords);
    result.denoiserCalls = counter.done;
    return result;
}

SampleResult sampleFromNoise(const Schedule& schedule, const Denoiser& denoiser, int n, int d,
                             const SamplerParams& params, Rng& rng, const std::atomic<bool>* cancel,
                             const std::function<void(int, int)>& progress,
                             const RecordedStateCallback& recorded) {
    if (n < 1) throw Error("number of samples must be at least 1, got " + std::to_string(n));
    if (d < 1) throw Error("data dimension must be at least 1, got " + std::to_string(d));
    Batch xT(n, d);
    rng.fillNormal(xT);
    return runSampler(schedule, denoiser, std::move(xT), params, rng, cancel, progress, recorded);
}

}  // namespace dl
