// The trainer: same seed and thread count give bit-identical runs, resumed or not; the loss falls on a simple
// data set; a diverging run throws and keeps its last good weights; snapshots can be read from another thread
// while steps run; the learning-rate schedule and the optimizer helpers match their formulas.
#include <QTest>
#include <atomic>
#include <cmath>
#include <thread>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/error.h"
#include "core/training/optimizer.h"
#include "core/training/trainer.h"

namespace {

dl::DataSet moons(int n) {
    dl::Rng rng(4);
    return dl::makePointDataSet("moons", dl::generatePoints("moons", n, rng));
}

dl::MlpConfig smallNet() {
    dl::MlpConfig c;
    c.inputFeatures = 16;
    c.timeEmbedding = 16;
    c.hidden = 32;
    c.layers = 2;
    return c;
}

dl::TrainerConfig smallRun(int threads, std::uint64_t seed = 7) {
    dl::TrainerConfig c;
    c.batchSize = 64;
    c.steps = 300;
    c.learningRate = 3e-3f;
    c.warmupSteps = 20;
    c.threads = threads;
    c.seed = seed;
    return c;
}

dl::Schedule schedule() {
    dl::ScheduleParams p;
    p.T = 50;
    p.betaStart = 1e-3;
    p.betaEnd = 0.2;
    return dl::Schedule(p);
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministic_data();
    void deterministic();
    void clippingMatchesOneThread_data();
    void clippingMatchesOneThread();
    void largeNetworkSplitsTheUpdate();
    void resumedRunMatchesAnUnbrokenOne_data();
    void resumedRunMatchesAnUnbrokenOne();
    void lossDecreases();
    void predictionTargetsTrain_data();
    void predictionTargetsTrain();
    void divergenceKeepsLastGoodWeights();
    void anExplodingLossStopsTheRun();
    void snapshotsFromAnotherThread();
    void learningRateSchedule();
    void clipAndEma();
    void rejectsBadSettings();
};

void TestTrainer::deterministic_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
    QTest::newRow("3 threads") << 3;
}

void TestTrainer::deterministic() {
    QFETCH(int, threads);
    const dl::DataSet data = moons(500);
    dl::Trainer a(data, schedule(), smallNet(), smallRun(threads));
    dl::Trainer b(data, schedule(), smallNet(), smallRun(threads));
    for (int i = 0; i < 40; ++i) QCOMPARE(a.step(), b.step());
    QVERIFY(a.parameters() == b.parameters());
    QVERIFY(a.emaParameters() == b.emaParameters());
    // A different seed gives a different run.
    dl::Trainer c(data, schedule(), smallNet(), smallRun(threads, 8));
    for (int i = 0; i < 40; ++i) c.step();
    QVERIFY(a.parameters() != c.parameters());
    // More threads split the same batch: the same run up to the order of float sums.
    if (threads > 1) {
        dl::Trainer one(data, schedule(), smallNet(), smallRun(1));
        for (int i = 0; i < 40; ++i) one.step();
        const float diff = (one.parameters() - a.parameters()).cwiseAbs().maxCoeff();
        QVERIFY2(diff < 1e-3f, qPrintable(QString("1 vs %1 threads differ by %2").arg(threads).arg(diff)));
    }
}

void TestTrainer::clippingMatchesOneThread_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<float>("clip");
    // Several threads skip the exact norm of the summed gradient when the sum of their own norms is below
    // the threshold (Trainer::predict). The steps' norms here run from 0.3 to 2.6 (median 0.73), so the
    // thresholds are below every one, above every one, and among them, where in some steps the norm is
    // below the threshold and a bound that was too small would wrongly skip the clipping.
    for (int threads : {2, 3})
        for (float clip : {1e-4f, 0.5f, 0.75f, 1.0f, 1.5f, 1e4f})
            QTest::addRow("%d threads, clip %g", threads, static_cast<double>(clip)) << threads << clip;
}

void TestTrainer::clippingMatchesOneThread() {
    QFETCH(int, threads);
    QFETCH(float, clip);
    const dl::DataSet data = moons(500);
    dl::TrainerConfig one = smallRun(1), several = smallRun(threads);
    one.gradClip = several.gradClip = clip;
    one.learningRate = several.learningRate = 2e-2f;  // large steps, so that a wrong clip shows
    one.weightDecay = several.weightDecay = 0.0f;
    dl::Trainer a(data, schedule(), smallNet(), one);
    dl::Trainer b(data, schedule(), smallNet(), several);
    for (int i = 0; i < 60; ++i) {
        a.step();
        b.step();
    }
    const float diff = (a.parameters() - b.parameters()).cwiseAbs().maxCoeff();
    QVERIFY2(diff < 1e-3f, qPrintable(QString("1 vs %1 threads differ by %2").arg(threads).arg(diff)));
}

void TestTrainer::largeNetworkSplitsTheUpdate() {
    // The reduction and AdamW run on the pool by parameter range; a network above 2^20 parameters has
    // ranges of many blocks: same numbers as one thread up to float summation order, and bit-identical
    // between two runs with the same thread count.
    dl::MlpConfig big = smallNet();
    big.hidden = 720;
    dl::TrainerConfig cfg = smallRun(2);
    cfg.batchSize = 8;
    const dl::DataSet data = moons(100);
    dl::Trainer a(data, schedule(), big, cfg);
    dl::Trainer b(data, schedule(), big, cfg);
    QVERIFY(a.parameters().size() > (1 << 20));
    cfg.threads = 1;
    dl::Trainer one(data, schedule(), big, cfg);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(a.step(), b.step());
        one.step();
    }
    QVERIFY(a.parameters() == b.parameters());
    QVERIFY((a.parameters() - one.parameters()).cwiseAbs().maxCoeff() < 1e-4f);
}

void TestTrainer::resumedRunMatchesAnUnbrokenOne_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
}

void TestTrainer::resumedRunMatchesAnUnbrokenOne() {
    // Stopped after 25 steps and continued in a new trainer, as the window continues a saved model: steps
    // 26..40 draw the batches an unbroken run draws, so the weights end the same.
    QFETCH(int, threads);
    const dl::DataSet data = moons(500);
    dl::Trainer unbroken(data, schedule(), smallNet(), smallRun(threads));
    dl::Trainer first(data, schedule(), smallNet(), smallRun(threads));
    for (int i = 0; i < 25; ++i) {
        unbroken.step();
        first.step();
    }
    const dl::LossHistory history = first.lossHistory();
    dl::Trainer resumed(data, schedule(), smallNet(), smallRun(threads));
    resumed.restore(first.parameters(), first.emaParameters(), first.optimizerState(), first.stepsDone(),
                    history.toVector());
    for (int i = 0; i < 15; ++i) QCOMPARE(resumed.step(), unbroken.step());
    QVERIFY(resumed.parameters() == unbroken.parameters());
    QVERIFY(resumed.emaParameters() == unbroken.emaParameters());
}

void TestTrainer::lossDecreases() {
    dl::Trainer t(moons(2000), schedule(), smallNet(), smallRun(1));
    double early = 0.0, late = 0.0;
    for (int i = 0; i < 300; ++i) {
        const float loss = t.step();
        if (i < 20) early += loss / 20.0;
        if (i >= 280) late += loss / 20.0;
    }
    qInfo("mean loss: first 20 steps %.4f, last 20 steps %.4f", early, late);
    QVERIFY(late < 0.8 * early);
    QCOMPARE(t.stepsDone(), 300);
    QCOMPARE(static_cast<int>(t.lossHistory().size()), 300);
}

void TestTrainer::predictionTargetsTrain_data() {
    QTest::addColumn<dl::PredictionTarget>("target");
    QTest::newRow("x0") << dl::PredictionTarget::X0;
    QTest::newRow("v") << dl::PredictionTarget::V;
}

void TestTrainer::predictionTargetsTrain() {
    QFETCH(dl::PredictionTarget, target);
    dl::MlpConfig net = smallNet();
    net.target = target;
    dl::Trainer t(moons(1000), schedule(), net, smallRun(1));
    double early = 0.0, late = 0.0;
    for (int i = 0; i < 200; ++i) {
        const float loss = t.step();
        if (i < 20) early += loss / 20.0;
        if (i >= 180) late += loss / 20.0;
    }
    QVERIFY2(late < early, qPrintable(QString("%1 -> %2").arg(early).arg(late)));
}

void TestTrainer::divergenceKeepsLastGoodWeights() {
    // Finite data whose squares overflow float: with the x_0 target the loss is infinite at once.
    dl::DataSet data = moons(100);
    data.points *= 1e25f;
    dl::MlpConfig net = smallNet();
    net.target = dl::PredictionTarget::X0;
    dl::Trainer t(data, schedule(), net, smallRun(2));
    const Eigen::VectorXf before = t.parameters();
    bool threw = false;
    try {
        t.step();
    } catch (const dl::TrainingDiverged& e) {
        threw = true;
        qInfo("%s", e.what());
        QVERIFY(QString(e.what()).contains("diverged"));
    }
    QVERIFY(threw);
    QCOMPARE(t.stepsDone(), 0);
    QVERIFY(t.parameters() == before);
    QVERIFY(t.snapshot()->parameters.allFinite());
}

// A finite loss that explodes is divergence too: at a learning rate of 10 the loss passed 10³ (a network
// that outputs zero scores about 1), then fell back to about 1, a network that predicts nothing, and the run
// went on without a word.
void TestTrainer::anExplodingLossStopsTheRun() {
    dl::TrainerConfig cfg = smallRun(1);
    cfg.learningRate = 10.0f;
    cfg.warmupSteps = 0;
    dl::Trainer t(moons(1000), schedule(), smallNet(), cfg);
    QString message;
    float highest = 0.0f;
    try {
        for (int i = 0; i < 300; ++i) highest = std::max(highest, t.step());
    } catch (const dl::TrainingDiverged& e) {
        message = QString::fromUtf8(e.what());
        qInfo("%s", e.what());
    }
    QVERIFY2(message.contains(QStringLiteral("the loss reached")) &&
                 message.contains(QStringLiteral("over 1000 times")),
             qPrintable(QStringLiteral("highest loss %1; %2").arg(highest).arg(message)));
    QVERIFY(highest <= dl::kExplodedLoss);
    QVERIFY(t.snapshot()->parameters.allFinite());
    // The default learning rate trains as before, far below the line.
    dl::Trainer calm(moons(1000), schedule(), smallNet(), smallRun(1));
    for (int i = 0; i < 300; ++i) QVERIFY(calm.step() < 10.0f);
}

void TestTrainer::snapshotsFromAnotherThread() {
    dl::TrainerConfig cfg = smallRun(2);
    cfg.snapshotIntervalMs = 0;  // publish after every step: the most contention the reader can see
    dl::Trainer t(moons(500), schedule(), smallNet(), cfg);
    std::atomic<bool> done{false};
    std::atomic<int> reads{0};
    int lastStep = 0;
    bool consistent = true;
    std::thread reader([&] {
        while (!done.load()) {
            auto s = t.snapshot();
            ++reads;
            if (s->step < lastStep || static_cast<int>(s->lossHistory.size()) != s->step ||
                s->parameters.size() != t.emaParameters().size())
                consistent = false;
            lastStep = s->step;
        }
    });
    // On two cores the training threads can keep the reader from starting before 200 small steps are
    // over, which would leave nothing checked: the steps begin once it is reading.
    while (reads.load() == 0) std::this_thread::yield();
    for (int i = 0; i < 200; ++i) t.step();
    t.publishSnapshot();
    done = true;
    reader.join();
    QVERIFY(consistent);
    auto s = t.snapshot();
    QCOMPARE(s->step, 200);
    QVERIFY(s->parameters == t.emaParameters());
    QVERIFY(s->stepsPerSecond > 0.0);
}

void TestTrainer::learningRateSchedule() {
    // Warm-up: (step+1)/warmup of the peak; then cosine from peak to minFraction·peak at totalSteps.
    QCOMPARE(dl::learningRateAt(0, 1.0f, 10, 110, 0.1f), 0.1f);
    QCOMPARE(dl::learningRateAt(9, 1.0f, 10, 110, 0.1f), 1.0f);
    QCOMPARE(dl::learningRateAt(10, 1.0f, 10, 110, 0.1f), 1.0f);
    QVERIFY(std::abs(dl::learningRateAt(60, 1.0f, 10, 110, 0.1f) - 0.55f) < 1e-6f);
    QVERIFY(std::abs(dl::learningRateAt(110, 1.0f, 10, 110, 0.1f) - 0.1f) < 1e-6f);
    QVERIFY(std::abs(dl::learningRateAt(500, 1.0f, 10, 110, 0.1f) - 0.1f) < 1e-6f);
    QCOMPARE(dl::learningRateAt(5, 2.0f, 0, 0, 0.0f), 2.0f);
}

void TestTrainer::clipAndEma() {
    QCOMPARE(dl::clipScale(0.5, 1.0f), 1.0f);
    QCOMPARE(dl::clipScale(4.0, 1.0f), 0.25f);
    QCOMPARE(dl::clipScale(4.0, 0.0f), 1.0f);
    QCOMPARE(dl::emaDecayAt(1, 0.999f), 2.0f / 11.0f);
    QCOMPARE(dl::emaDecayAt(1000000, 0.999f), 0.999f);
    // One AdamW update by hand: m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g² → θ −= lr (λθ + g/(|g| + ε)).
    dl::AdamWState state(2);
    float params[2] = {1.0f, -2.0f};
    const float grads[2] = {0.5f, -4.0f};
    float ema[2] = {0.0f, 0.0f};
    dl::AdamWStep s;
    s.learningRate = 0.1f;
    s.weightDecay = 0.01f;
    s.emaDecay = 0.5f;
    dl::adamwUpdate(state, params, grads, 0, 2, s, ema);
    QVERIFY(std::abs(params[0] - (1.0f - 0.1f * (0.01f * 1.0f + 1.0f))) < 1e-6f);
    QVERIFY(std::abs(params[1] - (-2.0f - 0.1f * (0.01f * -2.0f - 1.0f))) < 1e-6f);
    QVERIFY(std::abs(ema[0] - 0.5f * params[0]) < 1e-6f);
    QVERIFY(std::abs(dl::squaredNorm(grads, 0, 2) - 16.25) < 1e-9);
}

void TestTrainer::rejectsBadSettings() {
    dl::TrainerConfig c = smallRun(1);
    c.learningRate = -1.0f;
    QVERIFY(dl::validateTrainerConfig(c).has_value());
    bool threw = false;
    try {
        dl::Trainer t(moons(10), schedule(), smallNet(), c);
    } catch (const dl::Error& e) {
        threw = QString(e.what()).contains("learning rate");
    }
    QVERIFY(threw);
    dl::DataSet bad = moons(10);
    bad.points(3, 1) = std::nanf("");
    threw = false;
    try {
        dl::Trainer t(bad, schedule(), smallNet(), smallRun(1));
    } catch (const dl::Error& e) {
        threw = QString(e.what()).contains("NaN");
    }
    QVERIFY(threw);
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
