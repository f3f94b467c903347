// diffusion-lab-cli dataset: writes what a data source produces so a person can look at it —
// points as CSV in the data's own coordinates (or a quick scatter PNG), images as a PNG grid.
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <iostream>

#include "commands.h"
#include "core/data/datalimits.h"
#include "core/data/pointcsv.h"
#include "core/io/imagegrid.h"
#include "core/io/pointscatter.h"
#include "datasourceflags.h"
#include "messages.h"
#include "outputpath.h"

namespace dlcli {

int runDataset(const CommandArgs& args) {
    OptionSpec spec("dataset",
                    "Build the data set the source flags describe and write it to --out:\n"
                    "  2D points  FILE.csv: 'x,y' lines in the data's own coordinates (--normalised: as the\n"
                    "             network sees them); FILE.png: a simple scatter plot\n"
                    "  images     FILE.png: a grid of the images (CSV is refused for images)\n"
                    "A source that cannot be read exits with status 1 and the reason on stderr.");
    addDataSourceOptions(spec);
    spec.value("out", "FILE", "output file, .csv or .png")
        .flag("normalised", "points: write normalised coordinates instead of the data's own")
        .value("grid-columns", "K", "image grid: images per row (default ⌈√N⌉)")
        .value("scale", "K",
               "image grid: enlarge each pixel K times, 1..16 (default: tiles of ~48 px, grid ≤ 4096 px)")
        .value("max-images", "N", "image grid: write only the first N images (default all)")
        .value("size", "PX", "scatter PNG: side in pixels, 64..8192 (default 800)");
    const ParsedArgs parsed = spec.parse(args);
    const std::string out = parsed.requiredText("out");
    const std::string suffix = QFileInfo(QString::fromStdString(out)).suffix().toLower().toStdString();
    if (suffix != "csv" && suffix != "png")
        throw UsageError("--out: must end in .csv or .png, got '" + out + "'");
    checkOutputFile("out", out);
    // Every value is checked before the data are built, including those only images (or only points)
    // use: a malformed value is an error, not silently ignored.
    parsed.intValue("grid-columns", 1, 1, dl::limits::kMaxPoints);
    parsed.intValue("scale", 1, 1, 16);
    parsed.intValue("max-images", 1, 1, dl::limits::kMaxPoints);
    parsed.intValue("size", 800, 64, 8192);

    const dl::DataSet data = dataSetFromArgs(parsed);
    if (data.isImage()) {
        if (suffix != "png") throw UsageError("--out: image data are written as a PNG grid; use FILE.png");
        const int count = parsed.intValue("max-images", data.size(), 1, data.size());
        const dl::Batch shown = data.points.topRows(count);
        const int columns = parsed.intValue("grid-columns", 0, 1, count);
        const int cols =
            columns > 0 ? columns : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count))));
        const int gridSide = std::max(cols, (count + cols - 1) / cols) * (data.image.width + 1) + 1;
        const int autoScale = std::clamp(std::min(48 / data.image.width, 4096 / gridSide), 1, 16);
        const int scale = parsed.intValue("scale", autoScale, 1, 16);
        dl::writeImageGridPng(out, shown, data.image, columns, scale);
        std::cerr << "wrote " << count << " of " << data.size() << " images (" << data.image.width << "×"
                  << data.image.height << "×" << data.image.channels << ") of " << data.name << " to " << out
                  << "\n";
        return 0;
    }
    const dl::Batch points = parsed.has("normalised") ? data.points : data.norm.toData(data.points);
    if (suffix == "csv")
        dl::writePointsCsv(out, points);
    else {
        ProgressLine progress("dataset: drawing point");
        dl::writePng(dl::pointScatterImage(points, parsed.intValue("size", 800, 64, 8192),
                                           [&](double fraction) {
                                               progress.report(std::llround(fraction * points.rows()),
                                                               points.rows());
                                               return true;
                                           }),
                     out);
    }
    std::cerr << "wrote " << data.size() << " points of " << data.name << " to " << out
              << " (normalisation: offset (" << data.norm.offset(0) << ", " << data.norm.offset(1) << "), ";
    if (data.norm.perAxis())
        std::cerr << "per-axis scales (" << data.norm.axisScale(0) << ", " << data.norm.axisScale(1)
                  << "))\n";
    else
        std::cerr << "scale " << data.norm.scale << ")\n";
    if (const std::string advice = dl::perAxisScalingAdvice(data); !advice.empty())
        std::cerr << "data: " << advice << " (--per-axis)\n";
    return 0;
}

}  // namespace dlcli
