// The samplers: one DDPM and one DDIM run on a 1-point, 2-step schedule checked by hand; the jump
// coefficients against the schedule's own posterior; the exact denoiser of a single point and of a tiny
// data set, whose samples must land on the data with the right weights for every spacing and K < T (the
// bug of using t → t−1 coefficients for a longer jump leaves them as noise); Langevin on the exact score of
// a Gaussian; the trajectory memory bound; cancellation; zero terminal SNR.
#include <QtTest>
#include <atomic>
#include <cmath>

#include "core/math/error.h"
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

Schedule makeSchedule(int T, double b0 = 1e-4, double b1 = 0.02, bool zeroSnr = false) {
    dl::ScheduleParams p;
    p.T = T;
    p.betaStart = b0;
    p.betaEnd = b1;
    p.zeroTerminalSnr = zeroSnr;
    return Schedule(p);
}

/// β_1 = 0.1, β_2 = 0.5: ᾱ_1 = 0.9, ᾱ_2 = 0.45.
Schedule twoStepSchedule() {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Custom;
    p.T = 2;
    p.customBetas = {0.1, 0.5};
    return Schedule(p);
}

dl::EpsilonPredictor constantEpsilon(float value) {
    return [value](const Batch& xt, int, Batch& out) { out = Batch::Constant(xt.rows(), xt.cols(), value); };
}

/// The exact ε* for Gaussian data N(m, s² I): q(x_t) = N(√ᾱ m, (ᾱ s² + 1 − ᾱ) I), so
/// ε* = −√(1−ᾱ) ∇log q = √(1−ᾱ) (x − √ᾱ m) / (ᾱ s² + 1 − ᾱ).
dl::EpsilonPredictor gaussianEpsilon(const Schedule& schedule, Eigen::RowVectorXf mean, double s2) {
    return [schedule, mean, s2](const Batch& xt, int t, Batch& out) {
        const double ab = schedule.alphaBar(t);
        const auto scale = static_cast<float>(std::sqrt(1.0 - ab) / (ab * s2 + 1.0 - ab));
        out = scale * (xt.rowwise() - static_cast<float>(std::sqrt(ab)) * mean);
    };
}

/// Four points, the first twice: weights 1/2, 1/4, 1/4 on three distinct locations.
Batch tinyDataSet() {
    Batch d(4, 2);
    d << -1.5f, 0.0f,  //
        -1.5f, 0.0f,   //
        1.5f, 0.5f,    //
        0.3f, 2.0f;
    return d;
}

struct Assignment {
    std::vector<double> fraction;  // per distinct location
    double farthest = 0.0;         // largest distance of a sample to its nearest location
    double share(double within) const { return within; }
};

Assignment assign(const Batch& samples, const Batch& locations) {
    Assignment a;
    a.fraction.assign(static_cast<std::size_t>(locations.rows()), 0.0);
    for (Eigen::Index r = 0; r < samples.rows(); ++r) {
        Eigen::Index best = 0;
        const double dist =
            std::sqrt((locations.rowwise() - samples.row(r)).rowwise().squaredNorm().minCoeff(&best));
        a.fraction[best] += 1.0 / samples.rows();
        a.farthest = std::max(a.farthest, dist);
    }
    return a;
}

double rowMeanAbsDifference(const Batch& a, const Batch& b) {
    return (a - b).cwiseAbs().mean();
}

}  // namespace

class TestSamplers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ddpmTwoStepsByHand();
    void ddpmBetaUsesBetaVariance();
    void ddimTwoStepsByHand();
    void jumpCoefficientsMatchPosteriorForSingleSteps();
    void jumpCoefficientsByHand();
    void ddimOracleOfOnePointReturnsIt_data();
    void ddimOracleOfOnePointReturnsIt();
    void marginalsMatchDataWithFewerSteps_data();
    void marginalsMatchDataWithFewerSteps();
    void intermediateMarginalsMatchForwardProcess();
    void gaussianDataKeepsMeanAndVariance_data();
    void gaussianDataKeepsMeanAndVariance();
    void langevinConvergesToGaussian();
    void langevinAnnealedApproachesGaussian();
    void langevinOnOracleLandsOnData();
    void zeroTerminalSnrStaysFinite_data();
    void zeroTerminalSnrStaysFinite();
    void clippingBoundsX0();
    void clipRangeIsTheDataRangeWidened();
    void trajectoryRespectsMemoryBound();
    void trajectoryKeepsStrideAndEnds();
    void cancelStopsEarly();
    void progressCountsDenoiserCalls();
    void recordedStatesArriveAsTheyAreKept();
    void sameSeedSameSamples();
    void rejectsBadParameters();
    void namesRoundTrip();
};

// ---- Hand-checked steps ----------------------------------------------------------------------------------
// β = (0.1, 0.5), x_2 = 1, ε̂ ≡ 0.5. Step 2 → 1:
//   x̂_0 = (1 − √0.55·0.5)/√0.45                   = 0.9379411866
//   μ   = √0.9·0.5/0.55 · x̂_0 + √0.5·0.1/0.55 · 1 = 0.8624393619·x̂_0 + 0.1285648693 = 0.9374822678
//   σ²  = β̃_2 = 0.5·0.1/0.55                       = 0.0909090909
// Step 1 → 0 adds no noise: x_0 = x̂_0 = (x_1 − √0.1·0.5)/√0.9.
void TestSamplers::ddpmTwoStepsByHand() {
    const Schedule s = twoStepSchedule();
    SamplerParams p;
    p.kind = SamplerKind::DdpmPosterior;
    p.trajectoryStride = 1;
    dl::Rng rng(11), reference(11);
    const double z = reference.normal();  // the one normal the 1×1 run draws
    const dl::SampleResult r = dl::runSampler(s, constantEpsilon(0.5f), Batch::Constant(1, 1, 1.0f), p, rng);

    const double x1 = 0.9374822678 + std::sqrt(0.0909090909) * z;
    const double x0 = (x1 - std::sqrt(0.1) * 0.5) / std::sqrt(0.9);
    QCOMPARE(r.trajectory.states.size(), std::size_t{3});
    QCOMPARE(r.trajectory.timesteps, (std::vector<int>{2, 1, 0}));
    QVERIFY2(std::abs(r.trajectory.states[1](0, 0) - x1) < 1e-6,
             qPrintable(QString("x_1 = %1, expected %2").arg(r.trajectory.states[1](0, 0)).arg(x1)));
    QVERIFY2(std::abs(r.samples(0, 0) - x0) < 1e-6,
             qPrintable(QString("x_0 = %1, expected %2").arg(r.samples(0, 0)).arg(x0)));
    QCOMPARE(r.denoiserCalls, 2);
}

void TestSamplers::ddpmBetaUsesBetaVariance() {
    // Same as above with σ² = β_2 = 0.5.
    const Schedule s = twoStepSchedule();
    SamplerParams p;
    p.kind = SamplerKind::DdpmBeta;
    p.trajectoryStride = 1;
    dl::Rng rng(5), reference(5);
    const double z = reference.normal();
    const dl::SampleResult r = dl::runSampler(s, constantEpsilon(0.5f), Batch::Constant(1, 1, 1.0f), p, rng);
    const double x1 = 0.9374822678 + std::sqrt(0.5) * z;
    QVERIFY2(std::abs(r.trajectory.states[1](0, 0) - x1) < 1e-6,
             qPrintable(QString("x_1 = %1, expected %2").arg(r.trajectory.states[1](0, 0)).arg(x1)));
}

// DDIM η = 0 with a constant ε̂: x_1 = √0.9 x̂_0 + √0.1 ε̂, so the second x̂_0 = (x_1 − √0.1 ε̂)/√0.9 is the first
// one again: x_0 = (1 − √0.55·0.5)/√0.45 = 0.9379411866.
void TestSamplers::ddimTwoStepsByHand() {
    const Schedule s = twoStepSchedule();
    SamplerParams p;
    p.kind = SamplerKind::Ddim;
    p.trajectoryStride = 1;
    dl::Rng rng(1);
    const dl::SampleResult r = dl::runSampler(s, constantEpsilon(0.5f), Batch::Constant(1, 1, 1.0f), p, rng);
    const double x1 = std::sqrt(0.9) * 0.9379411866 + std::sqrt(0.1) * 0.5;
    QVERIFY(std::abs(r.trajectory.states[1](0, 0) - x1) < 1e-6);
    QVERIFY2(std::abs(r.samples(0, 0) - 0.9379411866) < 1e-6,
             qPrintable(QString::number(r.samples(0, 0), 'g', 10)));
}

void TestSamplers::jumpCoefficientsMatchPosteriorForSingleSteps() {
    const Schedule s = makeSchedule(100, 1e-3, 0.05);
    for (int t = 1; t <= s.T(); ++t) {
        const dl::ReverseStepCoefficients c = dl::reverseStepCoefficients(s, t, t - 1);
        QVERIFY(std::abs(c.betaStep - s.beta(t)) < 1e-12);
        QVERIFY(std::abs(c.coefX0 - s.posteriorMeanCoef1(t)) < 1e-12);
        QVERIFY(std::abs(c.coefXt - s.posteriorMeanCoef2(t)) < 1e-12);
        QVERIFY(std::abs(c.posteriorVariance - s.posteriorVariance(t)) < 1e-12);
    }
}

// T = 4 with β_t = 0.1·t: ᾱ = 0.9, 0.72, 0.504, 0.3024. The jump 4 → 2 has α' = 0.3024/0.72 = 0.42 and β' =
// 0.58, not β_4 = 0.4; β̃' = 0.58·0.28/0.6976.
void TestSamplers::jumpCoefficientsByHand() {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Custom;
    p.T = 4;
    p.customBetas = {0.1, 0.2, 0.3, 0.4};
    const Schedule s(p);
    const dl::ReverseStepCoefficients c = dl::reverseStepCoefficients(s, 4, 2);
    QVERIFY(std::abs(c.alphaStep - 0.42) < 1e-12);
    QVERIFY(std::abs(c.betaStep - 0.58) < 1e-12);
    QVERIFY(std::abs(c.posteriorVariance - 0.58 * 0.28 / 0.6976) < 1e-12);
    QVERIFY(std::abs(c.coefX0 - std::sqrt(0.72) * 0.58 / 0.6976) < 1e-12);
    QVERIFY(std::abs(c.coefXt - std::sqrt(0.42) * 0.28 / 0.6976) < 1e-12);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::reverseStepCoefficients(s, 2, 2));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::reverseStepCoefficients(s, 5, 0));
}

// ---- The exact denoiser ----------------------------------------------------------------------------------
void TestSamplers::ddimOracleOfOnePointReturnsIt_data() {
    QTest::addColumn<int>("steps");
    QTest::addColumn<TimestepSpacing>("spacing");
    QTest::addColumn<bool>("zeroSnr");
    QTest::newRow("all steps") << 0 << TimestepSpacing::Linspace << false;
    QTest::newRow("10 linspace") << 10 << TimestepSpacing::Linspace << false;
    QTest::newRow("10 leading") << 10 << TimestepSpacing::Leading << false;
    QTest::newRow("7 trailing") << 7 << TimestepSpacing::Trailing << false;
    QTest::newRow("1 trailing") << 1 << TimestepSpacing::Trailing << false;
    QTest::newRow("zero SNR 20 trailing") << 20 << TimestepSpacing::Trailing << true;
}

void TestSamplers::ddimOracleOfOnePointReturnsIt() {
    QFETCH(int, steps);
    QFETCH(TimestepSpacing, spacing);
    QFETCH(bool, zeroSnr);
    const Schedule s = makeSchedule(200, 1e-4, 0.04, zeroSnr);
    Batch point(1, 3);
    point << 0.7f, -1.2f, 2.5f;
    SamplerParams p;
    p.kind = SamplerKind::Ddim;
    p.steps = steps;
    p.spacing = spacing;
    dl::Rng rng(3);
    const dl::SampleResult r = dl::sampleFromNoise(s, dl::makeOracleDenoiser(point, s), 50, 3, p, rng);
    const double err = (r.samples.rowwise() - point.row(0)).cwiseAbs().maxCoeff();
    QVERIFY2(err < 1e-4, qPrintable(QString("largest distance to the data point %1").arg(err)));
}

void TestSamplers::marginalsMatchDataWithFewerSteps_data() {
    QTest::addColumn<SamplerKind>("kind");
    QTest::addColumn<double>("eta");
    QTest::addColumn<int>("steps");
    QTest::addColumn<TimestepSpacing>("spacing");
    for (TimestepSpacing sp :
         {TimestepSpacing::Linspace, TimestepSpacing::Leading, TimestepSpacing::Trailing}) {
        const char* name = sp == TimestepSpacing::Linspace  ? "linspace"
                           : sp == TimestepSpacing::Leading ? "leading"
                                                            : "trailing";
        for (int K : {10, 50}) {
            QTest::addRow("ddpm %s K=%d", name, K) << SamplerKind::DdpmPosterior << 0.0 << K << sp;
            QTest::addRow("ddpm-beta %s K=%d", name, K) << SamplerKind::DdpmBeta << 0.0 << K << sp;
            QTest::addRow("ddim eta=0 %s K=%d", name, K) << SamplerKind::Ddim << 0.0 << K << sp;
            QTest::addRow("ddim eta=1 %s K=%d", name, K) << SamplerKind::Ddim << 1.0 << K << sp;
        }
    }
}

// With the exact denoiser of a tiny data set the samples must sit on the data points, with the data's weights
// (1/2, 1/4, 1/4). A sampler that applied t → t−1 coefficients to a jump of 20 or 100 steps would remove only
// a sliver of the noise per step and end far from every point.
void TestSamplers::marginalsMatchDataWithFewerSteps() {
    QFETCH(SamplerKind, kind);
    QFETCH(double, eta);
    QFETCH(int, steps);
    QFETCH(TimestepSpacing, spacing);
    const Schedule s = makeSchedule(1000);
    const Batch data = tinyDataSet();
    SamplerParams p;
    p.kind = kind;
    p.eta = eta;
    p.steps = steps;
    p.spacing = spacing;
    dl::Rng rng(2024);
    const int n = 2000;
    const dl::SampleResult r = dl::sampleFromNoise(s, dl::makeOracleDenoiser(data, s), n, 2, p, rng);
    const Assignment a = assign(r.samples, data.bottomRows(3));
    const QString report = QString("fractions %1 %2 %3 (expected 0.5 0.25 0.25), farthest sample %4")
                               .arg(a.fraction[0])
                               .arg(a.fraction[1])
                               .arg(a.fraction[2])
                               .arg(a.farthest);
    // Binomial standard deviation of a fraction at n = 2000 is at most 0.011; allow 4 of them.
    QVERIFY2(std::abs(a.fraction[0] - 0.5) < 0.045, qPrintable(report));
    QVERIFY2(std::abs(a.fraction[1] - 0.25) < 0.045, qPrintable(report));
    QVERIFY2(std::abs(a.fraction[2] - 0.25) < 0.045, qPrintable(report));
    // The output is E[x_0 | x_t] at the last visited t. When that t is nearly clean (1 − ᾱ_t < 0.01) it is a
    // data point for all but a handful of samples; trailing spacing ends at t = T/K, where some land between
    // points.
    const int lastT = dl::samplingTimesteps(s.T(), steps, spacing).back();
    if (1.0 - s.alphaBar(lastT) >= 0.01) return;
    int off = 0;
    for (Eigen::Index i = 0; i < r.samples.rows(); ++i)
        off += (data.bottomRows(3).rowwise() - r.samples.row(i)).rowwise().norm().minCoeff() > 0.05 ? 1 : 0;
    QVERIFY2(off <= n / 100, qPrintable(report + QString(", %1 samples off the data").arg(off)));
}

// E[x_t] = √ᾱ_t E[x_0] and E‖x_t‖² = ᾱ_t E‖x_0‖² + d(1 − ᾱ_t) at every 50th state of a DDPM run over all 1000
// steps (Ho et al. 2020, Eq. 4): the reverse chain passes through the forward process's marginals. (With long
// jumps the β̃ variance is a lower bound and the intermediate spread comes out a few percent narrow.)
void TestSamplers::intermediateMarginalsMatchForwardProcess() {
    const Schedule s = makeSchedule(1000);
    const Batch data = tinyDataSet();
    SamplerParams p;
    p.kind = SamplerKind::DdpmPosterior;
    p.trajectoryStride = 50;
    dl::Rng rng(77);
    const int n = 4000;
    const dl::SampleResult r = dl::sampleFromNoise(s, dl::makeOracleDenoiser(data, s), n, 2, p, rng);
    const Eigen::RowVectorXd dataMean = data.cast<double>().colwise().mean();
    const double dataSquare = data.cast<double>().rowwise().squaredNorm().mean();
    for (std::size_t k = 0; k < r.trajectory.states.size(); ++k) {
        const int t = r.trajectory.timesteps[k];
        const Eigen::MatrixXd x = r.trajectory.states[k].cast<double>();
        const double ab = s.alphaBar(t);
        const double meanErr = (x.colwise().mean() - std::sqrt(ab) * dataMean).cwiseAbs().maxCoeff();
        const double square = x.rowwise().squaredNorm().mean();
        const double expectedSquare = ab * dataSquare + 2.0 * (1.0 - ab);
        const QString report = QString("t=%1: mean error %2, E|x|^2 %3 expected %4")
                                   .arg(t)
                                   .arg(meanErr)
                                   .arg(square)
                                   .arg(expectedSquare);
        QVERIFY2(meanErr < 0.06, qPrintable(report));
        QVERIFY2(std::abs(square / expectedSquare - 1.0) < 0.05, qPrintable(report));
    }
}

void TestSamplers::gaussianDataKeepsMeanAndVariance_data() {
    QTest::addColumn<SamplerKind>("kind");
    QTest::addColumn<double>("eta");
    QTest::addColumn<int>("steps");
    QTest::newRow("ddpm all") << SamplerKind::DdpmPosterior << 0.0 << 0;
    QTest::newRow("ddpm 25") << SamplerKind::DdpmPosterior << 0.0 << 25;
    QTest::newRow("ddpm-beta all") << SamplerKind::DdpmBeta << 0.0 << 0;
    QTest::newRow("ddpm-beta 25") << SamplerKind::DdpmBeta << 0.0 << 25;
    QTest::newRow("ddim all") << SamplerKind::Ddim << 0.0 << 0;
    QTest::newRow("ddim 25") << SamplerKind::Ddim << 0.0 << 25;
    QTest::newRow("ddim eta=0.5 25") << SamplerKind::Ddim << 0.5 << 25;
}

// Data N(m, s² I) with the exact ε*. Every step is then linear in y = x_t − √ᾱ_t m: with σ_t² = ᾱ_t s² + 1 −
// ᾱ_t,
//   x̂_0 − m = (√ᾱ_t s²/σ_t²) y,  ε̂ = (√(1−ᾱ_t)/σ_t²) y,
//   DDPM: y_s = (c_0 √ᾱ_t s²/σ_t² + c_t) y_t + σ z         (c_0, c_t: posterior coefficients of the jump)
//   DDIM: y_s = (√ᾱ_s √ᾱ_t s² + √(1−ᾱ_s−σ²) √(1−ᾱ_t))/σ_t² · y_t + σ z
// so the output's mean and variance follow from a scalar recursion. The sampler must match it for every K;
// with all T steps it must also give back m and s² (with 25 coarse steps DDIM is known to come out narrow:
// each step shrinks y by the cosine of the angle between (√ᾱ_t s, √(1−ᾱ_t)) and (√ᾱ_s s, √(1−ᾱ_s))).
void TestSamplers::gaussianDataKeepsMeanAndVariance() {
    QFETCH(SamplerKind, kind);
    QFETCH(double, eta);
    QFETCH(int, steps);
    const Schedule s = makeSchedule(500, 1e-4, 0.04);
    Eigen::RowVectorXf m(2);
    m << 1.0f, -0.5f;
    const double s2 = 0.25;
    SamplerParams p;
    p.kind = kind;
    p.eta = eta;
    p.steps = steps;
    dl::Rng rng(9);
    const dl::SampleResult r = dl::sampleFromNoise(s, gaussianEpsilon(s, m, s2), 8000, 2, p, rng);

    const std::vector<int> ts = dl::samplingTimesteps(s.T(), steps == 0 ? s.T() : steps, p.spacing);
    double gain = 1.0, variance = 1.0;  // y at the start: x_T ~ N(0, 1) minus √ᾱ_{t_1} m
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const int t = ts[i];
        const int prev = i + 1 < ts.size() ? ts[i + 1] : 0;
        const dl::ReverseStepCoefficients c = dl::reverseStepCoefficients(s, t, prev);
        const double at = s.alphaBar(t), as = s.alphaBar(prev);
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
    const Eigen::RowVectorXd expectedMean =
        m.cast<double>() * (1.0 - gain * std::sqrt(s.alphaBar(ts.front())));

    const Eigen::RowVectorXd mean = r.samples.cast<double>().colwise().mean();
    const Eigen::RowVectorXd var =
        (r.samples.cast<double>().rowwise() - mean).array().square().colwise().mean().matrix();
    const QString report = QString("mean (%1, %2) expected (%3, %4); var (%5, %6) expected %7")
                               .arg(mean[0])
                               .arg(mean[1])
                               .arg(expectedMean[0])
                               .arg(expectedMean[1])
                               .arg(var[0])
                               .arg(var[1])
                               .arg(variance);
    // n = 8000: the standard error of a mean is √(var/n) ≤ 0.006, that of a variance is √(2/n) ≈ 1.6 %.
    QVERIFY2((mean - expectedMean).cwiseAbs().maxCoeff() < 0.025, qPrintable(report));
    QVERIFY2((var.array() / variance - 1.0).abs().maxCoeff() < 0.07, qPrintable(report));
    if (steps == 0) {
        QVERIFY2((expectedMean - m.cast<double>()).cwiseAbs().maxCoeff() < 0.01, qPrintable(report));
        QVERIFY2(std::abs(variance / s2 - 1.0) < 0.05, qPrintable(report));
    }
}

// ---- Langevin --------------------------------------------------------------------------------------------
// One noise level: T = 10 equal β with ᾱ_10 = 0.5, K = 1 trailing visits only t = 10. Langevin on the exact
// score of q(x_10) = N(√0.5 m, 0.5 s² + 0.5) must reach it; the final Tweedie step then maps it to x̂_0 = m +
// (√ᾱ s²/σ²)(x − √ᾱ m), so the output is N(m, ᾱ s⁴/σ²) = N(m, 0.05) for s² = 0.25.
void TestSamplers::langevinConvergesToGaussian() {
    dl::ScheduleParams sp;
    sp.kind = dl::ScheduleKind::Custom;
    sp.T = 10;
    sp.customBetas.assign(10, 1.0 - std::pow(0.5, 0.1));
    const Schedule s(sp);
    QVERIFY(std::abs(s.alphaBar(10) - 0.5) < 1e-12);
    Eigen::RowVectorXf m(2);
    m << 1.0f, -0.5f;
    const double s2 = 0.25;
    SamplerParams p;
    p.kind = SamplerKind::Langevin;
    p.steps = 1;
    p.spacing = TimestepSpacing::Trailing;
    p.langevinStepSize = 0.02;       // δ = 0.01: the discretisation bias δ/(4σ²) is 0.4 %
    p.langevinStepsPerLevel = 2000;  // 16 relaxation times 2σ²/δ
    dl::Rng rng(12);
    const dl::SampleResult r = dl::sampleFromNoise(s, gaussianEpsilon(s, m, s2), 8000, 2, p, rng);
    const Eigen::RowVectorXd mean = r.samples.cast<double>().colwise().mean();
    const Eigen::RowVectorXd var =
        (r.samples.cast<double>().rowwise() - mean).array().square().colwise().mean().matrix();
    const double expectedVar = 0.5 * s2 * s2 / (0.5 * s2 + 0.5);
    const QString report = QString("mean (%1, %2) var (%3, %4), expected var %5")
                               .arg(mean[0])
                               .arg(mean[1])
                               .arg(var[0])
                               .arg(var[1])
                               .arg(expectedVar);
    QVERIFY2((mean - m.cast<double>()).cwiseAbs().maxCoeff() < 0.01, qPrintable(report));
    QVERIFY2((var.array() / expectedVar - 1.0).abs().maxCoeff() < 0.07, qPrintable(report));
}

// Annealed over 100 of 1000 levels: close to N(m, s²), though not exactly — at low noise δ_t ∝ 1 − ᾱ_t is too
// small to move the data-scale spread within 50 steps, so the mean lags slightly toward 0 and the spread
// stays wide.
void TestSamplers::langevinAnnealedApproachesGaussian() {
    const Schedule s = makeSchedule(1000);
    Eigen::RowVectorXf m(2);
    m << 1.0f, -0.5f;
    const double s2 = 0.25;
    SamplerParams p;
    p.kind = SamplerKind::Langevin;
    p.steps = 100;
    p.spacing = TimestepSpacing::Trailing;
    p.langevinStepSize = 0.1;
    p.langevinStepsPerLevel = 50;
    dl::Rng rng(12);
    const dl::SampleResult r = dl::sampleFromNoise(s, gaussianEpsilon(s, m, s2), 4000, 2, p, rng);
    const Eigen::RowVectorXd mean = r.samples.cast<double>().colwise().mean();
    const Eigen::RowVectorXd var =
        (r.samples.cast<double>().rowwise() - mean).array().square().colwise().mean().matrix();
    const QString report =
        QString("mean (%1, %2) var (%3, %4)").arg(mean[0]).arg(mean[1]).arg(var[0]).arg(var[1]);
    QVERIFY2((mean - m.cast<double>()).cwiseAbs().maxCoeff() < 0.05, qPrintable(report));
    QVERIFY2((var.array() / s2 - 1.0).abs().maxCoeff() < 0.15, qPrintable(report));
}

void TestSamplers::langevinOnOracleLandsOnData() {
    const Schedule s = makeSchedule(1000);
    const Batch data = tinyDataSet();
    SamplerParams p;
    p.kind = SamplerKind::Langevin;
    p.steps = 100;
    dl::Rng rng(8);
    const dl::SampleResult r = dl::sampleFromNoise(s, dl::makeOracleDenoiser(data, s), 2000, 2, p, rng);
    const Assignment a = assign(r.samples, data.bottomRows(3));
    const QString report = QString("fractions %1 %2 %3, farthest %4")
                               .arg(a.fraction[0])
                               .arg(a.fraction[1])
                               .arg(a.fraction[2])
                               .arg(a.farthest);
    QVERIFY2(a.farthest < 0.05, qPrintable(report));
    QVERIFY2(std::abs(a.fraction[0] - 0.5) < 0.06 && std::abs(a.fraction[1] - 0.25) < 0.06,
             qPrintable(report));
}

// ---- Zero terminal SNR, clipping
// ---------------------------------------------------------------------------
void TestSamplers::zeroTerminalSnrStaysFinite_data() {
    QTest::addColumn<SamplerKind>("kind");
    QTest::newRow("ddpm") << SamplerKind::DdpmPosterior;
    QTest::newRow("ddpm-beta") << SamplerKind::DdpmBeta;
    QTest::newRow("ddim") << SamplerKind::Ddim;
    QTest::newRow("langevin") << SamplerKind::Langevin;
}

void TestSamplers::zeroTerminalSnrStaysFinite() {
    QFETCH(SamplerKind, kind);
    const Schedule s = makeSchedule(200, 1e-4, 0.04, true);
    QCOMPARE(s.alphaBar(200), 0.0);
    const Batch data = tinyDataSet();
    SamplerParams p;
    p.kind = kind;
    p.steps = 50;
    p.spacing = TimestepSpacing::Trailing;  // starts at t = T, where ᾱ = 0
    dl::Rng rng(4);
    const dl::SampleResult r = dl::sampleFromNoise(s, dl::makeOracleDenoiser(data, s), 500, 2, p, rng);
    QVERIFY(r.samples.allFinite());
    const Assignment a = assign(r.samples, data.bottomRows(3));
    QVERIFY2(
        a.fraction[0] > 0.35 && a.fraction[1] > 0.15 && a.fraction[2] > 0.15,
        qPrintable(QString("fractions %1 %2 %3").arg(a.fraction[0]).arg(a.fraction[1]).arg(a.fraction[2])));
}

void TestSamplers::clippingBoundsX0() {
    // A wildly wrong ε̂ pushes x̂_0 far out; with clipping the output (the last x̂_0) stays in the box.
    const Schedule s = makeSchedule(100);
    SamplerParams p;
    p.clipX0 = true;
    p.clipMin = Eigen::VectorXf::Constant(2, -4.0f);
    p.clipMax = Eigen::VectorXf::Constant(2, 4.0f);
    p.clipMin[1] = -0.5f;
    p.clipMax[1] = 0.25f;
    for (SamplerKind kind :
         {SamplerKind::DdpmPosterior, SamplerKind::DdpmBeta, SamplerKind::Ddim, SamplerKind::Langevin}) {
        p.kind = kind;
        p.steps = 20;
        dl::Rng rng(1);
        const dl::SampleResult r = dl::sampleFromNoise(s, constantEpsilon(-30.0f), 100, 2, p, rng);
        QVERIFY(r.samples.col(0).minCoeff() >= -4.0f && r.samples.col(0).maxCoeff() <= 4.0f);
        QVERIFY(r.samples.col(1).minCoeff() >= -0.5f && r.samples.col(1).maxCoeff() <= 0.25f);
    }
    // Default range [−1, 1].
    SamplerParams q;
    q.clipX0 = true;
    q.steps = 10;
    dl::Rng rng(2);
    const dl::SampleResult r = dl::sampleFromNoise(s, constantEpsilon(30.0f), 100, 5, q, rng);
    QVERIFY(r.samples.minCoeff() >= -1.0f && r.samples.maxCoeff() <= 1.0f);
}

// ---- Trajectory
// --------------------------------------------------------------------------------------------
void TestSamplers::clipRangeIsTheDataRangeWidened() {
    dl::SamplerParams p;
    Eigen::VectorXf lo(2), hi(2);
    lo << -2.0f, 0.0f;
    hi << 2.0f, 1.0f;
    dl::clipX0ToDataRange(p, lo, hi);
    QVERIFY(p.clipX0);
    QCOMPARE(p.clipMin(0), -2.2f);
    QCOMPARE(p.clipMax(0), 2.2f);
    QCOMPARE(p.clipMin(1), -0.05f);
    QCOMPARE(p.clipMax(1), 1.05f);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::clipX0ToDataRange(p, lo, Eigen::VectorXf(3)));
}

void TestSamplers::trajectoryRespectsMemoryBound() {
    const Schedule s = makeSchedule(50);
    const int n = 100;  // 800 bytes per state
    SamplerParams p;
    p.trajectoryStride = 1;
    p.maxTrajectoryBytes = 10000;  // room for 12 states of the 51
    dl::Rng rng(6);
    Batch xT(n, 2);
    rng.fillNormal(xT);
    const dl::SampleResult r = dl::runSampler(s, constantEpsilon(0.0f), xT, p, rng);
    const std::size_t bytes = r.trajectory.states.size() * n * 2 * sizeof(float);
    QVERIFY2(bytes <= p.maxTrajectoryBytes, qPrintable(QString("%1 bytes kept").arg(bytes)));
    QVERIFY(r.trajectory.states.size() >= 10);  // the stride grows only as much as needed
    QCOMPARE(r.trajectory.stride, 5);
    QCOMPARE(r.trajectory.states.front(), xT);
    QCOMPARE(r.trajectory.states.back(), r.samples);
    QCOMPARE(r.trajectory.timesteps.front(), 50);
    QCOMPARE(r.trajectory.timesteps.back(), 0);

    p.maxTrajectoryBytes = 1000;  // not even x_T and x_0
    const dl::SampleResult none = dl::runSampler(s, constantEpsilon(0.0f), xT, p, rng);
    QVERIFY(none.trajectory.states.empty());
    QCOMPARE(none.trajectory.stride, 0);
}

void TestSamplers::trajectoryKeepsStrideAndEnds() {
    const Schedule s = makeSchedule(50);
    SamplerParams p;
    p.trajectoryStride = 7;
    dl::Rng rng(6);
    const dl::SampleResult r = dl::sampleFromNoise(s, constantEpsilon(0.0f), 10, 2, p, rng);
    // States after 0, 7, …, 49 steps and the output after 50: timesteps 50, 43, …, 1, 0.
    QCOMPARE(r.trajectory.timesteps, (std::vector<int>{50, 43, 36, 29, 22, 15, 8, 1, 0}));
    QCOMPARE(r.trajectory.states.size(), std::size_t{9});

    p.kind = SamplerKind::Langevin;
    p.steps = 10;
    p.langevinStepsPerLevel = 3;
    p.trajectoryStride = 1;
    const dl::SampleResult l = dl::sampleFromNoise(s, constantEpsilon(0.0f), 10, 2, p, rng);
    // Start, one state per level, then the denoised output.
    QCOMPARE(l.trajectory.states.size(), std::size_t{12});
    QCOMPARE(l.trajectory.timesteps.back(), 0);
    QCOMPARE(l.denoiserCalls, 31);
}

// ---- Control
// -----------------------------------------------------------------------------------------------
void TestSamplers::cancelStopsEarly() {
    const Schedule s = makeSchedule(100);
    std::atomic<bool> cancel{false};
    int calls = 0;
    const dl::EpsilonPredictor counting = [&](const Batch& xt, int, Batch& out) {
        ++calls;
        out = Batch::Zero(xt.rows(), xt.cols());
    };
    SamplerParams p;
    dl::Rng rng(1);
    const auto progress = [&](int done, int) {
        if (done == 3) cancel = true;
    };
    QVERIFY_THROWS_EXCEPTION(dl::SamplingCancelled,
                             dl::sampleFromNoise(s, counting, 10, 2, p, rng, &cancel, progress));
    QCOMPARE(calls, 3);
    cancel = true;
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::sampleFromNoise(s, counting, 10, 2, p, rng, &cancel));
}

void TestSamplers::progressCountsDenoiserCalls() {
    const Schedule s = makeSchedule(100);
    SamplerParams p;
    p.steps = 30;
    int last = 0, total = 0, reports = 0;
    dl::Rng rng(1);
    const dl::SampleResult r =
        dl::sampleFromNoise(s, constantEpsilon(0.0f), 4, 2, p, rng, nullptr, [&](int d, int t) {
            QCOMPARE(d, last + 1);
            last = d;
            total = t;
            ++reports;
        });
    QCOMPARE(reports, 30);
    QCOMPARE(total, 30);
    QCOMPARE(r.denoiserCalls, 30);
}

void TestSamplers::sameSeedSameSamples() {
    const Schedule s = makeSchedule(100);
    const Batch data = tinyDataSet();
    for (SamplerKind kind : {SamplerKind::DdpmPosterior, SamplerKind::Ddim, SamplerKind::Langevin}) {
        SamplerParams p;
        p.kind = kind;
        p.eta = 0.3;
        p.steps = 20;
        dl::Rng a(99), b(99), c(100);
        const auto oracle = dl::makeOracleDenoiser(data, s);
        const Batch ra = dl::sampleFromNoise(s, oracle, 50, 2, p, a).samples;
        const Batch rb = dl::sampleFromNoise(s, oracle, 50, 2, p, b).samples;
        const Batch rc = dl::sampleFromNoise(s, oracle, 50, 2, p, c).samples;
        QCOMPARE(ra, rb);
        QVERIFY(rowMeanAbsDifference(ra, rc) > 0.01);
    }
}

void TestSamplers::rejectsBadParameters() {
    const Schedule s = makeSchedule(100);
    const auto eps = constantEpsilon(0.0f);
    dl::Rng rng(1);
    auto run = [&](SamplerParams p) { return dl::sampleFromNoise(s, eps, 4, 2, p, rng); };
    SamplerParams p;
    p.steps = 101;
    QVERIFY_THROWS_EXCEPTION(dl::Error, run(p));
    p = {};
    p.eta = 1.5;
    QVERIFY_THROWS_EXCEPTION(dl::Error, run(p));
    p = {};
    p.langevinStepSize = 0.0;
    QVERIFY_THROWS_EXCEPTION(dl::Error, run(p));
    p = {};
    p.clipX0 = true;
    p.clipMin = Eigen::VectorXf::Constant(3, -1.0f);
    p.clipMax = Eigen::VectorXf::Constant(3, 1.0f);
    QVERIFY_THROWS_EXCEPTION(dl::Error, run(p));
    p.clipMin = Eigen::VectorXf::Constant(2, 1.0f);
    p.clipMax = Eigen::VectorXf::Constant(2, -1.0f);
    QVERIFY_THROWS_EXCEPTION(dl::Error, run(p));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::sampleFromNoise(s, eps, 0, 2, SamplerParams{}, rng));
    const dl::EpsilonPredictor wrongShape = [](const Batch& xt, int, Batch& out) {
        out = Batch::Zero(xt.rows(), 1);
    };
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::sampleFromNoise(s, wrongShape, 4, 2, SamplerParams{}, rng));
}

void TestSamplers::namesRoundTrip() {
    for (SamplerKind k :
         {SamplerKind::DdpmBeta, SamplerKind::DdpmPosterior, SamplerKind::Ddim, SamplerKind::Langevin})
        QCOMPARE(dl::samplerKindFromName(dl::samplerKindName(k)), std::optional<SamplerKind>(k));
    QCOMPARE(dl::samplerKindFromName("ddpm"), std::optional<SamplerKind>(SamplerKind::DdpmPosterior));
    QVERIFY(!dl::samplerKindFromName("euler"));
}

void TestSamplers::recordedStatesArriveAsTheyAreKept() {
    // Each kept state is handed out when it is kept, in order, equal to the trajectory's — for every
    // sampler and a stride that skips states — so a caller can show the chain while it is computed.
    const Schedule s = makeSchedule(20);
    for (const SamplerKind kind :
         {SamplerKind::DdpmPosterior, SamplerKind::DdpmBeta, SamplerKind::Ddim, SamplerKind::Langevin}) {
        SamplerParams p;
        p.kind = kind;
        p.trajectoryStride = 3;
        std::vector<int> seenT;
        std::vector<Batch> seen;
        int callsWhenFirstSeen = -1, calls = 0;
        const dl::EpsilonPredictor inner = constantEpsilon(0.1f);
        const dl::EpsilonPredictor counting = [&](const Batch& x, int t, Batch& out) {
            ++calls;
            inner(x, t, out);
        };
        dl::Rng rng(3);
        const dl::SampleResult r =
            dl::sampleFromNoise(s, counting, 5, 2, p, rng, nullptr, {}, [&](int t, const Batch& state) {
                if (callsWhenFirstSeen < 0 && seen.size() == 1) callsWhenFirstSeen = calls;
                seenT.push_back(t);
                seen.push_back(state);
            });
        QCOMPARE(seenT, r.trajectory.timesteps);
        QCOMPARE(seen.size(), r.trajectory.states.size());
        for (std::size_t k = 0; k < seen.size(); ++k) QVERIFY(seen[k] == r.trajectory.states[k]);
        QCOMPARE(seenT.front(), 20);
        QCOMPARE(seenT.back(), 0);
        // The second kept state arrives after a few denoiser calls, not after the whole run.
        QVERIFY2(callsWhenFirstSeen > 0 && callsWhenFirstSeen < r.denoiserCalls,
                 qPrintable(QString("%1 of %2").arg(callsWhenFirstSeen).arg(r.denoiserCalls)));
    }
}

QTEST_APPLESS_MAIN(TestSamplers)
#include "tst_samplers.moc"
