// Google Benchmark view of the frame renderer: one 800×800 frame of a moons scatter at 1,000 and
// 10,000 points (the window's target is ≥ 30 frames/s at 10,000). Needs a QGuiApplication for fonts;
// run with QT_QPA_PLATFORM=offscreen and --benchmark_repetitions=5 --benchmark_report_aggregates_only=true.
#include <benchmark/benchmark.h>

#include <QGuiApplication>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "ui/render/scene.h"

namespace {

void renderMoons(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    dl::Rng rng(3);
    dlui::Scene scene;
    scene.points = dl::generatePoints("moons", n, rng);
    scene.colorKeys.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) scene.colorKeys[static_cast<size_t>(i)] = static_cast<float>(i) / n;
    scene.caption = QStringLiteral("t = 10 / 100");
    dlui::RenderOptions options;
    options.size = QSize(800, 800);
    benchmark::DoNotOptimize(dlui::renderScene(scene, options));  // warm the sprite cache
    for (auto _ : state) benchmark::DoNotOptimize(dlui::renderScene(scene, options));
    state.counters["frames/s"] = benchmark::Counter(1.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(renderMoons)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
