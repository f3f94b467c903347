// Google Benchmark view of the window:
// - mainViewRedraw: one rebuild and synchronous repaint of a 10,000-point moons scatter in a 1280×800
//   window while t moves (the target is ≥ 30 frames/s). This is the figure tst_mainwindow used to assert
//   on; a timed assertion fails on a loaded machine for the wrong reason.
// - windowSampleReady: Sample in the Sampling panel with the default preset's model, from the request to
//   the finished samples arriving on the GUI thread (wall clock; the target for the reverse chain of 2,000
//   points is ≤ 0.2 s on two cores). It runs what the window runs: the denoiser kept for the model, the
//   per-step record for the point inspector, partial trajectories only if the run is slow.
// Run with QT_QPA_PLATFORM=offscreen and --benchmark_repetitions=5 --benchmark_report_aggregates_only=true.
#include <benchmark/benchmark.h>

#include <QApplication>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "core/model/mlp.h"
#include "core/sampling/heapretention.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/sampling/samplingcontroller.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"
#include "ui/window/trainingandsampling.h"

namespace {

void mainViewRedraw(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.show();
    window.resize(1280, 800);
    dl::Rng rng(5);
    dlui::DataSource source;
    source.count = n;
    window.document()->setDataSet(dl::makePointDataSet("moons", dl::generatePoints("moons", n, rng)), source);
    dlui::MainView* view = window.mainView();
    dlui::Timeline* timeline = window.timeline();
    QApplication::processEvents();
    int t = 0;
    for (auto _ : state) {
        timeline->setT(t);
        t = (t + 1) % 100;
        view->rebuildNow();
        view->repaint();
    }
    state.counters["frames/s"] = benchmark::Counter(1.0, benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(std::to_string(view->width()) + "x" + std::to_string(view->height()));
}
BENCHMARK(mainViewRedraw)->Arg(10000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void windowSampleReady(benchmark::State& state) {
    dlui::LabWindow window(dltest::windowTestOptions());
    window.show();
    window.resize(1280, 720);
    // The chain's cost does not depend on the weights' values, so initialised weights of the default
    // preset time the same run as trained ones.
    auto model = std::make_shared<dl::TrainingSnapshot>();
    model->config = dl::defaultMlpConfig();
    model->config.dataDim = window.document()->dataSet()->dim();
    model->schedule = dl::defaultTrainingSchedule();
    dl::Mlp init(model->config);
    dl::Rng rng(1);
    init.initialise(rng);
    model->parameters = init.parameters();
    window.document()->setModel(model, dl::Schedule(model->schedule));
    auto* live = dlui::TrainingAndSampling::of(&window);
    dlui::SamplingPanel* panel = live->samplingPanel();
    double workerSeconds = 0.0;
    bool done = false;
    QObject::connect(live->samplingController(), &dlui::SamplingController::sampled, &window,
                     [&](const dlui::SamplingResult& result) {
                         workerSeconds += result.seconds;
                         done = true;
                     });
    QApplication::processEvents();
    dlui::Timeline* timeline = window.timeline();
    for (auto _ : state) {
        done = false;
        panel->sample();
        while (!done) QApplication::processEvents(QEventLoop::WaitForMoreEvents);
        // Range 0: a person samples again once the animation of the last run is over (stopped here, off
        // the clock). Range 1: while it still plays, as pressing Sample twice in a row does.
        if (state.range(0) == 0) {
            state.PauseTiming();
            timeline->pause();
            QApplication::processEvents();
            state.ResumeTiming();
        }
    }
    state.counters["worker_s"] = benchmark::Counter(workerSeconds, benchmark::Counter::kAvgIterations);
}
BENCHMARK(windowSampleReady)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    dl::retainFreedHeapMemory();  // as app/gui/main.cpp does
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
