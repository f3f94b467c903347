// The cell-list posterior mean behind the fast 2D exact denoiser: against the full softmax over every data
// point in double precision, its largest error over many queries and timesteps must stay within the stated
// tolerance, while it evaluates only a fraction of the (query, point) pairs at small t. The first pairs
// and the largest difference are printed on failure.
#include <QtTest>
#include <cmath>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/error.h"
#include "core/math/forwardprocess.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/sampling/cellposterior.h"
#include "core/sampling/mixtureposterior.h"
#include "core/sampling/oracledenoiser.h"

using dl::Batch;

namespace {

dl::Schedule defaultSchedule() {
    dl::ScheduleParams p;
    p.T = 150;
    p.betaStart = 0.001;
    p.betaEnd = 0.133;
    return dl::Schedule(p);
}

Batch dataOf(const char* name, int n, std::uint64_t seed) {
    dl::Rng rng(seed);
    return dl::makePointDataSet(name, dl::generatePoints(name, n, rng)).points;
}

/// x_t for a fresh draw of the data plus a few queries far outside it.
Batch queriesAt(const Batch& data, const dl::Schedule& s, int t, std::uint64_t seed) {
    dl::Rng rng(seed);
    Batch x0 = data.topRows(std::min<Eigen::Index>(300, data.rows()));
    Batch eps(x0.rows(), 2);
    rng.fillNormal(eps);
    Batch xt = dl::noiseToStep(s, x0, t, eps);
    Batch out(xt.rows() + 3, 2);
    out << xt, Batch::Constant(1, 2, 9.0f), Batch::Constant(1, 2, -7.0f),
        (Batch(1, 2) << 0.0f, 25.0f).finished();
    return out;
}

}  // namespace

class TestCellPosterior : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withinToleranceOfTheFullSoftmax_data();
    void withinToleranceOfTheFullSoftmax();
    void skipsMostPairsAtSmallT();
    void denoiserUsesIt();
    void badInput();
};

void TestCellPosterior::withinToleranceOfTheFullSoftmax_data() {
    QTest::addColumn<QString>("shape");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("moons 1e-4") << QStringLiteral("moons") << 1e-4;
    QTest::newRow("swissroll 1e-4") << QStringLiteral("swissroll") << 1e-4;
    QTest::newRow("gaussians8 1e-3") << QStringLiteral("gaussians8") << 1e-3;
    QTest::newRow("checkerboard 1e-2") << QStringLiteral("checkerboard") << 1e-2;
}

void TestCellPosterior::withinToleranceOfTheFullSoftmax() {
    QFETCH(QString, shape);
    QFETCH(double, tolerance);
    const Batch data = dataOf(shape.toLatin1().constData(), 3000, 4);
    const dl::CellListPosterior cells(data, tolerance);
    const dl::MixtureData<double> full = dl::makeMixtureData<double>(data);
    const dl::Schedule s = defaultSchedule();
    double worst = 0.0;
    int worstT = 0;
    for (int t : {1, 2, 5, 10, 20, 40, 80, 150}) {
        const Batch q = queriesAt(data, s, t, 100 + t);
        Batch approx;
        cells.mean(s.alphaBar(t), q, approx);
        dl::MixtureData<double>::Rows exact;
        dl::mixturePosterior<double>(full, s.alphaBar(t), q.cast<double>(), nullptr, &exact);
        for (Eigen::Index r = 0; r < q.rows(); ++r) {
            const double err = (approx.row(r).cast<double>() - exact.row(r)).norm();
            if (err > worst) worst = err, worstT = t;
            if (err > tolerance + 1e-5)
                qWarning("t=%d row %lld: approx (%g, %g) exact (%g, %g)", t, static_cast<long long>(r),
                         approx(r, 0), approx(r, 1), exact(r, 0), exact(r, 1));
        }
    }
    qInfo("%s: largest error %.3g at t=%d (tolerance %.3g)", qPrintable(shape), worst, worstT, tolerance);
    // Float output: add its rounding (≈1e-7 relative on coordinates of order 1) to the stated bound.
    QVERIFY2(worst <= tolerance + 1e-5, qPrintable(QStringLiteral("largest error %1").arg(worst)));
}

void TestCellPosterior::skipsMostPairsAtSmallT() {
    const Batch data = dataOf("moons", 8000, 1);
    const dl::CellListPosterior cells(data, dl::kOracleTolerance);
    const dl::Schedule s = defaultSchedule();
    const Batch q = queriesAt(data, s, 1, 5);
    Batch out;
    std::int64_t pairs = 0;
    cells.mean(s.alphaBar(1), q, out, &pairs);
    const double fraction = double(pairs) / (double(q.rows()) * double(data.rows()));
    qInfo("t=1: %.4f of the pairs evaluated", fraction);
    QVERIFY(fraction < 0.1);
    // At t = T every point matters: it falls back to all of them.
    pairs = 0;
    cells.mean(s.alphaBar(150), q, out, &pairs);
    QCOMPARE(pairs, static_cast<std::int64_t>(q.rows()) * data.rows());
}

void TestCellPosterior::denoiserUsesIt() {
    // The default exact denoiser (pruned) against ε* from the full softmax in double: within the bound on ε
    // that follows from the one on the mean, √ᾱ/√(1−ᾱ)·tolerance (plus float rounding).
    const Batch data = dataOf("swissroll", 2000, 2);
    const dl::Schedule s = defaultSchedule();
    const dl::EpsilonPredictor fast = dl::makeOracleDenoiser(data, s);
    const dl::MixtureData<double> full = dl::makeMixtureData<double>(data);
    for (int t : {1, 10, 60}) {
        const Batch q = queriesAt(data, s, t, t);
        Batch eps;
        fast(q, t, eps);
        const double ab = s.alphaBar(t), v = 1.0 - ab;
        dl::MixtureData<double>::Rows mean;
        dl::mixturePosterior<double>(full, ab, q.cast<double>(), nullptr, &mean);
        const Eigen::MatrixXd exact = (q.cast<double>() - std::sqrt(ab) * mean) / std::sqrt(v);
        const double bound = std::sqrt(ab / v) * (dl::kOracleTolerance + 1e-5) + 1e-4;
        const double err = (eps.cast<double>() - exact).rowwise().norm().maxCoeff();
        QVERIFY2(err <= bound,
                 qPrintable(QStringLiteral("t=%1: %2 against bound %3").arg(t).arg(err).arg(bound)));
    }
}

void TestCellPosterior::badInput() {
    const Batch data = dataOf("moons", 100, 1);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::CellListPosterior(data, 0.0));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::CellListPosterior(Batch::Zero(10, 3), 1e-4));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeOracleDenoiser(data, defaultSchedule(), -1.0));
}

QTEST_APPLESS_MAIN(TestCellPosterior)
#include "tst_cellposterior.moc"
