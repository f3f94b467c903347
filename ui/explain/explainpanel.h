// The Explain dock: the equations of what is on screen, typeset, with the current numbers next to the
// symbols. Forward view: the forward step, the closed form and the training loss; reverse view: the
// posterior and the update of the sampler chosen in the Sampling panel (DDPM, DDIM or Langevin). Every
// number follows the timeline's t and the schedule at once (direct connections: the text is rebuilt
// before the next paint). The reverse view uses the schedule the next run samples with: the model's
// for the learned denoiser, the editor's for the exact one.
//
//   auto* dock = dlui::createExplainDock(window, samplingPanel);
//   window->addPanelDock(dock, Qt::RightDockWidgetArea);
#pragma once

#include <QHash>
#include <QTimer>
#include <QWidget>

#include "core/sampling/samplers.h"
#include "ui/explain/equationtext.h"
#include "ui/explain/explainnumbers.h"
#include "ui/explain/reversepoint.h"

class QDockWidget;
class QTextBrowser;

namespace dlui {

class LabDocument;
class MainWindow;
class SamplingPanel;
class Timeline;

class ExplainPanel : public QWidget {
    Q_OBJECT
public:
    ExplainPanel(LabDocument* document, Timeline* timeline, SamplingPanel* sampling,
                 QWidget* parent = nullptr);

    ExplainView view() const { return mView; }
    /// The numbers on screen now.
    const StepNumbers& numbers() const { return mNumbers; }
    /// The sampler settings the numbers were computed for.
    const dl::SamplerParams& sampler() const { return mSampler; }
    /// The schedule the numbers come from (the editor's, or the model's in the reverse view).
    const dl::Schedule& schedule() const;
    /// Ids of the sections shown, in order (see EquationText::sectionIds).
    QStringList shownSections() const { return mShown; }
    /// The rich text of a shown section (title and equations) as given to the text view; empty when hidden.
    QString sectionHtml(const QString& id) const { return mHtml.value(id); }
    /// The view the sections are shown in (read-only, selectable, scrolls by itself).
    QTextBrowser* textView() const { return mText; }
    /// Times the text was laid out (tests: playback lays it out at most every 100 ms).
    int layoutCount() const { return mLayoutCount; }
    /// The panel's width that shows its text without a horizontal scroll bar: the widest line that cannot
    /// wrap (an equation), its margins and room for the vertical scroll bar.
    int widthForText() const;
    /// widthForText() for the widest text a playback of the current view and sampler shows (t = 1, T/2, T).
    int widthForPlayback() const;
    /// While on (a lesson is open), the panel's dock, docked beside the view, is widened to
    /// widthForPlayback() at once, and to widthForText() for each new text shown while the timeline is
    /// paused, as far as widestDockBesideTheView allows (ui/widgets/dockroom.h); it never narrows it. In
    /// presenter mode, with its larger type, the equations otherwise ran off the dock's right edge behind a
    /// horizontal scroll bar. Off, the dock keeps the width the user gave it.
    void setWidensDockToText(bool on);

    /// The point the inspector picked (row −1 when none) and its vectors at the current t.
    struct InspectedPoint {
        int row = -1;
        double x0[2] = {0, 0}, eps[2] = {0, 0}, xt[2] = {0, 0};
    };
    const InspectedPoint& inspected() const { return mInspected; }
    /// Reverse view: the picked point's vectors for the step shown (nothing when none is picked or recorded).
    const std::optional<ReversePointVectors>& inspectedStep() const { return mInspectedStep; }

public Q_SLOTS:
    /// Fills the closed form (forward view) or the reverse step (reverse view, from the sampler's records)
    /// in with one point's vectors (2D points); −1 clears it.
    void setInspectedPoint(int row);
    /// Recomputes the numbers and rebuilds the text (called on every change it listens to).
    void refresh();
    /// While the side-by-side comparison replaces the main view, the text says its numbers are the hidden
    /// main view's, not the panes'.
    void setComparing(bool comparing);

protected:
    void showEvent(QShowEvent* event) override;
    /// Narrower than the table of values with two pairs a row: one pair a row, or each value under its
    /// symbol (and back when wider).
    void resizeEvent(QResizeEvent* event) override;
    /// The text is rich text built from many messages: rebuilt in the new language on a language switch.
    void changeEvent(QEvent* event) override;

private:
    void updateInspected();
    void showPendingHtml();
    /// Pairs a row for the table of values that fit the text view's width (2, else 1, else 0).
    int valuePairsThatFit() const;
    enum class WidenFor { Shown, Playback };
    /// See setWidensDockToText; queued after a layout of the text.
    void widenDockToText(WidenFor what);
    NoiseEstimate noiseEstimate() const;
    /// A section's title and equations as one block of the text.
    static QString sectionBlock(const ExplainSection& section);
    /// The panel's width for `html` laid out as the text view lays it out.
    int widthForHtml(const QString& html) const;
    /// The panel's width around a text `textWidth` wide: margins, frame and the vertical scroll bar.
    int widthAround(qreal textWidth) const;

    LabDocument* mDocument;
    Timeline* mTimeline;
    SamplingPanel* mSampling;
    QTextBrowser* mText;
    QHash<QString, QString> mHtml;
    QString mPendingHtml;  // built but not yet laid out (the panel was hidden); null when none
    int mLayoutCount = 0;
    bool mWidensDock = false;
    QTimer mPlayingLayout;  // while the timeline plays: lays the newest text out at most every 100 ms
    QStringList mShown;
    int mValuePairsPerRow = 2;
    ExplainView mView = ExplainView::Forward;
    StepNumbers mNumbers;
    dl::SamplerParams mSampler;
    int mInspectedRow = -1;
    bool mComparing = false;
    InspectedPoint mInspected;
    std::optional<ReversePointVectors> mInspectedStep;
};

/// The Explain dock (object name "explainDock") for a window, reading the sampler from its Sampling panel,
/// with a point inspector (pointinspector.h) on the window's main view.
QDockWidget* createExplainDock(MainWindow* window, SamplingPanel* sampling);

}  // namespace dlui
