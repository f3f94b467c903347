// 2D histograms on a shared grid and their total variation distance, on point sets small enough to count
// by hand: every point lands in the cell it lies in, masses sum to one with the outside part, identical
// sets are 0 apart, disjoint ones 1, and half-moved mass ½.
#include <QtTest>

#include "core/math/error.h"
#include "core/sampling/densityhistogram.h"

namespace {

dl::Batch points(std::initializer_list<std::pair<float, float>> xy) {
    dl::Batch b(static_cast<Eigen::Index>(xy.size()), 2);
    Eigen::Index i = 0;
    for (const auto& [x, y] : xy) {
        b(i, 0) = x;
        b(i, 1) = y;
        ++i;
    }
    return b;
}

}  // namespace

class TestDensityHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsByHand() {
        const dl::HistogramGrid grid{2, 0.0, 0.0, 2.0};  // cells of side 1
        const dl::Histogram2D h = dl::histogram2D(
            points({{0.5f, 0.5f}, {1.5f, 0.5f}, {1.5f, 1.5f}, {1.2f, 1.9f}, {3.f, 0.f}}), grid);
        QCOMPARE(h.at(0, 0), 0.2);
        QCOMPARE(h.at(1, 0), 0.2);
        QCOMPARE(h.at(0, 1), 0.0);
        QCOMPARE(h.at(1, 1), 0.4);
        QCOMPARE(h.outside, 0.2);
        QCOMPARE(h.maxMass(), 0.4);
    }

    void gridHoldsEveryPoint() {
        const dl::Batch b = points({{-3.f, 1.f}, {5.f, 2.f}, {0.f, 1.5f}});
        const dl::HistogramGrid grid = dl::histogramGridAround(b, 16);
        QVERIFY(grid.size > 8.0);  // the x extent (8) decides, plus the margin
        const dl::Histogram2D h = dl::histogram2D(b, grid);
        QCOMPARE(h.outside, 0.0);
        double sum = 0.0;
        for (double m : h.mass) sum += m;
        QVERIFY(std::abs(sum - 1.0) < 1e-12);
    }

    void totalVariationByHand() {
        const dl::HistogramGrid grid{2, 0.0, 0.0, 2.0};
        const dl::Histogram2D a = dl::histogram2D(points({{0.5f, 0.5f}, {1.5f, 1.5f}}), grid);
        const dl::Histogram2D same = dl::histogram2D(points({{1.5f, 1.5f}, {0.4f, 0.6f}}), grid);
        const dl::Histogram2D apart = dl::histogram2D(points({{1.5f, 0.5f}, {0.5f, 1.5f}}), grid);
        const dl::Histogram2D half = dl::histogram2D(points({{0.5f, 0.5f}, {9.f, 9.f}}), grid);
        QCOMPARE(dl::totalVariation(a, same), 0.0);
        QCOMPARE(dl::totalVariation(a, apart), 1.0);
        QCOMPARE(dl::totalVariation(a, half), 0.5);  // one point moved out of the grid
        QVERIFY_THROWS_EXCEPTION(
            dl::Error, dl::totalVariation(a, dl::histogram2D(points({{0.f, 0.f}}), {4, 0.0, 0.0, 2.0})));
    }

    void badInputIsRefused() {
        QVERIFY_THROWS_EXCEPTION(dl::Error, dl::histogramGridAround(dl::Batch(3, 1), 8));
        QVERIFY_THROWS_EXCEPTION(dl::Error, dl::histogramGridAround(dl::Batch(0, 2), 8));
        QVERIFY_THROWS_EXCEPTION(dl::Error, dl::histogramGridAround(points({{0.f, 0.f}}), 0));
    }
};

QTEST_APPLESS_MAIN(TestDensityHistogram)
#include "tst_densityhistogram.moc"
