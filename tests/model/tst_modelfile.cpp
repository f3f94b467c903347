// Model files round-trip exactly; every kind of damage (truncation at any length, a flipped bit, wrong
// magic, a newer version, trailing bytes) is a dl::Error with a clear message, never a crash or a
// half-loaded model. Also the model predictor's conversion of x_0 and v outputs into ε.
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>
#include <fstream>

#include "core/data/pointgenerators.h"
#include "core/math/error.h"
#include "core/model/mlp.h"
#include "core/model/modelfile.h"
#include "core/model/modelpredictor.h"
#include "core/model/prediction.h"

namespace {

dl::ModelFile trainedModel(dl::PredictionTarget target = dl::PredictionTarget::Epsilon) {
    dl::Rng rng(2);
    const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", 300, rng));
    dl::MlpConfig net;
    net.inputFeatures = 8;
    net.timeEmbedding = 8;
    net.hidden = 16;
    net.layers = 1;
    net.target = target;
    dl::TrainerConfig cfg;
    cfg.batchSize = 16;
    cfg.steps = 20;
    dl::ScheduleParams sp;
    sp.T = 30;
    dl::Trainer trainer(data, dl::Schedule(sp), net, cfg);
    for (int i = 0; i < 20; ++i) trainer.step();
    return dl::modelFileFromTrainer(trainer, rng);
}

QString errorOf(std::string_view bytes) {
    try {
        dl::parseModelFile(bytes, "test.dlmodel");
    } catch (const dl::Error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestModelFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void snapshotFileHasNoOptimizerState();
    void saveAndLoadFromDisk();
    void truncatedAtEveryLength();
    void flippedBitsAreDetected();
    void wrongMagicAndNewerVersion();
    void inconsistentModelIsNotSaved();
    void predictorConvertsTargets_data();
    void predictorConvertsTargets();
    void conversionsRoundTrip();
};

void TestModelFile::roundTrip() {
    const dl::ModelFile a = trainedModel();
    QCOMPARE(a.step, 20);
    QCOMPARE(static_cast<int>(a.referenceSample.rows()), 300);
    const dl::ModelFile b = dl::parseModelFile(dl::serialiseModelFile(a), "memory");
    QVERIFY(a.model == b.model);
    QVERIFY(a.schedule == b.schedule);
    QVERIFY(a.trainer == b.trainer);
    QCOMPARE(b.dataName, a.dataName);
    QVERIFY(a.normalisation.offset == b.normalisation.offset);
    QCOMPARE(b.normalisation.scale, a.normalisation.scale);
    QVERIFY(a.dataMin == b.dataMin && a.dataMax == b.dataMax);
    QVERIFY(a.referenceSample == b.referenceSample);
    QCOMPARE(b.step, a.step);
    QVERIFY(a.lossHistory == b.lossHistory);
    QVERIFY(a.parameters == b.parameters);
    QVERIFY(a.emaParameters == b.emaParameters);
    QVERIFY(a.optimizer.m == b.optimizer.m && a.optimizer.v == b.optimizer.v);
    QVERIFY((a.dataMin.array() <= a.referenceSample.colwise().minCoeff().transpose().array()).all());
}

void TestModelFile::snapshotFileHasNoOptimizerState() {
    // The UI saves from a snapshot: EMA weights twice, no optimizer moments, and it must load back.
    dl::Rng rng(6);
    const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", 50, rng));
    dl::TrainingSnapshot snap;
    snap.config.inputFeatures = 4;
    snap.config.timeEmbedding = 4;
    snap.config.hidden = 8;
    snap.config.layers = 1;
    snap.schedule.T = 10;
    snap.step = 3;
    snap.parameters = Eigen::VectorXf::Ones(dl::Mlp(snap.config).parameterCount());
    const dl::ModelFile a = dl::modelFileFromSnapshot(snap, data, dl::TrainerConfig{}, rng);
    const dl::ModelFile b = dl::parseModelFile(dl::serialiseModelFile(a), "memory");
    QCOMPARE(b.optimizer.m.size(), Eigen::Index(0));
    QVERIFY(b.lossHistory.empty());
    QVERIFY(b.parameters == snap.parameters && b.emaParameters == snap.parameters);
    QCOMPARE(b.step, 3);
}

void TestModelFile::saveAndLoadFromDisk() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("m.dlmodel").toStdString();
    const dl::ModelFile a = trainedModel();
    dl::saveModelFile(path, a);
    const dl::ModelFile b = dl::loadModelFile(path);
    QVERIFY(a.emaParameters == b.emaParameters);
    bool threw = false;
    try {
        dl::loadModelFile(dir.filePath("missing.dlmodel").toStdString());
    } catch (const dl::Error& e) {
        threw = QString(e.what()).contains("cannot open");
    }
    QVERIFY(threw);
}

void TestModelFile::truncatedAtEveryLength() {
    const std::string bytes = dl::serialiseModelFile(trainedModel());
    // Every prefix is refused; step through all short ones and a spread of longer ones.
    for (std::size_t n = 0; n < bytes.size(); n += (n < 256 ? 1 : 97)) {
        const QString message = errorOf(std::string_view(bytes).substr(0, n));
        QVERIFY2(!message.isEmpty(), qPrintable(QString("prefix of %1 bytes was accepted").arg(n)));
    }
    QVERIFY(errorOf(std::string_view(bytes).substr(0, bytes.size() - 1)).contains("truncated"));
    QVERIFY(errorOf(bytes + "x").contains("unexpected bytes"));
}

void TestModelFile::flippedBitsAreDetected() {
    const std::string bytes = dl::serialiseModelFile(trainedModel());
    for (std::size_t pos = 24; pos < bytes.size(); pos += 131) {
        std::string damaged = bytes;
        damaged[pos] = static_cast<char>(damaged[pos] ^ 0x10);
        const QString message = errorOf(damaged);
        QVERIFY2(!message.isEmpty(), qPrintable(QString("flip at %1 was accepted").arg(pos)));
    }
    std::string damaged = bytes;
    damaged[bytes.size() / 2] ^= 1;
    QVERIFY(errorOf(damaged).contains("checksum"));
}

void TestModelFile::wrongMagicAndNewerVersion() {
    std::string bytes = dl::serialiseModelFile(trainedModel());
    std::string wrong = bytes;
    wrong[0] = 'X';
    QVERIFY(errorOf(wrong).contains("wrong magic"));
    QVERIFY(errorOf("hello").contains("wrong magic"));
    std::string newer = bytes;
    const std::uint32_t version = dl::kModelFileVersion + 1;
    std::memcpy(newer.data() + 8, &version, 4);
    const QString message = errorOf(newer);
    QVERIFY2(message.contains("newer"), qPrintable(message));
}

void TestModelFile::inconsistentModelIsNotSaved() {
    dl::ModelFile m = trainedModel();
    m.parameters.conservativeResize(m.parameters.size() - 1);
    bool threw = false;
    try {
        dl::serialiseModelFile(m);
    } catch (const dl::Error& e) {
        threw = QString(e.what()).contains("weights");
    }
    QVERIFY(threw);
}

void TestModelFile::predictorConvertsTargets_data() {
    QTest::addColumn<dl::PredictionTarget>("target");
    QTest::newRow("eps") << dl::PredictionTarget::Epsilon;
    QTest::newRow("x0") << dl::PredictionTarget::X0;
    QTest::newRow("v") << dl::PredictionTarget::V;
}

void TestModelFile::predictorConvertsTargets() {
    QFETCH(dl::PredictionTarget, target);
    const dl::ModelFile m = trainedModel(target);
    const dl::Schedule schedule(m.schedule);
    const dl::EpsilonPredictor eps = dl::makeModelPredictor(m.model, m.emaParameters, schedule);
    dl::Mlp net(m.model);
    net.setParameters(m.emaParameters);
    dl::Rng rng(1);
    dl::Batch xt(50, 2), raw, out;
    rng.fillNormal(xt);
    const int t = 17;
    net.predict(xt, t, raw);
    eps(xt, t, out);
    // ε by hand from the raw output, with a = √ᾱ, s = √(1−ᾱ).
    const float a = static_cast<float>(std::sqrt(schedule.alphaBar(t)));
    const float s = static_cast<float>(std::sqrt(1.0 - schedule.alphaBar(t)));
    dl::Batch expected = raw;
    if (target == dl::PredictionTarget::X0) expected = (xt - a * raw) / s;
    if (target == dl::PredictionTarget::V) expected = s * xt + a * raw;
    QVERIFY((out - expected).cwiseAbs().maxCoeff() < 1e-4f);
    // Rows split across threads give the single-thread numbers bit for bit: the threads claim the same
    // fixed chunks of rows the single thread runs one after the other.
    dl::Batch many(1500, 2), one, two, three;
    rng.fillNormal(many);
    eps(many, t, one);
    dl::makeModelPredictor(m.model, m.emaParameters, schedule, 2)(many, t, two);
    dl::makeModelPredictor(m.model, m.emaParameters, schedule, 3)(many, t, three);
    QVERIFY(one == two);
    QVERIFY(one == three);
    bool threw = false;
    try {
        eps(xt, 0, out);
    } catch (const dl::Error&) {
        threw = true;
    }
    QVERIFY(threw);
}

void TestModelFile::conversionsRoundTrip() {
    // From one (x_0, ε) pair, every target converts back to the same ε and x_0.
    dl::Rng rng(3);
    dl::Batch x0(20, 2), e(20, 2);
    rng.fillNormal(x0);
    rng.fillNormal(e);
    const double alphaBar = 0.3;
    const float a = static_cast<float>(std::sqrt(alphaBar)), s = static_cast<float>(std::sqrt(1 - alphaBar));
    const dl::Batch xt = a * x0 + s * e;
    const Eigen::ArrayXf av = Eigen::ArrayXf::Constant(20, a), sv = Eigen::ArrayXf::Constant(20, s);
    for (auto target : {dl::PredictionTarget::Epsilon, dl::PredictionTarget::X0, dl::PredictionTarget::V}) {
        dl::Batch pred(20, 2), epsBack, x0Back;
        dl::trainingTarget(target, x0, e, av, sv, pred);
        dl::predictionToEpsilon(target, xt, pred, alphaBar, epsBack);
        dl::predictionToX0(target, xt, pred, alphaBar, x0Back);
        QVERIFY((epsBack - e).cwiseAbs().maxCoeff() < 1e-5f);
        QVERIFY((x0Back - x0).cwiseAbs().maxCoeff() < 1e-5f);
        QCOMPARE(*dl::predictionTargetFromName(dl::predictionTargetName(target)), target);
    }
}

QTEST_APPLESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
