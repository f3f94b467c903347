// Sampling points from a pixel density: y up, sub-pixel jitter, proportions follow the values,
// zero pixels are never used, and bad grids are refused.
#include <QtTest>
#include <cmath>
#include <vector>

#include "core/data/densitysampler.h"
#include "core/data/progress.h"
#include "core/math/error.h"
#include "core/math/rng.h"

class TestDensitySampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressStopsTheDraw() {
        // One bright pixel; 10⁶ points. The callback sees fractions in [0, 1) rising, and false stops the
        // draw.
        const std::vector<float> density{0.0f, 1.0f, 0.0f, 0.0f};
        std::vector<double> seen;
        dl::Rng rng(1);
        const dl::Batch all = dl::samplePointsFromDensity(density, 2, 2, 1'000'000, rng, [&](double f) {
            seen.push_back(f);
            return true;
        });
        QCOMPARE(all.rows(), 1'000'000);
        QVERIFY(seen.size() >= 10);
        QCOMPARE(seen.front(), 0.0);
        for (std::size_t i = 1; i < seen.size(); ++i) QVERIFY(seen[i] > seen[i - 1] && seen[i] < 1.0);
        int calls = 0;
        dl::Rng again(1);
        QVERIFY_THROWS_EXCEPTION(dl::Cancelled,
                                 dl::samplePointsFromDensity(density, 2, 2, 1'000'000, again,
                                                             [&](double) { return ++calls < 3; }));
        QCOMPARE(calls, 3);
    }

    void onePixelWithYUp();
    void proportionsFollowValues();
    void badGrids();
};

void TestDensitySampler::onePixelWithYUp() {
    // 4 wide, 3 tall; only the pixel at column 1 of the top row → x ∈ [1, 2), y ∈ [2, 3).
    std::vector<float> d(12, 0.0f);
    d[1] = 0.5f;
    dl::Rng rng(1);
    const dl::Batch p = dl::samplePointsFromDensity(d, 4, 3, 2000, rng);
    QVERIFY(p.col(0).minCoeff() >= 1.0f && p.col(0).maxCoeff() < 2.0f);
    QVERIFY(p.col(1).minCoeff() >= 2.0f && p.col(1).maxCoeff() < 3.0f);
    // Jitter fills the pixel rather than a single spot.
    QVERIFY(p.col(0).maxCoeff() - p.col(0).minCoeff() > 0.9f);
    QVERIFY(p.col(1).maxCoeff() - p.col(1).minCoeff() > 0.9f);
}

void TestDensitySampler::proportionsFollowValues() {
    // 2×1: left weight 1, right weight 3.
    const std::vector<float> d = {1.0f, 3.0f};
    dl::Rng rng(2), again(2);
    const int n = 40000;
    const dl::Batch p = dl::samplePointsFromDensity(d, 2, 1, n, rng);
    const double right = (p.col(0).array() >= 1.0f).cast<double>().sum() / n;
    QVERIFY2(std::abs(right - 0.75) < 0.01, qPrintable(QString::number(right)));
    QVERIFY(p == dl::samplePointsFromDensity(d, 2, 1, n, again));
}

void TestDensitySampler::badGrids() {
    dl::Rng rng(0);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplePointsFromDensity({0, 0, 0, 0}, 2, 2, 10, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplePointsFromDensity({1, 1, 1}, 2, 2, 10, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplePointsFromDensity({1, -1}, 2, 1, 10, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplePointsFromDensity({1, std::nanf("")}, 2, 1, 10, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplePointsFromDensity({1}, 1, 1, 0, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplePointsFromDensity({}, 0, 0, 10, rng));
    QCOMPARE(dl::densityMass({1.0f, 2.5f}), 3.5);
}

QTEST_GUILESS_MAIN(TestDensitySampler)
#include "tst_densitysampler.moc"
