// Progress and cancellation for loaders that may take a while (a million-line CSV, a folder of
// images), so the UI can run them in a worker thread and show a progress bar with a Cancel button.
//
//   std::atomic<bool> stop{false};
//   dl::ProgressCallback progress = [&](double fraction) { emit(fraction); return !stop; };
//   try { points = dl::readPointsCsv(path, progress); } catch (const dl::Cancelled&) { ... }
#pragma once

#include <functional>

#include "core/math/error.h"

namespace dl {

/// Called now and then from the loading thread with the fraction done (0..1). Return false to cancel.
using ProgressCallback = std::function<bool(double fraction)>;

/// Thrown by a loader when its ProgressCallback returned false. It is a dl::Error, so code that only
/// reports errors still works; code that shows progress catches it first and says nothing.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

}  // namespace dl
