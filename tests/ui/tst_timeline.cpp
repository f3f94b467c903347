// The timeline on its own: stepping, jumping and playing in both directions, looping, clamping when T
// changes. (The Markov-chain cache the timeline's chain mode uses is tested in tests/math.)
#include <QtTest>

#include "ui/view/timeline.h"

using dlui::Timeline;

class TestTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reversePlaybackWaitsAtTheFloor() {
        // A sampling run in progress: reverse playback goes down to the newest computed state and waits
        // there (still playing, without saving up time), then goes on once the floor is lifted.
        Timeline tl;
        tl.setMaximum(100);
        tl.setMode(Timeline::Mode::Reverse);
        tl.jumpToStart();
        tl.setReverseFloor(60);
        tl.setSpeed(100);
        tl.play();
        QTRY_COMPARE_WITH_TIMEOUT(tl.t(), 60, 5000);
        QTest::qWait(1000);  // 100 steps' worth of time at the floor
        QCOMPARE(tl.t(), 60);
        QVERIFY(tl.isPlaying());
        QSignalSpy moved(&tl, &Timeline::tChanged);
        tl.setReverseFloor(0);
        QTRY_VERIFY_WITH_TIMEOUT(!moved.isEmpty(), 3000);
        // The first move is one tick's worth, not the time spent waiting (which would reach 0 at once).
        QVERIFY2(moved.at(0).at(0).toInt() >= 40, qPrintable(moved.at(0).at(0).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!tl.isPlaying(), 5000);
        QCOMPARE(tl.t(), 0);
    }

    void aRunOfFewStepsPlaysItsStatesAtTheSpeed() {
        // DDIM's 50 steps of T = 1000: at 25 steps/s its 51 states play in about 2 s. Counted in timesteps,
        // the animation took 40 s.
        Timeline tl;
        tl.setMaximum(1000);
        tl.setMode(Timeline::Mode::Reverse);
        std::vector<int> stops;
        for (int t = 0; t <= 1000; t += 20) stops.push_back(t);
        tl.setReverseStops(stops);
        tl.jumpToStart();
        QCOMPARE(tl.t(), 1000);
        QSignalSpy moved(&tl, &Timeline::tChanged);
        tl.setSpeed(25);
        tl.play();
        // Half the states within 5 s (1 s at this speed; 20 s when counted in timesteps).
        QTRY_VERIFY_WITH_TIMEOUT(tl.t() <= 500, 5000);
        // Each move lands on a recorded state.
        for (const QList<QVariant>& args : moved) QCOMPARE(args.at(0).toInt() % 20, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!tl.isPlaying(), 5000);
        QCOMPARE(tl.t(), 0);
    }

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
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
