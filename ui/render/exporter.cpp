#include "ui/render/exporter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <exception>
#include <memory>

#include "core/io/qtschedulejson.h"
#include "core/math/error.h"
#include "ui/render/comparisonframes.h"
#include "ui/render/framewriters.h"
#include "ui/render/palette.h"

namespace dlui {
namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::Export)
};

std::unique_ptr<FrameWriter> makeWriter(const ExportSettings& s) {
    switch (s.format) {
        case ExportFormat::PngSequence:
            return std::make_unique<PngSequenceWriter>(s.outputPath, s.overwrite);
        case ExportFormat::Gif:
            return std::make_unique<GifWriter>(s.outputPath, s.overwrite);
        case ExportFormat::Mp4:
            return std::make_unique<VideoWriter>(s.outputPath, VideoCodec::Mp4H264, s.overwrite);
        case ExportFormat::WebM:
            return std::make_unique<VideoWriter>(s.outputPath, VideoCodec::WebmVp9, s.overwrite);
    }
    return nullptr;
}

}  // namespace

RenderOptions defaultExportRenderOptions() {
    RenderOptions r;
    r.drawTrails = false;
    r.drawArrows = false;
    r.drawDensity = false;
    return r;
}

QString exportFormatName(ExportFormat format) {
    switch (format) {
        case ExportFormat::PngSequence:
            return QStringLiteral("png");
        case ExportFormat::Gif:
            return QStringLiteral("gif");
        case ExportFormat::Mp4:
            return QStringLiteral("mp4");
        case ExportFormat::WebM:
            return QStringLiteral("webm");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString& name) {
    for (ExportFormat f :
         {ExportFormat::PngSequence, ExportFormat::Gif, ExportFormat::Mp4, ExportFormat::WebM})
        if (exportFormatName(f) == name) return f;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gif")) return ExportFormat::Gif;
    if (suffix == QLatin1String("mp4")) return ExportFormat::Mp4;
    if (suffix == QLatin1String("webm")) return ExportFormat::WebM;
    return std::nullopt;
}

bool isVideoFormat(ExportFormat format) {
    return format == ExportFormat::Mp4 || format == ExportFormat::WebM;
}

QString backgroundName(Background background) {
    switch (background) {
        case Background::White:
            return QStringLiteral("white");
        case Background::Dark:
            return QStringLiteral("dark");
        case Background::Transparent:
            return QStringLiteral("transparent");
        case Background::HighContrast:
            return QStringLiteral("high-contrast");
    }
    return {};
}

std::optional<Background> backgroundFromName(const QString& name) {
    for (Background b :
         {Background::White, Background::Dark, Background::Transparent, Background::HighContrast})
        if (backgroundName(b) == name) return b;
    return std::nullopt;
}

bool exportOutputExists(const ExportSettings& s) {
    if (s.format != ExportFormat::PngSequence) return QFileInfo::exists(s.outputPath);
    const QDir dir(s.outputPath);
    return dir.exists() && (!dir.entryList({QStringLiteral("frame_*.png")}, QDir::Files).isEmpty() ||
                            dir.exists(PngSequenceWriter::sidecarFileName()));
}

QString validateExportSettings(const ExportInput& input, const ExportSettings& s) {
    const QSize size = s.render.size;
    if (size.width() < 16 || size.height() < 16 || size.width() > kMaxExportSide ||
        size.height() > kMaxExportSide)
        return Texts::tr("the frame size must be from 16×16 to %1×%1 pixels, got %2×%3")
            .arg(kMaxExportSide)
            .arg(size.width())
            .arg(size.height());
    if (s.fps < 1 || s.fps > kMaxExportFps)
        return Texts::tr("frames per second must be from 1 to %1, got %2").arg(kMaxExportFps).arg(s.fps);
    if (s.frames.stride < 1) return Texts::tr("the stride must be at least 1, got %1").arg(s.frames.stride);
    if (s.frames.tFirst < 0) return Texts::tr("the first t must be at least 0, got %1").arg(s.frames.tFirst);
    if (s.frames.tLast >= 0 && s.frames.tLast < s.frames.tFirst)
        return Texts::tr("the last t (%1) is before the first t (%2)")
            .arg(s.frames.tLast)
            .arg(s.frames.tFirst);
    const bool needsChain =
        s.frames.animation == AnimationKind::Reverse || s.frames.animation == AnimationKind::Both;
    if (needsChain && (!input.reverse || input.reverse->empty()))
        return Texts::tr("a reverse animation needs a sampled trajectory: sample first");
    if (s.frames.animation == AnimationKind::Comparison &&
        (!input.comparison || input.comparison->panes.empty()))
        return Texts::tr("a comparison export needs the comparison open (View ▸ Compare side by side)");
    const auto frames = FrameSource::selectFrames(input, s.frames);
    if (frames.empty()) return Texts::tr("no frame in the chosen range of t");
    if (static_cast<int>(frames.size()) > kMaxExportFrames)
        return Texts::tr("%1 frames is more than the limit of %2; raise the stride or narrow the range of t")
            .arg(frames.size())
            .arg(kMaxExportFrames);
    if (s.render.background == Background::Transparent && s.format != ExportFormat::PngSequence)
        return Texts::tr("a transparent background is only available for PNG frames");
    if (isVideoFormat(s.format)) {
        if (VideoWriter::findFfmpeg().isEmpty())
            return Texts::tr(
                "MP4 and WebM export needs ffmpeg, which was not found on PATH; install it (Debian: apt-get "
                "install ffmpeg) or export a GIF or PNG frames instead");
        if (size.width() % 2 != 0 || size.height() % 2 != 0)
            return Texts::tr("video needs an even width and height, got %1×%2")
                .arg(size.width())
                .arg(size.height());
    }
    try {
        if (s.format == ExportFormat::PngSequence)
            checkOutputFolder(s.outputPath, s.overwrite);
        else
            checkOutputFile(s.outputPath, s.overwrite);
    } catch (const dl::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QJsonObject exportSidecar(const FrameSource& source, const ExportSettings& s) {
    const ExportInput& in = source.input();
    const RenderOptions& r = s.render;
    QJsonArray frames;
    for (int k = 0; k < source.count(); ++k) {
        const FrameInfo& f = source.info(k);
        frames.append(
            QJsonObject{{QStringLiteral("index"), k},
                        {QStringLiteral("file"), PngSequenceWriter::frameFileName(k)},
                        {QStringLiteral("phase"), f.phase == FramePhase::Forward ? QStringLiteral("forward")
                                                                                 : QStringLiteral("reverse")},
                        {QStringLiteral("t"), f.t},
                        {QStringLiteral("alphaBar"), f.alphaBar}});
    }
    const QRectF v = source.viewBounds();
    QJsonObject o{
        {QStringLiteral("generator"), QStringLiteral("Diffusion Lab")},
        {QStringLiteral("version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("animation"), animationKindName(s.frames.animation)},
        {QStringLiteral("tFirst"), s.frames.tFirst},
        {QStringLiteral("tLast"), s.frames.tLast},
        {QStringLiteral("stride"), s.frames.stride},
        {QStringLiteral("fps"), s.fps},
        {QStringLiteral("width"), r.size.width()},
        {QStringLiteral("height"), r.size.height()},
        {QStringLiteral("background"), backgroundName(r.background)},
        {QStringLiteral("palette"), paletteName(r.palette)},
        {QStringLiteral("draw"), QJsonObject{{QStringLiteral("points"), r.drawPoints},
                                             {QStringLiteral("trails"), r.drawTrails},
                                             {QStringLiteral("arrows"), r.drawArrows},
                                             {QStringLiteral("density"), r.drawDensity},
                                             {QStringLiteral("axes"), r.drawAxes},
                                             {QStringLiteral("caption"), r.drawCaption}}},
        {QStringLiteral("pointRadius"), r.pointRadius},
        {QStringLiteral("overlays"),
         QJsonObject{{QStringLiteral("colorByOrigin"), s.overlays.colorByOrigin},
                     {QStringLiteral("trailCount"), s.overlays.trailCount},
                     {QStringLiteral("arrowGrid"), s.overlays.arrowGrid},
                     {QStringLiteral("densityGrid"), s.overlays.densityGrid},
                     {QStringLiteral("densityMaxPoints"), s.overlays.densityMaxPoints}}},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(in.data.name)},
                                             {QStringLiteral("n"), in.data.size()},
                                             {QStringLiteral("dim"), in.data.dim()}}},
        {QStringLiteral("schedule"), dl::scheduleParamsToQJson(in.schedule.params())},
        {QStringLiteral("viewBounds"), QJsonArray{v.left(), v.top(), v.right(), v.bottom()}},
        {QStringLiteral("frames"), frames},
    };
    if (in.reverse) {
        o.insert(QStringLiteral("sampler"), QString::fromStdString(in.reverse->sampler));
        o.insert(
            QStringLiteral("reverseSchedule"),
            dl::scheduleParamsToQJson((in.reverseSchedule ? *in.reverseSchedule : in.schedule).params()));
    }
    if (!s.extra.isEmpty()) o.insert(QStringLiteral("extra"), s.extra);
    return o;
}

namespace {

/// The PNG sidecar of a comparison: every pane's settings and, per frame, each pane's own t and ᾱ_t.
QJsonObject comparisonSidecar(const ComparisonFrames& frames, const std::vector<int>& steps,
                              const ExportSettings& s) {
    const ComparisonInput& in = frames.input();
    QJsonArray panes;
    for (const ComparisonPane& pane : in.panes) {
        QJsonObject o{{QStringLiteral("label"), pane.label},
                      {QStringLiteral("schedule"), dl::scheduleParamsToQJson(pane.schedule.params())}};
        if (pane.reverse) {
            o.insert(QStringLiteral("sampler"), QString::fromStdString(pane.reverse->sampler));
            o.insert(QStringLiteral("reverseSchedule"),
                     dl::scheduleParamsToQJson(pane.scheduleFor(true).params()));
        }
        panes.append(o);
    }
    QJsonArray list;
    for (size_t k = 0; k < steps.size(); ++k) {
        QJsonArray at;
        for (int p = 0; p < frames.paneCount(); ++p)
            at.append(QJsonObject{{QStringLiteral("t"), frames.paneT(p, steps[k])},
                                  {QStringLiteral("alphaBar"), frames.paneAlphaBar(p, steps[k])}});
        list.append(
            QJsonObject{{QStringLiteral("index"), static_cast<int>(k)},
                        {QStringLiteral("file"), PngSequenceWriter::frameFileName(static_cast<int>(k))},
                        {QStringLiteral("step"), steps[k]},
                        {QStringLiteral("panes"), at}});
    }
    return QJsonObject{
        {QStringLiteral("generator"), QStringLiteral("Diffusion Lab")},
        {QStringLiteral("version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("animation"), animationKindName(AnimationKind::Comparison)},
        {QStringLiteral("direction"), in.reverse ? QStringLiteral("reverse") : QStringLiteral("forward")},
        {QStringLiteral("steps"), frames.steps()},
        {QStringLiteral("fps"), s.fps},
        {QStringLiteral("width"), s.render.size.width()},
        {QStringLiteral("height"), s.render.size.height()},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(in.data->name)},
                                             {QStringLiteral("n"), in.data->size()},
                                             {QStringLiteral("dim"), in.data->dim()}}},
        {QStringLiteral("panes"), panes},
        {QStringLiteral("frames"), list},
    };
}

}  // namespace

ExportResult runExport(const ExportInput& input, const ExportSettings& settings,
                       const std::atomic<bool>* cancel, const std::function<void(int, int)>& progress) {
    ExportResult result;
    result.outputPath = settings.outputPath;
    QElapsedTimer timer;
    timer.start();
    const QString problem = validateExportSettings(input, settings);
    if (!problem.isEmpty()) {
        result.message = problem;
        return result;
    }
    std::unique_ptr<FrameWriter> writer;
    try {
        // Either the single view's frames or the comparison's tiled panes; both end up as images.
        std::optional<FrameSource> source;
        std::optional<ComparisonFrames> comparison;
        std::vector<int> steps;
        QJsonObject sidecar;
        if (settings.frames.animation == AnimationKind::Comparison) {
            comparison.emplace(*input.comparison);
            steps = comparisonFrameSteps(*input.comparison, settings.frames.tFirst, settings.frames.tLast,
                                         settings.frames.stride);
            sidecar = comparisonSidecar(*comparison, steps, settings);
        } else {
            source.emplace(input, settings.frames, settings.overlays, settings.render);
            sidecar = exportSidecar(*source, settings);
        }
        const auto renderFrame = [&](int k) {
            return comparison ? comparison->render(steps[static_cast<size_t>(k)], settings.render)
                              : renderScene(source->scene(k), settings.render);
        };
        writer = makeWriter(settings);
        if (auto* png = dynamic_cast<PngSequenceWriter*>(writer.get())) png->setSidecar(sidecar);
        writer->open(settings.render.size, settings.fps);
        const int total = comparison ? static_cast<int>(steps.size()) : source->count();
        for (int k = 0; k < total; ++k) {
            if (cancel && cancel->load()) {
                writer->cancel();
                result.cancelled = true;
                result.frames = k;
                result.message = Texts::tr("export cancelled; nothing was written");
                result.seconds = timer.elapsed() / 1000.0;
                return result;
            }
            writer->write(renderFrame(k));
            result.frames = k + 1;
            if (progress) progress(k + 1, total);
        }
        writer->finish();
        result.ok = true;
        result.seconds = timer.elapsed() / 1000.0;
        result.message = Texts::tr("wrote %1 frames to %2 in %3 s")
                             .arg(total)
                             .arg(QDir::toNativeSeparators(settings.outputPath))
                             .arg(result.seconds, 0, 'f', 2);
    } catch (const std::exception& e) {
        if (writer) writer->cancel();
        result.ok = false;
        result.message = QString::fromStdString(e.what());
        result.seconds = timer.elapsed() / 1000.0;
    }
    return result;
}

}  // namespace dlui
