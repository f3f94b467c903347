#include "ui/data/dataloader.h"

#include <QMetaObject>

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
    dl::Rng rng(s.seed);
    const std::string first = s.paths.value(0).toStdString();
    const dl::PointScaling scaling = s.perAxis ? dl::PointScaling::PerAxis : dl::PointScaling::Common;
    switch (s.kind) {
        case DataSource::Kind::BuiltIn:
            return dl::makePointDataSet(s.shape.toStdString(),
                                        dl::generatePoints(s.shape.toStdString(), s.count, rng), scaling);
        case DataSource::Kind::Text:
            return dl::makePointDataSet("text:" + s.text.toStdString(),
                                        dl::pointsFromText(s.text.toStdString(), s.count, rng), scaling);
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
            return dl::makePointDataSet("image:" + first,
                                        dl::pointsFromImageFile(first, s.count, rng, options), scaling);
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
                for (const std::string& n : said) *notes << QString::fromStdString(n);
            return set;
        }
        case DataSource::Kind::Glyphs:
            return dl::makeGlyphImageSet(s.count, s.imageSize, s.imageRgb ? 3 : 1, rng);
        case DataSource::Kind::HandDrawn:
            return dl::makePointDataSet(
                "drawn",
                dl::pointsFromStrokes(s.strokes, static_cast<float>(s.brushRadius * s.strokeUnit),
                                      static_cast<float>(s.density / s.strokeUnit), rng),
                scaling);
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

DataLoader::DataLoader(QObject* parent) : QObject(parent) {}

DataLoader::~DataLoader() {
    for (Job& job : mJobs) job.stop->store(true);
    for (Job& job : mJobs)
        if (job.thread.joinable()) job.thread.join();
}

void DataLoader::cancel() {
    for (Job& job : mJobs) job.stop->store(true);
    ++mGeneration;
    if (mBusy) {
        mBusy = false;
        Q_EMIT busyChanged(false);
    }
}

void DataLoader::load(const DataSource& source) {
    cancel();
    // Threads of superseded loads end soon (they were asked to stop); reap the ones already done.
    std::erase_if(mJobs, [](Job& job) {
        if (!job.done->load()) return false;
        job.thread.join();
        return true;
    });
    const int generation = ++mGeneration;
    auto stop = std::make_shared<std::atomic<bool>>(false);
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([this, source, stop, done, generation] {
        struct MarkDone {
            std::atomic<bool>& flag;
            ~MarkDone() { flag.store(true); }
        } markDone{*done};
        const dl::ProgressCallback progress = [this, stop, generation](double fraction) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, fraction] {
                    if (generation == mGeneration) Q_EMIT this->progress(fraction);
                },
                Qt::QueuedConnection);
            return !stop->load();
        };
        if (source.kind == DataSource::Kind::Csv && !source.paths.isEmpty()) {
            // The file's columns, for the chooser: sent first, so a file with too many columns still fills
            // it.
            QStringList names;
            try {
                for (const std::string& n : dl::readPointsCsvLayout(source.paths.first().toStdString()).names)
                    names << QString::fromStdString(n);
            } catch (const std::exception&) {
                // The load below reports what is wrong with the file.
            }
            QMetaObject::invokeMethod(
                this,
                [this, generation, path = source.paths.first(), names] {
                    if (generation == mGeneration) Q_EMIT csvColumnsRead(path, names);
                },
                Qt::QueuedConnection);
        }
        LoadedData result;
        QString error;
        try {
            result.dataSet =
                std::make_shared<const dl::DataSet>(buildDataSet(source, progress, &result.notes));
            result.source = source;
        } catch (const dl::Cancelled&) {
            return;
        } catch (const std::exception& e) {
            error = coreMessage(e.what());
        }
        // Queued to this object: dropped with it if the loader is destroyed first (it joins us before).
        QMetaObject::invokeMethod(
            this,
            [this, generation, result, error] {
                if (generation != mGeneration) return;
                finish(generation);
                if (error.isEmpty())
                    Q_EMIT loaded(result);
                else
                    Q_EMIT failed(error);
            },
            Qt::QueuedConnection);
    });
    mJobs.push_back(Job{std::move(thread), stop, done});
    mBusy = true;
    Q_EMIT busyChanged(true);
}

void DataLoader::finish(int) {
    mBusy = false;
    Q_EMIT busyChanged(false);
}

}  // namespace dlui
