// The Schedule dock: kind, T, β_start/β_end on log sliders, zero-terminal-SNR, a hand-drawn curve for the
// custom kind, the plots with a marker at the timeline's t, a pinned schedule for comparison, and the
// diagnostics with their fixes. Edits go to the LabDocument; invalid input shows a message and the document
// keeps its last valid schedule. A banner names the schedule the model was trained with when the editor
// shows another, so the reverse process is never silently mixed up with the forward view.
//
//   auto* panel = new dlui::SchedulePanel(document);
//   connect(timeline, &dlui::Timeline::tChanged, panel, &dlui::SchedulePanel::setCurrentT);
#pragma once

#include <QWidget>
#include <optional>

#include "core/math/schedule.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace dlui {

class LabDocument;
class LogSlider;
class ScheduleCurveEditor;
class ScheduleDiagnosticsView;
class SchedulePlots;

class SchedulePanel : public QWidget {
    Q_OBJECT
public:
    explicit SchedulePanel(LabDocument* document, QWidget* parent = nullptr);

    SchedulePlots* plots() const { return mPlots; }
    ScheduleDiagnosticsView* diagnostics() const { return mDiagnostics; }
    /// The message shown for the last invalid input (empty when the input is valid).
    QString errorText() const;
    /// The pinned comparison schedule, if any.
    const std::optional<dl::Schedule>& pinned() const;
    void setPinned(const std::optional<dl::Schedule>& pinned);

    // Controls, for tests and keyboard focus.
    QComboBox* kindBox() const { return mKind; }
    QSpinBox* stepsBox() const { return mSteps; }
    LogSlider* betaStartSlider() const { return mBetaStart; }
    LogSlider* betaEndSlider() const { return mBetaEnd; }
    QCheckBox* zeroSnrBox() const { return mZeroSnr; }
    ScheduleCurveEditor* curveEditor() const { return mCurve; }

public Q_SLOTS:
    void setCurrentT(int t);

protected:
    void changeEvent(QEvent* event) override;

private:
    void styleBanner();
    void applyFromControls();
    void syncFromDocument();
    void syncPinned();
    void updateDiagnostics();
    void updateBanner();

    LabDocument* mDocument;
    QWidget* mBannerBox;  // the info icon and mBanner, shown together
    QLabel* mBanner;
    QComboBox* mKind;
    QSpinBox* mSteps;
    LogSlider* mBetaStart;
    LogSlider* mBetaEnd;
    QCheckBox* mZeroSnr;
    ScheduleCurveEditor* mCurve;
    QLabel* mError;
    QPushButton* mPin;
    QLabel* mPinLabel;
    SchedulePlots* mPlots;
    ScheduleDiagnosticsView* mDiagnostics;
    double mDataMaxAbs = 0.0;
    bool mSyncing = false;
    bool mCurveDragged = false;  // the change comes from the curve editor's points
};

}  // namespace dlui
