// Per-axis standardisation: each axis at zero mean and unit RMS, undone exactly by toData; one common
// scale stays the default; the spread ratio and the advice that suggests per-axis scaling; and the scales
// (with the held-out rows) round-trip through the model file, whose format stays version 1 — what older
// builds read — unless per-axis scales are present.
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/data/pointgenerators.h"
#include "core/model/modelfile.h"

namespace {

/// Column 0 near 750 with spread ~30, column 1 near 1 with spread ~0.3.
dl::Batch wideColumns(int n) {
    dl::Rng rng(3);
    dl::Batch raw(n, 2);
    for (int i = 0; i < n; ++i) {
        raw(i, 0) = static_cast<float>(750.0 + 30.0 * rng.normal());
        raw(i, 1) = static_cast<float>(1.0 + 0.3 * rng.normal());
    }
    return raw;
}

dl::ModelFile tinyModel(const dl::DataSet& data) {
    dl::MlpConfig net;
    net.inputFeatures = 8;
    net.timeEmbedding = 8;
    net.hidden = 16;
    net.layers = 1;
    dl::TrainerConfig cfg;
    cfg.batchSize = 16;
    cfg.steps = 5;
    dl::ScheduleParams sp;
    sp.T = 20;
    dl::Trainer trainer(data, dl::Schedule(sp), net, cfg);
    for (int i = 0; i < 5; ++i) trainer.step();
    dl::Rng rng(1);
    return dl::modelFileFromTrainer(trainer, rng);
}

std::uint32_t versionOf(const std::string& bytes) {
    std::uint32_t v = 0;
    std::memcpy(&v, bytes.data() + 8, 4);
    return v;
}

}  // namespace

class TestPerAxisScaling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void perAxisGivesUnitSpreadPerAxis();
    void commonScaleIsTheDefault();
    void spreadRatioAndAdvice();
    void roundTripsThroughModelFile();
    void commonScaleFilesStayVersionOne();
};

void TestPerAxisScaling::perAxisGivesUnitSpreadPerAxis() {
    const dl::Batch raw = wideColumns(2000);
    const dl::DataSet set = dl::makePointDataSet("csv:wide.csv", raw, dl::PointScaling::PerAxis);
    QVERIFY(set.norm.perAxis());
    for (int k = 0; k < 2; ++k) {
        const double mean = set.points.col(k).cast<double>().mean();
        const double rms = std::sqrt(set.points.col(k).cast<double>().squaredNorm() / set.size());
        QVERIFY2(std::abs(mean) < 1e-4 && std::abs(rms - 1.0) < 1e-4,
                 qPrintable(QString("axis %1: %2 %3").arg(k).arg(mean).arg(rms)));
    }
    QVERIFY(std::abs(set.norm.axisScale(0) / set.norm.axisScale(1) - 100.0f) < 10.0f);
    QCOMPARE(set.norm.scaleOf(1), set.norm.axisScale(1));
    const dl::Batch back = set.norm.toData(set.points);
    QVERIFY2((back - raw).cwiseAbs().maxCoeff() < 1e-3f, "toData must undo toNormalised");
}

void TestPerAxisScaling::commonScaleIsTheDefault() {
    dl::Rng rng(1);
    const dl::DataSet moons = dl::makePointDataSet("moons", dl::generatePoints("moons", 500, rng));
    QVERIFY(!moons.norm.perAxis());
    QCOMPARE(moons.norm.scaleOf(0), moons.norm.scale);
    QCOMPARE(moons.norm.scaleOf(1), moons.norm.scale);
}

void TestPerAxisScaling::spreadRatioAndAdvice() {
    const dl::Batch raw = wideColumns(2000);
    QVERIFY(std::abs(dl::axisSpreadRatio(raw) - 100.0) < 10.0);
    const std::string advice = dl::perAxisScalingAdvice(dl::makePointDataSet("csv:wide.csv", raw));
    const std::string times = std::to_string(std::lround(dl::axisSpreadRatio(raw))) + "×: ";
    QVERIFY2(advice.find("the axes' spreads differ " + times) == 0, advice.c_str());
    QVERIFY(dl::perAxisScalingAdvice(dl::makePointDataSet("csv:wide.csv", raw, dl::PointScaling::PerAxis))
                .empty());
    dl::Rng rng(1);
    QVERIFY(dl::perAxisScalingAdvice(dl::makePointDataSet("moons", dl::generatePoints("moons", 500, rng)))
                .empty());
    dl::Batch flat(3, 2);
    flat << 0, 5, 1, 5, 2, 5;
    QCOMPARE(dl::axisSpreadRatio(flat), std::numeric_limits<double>::infinity());
    QCOMPARE(dl::axisSpreadRatio(dl::Batch::Zero(3, 2)), 1.0);
}

void TestPerAxisScaling::roundTripsThroughModelFile() {
    const dl::DataSet set = dl::makePointDataSet("csv:wide.csv", wideColumns(300), dl::PointScaling::PerAxis);
    dl::ModelFile model = tinyModel(set);
    model.heldOutSample = set.points.topRows(40);
    const std::string bytes = dl::serialiseModelFile(model);
    QCOMPARE(versionOf(bytes), 2u);
    const dl::ModelFile back = dl::parseModelFile(bytes, "wide.dlmodel");
    QVERIFY(back.normalisation.perAxis());
    QCOMPARE(back.normalisation.axisScale, set.norm.axisScale);
    QCOMPARE(back.normalisation.offset, set.norm.offset);
    QCOMPARE(back.heldOutSample, model.heldOutSample);
    // Every output goes through toData: the file's map gives the data's own coordinates back.
    QVERIFY((back.normalisation.toData(set.points) - set.norm.toData(set.points)).cwiseAbs().maxCoeff() ==
            0.0f);

    dl::ModelFile bad = model;
    bad.normalisation.axisScale(1) = 0.0f;
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::serialiseModelFile(bad));
}

void TestPerAxisScaling::commonScaleFilesStayVersionOne() {
    dl::Rng rng(1);
    const dl::ModelFile model =
        tinyModel(dl::makePointDataSet("moons", dl::generatePoints("moons", 300, rng)));
    const std::string bytes = dl::serialiseModelFile(model);
    QCOMPARE(versionOf(bytes), 1u);
    QVERIFY(bytes.find("AXSC") == std::string::npos && bytes.find("HOLD") == std::string::npos);
    const dl::ModelFile back = dl::parseModelFile(bytes, "moons.dlmodel");
    QVERIFY(!back.normalisation.perAxis());
    QCOMPARE(back.heldOutSample.rows(), 0);
}

QTEST_APPLESS_MAIN(TestPerAxisScaling)
#include "tst_peraxisscaling.moc"
