// Samples of the exact denoiser through the window's Sample action, for tests that need samples on screen
// without a trained model: a few hundred points take well under a second.
//
//   QVERIFY(dltest::sampleExactly(*window, 200));
#pragma once

#include <QAction>
#include <QSignalSpy>
#include <QTest>

#include "ui/sampling/samplingpanel.h"
#include "ui/window/labwindow.h"
#include "ui/window/trainingandsampling.h"

namespace dltest {

/// Chooses the exact denoiser and `points` points in the Sampling dock, triggers Sample and waits for the
/// samples (up to a minute, for sanitizer builds). False when they did not come.
inline bool sampleExactly(dlui::LabWindow& window, int points) {
    dlui::SamplingPanel* sampling = window.live()->samplingPanel();
    sampling->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Exact);
    sampling->setPointCount(points);
    QSignalSpy ready(sampling, &dlui::SamplingPanel::samplesReady);
    window.actions().sample->trigger();
    return QTest::qWaitFor([&ready] { return ready.count() > 0; }, 60000);
}

}  // namespace dltest
