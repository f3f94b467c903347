// Google Benchmark view of the window's main view: one rebuild and synchronous repaint of a 10,000-point
// moons scatter in a 1280×800 window while t moves (the target is ≥ 30 frames/s). This is the figure
// tst_mainwindow used to assert on; a timed assertion fails on a loaded machine for the wrong reason.
// Run with QT_QPA_PLATFORM=offscreen and --benchmark_repetitions=5 --benchmark_report_aggregates_only=true.
#include <benchmark/benchmark.h>

#include <QApplication>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "ui/document/labdocument.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"

namespace {

dlui::MainWindow::Options benchWindowOptions() {
    dlui::MainWindow::Options o;
    o.restoreLastSession = false;
    o.askBeforeDiscard = false;
    o.useSettings = false;
    return o;
}

void mainViewRedraw(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    dlui::LabWindow window(benchWindowOptions());
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

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
