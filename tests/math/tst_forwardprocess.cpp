// The forward process: closed form against the formula, one Markov step by hand, and the statistical
// agreement of the step-by-step chain with the closed-form marginal q(x_t|x_0) at several t.
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "core/math/error.h"
#include "core/math/forwardprocess.h"

using dl::Batch;
using dl::Schedule;

namespace {

Schedule linearSchedule(int T, double b0, double b1) {
    dl::ScheduleParams p;
    p.T = T;
    p.betaStart = b0;
    p.betaEnd = b1;
    return Schedule(p);
}

/// Two-sample Kolmogorov–Smirnov statistic of two columns.
double ksStatistic(std::vector<float> a, std::vector<float> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::size_t i = 0, j = 0;
    double d = 0;
    while (i < a.size() && j < b.size()) {
        const float v = std::min(a[i], b[j]);
        while (i < a.size() && a[i] <= v) ++i;
        while (j < b.size() && b[j] <= v) ++j;
        d = std::max(d, std::abs(double(i) / a.size() - double(j) / b.size()));
    }
    return d;
}

std::vector<float> column(const Batch& x, int c) {
    std::vector<float> v(static_cast<std::size_t>(x.rows()));
    for (Eigen::Index r = 0; r < x.rows(); ++r) v[r] = x(r, c);
    return v;
}

}  // namespace

class TestForwardProcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closedFormIsTheFormula();
    void markovStepByHand();
    void chainMatchesClosedFormMarginal_data();
    void chainMatchesClosedFormMarginal();
    void reproducibleForASeed();
    void rejectsBadTimestep();
};

void TestForwardProcess::closedFormIsTheFormula() {
    const Schedule s = linearSchedule(100, 1e-3, 0.2);
    Batch x0(3, 4), eps(3, 4);
    x0.setRandom();
    eps.setRandom();
    for (int t : {0, 1, 37, 100}) {
        const Batch xt = dl::noiseToStep(s, x0, t, eps);
        const Batch expected =
            (float(std::sqrt(s.alphaBar(t))) * x0 + float(std::sqrt(1 - s.alphaBar(t))) * eps);
        QVERIFY((xt - expected).cwiseAbs().maxCoeff() < 1e-6f);
    }
    QCOMPARE(dl::noiseToStep(s, x0, 0, eps), x0);
}

void TestForwardProcess::markovStepByHand() {
    // β = 0.36 → √(1−β) = 0.8, √β = 0.6: x_1 = 0.8·x_0 + 0.6·ε.
    const Schedule s = linearSchedule(2, 0.36, 0.36);
    Batch x0(1, 2), eps(1, 2);
    x0 << 1.0f, -2.0f;
    eps << 0.5f, 0.25f;
    const Batch x1 = dl::markovStep(s, x0, 1, eps);
    QCOMPARE(x1(0, 0), 0.8f * 1.0f + 0.6f * 0.5f);
    QCOMPARE(x1(0, 1), 0.8f * -2.0f + 0.6f * 0.25f);
    // With one step the chain and the closed form are the same map.
    const Batch closed = dl::noiseToStep(s, x0, 1, eps);
    QVERIFY((x1 - closed).cwiseAbs().maxCoeff() < 1e-6f);
}

void TestForwardProcess::chainMatchesClosedFormMarginal_data() {
    QTest::addColumn<int>("t");
    QTest::addColumn<int>("dim");
    QTest::newRow("t=1 d=2") << 1 << 2;
    QTest::newRow("t=10 d=2") << 10 << 2;
    QTest::newRow("t=50 d=2") << 50 << 2;
    QTest::newRow("t=100 d=2") << 100 << 2;
    QTest::newRow("t=30 d=16 (image-like)") << 30 << 16;
}

void TestForwardProcess::chainMatchesClosedFormMarginal() {
    QFETCH(int, t);
    QFETCH(int, dim);
    const Schedule s = linearSchedule(100, 1e-3, 0.2);
    const int n = 20000;
    // Every row starts at the same x_0, so q(x_t|x_0) is one Gaussian with known mean and variance.
    Batch x0(n, dim);
    for (int c = 0; c < dim; ++c) x0.col(c).setConstant(1.5f - 0.5f * c);

    dl::Rng chainRng(11), closedRng(12);
    const Batch chain = dl::runMarkovChain(s, x0, t, chainRng);
    const Batch closed = dl::noiseToStep(s, x0, t, closedRng);

    const double mean = std::sqrt(s.alphaBar(t));
    const double var = 1.0 - s.alphaBar(t);
    for (int c = 0; c < dim; ++c) {
        const double expectedMean = mean * x0(0, c);
        for (const Batch* x : {&chain, &closed}) {
            const double m = x->col(c).cast<double>().mean();
            const double v = (x->col(c).cast<double>().array() - m).square().sum() / (n - 1);
            // 5 standard errors: the mean's is √(var/n), the variance's √(2/(n−1))·var.
            QVERIFY2(std::abs(m - expectedMean) < 5 * std::sqrt(var / n),
                     qPrintable(QStringLiteral("mean %1 vs %2 (col %3)").arg(m).arg(expectedMean).arg(c)));
            QVERIFY2(std::abs(v - var) < 5 * std::sqrt(2.0 / (n - 1)) * var,
                     qPrintable(QStringLiteral("variance %1 vs %2 (col %3)").arg(v).arg(var).arg(c)));
        }
        // Same distribution, not just the same moments: KS at significance 1e-4 (c = 2.146).
        const double ks = ksStatistic(column(chain, c), column(closed, c));
        QVERIFY2(ks < 2.146 * std::sqrt(2.0 / n),
                 qPrintable(QStringLiteral("KS statistic %1 (col %2)").arg(ks).arg(c)));
    }
}

void TestForwardProcess::reproducibleForASeed() {
    const Schedule s = linearSchedule(100, 1e-3, 0.2);
    Batch x0 = Batch::Ones(50, 2);
    dl::Rng a(5), b(5), c(6);
    QCOMPARE(dl::runMarkovChain(s, x0, 40, a), dl::runMarkovChain(s, x0, 40, b));
    QVERIFY(dl::noiseToStep(s, x0, 40, a) != dl::noiseToStep(s, x0, 40, c));
}

void TestForwardProcess::rejectsBadTimestep() {
    const Schedule s = linearSchedule(10, 1e-3, 0.2);
    Batch x0 = Batch::Zero(2, 2);
    dl::Rng rng(1);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::noiseToStep(s, x0, 11, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::markovStep(s, x0, 0, x0));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::noiseToStep(s, x0, 3, Batch::Zero(3, 2)));
}

QTEST_APPLESS_MAIN(TestForwardProcess)
#include "tst_forwardprocess.moc"
