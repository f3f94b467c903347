// Playback speed in the real window (offscreen): Run → Playback speed offers 0.1× … 10×, the rate picked
// there scales how fast the timeline plays, ] and [ step through the rates, and S toggles slow motion
// (0.1×) and back to the rate before it.
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QtTest>

#include "core/math/schedule.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/explain/playbackspeed.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"

using dlui::LabWindow;
using dlui::MainWindow;
using dlui::PlaybackSpeed;

namespace {}  // namespace

class TestExplainPlayback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
        mWindow->resize(1280, 720);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        mSpeed = mWindow->findChild<PlaybackSpeed*>(QStringLiteral("playbackSpeed"));
        QVERIFY(mSpeed);
        mWindow->activateWindow();
        mWindow->mainView()->setFocus();
    }
    void cleanup() { mWindow.reset(); }

    void inTheRunMenu() {
        QMenu* run = nullptr;
        for (QAction* a : mWindow->menuBar()->actions())
            if (a->menu() && a->menu()->actions().contains(mWindow->actions().playPause)) run = a->menu();
        QVERIFY(run);
        QVERIFY(run->actions().contains(mSpeed->menu()->menuAction()));
        QVERIFY(mSpeed->rateAction(0.1) && mSpeed->rateAction(10.0));
        QVERIFY(mSpeed->rateAction(1.0)->isChecked());
        mSpeed->rateAction(0.5)->trigger();
        QCOMPARE(mWindow->timeline()->rateFactor(), 0.5);
        QVERIFY(mSpeed->rateAction(0.5)->isChecked());
    }

    // At 100 steps/s for ~0.4 s: 10× plays ~400 steps, 0.1× ~4. The bounds are wide (a busy machine
    // delays ticks), yet 1× (~40 steps) fails both.
    void rateScalesPlayback() {
        dl::ScheduleParams p = mWindow->document()->schedule().params();
        p.T = 5000;
        QVERIFY(mWindow->document()->setScheduleParams(p));
        dlui::Timeline* timeline = mWindow->timeline();
        timeline->setSpeed(100);

        mSpeed->rateAction(10.0)->trigger();
        timeline->jumpToStart();
        timeline->play();
        QTest::qWait(400);
        timeline->pause();
        QVERIFY2(timeline->t() >= 150,
                 qPrintable(QStringLiteral("10×: t = %1 after 0.4 s").arg(timeline->t())));

        mSpeed->rateAction(0.1)->trigger();
        timeline->jumpToStart();
        timeline->play();
        QTest::qWait(400);
        timeline->pause();
        QVERIFY2(timeline->t() <= 15,
                 qPrintable(QStringLiteral("0.1×: t = %1 after 0.4 s").arg(timeline->t())));
    }

    void keysStepThroughTheRates() {
        dlui::Timeline* timeline = mWindow->timeline();
        QTest::keyClick(mWindow.get(), Qt::Key_BracketRight);
        QCOMPARE(timeline->rateFactor(), 2.0);
        for (int i = 0; i < 10; ++i) QTest::keyClick(mWindow.get(), Qt::Key_BracketRight);
        QCOMPARE(timeline->rateFactor(), 10.0);
        QVERIFY(!mSpeed->fasterAction()->isEnabled());
        for (int i = 0; i < 10; ++i) QTest::keyClick(mWindow.get(), Qt::Key_BracketLeft);
        QCOMPARE(timeline->rateFactor(), 0.1);
        QVERIFY(!mSpeed->slowerAction()->isEnabled());
    }

    void slowMotionToggles() {
        dlui::Timeline* timeline = mWindow->timeline();
        mSpeed->rateAction(4.0)->trigger();
        QTest::keyClick(mWindow.get(), Qt::Key_S);
        QVERIFY(mSpeed->slowMotionAction()->isChecked());
        QCOMPARE(timeline->rateFactor(), 0.1);
        QTest::keyClick(mWindow.get(), Qt::Key_S);
        QVERIFY(!mSpeed->slowMotionAction()->isChecked());
        QCOMPARE(timeline->rateFactor(), 4.0);
        // Picking a rate while in slow motion ends it.
        QTest::keyClick(mWindow.get(), Qt::Key_S);
        mSpeed->rateAction(2.0)->trigger();
        QVERIFY(!mSpeed->slowMotionAction()->isChecked());
        QCOMPARE(timeline->rateFactor(), 2.0);
    }

private:
    std::unique_ptr<MainWindow> mWindow;
    PlaybackSpeed* mSpeed = nullptr;
};

QTEST_MAIN(TestExplainPlayback)
#include "tst_explain_playback.moc"
