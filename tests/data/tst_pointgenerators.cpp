// The built-in 2D shapes: every generator is deterministic per seed, makes any N, and has the
// statistics its documentation promises (radii, centres, halves, squares). Also the normalisation.
#include <QtTest>
#include <cmath>
#include <numbers>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/error.h"

namespace {

Eigen::Vector2d meanOf(const dl::Batch& p, int begin, int end) {
    return p.middleRows(begin, end - begin).cast<double>().colwise().mean().transpose();
}

std::vector<double> radii(const dl::Batch& p) {
    std::vector<double> r(static_cast<std::size_t>(p.rows()));
    for (Eigen::Index i = 0; i < p.rows(); ++i)
        r[static_cast<std::size_t>(i)] = p.row(i).cast<double>().norm();
    return r;
}

double meanOfRange(const std::vector<double>& v, std::size_t begin, std::size_t end, std::size_t stride = 1) {
    double s = 0;
    std::size_t count = 0;
    for (std::size_t i = begin; i < end; i += stride, ++count) s += v[i];
    return s / static_cast<double>(count);
}

}  // namespace

class TestPointGenerators : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesInOrder();
    void everyShapeIsSeededAndSized_data();
    void everyShapeIsSeededAndSized();
    void moonsHalves();
    void swissRollRadius();
    void gaussians8Centres();
    void circlesRadii();
    void checkerboardSquares();
    void spiralArms();
    void pinwheelBlades();
    void gaussianMoments();
    void badArguments();
    void cancelledInsideTheLoop_data();
    void cancelledInsideTheLoop();
    void normalisationIsDocumented();
    void badDataSets();
};

void TestPointGenerators::namesInOrder() {
    const std::vector<std::string> expected = {"moons",        "swissroll", "gaussians8", "circles",
                                               "checkerboard", "spiral",    "pinwheel",   "gaussian"};
    QCOMPARE(dl::builtInPointShapes(), expected);
    QCOMPARE(dl::pointShapeTitle("moons"), std::string_view("Two moons"));
}

void TestPointGenerators::everyShapeIsSeededAndSized_data() {
    QTest::addColumn<QString>("name");
    for (const auto& name : dl::builtInPointShapes())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestPointGenerators::everyShapeIsSeededAndSized() {
    QFETCH(QString, name);
    const std::string n = name.toStdString();
    for (int count : {1, 2, 7, 1001}) {
        dl::Rng a(11), b(11), c(12);
        const dl::Batch pa = dl::generatePoints(n, count, a);
        QCOMPARE(pa.rows(), count);
        QCOMPARE(pa.cols(), 2);
        QVERIFY(pa.allFinite());
        QVERIFY(pa == dl::generatePoints(n, count, b));
        if (count > 1) QVERIFY(pa != dl::generatePoints(n, count, c));
    }
}

void TestPointGenerators::moonsHalves() {
    dl::Rng rng(1);
    const int n = 20000;
    const dl::Batch p = dl::makeMoons(n, rng);
    // Upper moon: centre (0, 0), radius 1, mean (0, 2/π); lower: centre (1, 0.5), mean (1, 0.5 − 2/π).
    const Eigen::Vector2d upper = meanOf(p, 0, n / 2), lower = meanOf(p, n / 2, n);
    QVERIFY2((upper - Eigen::Vector2d(0, 2 / std::numbers::pi)).norm() < 0.02,
             qPrintable(QString::number(upper.y())));
    QVERIFY2((lower - Eigen::Vector2d(1, 0.5 - 2 / std::numbers::pi)).norm() < 0.02,
             qPrintable(QString::number(lower.y())));
    for (int i = 0; i < n / 2; ++i) QVERIFY(std::abs(p.row(i).cast<double>().norm() - 1.0) < 0.3);
}

void TestPointGenerators::swissRollRadius() {
    dl::Rng rng(2);
    const dl::Batch p = dl::makeSwissRoll(20000, rng);
    const auto r = radii(p);
    // r ≈ t ~ U(1.5π, 4.5π): mean 3π, and nothing far outside the range.
    QVERIFY2(std::abs(meanOfRange(r, 0, r.size()) - 3 * std::numbers::pi) < 0.1,
             qPrintable(QString::number(meanOfRange(r, 0, r.size()))));
    for (double v : r) QVERIFY(v > 1.5 * std::numbers::pi - 1.5 && v < 4.5 * std::numbers::pi + 1.5);
}

void TestPointGenerators::gaussians8Centres() {
    dl::Rng rng(3);
    const int n = 8000;
    const dl::Batch p = dl::makeGaussians8(n, rng);
    for (int k = 0; k < 8; ++k) {
        Eigen::Vector2d mean(0, 0),
            centre(2 * std::cos(k * std::numbers::pi / 4), 2 * std::sin(k * std::numbers::pi / 4));
        double var = 0;
        for (int i = k; i < n; i += 8) mean += p.row(i).cast<double>().transpose();
        mean /= n / 8;
        for (int i = k; i < n; i += 8) var += (p.row(i).cast<double>().transpose() - mean).squaredNorm();
        var /= 2.0 * (n / 8);
        QVERIFY2((mean - centre).norm() < 0.02, qPrintable(QStringLiteral("centre %1").arg(k)));
        QVERIFY2(std::abs(std::sqrt(var) - 0.1) < 0.01, qPrintable(QString::number(std::sqrt(var))));
    }
}

void TestPointGenerators::circlesRadii() {
    dl::Rng rng(4);
    const int n = 10000;
    const dl::Batch p = dl::makeCircles(n, rng);
    const auto r = radii(p);
    QVERIFY(std::abs(meanOfRange(r, 0, n / 2) - 1.0) < 0.005);
    QVERIFY(std::abs(meanOfRange(r, n / 2, n) - 0.5) < 0.005);
    // Angles are uniform: the mean of each circle is near its centre (0, 0).
    QVERIFY(meanOf(p, 0, n / 2).norm() < 0.05);
}

void TestPointGenerators::checkerboardSquares() {
    dl::Rng rng(5);
    const int n = 16000;
    const dl::Batch p = dl::makeCheckerboard(n, rng);
    std::vector<int> counts(16, 0);
    for (int i = 0; i < n; ++i) {
        const double x = p(i, 0), y = p(i, 1);
        QVERIFY(x >= -2 && x < 2 && y >= -2 && y < 2);
        const int cx = static_cast<int>(std::floor(x)) + 2, cy = static_cast<int>(std::floor(y)) + 2;
        QVERIFY2((cx + cy) % 2 == 0,
                 qPrintable(QStringLiteral("point (%1, %2) on a light square").arg(x).arg(y)));
        ++counts[static_cast<std::size_t>(cy * 4 + cx)];
    }
    for (int k = 0; k < 16; ++k)
        if ((k % 4 + k / 4) % 2 == 0)
            QVERIFY2(std::abs(counts[static_cast<std::size_t>(k)] - n / 8) < 5 * std::sqrt(n / 8.0),
                     qPrintable(QString::number(counts[static_cast<std::size_t>(k)])));
}

void TestPointGenerators::spiralArms() {
    dl::Rng rng(6);
    const int n = 20000;
    const dl::Batch p = dl::makeSpiral(n, rng);
    // θ = 3π√u has mean 2π; r ≈ θ. The two arms are point reflections of each other.
    const auto r = radii(p);
    QVERIFY2(std::abs(meanOfRange(r, 0, r.size()) - 2 * std::numbers::pi) < 0.1,
             qPrintable(QString::number(meanOfRange(r, 0, r.size()))));
    // Mean of each arm: the odd arm's is minus the even arm's, within 5 standard errors of the difference
    // of two sample means (a spread of ≈ 4.7 per coordinate, so ≈ 0.07 for 10,000 points per arm).
    const Eigen::MatrixXd even = p(Eigen::seq(0, n - 1, 2), Eigen::all).cast<double>();
    const Eigen::MatrixXd odd = p(Eigen::seq(1, n - 1, 2), Eigen::all).cast<double>();
    const Eigen::RowVector2d meanEven = even.colwise().mean(), meanOdd = odd.colwise().mean();
    for (int c = 0; c < 2; ++c) {
        const double varEven = (even.col(c).array() - meanEven[c]).square().mean();
        const double varOdd = (odd.col(c).array() - meanOdd[c]).square().mean();
        const double standardError = std::sqrt(varEven / even.rows() + varOdd / odd.rows());
        QVERIFY2(std::abs(meanEven[c] + meanOdd[c]) < 5.0 * standardError,
                 qPrintable(QStringLiteral("coordinate %1: arm means %2 and %3, standard error %4")
                                .arg(c)
                                .arg(meanEven[c])
                                .arg(meanOdd[c])
                                .arg(standardError)));
    }
    QVERIFY(meanEven.norm() > 0.5);  // each arm alone is off-centre
}

void TestPointGenerators::pinwheelBlades() {
    dl::Rng rng(7);
    const int n = 10000;
    const dl::Batch p = dl::makePinwheel(n, rng);
    const auto r = radii(p);
    // |2·(radial, tangential)| with radial ~ N(1, 0.3²): mean ≈ 2.
    QVERIFY2(std::abs(meanOfRange(r, 0, r.size()) - 2.0) < 0.05,
             qPrintable(QString::number(meanOfRange(r, 0, r.size()))));
    // Blades are 72° apart: the mean direction of blade k+1 is blade k's turned by 2π/5.
    std::vector<double> angle(5);
    for (int k = 0; k < 5; ++k) {
        const Eigen::Vector2d m = [&] {
            Eigen::Vector2d s(0, 0);
            for (int i = k; i < n; i += 5) s += p.row(i).cast<double>().transpose();
            return s;
        }();
        angle[static_cast<std::size_t>(k)] = std::atan2(m.y(), m.x());
    }
    for (int k = 0; k < 4; ++k) {
        double d = angle[static_cast<std::size_t>(k + 1)] - angle[static_cast<std::size_t>(k)];
        d = std::remainder(d, 2 * std::numbers::pi);
        QVERIFY2(std::abs(d - 2 * std::numbers::pi / 5) < 0.05, qPrintable(QString::number(d)));
    }
}

void TestPointGenerators::gaussianMoments() {
    dl::Rng rng(8);
    const dl::Batch p = dl::makeGaussian(40000, rng);
    const Eigen::Vector2d mean = meanOf(p, 0, 40000);
    QVERIFY(mean.norm() < 0.02);
    const Eigen::MatrixXd centred = p.cast<double>().rowwise() - mean.transpose();
    const Eigen::Matrix2d cov = centred.transpose() * centred / 40000.0;
    QVERIFY2((cov - Eigen::Matrix2d::Identity()).cwiseAbs().maxCoeff() < 0.03,
             qPrintable(QString::number(cov(0, 0))));
}

void TestPointGenerators::badArguments() {
    dl::Rng rng(0);
    try {
        dl::generatePoints("banana", 10, rng);
        QFAIL("unknown name accepted");
    } catch (const dl::Error& e) {
        QVERIFY(QString(e.what()).contains("banana"));
        QVERIFY(QString(e.what()).contains("checkerboard"));
    }
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::generatePoints("moons", 0, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::generatePoints("moons", 5'000'001, rng));
}

void TestPointGenerators::cancelledInsideTheLoop_data() {
    QTest::addColumn<QString>("name");
    for (const std::string& name : dl::builtInPointShapes())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestPointGenerators::cancelledInsideTheLoop() {
    // A huge load is stopped from inside the generator: the callback says no on its third call, and the
    // generator throws Cancelled right there, after 2 × 16,384 points of 5·10⁶, not at the end.
    QFETCH(QString, name);
    const int n = 5'000'000;
    dl::Rng rng(4);
    std::vector<double> fractions;
    const dl::ProgressCallback stopAtThird = [&](double f) {
        fractions.push_back(f);
        return fractions.size() < 3;
    };
    QVERIFY_THROWS_EXCEPTION(dl::Cancelled, dl::generatePoints(name.toStdString(), n, rng, stopAtThird));
    QCOMPARE(fractions.size(), std::size_t(3));
    QCOMPARE(fractions[0], 0.0);
    QVERIFY(fractions[1] > 0.0 && fractions[2] > fractions[1]);
    QVERIFY2(fractions[2] < 0.01, qPrintable(QStringLiteral("asked first at %1").arg(fractions[2])));

    // Asking does not change the points: the same seed gives the same points with and without a callback.
    const int m = 40'000;  // three checks
    dl::Rng a(11), b(11);
    int calls = 0;
    const dl::Batch plain = dl::generatePoints(name.toStdString(), m, a);
    const dl::Batch asked = dl::generatePoints(name.toStdString(), m, b, [&](double) {
        ++calls;
        return true;
    });
    QCOMPARE(calls, 3);
    QVERIFY(plain == asked);
}

void TestPointGenerators::normalisationIsDocumented() {
    dl::Rng rng(9);
    const dl::Batch raw = dl::generatePoints("swissroll", 5000, rng);
    const dl::DataSet set = dl::makePointDataSet("swissroll", raw);
    QCOMPARE(set.kind, dl::DataKind::Points2D);
    QCOMPARE(set.size(), 5000);
    QCOMPARE(set.dim(), 2);
    // Mean 0 on each axis, one common scale with mean square 1.
    const Eigen::Vector2d mean = set.points.cast<double>().colwise().mean().transpose();
    QVERIFY(mean.norm() < 1e-4);
    QVERIFY(std::abs(set.points.cast<double>().squaredNorm() / set.points.size() - 1.0) < 1e-4);
    QVERIFY((set.norm.toData(set.points) - raw).cwiseAbs().maxCoeff() < 1e-4);
}

void TestPointGenerators::badDataSets() {
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makePointDataSet("x", dl::Batch(0, 2)));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makePointDataSet("x", dl::Batch::Zero(3, 3)));
    dl::Batch nan = dl::Batch::Zero(3, 2);
    nan(1, 1) = std::nanf("");
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makePointDataSet("x", nan));
    const dl::DataSet image = dl::makeImageDataSet("img", dl::Batch::Constant(2, 12, 255.0f), {2, 2, 3});
    QCOMPARE(image.kind, dl::DataKind::Image);
    QCOMPARE(image.points.maxCoeff(), 1.0f);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeImageDataSet("img", dl::Batch::Zero(2, 11), {2, 2, 3}));
}

QTEST_GUILESS_MAIN(TestPointGenerators)
#include "tst_pointgenerators.moc"
