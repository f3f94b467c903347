#include "ui/document/sessionapply.h"

#include <QCoreApplication>

#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

std::optional<AppliedSession> applySessionToDocument(LabDocument& document, const Session& session,
                                                     QString* error) {
    if (const auto problem = dl::Schedule::validate(session.schedule)) {
        if (error)
            *error = QCoreApplication::translate("dlui::Session", "invalid schedule: %1")
                         .arg(coreMessage(*problem));
        return std::nullopt;
    }
    document.setScheduleParams(session.schedule);
    std::optional<dl::Schedule> pinned;
    if (session.view.pinnedSchedule && !dl::Schedule::validate(*session.view.pinnedSchedule))
        pinned = dl::Schedule(*session.view.pinnedSchedule);
    document.setPinnedSchedule(pinned);
    // The mode first: its range (T of the editor's or the model's schedule) decides where t may go.
    ViewState view = document.viewState();
    view.mode = session.view.mode;
    view.markovChain = session.view.markovChain;
    view.speed = session.view.speed;
    view.loop = session.view.loop;
    document.setViewState(view);
    if (!session.modelPath.isEmpty()) document.setModelPath(session.modelPath);
    AppliedSession applied;
    if (session.source == document.dataSource())
        applySessionView(document, session.view);
    else
        applied.dataToLoad = session.source;
    return applied;
}

void applySessionView(LabDocument& document, const ViewSettings& view) {
    document.setNoiseSeed(view.noiseSeed);
    ViewState state = document.viewState();
    state.t = view.t;
    document.setViewState(state);
}

}  // namespace dlui
