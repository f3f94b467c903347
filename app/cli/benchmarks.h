// Measurements behind `diffusion-lab-cli bench` and docs/performance.md: training-step and forward
// throughput of the MLP next to Eigen's own matrix product for exactly the same shapes, so the ratio
// says how much of the machine's GEMM speed the whole step keeps. Medians of several timed runs, by
// wall clock and by the thread's CPU time (the latter is robust to other load on a shared machine).
//
//   dl::StepBenchmark b = dl::benchmarkTrainingStep(dl::tinyDiffusionMlpConfig(), 32, 1, opts);
//   std::printf("%.0f steps/s, %.2f of GEMM\n", b.stepsPerSecond, b.ratioToGemm);
#pragma once

#include "core/model/mlpconfig.h"

namespace dl {

struct BenchmarkOptions {
    int runs = 5;                ///< timed runs; the median is reported
    double secondsPerRun = 0.3;  ///< each run repeats the work at least this long
    int timesteps = 50;          ///< T of the schedule the training step draws t from
};

struct Rate {
    double wall = 0.0;  ///< per second of wall-clock time (median)
    double cpu = 0.0;   ///< per second of the calling thread's CPU time (median)
};

struct StepBenchmark {
    Rate steps;                 ///< training steps per second
    double flopsPerStep = 0.0;  ///< matrix-product FLOPs of one step (forward + backward)
    Rate stepGflops;            ///< flopsPerStep × steps/s
    Rate gemmGflops;            ///< Eigen products of the same shapes, on their own
    double ratioToGemm = 0.0;   ///< stepGflops / gemmGflops (CPU-time based when single-threaded)
    /// Steps/s that Eigen's products of the same shapes plus the elementwise work no step can avoid
    /// (input lifting, one activation pass and one gradient pass per hidden layer, one AdamW + EMA sweep)
    /// allow on one thread: the bound the trainer is measured against.
    Rate bound;
};

struct ForwardBenchmark {
    Rate samples;  ///< network evaluations per second (predict at the given batch)
    Rate gflops;
    Rate gemmGflops;
    double ratioToGemm = 0.0;
};

/// Training steps of the network on random 2D/ND data, batch B, `threads` data-parallel threads.
StepBenchmark benchmarkTrainingStep(const MlpConfig& config, int batch, int threads,
                                    const BenchmarkOptions& options);
/// Only the bound of StepBenchmark (one thread), for interleaved comparisons.
Rate benchmarkStepBound(const MlpConfig& config, int batch, const BenchmarkOptions& options);
/// Wall-clock steps/s of training steps, and the CPU time of the whole process (every thread) per step.
struct ThreadedSteps {
    double stepsPerSecond = 0.0;
    double processCpuPerStep = 0.0;
};
ThreadedSteps timeTrainingSteps(const MlpConfig& config, int batch, int threads,
                                const BenchmarkOptions& options);

/// Mlp::predict over `batch` samples at a time.
ForwardBenchmark benchmarkForward(const MlpConfig& config, int batch, const BenchmarkOptions& options);

/// CPU time of the calling thread, in seconds (CLOCK_THREAD_CPUTIME_ID).
double threadCpuSeconds();
/// CPU time of the whole process, every thread, in seconds (CLOCK_PROCESS_CPUTIME_ID).
double processCpuSeconds();

/// Median of the values (the vector is reordered).
double median(std::vector<double>& values);

}  // namespace dl
