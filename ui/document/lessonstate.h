// What a lesson step (core/io/lessonfile.h) means for the document, without widgets: the data source it
// shows and the session (data, schedule, forward view) that puts the document there. The window applies
// the rest — sampler, overlays, the Explain dock, the model — through its panels (ui/lessons/).
//
//   dlui::Session s = dlui::lessonStepSession(step, window.currentSession());
//   window.applySession(s, &error);
#pragma once

#include "core/io/lessonfile.h"
#include "ui/document/session.h"

namespace dlui {

/// The data source a step's data describe (built-in shape, text, CSV or image as a shape).
DataSource lessonDataSource(const dl::LessonData& data);

/// `base` with the step's data, schedule, t and noise seed, in the forward view: the reverse view needs
/// samples first, which the window draws once the data (and the model) are there. Speed, loop and the
/// Markov-chain setting of `base` are kept; the pinned schedule is cleared; no model path is set.
Session lessonStepSession(const dl::LessonStep& step, const Session& base);

}  // namespace dlui
