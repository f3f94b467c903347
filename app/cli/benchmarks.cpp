#include "benchmarks.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

#include "core/data/dataset.h"
#include "core/model/mlp.h"
#include "core/model/mlpkernel.h"
#include "core/training/trainer.h"

namespace dl {
double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double processCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

namespace {

/// Calls work() repeatedly for at least secondsPerRun, `runs` times; median calls per second.
Rate measure(const std::function<void()>& work, const BenchmarkOptions& o) {
    work();  // warm-up: workspaces, caches, thread pool
    std::vector<double> wall, cpu;
    for (int r = 0; r < o.runs; ++r) {
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = threadCpuSeconds();
        long calls = 0;
        double elapsed = 0.0;
        do {
            work();
            ++calls;
            elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        } while (elapsed < o.secondsPerRun);
        wall.push_back(calls / elapsed);
        cpu.push_back(calls / std::max(1e-9, threadCpuSeconds() - c0));
    }
    return {median(wall), median(cpu)};
}

Rate scaled(const Rate& r, double factor) {
    return {r.wall * factor, r.cpu * factor};
}

struct Shape {
    Eigen::Index rows, inner, cols;
    bool transposeRight;  // out = A · Bᵀ (weight gradient)
    bool transposeLeft;   // out = Aᵀ · B (input gradient)
};

/// The products of one training step (or one forward pass) of the network, as plain Eigen GEMMs.
std::vector<Shape> productShapes(const MlpConfig& c, Eigen::Index B, bool training) {
    std::vector<std::pair<Eigen::Index, Eigen::Index>> layers;  // (out, in)
    layers.push_back({c.hidden, c.inputWidth()});
    for (int l = 0; l < c.layers; ++l) layers.push_back({c.hidden, c.hidden});
    layers.push_back({c.dataDim, c.hidden});
    std::vector<Shape> shapes;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto [O, I] = layers[i];
        shapes.push_back({O, I, B, false, false});  // forward: (O×I)·(I×B)
        if (!training) continue;
        shapes.push_back({O, B, I, true, false});             // dW: (O×B)·(I×B)ᵀ
        if (i > 0) shapes.push_back({I, O, B, false, true});  // dX: (O×I)ᵀ·(O×B)
    }
    return shapes;
}

double shapeFlops(const std::vector<Shape>& shapes) {
    double f = 0.0;
    for (const Shape& s : shapes) f += 2.0 * static_cast<double>(s.rows) * s.inner * s.cols;
    return f;
}

Rate gemmGflops(const std::vector<Shape>& shapes, const BenchmarkOptions& o) {
    // The same kernels build (generic or AVX-512) as the network's own products, so the bound is
    // that of the code the CPU actually runs.
    struct Operands {
        Eigen::MatrixXf a, b, out;
    };
    std::vector<Operands> ops;
    for (const Shape& s : shapes) {
        Operands op;
        op.a = s.transposeLeft ? Eigen::MatrixXf::Random(s.inner, s.rows)
                               : Eigen::MatrixXf::Random(s.rows, s.inner);
        op.b = s.transposeRight ? Eigen::MatrixXf::Random(s.cols, s.inner)
                                : Eigen::MatrixXf::Random(s.inner, s.cols);
        op.out.resize(s.rows, s.cols);
        ops.push_back(std::move(op));
    }
    const auto product = mlpKernels<float>().product;
    const Rate rate = measure(
        [&] {
            for (std::size_t i = 0; i < shapes.size(); ++i) {
                Operands& op = ops[i];
                const Shape& s = shapes[i];
                product(op.a.data(), op.b.data(), op.out.data(), s.rows, s.inner, s.cols,
                        s.transposeRight ? 1 : (s.transposeLeft ? 2 : 0));
            }
        },
        o);
    return scaled(rate, shapeFlops(shapes) * 1e-9);
}

/// Seconds of the elementwise work one training step cannot avoid, each as a single Eigen pass:
/// the sinusoidal input features and the time-embedding copy, per hidden layer the bias + GELU with
/// its derivative (forward) and the gradient times that derivative with the bias-gradient sum
/// (backward), and one AdamW + EMA sweep over the parameters.
double elementwiseSecondsPerStep(const MlpConfig& c, Eigen::Index B, const BenchmarkOptions& o) {
    using Arr = Eigen::ArrayXXf;
    const Eigen::Index H = c.hidden, F = c.inputFeatures / 2, E = c.timeEmbedding;
    Mlp net(c);
    const Eigen::Index P = net.parameterCount();
    Arr pre = Arr::Random(H, B), h(H, B), deriv(H, B), dh = Arr::Random(H, B), da(H, B);
    Arr arg = Arr::Random(std::max<Eigen::Index>(F, 1), B), feat(2 * std::max<Eigen::Index>(F, 1), B);
    Arr table = Arr::Random(E, 64), temb(E, B);
    Eigen::ArrayXf bias = Eigen::ArrayXf::Random(H), dbias(H);
    Eigen::ArrayXf p = Eigen::ArrayXf::Random(P), g = Eigen::ArrayXf::Random(P), m = Eigen::ArrayXf::Zero(P),
                   v = Eigen::ArrayXf::Zero(P), ema = Eigen::ArrayXf::Zero(P);
    const float k = 0.044715f, s = 0.7978845608f;
    const Rate rate = measure(
        [&] {
            if (F > 0)
                for (int j = 0; j < c.dataDim; ++j) {
                    feat.topRows(F) = arg.sin();
                    feat.bottomRows(F) = arg.cos();
                }
            for (Eigen::Index b = 0; b < B; ++b) temb.col(b) = table.col(b % 64);
            for (int l = 0; l <= c.layers; ++l) {
                // forward: tanh once, GELU and its derivative from it
                h = (pre.colwise() + bias);
                deriv = (s * (h + k * h.cube())).tanh();
                h = 0.5f * h * (1.0f + deriv);
                // backward
                da = dh * deriv;
                dbias = da.rowwise().sum();
            }
            m = 0.9f * m + 0.1f * g;
            v = 0.999f * v + 0.001f * g.square();
            p = 0.99f * p - 1e-3f * m / (v.sqrt() + 1e-8f);
            ema = 0.999f * ema + 0.001f * p;
        },
        o);
    return 1.0 / rate.cpu;
}

DataSet randomData(int dim, int n) {
    DataSet d;
    d.kind = DataKind::Points2D;
    d.name = "random";
    Rng rng(17);
    d.points.resize(n, dim);
    rng.fillNormal(d.points);
    d.norm.offset = VectorF::Zero(dim);
    return d;
}

/// Steps/s of a step made of the GEMMs (at `gemm` GFLOP/s) and `elementwise` seconds of other work.
Rate boundFrom(const Rate& gemm, double flops, double elementwise) {
    auto steps = [&](double gflops) { return 1.0 / (flops * 1e-9 / gflops + elementwise); };
    return {steps(gemm.wall), steps(gemm.cpu)};
}

}  // namespace

double median(std::vector<double>& values) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

namespace {

/// The trainer both step benchmarks time: random data, the benchmark's schedule, steps without end.
std::unique_ptr<Trainer> benchmarkTrainer(const MlpConfig& config, int batch, int threads,
                                          const BenchmarkOptions& o) {
    ScheduleParams sp;
    sp.T = o.timesteps;
    sp.betaStart = 1e-3;
    sp.betaEnd = 0.2;
    TrainerConfig tc;
    tc.batchSize = batch;
    tc.threads = threads;
    tc.steps = 1 << 30;
    tc.snapshotIntervalMs = 1 << 20;  // the benchmark measures steps, not snapshot copies
    return std::make_unique<Trainer>(randomData(config.dataDim, 8192), Schedule(sp), config, tc);
}

}  // namespace

StepBenchmark benchmarkTrainingStep(const MlpConfig& config, int batch, int threads,
                                    const BenchmarkOptions& o) {
    const std::unique_ptr<Trainer> trainer = benchmarkTrainer(config, batch, threads, o);
    StepBenchmark b;
    b.steps = measure([&] { trainer->step(); }, o);
    // The first layer's input gradient is never computed (the inputs are data), so it is not counted.
    std::vector<Shape> shapes = productShapes(config, batch, true);
    b.flopsPerStep = shapeFlops(shapes);
    b.stepGflops = scaled(b.steps, b.flopsPerStep * 1e-9);
    b.gemmGflops = gemmGflops(shapes, o);
    b.ratioToGemm =
        threads == 1 ? b.stepGflops.cpu / b.gemmGflops.cpu : b.stepGflops.wall / b.gemmGflops.wall;
    b.bound = boundFrom(b.gemmGflops, b.flopsPerStep, elementwiseSecondsPerStep(config, batch, o));
    return b;
}

ThreadedSteps timeTrainingSteps(const MlpConfig& config, int batch, int threads, const BenchmarkOptions& o) {
    const std::unique_ptr<Trainer> trainer = benchmarkTrainer(config, batch, threads, o);
    for (int i = 0; i < 10; ++i) trainer->step();  // warm-up: workspaces, caches, the pool's threads
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = processCpuSeconds();
    long steps = 0;
    double elapsed = 0.0;
    do {
        trainer->step();
        ++steps;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    } while (elapsed < o.secondsPerRun);
    return {steps / elapsed, (processCpuSeconds() - c0) / steps};
}

Rate benchmarkStepBound(const MlpConfig& config, int batch, const BenchmarkOptions& o) {
    const std::vector<Shape> shapes = productShapes(config, batch, true);
    return boundFrom(gemmGflops(shapes, o), shapeFlops(shapes), elementwiseSecondsPerStep(config, batch, o));
}

ForwardBenchmark benchmarkForward(const MlpConfig& config, int batch, const BenchmarkOptions& o) {
    Mlp net(config);
    Rng rng(5);
    net.initialise(rng);
    Batch xt(batch, config.dataDim), out;
    rng.fillNormal(xt);
    Eigen::VectorXi t(batch);
    for (int i = 0; i < batch; ++i) t[i] = 1 + i % o.timesteps;
    ForwardBenchmark b;
    const Rate calls = measure([&] { net.predict(xt, t, out); }, o);
    b.samples = scaled(calls, batch);
    const std::vector<Shape> shapes = productShapes(config, batch, false);
    b.gflops = scaled(calls, shapeFlops(shapes) * 1e-9);
    b.gemmGflops = gemmGflops(shapes, o);
    b.ratioToGemm = b.gflops.cpu / b.gemmGflops.cpu;
    return b;
}

}  // namespace dl
