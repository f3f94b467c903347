// Hand-drawn strokes: the documented point count, every point within the brush of its stroke,
// points spread evenly along the stroke, determinism, and clear errors.
#include <QtTest>
#include <cmath>

#include "core/data/strokes.h"
#include "core/math/error.h"

namespace {

double distanceToSegment(const Eigen::Vector2d& p, const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
    const Eigen::Vector2d ab = b - a;
    const double u = ab.squaredNorm() > 0 ? std::clamp((p - a).dot(ab) / ab.squaredNorm(), 0.0, 1.0) : 0.0;
    return (a + u * ab - p).norm();
}

}  // namespace

class TestStrokes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsFollowLengthAndDensity();
    void pointsStayInTheBrush();
    void evenAlongTheStroke();
    void deterministic();
    void badInput();
};

void TestStrokes::countsFollowLengthAndDensity() {
    // An L of length 2, a dab, and an empty stroke (ignored).
    const std::vector<dl::Stroke> strokes = {{{0, 0}, {1, 0}, {1, 1}}, {{5, 5}}, {}};
    QCOMPARE(dl::strokePointCount(strokes, 0.0f, 100.0f), 200 + 1);    // a dab of radius 0 still gets 1
    QCOMPARE(dl::strokePointCount(strokes, 0.25f, 100.0f), 200 + 50);  // dab = 2r long
    dl::Rng rng(1);
    QCOMPARE(dl::pointsFromStrokes(strokes, 0.25f, 100.0f, rng).rows(), 250);
}

void TestStrokes::pointsStayInTheBrush() {
    const dl::Stroke stroke = {{0, 0}, {3, 0}, {3, 2}};
    dl::Rng rng(2);
    for (float radius : {0.0f, 0.3f}) {
        const dl::Batch p = dl::pointsFromStrokes({stroke}, radius, 500.0f, rng);
        double farthest = 0;
        for (Eigen::Index i = 0; i < p.rows(); ++i) {
            const Eigen::Vector2d q = p.row(i).cast<double>().transpose();
            const double d =
                std::min(distanceToSegment(q, {0, 0}, {3, 0}), distanceToSegment(q, {3, 0}, {3, 2}));
            farthest = std::max(farthest, d);
        }
        QVERIFY2(farthest <= radius + 1e-5, qPrintable(QString::number(farthest)));
        if (radius > 0) QVERIFY(farthest > 0.8 * radius);  // the brush is actually used
    }
}

void TestStrokes::evenAlongTheStroke() {
    // Segment 1 is 3 long, segment 2 is 1 long: 3/4 of the points on the first.
    const dl::Stroke stroke = {{0, 0}, {3, 0}, {3, 1}};
    dl::Rng rng(3);
    const dl::Batch p = dl::pointsFromStrokes({stroke}, 0.0f, 10000.0f, rng);
    int onFirst = 0;
    for (Eigen::Index i = 0; i < p.rows(); ++i)
        onFirst += (p(i, 1) < 1e-6f && p(i, 0) < 3.0f - 1e-6f) ? 1 : 0;
    QVERIFY2(std::abs(onFirst / double(p.rows()) - 0.75) < 0.01, qPrintable(QString::number(onFirst)));
}

void TestStrokes::deterministic() {
    // Same seed, same points; another seed, other points. Both sides must hold the promised count, so a
    // function returning nothing (or ignoring the seed) fails here.
    const std::vector<dl::Stroke> strokes = {{{0, 0}, {1, 1}}, {{2, 0}, {2, 1}, {3, 1}}};
    const int expected = dl::strokePointCount(strokes, 0.1f, 300.0f);
    QVERIFY(expected > 100);
    dl::Rng a(9), b(9), c(10);
    const dl::Batch first = dl::pointsFromStrokes(strokes, 0.1f, 300.0f, a);
    QCOMPARE(first.rows(), Eigen::Index(expected));
    QCOMPARE(first.cols(), Eigen::Index(2));
    QVERIFY(first == dl::pointsFromStrokes(strokes, 0.1f, 300.0f, b));
    const dl::Batch other = dl::pointsFromStrokes(strokes, 0.1f, 300.0f, c);
    QCOMPARE(other.rows(), first.rows());
    QVERIFY(other != first);
}

void TestStrokes::badInput() {
    dl::Rng rng(0);
    const std::vector<dl::Stroke> ok = {{{0, 0}, {1, 0}}};
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointsFromStrokes({}, 0.1f, 10.0f, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointsFromStrokes({{}, {}}, 0.1f, 10.0f, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointsFromStrokes(ok, -1.0f, 10.0f, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointsFromStrokes(ok, 0.1f, 0.0f, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointsFromStrokes(ok, 0.1f, std::nanf(""), rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error,
                             dl::pointsFromStrokes({{{0, 0}, {std::nanf(""), 1}}}, 0.1f, 10.0f, rng));
    try {
        dl::strokePointCount({{{0, 0}, {1e6f, 0}}}, 0.0f, 1e3f);
        QFAIL("10^9 points accepted");
    } catch (const dl::Error& e) {
        QVERIFY(QString(e.what()).contains("more than the limit"));
    }
}

QTEST_GUILESS_MAIN(TestStrokes)
#include "tst_strokes.moc"
