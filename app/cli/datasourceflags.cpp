#include "datasourceflags.h"

#include <QColor>
#include <QFileInfo>
#include <algorithm>
#include <iostream>

#include "core/data/datalimits.h"
#include "core/data/pointcsv.h"
#include "core/data/pointgenerators.h"
#include "core/io/glyphimages.h"
#include "core/io/imageset.h"
#include "core/io/imageshape.h"
#include "core/io/textshape.h"
#include "core/math/error.h"
#include "core/math/rng.h"

namespace dlcli {
namespace {

std::string datasetNames() {
    std::string names;
    for (const auto& s : dl::builtInPointShapes()) names += s + ", ";
    return names + "glyphs";
}

// Options that only make sense for some sources; naming the mismatch beats ignoring it silently.
void requireSourceFor(const ParsedArgs& args, const std::string& option, bool applies,
                      const std::string& when) {
    if (args.has(option) && !applies) throw UsageError("--" + option + ": only applies " + when);
}

int imageSize(const ParsedArgs& args) {
    return args.intValue("image-size", 16, dl::limits::kMinImageSide, dl::limits::kMaxImageSide);
}

int channels(const ParsedArgs& args) {
    const std::string c = args.text("channels").value_or("1");
    if (c == "1" || c == "gray") return 1;
    if (c == "3" || c == "rgb") return 3;
    throw UsageError("--channels: must be 1 (gray) or 3 (rgb), got '" + c + "'");
}

dl::ImageShapeOptions shapeOptions(const ParsedArgs& args) {
    dl::ImageShapeOptions o;
    const std::string density = args.text("image-density").value_or("auto");
    if (density == "auto")
        o.source = dl::ImageDensitySource::Auto;
    else if (density == "darkness")
        o.source = dl::ImageDensitySource::Darkness;
    else if (density == "alpha")
        o.source = dl::ImageDensitySource::Alpha;
    else
        throw UsageError("--image-density: must be auto, darkness or alpha, got '" + density + "'");
    o.invert = args.has("invert");
    o.threshold = static_cast<float>(args.doubleValue("threshold", 0.0, 0.0, 0.999));
    return o;
}

}  // namespace

void addDataSourceOptions(OptionSpec& spec) {
    spec.value("dataset", "NAME", "built-in data set: " + datasetNames() + " (default moons)")
        .value("text", "\"TEXT\"", "points sampled from the glyphs of a typed text, e.g. \"DDPM\"")
        .value("csv", "FILE", "2D points from a CSV file: x,y per line (',', ';', tab or spaces)")
        .value("columns", "X,Y",
               "CSV with more than two columns: the two to use, by number from 1 (3,4) or header name\n"
               "(petal_length,petal_width); the other columns may hold anything")
        .value("image", "PATH", "an image file (shape or pixels) or a folder of images (pixels)")
        .value("image-mode", "MODE",
               "shape: points from the image's darkness; pixels: S×S images (default shape)")
        .value("image-size", "S", "side of the images in pixel space and of glyphs, 8..64 (default 16)")
        .value("channels", "C", "images in pixel space: 1 or gray, 3 or rgb (default 1)")
        .value("image-density", "SRC", "image shape density: auto, darkness or alpha (default auto)")
        .flag("invert", "image shape: sample the light (or transparent) parts instead")
        .value("threshold", "T", "image shape: values below T (0..1) count as empty (default 0)")
        .value("augment", "K", "images in pixel space: K copies of each, K−1 flipped/shifted (default 1)")
        .value("fit", "HOW",
               "images in pixel space that are not square: crop (the centred square, default) or\n"
               "squash (the whole image, distorted)")
        .value("image-background", "COLOUR",
               "images in pixel space: what transparent pixels become, white (default), black or #rrggbb")
        .value("glyph-chars", "SET",
               "glyphs: digits, upper, lower, letters, alnum or the characters (default digits)")
        .flag("per-axis",
              "2D points: standardise each axis on its own (for columns in different units) instead of one\n"
              "common scale that keeps the shape's aspect (the default); recorded in the model file")
        .value("n", "N", "number of points, or of glyph images (CSV files and image folders use all)")
        .value("seed", "S", "random seed (default 0)");
}

dl::DataSet dataSetFromArgs(const ParsedArgs& args, int defaultN) {
    const int sources =
        int(args.has("dataset")) + int(args.has("text")) + int(args.has("csv")) + int(args.has("image"));
    if (sources > 1) throw UsageError("choose one data source: --dataset, --text, --csv or --image");
    const std::string name = args.text("dataset").value_or(sources == 0 ? "moons" : "");
    const bool glyphs = name == "glyphs";
    const std::string mode = args.text("image-mode").value_or("shape");
    if (mode != "shape" && mode != "pixels")
        throw UsageError("--image-mode: must be shape or pixels, got '" + mode + "'");
    const bool imageShape = args.has("image") && mode == "shape";
    const bool imagePixels = args.has("image") && mode == "pixels";
    requireSourceFor(args, "image-mode", args.has("image"), "with --image");
    requireSourceFor(args, "image-size", glyphs || imagePixels,
                     "to --dataset glyphs and --image-mode pixels");
    requireSourceFor(args, "channels", glyphs || imagePixels, "to --dataset glyphs and --image-mode pixels");
    requireSourceFor(args, "augment", imagePixels, "with --image-mode pixels");
    requireSourceFor(args, "fit", imagePixels, "with --image-mode pixels");
    requireSourceFor(args, "image-background", imagePixels, "with --image-mode pixels");
    requireSourceFor(args, "image-density", imageShape, "with --image in shape mode");
    requireSourceFor(args, "invert", imageShape, "with --image in shape mode");
    requireSourceFor(args, "threshold", imageShape, "with --image in shape mode");
    requireSourceFor(args, "glyph-chars", glyphs, "with --dataset glyphs");
    requireSourceFor(args, "columns", args.has("csv"), "with --csv");
    requireSourceFor(args, "per-axis", !glyphs && !imagePixels, "to 2D point data");
    const dl::PointScaling scaling =
        args.has("per-axis") ? dl::PointScaling::PerAxis : dl::PointScaling::Common;

    dl::Rng rng(args.seed());
    if (args.has("csv")) {
        const std::string path = args.requiredText("csv");
        dl::CsvColumns columns;
        if (auto spec = args.text("columns")) {
            try {
                columns = dl::parseCsvColumns(*spec);
            } catch (const dl::Error& e) {
                throw UsageError("--" + std::string(e.what()));
            }
        }
        return dl::makePointDataSet("csv:" + path, dl::readPointsCsv(path, {}, columns), scaling);
    }
    if (imagePixels) {
        dl::ImageSetOptions o;
        o.size = imageSize(args);
        o.channels = channels(args);
        o.copies = args.intValue("augment", 1, 1, dl::limits::kMaxAugmentCopies);
        o.augment.maxShift = std::max(1, o.size / 16);
        const std::string fit = args.text("fit").value_or("crop");
        if (fit != "crop" && fit != "squash")
            throw UsageError("--fit: must be crop or squash, got '" + fit + "'");
        o.fit = fit == "crop" ? dl::ImageFit::Crop : dl::ImageFit::Squash;
        const std::string background = args.text("image-background").value_or("white");
        const QColor colour(QString::fromStdString(background));
        if (background.empty() || !colour.isValid() ||
            (background.front() != '#' && background != "white" && background != "black"))
            throw UsageError("--image-background: expected white, black or #rrggbb, got '" + background +
                             "'");
        o.background = colour.rgb();
        std::vector<std::string> notes;
        dl::DataSet set = dl::loadImageSet({args.requiredText("image")}, o, rng, {}, &notes);
        for (const std::string& note : notes)
            std::cerr << "images: " << note << " (--fit, --image-background)\n";
        return set;
    }
    if (glyphs) {
        const int n = args.intValue("n", defaultN, 1, dl::limits::kMaxPoints);
        dl::GlyphSetOptions o;
        o.characters = dl::glyphCharacters(args.text("glyph-chars").value_or("digits"));
        return dl::makeGlyphImageSet(n, imageSize(args), channels(args), rng, o);
    }
    const int n = args.intValue("n", defaultN, 1, dl::limits::kMaxPoints);
    if (imageShape) {
        const std::string path = args.requiredText("image");
        if (QFileInfo(QString::fromStdString(path)).isDir())
            throw UsageError("--image: '" + path +
                             "' is a folder; a folder of images needs --image-mode pixels");
        return dl::makePointDataSet("image:" + path,
                                    dl::pointsFromImageFile(path, n, rng, shapeOptions(args)), scaling);
    }
    if (args.has("text")) {
        const std::string text = args.requiredText("text");
        return dl::makePointDataSet("text:" + text, dl::pointsFromText(text, n, rng), scaling);
    }
    const auto& shapes = dl::builtInPointShapes();
    if (std::find(shapes.begin(), shapes.end(), name) == shapes.end())
        throw UsageError("--dataset: unknown data set '" + name + "' (choose from " + datasetNames() + ")");
    return dl::makePointDataSet(name, dl::generatePoints(name, n, rng), scaling);
}

}  // namespace dlcli
