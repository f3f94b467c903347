// Puts the window in the state of one lesson step: the data, schedule, t and noise seed through the
// window's session (ui/document/lessonstate.h); the sampler, denoiser and overlays in the Sampling dock;
// the Explain dock shown or hidden; the step's model read off the GUI thread (ModelFileLoader) and handed
// to the Model & Train panel, so the lecturer can retrain it. A reverse step samples once the data and
// the model are there; a step that asks for it then plays. Going to another step drops what is pending.
// What the narration points at is brought into sight: the Explain dock, the Sampling dock scrolled to its
// "Field at t" for a step that draws a field, the Schedule dock scrolled to its ᾱ_t plot or its checks
// (showStepDocks, again whenever presenter mode changes the layout).
// Closing the lesson gives back what the window showed before it: the data, schedule and view (the lesson's
// T = 50 and 4,000 points stayed in the editor, under a warning about them), and the Sampling dock's
// sampler, denoiser, point count and overlays (a lesson's last "Exact denoiser" would otherwise sample the
// next model trained). The model stays as the lesson left it; it may be one the class trained.
//
//   auto* player = new dlui::LessonPlayer(window, live);
//   player->setLesson(lesson, path);
//   player->goTo(0);
#pragma once

#include <QObject>
#include <QPointer>
#include <QScrollArea>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/io/lessonfile.h"
#include "core/model/modelfile.h"
#include "core/sampling/samplers.h"
#include "ui/document/session.h"
#include "ui/overlays/fieldoverlay.h"

class QDockWidget;

namespace dlui {

class MainWindow;
class ModelFileLoader;
class TrainingAndSampling;

class LessonPlayer : public QObject {
    Q_OBJECT
public:
    LessonPlayer(MainWindow* window, TrainingAndSampling* live, QObject* parent = nullptr);

    bool hasLesson() const { return mLesson.has_value(); }
    const std::optional<dl::Lesson>& lesson() const { return mLesson; }
    QString lessonPath() const { return mPath; }
    /// The step shown, from 0; −1 without a lesson.
    int stepIndex() const { return mIndex; }
    int stepCount() const { return mLesson ? static_cast<int>(mLesson->steps.size()) : 0; }
    /// True while the step waits for its data, model or samples.
    bool isPending() const { return mIndex >= 0 && (mWaiting || mAwaitingSamples); }

    /// Starts a lesson (no step applied yet: call goTo).
    void setLesson(const dl::Lesson& lesson, const QString& path);
    /// Ends the lesson and restores the data, schedule, view and Sampling dock's choices from before it.
    void closeLesson();

public Q_SLOTS:
    /// Applies step `index` (clamped to the lesson).
    void goTo(int index);
    void next();
    void previous();
    /// Shows the docks the step is about (Explain, the Sampling dock's field, the Schedule dock's plots or
    /// checks) again: presenter mode, turned on or off during a step, hides or lays out docks anew.
    void showStepDocks();

Q_SIGNALS:
    /// A lesson was opened or closed.
    void lessonChanged();
    /// Another step is shown.
    void stepChanged(int index);
    /// The step is fully shown (data, model, samples there).
    void stepReady(int index);
    /// Something the step needs could not be done (one line).
    void problemReported(const QString& message);

protected:
    /// The Schedule dock's contents resized (its column widened for an Explain step's equations): what the
    /// step scrolled to has moved, so it is scrolled to again.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void continueStep();
    /// Shows the Schedule dock and gives it its column but the others' least heights (a step's
    /// "schedule_plots").
    void showSchedulePlots();
    /// Widens the shown Schedule dock to its rows' width, within 45 % of the window.
    void widenScheduleToItsRows(QDockWidget* schedule);
    /// Scrolls the Schedule dock's contents to the step's checks or ᾱ_t plot.
    void scrollSchedule();
    /// Scrolls the Schedule dock's contents to show the ᾱ_t plot whole, nothing cut at the top.
    void scrollScheduleToAlphaBar();
    /// Scrolls the Schedule dock's contents to the schedule's checks, from their first line.
    void scrollScheduleToChecks();
    /// On a step that draws a field or density: scrolls the Sampling dock's contents to its "Field at t"
    /// group, and the group's note when it has one (what a narration about the fields points at).
    void scrollSamplingToField();
    /// Keeps a dock's scroll from before the lesson's first scroll of it, for the lesson's close.
    void rememberScroll(QScrollArea* area);
    void onModelLoaded(quint64 id, const QString& path, std::shared_ptr<const dl::ModelFile> file);

    /// What the lesson's steps set in the Sampling dock, as it was before the lesson.
    struct SamplingChoices {
        bool learned = true;
        dl::SamplerParams sampler;
        int points = 0;
        FieldOverlaySettings overlays;
    };
    SamplingChoices currentSamplingChoices() const;

    /// The samples shown before the lesson, with what they belong to, to show them again after it.
    struct SamplesBefore {
        std::shared_ptr<const dl::SampleResult> result;
        std::shared_ptr<const dl::Trajectory> trajectory;
        std::uint64_t run = 0;
        std::optional<dl::Schedule> schedule;
        DataSource source;                  // the data they were drawn for
        std::uint64_t modelGeneration = 0;  // the model they were drawn with (or beside)
        bool reverse = false;               // the view showed them
        int t = 0;
    };
    /// Shows the samples from before the lesson again when their data are back and the model is the same
    /// one (not when the lesson's model replaced the one that drew them). True when it did.
    bool restoreSamplesBefore();

    MainWindow* mWindow;
    TrainingAndSampling* mLive;
    ModelFileLoader* mModelLoader;
    std::optional<dl::Lesson> mLesson;
    QString mPath;
    int mIndex = -1;
    quint64 mGeneration = 0;
    bool mWaiting = false;          // data or model still to come
    bool mAwaitingSamples = false;  // a reverse step's sampling run is on its way
    /// Where the step last scrolled the Sampling dock (another value: the lecturer has scrolled it since).
    std::optional<int> mFieldScrollSet;
    /// The same for the Schedule dock.
    std::optional<int> mScheduleScrollSet;
    // Kept from the first lesson opened until one is closed.
    std::optional<SamplingChoices> mBeforeLesson;
    std::optional<Session> mSessionBefore;  // the data, schedule and view
    bool mModifiedBefore = false;           // the window's "*" before the lesson
    std::uint64_t mModelGenerationBefore = 0;
    std::optional<SamplesBefore> mSamplesBefore;
    /// The docks' scrolls from before the lesson's steps scrolled them.
    std::vector<std::pair<QPointer<QScrollArea>, int>> mScrollsBefore;
    QMetaObject::Connection mSamplesWait;  // until the data from before the lesson are loaded again
};

}  // namespace dlui
