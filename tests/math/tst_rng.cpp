// The seeded random source: reproducible streams and the right distributions.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/math/rng.h"

class TestRng : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameNumbers();
    void uniformIntCoversTheRangeEvenly();
    void normalHasUnitMoments();
    void normalFollowsTheDistributionFunction();
    void normalTailsHaveTheirMass();
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

namespace {
double standardNormalCdf(double x) {
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}
}  // namespace

// Kolmogorov–Smirnov against Φ: with n = 200,000 draws, √n·D exceeds 1.95 with probability 0.001 for a
// correct generator; a ziggurat with a wrong layer edge or wedge test is off by far more.
void TestRng::normalFollowsTheDistributionFunction() {
    dl::Rng rng(17);
    const int n = 200000;
    std::vector<double> z(n);
    for (double& v : z) v = rng.normal();
    std::sort(z.begin(), z.end());
    double d = 0.0;
    for (int i = 0; i < n; ++i) {
        const double cdf = standardNormalCdf(z[static_cast<std::size_t>(i)]);
        d = std::max(
            {d, std::abs(cdf - static_cast<double>(i) / n), std::abs(cdf - static_cast<double>(i + 1) / n)});
    }
    QVERIFY2(std::sqrt(static_cast<double>(n)) * d < 1.95, qPrintable(QString::number(d)));
}

// The ziggurat draws beyond r ≈ 3.44 from a separate tail method, and near the layers' edges from the
// wedge test: count draws in bands around both against their normal probabilities (5 standard errors).
void TestRng::normalTailsHaveTheirMass() {
    dl::Rng rng(23);
    const int n = 2000000;
    const std::vector<std::pair<double, double>> bands = {
        {3.0, 3.44}, {3.44, 4.0}, {4.0, 10.0}, {0.0, 0.2}, {2.2, 2.3}};
    std::vector<int> counts(bands.size(), 0);
    for (int i = 0; i < n; ++i) {
        const double a = std::abs(rng.normal());
        for (std::size_t b = 0; b < bands.size(); ++b)
            if (a >= bands[b].first && a < bands[b].second) ++counts[b];
    }
    for (std::size_t b = 0; b < bands.size(); ++b) {
        const double p = 2.0 * (standardNormalCdf(bands[b].second) - standardNormalCdf(bands[b].first));
        const double expected = p * n, sd = std::sqrt(n * p * (1.0 - p));
        QVERIFY2(std::abs(counts[b] - expected) < 5.0 * sd,
                 qPrintable(QStringLiteral("|z| in [%1, %2): %3 draws, expected %4")
                                .arg(bands[b].first)
                                .arg(bands[b].second)
                                .arg(counts[b])
                                .arg(expected)));
    }
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
