// Lesson files: a title, a short explanation and a sequence of steps, each setting what is on screen (data,
// schedule, sampler, t, forward or reverse view, overlays, the Explain dock, a model) and carrying one or
// two sentences of narration in English and Simplified Chinese. The format is in docs/lessons.md.
//
// A step names only what changes: everything else carries over from the step before (the first step
// starts from LessonStep's defaults), so every LessonStep read here is complete and can be shown alone.
// Reading checks everything a step needs (known data shape, valid schedule, t within 0..T, a model for a
// learned reverse, a valid sampler) and names the step and key of the first problem in one line.
//
//   QString error;
//   if (auto lesson = dl::loadLesson(QStringLiteral(":/lessons/forward-destroys.json"), &error))
//       show(lesson->steps.front().narration.text(QLocale()));
//
// A session file is read as a one-step lesson (sessionAsLessonStep), so the command line renders both
// the same way.
#pragma once

#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/math/schedule.h"
#include "core/sampling/samplers.h"
#include "core/training/presets.h"

namespace dl {

/// The lesson file format version this build writes and reads; newer files are refused with a message.
constexpr int kLessonFormatVersion = 1;

/// One text in English and Simplified Chinese.
struct LessonText {
    QString en;
    QString zhCN;
    /// Chinese for a Chinese locale, English otherwise.
    QString text(const QLocale& locale) const;
    bool operator==(const LessonText&) const = default;
};

/// The data a step shows, in the keys of a session file's "data" object.
struct LessonData {
    QString kind = QStringLiteral("builtin");  ///< builtin, text, csv or image_shape
    QString shape = QStringLiteral("moons");   ///< builtin: a name of builtInPointShapes()
    QString text;                              ///< text: the text drawn as points
    QString path;                              ///< csv, image_shape: the file (relative to the lesson)
    int points = 4000;
    std::uint64_t seed = 1;
    bool operator==(const LessonData&) const = default;
};

/// Which field overlays are drawn (the Sampling dock's "Field at t" group).
struct LessonOverlays {
    bool learnedArrows = false;
    bool exactArrows = false;
    bool density = false;
    bool operator==(const LessonOverlays&) const = default;
};

struct LessonStep {
    LessonData data;
    ScheduleParams schedule = defaultTrainingSchedule();  ///< the training preset: linear, T = 150
    int t = 0;                                            ///< forward view: the timestep shown (0..T)
    bool reverse = false;  ///< reverse view: sample, then show the chain from x_T
    bool play = false;     ///< start playback after the step is shown
    std::uint64_t noiseSeed = 1234;
    bool learned = true;      ///< reverse: the model (true) or the exact denoiser of the data set
    SamplerParams sampler;    ///< reverse: kind, steps, η, Langevin step
    int samplePoints = 2000;  ///< reverse: how many points are sampled
    LessonOverlays overlays;
    bool explain = false;  ///< show the Explain dock (the equations with live numbers)
    /// The schedule is the point: the Schedule dock in sight and given most of its column, so its plots and
    /// checks show (at 1280×720 they were below the fold, under the fields).
    bool schedulePlots = false;
    /// The schedule's checks are the point (a narration about the editor's warning): as schedulePlots, but
    /// scrolled to the checks rather than to the ᾱ_t plot.
    bool scheduleChecks = false;
    QString modelPath;  ///< resolved against the lesson's folder; empty: no model
    LessonText narration;
};

struct Lesson {
    LessonText title;
    LessonText summary;
    std::vector<LessonStep> steps;
};

/// Reads a lesson; `folder` resolves relative paths (models, CSV files). Nothing with a one-line *error
/// naming the step and key when the lesson is not valid.
std::optional<Lesson> lessonFromJson(const QJsonObject& json, const QString& folder, QString* error);
/// Reads a lesson file (a path or a Qt resource such as ":/lessons/….json").
std::optional<Lesson> loadLesson(const QString& path, QString* error);
/// Whether a JSON object is a lesson (its "format" says so) rather than a session.
bool isLessonJson(const QJsonObject& json);

/// A session file's data, schedule, view and model as a step with no narration (the command line renders
/// sessions with it). Only the data kinds a step knows are accepted.
std::optional<LessonStep> sessionAsLessonStep(const QJsonObject& session, const QString& folder,
                                              QString* error);
/// Reads a session file as a step (see sessionAsLessonStep); *error names the file and the problem.
std::optional<LessonStep> loadSessionAsLessonStep(const QString& path, QString* error);

/// The built-in lessons (":/lessons/….json"), in teaching order. Needs the resources linked.
QStringList builtInLessonPaths();

}  // namespace dl
