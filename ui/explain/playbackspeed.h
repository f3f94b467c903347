// Playback speed for teaching: a "Playback speed" submenu of the Run menu that plays the timeline at
// 0.1× … 10× of the steps/s set under the view, "Faster" (]) and "Slower" ([) to step through those
// rates, and "Slow motion" (S), a toggle to 0.1× and back to the rate before it. It only sets
// Timeline::rateFactor(); the steps/s box keeps its meaning.
//
//   auto* speed = new dlui::PlaybackSpeed(window);   // adds the menu entries, becomes a child of the window
//   speed->slowMotionAction()->trigger();
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;

namespace dlui {

class MainWindow;
class Timeline;

class PlaybackSpeed : public QObject {
    Q_OBJECT
public:
    /// The rates offered, as multiples of the timeline's steps/s.
    static QList<double> rates();

    explicit PlaybackSpeed(MainWindow* window);

    QMenu* menu() const { return mMenu; }
    QAction* fasterAction() const { return mFaster; }
    QAction* slowerAction() const { return mSlower; }
    QAction* slowMotionAction() const { return mSlowMotion; }
    /// The menu entry of a rate (null when it is not one of rates()).
    QAction* rateAction(double rate) const;

private:
    void setRate(double rate);
    void stepRate(int direction);
    void syncFromTimeline();

    MainWindow* mWindow;
    Timeline* mTimeline;
    QMenu* mMenu = nullptr;
    QActionGroup* mRateGroup = nullptr;
    QAction* mFaster = nullptr;
    QAction* mSlower = nullptr;
    QAction* mSlowMotion = nullptr;
    double mRateBeforeSlowMotion = 1.0;
};

}  // namespace dlui
