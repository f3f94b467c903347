// Honest quality figures: finite data are split at random into training and held-out rows (disjoint,
// reproducible, independent of the rows' order); the reference and the floor are disjoint subsets of
// unseen data; the check looks at a bounded number of rows whatever the data's size; and a model that
// memorises its training rows (the exact denoiser) beats the floor only when scored against those rows.
#include <QTest>
#include <algorithm>
#include <set>
#include <utility>

#include "core/data/heldout.h"
#include "core/data/pointgenerators.h"
#include "core/sampling/metrics.h"
#include "core/sampling/oracledenoiser.h"
#include "core/sampling/samplers.h"
#include "core/training/modelquality.h"
#include "core/training/presets.h"

namespace {

using Row = std::pair<float, float>;

std::multiset<Row> rowsOf(const dl::Batch& b) {
    std::multiset<Row> rows;
    for (Eigen::Index i = 0; i < b.rows(); ++i) rows.insert({b(i, 0), b(i, 1)});
    return rows;
}

/// n points on a line, row i at (i, 2i): every row is distinct and its index can be read back.
dl::DataSet indexedLine(int n) {
    dl::Batch raw(n, 2);
    for (int i = 0; i < n; ++i) {
        raw(i, 0) = static_cast<float>(i);
        raw(i, 1) = static_cast<float>(2 * i);
    }
    return dl::makePointDataSet("csv:line.csv", raw);
}

}  // namespace

class TestHeldOutQuality : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heldOutRowsFollowTheFractionAndCap_data();
    void heldOutRowsFollowTheFractionAndCap();
    void splitIsDisjointCompleteAndSeeded();
    void splitOfSortedRowsIsRandom();
    void onlyBuiltInShapesAreDrawnAgain();
    void referenceAndFloorAreDisjoint();
    void millionPointCheckUsesBoundedSubsets();
    void memoriserNoLongerBeatsTheFloor();
};

void TestHeldOutQuality::heldOutRowsFollowTheFractionAndCap_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("expected");
    QTest::newRow("too few for a floor") << 19 << 0;
    QTest::newRow("20 rows") << 20 << 4;
    QTest::newRow("iris-sized") << 150 << 30;
    QTest::newRow("10k") << 10000 << 2000;
    QTest::newRow("capped") << 1000000 << dl::kMaxHeldOutRows;
}

void TestHeldOutQuality::heldOutRowsFollowTheFractionAndCap() {
    QFETCH(int, n);
    QFETCH(int, expected);
    QCOMPARE(dl::heldOutRows(n), expected);
}

void TestHeldOutQuality::splitIsDisjointCompleteAndSeeded() {
    const dl::DataSet data = indexedLine(500);
    const dl::HeldOutSplit a = dl::splitHeldOut(data, 7);
    QCOMPARE(a.heldOut.rows(), 100);
    QCOMPARE(a.training.size(), 400);
    QCOMPARE(a.training.name, data.name);
    QCOMPARE(a.training.norm.offset, data.norm.offset);
    std::multiset<Row> all = rowsOf(a.training.points);
    for (const Row& r : rowsOf(a.heldOut)) {
        QVERIFY2(all.count(r) == 0, "a held-out row is also a training row");
        all.insert(r);
    }
    QCOMPARE(all, rowsOf(data.points));
    QCOMPARE(dl::splitHeldOut(data, 7).heldOut, a.heldOut);  // a continued run holds out the same rows
    QVERIFY(dl::splitHeldOut(data, 8).heldOut != a.heldOut);
}

void TestHeldOutQuality::splitOfSortedRowsIsRandom() {
    // Rows sorted by x: a split by position would hold out only the largest (or smallest) x.
    const dl::DataSet data = indexedLine(1000);
    const dl::HeldOutSplit split = dl::splitHeldOut(data, 1);
    const float mid = data.points(500, 0);
    const auto low = (split.heldOut.col(0).array() < mid).count();
    QVERIFY2(low > 70 && low < 130,
             qPrintable(QStringLiteral("%1 of 200 held-out rows below the median").arg(low)));
}

void TestHeldOutQuality::onlyBuiltInShapesAreDrawnAgain() {
    dl::Rng rng(1);
    QVERIFY(dl::canDrawAgain(dl::makePointDataSet("moons", dl::generatePoints("moons", 50, rng))));
    QVERIFY(!dl::canDrawAgain(indexedLine(50)));
    QVERIFY(!dl::canDrawAgain(dl::makePointDataSet("text:DDPM", dl::generatePoints("moons", 50, rng))));
}

void TestHeldOutQuality::referenceAndFloorAreDisjoint() {
    const dl::DataSet data = indexedLine(3000);
    dl::Rng rng(4);
    const dl::QualityReference r = dl::referenceFromPool(data.points, 1000, rng);
    QCOMPARE(r.floor.rows(), 1000);
    QCOMPARE(r.reference.rows(), 2000);
    const std::multiset<Row> reference = rowsOf(r.reference);
    for (const Row& row : rowsOf(r.floor)) QVERIFY(reference.count(row) == 0);

    // A held-out pool smaller than twice the samples: the floor takes half of it, the reference the rest.
    const dl::QualityReference small = dl::heldOutReference(indexedLine(30).points, 2000, 1);
    QCOMPARE(small.floor.rows(), 15);
    QCOMPARE(small.reference.rows(), 15);
    QVERIFY(small.heldOut);
    QVERIFY(!dl::heldOutReference(indexedLine(1).points, 2000, 1).valid());
}

void TestHeldOutQuality::millionPointCheckUsesBoundedSubsets() {
    dl::Rng rng(5);
    const dl::DataSet data =
        dl::makePointDataSet("csv:big.csv", dl::generatePoints("gaussians8", 1'000'000, rng));
    const dl::HeldOutSplit split = dl::splitHeldOut(data, 3);
    QCOMPARE(split.heldOut.rows(), dl::kMaxHeldOutRows);
    const dl::QualityReference ref = dl::heldOutReference(split.heldOut, 1'000'000, 3);
    QVERIFY(ref.floor.rows() <= dl::kMaxQualityRows);
    QVERIFY(ref.reference.rows() <= dl::kMaxQualityRows);

    // compareToData itself cuts any set to a bounded random subset: a million rows each.
    const dl::Batch& a = split.training.points;
    const dl::QualityReport q = dl::compareToData(a, a, a.bottomRows(a.rows() - 1), rng, 16);
    QCOMPARE(q.sampleRows, dl::kMaxQualityRows);
    QCOMPARE(q.floorRows, dl::kMaxQualityRows);
    QCOMPARE(q.referenceRows, dl::kMaxQualityRows);
    QVERIFY(q.swdFloor > 0.0);  // random subsets of one set: not identical, so a real floor
    QVERIFY(q.swd > 0.0);
}

void TestHeldOutQuality::memoriserNoLongerBeatsTheFloor() {
    // The exact denoiser of 300 training rows returns (nearly) those rows: a perfect memoriser.
    dl::Rng rng(6);
    const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", 300, rng));
    const dl::Schedule schedule(dl::defaultTrainingSchedule());
    const dl::EpsilonPredictor memoriser = dl::makeOracleDenoiser(data.points, schedule);
    dl::SamplerParams params;
    params.kind = dl::SamplerKind::DdpmPosterior;
    dl::Rng sampleRng(7);
    const dl::Batch samples = dl::sampleFromNoise(schedule, memoriser, 1000, 2, params, sampleRng).samples;

    const dl::QualityReference fresh = dl::freshDrawReference("moons", data.norm, 1000, 8);
    dl::Rng metricRng(9);
    const dl::QualityReport honest = dl::compareToData(samples, fresh.reference, fresh.floor, metricRng);
    // The old way: the training rows as the reference (the floor still a fresh draw).
    dl::Rng metricRng2(9);
    const dl::QualityReport flattering = dl::compareToData(samples, data.points, fresh.floor, metricRng2);
    const double honestRatio = honest.swd / honest.swdFloor;
    const double flatteringRatio = flattering.swd / flattering.swdFloor;
    qInfo("memoriser: SW2/floor %.3f against unseen data, %.3f against its own training rows", honestRatio,
          flatteringRatio);
    // Against its own rows the memoriser looks far better than against unseen data. How much better
    // varies with the draw (seeds 6–13 of the data: the flattering ratio 0.56–1.12 of the floor, 0.20–0.64
    // of the honest one), so the check is against the honest ratio, not the floor.
    QVERIFY2(flatteringRatio < 0.8 * honestRatio,
             "the memoriser should look better against its own rows than against unseen data");
    QVERIFY2(honestRatio > 1.0, "against unseen data the memoriser must not beat the floor");
}

QTEST_APPLESS_MAIN(TestHeldOutQuality)
#include "tst_heldoutquality.moc"
