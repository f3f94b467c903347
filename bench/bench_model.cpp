// Google Benchmark view of the denoiser's hot paths: one training step of the tiny-diffusion network
// at several batch sizes and thread counts, the forward pass at batch 2048, and one step of the default
// preset's reverse chain (2,000 points through the sampling predictor) in each product precision. Run with
// --benchmark_repetitions=5 --benchmark_report_aggregates_only=true for medians.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "core/data/dataset.h"
#include "core/model/mlp.h"
#include "core/model/modelpredictor.h"
#include "core/sampling/heapretention.h"
#include "core/sampling/samplers.h"
#include "core/sampling/steprecord.h"
#include "core/training/modelquality.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"

namespace {

dl::DataSet randomPoints(int n, int dim) {
    dl::DataSet d;
    d.name = "random";
    dl::Rng rng(1);
    d.points.resize(n, dim);
    rng.fillNormal(d.points);
    d.norm.offset = dl::VectorF::Zero(dim);
    return d;
}

void trainStep(benchmark::State& state, const dl::MlpConfig& config) {
    dl::ScheduleParams sp;
    sp.T = 50;
    dl::TrainerConfig tc;
    tc.batchSize = static_cast<int>(state.range(0));
    tc.threads = static_cast<int>(state.range(1));
    tc.steps = 1 << 30;
    tc.snapshotIntervalMs = 1 << 20;
    dl::Trainer trainer(randomPoints(8192, config.dataDim), dl::Schedule(sp), config, tc);
    trainer.step();
    for (auto _ : state) benchmark::DoNotOptimize(trainer.step());
    dl::Mlp net(config);
    const double macs = net.forwardMacsPerSample();
    const double firstLayerInputGrad = static_cast<double>(config.hidden) * config.inputWidth();
    state.counters["GFLOP/s"] =
        benchmark::Counter(2.0 * tc.batchSize * (3 * macs - firstLayerInputGrad) * 1e-9,
                           benchmark::Counter::kIsIterationInvariantRate);
}

void BM_TrainStepTiny(benchmark::State& state) {
    trainStep(state, dl::tinyDiffusionMlpConfig());
}
void BM_TrainStepImage(benchmark::State& state) {
    trainStep(state, dl::imageBenchMlpConfig());
}

void BM_ForwardTiny(benchmark::State& state) {
    dl::Mlp net(dl::tinyDiffusionMlpConfig());
    dl::Rng rng(2);
    net.initialise(rng);
    const int n = static_cast<int>(state.range(0));
    dl::Batch xt(n, 2), out;
    rng.fillNormal(xt);
    for (auto _ : state) net.predict(xt, 25, out);
    state.counters["samples/s"] = benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
}

// One network evaluation of the reverse chain: the default preset's network on 2,000 points at one t, as
// the samplers call it. Range 0 picks the precision (0: float32, 1: the fastest reduced precision this
// CPU has), range 1 the threads. Untrained weights and N(0, I) points, all inside the input table's grid:
// a step then costs what it costs for a trained model (same perf profile, 2026-12-03).
void BM_ChainStep(benchmark::State& state) {
    const dl::MlpConfig config;
    dl::Mlp net(config);
    dl::Rng rng(3);
    net.initialise(rng);
    const dl::ProductPrecision precision =
        state.range(0) == 0 ? dl::ProductPrecision::Float32 : dl::fastestProductPrecision();
    const dl::EpsilonPredictor predict = dl::makeModelPredictor(config, net.parameters(), dl::Schedule(),
                                                                static_cast<int>(state.range(1)), precision);
    dl::Batch xt(2000, 2), eps;
    rng.fillNormal(xt);
    for (auto _ : state) predict(xt, 75, eps);
    state.SetLabel(dl::productPrecisionName(precision));
    state.counters["points/s"] = benchmark::Counter(2000, benchmark::Counter::kIsIterationInvariantRate);
}

// The whole reverse chain as the window runs it: the default preset (T = 150), 2,000 points, every state
// kept and each step of every point recorded for the inspector, the fastest precision, range 0 threads.
// The `bench` command reports the same run against its target; this one is for profiling it.
void BM_WindowChain(benchmark::State& state) {
    const dl::MlpConfig config = dl::defaultMlpConfig();
    const dl::Schedule schedule(dl::defaultTrainingSchedule());
    dl::Mlp net(config);
    dl::Rng rng(3);
    net.initialise(rng);
    const dl::Denoiser denoiser = dl::makeModelDenoiser(
        config, net.parameters(), schedule, static_cast<int>(state.range(0)), dl::fastestProductPrecision());
    constexpr int kPoints = 2000;
    dl::Batch data(kPoints, 2);
    rng.fillNormal(data);
    dl::SamplerParams params = dl::qualitySamplerParams(data);
    params.trajectoryStride = 1;
    params.stepRecordRows = dl::leadingRowsWithin(kPoints, schedule.T(), 2, dl::kStepRecordBytes);
    std::uint64_t run = 0;
    for (auto _ : state) {
        dl::Rng chainRng = dl::Rng(7).split(run++);
        benchmark::DoNotOptimize(dl::sampleFromNoise(schedule, denoiser, kPoints, 2, params, chainRng));
    }
}

}  // namespace

BENCHMARK(BM_TrainStepTiny)
    ->Args({32, 1})
    ->Args({256, 1})
    ->Args({1024, 1})
    ->Args({32, 2})
    ->Args({1024, 2})
    ->UseRealTime();
BENCHMARK(BM_TrainStepImage)->Args({64, 1})->UseRealTime();
BENCHMARK(BM_ForwardTiny)->Arg(2048);
BENCHMARK(BM_ChainStep)->Args({0, 1})->Args({1, 1})->Args({1, 2})->UseRealTime();
BENCHMARK(BM_WindowChain)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    dl::retainFreedHeapMemory();  // as the window and the CLI do: BM_WindowChain is the window's chain
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
