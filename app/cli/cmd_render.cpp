// diffusion-lab-cli render: the forward or reverse animation as PNG frames, an animated GIF or a video,
// drawn by the same renderer as the window, with no display. Same flags → byte-identical PNG frames.
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <iostream>
#include <optional>
#include <string>

#include "commands.h"
#include "core/math/error.h"
#include "core/math/rng.h"
#include "core/model/modelfile.h"
#include "core/model/modelpredictor.h"
#include "core/sampling/oracledenoiser.h"
#include "core/sampling/samplers.h"
#include "core/sampling/timesteps.h"
#include "core/training/presets.h"
#include "core/training/workerpool.h"
#include "datasourceflags.h"
#include "lessonflags.h"
#include "scheduleflags.h"
#include "ui/render/exporter.h"
#include "ui/render/palette.h"

namespace dlcli {
namespace {

// The exact denoiser costs N_data per sample and step; a subsample keeps reverse renders to seconds.
constexpr int kOracleMaxRows = 2000;

QSize parseSize(const ParsedArgs& args) {
    const std::string text = args.text("size").value_or("800x800");
    const auto x = text.find_first_of("xX");
    int w = 0, h = 0;
    try {
        if (x == std::string::npos) throw std::invalid_argument(text);
        size_t used = 0;
        w = std::stoi(text.substr(0, x), &used);
        if (used != x) throw std::invalid_argument(text);
        h = std::stoi(text.substr(x + 1), &used);
        if (used != text.size() - x - 1) throw std::invalid_argument(text);
    } catch (const std::exception&) {
        throw UsageError("--size: expected WIDTHxHEIGHT, e.g. 800x800, got '" + text + "'");
    }
    if (w < 16 || h < 16 || w > dlui::kMaxExportSide || h > dlui::kMaxExportSide)
        throw UsageError("--size: each side must be from 16 to " + std::to_string(dlui::kMaxExportSide) +
                         " pixels, got '" + text + "'");
    return {w, h};
}

bool scheduleFlagsGiven(const ParsedArgs& a) {
    return a.has("schedule") || a.has("T") || a.has("beta-start") || a.has("beta-end") || a.has("zero-snr");
}

struct ReverseSource {
    dl::Denoiser denoiser;
    dl::Schedule schedule;
    QString description;
};

dl::SamplerParams samplerFromArgs(const ParsedArgs& a, const dl::Schedule& schedule) {
    dl::SamplerParams p;
    const std::string name = a.text("sampler").value_or("ddpm");
    const auto kind = dl::samplerKindFromName(name);
    if (!kind) throw UsageError("--sampler: must be ddpm, ddpm-beta, ddim or langevin, got '" + name + "'");
    p.kind = *kind;
    p.steps = a.intValue("steps", 0, 0, schedule.T());
    p.eta = a.doubleValue("eta", 0.0, 0.0, 1.0);
    p.trajectoryStride = 1;
    if (const auto problem = dl::validateSamplerParams(p, schedule, 2))
        throw UsageError("--sampler: " + *problem);
    return p;
}

/// x̂_0 clipping as `sample` does it by default: images to [−1, 1], points to their data range plus a margin.
void clipToData(dl::SamplerParams& params, const dl::DataSet& data,
                const std::optional<dl::ModelFile>& model) {
    if (data.isImage()) {
        params.clipX0 = true;
        return;
    }
    Eigen::VectorXf lo, hi;
    if (model && model->dataMin.size() == data.dim() && model->dataMax.size() == data.dim()) {
        lo = model->dataMin;
        hi = model->dataMax;
    } else {
        dl::dataRange(data.points, lo, hi);
    }
    dl::clipX0ToDataRange(params, lo, hi);
}

dl::Trajectory sampleTrajectory(const ReverseSource& source, const dl::SamplerParams& params, int n, int dim,
                                unsigned long long seed) {
    // The sampler has its own stream (2); the data (0) and the forward noise (1) do not shift it.
    dl::Rng rng = dl::Rng(seed).split(2);
    dl::SampleResult result = dl::sampleFromNoise(source.schedule, source.denoiser, n, dim, params, rng);
    dl::Trajectory trajectory = std::move(result.trajectory);
    trajectory.sampler = std::string(dl::samplerKindName(params.kind));
    if (params.steps > 0) trajectory.sampler += ", K=" + std::to_string(params.steps);
    trajectory.sampler += " (" + source.description.toStdString() + ")";
    if (trajectory.states.empty())
        throw dl::Error("the sampler recorded no trajectory (too large for memory?)");
    return trajectory;
}

/// A model file, or one compiled into the program (":/lessons/models/…", the lessons' models).
dl::ModelFile loadModelForRender(const std::string& path) {
    if (path.rfind(":/", 0) != 0) return dl::loadModelFile(path);
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) throw dl::Error("cannot read the built-in model " + path);
    const QByteArray bytes = file.readAll();
    return dl::parseModelFile(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                              path);
}

}  // namespace

int runRender(const CommandArgs& args) {
    OptionSpec spec(
        "render",
        "Render the forward (noising) or reverse (sampling) animation of a 2D data set or image set\n"
        "as numbered PNG frames plus a JSON sidecar, an animated GIF, or an MP4/WebM video (needs ffmpeg\n"
        "on PATH). Works with no display. The same flags give byte-identical PNG frames.\n"
        "Without schedule flags the default preset is used: linear, T = 150, beta 0.001..0.133.\n"
        "Reverse needs --model, or uses the exact denoiser of --dataset (a subsample of 2000 points).\n"
        "--lesson FILE --step K renders what step K of a lesson shows (a built-in lesson by name, e.g.\n"
        "04-linear-vs-cosine), --session FILE what a saved session shows; flags given too override them.\n"
        "Limits: at most 4096x4096 pixels and 10000 frames.");
    addDataSourceOptions(spec);
    addScheduleOptions(spec);
    spec.value("model", "FILE",
               "a trained model (.dlmodel): its data and schedule; needed for a learned reverse")
        .value("what", "WHICH", "forward, reverse or both (default forward)")
        .value("frames", "DIR", "write frame_0000.png … and frames.json into this folder")
        .value("gif", "FILE", "write an animated GIF")
        .value("video", "FILE", "write a video: .mp4 (H.264) or .webm (VP9), through ffmpeg")
        .value("size", "WxH", "frame size in pixels (default 800x800)")
        .value("fps", "F", "frames per second, 1..100 (default 20)")
        .value("stride", "K", "every K-th timestep (default 1)")
        .value("t-first", "T0", "first timestep shown (default 0)")
        .value("t-last", "T1", "last timestep shown (default T)")
        .value("background", "BG", "white, dark, high-contrast or transparent (PNG only) (default white)")
        .value("theme", "THEME",
               "light, dark or high-contrast: the window's themes (instead of --background)")
        .value("palette", "P", "standard or colour-blind (cividis, Okabe-Ito) (default standard)")
        .value("point-radius", "PX", "dot radius in pixels (default: from N and the size)")
        .flag("no-axes", "draw no axes")
        .flag("no-caption", "draw no caption (t, alpha-bar, sampler)")
        .flag("trails", "draw the paths of a few points")
        .flag("arrows", "draw the denoiser's -epsilon field on a grid")
        .flag("density", "draw the exact density of q(x_t) as a heat map (forward)")
        .value("sampler", "NAME", "reverse: ddpm, ddpm-beta, ddim or langevin (default ddpm)")
        .value("steps", "K", "reverse: sampler steps (default all T)")
        .value("eta", "E", "reverse, ddim: eta in [0, 1] (default 0)")
        .value("samples", "N", "reverse: number of samples drawn (default 1000)")
        .flag("no-clip", "reverse: do not clip the predicted x0 to the data's range (clipped by default)")
        .value("lesson", "FILE", "render a step of this lesson (file or built-in name)")
        .value("step", "K", "with --lesson: the step, from 1 (default 1)")
        .value("session", "FILE", "render what this session file shows")
        .flag("force", "overwrite existing output");
    ParsedArgs parsed = spec.parse(args);
    if (parsed.has("lesson") || parsed.has("session") || parsed.has("step")) {
        if (!parsed.has("lesson") && !parsed.has("session"))
            throw UsageError("--step: only applies with --lesson");
        CommandArgs full = lessonRenderFlags(parsed);
        full.insert(full.end(), args.begin(), args.end());  // given flags come last and win
        parsed = spec.parse(full);
    }

    // Output.
    const int outputs = int(parsed.has("frames")) + int(parsed.has("gif")) + int(parsed.has("video"));
    if (outputs != 1) throw UsageError("give exactly one of --frames DIR, --gif FILE or --video FILE");
    dlui::ExportSettings settings;
    if (parsed.has("frames")) {
        settings.format = dlui::ExportFormat::PngSequence;
        settings.outputPath = QString::fromStdString(parsed.requiredText("frames"));
    } else if (parsed.has("gif")) {
        settings.format = dlui::ExportFormat::Gif;
        settings.outputPath = QString::fromStdString(parsed.requiredText("gif"));
    } else {
        settings.outputPath = QString::fromStdString(parsed.requiredText("video"));
        const auto format = dlui::exportFormatForPath(settings.outputPath);
        if (!format || !dlui::isVideoFormat(*format))
            throw UsageError("--video: the file name must end in .mp4 or .webm");
        settings.format = *format;
    }
    settings.overwrite = parsed.has("force");

    // What to draw.
    const QString what = QString::fromStdString(parsed.text("what").value_or("forward"));
    const auto animation = dlui::animationKindFromName(what);
    if (!animation)
        throw UsageError("--what: must be forward, reverse or both, got '" + what.toStdString() + "'");
    settings.frames.animation = *animation;
    settings.frames.stride = parsed.intValue("stride", 1, 1, dl::kMaxTimesteps);
    settings.frames.tFirst = parsed.intValue("t-first", 0, 0, dl::kMaxTimesteps);
    settings.frames.tLast = parsed.intValue("t-last", -1, 0, dl::kMaxTimesteps);
    settings.fps = parsed.intValue("fps", 20, 1, dlui::kMaxExportFps);
    settings.render.size = parseSize(parsed);
    if (parsed.has("theme") && parsed.has("background"))
        throw UsageError("--theme and --background: give one of them");
    if (parsed.has("theme")) {
        const std::string theme = parsed.requiredText("theme");
        if (theme == "light")
            settings.render.background = dlui::Background::White;
        else if (theme == "dark")
            settings.render.background = dlui::Background::Dark;
        else if (theme == "high-contrast")
            settings.render.background = dlui::Background::HighContrast;
        else
            throw UsageError("--theme: must be light, dark or high-contrast, got '" + theme + "'");
    } else {
        const QString bg = QString::fromStdString(parsed.text("background").value_or("white"));
        const auto background = dlui::backgroundFromName(bg);
        if (!background)
            throw UsageError("--background: must be white, dark, high-contrast or transparent, got '" +
                             bg.toStdString() + "'");
        settings.render.background = *background;
    }
    const QString paletteText = QString::fromStdString(parsed.text("palette").value_or("standard"));
    const auto palette = dlui::paletteFromName(paletteText);
    if (!palette)
        throw UsageError("--palette: must be standard or colour-blind, got '" + paletteText.toStdString() +
                         "'");
    settings.render.palette = *palette;
    settings.render.pointRadius = parsed.doubleValue("point-radius", 0.0, 0.0, 100.0);
    settings.render.drawAxes = !parsed.has("no-axes");
    settings.render.drawCaption = !parsed.has("no-caption");
    settings.render.drawTrails = parsed.has("trails");
    settings.render.drawArrows = parsed.has("arrows");
    settings.render.drawDensity = parsed.has("density");

    // Data and schedule(s).
    const unsigned long long seed = parsed.seed();
    dlui::ExportInput input;
    std::optional<dl::Schedule> modelSchedule;
    std::optional<dl::ModelFile> model;
    if (parsed.has("model")) {
        if (parsed.has("dataset") || parsed.has("text") || parsed.has("csv") || parsed.has("image"))
            throw UsageError("--model: the model brings its own data; give no data source with it");
        model = loadModelForRender(parsed.requiredText("model"));
        modelSchedule = dl::Schedule(model->schedule);
        input.data.kind = model->dataKind;
        input.data.name = model->dataName;
        input.data.points = model->referenceSample;
        input.data.norm = model->normalisation;
        input.data.image = model->image;
    }
    if (!modelSchedule || scheduleFlagsGiven(parsed)) {
        input.schedule = dl::Schedule(scheduleFromArgs(parsed, dl::defaultTrainingSchedule()));
    } else {
        input.schedule = *modelSchedule;  // forward view of the model's own schedule
    }
    if (!parsed.has("model")) input.data = dataSetFromArgs(parsed);
    if (input.data.size() == 0) throw dl::Error("the data set is empty");
    // The forward noise has its own stream (1), as `forward` draws it: same seed, same x_t.
    input.forwardNoise.resize(input.data.points.rows(), input.data.points.cols());
    dl::Rng noiseRng = dl::Rng(seed).split(1);
    noiseRng.fillNormal(input.forwardNoise);

    const bool needsReverse = settings.frames.animation != dlui::AnimationKind::Forward;
    for (const char* option : {"sampler", "steps", "eta", "samples", "no-clip"})
        if (parsed.has(option) && !needsReverse)
            throw UsageError(std::string("--") + option + ": only applies with --what reverse or both");
    // Every limit and the output are checked before sampling, which can take minutes: the reverse
    // frames are counted on a trajectory of the timesteps the sampler will visit, without states.
    {
        dlui::ExportInput planned = input;
        if (needsReverse) {
            const dl::Schedule& schedule = model ? *modelSchedule : input.schedule;
            const dl::SamplerParams params = samplerFromArgs(parsed, schedule);
            dl::Trajectory outline;
            outline.timesteps = params.steps > 0
                                    ? dl::samplingTimesteps(schedule.T(), params.steps, params.spacing)
                                    : dl::samplingTimesteps(schedule.T(), schedule.T(), params.spacing);
            outline.timesteps.push_back(0);
            outline.states.resize(outline.timesteps.size());
            planned.reverse = std::move(outline);
            planned.reverseSchedule = schedule;
        }
        if (const QString problem = dlui::validateExportSettings(planned, settings); !problem.isEmpty())
            throw dl::Error(problem.toStdString());
    }
    if (needsReverse || settings.render.drawArrows) {
        ReverseSource source;
        if (model) {
            source.schedule = *modelSchedule;
            source.denoiser = dl::makeModelDenoiser(model->model, model->emaParameters, source.schedule,
                                                    dl::defaultThreadCount());
            source.description = QStringLiteral("learned");
        } else {
            source.schedule = input.schedule;
            dl::Rng subsampleRng = dl::Rng(seed).split(3);
            source.denoiser = dl::makeOracleDenoiser(
                dl::subsampleRows(input.data.points, kOracleMaxRows, subsampleRng), source.schedule);
            source.description = QStringLiteral("exact denoiser");
        }
        input.denoiser = source.denoiser.epsilon;
        input.reverseSchedule = source.schedule;
        if (needsReverse) {
            const int n = parsed.intValue("samples", 1000, 1, 1'000'000);
            dl::SamplerParams params = samplerFromArgs(parsed, source.schedule);
            if (!parsed.has("no-clip")) clipToData(params, input.data, model);
            QElapsedTimer sampling;
            sampling.start();
            input.reverse = sampleTrajectory(source, params, n, input.data.dim(), seed);
            std::cerr << "sampled " << n << " points in " << sampling.elapsed() / 1000.0 << " s ("
                      << input.reverse->states.size() << " states)\n";
        }
    }

    QJsonArray commandLine;
    for (const std::string& a : args) commandLine.append(QString::fromStdString(a));
    settings.extra = QJsonObject{{QStringLiteral("command"), QStringLiteral("diffusion-lab-cli render")},
                                 {QStringLiteral("arguments"), commandLine},
                                 {QStringLiteral("seed"), QString::number(seed)}};

    const bool terminal = ::isatty(2) != 0;  // a progress line only where it can be overwritten
    const dlui::ExportResult result =
        dlui::runExport(input, settings, nullptr, [terminal](int done, int total) {
            if (terminal) std::cerr << "\rrendered " << done << " / " << total << std::flush;
        });
    if (terminal) std::cerr << "\n";
    if (!result.ok) throw dl::Error(result.message.toStdString());
    std::cerr << result.message.toStdString() << " (" << result.frames / std::max(result.seconds, 1e-9)
              << " frames/s)\n";
    std::cout << QDir::toNativeSeparators(QFileInfo(settings.outputPath).absoluteFilePath()).toStdString()
              << "\n";
    return 0;
}

}  // namespace dlcli
