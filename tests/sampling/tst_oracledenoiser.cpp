// The exact denoiser: the closed form for a single data point, a per-sample double-precision reference for
// small random sets (first pairs and largest difference printed on failure), the score relation
// ε* = −√(1−ᾱ_t) ∇log q(x_t) checked by central differences of the exact log density, zero terminal SNR, far
// queries, and subsampling.
#include <QtTest>
#include <cmath>
#include <vector>

#include "core/math/error.h"
#include "core/sampling/marginaldensity.h"
#include "core/sampling/oracledenoiser.h"

using dl::Batch;
using dl::Schedule;

namespace {

Schedule makeSchedule(int T, bool zeroSnr = false) {
    dl::ScheduleParams p;
    p.T = T;
    p.betaStart = 1e-4;
    p.betaEnd = 0.02;
    p.zeroTerminalSnr = zeroSnr;
    return Schedule(p);
}

Batch randomBatch(int n, int d, std::uint64_t seed, float scale = 1.0f) {
    dl::Rng rng(seed);
    Batch b(n, d);
    rng.fillNormal(b);
    b *= scale;
    return b;
}

/// ε* one query and one data point at a time, in double: the definition, with no tricks.
Eigen::MatrixXd referenceEpsilon(const Batch& data, const Schedule& s, const Batch& xt, int t) {
    const double ab = s.alphaBar(t), v = 1.0 - ab;
    Eigen::MatrixXd out(xt.rows(), xt.cols());
    for (Eigen::Index q = 0; q < xt.rows(); ++q) {
        std::vector<double> logit(static_cast<std::size_t>(data.rows()));
        double top = -INFINITY;
        for (Eigen::Index i = 0; i < data.rows(); ++i) {
            logit[i] =
                -(xt.row(q).cast<double>() - std::sqrt(ab) * data.row(i).cast<double>()).squaredNorm() /
                (2.0 * v);
            top = std::max(top, logit[i]);
        }
        Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(xt.cols());
        double total = 0.0;
        for (Eigen::Index i = 0; i < data.rows(); ++i) {
            const double w = std::exp(logit[i] - top);
            total += w;
            mean += w * data.row(i).cast<double>();
        }
        mean /= total;
        out.row(q) = (xt.row(q).cast<double>() - std::sqrt(ab) * mean) / std::sqrt(v);
    }
    return out;
}

/// Largest absolute difference, with the first few pairs in the message.
QString compareReport(const Eigen::MatrixXd& got, const Eigen::MatrixXd& want, double* largest) {
    QString msg;
    *largest = (got - want).cwiseAbs().maxCoeff();
    for (Eigen::Index i = 0; i < std::min<Eigen::Index>(3, got.rows()); ++i)
        msg += QString("[%1 vs %2] ").arg(got(i, 0)).arg(want(i, 0));
    return msg + QString("largest difference %1").arg(*largest);
}

}  // namespace

class TestOracleDenoiser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void singlePointClosedForm();
    void matchesReference_data();
    void matchesReference();
    void epsilonIsScaledScoreOfExactDensity_data();
    void epsilonIsScaledScoreOfExactDensity();
    void zeroTerminalSnrGivesPureNoise();
    void farQueriesStayFinite();
    void posteriorMeanBetweenTwoPoints();
    void subsampleKeepsOrderAndSize();
    void rejectsBadInput();
};

// One data point x_0: E[x_0 | x_t] = x_0, so ε* = (x_t − √ᾱ_t x_0)/√(1−ᾱ_t) exactly.
void TestOracleDenoiser::singlePointClosedForm() {
    const Schedule s = makeSchedule(100);
    Batch point(1, 3);
    point << 0.5f, -2.0f, 1.25f;
    const dl::EpsilonPredictor oracle = dl::makeOracleDenoiser(point, s);
    const Batch xt = randomBatch(20, 3, 1, 2.0f);
    for (int t : {1, 10, 50, 100}) {
        Batch eps;
        oracle(xt, t, eps);
        const Batch expected = ((xt.rowwise() - static_cast<float>(s.sqrtAlphaBar(t)) * point.row(0)) /
                                static_cast<float>(s.sqrtOneMinusAlphaBar(t)));
        const double err = (eps - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff();
        QVERIFY2(err < 1e-5, qPrintable(QString("t=%1: relative error %2").arg(t).arg(err)));
    }
}

void TestOracleDenoiser::matchesReference_data() {
    QTest::addColumn<int>("N");
    QTest::addColumn<int>("d");
    QTest::addColumn<int>("t");
    QTest::newRow("2D, 50 points, t=5") << 50 << 2 << 5;
    QTest::newRow("2D, 50 points, t=300") << 50 << 2 << 300;
    QTest::newRow("2D, 3000 points, t=60") << 3000 << 2 << 60;  // more than one chunk of logits
    QTest::newRow("16D, 40 points, t=150") << 40 << 16 << 150;
    QTest::newRow("1D, 1 point, t=1000") << 1 << 1 << 1000;
}

void TestOracleDenoiser::matchesReference() {
    QFETCH(int, N);
    QFETCH(int, d);
    QFETCH(int, t);
    const Schedule s = makeSchedule(1000);
    const Batch data = randomBatch(N, d, 7);
    const Batch xt = randomBatch(400, d, 8, 1.3f);
    Batch eps;
    dl::makeOracleDenoiser(data, s)(xt, t, eps);
    double largest = 0.0;
    const QString report = compareReport(eps.cast<double>(), referenceEpsilon(data, s, xt, t), &largest);
    QVERIFY2(largest < 2e-3, qPrintable(report));
}

void TestOracleDenoiser::epsilonIsScaledScoreOfExactDensity_data() {
    QTest::addColumn<int>("t");
    QTest::newRow("t=20") << 20;
    QTest::newRow("t=100") << 100;
    QTest::newRow("t=400") << 400;
}

// ε*(x, t) = −√(1−ᾱ_t) ∇log q(x_t): the score by central differences of the exact log density (double
// precision, h = 1e-4), and the density class's own score, against the denoiser.
void TestOracleDenoiser::epsilonIsScaledScoreOfExactDensity() {
    QFETCH(int, t);
    const Schedule s = makeSchedule(1000);
    const Batch data = randomBatch(6, 2, 21);
    const dl::MarginalDensity q(data, s);
    const Batch x = randomBatch(30, 2, 22);
    Batch eps;
    dl::makeOracleDenoiser(data, s)(x, t, eps);
    const Batch score = q.score(t, x);

    const double h = 1e-4;
    Eigen::MatrixXd fdScore(x.rows(), 2);
    for (int k = 0; k < 2; ++k) {
        Batch plus = x, minus = x;
        plus.col(k).array() += static_cast<float>(h);
        minus.col(k).array() -= static_cast<float>(h);
        // The shift actually applied in float, so the quotient is not off by the rounding of x ± h.
        const Eigen::VectorXd step = (plus.col(k) - minus.col(k)).cast<double>();
        fdScore.col(k) = (q.logDensity(t, plus) - q.logDensity(t, minus)).cwiseQuotient(step);
    }
    const double noise = s.sqrtOneMinusAlphaBar(t);
    double largest = 0.0;
    QString report = compareReport(eps.cast<double>(), -noise * fdScore, &largest);
    QVERIFY2(largest < 2e-3 * std::max(1.0, fdScore.cwiseAbs().maxCoeff() * noise), qPrintable(report));
    report = compareReport(score.cast<double>(), fdScore, &largest);
    QVERIFY2(largest < 2e-3 * std::max(1.0, fdScore.cwiseAbs().maxCoeff()), qPrintable(report));
}

// ᾱ_T = 0: x_T carries no information, E[x_0 | x_T] is the data mean and ε* = x_T.
void TestOracleDenoiser::zeroTerminalSnrGivesPureNoise() {
    const Schedule s = makeSchedule(50, true);
    const Batch data = randomBatch(10, 2, 3);
    const Batch xt = randomBatch(25, 2, 4);
    Batch eps;
    dl::makeOracleDenoiser(data, s)(xt, 50, eps);
    QVERIFY((eps - xt).cwiseAbs().maxCoeff() < 1e-6);
    const Batch mean = dl::oraclePosteriorMean(data, s, xt, 50);
    QVERIFY(((mean.rowwise() - data.colwise().mean())).cwiseAbs().maxCoeff() < 1e-5);
}

// Far from the data every logit is hugely negative; the log-sum-exp must not turn that into 0/0.
void TestOracleDenoiser::farQueriesStayFinite() {
    const Schedule s = makeSchedule(1000);
    const Batch data = randomBatch(20, 2, 5);
    Batch xt(3, 2);
    xt << 1000.0f, -1000.0f, -500.0f, 0.0f, 0.0f, 300.0f;
    for (int t : {1, 2, 500}) {
        Batch eps;
        dl::makeOracleDenoiser(data, s)(xt, t, eps);
        QVERIFY2(eps.allFinite(), qPrintable(QString("t=%1").arg(t)));
        const dl::MarginalDensity q(data, s);
        QVERIFY(q.logDensity(t, xt).allFinite());
        QVERIFY(q.score(t, xt).allFinite());
    }
}

// Two points ±a: at x_t = 0 both weigh the same, E[x_0 | x_t] = 0; far on one side, it is that point.
void TestOracleDenoiser::posteriorMeanBetweenTwoPoints() {
    const Schedule s = makeSchedule(1000);
    Batch data(2, 2);
    data << 1.0f, 2.0f, -1.0f, -2.0f;
    Batch xt(2, 2);
    xt << 0.0f, 0.0f, 3.0f, 6.0f;
    const Batch mean = dl::oraclePosteriorMean(data, s, xt, 10);
    QVERIFY(mean.row(0).cwiseAbs().maxCoeff() < 1e-6);
    QVERIFY((mean.row(1) - data.row(0)).cwiseAbs().maxCoeff() < 1e-5);
}

void TestOracleDenoiser::subsampleKeepsOrderAndSize() {
    Batch data(100, 2);
    for (int i = 0; i < 100; ++i) data.row(i) << float(i), float(-i);
    dl::Rng a(5), b(5);
    const Batch sa = dl::subsampleRows(data, 30, a);
    const Batch sb = dl::subsampleRows(data, 30, b);
    QCOMPARE(sa.rows(), Eigen::Index{30});
    QCOMPARE(sa, sb);
    for (Eigen::Index i = 0; i < sa.rows(); ++i) {
        QCOMPARE(sa(i, 1), -sa(i, 0));
        if (i > 0) QVERIFY(sa(i, 0) > sa(i - 1, 0));
    }
    QCOMPARE(dl::subsampleRows(data, 500, a), data);
}

void TestOracleDenoiser::rejectsBadInput() {
    const Schedule s = makeSchedule(10);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeOracleDenoiser(Batch(0, 2), s));
    const dl::EpsilonPredictor oracle = dl::makeOracleDenoiser(randomBatch(4, 2, 1), s);
    Batch eps;
    QVERIFY_THROWS_EXCEPTION(dl::Error, oracle(randomBatch(3, 2, 2), 0, eps));
    QVERIFY_THROWS_EXCEPTION(dl::Error, oracle(randomBatch(3, 2, 2), 11, eps));
    QVERIFY_THROWS_EXCEPTION(dl::Error, oracle(randomBatch(3, 3, 2), 5, eps));
}

QTEST_APPLESS_MAIN(TestOracleDenoiser)
#include "tst_oracledenoiser.moc"
