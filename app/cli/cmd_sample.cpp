// diffusion-lab-cli sample: draws samples from a trained model (or from the exact denoiser of the
// model's reference data) and writes them in the data's own coordinates: CSV for 2D points, a PNG
// grid for images. For 2D models it also reports the quality metrics on stdout, one key=value per
// line as train does: swd, swd_floor, swd_ratio, mmd, mmd_floor.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "args.h"
#include "commands.h"
#include "core/data/atomicfile.h"
#include "core/data/pointcsv.h"
#include "core/data/pointgenerators.h"
#include "core/io/imagegrid.h"
#include "core/io/pointscatter.h"
#include "core/math/error.h"
#include "core/math/format.h"
#include "core/model/modelfile.h"
#include "core/model/modelpredictor.h"
#include "core/sampling/metrics.h"
#include "core/sampling/oracledenoiser.h"
#include "core/sampling/samplers.h"
#include "core/training/modelquality.h"
#include "core/training/workerpool.h"
#include "outputpath.h"
#include "qualityoutput.h"

namespace dlcli {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

/// What the progress line says about the network's products: nothing for fp32, and whether the CPU runs
/// the reduced precision asked for.
std::string productsNote(dl::ProductPrecision precision) {
    switch (precision) {
        case dl::ProductPrecision::BFloat16:
            return dl::bf16ProductsAvailable() ? " (bf16 products)" : " (fp32: this CPU has no bf16)";
        case dl::ProductPrecision::Int16:
            return dl::int16ProductsAvailable()
                       ? " (int16 products)"
                       : " (fp32: int16 products need AVX2 without AVX-512, or AVX-512 VNNI)";
        case dl::ProductPrecision::Float32:
            break;
    }
    return "";
}

/// "step,id,x,y" for every recorded state (step 0 = x_T), in data coordinates.
std::string formatTrajectoryCsv(const dl::Trajectory& trajectory, const dl::Normalisation& norm) {
    std::string text = "step,id,x,y\n";
    char line[96];
    for (std::size_t k = 0; k < trajectory.states.size(); ++k) {
        const dl::Batch points = norm.toData(trajectory.states[k]);
        if (!points.allFinite()) throw dl::Error("--trajectory: a state contains NaN or infinite values");
        for (Eigen::Index i = 0; i < points.rows(); ++i) {
            const int n =
                std::snprintf(line, sizeof line, "%zu,%lld,%.9g,%.9g\n", k, static_cast<long long>(i),
                              static_cast<double>(points(i, 0)), static_cast<double>(points(i, 1)));
            text.append(line, static_cast<std::size_t>(n));
        }
    }
    return text;
}

/// Data the model never saw, for the quality figures: a fresh draw of a built-in shape, or the rows the
/// model file holds out of finite data. Older files of finite data hold none: no figure then (its training
/// rows would flatter it), and the reason goes to stderr.
std::optional<dl::QualityReference> qualityReference(const dl::ModelFile& model, int n,
                                                     unsigned long long seed) {
    const auto& shapes = dl::builtInPointShapes();
    if (std::find(shapes.begin(), shapes.end(), model.dataName) != shapes.end())
        return dl::freshDrawReference(model.dataName, model.normalisation, n, seed + 1);
    if (model.heldOutSample.rows() > 0) {
        dl::QualityReference r = dl::heldOutReference(model.heldOutSample, n, seed);
        if (r.valid()) return r;
    }
    std::cerr << "quality: skipped, the model file holds no rows held out of training (trained with "
                 "--quality-samples 0, or by an older version); its training rows would flatter it\n";
    return std::nullopt;
}

}  // namespace

int runSample(const CommandArgs& args) {
    OptionSpec spec(
        "sample",
        "Draw samples from a trained model and write them in the data's own coordinates (CSV 'x,y' for 2D\n"
        "points; a PNG image grid for image models, or a scatter plot for 2D points). For 2D models the\n"
        "sliced Wasserstein distance and MMD against data the model never saw (a fresh draw of a built-in\n"
        "data set, or the rows train held out of finite data), and their floor (an independent draw of the\n"
        "same), are printed on stdout as key=value lines.");
    spec.value("model", "MODEL", "model file written by train")
        .value("n", "N", "number of samples (default 2000)")
        .value("sampler", "NAME",
               "ddpm (σ² = posterior variance β̃_t, default), ddpm-beta (σ² = β_t), ddim, langevin, or exact\n"
               "(ddpm with the exact denoiser of the model's reference data instead of the network)")
        .flag("exact", "use the exact denoiser of the model's reference data with any sampler")
        .value("steps", "K",
               "timesteps visited, 1..T (default all T; Langevin: noise levels, default min(T, 100))")
        .value("spacing", "NAME", "linspace (default), leading or trailing: which K of the T steps")
        .value("eta", "E", "DDIM noise, 0 (deterministic, default) .. 1")
        .value("step-size", "D", "Langevin step δ_t = D·(1 − ᾱ_t) (default 0.1)")
        .value("steps-per-level", "L", "Langevin updates per noise level (default 10)")
        .flag("clip",
              "clip each predicted x0 to the training data's range, widened by 5% (images: [-1, 1]); the "
              "default")
        .flag("no-clip", "do not clip the predicted x0")
        .value("seed", "S", "random seed (default 0)")
        .value("trajectory", "FILE.csv",
               "also write every state of the chain as 'step,id,x,y' (step 0 = x_T); 2D only")
        .value("trajectory-stride", "S",
               "keep every S-th state in the trajectory (default 1; raised to stay under 256 MiB)")
        .value("threads", "K", "threads that share each network evaluation (default: all cores)")
        .value("precision", "P",
               "fp32 (default: the same numbers on every CPU), bf16: bfloat16 products, about twice as "
               "fast where the CPU has AVX-512 BF16, or int16: 16-bit integer products, about twice as fast "
               "on AVX2 CPUs without AVX-512 and on AVX-512 VNNI (the window samples with int16 where this "
               "CPU has it, else bf16); fp32 where the CPU lacks the one asked for")
        .flag("no-quality", "skip the quality metrics")
        .value("out", "FILE", "output: .csv (2D points) or .png");
    const ParsedArgs parsed = spec.parse(args);
    const std::string modelPath = parsed.requiredText("model");
    const std::string out = parsed.requiredText("out");
    const bool png = endsWith(out, ".png");
    if (!png && !endsWith(out, ".csv"))
        throw UsageError("--out: expected a file name ending in .csv or .png, got '" + out + "'");
    checkOutputFile("out", out);
    if (const auto path = parsed.text("trajectory")) checkOutputFile("trajectory", *path);
    if (parsed.has("trajectory-stride") && !parsed.has("trajectory"))
        throw UsageError("--trajectory-stride: only applies with --trajectory");
    const int n = parsed.intValue("n", 2000, 1, 1'000'000);

    dl::SamplerParams params;
    bool exact = parsed.has("exact");
    const std::string samplerName = parsed.text("sampler").value_or("ddpm");
    if (samplerName == "exact") {
        exact = true;
    } else if (auto kind = dl::samplerKindFromName(samplerName)) {
        params.kind = *kind;
    } else {
        throw UsageError("--sampler: expected ddpm, ddpm-beta, ddim, langevin or exact, got '" + samplerName +
                         "'");
    }
    const std::string precisionName = parsed.text("precision").value_or("fp32");
    if (precisionName != "fp32" && precisionName != "bf16" && precisionName != "int16")
        throw UsageError("--precision: expected fp32, bf16 or int16, got '" + precisionName + "'");
    if (exact && parsed.has("precision"))
        throw UsageError("--precision: only applies to the model, not to the exact denoiser");
    const dl::ProductPrecision precision = precisionName == "bf16"    ? dl::ProductPrecision::BFloat16
                                           : precisionName == "int16" ? dl::ProductPrecision::Int16
                                                                      : dl::ProductPrecision::Float32;
    if (auto name = parsed.text("spacing")) {
        auto spacing = dl::timestepSpacingFromName(*name);
        if (!spacing)
            throw UsageError("--spacing: expected linspace, leading or trailing, got '" + *name + "'");
        params.spacing = *spacing;
    }
    if (parsed.has("eta") && params.kind != dl::SamplerKind::Ddim)
        throw UsageError("--eta: only the ddim sampler takes eta");
    params.eta = parsed.doubleValue("eta", 0.0, 0.0, 1.0);
    params.langevinStepSize = parsed.doubleValue("step-size", params.langevinStepSize, 1e-9, 100.0);
    params.langevinStepsPerLevel =
        parsed.intValue("steps-per-level", params.langevinStepsPerLevel, 1, 100'000);

    const dl::ModelFile model = dl::loadModelFile(modelPath);
    const dl::Schedule schedule(model.schedule);
    const bool image = model.dataKind == dl::DataKind::Image;
    const int dim = model.model.dataDim;
    const int defaultSteps = params.kind == dl::SamplerKind::Langevin ? std::min(schedule.T(), 100) : 0;
    params.steps = parsed.intValue("steps", defaultSteps, 1, schedule.T());
    if (parsed.has("clip") && parsed.has("no-clip"))
        throw UsageError("--no-clip: cannot be combined with --clip");
    if (!parsed.has("no-clip")) {
        // On by default: a learned ε̂ is unreliable far outside the data (the sinusoidal input features
        // extrapolate badly), and a few starting points out there otherwise run away from the data.
        if (image) {
            params.clipX0 = true;  // pixels: the default [−1, 1]
        } else {
            Eigen::VectorXf lo = model.dataMin, hi = model.dataMax;
            if (lo.size() != dim || hi.size() != dim) dl::dataRange(model.referenceSample, lo, hi);
            dl::clipX0ToDataRange(params, lo, hi);
        }
    }
    const std::optional<std::string> trajectoryPath = parsed.text("trajectory");
    if (trajectoryPath) {
        if (image) throw UsageError("--trajectory: trajectories are written for 2D point models only");
        params.trajectoryStride = parsed.intValue("trajectory-stride", 1, 1, 1'000'000);
    }
    if (!image && dim != 2)
        throw dl::Error(modelPath + ": a point model must have dimension 2, got " + std::to_string(dim));
    if (image && !png)
        throw UsageError("--out: an image model writes a PNG image grid; use a .png file name");

    const int threads = parsed.intValue("threads", dl::defaultThreadCount(), 1, 64);
    const dl::Denoiser denoiser =
        exact ? dl::Denoiser(dl::makeOracleDenoiser(model.referenceSample, schedule))
              : dl::makeModelDenoiser(model.model, model.emaParameters, schedule, threads, precision);
    std::cerr << "sampling " << n << " points with "
              << (exact ? "the exact denoiser of " + std::to_string(model.referenceSample.rows()) +
                              " reference rows"
                        : "the model")
              << (exact ? std::string() : productsNote(precision)) << ", " << dl::samplerKindName(params.kind)
              << " over " << (params.steps == 0 ? schedule.T() : params.steps) << " of T=" << schedule.T()
              << " steps (" << dl::timestepSpacingName(params.spacing) << ")\n";

    const unsigned long long seed = parsed.seed();
    dl::Rng sampleRng = dl::Rng(seed).split(2);
    int lastPercent = -1;
    const auto start = std::chrono::steady_clock::now();
    const dl::SampleResult result =
        dl::sampleFromNoise(schedule, denoiser, n, dim, params, sampleRng, nullptr, [&](int done, int total) {
            const int percent = 100 * done / total;
            if (percent / 10 != lastPercent / 10) {
                lastPercent = percent;
                std::fprintf(stderr, "\r%3d%%", percent);
                if (done == total) std::fputc('\n', stderr);
            }
        });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.samples.allFinite())
        throw dl::Error("sampling produced non-finite values (the model may have diverged)");

    if (image) {
        dl::writeImageGridPng(out, result.samples, model.image, 0,
                              std::max(1, 64 / std::max(1, model.image.width)));
    } else if (png) {
        dl::writePng(dl::pointScatterImage(model.normalisation.toData(result.samples)), out);
    } else {
        dl::writePointsCsv(out, model.normalisation.toData(result.samples));
    }
    std::cerr << "wrote " << n << " samples to " << out << " after " << dl::formatNumber(seconds, 4)
              << " s of sampling (" << result.denoiserCalls << " denoiser calls)\n";
    if (trajectoryPath) {
        const dl::Trajectory& tr = result.trajectory;
        if (tr.states.empty())
            throw dl::Error("--trajectory: not even the first and last state fit in 256 MiB");
        dl::writeFileAtomically(*trajectoryPath, formatTrajectoryCsv(tr, model.normalisation));
        std::cerr << "wrote " << tr.states.size() << " states (every " << tr.stride
                  << " step(s), t = " << tr.timesteps.front() << " .. " << tr.timesteps.back() << ") to "
                  << *trajectoryPath << "\n";
    }

    std::cout << "samples=" << n << "\n"
              << "sample_seconds=" << dl::formatNumber(seconds, 4) << "\n";
    if (!image && !parsed.has("no-quality")) {
        if (const std::optional<dl::QualityReference> reference = qualityReference(model, n, seed)) {
            dl::Rng metricRng = dl::Rng(seed).split(3);
            printQuality(*reference, dl::compareToData(result.samples, reference->reference, reference->floor,
                                                       metricRng));
        }
    }
    std::cout.flush();
    return 0;
}

}  // namespace dlcli
