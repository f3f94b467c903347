// One export, start to finish: selects the frames, renders each with the shared scene renderer and
// hands it to the writer of the chosen format. Runs synchronously in the calling thread; the Export
// dialog calls it from a worker thread (exportworker.h), the CLI directly.
//
// Limits (checked before anything is written): frames at most kMaxExportSide pixels on each side,
// at most kMaxExportFrames frames, 1..kMaxExportFps frames per second.
//
//   dlui::ExportSettings s;
//   s.format = dlui::ExportFormat::Gif;
//   s.outputPath = "forward.gif";
//   dlui::ExportResult r = dlui::runExport(input, s);   // r.ok, r.message, r.frames, r.seconds
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

#include "ui/render/framesource.h"
#include "ui/render/scene.h"

namespace dlui {

constexpr int kMaxExportSide = 4096;
constexpr int kMaxExportFrames = 10000;
constexpr int kMaxExportFps = 100;

enum class ExportFormat { PngSequence, Gif, Mp4, WebM };

/// Names used on the command line and in the sidecar: png, gif, mp4, webm.
QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(const QString& name);
/// The format a file name's suffix implies (.gif, .mp4, .webm); nothing for other suffixes.
std::optional<ExportFormat> exportFormatForPath(const QString& path);
bool isVideoFormat(ExportFormat format);

QString backgroundName(Background background);
std::optional<Background> backgroundFromName(const QString& name);

/// Export defaults: points, axes and caption; trails, arrows and the density are opt-in (they cost time).
RenderOptions defaultExportRenderOptions();

struct ExportSettings {
    FrameSelection frames;
    OverlayOptions overlays;
    RenderOptions render = defaultExportRenderOptions();
    int fps = 20;
    ExportFormat format = ExportFormat::Gif;
    QString outputPath;  ///< a folder for PNG frames, a file otherwise
    bool overwrite = false;
    /// Extra facts recorded in the PNG sidecar under "extra" (e.g. the CLI's seed and command line).
    QJsonObject extra;
};

struct ExportResult {
    bool ok = false;
    bool cancelled = false;
    QString message;  ///< what went wrong, or a one-line summary of what was written
    QString outputPath;
    int frames = 0;
    double seconds = 0.0;
};

/// The first problem with these settings (size, frame count, fps, format and background, output path,
/// an existing output without overwrite, ffmpeg missing for video), or an empty string. Creates the
/// output's folder when it is missing (to test that it can be written).
QString validateExportSettings(const ExportInput& input, const ExportSettings& settings);

/// True when the output (file, or frames in the folder) already exists: the dialog asks before overwriting.
bool exportOutputExists(const ExportSettings& settings);

/// The JSON sidecar of a PNG sequence: every setting, the data, schedule(s), sampler and each frame's t.
QJsonObject exportSidecar(const FrameSource& source, const ExportSettings& settings);

/// Renders and writes every frame. progress(done, total) is called after each frame; *cancel is checked
/// before each frame. Never throws: failures and cancellation come back in the result, with no final file.
ExportResult runExport(const ExportInput& input, const ExportSettings& settings,
                       const std::atomic<bool>* cancel = nullptr,
                       const std::function<void(int done, int total)>& progress = {});

}  // namespace dlui
