// The samplers where ᾱ underflows: schedules whose ᾱ falls below the samplers' floor 2⁻²⁴ long before T
// (linear β 0.001..0.133, the training preset's range, over T = 1000: from t = 490 on), cosine over
// T = 10000 (its last two steps), and zero terminal SNR whose rescaled ᾱ underflows to 0 at t = 3176 of 4000.
//
// A floor on ᾱ_t alone made α' = ᾱ_t/ᾱ_s > 1 for every jump into an underflowed ᾱ_s: DDPM took the root of
// a negative variance (NaN) and DDIM with η = 0 dropped its noise direction, returning every sample on one
// point. Checked here: every jump is a valid Gaussian step; every sampler on the exact denoiser of Gaussian
// data N(m, s² I) (closed form, and the exact denoiser of a finite draw) gives finite samples with the data's
// mean and spread; and a v-model's own x̂_0 is used where ᾱ = 0, on a 1-point case computed by hand.
#include <QtTest>
#include <cmath>
#include <set>
#include <utility>

#include "core/math/error.h"
#include "core/model/prediction.h"
#include "core/sampling/oracledenoiser.h"
#include "core/sampling/samplers.h"

using dl::Batch;
using dl::SamplerKind;
using dl::SamplerParams;
using dl::Schedule;
using dl::TimestepSpacing;

Q_DECLARE_METATYPE(SamplerKind)
Q_DECLARE_METATYPE(TimestepSpacing)

namespace {

/// The training preset's β range (core/model/presets.cpp) stretched over T = 1000: ᾱ < 2⁻²⁴ from t = 490.
Schedule linearPresetRange() {
    dl::ScheduleParams p;
    p.T = 1000;
    p.betaStart = 1e-3;
    p.betaEnd = 0.133;
    return Schedule(p);
}

Schedule cosine10000() {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Cosine;
    p.T = 10000;
    return Schedule(p);
}

/// Raw ᾱ bottoms out at the smallest subnormal double; after the zero-SNR rescale ᾱ is exactly 0 from t =
/// 3176.
Schedule sigmoidZeroSnr() {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Sigmoid;
    p.T = 4000;
    p.betaStart = 1e-5;
    p.betaEnd = 0.5;
    p.zeroTerminalSnr = true;
    return Schedule(p);
}

Schedule scheduleNamed(const QString& name) {
    if (name == "linear") return linearPresetRange();
    if (name == "cosine") return cosine10000();
    return sigmoidZeroSnr();
}

int firstUnderflow(const Schedule& s) {
    for (int t = 1; t <= s.T(); ++t)
        if (s.alphaBar(t) < dl::kMinSamplerAlphaBar) return t;
    return 0;
}

/// The exact ε* for Gaussian data N(m, s² I): q(x_t) = N(√ᾱ m, (ᾱ s² + 1 − ᾱ) I), so
/// ε* = √(1−ᾱ) (x − √ᾱ m) / (ᾱ s² + 1 − ᾱ).
dl::EpsilonPredictor gaussianEpsilon(const Schedule& schedule, Eigen::RowVectorXf mean, double s2) {
    return [schedule, mean, s2](const Batch& xt, int t, Batch& out) {
        const double ab = schedule.alphaBar(t);
        const auto scale = static_cast<float>(std::sqrt(1.0 - ab) / (ab * s2 + 1.0 - ab));
        out = scale * (xt.rowwise() - static_cast<float>(std::sqrt(ab)) * mean);
    };
}

struct Moments {
    Eigen::RowVectorXd mean, var;
};

Moments moments(const Batch& x) {
    Moments m;
    m.mean = x.cast<double>().colwise().mean();
    m.var = (x.cast<double>().rowwise() - m.mean).array().square().colwise().mean().matrix();
    return m;
}

int distinctRows(const Batch& x) {
    std::set<std::pair<float, float>> rows;
    for (Eigen::Index r = 0; r < x.rows(); ++r) rows.insert({x(r, 0), x(r, 1)});
    return static_cast<int>(rows.size());
}

}  // namespace

class TestSamplersUnderflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void schedulesUnderflow();
    void jumpsAreGaussianSteps_data();
    void jumpsAreGaussianSteps();
    void jumpBetweenFlooredStepsIsIdentity();
    void gaussianDataKeepsMeanAndSpread_data();
    void gaussianDataKeepsMeanAndSpread();
    void exactDenoiserOfADrawKeepsItsSpread_data();
    void exactDenoiserOfADrawKeepsItsSpread();
    void vModelOwnX0AtZeroSnrByHand();
    void vModelDdpmJumpFromZeroSnrByHand();
    void x0ModelIsAskedOnlyBelowTheFloor();
};

// The premise: these schedules really do go below the floor before T (and the sigmoid one reaches exactly 0).
void TestSamplersUnderflow::schedulesUnderflow() {
    const int linear = firstUnderflow(linearPresetRange());
    QCOMPARE(linear, 490);
    const int cosine = firstUnderflow(cosine10000());
    QVERIFY2(cosine > 0 && cosine < 10000, qPrintable(QString::number(cosine)));
    const Schedule sigmoid = sigmoidZeroSnr();
    QCOMPARE(sigmoid.alphaBar(3500), 0.0);
}

void TestSamplersUnderflow::jumpsAreGaussianSteps_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<int>("steps");
    QTest::addColumn<TimestepSpacing>("spacing");
    for (const char* name : {"linear", "cosine", "sigmoid"}) {
        QTest::addRow("%s all", name) << QString(name) << 0 << TimestepSpacing::Linspace;
        QTest::addRow("%s 50 linspace", name) << QString(name) << 50 << TimestepSpacing::Linspace;
        QTest::addRow("%s 37 leading", name) << QString(name) << 37 << TimestepSpacing::Leading;
        QTest::addRow("%s 200 trailing", name) << QString(name) << 200 << TimestepSpacing::Trailing;
    }
}

// Every jump t → s the samplers take: 0 ≤ α' ≤ 1, 0 ≤ β̃' ≤ β' ≤ 1, finite posterior coefficients.
void TestSamplersUnderflow::jumpsAreGaussianSteps() {
    QFETCH(QString, schedule);
    QFETCH(int, steps);
    QFETCH(TimestepSpacing, spacing);
    const Schedule s = scheduleNamed(schedule);
    const std::vector<int> ts = dl::samplingTimesteps(s.T(), steps == 0 ? s.T() : steps, spacing);
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const int t = ts[i];
        const int prev = i + 1 < ts.size() ? ts[i + 1] : 0;
        const dl::ReverseStepCoefficients c = dl::reverseStepCoefficients(s, t, prev);
        const QString report = QString("t=%1 s=%2: alpha'=%3 beta'=%4 post var=%5 coefX0=%6 coefXt=%7")
                                   .arg(t)
                                   .arg(prev)
                                   .arg(c.alphaStep)
                                   .arg(c.betaStep)
                                   .arg(c.posteriorVariance)
                                   .arg(c.coefX0)
                                   .arg(c.coefXt);
        QVERIFY2(c.alphaStep >= 0.0 && c.alphaStep <= 1.0, qPrintable(report));
        QVERIFY2(c.betaStep >= 0.0 && c.betaStep <= 1.0, qPrintable(report));
        QVERIFY2(c.posteriorVariance >= 0.0 && c.posteriorVariance <= c.betaStep, qPrintable(report));
        QVERIFY2(std::isfinite(c.coefX0) && std::isfinite(c.coefXt), qPrintable(report));
    }
}

// Both ends below the floor: both are pure noise to float precision, so the jump leaves x as it is.
void TestSamplersUnderflow::jumpBetweenFlooredStepsIsIdentity() {
    const Schedule s = linearPresetRange();
    const dl::ReverseStepCoefficients c = dl::reverseStepCoefficients(s, 900, 600);
    QCOMPARE(c.alphaStep, 1.0);
    QCOMPARE(c.betaStep, 0.0);
    QCOMPARE(c.posteriorVariance, 0.0);
    QCOMPARE(c.coefX0, 0.0);
    QCOMPARE(c.coefXt, 1.0);
    // Into the first step above the floor: the floored ᾱ_t stands in for the true one.
    const int u = firstUnderflow(s);
    const dl::ReverseStepCoefficients into = dl::reverseStepCoefficients(s, 900, u - 1);
    QCOMPARE(into.alphaBarT, dl::kMinSamplerAlphaBar);
    QCOMPARE(into.alphaBarPrev, s.alphaBar(u - 1));
    // The exact coefficients, as used with a model's own x̂_0: ᾱ_t = 0 gives x_s ~ N(√ᾱ_s x̂_0, 1 − ᾱ_s).
    const dl::ReverseStepCoefficients zero = dl::jumpCoefficients(0.0, 0.36);
    QCOMPARE(zero.alphaStep, 0.0);
    QCOMPARE(zero.coefX0, 0.6);
    QCOMPARE(zero.coefXt, 0.0);
    QCOMPARE(zero.posteriorVariance, 0.64);
    const dl::ReverseStepCoefficients bothZero = dl::jumpCoefficients(0.0, 0.0);
    QCOMPARE(bothZero.alphaStep, 1.0);
    QCOMPARE(bothZero.posteriorVariance, 0.0);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::jumpCoefficients(0.5, 0.25));
}

void TestSamplersUnderflow::gaussianDataKeepsMeanAndSpread_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<SamplerKind>("kind");
    QTest::addColumn<double>("eta");
    QTest::addColumn<int>("steps");
    for (const char* name : {"linear", "cosine", "sigmoid"}) {
        for (int steps : {0, 100}) {
            const char* k = steps == 0 ? "all" : "100";
            QTest::addRow("%s ddpm %s", name, k)
                << QString(name) << SamplerKind::DdpmPosterior << 0.0 << steps;
            QTest::addRow("%s ddpm-beta %s", name, k)
                << QString(name) << SamplerKind::DdpmBeta << 0.0 << steps;
            QTest::addRow("%s ddim eta=0 %s", name, k) << QString(name) << SamplerKind::Ddim << 0.0 << steps;
            QTest::addRow("%s ddim eta=1 %s", name, k) << QString(name) << SamplerKind::Ddim << 1.0 << steps;
        }
        QTest::addRow("%s langevin 100", name) << QString(name) << SamplerKind::Langevin << 0.0 << 100;
    }
}

// The mean and variance (per coordinate) that K exact jumps give on N(m, s² I), computed in double with no
// floor at all: every step is linear in y = x_t − √ᾱ_t m (see tst_samplers,
// gaussianDataKeepsMeanAndVariance), and nothing in this recursion divides by √ᾱ_t, so it is exact however
// small ᾱ gets. With all T steps it is m and s²; with K = 100 coarse jumps DDPM and DDIM come out narrower
// than s² (a property of the samplers).
Moments exactJumps(const Schedule& s, const std::vector<int>& ts, SamplerKind kind, double eta,
                   const Eigen::RowVectorXd& m, double s2) {
    double gain = 1.0, variance = 1.0;  // x_T ~ N(0, 1)
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const int t = ts[i];
        const int prev = i + 1 < ts.size() ? ts[i + 1] : 0;
        const double at = s.alphaBar(t), as = s.alphaBar(prev);
        const dl::ReverseStepCoefficients c = dl::jumpCoefficients(at, as);
        const double sigmaT2 = at * s2 + 1.0 - at;
        double a = 0.0, noise = 0.0;
        if (kind == SamplerKind::Ddim) {
            noise = eta * eta * c.posteriorVariance;
            a = (std::sqrt(as * at) * s2 + std::sqrt(std::max(0.0, 1.0 - as - noise)) * std::sqrt(1.0 - at)) /
                sigmaT2;
        } else {
            a = c.coefX0 * std::sqrt(at) * s2 / sigmaT2 + c.coefXt;
            noise = prev == 0 ? 0.0 : kind == SamplerKind::DdpmBeta ? c.betaStep : c.posteriorVariance;
        }
        gain *= a;
        variance = a * a * variance + noise;
    }
    Moments out;
    out.mean = m * (1.0 - gain * std::sqrt(s.alphaBar(ts.front())));
    out.var = Eigen::RowVectorXd::Constant(m.size(), variance);
    return out;
}

// N(m, s² I) with the exact ε*: finite output whose mean and variance match the exact K-jump answer above
// (n = 2000: standard errors 0.011 for the mean and 3.2 % for the variance), which is m and s² with all T
// steps. Before the fix DDPM returned NaN and DDIM η = 0 a single point. Langevin has no jump coefficients;
// it lags toward 0 at 100 levels (samplers.h; about half of them are pure noise here), so it gets a wider
// band.
void TestSamplersUnderflow::gaussianDataKeepsMeanAndSpread() {
    QFETCH(QString, schedule);
    QFETCH(SamplerKind, kind);
    QFETCH(double, eta);
    QFETCH(int, steps);
    const Schedule s = scheduleNamed(schedule);
    Eigen::RowVectorXf m(2);
    m << 1.0f, -0.5f;
    const double s2 = 0.25;
    SamplerParams p;
    p.kind = kind;
    p.eta = eta;
    p.steps = steps;
    p.langevinStepsPerLevel = 20;
    dl::Rng rng(21);
    const dl::SampleResult r = dl::sampleFromNoise(s, gaussianEpsilon(s, m, s2), 2000, 2, p, rng);
    QVERIFY(r.samples.allFinite());
    const Moments got = moments(r.samples);
    Moments want;
    if (kind == SamplerKind::Langevin) {
        want.mean = m.cast<double>();
        want.var = Eigen::RowVectorXd::Constant(2, s2);
    } else {
        const std::vector<int> ts = dl::samplingTimesteps(s.T(), steps == 0 ? s.T() : steps, p.spacing);
        want = exactJumps(s, ts, kind, eta, m.cast<double>(), s2);
    }
    const QString report =
        QString("mean (%1, %2), var (%3, %4); expected mean (%5, %6), var %7 (data: var 0.25)")
            .arg(got.mean[0])
            .arg(got.mean[1])
            .arg(got.var[0])
            .arg(got.var[1])
            .arg(want.mean[0])
            .arg(want.mean[1])
            .arg(want.var[0]);
    const bool langevin = kind == SamplerKind::Langevin;
    QVERIFY2((got.mean - want.mean).cwiseAbs().maxCoeff() < (langevin ? 0.15 : 0.04), qPrintable(report));
    QVERIFY2((got.var.array() / want.var.array() - 1.0).abs().maxCoeff() < (langevin ? 0.45 : 0.08),
             qPrintable(report));
    if (steps == 0) {  // all T steps: the data's own mean and spread
        QVERIFY2((want.mean - m.cast<double>()).cwiseAbs().maxCoeff() < 0.01, qPrintable(report));
        QVERIFY2(std::abs(want.var[0] / s2 - 1.0) < 0.05, qPrintable(report));
    }
}

void TestSamplersUnderflow::exactDenoiserOfADrawKeepsItsSpread_data() {
    QTest::addColumn<SamplerKind>("kind");
    QTest::addColumn<double>("eta");
    QTest::newRow("ddpm") << SamplerKind::DdpmPosterior << 0.0;
    QTest::newRow("ddpm-beta") << SamplerKind::DdpmBeta << 0.0;
    QTest::newRow("ddim eta=0") << SamplerKind::Ddim << 0.0;
    QTest::newRow("ddim eta=1") << SamplerKind::Ddim << 1.0;
    QTest::newRow("langevin") << SamplerKind::Langevin << 0.0;
}

// What `train --dataset gaussian --T 1000` then `sample` does with the exact denoiser: 300 points drawn from
// N(m, s² I). The exact denoiser of a finite set reproduces the set, so the samples must spread like the draw
// (and not sit on one point, which DDIM η = 0 did over all 1000 steps).
void TestSamplersUnderflow::exactDenoiserOfADrawKeepsItsSpread() {
    QFETCH(SamplerKind, kind);
    QFETCH(double, eta);
    const Schedule s = linearPresetRange();
    Batch data(300, 2);
    dl::Rng dataRng(3);
    dataRng.fillNormal(data);
    data = (0.5f * data).rowwise() + Eigen::RowVector2f(1.0f, -0.5f);
    SamplerParams p;
    p.kind = kind;
    p.eta = eta;
    p.steps = kind == SamplerKind::Langevin ? 100 : 0;
    dl::Rng rng(5);
    const dl::SampleResult r = dl::sampleFromNoise(s, dl::makeOracleDenoiser(data, s), 500, 2, p, rng);
    QVERIFY(r.samples.allFinite());
    const Moments want = moments(data), got = moments(r.samples);
    const QString report =
        QString("mean (%1, %2) var (%3, %4) from %5 distinct rows; data mean (%6, %7) var (%8, %9)")
            .arg(got.mean[0])
            .arg(got.mean[1])
            .arg(got.var[0])
            .arg(got.var[1])
            .arg(distinctRows(r.samples))
            .arg(want.mean[0])
            .arg(want.mean[1])
            .arg(want.var[0])
            .arg(want.var[1]);
    QVERIFY2(distinctRows(r.samples) > 100, qPrintable(report));
    // Langevin lags toward 0 at 100 levels (samplers.h); the jump samplers visit all T steps.
    const bool langevin = kind == SamplerKind::Langevin;
    QVERIFY2((got.mean - want.mean).cwiseAbs().maxCoeff() < (langevin ? 0.25 : 0.06), qPrintable(report));
    QVERIFY2((got.var.array() / want.var.array() - 1.0).abs().maxCoeff() < (langevin ? 0.45 : 0.15),
             qPrintable(report));
}

// ---- A v-model at zero terminal SNR, by hand
// ---------------------------------------------------------------- β = (0.1, 0.5) rescaled to zero terminal
// SNR: ᾱ_1 = 0.9 (unchanged), ᾱ_2 = 0. The model predicts v̂ ≡ 0.3, so its own x̂_0 at t = 2 is a·x_t − s·v̂ =
// −0.3 (a = 0, s = 1; Lin et al. 2024, §3.2). DDIM η = 0 from x_2 = 1:
//   t = 2: x̂_0 = −0.3, ε̂ = x_2 = 1, x_1 = √0.9·(−0.3) + √0.1·1 = 0.0316227766
//   t = 1: x̂_0 = √0.9 x_1 − √0.1·0.3 = 0.03 − 0.0948683298 = −0.0648683298 (the output)
// Rebuilding x̂_0 from ε̂ = x_2 through the floor instead gives x̂_0 = (1 − √(1−2⁻²⁴))/2⁻¹² ≈ 1.2e-4 at t = 2.
namespace {

Schedule twoStepZeroSnr() {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Custom;
    p.T = 2;
    p.customBetas = {0.1, 0.5};
    p.zeroTerminalSnr = true;
    return Schedule(p);
}

/// A model whose network always answers v̂ = v, converted as the model predictor converts it.
dl::Denoiser constantV(const Schedule& schedule, float v, int* x0Calls = nullptr) {
    dl::EpsilonPredictor eps = [schedule, v](const Batch& xt, int t, Batch& out) {
        const Batch prediction = Batch::Constant(xt.rows(), xt.cols(), v);
        dl::predictionToEpsilon(dl::PredictionTarget::V, xt, prediction, schedule.alphaBar(t), out);
    };
    dl::X0Predictor x0 = [schedule, v, x0Calls](const Batch& xt, int t, Batch& out) {
        if (x0Calls) ++*x0Calls;
        const Batch prediction = Batch::Constant(xt.rows(), xt.cols(), v);
        dl::predictionToX0(dl::PredictionTarget::V, xt, prediction, schedule.alphaBar(t), out);
    };
    return dl::Denoiser(std::move(eps), std::move(x0));
}

}  // namespace

void TestSamplersUnderflow::vModelOwnX0AtZeroSnrByHand() {
    const Schedule s = twoStepZeroSnr();
    QVERIFY(std::abs(s.alphaBar(1) - 0.9) < 1e-12);
    QCOMPARE(s.alphaBar(2), 0.0);
    SamplerParams p;
    p.kind = SamplerKind::Ddim;
    p.trajectoryStride = 1;
    dl::Rng rng(1);
    const dl::SampleResult r = dl::runSampler(s, constantV(s, 0.3f), Batch::Constant(1, 1, 1.0f), p, rng);
    const double x1 = std::sqrt(0.9) * -0.3 + std::sqrt(0.1);
    QVERIFY2(std::abs(r.trajectory.states[1](0, 0) - x1) < 1e-6,
             qPrintable(QString("x_1 = %1, expected %2").arg(r.trajectory.states[1](0, 0)).arg(x1)));
    QVERIFY2(std::abs(r.samples(0, 0) - (-0.0648683298)) < 1e-6,
             qPrintable(QString::number(r.samples(0, 0), 'g', 10)));
    QCOMPARE(r.denoiserCalls, 2);

    // The same model seen through ε only (no x̂_0 of its own) lands elsewhere: the floor route loses v̂ at t
    // = 2.
    dl::Rng rng2(1);
    const dl::SampleResult epsOnly =
        dl::runSampler(s, dl::Denoiser(constantV(s, 0.3f).epsilon), Batch::Constant(1, 1, 1.0f), p, rng2);
    QVERIFY(std::abs(epsOnly.trajectory.states[1](0, 0) - x1) > 0.2);
}

// DDPM from ᾱ_2 = 0 with the exact jump coefficients: x_1 = √ᾱ_1 x̂_0 + 0·x_2 + √(1 − ᾱ_1) z = √0.9·(−0.3) +
// √0.1 z, for either variance (β' = 1, β̃' = 1·(1 − 0.9)/1 = 0.1 for the posterior; σ² = β' = 1 for
// ddpm-beta).
void TestSamplersUnderflow::vModelDdpmJumpFromZeroSnrByHand() {
    const Schedule s = twoStepZeroSnr();
    for (SamplerKind kind : {SamplerKind::DdpmPosterior, SamplerKind::DdpmBeta}) {
        SamplerParams p;
        p.kind = kind;
        p.trajectoryStride = 1;
        dl::Rng rng(11), reference(11);
        const double z = reference.normal();  // the one normal the 1×1 run draws
        const dl::SampleResult r = dl::runSampler(s, constantV(s, 0.3f), Batch::Constant(1, 1, 1.0f), p, rng);
        const double variance = kind == SamplerKind::DdpmBeta ? 1.0 : 0.1;
        const double x1 = std::sqrt(0.9) * -0.3 + std::sqrt(variance) * z;
        QVERIFY2(std::abs(r.trajectory.states[1](0, 0) - x1) < 1e-6,
                 qPrintable(QString("x_1 = %1, expected %2").arg(r.trajectory.states[1](0, 0)).arg(x1)));
        const double x0 = std::sqrt(0.9) * x1 - std::sqrt(0.1) * 0.3;
        QVERIFY2(std::abs(r.samples(0, 0) - x0) < 1e-6,
                 qPrintable(QString("x_0 = %1, expected %2").arg(r.samples(0, 0)).arg(x0)));
    }
}

// The model's x̂_0 replaces the ε route only below the floor: once per run at ᾱ_T = 0 on a zero-SNR schedule
// whose other ᾱ are large, and at every visited step below the floor otherwise (one denoiser call each).
void TestSamplersUnderflow::x0ModelIsAskedOnlyBelowTheFloor() {
    const Schedule s = twoStepZeroSnr();
    int calls = 0;
    SamplerParams p;
    p.kind = SamplerKind::DdpmPosterior;
    dl::Rng rng(2);
    const dl::SampleResult r = dl::sampleFromNoise(s, constantV(s, 0.3f, &calls), 10, 2, p, rng);
    QCOMPARE(calls, 1);
    QCOMPARE(r.denoiserCalls, 2);

    const Schedule linear = linearPresetRange();
    calls = 0;
    p.steps = 100;
    const std::vector<int> ts = dl::samplingTimesteps(linear.T(), 100, p.spacing);
    const auto below = std::count_if(ts.begin(), ts.end(),
                                     [&](int t) { return linear.alphaBar(t) < dl::kMinSamplerAlphaBar; });
    const dl::SampleResult l = dl::sampleFromNoise(linear, constantV(linear, 0.3f, &calls), 10, 2, p, rng);
    QCOMPARE(calls, static_cast<int>(below));
    QVERIFY(below > 40);
    QVERIFY(l.samples.allFinite());
    QCOMPARE(l.denoiserCalls, 100);
}

QTEST_APPLESS_MAIN(TestSamplersUnderflow)
#include "tst_samplers_underflow.moc"
