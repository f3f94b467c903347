#include "ui/data/dataloader.h"

#include "core/data/pointcsv.h"
#include "core/data/pointgenerators.h"
#include "core/io/glyphimages.h"
#include "core/io/imageset.h"
#include "core/io/imageshape.h"
#include "core/io/textshape.h"
#include "core/math/error.h"
#include "core/math/rng.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

dl::DataSet buildDataSet(const DataSource& s, const dl::ProgressCallback& progress, QStringList* notes) {
    // Every loader looks at progress inside its loops, built-in shapes every 16,384 points; hand-drawn
    // strokes (5·10⁶ points at most, well under a second) are checked before and after.
    const auto checkStop = [&progress](double fraction) {
        if (progress && !progress(fraction)) throw dl::Cancelled();
    };
    checkStop(0.0);
    dl::Rng rng(s.seed);
    const std::string first = s.paths.value(0).toStdString();
    const dl::PointScaling scaling = s.perAxis ? dl::PointScaling::PerAxis : dl::PointScaling::Common;
    switch (s.kind) {
        case DataSource::Kind::BuiltIn: {
            dl::Batch points = dl::generatePoints(s.shape.toStdString(), s.count, rng, progress);
            checkStop(1.0);
            return dl::makePointDataSet(s.shape.toStdString(), std::move(points), scaling);
        }
        case DataSource::Kind::Text:
            return dl::makePointDataSet("text:" + s.text.toStdString(),
                                        dl::pointsFromText(s.text.toStdString(), s.count, rng, progress),
                                        scaling);
        case DataSource::Kind::Csv: {
            if (first.empty()) throw dl::Error("no CSV file chosen");
            const dl::CsvColumns columns =
                s.csvColumns.isEmpty() ? dl::CsvColumns{} : dl::parseCsvColumns(s.csvColumns.toStdString());
            return dl::makePointDataSet("csv:" + first, dl::readPointsCsv(first, progress, columns), scaling);
        }
        case DataSource::Kind::ImageShape: {
            if (first.empty()) throw dl::Error("no image file chosen");
            dl::ImageShapeOptions options;
            options.invert = s.invert;
            options.threshold = static_cast<float>(s.threshold);
            return dl::makePointDataSet(
                "image:" + first, dl::pointsFromImageFile(first, s.count, rng, options, progress), scaling);
        }
        case DataSource::Kind::ImagePixels: {
            if (s.paths.isEmpty()) throw dl::Error("no image files chosen");
            std::vector<std::string> paths;
            for (const QString& p : s.paths) paths.push_back(p.toStdString());
            dl::ImageSetOptions options;
            options.size = s.imageSize;
            options.channels = s.imageRgb ? 3 : 1;
            options.fit = s.squash ? dl::ImageFit::Squash : dl::ImageFit::Crop;
            const QColor background(s.background);
            options.background = background.isValid() ? background.rgb() : 0xFFFFFFFFu;
            std::vector<std::string> said;
            dl::DataSet set = dl::loadImageSet(paths, options, rng, progress, &said);
            if (notes)
                for (const std::string& n : said) *notes << coreMessage(n);
            return set;
        }
        case DataSource::Kind::Glyphs:
            return dl::makeGlyphImageSet(s.count, s.imageSize, s.imageRgb ? 3 : 1, rng, {}, progress);
        case DataSource::Kind::HandDrawn: {
            dl::Batch points =
                dl::pointsFromStrokes(s.strokes, static_cast<float>(s.brushRadius * s.strokeUnit),
                                      static_cast<float>(s.density / s.strokeUnit), rng);
            checkStop(1.0);
            return dl::makePointDataSet("drawn", std::move(points), scaling);
        }
    }
    throw dl::Error("unknown data source");
}

int handDrawnPointCount(const DataSource& s) {
    if (!(s.strokeUnit > 0.0)) return -1;
    try {
        return dl::strokePointCount(s.strokes, static_cast<float>(s.brushRadius * s.strokeUnit),
                                    static_cast<float>(s.density / s.strokeUnit));
    } catch (const dl::Error&) {
        return -1;
    }
}

namespace {

/// The names of a CSV file's columns (header names, or "1", "2", …); none when it cannot be read.
QStringList csvColumnNames(const QString& path) {
    QStringList names;
    try {
        for (const std::string& n : dl::readPointsCsvLayout(path.toStdString()).names)
            names << QString::fromStdString(n);
    } catch (const std::exception&) {
        // A load of the file reports what is wrong with it.
    }
    return names;
}

}  // namespace

DataLoader::DataLoader(QObject* parent)
    : QObject(parent),
      mJob(QStringLiteral("dl-data-loader"), LatestJob::Supersede::CancelRunning),
      mColumnsJob(QStringLiteral("dl-csv-columns"), LatestJob::Supersede::CancelRunning) {
    connect(&mJob, &LatestJob::progressed, this,
            [this](quint64, double fraction) { Q_EMIT progress(fraction); });
    connect(&mJob, &LatestJob::failed, this,
            [this](quint64, const QString& message) { Q_EMIT failed(message); });
    connect(&mJob, &LatestJob::busyChanged, this, &DataLoader::busyChanged);
}

DataLoader::~DataLoader() = default;

void DataLoader::cancel() {
    mJob.cancel();
}

bool DataLoader::isBusy() const {
    return mJob.isBusy();
}

void DataLoader::load(const DataSource& source) {
    LatestJob::Job job;
    job.work = [source](JobControl& control) -> std::any {
        if (source.kind == DataSource::Kind::Csv && !source.paths.isEmpty()) {
            // The file's columns, for the chooser: sent first, so a file with too many columns still fills
            // it.
            CsvColumnNames columns{source.paths.first(), csvColumnNames(source.paths.first())};
            // Which two of several columns are x and y is the person's choice, not an error in the file:
            // the load stops here and the chooser asks (with a red error first, it read as a bad file).
            if (source.csvColumns.isEmpty() && columns.names.size() > 2)
                return CsvColumnsChoice{std::move(columns)};
            control.publish(std::move(columns));
        }
        LoadedData result;
        result.dataSet = std::make_shared<const dl::DataSet>(
            buildDataSet(source, control.progressCallback(), &result.notes));
        result.source = source;
        return result;
    };
    job.onPartial = [this](std::any partial) {
        const auto columns = std::any_cast<CsvColumnNames>(std::move(partial));
        Q_EMIT csvColumnsRead(columns.path, columns.names);
    };
    job.onResult = [this](std::any result) {
        if (const auto* choice = std::any_cast<CsvColumnsChoice>(&result)) {
            Q_EMIT csvColumnsRead(choice->columns.path, choice->columns.names);
            Q_EMIT csvColumnsNeeded(choice->columns.path, static_cast<int>(choice->columns.names.size()));
            return;
        }
        Q_EMIT loaded(std::any_cast<LoadedData>(std::move(result)));
    };
    mJob.start(std::move(job));
}

void DataLoader::readCsvColumns(const QString& path) {
    if (path.trimmed().isEmpty()) return;
    LatestJob::Job job;
    job.work = [path](JobControl&) -> std::any { return CsvColumnNames{path, csvColumnNames(path)}; };
    job.onResult = [this](std::any result) {
        const auto columns = std::any_cast<CsvColumnNames>(std::move(result));
        if (!columns.names.isEmpty()) Q_EMIT csvColumnsRead(columns.path, columns.names);
    };
    mColumnsJob.start(std::move(job));
}

}  // namespace dlui
