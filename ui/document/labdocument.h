// The shared state of one Diffusion Lab window: the data set, the schedule in the editor, the fixed
// forward-noise draw, the learned model, the last sampled trajectory and the view state (t, mode, playback
// settings, the pinned comparison schedule; the Timeline plays it). Every view and worker reads
// it; only the GUI thread writes it. Values are handed out as immutable snapshots (shared_ptr to const
// or cheap copies), so a worker can keep what it was given while the user edits on.
//
//   dlui::LabDocument doc;
//   QObject::connect(&doc, &dlui::LabDocument::scheduleChanged, view, &View::update);
//   doc.setScheduleParams(params);              // false + message when params are invalid
//   auto x0 = doc.dataSet();                     // shared_ptr<const dl::DataSet>
//   auto eps = doc.forwardNoise();               // same shape as x0->points
//
// Two schedules can be in play at once and are never mixed: schedule() is what the editor shows (and
// the forward view uses); modelSchedule() is what the current model was trained with, and the reverse
// process always uses that one. describeScheduleMismatch() words the difference for banners.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/strokes.h"
#include "core/math/schedule.h"
#include "core/math/types.h"
#include "core/sampling/samplers.h"
#include "ui/document/viewstate.h"

namespace dl {
struct TrainingSnapshot;  // core/training/trainer.h (weights + loss history), filled by the training side
struct SampleResult;      // core/sampling/samplers.h, filled by the sampling side
}  // namespace dl

namespace dlui {

/// Where the current data set came from: enough to rebuild it (sessions) and to describe it.
struct DataSource {
    enum class Kind {
        BuiltIn,      ///< a named generator of core/data/pointgenerators.h ("moons", …)
        Text,         ///< points sampled from text glyphs
        Csv,          ///< a CSV file of x,y points
        ImageShape,   ///< an image's darkness/alpha as a 2D density
        ImagePixels,  ///< one or more image files in pixel space
        Glyphs,       ///< the built-in glyph image set (pixel space)
        HandDrawn,    ///< strokes drawn on the canvas (the strokes are kept, so it can be rebuilt)
    };
    Kind kind = Kind::BuiltIn;
    QString shape = QStringLiteral("moons");  ///< BuiltIn: generator name
    QString text;                             ///< Text: the text typed
    QStringList paths;                        ///< Csv, ImageShape, ImagePixels: file(s) or a folder
    int count = 8000;                         ///< N (points or images); ignored by Csv/ImagePixels
    std::uint64_t seed = 1;
    int imageSize = 16;               ///< ImagePixels, Glyphs: S×S
    bool imageRgb = false;            ///< ImagePixels: RGB instead of gray
    bool invert = false;              ///< ImageShape: use lightness instead of darkness
    double threshold = 0.0;           ///< ImageShape: ignore densities below this (0..1)
    std::vector<dl::Stroke> strokes;  ///< HandDrawn: the strokes, data coordinates
    /// HandDrawn: brush radius and density are in view units — one unit is the larger side of the view the
    /// strokes were drawn in, strokeUnit in data coordinates — so the point count depends on what the
    /// person saw, not on the units of whatever data set was loaded before.
    double brushRadius = 0.01;  ///< HandDrawn: brush radius, view units
    double density = 3000.0;    ///< HandDrawn: points per view unit of stroke length
    double strokeUnit = 1.0;    ///< HandDrawn: data length of one view unit when drawn
    QString csvColumns;         ///< Csv: "3,4" or "petal_length,petal_width"; empty = 2 columns
    bool perAxis = false;       ///< 2D points: standardise each axis (dataset.h)
    bool squash = false;        ///< ImagePixels: squash non-square images (else crop)
    QString background = QStringLiteral("#ffffff");  ///< ImagePixels: what transparent pixels become

    bool operator==(const DataSource&) const = default;
};

/// Lower-case names used in session files: builtin, text, csv, image_shape, image_pixels, glyphs, hand_drawn.
QString dataSourceKindName(DataSource::Kind kind);
std::optional<DataSource::Kind> dataSourceKindFromName(const QString& name);
/// The translated name of a built-in shape for people ("Two moons" for "moons"); the id itself when unknown.
QString builtInShapeDisplayName(const QString& id);
/// A short human description ("Two moons, N = 8000, seed 1").
QString describeDataSource(const DataSource& source);
/// Whether two sources give the same data: the fields their kind uses are equal. Fields of other kinds (a
/// CSV path left over in the Data dock, the text field's "DDPM" behind a built-in shape) do not count, so
/// loading the same data again keeps the model trained on them.
bool sameData(const DataSource& a, const DataSource& b);

/// One line naming a schedule: "linear T=100, β 0.001..0.2", "cosine T=200, zero-SNR".
QString describeSchedule(const dl::ScheduleParams& params);

class LabDocument : public QObject {
    Q_OBJECT
public:
    explicit LabDocument(QObject* parent = nullptr);
    ~LabDocument() override;

    // ---- data -------------------------------------------------------------------------------
    std::shared_ptr<const dl::DataSet> dataSet() const { return mDataSet; }
    const DataSource& dataSource() const { return mSource; }
    /// Replaces the data set (also redraws the forward noise). Clears samples; keeps the model but marks
    /// it as trained on other data (modelMatchesData() turns false).
    void setDataSet(dl::DataSet dataSet, const DataSource& source);

    // ---- schedule in the editor (forward view) ----------------------------------------------
    const dl::Schedule& schedule() const { return mSchedule; }
    /// Validates and applies. On invalid params returns false, sets *error and keeps the last valid schedule.
    bool setScheduleParams(const dl::ScheduleParams& params, QString* error = nullptr);
    void setSchedule(const dl::Schedule& schedule);

    // ---- forward noise ----------------------------------------------------------------------
    /// A fixed ε, same shape as dataSet()->points, redrawn when the data or the noise seed change.
    std::shared_ptr<const dl::Batch> forwardNoise() const { return mNoise; }
    std::uint64_t noiseSeed() const { return mNoiseSeed; }
    void setNoiseSeed(std::uint64_t seed);
    /// x_t = √ᾱ_t x0 + √(1−ᾱ_t) ε for the editor's schedule, normalised coordinates. t is clamped to 0..T.
    /// maxRows ≥ 0 computes only the first maxRows rows (the images a view shows of a large set).
    dl::Batch forwardState(int t, Eigen::Index maxRows = -1) const;

    // ---- model --------------------------------------------------------------------------------
    std::shared_ptr<const dl::TrainingSnapshot> model() const { return mModel; }
    bool hasModel() const { return mModelSchedule.has_value(); }
    /// The schedule the current model was trained with (the reverse process uses this one).
    const std::optional<dl::Schedule>& modelSchedule() const { return mModelSchedule; }
    /// Whether the model was trained on the data the window holds: the same source for a model trained
    /// here; the same data set name and normalisation for a model read from a file (which records those,
    /// not the source: the source at load time is the window's, whatever the file was trained on).
    bool modelMatchesData() const;
    /// The data the model was trained on, in words ("Two moons, N = 8000, seed 1", "csv:/path/far.csv").
    QString describeModelData() const;
    /// The map from the model's normalised coordinates back to its training data's: what a sample of the
    /// model means, and what a weights export records. The data set's own for a model trained here.
    const dl::Normalisation& modelNormalisation() const { return mModelNorm; }
    /// Whether the model's samples can be drawn in the current data's coordinates: its normalisation is the
    /// data's to within a few per cent (another draw of the same shape is; far-off data is not, and samples
    /// mapped through their normalisation came out hundreds of units from where the model puts them).
    bool modelSharesDataCoordinates() const;
    /// A model read from a file: what it was trained on, from the file (after setModel).
    void setModelFileData(const std::string& dataName, const dl::Normalisation& normalisation);
    /// Installs a model snapshot with the schedule it was trained with (a new model: a finished or loaded
    /// run, or the first snapshot of a new run). `model` may be null for a model kept elsewhere (the schedule
    /// is still recorded).
    void setModel(std::shared_ptr<const dl::TrainingSnapshot> model, const dl::Schedule& trainedWith);
    /// Newer weights of the installed model, from the training run that made it: the training side pushes
    /// each new snapshot here on its timer. Emits modelUpdated() only (not modelChanged()), so nothing
    /// that depends on which model is installed redoes its work at the polling rate.
    void updateModel(std::shared_ptr<const dl::TrainingSnapshot> model);
    /// Changes whenever model() does (install, update, clear): matches results to the weights they were
    /// computed from without keeping a pointer, whose address a later snapshot can reuse.
    std::uint64_t modelGeneration() const { return mModelGeneration; }
    void clearModel();
    /// The file the model was last saved to or loaded from (empty when not saved); kept in sessions.
    QString modelPath() const { return mModelPath; }
    /// `savedGeneration`: the modelGeneration() of the weights the file holds (a save runs in the
    /// background, and training may go on meanwhile); by default the current one.
    void setModelPath(const QString& path, std::optional<std::uint64_t> savedGeneration = std::nullopt);
    /// Whether the model in memory is the one in modelPath(): not once it has been trained further.
    /// Saving once and training on used to count as saved, and Train discarded the newer model unasked.
    bool isModelSaved() const { return !mModelPath.isEmpty() && mSavedModelGeneration == mModelGeneration; }
    /// Empty when the editor shows the model's schedule; otherwise e.g.
    /// "model trained with linear T=100, …; editor shows cosine T=200, …".
    QString describeScheduleMismatch() const;

    // ---- samples -----------------------------------------------------------------------------
    std::shared_ptr<const dl::SampleResult> sampleResult() const { return mSamples; }
    std::shared_ptr<const dl::Trajectory> trajectory() const { return mTrajectory; }
    /// Installs a sampling result and the trajectory the timeline animates in reverse mode. `run` names
    /// the sampling run (0: none): a run shows its trajectory as it grows (result still null), then its
    /// samples, all with the same run, so the views keep their place in the animation. `drawnWith`: the
    /// schedule of the chain (the model's for the learned denoiser, the editor's for the exact one).
    void setSamples(std::shared_ptr<const dl::SampleResult> result,
                    std::shared_ptr<const dl::Trajectory> trajectory, std::uint64_t run = 0,
                    std::optional<dl::Schedule> drawnWith = std::nullopt);
    /// The schedule the installed samples were drawn with, when setSamples was told.
    const std::optional<dl::Schedule>& samplesSchedule() const { return mSamplesSchedule; }
    /// The schedule of the reverse view: the samples' when known, else the model's, else the editor's.
    /// Its numbers (β, ᾱ, SNR under the view, in captions and exports) are the chain's: with the exact
    /// denoiser on the editor's schedule they showed the model's.
    const dl::Schedule& reverseSchedule() const;
    /// The run of the samples installed last (0 when not named).
    std::uint64_t samplesRun() const { return mSamplesRun; }
    void clearSamples();

    // ---- view state -----------------------------------------------------------------------------
    /// What the views show: t, mode, playback settings (ui/document/viewstate.h).
    const ViewState& viewState() const { return mView; }
    /// Stores normalizedViewState(state); emits viewStateChanged when that differs from the current one.
    void setViewState(const ViewState& state);
    /// The schedule pinned for comparison in the schedule plots (dashed), if any.
    const std::optional<dl::Schedule>& pinnedSchedule() const { return mPinned; }
    void setPinnedSchedule(const std::optional<dl::Schedule>& schedule);

    // ---- unsaved work ------------------------------------------------------------------------
    /// True after a change a person made (data, schedule, model) since the last save or open.
    bool isModified() const { return mModified; }
    void setModified(bool modified);

Q_SIGNALS:
    /// The data set (and with it the forward noise) was replaced.
    void dataSetChanged();
    /// The editor's schedule changed (valid params only).
    void scheduleChanged();
    /// The forward noise was redrawn for the same data (new seed).
    void noiseChanged();
    /// A model was installed or cleared, or its saved path changed.
    void modelChanged();
    /// The installed model's weights advanced (updateModel): the run is the same, the weights are newer.
    void modelUpdated();
    /// A sampling result was installed or cleared.
    void samplesChanged();
    /// The view state changed; `previous` is what it was (the Timeline words the difference as its signals).
    void viewStateChanged(const dlui::ViewState& previous);
    /// A schedule was pinned for comparison or unpinned.
    void pinnedScheduleChanged();
    /// The unsaved-work flag changed.
    void modifiedChanged(bool modified);

private:
    void redrawNoise();

    std::shared_ptr<const dl::DataSet> mDataSet;
    DataSource mSource;
    dl::Schedule mSchedule;
    std::uint64_t mNoiseSeed = 1234;
    std::shared_ptr<const dl::Batch> mNoise;
    std::shared_ptr<const dl::TrainingSnapshot> mModel;
    std::uint64_t mModelGeneration = 0;
    std::uint64_t mSavedModelGeneration = 0;  // the generation modelPath's file holds
    std::optional<dl::Schedule> mModelSchedule;
    std::optional<DataSource> mModelSource;  ///< a model trained here: its data's source
    std::string mModelDataName;              ///< the model's data set name (dl::DataSet::name)
    dl::Normalisation mModelNorm;
    QString mModelPath;
    std::shared_ptr<const dl::SampleResult> mSamples;
    std::shared_ptr<const dl::Trajectory> mTrajectory;
    std::optional<dl::Schedule> mSamplesSchedule;
    std::uint64_t mSamplesRun = 0;
    ViewState mView;
    std::optional<dl::Schedule> mPinned;
    bool mModified = false;
};

}  // namespace dlui
