// The seeded random source: reproducible streams and the right distributions.
#include <QtTest>
#include <cmath>

#include "core/math/rng.h"

class TestRng : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameNumbers();
    void uniformIntCoversTheRangeEvenly();
    void normalHasUnitMoments();
    void splitStreamsDiffer();
};

void TestRng::sameSeedSameNumbers() {
    dl::Rng a(123), b(123), c(124);
    bool anyDifferent = false;
    for (int i = 0; i < 100; ++i) {
        const auto x = a.nextU64();
        QCOMPARE(x, b.nextU64());
        anyDifferent |= x != c.nextU64();
    }
    QVERIFY(anyDifferent);
}

void TestRng::uniformIntCoversTheRangeEvenly() {
    dl::Rng rng(9);
    std::vector<int> counts(7, 0);
    const int n = 70000;
    for (int i = 0; i < n; ++i) {
        const int v = rng.uniformInt(3, 9);
        QVERIFY(v >= 3 && v <= 9);
        ++counts[v - 3];
    }
    for (int c : counts)
        QVERIFY2(std::abs(c - n / 7) < 5 * std::sqrt(n / 7.0), qPrintable(QString::number(c)));
}

void TestRng::normalHasUnitMoments() {
    dl::Rng rng(3);
    dl::Batch x(50000, 2);
    rng.fillNormal(x);
    const double mean = x.cast<double>().mean();
    const double var = (x.cast<double>().array() - mean).square().mean();
    const double kurt = (x.cast<double>().array() - mean).pow(4).mean() / (var * var);
    QVERIFY2(std::abs(mean) < 0.02, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(var - 1.0) < 0.02, qPrintable(QString::number(var)));
    QVERIFY2(std::abs(kurt - 3.0) < 0.1, qPrintable(QString::number(kurt)));
}

void TestRng::splitStreamsDiffer() {
    dl::Rng base(1);
    dl::Rng s1 = base.split(1), s1again = base.split(1), s2 = base.split(2);
    const auto v = s1.nextU64();
    QCOMPARE(v, s1again.nextU64());
    QVERIFY(v != s2.nextU64());
}

QTEST_APPLESS_MAIN(TestRng)
#include "tst_rng.moc"
