// diffusion-lab-cli bench: the headline speed and quality figures of docs/performance.md.
//   1. training steps/s of the tiny-diffusion network at batch 32, 256, 1024 and of the image network,
//      with the GFLOP/s of the whole step next to Eigen's matrix product for the same shapes;
//   2. forward-pass throughput at batch 2048 against the same GEMM reference;
//   3. the default preset: wall time to train on 2D data sets, sample quality against the floor of a
//      fresh draw of the data, and the time of the whole reverse chain for 2000 points;
//   4. the exact denoiser's whole reverse chain (2000 points, 8000 data points): the plain softmax over all
//      data points against the cell list with its stated tolerance (core/sampling/cellposterior.h).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "args.h"
#include "benchmarks.h"
#include "benchtargets.h"
#include "commands.h"
#include "core/data/pointgenerators.h"
#include "core/model/modelpredictor.h"
#include "core/sampling/oracledenoiser.h"
#include "core/training/modelquality.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"
#include "core/training/workerpool.h"

namespace dlcli {
namespace {

void printStep(const std::string& label, const dl::StepBenchmark& b, int threads) {
    std::printf(
        "%-34s %8.0f steps/s (cpu %8.0f)  step %6.1f GFLOP/s  Eigen GEMM %6.1f GFLOP/s  ratio %.2f%s\n",
        label.c_str(), b.steps.wall, b.steps.cpu, threads == 1 ? b.stepGflops.cpu : b.stepGflops.wall,
        threads == 1 ? b.gemmGflops.cpu : b.gemmGflops.wall, b.ratioToGemm, threads == 1 ? "" : " (wall)");
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace

int runBench(const CommandArgs& args) {
    OptionSpec spec(
        "bench",
        "Measure training and sampling speed against Eigen's own matrix product, and the default\n"
        "preset's training time and sample quality. Speeds are medians of several runs; 'cpu'\n"
        "figures divide by the thread's CPU time, which other load on the machine does not inflate.");
    spec.value("runs", "R", "timed runs per figure (default 5)")
        .value("seconds", "S", "minimum length of one timed run (default 0.3)")
        .value("threads", "K",
               "threads for the default-preset training and the thread-scaling lines (default: all cores)")
        .value("datasets", "LIST",
               "comma-separated 2D data sets for the quality table (default "
               "moons,swissroll,gaussians8,circles,checkerboard,spiral)")
        .value("seed", "S", "seed of the quality runs (default 0)")
        .value("rounds", "R", "alternating rounds of the peer and thread comparisons (default 3)")
        .value("peer", "FILE",
               "the PyTorch peer script (default: bench/peer/torch_ddpm2d.py of the source tree)")
        .value("peer-steps", "N", "training steps of each peer run (default 3000)")
        .flag("skip-peer", "do not run the PyTorch peer")
        .flag("skip-speed", "only the default-preset quality and sampling figures")
        .flag("skip-quality", "only the speed figures")
        .flag("targets-only", "only the figures of the speed targets (peer ratio, 2 threads, reverse chain)")
        .flag("skip-exact", "leave out the exact denoiser's reverse chain (plain softmax against cell list)");
    const ParsedArgs parsed = spec.parse(args);
    dl::BenchmarkOptions opts;
    opts.runs = parsed.intValue("runs", 5, 1, 100);
    opts.secondsPerRun = parsed.doubleValue("seconds", 0.3, 0.01, 60.0);
    const int threads = parsed.intValue("threads", dl::defaultThreadCount(), 1, 256);
    const std::uint64_t seed = parsed.seed();
    const std::vector<std::string> datasets =
        splitList(parsed.text("datasets").value_or("moons,swissroll,gaussians8,circles,checkerboard,spiral"));

    if (!parsed.has("skip-speed")) {
        TargetBenchOptions targets;
        targets.timing = opts;
        targets.rounds = parsed.intValue("rounds", 3, 1, 100);
        targets.threads = threads;
        targets.peerSteps = parsed.intValue("peer-steps", 3000, 100, 1000000);
        targets.peer = parsed.text("peer");
        targets.skipPeer = parsed.has("skip-peer");
        benchAgainstPeer(targets);
        benchThreadScaling(targets);
        benchReverseChain(targets);
    }
    if (!parsed.has("skip-speed") && !parsed.has("targets-only")) {
        const dl::MlpConfig tiny = dl::tinyDiffusionMlpConfig();
        std::printf("training step (tiny-diffusion: %s, T=50)\n", dl::describeMlpConfig(tiny).c_str());
        for (int batch : {32, 256, 1024}) {
            const dl::StepBenchmark b = dl::benchmarkTrainingStep(tiny, batch, 1, opts);
            printStep("  batch " + std::to_string(batch) + ", 1 thread", b, 1);
        }
        if (threads > 1)
            for (int batch : {32, 1024})
                printStep("  batch " + std::to_string(batch) + ", " + std::to_string(threads) + " threads",
                          dl::benchmarkTrainingStep(tiny, batch, threads, opts), threads);
        const dl::MlpConfig image = dl::imageBenchMlpConfig();
        std::printf("training step (image 16x16 gray: %s)\n", dl::describeMlpConfig(image).c_str());
        printStep("  batch 64, 1 thread", dl::benchmarkTrainingStep(image, 64, 1, opts), 1);
        std::printf("forward pass (predict, batch 2048, 1 thread)\n");
        for (const auto& [name, config] : {std::pair{"tiny-diffusion", tiny}, std::pair{"image", image}}) {
            const dl::ForwardBenchmark f = dl::benchmarkForward(config, 2048, opts);
            std::printf(
                "  %-32s %8.3g samples/s (cpu %8.3g)  %6.1f GFLOP/s  Eigen GEMM %6.1f GFLOP/s  ratio %.2f\n",
                name, f.samples.wall, f.samples.cpu, f.gflops.cpu, f.gemmGflops.cpu, f.ratioToGemm);
        }
        std::fflush(stdout);
    }

    if (!parsed.has("skip-quality") && !parsed.has("targets-only")) {
        const dl::ScheduleParams sp = dl::defaultTrainingSchedule();
        const dl::Schedule schedule(sp);
        dl::TrainerConfig tc = dl::defaultTrainerConfig();
        tc.threads = threads;
        tc.seed = seed;
        const int n = 8000, samples = 2000;
        std::printf(
            "default preset: %s, %s T=%d, %d steps of batch %d, %d thread(s), %d points; quality of %d "
            "samples (DDPM, clipped x0) vs %d points of a fresh draw; floor: %d other points of it\n",
            dl::describeMlpConfig(dl::defaultMlpConfig()).c_str(),
            std::string(dl::scheduleKindName(sp.kind)).c_str(), sp.T, tc.steps, tc.batchSize, threads, n,
            samples, dl::kMaxQualityRows, samples);
        Eigen::VectorXf lastModel;
        dl::Batch lastData;
        std::vector<double> chainTimes;
        std::printf("  %-13s %8s %9s %9s %7s %9s %9s %8s\n", "data", "train_s", "swd", "swd_floor", "ratio",
                    "mmd", "mmd_floor", "chain_s");
        for (const std::string& name : datasets) {
            dl::Rng dataRng(seed);
            const dl::DataSet data = dl::makePointDataSet(name, dl::generatePoints(name, n, dataRng));
            // Samples and floor both against a fresh draw the model never saw (disjoint subsets of one pool).
            const dl::QualityReference reference = dl::freshDrawReference(name, data.norm, samples, seed + 1);
            dl::Trainer trainer(data, schedule, dl::defaultMlpConfig(), tc);
            const auto start = std::chrono::steady_clock::now();
            for (int i = 0; i < tc.steps; ++i) trainer.step();
            const double trainSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            dl::Rng qualityRng = dl::Rng(seed).split(101);
            const dl::ModelQuality q = dl::measureModelQuality(trainer.modelConfig(), trainer.emaParameters(),
                                                               schedule, data.points, reference, qualityRng);
            // The whole reverse chain again, twice more: the median of three is the figure reported.
            std::vector<double> chain{q.sampleSeconds};
            for (int r = 0; r < 2; ++r) {
                dl::Rng again = dl::Rng(seed).split(102 + r);
                chain.push_back(dl::measureModelQuality(trainer.modelConfig(), trainer.emaParameters(),
                                                        schedule, data.points, reference, again)
                                    .sampleSeconds);
            }
            std::printf("  %-13s %8.2f %9.4f %9.4f %7.2f %9.5f %9.5f %8.3f\n", name.c_str(), trainSeconds,
                        q.report.swd, q.report.swdFloor, q.report.swd / q.report.swdFloor, q.report.mmd,
                        q.report.mmdFloor, dl::median(chain));
            std::fflush(stdout);
            lastModel = trainer.emaParameters();
            lastData = data.points;
        }
        if (lastModel.size() > 0) {
            // The whole reverse chain of the default preset for 2000 points, on 1 and on K threads.
            const dl::MlpConfig net = dl::defaultMlpConfig();
            for (int k : {1, threads}) {
                if (k == 1 && threads == 1 && !chainTimes.empty()) break;
                const dl::EpsilonPredictor eps = dl::makeModelPredictor(net, lastModel, schedule, k);
                std::vector<double> wall, cpu;
                for (int r = 0; r < 3; ++r) {
                    dl::Rng rng = dl::Rng(seed).split(200 + r);
                    const auto w0 = std::chrono::steady_clock::now();
                    const double c0 = dl::threadCpuSeconds();
                    dl::sampleFromNoise(schedule, eps, samples, 2, dl::qualitySamplerParams(lastData), rng);
                    cpu.push_back(dl::threadCpuSeconds() - c0);
                    wall.push_back(
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
                }
                chainTimes.push_back(dl::median(wall));
                std::printf("reverse chain, %d points, T=%d DDPM steps, %d thread(s): %.3f s wall", samples,
                            sp.T, k, dl::median(wall));
                if (k == 1) std::printf(" (%.3f s CPU)", dl::median(cpu));
                std::printf("\n");
            }
        }
    }
    if (!parsed.has("skip-exact") && !parsed.has("targets-only")) {
        const dl::Schedule schedule(dl::defaultTrainingSchedule());
        const int n = 8000, samples = 2000;
        dl::Rng dataRng(seed);
        const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", n, dataRng));
        dl::SamplerParams params;  // DDPM (β̃), every timestep: the window's default
        std::printf("exact denoiser, moons N=%d, %d points, T=%d DDPM steps, 1 thread (median of %d runs)\n",
                    n, samples, schedule.T(), opts.runs);
        // The window plays the chain while it is computed (ui/sampling/samplingjob.cpp): what a person
        // waits for is the first frame after x_T, not the whole chain.
        {
            const dl::EpsilonPredictor eps = dl::makeOracleDenoiser(data.points, schedule);
            dl::SamplerParams recorded = params;
            recorded.trajectoryStride = 1;
            std::vector<double> first, total, firstCpu, totalCpu;
            for (int r = 0; r < opts.runs; ++r) {
                dl::Rng rng = dl::Rng(seed).split(300 + r);
                const auto w0 = std::chrono::steady_clock::now();
                const double c0 = dl::threadCpuSeconds();
                double firstFrame = -1.0, firstFrameCpu = -1.0;
                int kept = 0;
                dl::sampleFromNoise(
                    schedule, eps, samples, 2, recorded, rng, nullptr, {}, [&](int, const dl::Batch&) {
                        if (++kept != 2) return;
                        firstFrameCpu = dl::threadCpuSeconds() - c0;
                        firstFrame =
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
                    });
                first.push_back(firstFrame);
                firstCpu.push_back(firstFrameCpu);
                totalCpu.push_back(dl::threadCpuSeconds() - c0);
                total.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
            }
            std::printf(
                "  first frame after x_T (progressive) %8.3f s wall of %.3f s for the whole chain;"
                " %.3f s CPU of %.3f s\n",
                dl::median(first), dl::median(total), dl::median(firstCpu), dl::median(totalCpu));
            std::fflush(stdout);
        }
        double plainCpu = 0.0;
        for (const double tolerance : {0.0, dl::kOracleTolerance}) {
            const dl::EpsilonPredictor eps = dl::makeOracleDenoiser(data.points, schedule, tolerance);
            std::vector<double> wall, cpu;
            for (int r = 0; r < opts.runs; ++r) {
                dl::Rng rng = dl::Rng(seed).split(300 + r);
                const auto w0 = std::chrono::steady_clock::now();
                const double c0 = dl::threadCpuSeconds();
                dl::sampleFromNoise(schedule, eps, samples, 2, params, rng);
                cpu.push_back(dl::threadCpuSeconds() - c0);
                wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
            }
            const double w = dl::median(wall), c = dl::median(cpu);
            if (tolerance == 0.0) {
                plainCpu = c;
                std::printf("  full softmax over all points       %8.3f s wall  %8.3f s CPU\n", w, c);
            } else {
                std::printf(
                    "  cell list near t = 0, tol %-7.0e %8.3f s wall  %8.3f s CPU  (x%.2f of full, CPU)\n",
                    tolerance, w, c, plainCpu / c);
            }
            std::fflush(stdout);
        }
    }
    return 0;
}

}  // namespace dlcli
