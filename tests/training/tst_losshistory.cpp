// dl::LossLog / dl::LossHistory: a view taken earlier never changes while the log grows (also across a
// move to a larger buffer), and a trainer's snapshots share one buffer instead of copying every step.
#include <QTest>
#include <vector>

#include "core/data/pointgenerators.h"
#include "core/training/losshistory.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"

class TestLossHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void viewsKeepTheirValuesWhileTheLogGrows() {
        dl::LossLog log;
        std::vector<dl::LossHistory> views;
        for (int i = 0; i < 5000; ++i) {  // several moves to a larger buffer (starts at 1024)
            log.append(static_cast<float>(i));
            if (i % 700 == 0) views.push_back(log.view());
        }
        QCOMPARE(log.size(), std::size_t(5000));
        for (const dl::LossHistory& v : views) {
            QVERIFY(!v.empty());
            for (std::size_t k = 0; k < v.size(); ++k) QCOMPARE(v[k], static_cast<float>(k));
            QCOMPARE(v.back(), static_cast<float>(v.size() - 1));
        }
        QCOMPARE(views[3].size(), std::size_t(2101));
    }

    void assignStartsOver() {
        dl::LossLog log;
        log.append(9.0f);
        const dl::LossHistory before = log.view();
        log.assign({1.0f, 2.0f, 3.0f});
        QCOMPARE(log.view().toVector(), (std::vector<float>{1.0f, 2.0f, 3.0f}));
        QCOMPARE(before.toVector(), std::vector<float>{9.0f});
        QVERIFY(dl::LossHistory(std::vector<float>{1.0f, 2.0f, 3.0f}) == log.view());
    }

    void snapshotsShareTheTrainersBuffer() {
        dl::Rng rng(1);
        const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", 512, rng));
        dl::ScheduleParams sp;
        sp.T = 20;
        dl::TrainerConfig tc = dl::defaultTrainerConfig();
        tc.steps = 40;
        tc.batchSize = 64;
        tc.threads = 1;
        dl::Trainer trainer(data, dl::Schedule(sp), dl::defaultMlpConfig(), tc);
        for (int i = 0; i < 10; ++i) trainer.step();
        trainer.publishSnapshot();
        const auto early = trainer.snapshot();
        for (int i = 0; i < 20; ++i) trainer.step();
        trainer.publishSnapshot();
        const auto late = trainer.snapshot();
        QCOMPARE(early->lossHistory.size(), std::size_t(10));
        QCOMPARE(late->lossHistory.size(), std::size_t(30));
        // The run's steps were reserved up front, so both views point into the same buffer: nothing copied.
        QCOMPARE(late->lossHistory.begin(), early->lossHistory.begin());
        for (std::size_t k = 0; k < 10; ++k) QCOMPARE(late->lossHistory[k], early->lossHistory[k]);
    }
};

QTEST_MAIN(TestLossHistory)
#include "tst_losshistory.moc"
