#include "ui/lessons/lessonplayer.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDockWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTimer>
#include <algorithm>
#include <utility>

#include "ui/document/labdocument.h"
#include "ui/document/lessonstate.h"
#include "ui/explain/explainpanel.h"
#include "ui/lessons/modelfileloader.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/training/trainpanel.h"
#include "ui/view/timeline.h"
#include "ui/widgets/dockroom.h"
#include "ui/widgets/scrollareaaround.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

namespace dlui {

namespace {

ExplainPanel* explainPanelOf(const QDockWidget* dock) {
    return dock ? qobject_cast<ExplainPanel*>(dock->widget()) : nullptr;
}

/// The step is about the schedule: its plots or its checks.
bool usesScheduleDock(const dl::LessonStep& step) {
    return step.schedulePlots || step.scheduleChecks;
}

/// The step draws one of the Sampling dock's "Field at t" overlays.
bool drawsField(const dl::LessonStep& step) {
    return step.overlays.learnedArrows || step.overlays.exactArrows || step.overlays.density;
}

}  // namespace

LessonPlayer::LessonPlayer(MainWindow* window, TrainingAndSampling* live, QObject* parent)
    : QObject(parent), mWindow(window), mLive(live), mModelLoader(new ModelFileLoader(this)) {
    setObjectName(QStringLiteral("lessonPlayer"));
    LabDocument* doc = window->document();
    window->schedulePanel()->installEventFilter(this);
    connect(doc, &LabDocument::dataSetChanged, this, &LessonPlayer::continueStep);
    connect(doc, &LabDocument::modelChanged, this, &LessonPlayer::continueStep);
    connect(mModelLoader, &ModelFileLoader::loaded, this, &LessonPlayer::onModelLoaded);
    // The step's data and model arrive after it is shown and change the Schedule dock's rows (the model's
    // banner): scrolled before they came, the ᾱ_t plot could end up below the fold again.
    connect(this, &LessonPlayer::stepReady, this, [this](int index) {
        if (mLesson && index >= 0 && usesScheduleDock(mLesson->steps[static_cast<std::size_t>(index)]))
            QMetaObject::invokeMethod(this, &LessonPlayer::scrollSchedule, Qt::QueuedConnection);
        QMetaObject::invokeMethod(this, &LessonPlayer::scrollSamplingToField, Qt::QueuedConnection);
    });
    // The fields' agreement comes from the overlay's worker after the step is ready, and its two lines
    // went below the fold of the Sampling dock that "What the network learns" points at.
    // Until the lecturer scrolls the dock: from then on it is theirs.
    connect(live->samplingPanel(), &SamplingPanel::fieldNoteChanged, this, [this] {
        const QScrollArea* area = scrollAreaAround(mLive->samplingPanel());
        if (mIndex < 0 || !area || mLive->samplingPanel()->fieldNote()->text().isEmpty() ||
            (mFieldScrollSet && *mFieldScrollSet != area->verticalScrollBar()->value()))
            return;
        QMetaObject::invokeMethod(this, &LessonPlayer::scrollSamplingToField, Qt::QueuedConnection);
    });
    connect(mModelLoader, &ModelFileLoader::failed, this, [this](quint64 id, const QString& message) {
        if (id != mGeneration) return;
        mWaiting = false;
        Q_EMIT problemReported(tr("Could not load the lesson's model: %1").arg(message));
    });
    connect(live->samplingPanel(), &SamplingPanel::samplesReady, this, [this] {
        if (!mAwaitingSamples) return;
        mAwaitingSamples = false;
        if (mLesson && mLesson->steps[static_cast<std::size_t>(mIndex)].play) mWindow->timeline()->play();
        Q_EMIT stepReady(mIndex);
    });
}

LessonPlayer::SamplingChoices LessonPlayer::currentSamplingChoices() const {
    const SamplingPanel* sampling = mLive->samplingPanel();
    SamplingChoices c;
    c.learned = sampling->denoiser() == SamplingPanel::DenoiserChoice::Learned;
    c.sampler = sampling->samplerParams();
    c.points = sampling->pointCount();
    c.overlays = sampling->overlaySettings();
    return c;
}

void LessonPlayer::setLesson(const dl::Lesson& lesson, const QString& path) {
    // A lesson opened over another keeps the choices from before the first.
    if (!mBeforeLesson) {
        mBeforeLesson = currentSamplingChoices();
        mSessionBefore = mWindow->currentSession();
        mModifiedBefore = mWindow->document()->isModified();
        mModelGenerationBefore = mWindow->document()->modelGeneration();
        QObject::disconnect(mSamplesWait);
        mSamplesBefore.reset();
        const LabDocument* doc = mWindow->document();
        if (doc->trajectory() && !doc->trajectory()->empty())
            mSamplesBefore = SamplesBefore{doc->sampleResult(),
                                           doc->trajectory(),
                                           doc->samplesRun(),
                                           doc->samplesSchedule(),
                                           doc->dataSource(),
                                           doc->modelGeneration(),
                                           mWindow->timeline()->mode() == Timeline::Mode::Reverse,
                                           mWindow->timeline()->t()};
    }
    mLesson = lesson;
    mPath = path;
    mIndex = -1;
    mFieldScrollSet.reset();
    ++mGeneration;
    mWaiting = mAwaitingSamples = false;
    Q_EMIT lessonChanged();
}

void LessonPlayer::closeLesson() {
    if (mBeforeLesson) {
        SamplingPanel* sampling = mLive->samplingPanel();
        sampling->setDenoiser(mBeforeLesson->learned ? SamplingPanel::DenoiserChoice::Learned
                                                     : SamplingPanel::DenoiserChoice::Exact);
        sampling->setSamplerParams(mBeforeLesson->sampler);
        sampling->setPointCount(mBeforeLesson->points);
        sampling->setOverlaySettings(mBeforeLesson->overlays);
        mBeforeLesson.reset();
    }
    if (ExplainPanel* panel = explainPanelOf(mWindow->findChild<QDockWidget*>(QStringLiteral("explainDock"))))
        panel->setWidensDockToText(false);
    // The docks' contents scrolled back to where they were (the layout comes back by itself).
    for (const auto& kept : std::exchange(mScrollsBefore, {}))
        if (QScrollArea* area = kept.first)
            QTimer::singleShot(0, area,
                               [area, value = kept.second] { area->verticalScrollBar()->setValue(value); });
    const std::optional<Session> before = std::exchange(mSessionBefore, std::nullopt);
    mLesson.reset();
    mPath.clear();
    mIndex = -1;
    mFieldScrollSet.reset();
    mScheduleScrollSet.reset();
    ++mGeneration;
    mWaiting = mAwaitingSamples = false;
    if (before) {  // after the lesson is gone: the data it brings back must not continue a step
        // The model is the one the lesson left, so the session names its file, not the earlier model's.
        Session restored = *before;
        restored.modelPath = mWindow->document()->modelPath();
        mWindow->timeline()->pause();
        // The lesson's samples end with it, before the view from before comes back. On the lesson's own
        // data nothing reloads to clear them: they stayed behind the forward view, and the next lesson
        // took them for the work from before it and showed them when it closed.
        mWindow->document()->clearSamples();
        QString error;
        // Put back as it was, the window is as modified as before the lesson ("untitled*" after a lesson
        // that changed nothing of its own); a model the lesson left in it is a change.
        const bool modelKept = mWindow->document()->modelGeneration() == mModelGenerationBefore;
        if (!mWindow->restoreSession(restored, mModifiedBefore || !modelKept, &error))
            Q_EMIT problemReported(error);
        // The samples too: closing a lesson dropped them, and the reverse view then said "train a model,
        // then Sample" beside a finished model. The data come back through the loader, which clears
        // samples, so they are shown again once the data are there.
        if (mSamplesBefore && restoreSamplesBefore()) {
            mSamplesBefore.reset();  // the data were there already
        } else if (mSamplesBefore) {
            mSamplesWait = connect(mWindow->document(), &LabDocument::dataSetChanged, this, [this] {
                QObject::disconnect(mSamplesWait);
                restoreSamplesBefore();
                mSamplesBefore.reset();
            });
        }
    }
    Q_EMIT lessonChanged();
}

bool LessonPlayer::restoreSamplesBefore() {
    LabDocument* doc = mWindow->document();
    if (!mSamplesBefore || !sameData(doc->dataSource(), mSamplesBefore->source) ||
        doc->modelGeneration() != mSamplesBefore->modelGeneration)
        return false;
    const SamplesBefore& s = *mSamplesBefore;
    doc->setSamples(s.result, s.trajectory, s.run, s.schedule);
    if (s.reverse) {
        mWindow->timeline()->setMode(Timeline::Mode::Reverse);
        mWindow->timeline()->setT(s.t);
    }
    return true;
}

void LessonPlayer::showSchedulePlots() {
    auto* schedule = mWindow->findChild<QDockWidget*>(QStringLiteral("scheduleDock"));
    if (!schedule) return;
    schedule->show();
    schedule->raise();
    // Queued: a dock just shown has no place in the layout yet. The lesson's close gives the layout from
    // before it back (LessonMenu), so the heights need no undoing here.
    QMetaObject::invokeMethod(
        this,
        [this, schedule] {
            if (!schedule->isVisible() || schedule->isFloating()) return;
            widenScheduleToItsRows(schedule);
            QList<QDockWidget*> column{schedule};
            int height = schedule->height();
            for (QDockWidget* d : mWindow->findChildren<QDockWidget*>())
                if (d != schedule && d->isVisible() && !d->isFloating() && !d->visibleRegion().isEmpty() &&
                    mWindow->dockWidgetArea(d) == mWindow->dockWidgetArea(schedule) &&
                    d->x() == schedule->x()) {
                    column << d;
                    height += d->height();
                }
            if (column.size() < 2) return;
            // The others keep their least height (a tab bar and a line or two); the rest is the schedule's.
            QList<int> heights{0};
            int others = 0;
            for (qsizetype i = 1; i < column.size(); ++i) {
                heights << std::max(column[i]->minimumSizeHint().height(), 1);
                others += heights.back();
            }
            heights.front() = height - others;
            mWindow->resizeDocks(column, heights, Qt::Vertical);
            scrollSchedule();
        },
        Qt::QueuedConnection);
}

void LessonPlayer::widenScheduleToItsRows(QDockWidget* schedule) {
    // In presenter mode the dock kept the width it had at the window's own type, and with twice the type
    // its rows (the zero-SNR box, the checks) ran off its right edge behind a horizontal scroll bar. It
    // takes the width they need, up to 45 % of the window, as the Explain dock does for its equations.
    SchedulePanel* panel = mWindow->schedulePanel();
    const QScrollArea* area = scrollAreaAround(panel);
    if (!area) return;
    const QScrollBar* bar = area->verticalScrollBar();
    const int chrome =
        schedule->width() - area->viewport()->width() + (bar->isVisible() ? 0 : bar->sizeHint().width());
    const int wanted =
        std::min(panel->minimumSizeHint().width() + chrome, widestDockBesideTheView(mWindow, schedule));
    if (schedule->width() < wanted) mWindow->resizeDocks({schedule}, {wanted}, Qt::Horizontal);
}

void LessonPlayer::scrollSchedule() {
    if (!mLesson || mIndex < 0) return;
    if (mLesson->steps[static_cast<std::size_t>(mIndex)].scheduleChecks)
        scrollScheduleToChecks();
    else
        scrollScheduleToAlphaBar();
}

void LessonPlayer::scrollScheduleToChecks() {
    // The checks from their first line, or as much of them as the dock has room for.
    SchedulePanel* panel = mWindow->schedulePanel();
    QWidget* checks = panel->diagnostics();
    QScrollArea* area = scrollAreaAround(panel);
    if (!checks || !area) return;
    for (int i = 0; i < 3; ++i) QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    rememberScroll(area);
    area->verticalScrollBar()->setValue(checks->mapTo(panel, QPoint(0, 0)).y());
    mScheduleScrollSet = area->verticalScrollBar()->value();
}

bool LessonPlayer::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::Resize || watched != mWindow->schedulePanel() || !mLesson || mIndex < 0 ||
        !usesScheduleDock(mLesson->steps[static_cast<std::size_t>(mIndex)]) || !mScheduleScrollSet)
        return false;
    // Until the lecturer scrolls the dock: from then on it is theirs.
    if (const QScrollArea* area = scrollAreaAround(mWindow->schedulePanel());
        area && area->verticalScrollBar()->value() == *mScheduleScrollSet)
        QMetaObject::invokeMethod(this, &LessonPlayer::scrollSchedule, Qt::QueuedConnection);
    return false;
}

void LessonPlayer::scrollScheduleToAlphaBar() {
    // Under the fields and a schedule's warnings (the cosine one is five lines) the ᾱ_t plot stayed below
    // the fold in a dock given its column: the dock's contents scroll to show it whole, from the first of
    // the panel's rows (or plots) that starts at or below the line needed, so nothing is cut at the top.
    SchedulePanel* panel = mWindow->schedulePanel();
    QWidget* alpha = panel->plots()->plots().value(1);
    QScrollArea* area = scrollAreaAround(panel);
    if (!alpha || !area) return;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);  // the rows where they now are
    rememberScroll(area);
    const int alphaTop = alpha->mapTo(panel, QPoint(0, 0)).y();
    const int needed = alphaTop + alpha->height() - area->viewport()->height();
    int top = alphaTop;
    QList<QWidget*> rows = panel->findChildren<QWidget*>(Qt::FindDirectChildrenOnly);
    for (QWidget* plot : panel->plots()->plots()) rows << plot;
    for (const QWidget* row : rows) {
        const int y = row->mapTo(panel, QPoint(0, 0)).y();
        if (row->isVisible() && y >= needed && y < top) top = y;
    }
    area->verticalScrollBar()->setValue(std::max(0, top));
    mScheduleScrollSet = area->verticalScrollBar()->value();
}

void LessonPlayer::scrollSamplingToField() {
    if (!mLesson || mIndex < 0 || !drawsField(mLesson->steps[static_cast<std::size_t>(mIndex)])) return;
    SamplingPanel* sampling = mLive->samplingPanel();
    QScrollArea* area = scrollAreaAround(sampling);
    if (!area || area->visibleRegion().isEmpty()) return;  // a tab behind Explain, or closed
    // The note's lines counted: its group, the panel and the scroll area's widget each lay out in turn.
    for (int i = 0; i < 3; ++i) QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    rememberScroll(area);
    area->ensureWidgetVisible(sampling->fieldGroup(), 0, 0);
    if (!sampling->fieldNote()->text().isEmpty()) {
        // The note is the group's last line: down to the group's frame, so no line of it is cut.
        QWidget* group = sampling->fieldGroup();
        const int groupBottom = group->mapTo(area->widget(), QPoint(0, group->height())).y();
        QScrollBar* bar = area->verticalScrollBar();
        bar->setValue(std::max(bar->value(), groupBottom - area->viewport()->height()));
    }
    mFieldScrollSet = area->verticalScrollBar()->value();
}

void LessonPlayer::rememberScroll(QScrollArea* area) {
    for (const auto& kept : mScrollsBefore)
        if (kept.first == area) return;
    mScrollsBefore.emplace_back(area, area->verticalScrollBar()->value());
}

void LessonPlayer::next() {
    if (mLesson && mIndex + 1 < stepCount()) goTo(mIndex + 1);
}

void LessonPlayer::previous() {
    if (mLesson && mIndex > 0) goTo(mIndex - 1);
}

void LessonPlayer::showStepDocks() {
    if (!mLesson || mIndex < 0) return;
    const dl::LessonStep& step = mLesson->steps[static_cast<std::size_t>(mIndex)];
    // A step that draws a field without Explain is about the Sampling dock's "Field at t" (the fields'
    // agreement): the dock in front, also in presenter mode, which had hidden it.
    if (auto* samplingDock = mWindow->findChild<QDockWidget*>(QStringLiteral("samplingDock"));
        samplingDock && drawsField(step) && !step.explain) {
        samplingDock->show();
        samplingDock->raise();
        QMetaObject::invokeMethod(this, &LessonPlayer::scrollSamplingToField, Qt::QueuedConnection);
    }
    if (auto* explain = mWindow->findChild<QDockWidget*>(QStringLiteral("explainDock"))) {
        explain->setVisible(step.explain);
        if (step.explain) explain->raise();
        if (ExplainPanel* panel = explainPanelOf(explain)) {
            panel->setWidensDockToText(step.explain);
            // From its first line: the text keeps the reader's place as it changes, and a step opened on
            // the place the last one was scrolled to, its title cut off (in presenter mode, at 720p).
            if (step.explain) panel->textView()->verticalScrollBar()->setValue(0);
        }
    }
    if (usesScheduleDock(step)) showSchedulePlots();
}

void LessonPlayer::goTo(int index) {
    if (!mLesson) return;
    mIndex = std::clamp(index, 0, stepCount() - 1);
    mFieldScrollSet.reset();
    mScheduleScrollSet.reset();
    ++mGeneration;
    mAwaitingSamples = false;
    const dl::LessonStep& step = mLesson->steps[static_cast<std::size_t>(mIndex)];
    mWindow->timeline()->pause();

    QString error;
    if (!mWindow->applySession(lessonStepSession(step, mWindow->currentSession()), &error))
        Q_EMIT problemReported(error);

    SamplingPanel* sampling = mLive->samplingPanel();
    FieldOverlaySettings overlays = sampling->overlaySettings();
    overlays.learnedArrows = step.overlays.learnedArrows;
    overlays.exactArrows = step.overlays.exactArrows;
    overlays.density = step.overlays.density;
    sampling->setOverlaySettings(overlays);
    sampling->setDenoiser(step.learned ? SamplingPanel::DenoiserChoice::Learned
                                       : SamplingPanel::DenoiserChoice::Exact);
    sampling->setSamplerParams(step.sampler);
    sampling->setPointCount(step.samplePoints);
    showStepDocks();

    const LabDocument* doc = mWindow->document();
    mWaiting = true;
    if (!step.modelPath.isEmpty() && !(doc->hasModel() && doc->modelPath() == step.modelPath))
        mModelLoader->load(step.modelPath, mGeneration);
    Q_EMIT stepChanged(mIndex);
    continueStep();
}

void LessonPlayer::onModelLoaded(quint64 id, const QString& path, std::shared_ptr<const dl::ModelFile> file) {
    if (id != mGeneration || !mLesson) return;
    const auto data = mWindow->document()->dataSet();
    if (data && data->dim() != file->model.dataDim) {
        mWaiting = false;
        Q_EMIT problemReported(tr("The lesson's model works on data of dimension %1, not %2.")
                                   .arg(file->model.dataDim)
                                   .arg(data->dim()));
        return;
    }
    mLive->trainPanel()->adoptModelFile(*file, path);  // modelChanged → continueStep
}

void LessonPlayer::continueStep() {
    if (!mLesson || mIndex < 0 || !mWaiting) return;
    const dl::LessonStep& step = mLesson->steps[static_cast<std::size_t>(mIndex)];
    const LabDocument* doc = mWindow->document();
    if (!(doc->dataSource() == lessonDataSource(step.data))) return;  // the data are still loading
    if (!step.modelPath.isEmpty() && !(doc->hasModel() && doc->modelPath() == step.modelPath)) return;
    mWaiting = false;
    if (step.reverse) {
        mAwaitingSamples = true;
        mLive->samplingPanel()->sample();  // in a worker; samplesReady plays it
        return;
    }
    mWindow->timeline()->setT(step.t);
    if (step.play) mWindow->timeline()->play();
    Q_EMIT stepReady(mIndex);
}

}  // namespace dlui
