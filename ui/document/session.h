// A session file: what is needed to come back to the same place — the data source (with N and seed), the
// editor's schedule, the view (t, mode, Markov chain, speed, loop, noise seed, pinned schedule) and the path
// of the saved model, if any. JSON, written atomically (QSaveFile). The same JSON is kept in QSettings as
// "the last session" and the built-in preset (resources/presets/default.json) is read with it too.
//
//   dlui::Session s = dlui::captureSession(*document);
//   QString error;
//   if (!dlui::saveSession(path, s, &error)) showError(error);
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

#include "core/math/schedule.h"
#include "ui/document/labdocument.h"
#include "ui/document/viewstate.h"

namespace dlui {

struct ViewSettings {
    int t = 0;
    ViewMode mode = ViewMode::Forward;
    bool markovChain = false;
    double speed = 25.0;
    bool loop = false;
    std::uint64_t noiseSeed = 1234;
    std::optional<dl::ScheduleParams> pinnedSchedule;

    bool operator==(const ViewSettings&) const = default;
};

struct Session {
    DataSource source;
    dl::ScheduleParams schedule;
    ViewSettings view;
    QString modelPath;  ///< empty when the model was not saved

    bool operator==(const Session&) const = default;
};

/// Format version written to files; files from newer versions are refused with a message. Version 2 writes
/// the schedule in diffusers' keys (core/io/qtschedulejson.h); version 1 files still open.
constexpr int kSessionFormatVersion = 2;

QJsonObject sessionToJson(const Session& session);
std::optional<Session> sessionFromJson(const QJsonObject& json, QString* error);

/// Writes atomically; false with a message naming the file on failure.
bool saveSession(const QString& path, const Session& session, QString* error);
std::optional<Session> loadSession(const QString& path, QString* error);

/// The session the document describes now (its data, schedule, view state and model path).
Session captureSession(const LabDocument& document);

}  // namespace dlui
