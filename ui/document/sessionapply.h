// Applying a session to the document without any widget: the schedule, the pinned comparison schedule,
// the view state and the model path at once; the data, when the session names other data than the
// document holds, are left to the caller to load on the loader's thread, and the parts of the view that
// belong to those data (t and the forward-noise seed) follow with applySessionView once they are in.
//
//   QString error;
//   const auto applied = dlui::applySessionToDocument(document, session, &error);
//   if (!applied) showError(error);                    // the document is untouched
//   else if (applied->dataToLoad) loader->load(*applied->dataToLoad);   // later: applySessionView(…)
#pragma once

#include <QString>
#include <optional>

#include "ui/document/session.h"

namespace dlui {

class LabDocument;

struct AppliedSession {
    /// The session's data when they differ from the document's: load them, then call applySessionView.
    std::optional<DataSource> dataToLoad;
};

/// Nothing, with a one-line *error and the document untouched, when the session's schedule is invalid.
std::optional<AppliedSession> applySessionToDocument(LabDocument& document, const Session& session,
                                                     QString* error);

/// The forward-noise seed and t of a session, for the document's current data.
void applySessionView(LabDocument& document, const ViewSettings& view);

}  // namespace dlui
