// The bar under the main view: jump/step/play buttons and loop, the t slider 0..T, t as a number, speed,
// forward/reverse mode, the Markov-chain toggle, and β_t, ᾱ_t and SNR at the current t. It shows and
// moves a Timeline (ui/view/timeline.h); the numbers come from the schedule the current mode uses (the
// editor's forward, the model's in reverse).
//
//   auto* bar = new dlui::TimelineWidget(timeline, document);
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QRadioButton;
class QSlider;
class QSpinBox;
class QToolButton;

namespace dlui {

class LabDocument;
class Timeline;

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    TimelineWidget(Timeline* timeline, LabDocument* document, QWidget* parent = nullptr);

    QSlider* slider() const { return mSlider; }
    QToolButton* playButton() const { return mPlay; }
    QRadioButton* reverseButton() const { return mReverse; }
    QCheckBox* markovBox() const { return mMarkov; }
    QToolButton* loopButton() const { return mLoop; }
    QComboBox* speedBox() const { return mSpeed; }
    /// The numbers line ("β_t = … ᾱ_t = … SNR = …").
    QString numbersText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void syncFromTimeline();
    /// The speed box's minimum is its size hint: the widest speed, never cut.
    void keepSpeedBoxWhole();
    /// The slider's minimum follows the type, so that presenter mode's does not shrink to a stub.
    void keepSliderLongEnough();
    void updateNumbers();

    Timeline* mTimeline;
    LabDocument* mDocument;
    QToolButton* mStart;
    QToolButton* mBack;
    QToolButton* mPlay;
    QToolButton* mNext;
    QToolButton* mEnd;
    QSlider* mSlider;
    QSpinBox* mTBox;
    QLabel* mOfT;
    QComboBox* mSpeed;
    QLabel* mRate;       // "× 4": the playback speed's factor on the box's speed, when not 1
    QToolButton* mLoop;  ///< checkable: play again from the start at the end
    QRadioButton* mForward;
    QRadioButton* mReverse;
    QCheckBox* mMarkov;
    QLabel* mNumbers;
};

}  // namespace dlui
