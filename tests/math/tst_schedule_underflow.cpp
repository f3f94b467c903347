// Schedules whose ᾱ reaches 0 before T. Zero terminal SNR rescales √ᾱ (Lin et al. 2024, Algorithm 1); for
// large β the rescaled ᾱ underflows to 0 in double long before T (sigmoid, β up to 0.5 over T = 4000: from t
// = 3176), and β_t = 1 − ᾱ_t/ᾱ_{t−1} was 0/0 = NaN there. β = 1 from then on (pure noise), every derived
// quantity is finite, and the Markov chain reaches N(0, I) without a NaN.
#include <QtTest>
#include <cmath>

#include "core/math/forwardprocess.h"
#include "core/math/schedule.h"

namespace {

dl::Schedule sigmoidZeroSnr(int T = 4000) {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Sigmoid;
    p.T = T;
    p.betaStart = 1e-5;
    p.betaEnd = 0.5;
    p.zeroTerminalSnr = true;
    return dl::Schedule(p);
}

}  // namespace

class TestScheduleUnderflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void betaIsOneOnceAlphaBarIsZero();
    void everyDerivedQuantityIsFinite();
    void schedulesWithoutUnderflowAreUnchanged();
    void markovChainStaysFinite();
};

void TestScheduleUnderflow::betaIsOneOnceAlphaBarIsZero() {
    const dl::Schedule s = sigmoidZeroSnr();
    int firstZero = 0;
    for (int t = 1; t <= s.T() && firstZero == 0; ++t)
        if (s.alphaBar(t) == 0.0) firstZero = t;
    QCOMPARE(firstZero, 3176);  // the premise: ᾱ is 0 long before T
    for (int t = 1; t <= s.T(); ++t) {
        const QString at = QString("t=%1: beta %2, alpha_bar %3").arg(t).arg(s.beta(t)).arg(s.alphaBar(t));
        QVERIFY2(s.beta(t) > 0.0 && s.beta(t) <= 1.0, qPrintable(at));
        if (s.alphaBar(t - 1) == 0.0) QVERIFY2(s.beta(t) == 1.0, qPrintable(at));
        // ᾱ_t = ᾱ_{t−1}(1 − β_t) holds at every step, including the one that reaches 0.
        QVERIFY2(std::abs(s.alphaBar(t) - s.alphaBar(t - 1) * (1.0 - s.beta(t))) <= 1e-12 * s.alphaBar(t - 1),
                 qPrintable(at));
    }
    QCOMPARE(s.beta(firstZero), 1.0);  // 1 − 0/ᾱ_{t−1}: the step that reaches 0 destroys what was left
}

void TestScheduleUnderflow::everyDerivedQuantityIsFinite() {
    const dl::Schedule s = sigmoidZeroSnr();
    for (int t = 1; t <= s.T(); ++t) {
        const double values[] = {
            s.alpha(t), s.alphaBar(t),          s.sqrtAlphaBar(t),       s.sqrtOneMinusAlphaBar(t),
            s.snr(t),   s.posteriorVariance(t), s.posteriorMeanCoef1(t), s.posteriorMeanCoef2(t)};
        for (double v : values) QVERIFY2(std::isfinite(v), qPrintable(QString("t=%1: %2").arg(t).arg(v)));
    }
    // Past the underflow the chain is pure noise: x_{t−1} ⊥ x_t, so the posterior is the prior N(0, 1).
    QCOMPARE(s.posteriorVariance(3500), 1.0);
    QCOMPARE(s.posteriorMeanCoef1(3500), 0.0);
    QCOMPARE(s.posteriorMeanCoef2(3500), 0.0);
    QCOMPARE(s.snr(3500), 0.0);
}

// The rule only replaces 0/0: a zero-SNR schedule that never reaches 0 before T keeps 1 − ᾱ_t/ᾱ_{t−1}.
void TestScheduleUnderflow::schedulesWithoutUnderflowAreUnchanged() {
    dl::ScheduleParams p;
    p.T = 1000;
    p.zeroTerminalSnr = true;
    const dl::Schedule s(p);
    for (int t = 1; t < s.T(); ++t) QVERIFY(s.beta(t) < 1.0);
    QCOMPARE(s.beta(s.T()), 1.0);
    QVERIFY(std::abs(s.beta(500) - (1.0 - s.alphaBar(500) / s.alphaBar(499))) < 1e-15);
}

void TestScheduleUnderflow::markovChainStaysFinite() {
    const dl::Schedule s = sigmoidZeroSnr();
    dl::Batch x0(500, 2);
    dl::Rng dataRng(1);
    dataRng.fillNormal(x0);
    x0 = ((0.3f * x0).array() + 2.0f).matrix();
    for (int t : {3175, 4000}) {
        dl::Rng rng(7);
        const dl::Batch xt = dl::runMarkovChain(s, x0, t, rng);
        QVERIFY2(xt.allFinite(), qPrintable(QString("t=%1").arg(t)));
        if (t == 4000) {  // pure noise: mean 0, variance 1 (standard errors 0.045 and 6 %)
            const Eigen::RowVectorXd mean = xt.cast<double>().colwise().mean();
            const Eigen::RowVectorXd var =
                (xt.cast<double>().rowwise() - mean).array().square().colwise().mean().matrix();
            const QString report = QString("t=%1: mean (%2, %3), var (%4, %5)")
                                       .arg(t)
                                       .arg(mean[0])
                                       .arg(mean[1])
                                       .arg(var[0])
                                       .arg(var[1]);
            QVERIFY2(mean.cwiseAbs().maxCoeff() < 0.2, qPrintable(report));
            QVERIFY2((var.array() - 1.0).abs().maxCoeff() < 0.25, qPrintable(report));
        }
    }
}

QTEST_APPLESS_MAIN(TestScheduleUnderflow)
#include "tst_schedule_underflow.moc"
