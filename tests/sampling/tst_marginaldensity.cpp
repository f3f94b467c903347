// The exact density of q(x_t): a single point against the Gaussian formula, a mixture against the average of
// its components, normalisation on a grid, and the standard normal at zero terminal SNR.
#include <QtTest>
#include <cmath>
#include <numbers>

#include "core/math/error.h"
#include "core/math/rng.h"
#include "core/sampling/marginaldensity.h"

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

/// log N(x; μ, v I) in d dimensions.
double logGaussian(const Eigen::RowVectorXd& x, const Eigen::RowVectorXd& mu, double v) {
    const double d = static_cast<double>(x.size());
    return -(x - mu).squaredNorm() / (2.0 * v) - 0.5 * d * std::log(2.0 * std::numbers::pi * v);
}

/// An M×M grid over [−L, L]², row-major, and the area of one cell.
Batch grid(int M, float L, double* cell) {
    Batch g(M * M, 2);
    const float step = 2.0f * L / static_cast<float>(M - 1);
    for (int i = 0; i < M; ++i)
        for (int j = 0; j < M; ++j) g.row(i * M + j) << -L + step * j, -L + step * i;
    *cell = double(step) * double(step);
    return g;
}

}  // namespace

class TestMarginalDensity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void singlePointIsGaussian();
    void mixtureIsAverageOfComponents();
    void integratesToOne_data();
    void integratesToOne();
    void zeroTerminalSnrIsStandardNormal();
    void rejectsBadInput();
};

void TestMarginalDensity::singlePointIsGaussian() {
    const Schedule s = makeSchedule(200);
    Batch point(1, 2);
    point << 1.5f, -0.5f;
    const dl::MarginalDensity q(point, s);
    Batch x(3, 2);
    x << 0.0f, 0.0f, 1.4f, -0.4f, -3.0f, 2.0f;
    for (int t : {1, 30, 200}) {
        const Eigen::VectorXd got = q.logDensity(t, x);
        for (int r = 0; r < 3; ++r) {
            const double want =
                logGaussian(x.row(r).cast<double>(), s.sqrtAlphaBar(t) * point.row(0).cast<double>(),
                            1.0 - s.alphaBar(t));
            QVERIFY2(std::abs(got[r] - want) < 1e-9 * std::max(1.0, std::abs(want)),
                     qPrintable(QString("t=%1 row %2: %3 vs %4").arg(t).arg(r).arg(got[r]).arg(want)));
        }
    }
}

void TestMarginalDensity::mixtureIsAverageOfComponents() {
    const Schedule s = makeSchedule(200);
    Batch data(3, 2);
    data << 1.0f, 0.0f, -1.0f, 0.5f, 0.2f, -2.0f;
    const dl::MarginalDensity q(data, s);
    Batch x(2, 2);
    x << 0.3f, 0.1f, -0.7f, 0.4f;
    const int t = 40;
    const Eigen::VectorXd got = q.density(t, x);
    for (int r = 0; r < 2; ++r) {
        double want = 0.0;
        for (int i = 0; i < 3; ++i)
            want +=
                std::exp(logGaussian(x.row(r).cast<double>(), s.sqrtAlphaBar(t) * data.row(i).cast<double>(),
                                     1.0 - s.alphaBar(t))) /
                3.0;
        QVERIFY2(std::abs(got[r] / want - 1.0) < 1e-9, qPrintable(QString("%1 vs %2").arg(got[r]).arg(want)));
    }
}

void TestMarginalDensity::integratesToOne_data() {
    QTest::addColumn<int>("t");
    QTest::newRow("t=50") << 50;
    QTest::newRow("t=200") << 200;
    QTest::newRow("t=1000") << 1000;
}

void TestMarginalDensity::integratesToOne() {
    QFETCH(int, t);
    const Schedule s = makeSchedule(1000);
    dl::Rng rng(3);
    Batch data(25, 2);
    rng.fillNormal(data);
    const dl::MarginalDensity q(data, s);
    double cell = 0.0;
    const Batch g = grid(301, 7.0f, &cell);
    const double mass = q.density(t, g).sum() * cell;
    QVERIFY2(std::abs(mass - 1.0) < 2e-3, qPrintable(QString("mass %1").arg(mass, 0, 'g', 8)));
}

void TestMarginalDensity::zeroTerminalSnrIsStandardNormal() {
    const Schedule s = makeSchedule(20, true);
    Batch data(4, 2);
    data << 3.0f, 3.0f, -3.0f, 1.0f, 0.0f, 2.0f, 1.0f, -1.0f;
    const dl::MarginalDensity q(data, s);
    Batch x(2, 2);
    x << 0.0f, 0.0f, 1.0f, -2.0f;
    const Eigen::VectorXd got = q.logDensity(20, x);
    for (int r = 0; r < 2; ++r)
        QVERIFY(std::abs(got[r] - logGaussian(x.row(r).cast<double>(), Eigen::RowVectorXd::Zero(2), 1.0)) <
                1e-12);
    const Batch score = q.score(20, x);
    QVERIFY((score + x).cwiseAbs().maxCoeff() < 1e-6);  // ∇log N(0, I) = −x
}

void TestMarginalDensity::rejectsBadInput() {
    const Schedule s = makeSchedule(10);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::MarginalDensity(Batch(0, 2), s));
    const dl::MarginalDensity q(Batch::Zero(2, 2), s);
    QVERIFY_THROWS_EXCEPTION(dl::Error, q.logDensity(0, Batch::Zero(1, 2)));
    QVERIFY_THROWS_EXCEPTION(dl::Error, q.logDensity(11, Batch::Zero(1, 2)));
    QVERIFY_THROWS_EXCEPTION(dl::Error, q.score(5, Batch::Zero(1, 3)));
}

QTEST_APPLESS_MAIN(TestMarginalDensity)
#include "tst_marginaldensity.moc"
