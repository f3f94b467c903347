// Turns a DataSource into a DataSet, away from the GUI thread: CSV files, images, folders and large glyph
// or text sets may take seconds, and the window must never freeze. buildDataSet() is the plain function
// (any thread); the DataLoader runs it as the window's "latest request wins" job (ui/jobs/latestjob.h),
// reports progress, can cancel (the stop flag reaches every loader in core through the progress
// callback), and hands the result back on the GUI thread as a value. A newer load stops an older one
// (whose result is dropped).
//
//   auto* loader = new dlui::DataLoader(this);
//   connect(loader, &dlui::DataLoader::loaded, this, [doc](const dlui::LoadedData& d) {
//       doc->setDataSet(*d.dataSet, d.source);
//   });
//   loader->load(source);
#pragma once

#include <QObject>
#include <memory>

#include "core/data/progress.h"
#include "ui/document/labdocument.h"
#include "ui/jobs/latestjob.h"

namespace dlui {

/// Builds the data set a source describes. Throws dl::Error (dl::Cancelled when progress says stop).
/// notes (when given) receives what a person should know about the load (images cropped, flattened…).
dl::DataSet buildDataSet(const DataSource& source, const dl::ProgressCallback& progress = {},
                         QStringList* notes = nullptr);

/// Points a hand-drawn source makes (brush and density in view units, DataSource::strokeUnit); −1 when it
/// cannot make any (no strokes) or would make more than the data limit.
int handDrawnPointCount(const DataSource& source);

/// Hand-drawn sets above this many points are confirmed first: every frame and training step then slows down.
inline constexpr int kHandDrawnConfirmPoints = 100'000;

/// A finished load: the data set and the source it came from.
struct LoadedData {
    std::shared_ptr<const dl::DataSet> dataSet;
    DataSource source;
    QStringList notes;  ///< one line each, see buildDataSet
};

class DataLoader : public QObject {
    Q_OBJECT
public:
    explicit DataLoader(QObject* parent = nullptr);
    /// Stops a running load and joins its thread (prompt: every loader looks at the stop flag).
    ~DataLoader() override;

    /// Starts loading; a load still running is stopped and its result dropped.
    void load(const DataSource& source);
    void cancel();
    bool isBusy() const;
    /// Reads the columns of a CSV file for the chooser (csvColumnsRead), apart from any load: a file picked
    /// shows its columns before Load data. A file that cannot be read says nothing here; its load will.
    void readCsvColumns(const QString& path);

Q_SIGNALS:
    /// The current load made progress (0..1).
    void progress(double fraction);
    /// The current load finished.
    void loaded(const dlui::LoadedData& data);
    /// The current load failed; the message names the problem (cancellation is not reported).
    void failed(const QString& message);
    /// A load started or the last one ended.
    void busyChanged(bool busy);
    /// The columns of the CSV file being loaded (header names, or "1", "2", … without a header).
    void csvColumnsRead(const QString& path, const QStringList& names);
    /// The CSV file has more than two columns and the source named none: nothing was loaded, the person
    /// chooses x and y (csvColumnsRead came first). Not a failure: the file is fine.
    void csvColumnsNeeded(const QString& path, int columnCount);

private:
    struct CsvColumnNames {
        QString path;
        QStringList names;
    };
    /// The result of a load that stopped at the file's layout (csvColumnsNeeded).
    struct CsvColumnsChoice {
        CsvColumnNames columns;
    };
    LatestJob mJob;
    LatestJob mColumnsJob;
};

}  // namespace dlui
