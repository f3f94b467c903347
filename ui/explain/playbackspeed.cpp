#include "ui/explain/playbackspeed.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QStatusBar>
#include <cmath>

#include "ui/view/timeline.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

bool sameRate(double a, double b) {
    return std::abs(a - b) < 1e-9;
}

QString rateText(double rate) {
    return PlaybackSpeed::tr("%1\u00D7").arg(rate);
}

/// The Run menu: the menu that holds the Play / pause action.
QMenu* runMenu(MainWindow* window) {
    for (QObject* owner : window->actions().playPause->associatedObjects())
        if (auto* menu = qobject_cast<QMenu*>(owner)) return menu;
    return nullptr;
}

}  // namespace

QList<double> PlaybackSpeed::rates() {
    return {0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0};
}

PlaybackSpeed::PlaybackSpeed(MainWindow* window)
    : QObject(window), mWindow(window), mTimeline(window->timeline()) {
    setObjectName(QStringLiteral("playbackSpeed"));
    mMenu = new QMenu(tr("Playback spee&d"), window);
    mMenu->setObjectName(QStringLiteral("playbackSpeedMenu"));
    mRateGroup = new QActionGroup(this);
    // Optional: between the listed rates (never reached from this menu, but possible) none is checked.
    mRateGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (double rate : rates()) {
        QAction* action = mMenu->addAction(rateText(rate));
        action->setCheckable(true);
        action->setData(rate);
        mRateGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, rate] { setRate(rate); });
    }
    mMenu->addSeparator();
    // Window-wide keys, like the other timeline keys; text fields still take them as typing.
    mFaster = mMenu->addAction(tr("&Faster"));
    mFaster->setShortcut(QKeySequence(Qt::Key_BracketRight));
    mSlower = mMenu->addAction(tr("S&lower"));
    mSlower->setShortcut(QKeySequence(Qt::Key_BracketLeft));
    mSlowMotion = mMenu->addAction(tr("Slow &motion (0.1\u00D7)"));
    mSlowMotion->setCheckable(true);
    mSlowMotion->setShortcut(QKeySequence(Qt::Key_S));
    for (QAction* action : {mFaster, mSlower, mSlowMotion}) {
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);  // the keys work with the menu closed
    }
    connect(mFaster, &QAction::triggered, this, [this] { stepRate(+1); });
    connect(mSlower, &QAction::triggered, this, [this] { stepRate(-1); });
    connect(mSlowMotion, &QAction::toggled, this, [this](bool on) {
        if (on) {
            mRateBeforeSlowMotion = mTimeline->rateFactor();
            mTimeline->setRateFactor(Timeline::kMinRateFactor);
        } else {
            mTimeline->setRateFactor(mRateBeforeSlowMotion);
        }
    });
    connect(mTimeline, &Timeline::playbackSettingsChanged, this, &PlaybackSpeed::syncFromTimeline);

    if (QMenu* run = runMenu(window)) {
        run->addSeparator();
        run->addMenu(mMenu);
    }
    syncFromTimeline();
}

QAction* PlaybackSpeed::rateAction(double rate) const {
    for (QAction* action : mRateGroup->actions())
        if (sameRate(action->data().toDouble(), rate)) return action;
    return nullptr;
}

void PlaybackSpeed::setRate(double rate) {
    // Picking a rate ends slow motion, which would otherwise restore its old rate later.
    if (mSlowMotion->isChecked()) {
        const QSignalBlocker block(mSlowMotion);
        mSlowMotion->setChecked(false);
    }
    mTimeline->setRateFactor(rate);
    syncFromTimeline();  // also re-checks a rate the person clicked a second time
    mWindow->statusBar()->showMessage(
        tr("Playback at %1 of %2 steps/s").arg(rateText(rate)).arg(mTimeline->speed()), 3000);
}

void PlaybackSpeed::stepRate(int direction) {
    const QList<double> all = rates();
    const double now = mTimeline->rateFactor();
    double next = now;
    if (direction > 0) {
        for (double rate : all)
            if (rate > now + 1e-9) {
                next = rate;
                break;
            }
    } else {
        for (auto it = all.crbegin(); it != all.crend(); ++it)
            if (*it < now - 1e-9) {
                next = *it;
                break;
            }
    }
    setRate(next);
}

void PlaybackSpeed::syncFromTimeline() {
    const double now = mTimeline->rateFactor();
    QAction* current = rateAction(now);
    if (current)
        current->setChecked(true);
    else if (QAction* checked = mRateGroup->checkedAction())
        checked->setChecked(false);
    mFaster->setEnabled(now < Timeline::kMaxRateFactor - 1e-9);
    mSlower->setEnabled(now > Timeline::kMinRateFactor + 1e-9);
}

}  // namespace dlui
