// `render --lesson FILE --step K` and `render --session FILE`: the state a lesson step or a session
// describes (data, schedule, t, view, sampler, overlays, model), turned into the render command's own
// flags, so a slide's figure is the same render a person could type out by hand. Flags given on the
// command line come after these and win (e.g. --t-first 0 --t-last 150 for the whole forward process).
//
//   CommandArgs full = dlcli::lessonRenderFlags(parsed);   // ["--dataset", "moons", …]
//   full.insert(full.end(), args.begin(), args.end());
#pragma once

#include "args.h"

namespace dlcli {

/// The render flags of the lesson step (--lesson, --step from 1) or session (--session) named in `args`.
/// A lesson is a file, a Qt resource path, or the name of a built-in lesson ("04-linear-vs-cosine").
/// Throws UsageError for a bad --step, dl::Error for a file that is not a valid lesson or session.
CommandArgs lessonRenderFlags(const ParsedArgs& args);

}  // namespace dlcli
