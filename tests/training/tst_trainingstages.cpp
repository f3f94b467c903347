// One training step taken in five stages (Trainer::advanceStage: draw x_0 and t, draw ε, form x_t, predict,
// update) must leave the trainer exactly where step() leaves it: weights, EMA weights, optimizer moments and
// loss bit for bit, for one and for several threads, and also when a step begun in stages is finished by
// step() (the live run resuming after a narrated step). The stage view must hold what each stage made.
#include <QTest>
#include <cmath>
#include <cstring>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
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

dl::TrainerConfig run(int threads) {
    dl::TrainerConfig c;
    c.batchSize = 24;
    c.steps = 50;
    c.warmupSteps = 2;
    c.threads = threads;
    c.seed = 9;
    return c;
}

dl::Schedule schedule() {
    dl::ScheduleParams p;
    p.T = 40;
    return dl::Schedule(p);
}

bool sameBits(const Eigen::VectorXf& a, const Eigen::VectorXf& b) {
    return a.size() == b.size() &&
           std::memcmp(a.data(), b.data(), sizeof(float) * std::size_t(a.size())) == 0;
}

void compareTrainers(const dl::Trainer& a, const dl::Trainer& b) {
    QCOMPARE(a.stepsDone(), b.stepsDone());
    QVERIFY2(sameBits(a.parameters(), b.parameters()), "weights differ");
    QVERIFY2(sameBits(a.emaParameters(), b.emaParameters()), "EMA weights differ");
    QVERIFY2(sameBits(a.optimizerState().m, b.optimizerState().m), "first moments differ");
    QVERIFY2(sameBits(a.optimizerState().v, b.optimizerState().v), "second moments differ");
    const dl::LossHistory la = a.lossHistory(), lb = b.lossHistory();
    QCOMPARE(la.size(), lb.size());
    for (std::size_t i = 0; i < la.size(); ++i) QCOMPARE(la[i], lb[i]);
}

}  // namespace

class TestTrainingStages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fiveStagesEqualOneStep_data();
    void fiveStagesEqualOneStep();
    void stepFinishesAStagedStep();
    void stageViewHoldsEachStage();
};

void TestTrainingStages::fiveStagesEqualOneStep_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("3 threads") << 3;
}

void TestTrainingStages::fiveStagesEqualOneStep() {
    QFETCH(int, threads);
    const dl::DataSet data = moons(300);
    dl::Trainer plain(data, schedule(), smallNet(), run(threads));
    dl::Trainer staged(data, schedule(), smallNet(), run(threads));
    for (int i = 0; i < 3; ++i) {  // a few warm steps first, so the moments are not zero
        plain.step();
        staged.step();
    }
    const float loss = plain.step();
    const dl::TrainingStage order[] = {dl::TrainingStage::DrawBatch, dl::TrainingStage::DrawNoise,
                                       dl::TrainingStage::FormXt, dl::TrainingStage::Predict,
                                       dl::TrainingStage::Update};
    for (dl::TrainingStage expected : order) {
        QCOMPARE(staged.nextStage(), expected);
        QCOMPARE(staged.advanceStage(), expected);
        if (expected != dl::TrainingStage::Update) QCOMPARE(staged.stepsDone(), 3);  // not done until Update
    }
    QCOMPARE(staged.nextStage(), dl::TrainingStage::DrawBatch);
    QCOMPARE(staged.stageView().loss, loss);
    compareTrainers(plain, staged);
    // And the runs stay together afterwards.
    plain.step();
    staged.step();
    compareTrainers(plain, staged);
}

void TestTrainingStages::stepFinishesAStagedStep() {
    const dl::DataSet data = moons(300);
    dl::Trainer plain(data, schedule(), smallNet(), run(1));
    dl::Trainer staged(data, schedule(), smallNet(), run(1));
    plain.step();
    plain.step();
    staged.advanceStage();
    staged.advanceStage();  // x_0, t and ε drawn…
    staged.step();          // …"continue training" finishes this step rather than starting another
    QCOMPARE(staged.nextStage(), dl::TrainingStage::DrawBatch);
    staged.step();
    compareTrainers(plain, staged);
}

void TestTrainingStages::stageViewHoldsEachStage() {
    const dl::DataSet data = moons(200);
    dl::Trainer trainer(data, schedule(), smallNet(), run(2));
    QVERIFY(trainer.stageView().x0.size() == 0);  // nothing drawn yet
    trainer.advanceStage();
    dl::TrainingStageView v = trainer.stageView();
    QCOMPARE(v.stage, dl::TrainingStage::DrawBatch);
    QCOMPARE(v.step, 1);
    QCOMPARE(v.x0.rows(), Eigen::Index{24});
    QCOMPARE(v.t.size(), std::size_t{24});
    QVERIFY(v.eps.size() == 0 && v.xt.size() == 0);
    for (Eigen::Index b = 0; b < v.x0.rows(); ++b) {  // every x_0 is a row of the data, every t in 1..T
        QVERIFY(((data.points.rowwise() - v.x0.row(b)).rowwise().squaredNorm().array() == 0.0f).any());
        QVERIFY(v.t[std::size_t(b)] >= 1 && v.t[std::size_t(b)] <= 40);
    }
    trainer.advanceStage();
    trainer.advanceStage();
    v = trainer.stageView();
    QCOMPARE(v.stage, dl::TrainingStage::FormXt);
    // x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε row by row (Ho et al. 2020, Eq. 4).
    for (Eigen::Index b = 0; b < v.xt.rows(); ++b) {
        const int t = v.t[std::size_t(b)];
        for (int c = 0; c < 2; ++c) {
            const double expected = std::sqrt(schedule().alphaBar(t)) * v.x0(b, c) +
                                    std::sqrt(1.0 - schedule().alphaBar(t)) * v.eps(b, c);
            QVERIFY(std::abs(v.xt(b, c) - expected) < 1e-5);
        }
    }
    trainer.advanceStage();
    v = trainer.stageView();
    QCOMPARE(v.prediction.rows(), Eigen::Index{24});
    trainer.advanceStage();
    v = trainer.stageView();
    QCOMPARE(v.stage, dl::TrainingStage::Update);
    QCOMPARE(v.step, 1);
    // The loss is the mean squared error of the predictions the stage view shows (ε target).
    const double mse = double((v.prediction - v.target).squaredNorm()) / double(v.prediction.size());
    QVERIFY2(std::abs(mse - v.loss) < 1e-5 * std::max(1.0, mse),
             qPrintable(QString::number(mse) + " vs " + QString::number(v.loss)));
}

QTEST_GUILESS_MAIN(TestTrainingStages)
#include "tst_trainingstages.moc"
