#include "ui/anatomy/stepanatomy.h"

#include <QAction>
#include <QMenu>
#include <QSignalBlocker>
#include <QStatusBar>

#include "ui/anatomy/anatomymarks.h"
#include "ui/document/labdocument.h"
#include "ui/explain/pointinspector.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

/// The Run menu: the menu that holds the Play / pause action.
QMenu* runMenu(MainWindow* window) {
    for (QObject* owner : window->actions().playPause->associatedObjects())
        if (auto* menu = qobject_cast<QMenu*>(owner)) return menu;
    return nullptr;
}

/// The timestep of the recorded state the reverse view draws at t (the smallest recorded one ≥ t).
int shownTimestep(const dl::Trajectory& trajectory, int t) {
    int shown = trajectory.timesteps.empty() ? t : trajectory.timesteps.front();
    for (int ts : trajectory.timesteps) {
        if (ts < t) break;
        shown = ts;
    }
    return shown;
}

}  // namespace

StepAnatomy::StepAnatomy(MainWindow* window) : QObject(window), mWindow(window), mView(window->mainView()) {
    setObjectName(QStringLiteral("stepAnatomy"));
    mAction = new QAction(tr("Step mode (&anatomy of a step)"), this);
    mAction->setObjectName(QStringLiteral("stepModeAction"));
    mAction->setCheckable(true);
    mAction->setShortcut(QKeySequence(Qt::Key_A));
    mAction->setShortcutContext(Qt::WindowShortcut);
    mAction->setStatusTip(tr("Reverse view, one sampler step per → / ←, with arrows to x̂₀, μ and the noise"));
    window->addAction(mAction);
    if (QMenu* run = runMenu(window)) {
        run->addSeparator();
        run->addAction(mAction);
    }
    connect(mAction, &QAction::toggled, this, &StepAnatomy::setOn);
    mDecorator = window->mainView()->addSceneDecorator([this](Scene& scene, const MainView::Frame& frame) {
        decorate(scene, frame.t, frame.mode == Timeline::Mode::Reverse, frame.markovChain);
    });
    if (PointInspector* inspector = window->findChild<PointInspector*>(QStringLiteral("pointInspector")))
        connect(inspector, &PointInspector::pointChanged, window->mainView(), &MainView::requestRedraw);
}

StepAnatomy::~StepAnatomy() {
    if (mView && mDecorator) mView->removeSceneDecorator(mDecorator);
}

bool StepAnatomy::isOn() const {
    return mAction->isChecked();
}

int StepAnatomy::pickedRow() const {
    const auto* inspector = mWindow->findChild<PointInspector*>(QStringLiteral("pointInspector"));
    return inspector ? inspector->point() : -1;
}

std::vector<int> StepAnatomy::arrowRows() const {
    const auto trajectory = mWindow->document()->trajectory();
    if (!trajectory) return {};
    const dl::ReverseStepRecords& records = trajectory->stepRecords;
    const int picked = pickedRow();
    if (picked >= 0 && records.slotOf(picked) >= 0) return {picked};
    std::vector<int> rows;
    for (std::size_t i = 0; i < records.rows.size() && rows.size() < std::size_t{kDefaultPoints}; ++i)
        rows.push_back(static_cast<int>(records.rows[i]));
    return rows;
}

void StepAnatomy::setOn(bool on) {
    Timeline* timeline = mWindow->timeline();
    const auto trajectory = mWindow->document()->trajectory();
    if (on && (!trajectory || trajectory->stepRecords.empty())) {
        // Nothing to take apart: the view stays as it is. Switched to an empty reverse view, one stray A in
        // front of a class made the data vanish.
        const QSignalBlocker blocker(mAction);
        mAction->setChecked(false);
        mWindow->statusBar()->showMessage(
            tr("Step mode shows the steps of a DDPM or DDIM run of 2D points: Sample first."), 8000);
        return;
    }
    if (on) {
        // One recorded state per step: the timeline's → / ← then move exactly one reverse step.
        timeline->pause();
        mSmoothBefore = timeline->smoothReverse();
        timeline->setSmoothReverse(false);
        timeline->setMode(Timeline::Mode::Reverse);
        if (timeline->t() == 0) timeline->jumpToStart();  // at x_0 no step is left: start from x_T
        mWindow->statusBar()->showMessage(tr("Step mode: → and ← move one reverse step; click a point to "
                                             "follow it."),
                                          8000);
    } else {
        timeline->setSmoothReverse(mSmoothBefore);
    }
    mWindow->mainView()->requestRedraw();
}

void StepAnatomy::decorate(Scene& scene, int t, bool reverse, bool markovChain) {
    const LabDocument* doc = mWindow->document();
    const auto data = doc->dataSet();
    if (!data || data->isImage() || data->dim() != 2) return;
    const int picked = pickedRow();
    if (!reverse) {
        const auto noise = doc->forwardNoise();
        if (picked >= 0 && !markovChain && noise)
            addForwardPointMarks(scene.annotations, *data, *noise, doc->schedule(), picked, t);
        return;
    }
    const auto trajectory = doc->trajectory();
    const dl::Batch& shown = mWindow->mainView()->shownState();
    if (!trajectory || trajectory->empty()) return;
    if (picked >= 0 && shown.rows() > 0)
        addReversePointMarks(scene.annotations, *trajectory, shown, data->norm, picked);
    if (!isOn()) return;
    const int at = shownTimestep(*trajectory, t);
    if (addStepArrows(scene.annotations, trajectory->stepRecords, arrowRows(), at, data->norm,
                      trajectory->exactDenoiser) > 0) {
        const dl::ReverseStepRecord* step = stepStartingAt(trajectory->stepRecords, at);
        scene.caption += tr("  ·  step mode: t = %1 → %2 (→ next step, ← back)").arg(step->t).arg(step->s);
    } else if (at == 0) {
        scene.caption += tr("  ·  step mode: x₀, every step done (Home: back to x_T)");
    }
}

}  // namespace dlui
