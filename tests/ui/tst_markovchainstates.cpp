// dlui::MarkovChainStates, the forward view's Markov-chain worker: a request returns at once with the
// newest state computed (never walking the chain on the calling thread), the worker delivers the exact
// state of dl::MarkovChainCache, a new chain drops the old one's results, and destroying it stops a
// long walk instead of waiting for it.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

#include "core/math/markovchaincache.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "ui/view/markovchainstates.h"

namespace {

std::shared_ptr<const dl::Batch> normalPoints(Eigen::Index n, std::uint64_t seed) {
    auto x = std::make_shared<dl::Batch>(n, 2);
    dl::Rng(seed).fillNormal(*x);
    return x;
}

dl::Schedule scheduleWithT(int T) {
    dl::ScheduleParams p;
    p.T = T;
    return dl::Schedule(p);
}

}  // namespace

class TestMarkovChainStates : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requestsReturnAtOnceAndTheWorkerDeliversTheChain() {
        const dl::Schedule schedule = scheduleWithT(200);
        const auto x0 = normalPoints(500, 1);
        dl::MarkovChainCache reference(schedule, x0, 9);
        dlui::MarkovChainStates states;
        QVERIFY(!states.isChain(schedule, x0.get(), 9));
        states.reset(schedule, x0, 9);
        QVERIFY(states.isChain(schedule, x0.get(), 9));
        QVERIFY(!states.isChain(schedule, x0.get(), 10));

        QSignalSpy ready(&states, &dlui::MarkovChainStates::ready);
        // The result comes back as a queued call, so nothing can be there before the event loop runs.
        QCOMPARE(states.request(150).t, -1);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(states.request(150).t, 150);
        QVERIFY(states.request(150).x == reference.stateAt(150));

        // Moving on shows the last state until the new one arrives.
        QCOMPARE(states.request(40).t, 150);
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(states.request(40).t, 40);
        QVERIFY(states.request(40).x == reference.stateAt(40));
    }

    void aNewChainDropsTheOldOnesStates() {
        const dl::Schedule schedule = scheduleWithT(300);
        const auto a = normalPoints(20000, 1), b = normalPoints(300, 2);
        dlui::MarkovChainStates states;
        QSignalSpy ready(&states, &dlui::MarkovChainStates::ready);
        states.reset(schedule, a, 1);
        states.request(300);
        states.reset(schedule, b, 1);  // before a's walk can have been delivered
        QCOMPARE(states.request(300).t, -1);
        QTRY_COMPARE(ready.count(), 1);
        QTest::qWait(50);
        QCOMPARE(ready.count(), 1);
        dl::MarkovChainCache reference(schedule, b, 1);
        QVERIFY(states.request(300).x == reference.stateAt(300));
        states.clear();
        QVERIFY(!states.isChain(schedule, b.get(), 1));
        QCOMPARE(states.request(300).t, -1);
    }

    void destroyingStopsALongWalk() {
        // 400,000 points and 4,000 steps: seconds of walking (far more under the sanitizers), stopped
        // between two steps when the owner goes away.
        const dl::Schedule schedule = scheduleWithT(4000);
        auto states = std::make_unique<dlui::MarkovChainStates>();
        states->reset(schedule, normalPoints(400000, 3), 5);
        states->request(4000);
        QTRY_VERIFY(states->isBusy());
        QTest::qWait(100);
        QElapsedTimer clock;
        clock.start();
        states.reset();
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_MAIN(TestMarkovChainStates)
#include "tst_markovchainstates.moc"
