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
#include <QWidget>

#include "core/sampling/samplers.h"
#include "ui/explain/equationtext.h"
#include "ui/explain/explainnumbers.h"

class QDockWidget;
class QLabel;
class QVBoxLayout;

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
    /// The label of a section (object name "explain_<id>"), or null.
    QLabel* sectionLabel(const QString& id) const { return mLabels.value(id); }

public Q_SLOTS:
    /// Recomputes the numbers and rebuilds the text (called on every change it listens to).
    void refresh();

private:
    QLabel* labelFor(const QString& id);

    LabDocument* mDocument;
    Timeline* mTimeline;
    SamplingPanel* mSampling;
    QVBoxLayout* mLayout;
    QHash<QString, QLabel*> mLabels;
    QStringList mShown;
    ExplainView mView = ExplainView::Forward;
    StepNumbers mNumbers;
    dl::SamplerParams mSampler;
};

/// The Explain dock (object name "explainDock") for a window, reading the sampler from its Sampling panel.
QDockWidget* createExplainDock(MainWindow* window, SamplingPanel* sampling);

}  // namespace dlui
