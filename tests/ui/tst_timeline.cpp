// The timeline on its own: stepping, jumping and playing in both directions, looping, clamping when T
// changes; and the bounded Markov-chain cache, which must give the same states however it is scrubbed.
#include <QtTest>

#include "core/math/forwardprocess.h"
#include "core/math/rng.h"
#include "ui/markovchaincache.h"
#include "ui/timeline.h"

using dlui::Timeline;

class TestTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stepsAndJumps() {
        Timeline tl;
        tl.setMaximum(10);
        QSignalSpy spy(&tl, &Timeline::tChanged);
        tl.stepNext();
        QCOMPARE(tl.t(), 1);
        tl.jumpToEnd();
        QCOMPARE(tl.t(), 10);
        tl.stepNext();  // clamped
        QCOMPARE(tl.t(), 10);
        QCOMPARE(spy.count(), 2);
        tl.setMode(Timeline::Mode::Reverse);
        tl.stepNext();  // reverse: the next frame is t − 1
        QCOMPARE(tl.t(), 9);
        tl.jumpToStart();  // reverse starts at T
        QCOMPARE(tl.t(), 10);
        tl.jumpToEnd();
        QCOMPARE(tl.t(), 0);
        tl.setT(7);
        tl.setMaximum(5);
        QCOMPARE(tl.t(), 5);
    }

    void playsToTheEndAndStops_data() {
        QTest::addColumn<bool>("reverse");
        QTest::newRow("forward") << false;
        QTest::newRow("reverse") << true;
    }
    void playsToTheEndAndStops() {
        QFETCH(bool, reverse);
        Timeline tl;
        tl.setMaximum(20);
        tl.setMode(reverse ? Timeline::Mode::Reverse : Timeline::Mode::Forward);
        tl.jumpToStart();
        tl.setSpeed(200);
        QSignalSpy playing(&tl, &Timeline::playingChanged);
        tl.play();
        QVERIFY(tl.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!tl.isPlaying(), 3000);
        QCOMPARE(tl.t(), reverse ? 0 : 20);
        QCOMPARE(playing.count(), 2);
        // Play again from the end starts over.
        tl.play();
        QCOMPARE(tl.t(), tl.startT());
        tl.pause();
    }

    void loops() {
        Timeline tl;
        tl.setMaximum(10);
        tl.setSpeed(500);
        tl.setLoop(true);
        int wraps = 0, last = 0;
        connect(&tl, &Timeline::tChanged, this, [&](int t) {
            if (t < last) ++wraps;
            last = t;
        });
        tl.play();
        QTRY_VERIFY_WITH_TIMEOUT(wraps >= 2, 3000);
        QVERIFY(tl.isPlaying());
        tl.pause();
    }

    void markovChainCacheIsConsistent() {
        dl::ScheduleParams p;
        p.T = 50;
        p.betaStart = 1e-3;
        p.betaEnd = 0.2;
        const dl::Schedule schedule(p);
        auto x0 = std::make_shared<dl::Batch>(200, 2);
        dl::Rng(1).fillNormal(*x0);
        // Reference: every step in order, with ε_t from Rng(seed).split(t).
        std::vector<dl::Batch> reference{*x0};
        for (int t = 1; t <= 50; ++t) {
            dl::Batch eps(200, 2);
            dl::Rng(42).split(t).fillNormal(eps);
            reference.push_back(dl::markovStep(schedule, reference.back(), t, eps));
        }
        // A budget of ~6 states forces checkpoints every few steps.
        dlui::MarkovChainCache chain(schedule, x0, 42, 6 * 400);
        QVERIFY(chain.checkpointStride() > 1);
        for (int t : {50, 3, 17, 18, 0, 49, 25, 25, 1}) {
            const dl::Batch& x = chain.stateAt(t);
            QVERIFY2(x == reference[t], qPrintable(QStringLiteral("t=%1 differs").arg(t)));
        }
        // The chain's marginal matches the closed form's in distribution: variance of x_T near 1 for x0 ~ N(0, I).
        const dl::Batch& xT = chain.stateAt(50);
        const double var = xT.cast<double>().squaredNorm() / xT.size();
        QVERIFY2(std::abs(var - 1.0) < 0.15, qPrintable(QString::number(var)));
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
