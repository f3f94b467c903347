// The per-step records of a reverse run (core/sampling/steprecord.h): for DDPM (both variances) and DDIM
// (η = 0 and η = 1) the recorded x_t, ε̂, x̂_0, μ, σ z and x_s of chosen rows are checked against the step
// formulas written out here by hand (Ho et al. 2020, Eq. 4, 7 and Algorithm 2; Song et al. 2021, Eq. 12
// and 16), in double precision from the recorded x_t and ε̂. The records must also be the sampler's own
// states: x_s of one step is x_t of the next, the last x_s is the output, and recording changes nothing.
#include <QtTest>
#include <cmath>

#include "core/math/error.h"
#include "core/sampling/samplers.h"
#include "core/sampling/steprecord.h"

using dl::Batch;
using dl::SamplerKind;

Q_DECLARE_METATYPE(SamplerKind)

namespace {

/// β_1 = 0.1, β_2 = 0.3, β_3 = 0.5: a schedule small enough to follow by hand.
dl::Schedule threeStepSchedule() {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Custom;
    p.T = 3;
    p.customBetas = {0.1, 0.3, 0.5};
    return dl::Schedule(p);
}

/// A denoiser whose ε̂ depends on x_t and t, so a wrong x_t or t in a record would show.
dl::Denoiser linearDenoiser() {
    dl::Denoiser d;
    d.epsilon = [](const Batch& xt, int t, Batch& out) {
        out = (0.3f + 0.1f * float(t)) * xt.array() - 0.2f;
    };
    return d;
}

double maxDiff(const Batch& a, const Batch& b) {
    return (a - b).cwiseAbs().maxCoeff();
}

}  // namespace

class TestStepRecord : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesTheStepFormulas_data();
    void matchesTheStepFormulas();
    void recordingChangesNothing();
    void lookups();
    void leadingRowsFitTheBudget();
    void badRowsAreRefused();
};

void TestStepRecord::matchesTheStepFormulas_data() {
    QTest::addColumn<SamplerKind>("kind");
    QTest::addColumn<double>("eta");
    QTest::addColumn<int>("steps");
    QTest::addColumn<bool>("leadingRows");  // rows {0, 1} (a block copy) instead of {4, 1}
    QTest::newRow("ddpm posterior") << SamplerKind::DdpmPosterior << 0.0 << 0 << false;
    QTest::newRow("ddpm posterior, leading rows") << SamplerKind::DdpmPosterior << 0.0 << 0 << true;
    QTest::newRow("ddpm beta") << SamplerKind::DdpmBeta << 0.0 << 0 << false;
    QTest::newRow("ddpm K=2 (jump 3 -> 1)") << SamplerKind::DdpmPosterior << 0.0 << 2 << false;
    QTest::newRow("ddim eta=0") << SamplerKind::Ddim << 0.0 << 0 << false;
    QTest::newRow("ddim eta=1") << SamplerKind::Ddim << 1.0 << 0 << false;
    QTest::newRow("ddim eta=1, leading rows") << SamplerKind::Ddim << 1.0 << 0 << true;
}

void TestStepRecord::matchesTheStepFormulas() {
    QFETCH(SamplerKind, kind);
    QFETCH(double, eta);
    QFETCH(int, steps);
    QFETCH(bool, leadingRows);
    const std::vector<Eigen::Index> rows =
        leadingRows ? std::vector<Eigen::Index>{0, 1} : std::vector<Eigen::Index>{4, 1};
    const dl::Schedule schedule = threeStepSchedule();
    dl::SamplerParams p;
    p.kind = kind;
    p.eta = eta;
    p.steps = steps;
    p.stepRecordRows = rows;
    dl::Rng rng(11);
    const dl::SampleResult r = dl::sampleFromNoise(schedule, linearDenoiser(), 6, 2, p, rng);
    const dl::ReverseStepRecords& rec = r.trajectory.stepRecords;
    const std::vector<int> ts = dl::samplingTimesteps(3, steps == 0 ? 3 : steps, p.spacing);
    QCOMPARE(rec.rows, rows);
    QCOMPARE(rec.steps.size(), ts.size());

    for (std::size_t k = 0; k < rec.steps.size(); ++k) {
        const dl::ReverseStepRecord& st = rec.steps[k];
        const int t = ts[k], s = k + 1 < ts.size() ? ts[k + 1] : 0;
        QCOMPARE(st.t, t);
        QCOMPARE(st.s, s);
        const double abT = schedule.alphaBar(t), abS = s > 0 ? schedule.alphaBar(s) : 1.0;
        const double alphaJump = abT / abS, betaJump = 1.0 - alphaJump;
        const double betaTilde = betaJump * (1.0 - abS) / (1.0 - abT);
        for (int slot = 0; slot < 2; ++slot) {
            for (int c = 0; c < 2; ++c) {
                const double xt = st.xt(slot, c);
                // ε̂ is the denoiser's at this x_t and t.
                const double eps = (0.3 + 0.1 * t) * xt - 0.2;
                QVERIFY2(std::abs(st.eps(slot, c) - eps) < 1e-5, "eps");
                // x̂_0 = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t (Ho et al. 2020, Eq. 4 solved for x_0).
                const double x0 = (xt - std::sqrt(1.0 - abT) * eps) / std::sqrt(abT);
                QVERIFY2(std::abs(st.x0(slot, c) - x0) < 1e-4, "x0");
                double mean = 0.0, sigma = 0.0;
                if (kind == SamplerKind::Ddim) {
                    // Song et al. 2021, Eq. 12 with σ = η √β̃ (Eq. 16).
                    sigma = eta * std::sqrt(betaTilde);
                    mean = std::sqrt(abS) * x0 + std::sqrt(1.0 - abS - sigma * sigma) * eps;
                } else if (s == 0) {
                    mean = x0;  // Algorithm 2: the last step returns x̂_0, no noise
                } else {
                    // Posterior mean (Eq. 7) and σ² = β̃ or β of the jump.
                    mean = std::sqrt(abS) * betaJump / (1.0 - abT) * x0 +
                           std::sqrt(alphaJump) * (1.0 - abS) / (1.0 - abT) * xt;
                    sigma = std::sqrt(kind == SamplerKind::DdpmBeta ? betaJump : betaTilde);
                    // …which equals Eq. 11, (x_t − β'/√(1−ᾱ_t) ε̂)/√α', without clipping.
                    const double eq11 = (xt - betaJump / std::sqrt(1.0 - abT) * eps) / std::sqrt(alphaJump);
                    QVERIFY2(std::abs(mean - eq11) < 1e-4, "Eq. 7 and Eq. 11 disagree");
                }
                QVERIFY2(
                    std::abs(st.mean(slot, c) - mean) < 1e-4,
                    qPrintable(
                        QStringLiteral("mean at t=%1: %2 vs %3").arg(t).arg(st.mean(slot, c)).arg(mean)));
                QVERIFY2(std::abs(st.sigma - sigma) < 1e-9, "sigma");
                if (sigma == 0.0) QCOMPARE(st.noise(slot, c), 0.0f);
                // x_s = μ + σ z, exactly as the sampler added them.
                QCOMPARE(st.next(slot, c), st.mean(slot, c) + st.noise(slot, c));
            }
        }
        // A stochastic step draws z ~ N(0, I): the noise is σ z with |z| of a normal draw, not zero.
        if (st.sigma > 0.0) QVERIFY(st.noise.cwiseAbs().maxCoeff() > 0.0f);
        // Each step starts where the last one landed.
        if (k > 0) QCOMPARE(maxDiff(st.xt, rec.steps[k - 1].next), 0.0);
    }
    // The last x_s is the sampler's output for those rows; the first x_t its start.
    QCOMPARE(rec.steps.back().next.row(0), r.samples.row(rows[0]));
    QCOMPARE(rec.steps.back().next.row(1), r.samples.row(rows[1]));
}

void TestStepRecord::recordingChangesNothing() {
    const dl::Schedule schedule = threeStepSchedule();
    for (SamplerKind kind : {SamplerKind::DdpmPosterior, SamplerKind::Ddim}) {
        dl::SamplerParams p;
        p.kind = kind;
        p.eta = 0.5;
        dl::Rng a(3), b(3);
        const dl::SampleResult plain = dl::sampleFromNoise(schedule, linearDenoiser(), 8, 2, p, a);
        p.stepRecordRows = {0, 3, 7};
        const dl::SampleResult recorded = dl::sampleFromNoise(schedule, linearDenoiser(), 8, 2, p, b);
        QCOMPARE(maxDiff(plain.samples, recorded.samples), 0.0);
        QVERIFY(plain.trajectory.stepRecords.empty());
        QCOMPARE(recorded.trajectory.stepRecords.steps.size(), std::size_t{3});
    }
    // Langevin has no single step to record.
    dl::SamplerParams p;
    p.kind = SamplerKind::Langevin;
    p.stepRecordRows = {0};
    dl::Rng rng(1);
    QVERIFY(dl::sampleFromNoise(schedule, linearDenoiser(), 2, 2, p, rng).trajectory.stepRecords.empty());
}

void TestStepRecord::lookups() {
    const dl::Schedule schedule = threeStepSchedule();
    dl::SamplerParams p;
    p.steps = 2;  // jumps 3 → 1 → 0
    p.stepRecordRows = {2, 0};
    dl::Rng rng(5);
    const dl::ReverseStepRecords rec =
        dl::sampleFromNoise(schedule, linearDenoiser(), 3, 2, p, rng).trajectory.stepRecords;
    QCOMPARE(rec.stepAt(3)->t, 3);
    QCOMPARE(rec.stepAt(2)->t, 3);  // between the visited steps: the jump that passes there
    QCOMPARE(rec.stepAt(1)->t, 1);
    QCOMPARE(rec.stepAt(0)->t, 1);  // at x_0: the step that landed there
    QVERIFY(rec.stepAt(4) == nullptr);
    QCOMPARE(rec.slotOf(2), 0);
    QCOMPARE(rec.slotOf(0), 1);
    QCOMPARE(rec.slotOf(1), -1);
    const Batch path = rec.path(1);
    QCOMPARE(path.rows(), Eigen::Index{3});
    QCOMPARE(path.row(0), rec.steps[0].xt.row(1));
    QCOMPARE(path.row(2), rec.steps[1].next.row(1));
    QCOMPARE(rec.path(-1).rows(), Eigen::Index{0});
}

void TestStepRecord::leadingRowsFitTheBudget() {
    // 6 batches × 10 steps × 2 dims × 4 bytes = 480 bytes a row.
    QCOMPARE(dl::leadingRowsWithin(100, 10, 2, 480 * 7).size(), std::size_t{7});
    QCOMPARE(dl::leadingRowsWithin(5, 10, 2, 480 * 7).size(), std::size_t{5});
    QCOMPARE(dl::leadingRowsWithin(5, 10, 2, 479).size(), std::size_t{0});
    QCOMPARE(dl::leadingRowsWithin(5, 10, 2, 480 * 7).back(), Eigen::Index{4});
}

void TestStepRecord::badRowsAreRefused() {
    dl::SamplerParams p;
    p.stepRecordRows = {3};
    dl::Rng rng(1);
    QVERIFY_THROWS_EXCEPTION(dl::Error,
                             dl::sampleFromNoise(threeStepSchedule(), linearDenoiser(), 3, 2, p, rng));
}

QTEST_GUILESS_MAIN(TestStepRecord)
#include "tst_steprecord.moc"
