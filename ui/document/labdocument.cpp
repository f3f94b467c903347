#include "ui/document/labdocument.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "core/data/pointgenerators.h"
#include "core/math/error.h"
#include "core/math/forwardprocess.h"
#include "core/math/rng.h"
#include "core/training/presets.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

namespace {

struct KindName {
    DataSource::Kind kind;
    const char* name;
};

constexpr std::array<KindName, 7> kKindNames{{
    {DataSource::Kind::BuiltIn, "builtin"},
    {DataSource::Kind::Text, "text"},
    {DataSource::Kind::Csv, "csv"},
    {DataSource::Kind::ImageShape, "image_shape"},
    {DataSource::Kind::ImagePixels, "image_pixels"},
    {DataSource::Kind::Glyphs, "glyphs"},
    {DataSource::Kind::HandDrawn, "hand_drawn"},
}};

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::LabDocument)
};

/// The window opens on the schedule the default training preset uses (resources/presets/default.json
/// says the same; tst_mainwindow checks that they agree).
dl::ScheduleParams defaultScheduleParams() {
    return dl::defaultTrainingSchedule();
}

}  // namespace

QString dataSourceKindName(DataSource::Kind kind) {
    for (const KindName& k : kKindNames)
        if (k.kind == kind) return QString::fromLatin1(k.name);
    return {};
}

std::optional<DataSource::Kind> dataSourceKindFromName(const QString& name) {
    for (const KindName& k : kKindNames)
        if (name == QLatin1String(k.name)) return k.kind;
    return std::nullopt;
}

QString builtInShapeDisplayName(const QString& id) {
    // The ids of core/data/pointgenerators.cpp; files and the CLI keep the ids, people see these.
    static constexpr struct {
        const char* id;
        const char* name;
    } kNames[] = {
        {"moons", QT_TRANSLATE_NOOP("dlui::LabDocument", "Two moons")},
        {"swissroll", QT_TRANSLATE_NOOP("dlui::LabDocument", "Swiss roll")},
        {"gaussians8", QT_TRANSLATE_NOOP("dlui::LabDocument", "8 Gaussians")},
        {"circles", QT_TRANSLATE_NOOP("dlui::LabDocument", "Concentric circles")},
        {"checkerboard", QT_TRANSLATE_NOOP("dlui::LabDocument", "Checkerboard")},
        {"spiral", QT_TRANSLATE_NOOP("dlui::LabDocument", "Two-arm spiral")},
        {"pinwheel", QT_TRANSLATE_NOOP("dlui::LabDocument", "Pinwheel")},
        {"gaussian", QT_TRANSLATE_NOOP("dlui::LabDocument", "Single Gaussian")},
    };
    for (const auto& entry : kNames)
        if (id == QLatin1String(entry.id)) return Texts::tr(entry.name);
    return id;
}

bool sameData(const DataSource& a, const DataSource& b) {
    if (a.kind != b.kind) return false;
    using Kind = DataSource::Kind;
    const bool points = a.kind != Kind::ImagePixels && a.kind != Kind::Glyphs;
    if (points && a.perAxis != b.perAxis) return false;  // the standardisation is part of the data
    switch (a.kind) {
        case Kind::BuiltIn:
            return a.shape == b.shape && a.count == b.count && a.seed == b.seed;
        case Kind::Text:
            return a.text == b.text && a.count == b.count && a.seed == b.seed;
        case Kind::Csv:
            return a.paths == b.paths && a.csvColumns == b.csvColumns;
        case Kind::ImageShape:
            return a.paths == b.paths && a.count == b.count && a.seed == b.seed && a.invert == b.invert &&
                   a.threshold == b.threshold;
        case Kind::ImagePixels:
            return a.paths == b.paths && a.imageSize == b.imageSize && a.imageRgb == b.imageRgb &&
                   a.squash == b.squash && a.background == b.background && a.seed == b.seed;
        case Kind::Glyphs:
            return a.imageSize == b.imageSize && a.imageRgb == b.imageRgb && a.count == b.count &&
                   a.seed == b.seed;
        case Kind::HandDrawn:
            return a.strokes == b.strokes && a.brushRadius == b.brushRadius && a.density == b.density &&
                   a.strokeUnit == b.strokeUnit && a.seed == b.seed;
    }
    return a == b;
}

QString describeDataSource(const DataSource& s) {
    switch (s.kind) {
        case DataSource::Kind::BuiltIn:
            return Texts::tr("%1, N = %2, seed %3")
                .arg(builtInShapeDisplayName(s.shape))
                .arg(s.count)
                .arg(s.seed);
        case DataSource::Kind::Text:
            return Texts::tr("text \"%1\", N = %2, seed %3").arg(s.text).arg(s.count).arg(s.seed);
        case DataSource::Kind::Csv:
            return s.csvColumns.isEmpty()
                       ? Texts::tr("CSV %1").arg(s.paths.value(0))
                       : Texts::tr("CSV %1, columns %2").arg(s.paths.value(0), s.csvColumns);
        case DataSource::Kind::ImageShape:
            return Texts::tr("image shape %1, N = %2").arg(s.paths.value(0)).arg(s.count);
        case DataSource::Kind::ImagePixels:
            return Texts::tr("images %1 at %2×%2").arg(s.paths.join(QStringLiteral(", "))).arg(s.imageSize);
        case DataSource::Kind::Glyphs:
            return Texts::tr("glyphs %1×%1, N = %2, seed %3").arg(s.imageSize).arg(s.count).arg(s.seed);
        case DataSource::Kind::HandDrawn:
            return Texts::tr("hand-drawn points");
    }
    return {};
}

namespace {

/// "linear T=150": the kind's word and T as one message, so that a translation can name the kind with the
/// Schedule panel's own word (线性, where a word of its own for descriptions read as another kind beside
/// the Kind box) while every message keeps a translation of its own, which the live switch needs. English
/// keeps the command line's words ("scaled_linear").
QString kindAndSteps(dl::ScheduleKind kind, int T) {
    switch (kind) {
        case dl::ScheduleKind::Linear:
            return Texts::tr("linear T=%1").arg(T);
        case dl::ScheduleKind::ScaledLinear:
            return Texts::tr("scaled_linear T=%1").arg(T);
        case dl::ScheduleKind::Cosine:
            return Texts::tr("cosine T=%1").arg(T);
        case dl::ScheduleKind::Sigmoid:
            return Texts::tr("sigmoid T=%1").arg(T);
        case dl::ScheduleKind::Custom:
            return Texts::tr("custom T=%1").arg(T);
    }
    return QString::fromLatin1(dl::scheduleKindName(kind).data()) + QStringLiteral(" T=") +
           QString::number(T);
}

}  // namespace

QString describeSchedule(const dl::ScheduleParams& p) {
    // Each part a message that holds the text before it ("%1, zero-SNR", not ", zero-SNR" appended): the
    // live language switch re-words a text by the messages it was made of, and could not find an appended
    // part inside a filled-in argument ("余弦 T=1000, zero-SNR").
    QString text = kindAndSteps(p.kind, p.T);
    if (p.kind != dl::ScheduleKind::Cosine && p.kind != dl::ScheduleKind::Custom)
        text = Texts::tr("%1, β %2..%3").arg(text).arg(p.betaStart, 0, 'g', 3).arg(p.betaEnd, 0, 'g', 3);
    if (p.zeroTerminalSnr) text = Texts::tr("%1, zero-SNR").arg(text);
    return text;
}

LabDocument::LabDocument(QObject* parent) : QObject(parent), mSchedule(defaultScheduleParams()) {
    dl::Rng rng(mSource.seed);
    mDataSet = std::make_shared<const dl::DataSet>(dl::makePointDataSet(
        mSource.shape.toStdString(), dl::generatePoints(mSource.shape.toStdString(), mSource.count, rng)));
    redrawNoise();
}

LabDocument::~LabDocument() = default;

void LabDocument::setDataSet(dl::DataSet dataSet, const DataSource& source) {
    mDataSet = std::make_shared<const dl::DataSet>(std::move(dataSet));
    mSource = source;
    redrawNoise();
    const bool hadSamples = mSamples || mTrajectory;
    mSamples.reset();
    mTrajectory.reset();
    setModified(true);
    Q_EMIT dataSetChanged();
    if (hadSamples) Q_EMIT samplesChanged();
    if (hasModel()) Q_EMIT modelChanged();  // modelMatchesData() changed
}

bool LabDocument::setScheduleParams(const dl::ScheduleParams& params, QString* error) {
    if (params == mSchedule.params()) return true;
    if (const std::optional<std::string> problem = dl::Schedule::validate(params)) {
        if (error) *error = coreMessage(*problem);
        return false;
    }
    try {
        setSchedule(dl::Schedule(params));
    } catch (const dl::Error& e) {
        if (error) *error = coreMessage(e.what());
        return false;
    }
    return true;
}

void LabDocument::setSchedule(const dl::Schedule& schedule) {
    if (schedule.params() == mSchedule.params()) return;
    mSchedule = schedule;
    setModified(true);
    Q_EMIT scheduleChanged();
    if (hasModel()) Q_EMIT modelChanged();  // the mismatch description changed
}

void LabDocument::setNoiseSeed(std::uint64_t seed) {
    if (seed == mNoiseSeed) return;
    mNoiseSeed = seed;
    redrawNoise();
    Q_EMIT noiseChanged();
}

void LabDocument::redrawNoise() {
    auto noise = std::make_shared<dl::Batch>(mDataSet->points.rows(), mDataSet->points.cols());
    dl::Rng rng(mNoiseSeed);
    rng.fillNormal(*noise);
    mNoise = std::move(noise);
}

dl::Batch LabDocument::forwardState(int t, Eigen::Index maxRows) const {
    const int tt = std::clamp(t, 0, mSchedule.T());
    if (maxRows < 0 || maxRows >= mDataSet->points.rows())
        return dl::noiseToStep(mSchedule, mDataSet->points, tt, *mNoise);
    return dl::noiseToStep(mSchedule, mDataSet->points.topRows(maxRows), tt, mNoise->topRows(maxRows));
}

void LabDocument::setModel(std::shared_ptr<const dl::TrainingSnapshot> model,
                           const dl::Schedule& trainedWith) {
    mModel = std::move(model);
    ++mModelGeneration;
    mModelSchedule = trainedWith;
    // Trained here, on the data of the moment (a file's model says its own, setModelFileData).
    mModelSource = mSource;
    mModelDataName = mDataSet ? mDataSet->name : std::string();
    mModelNorm = mDataSet ? mDataSet->norm : dl::Normalisation{};
    setModified(true);
    Q_EMIT modelChanged();
}

void LabDocument::setModelFileData(const std::string& dataName, const dl::Normalisation& normalisation) {
    mModelSource.reset();
    mModelDataName = dataName;
    mModelNorm = normalisation;
    Q_EMIT modelChanged();  // modelMatchesData() may have changed
}

namespace {

/// Two normalisations that put the same points within `tolerance` of each other's scale: another draw of
/// the same shape (its mean and spread a little different) is close, data far away are not.
bool closeNormalisations(const dl::Normalisation& a, const dl::Normalisation& b, double tolerance) {
    if (a.offset.size() != b.offset.size() || a.perAxis() != b.perAxis()) return false;
    for (Eigen::Index k = 0; k < a.offset.size(); ++k) {
        const double sa = a.scaleOf(k), sb = b.scaleOf(k);
        if (!(sa > 0.0 && sb > 0.0)) return false;
        if (std::abs(sa - sb) > tolerance * std::max(sa, sb)) return false;
        if (std::abs(double(a.offset(k)) - double(b.offset(k))) > tolerance * std::max(sa, sb)) return false;
    }
    return true;
}

}  // namespace

bool LabDocument::modelMatchesData() const {
    if (!hasModel()) return false;
    if (mModelSource) return sameData(*mModelSource, mSource);
    return mDataSet && mDataSet->name == mModelDataName &&
           closeNormalisations(mModelNorm, mDataSet->norm, 1e-4);
}

bool LabDocument::modelSharesDataCoordinates() const {
    return hasModel() && mDataSet && closeNormalisations(mModelNorm, mDataSet->norm, 0.05);
}

QString LabDocument::describeModelData() const {
    if (mModelSource) return describeDataSource(*mModelSource);
    return QString::fromStdString(mModelDataName);
}

void LabDocument::updateModel(std::shared_ptr<const dl::TrainingSnapshot> model) {
    if (!model || model == mModel) return;
    mModel = std::move(model);
    ++mModelGeneration;
    setModified(true);  // trained further since the last save, as setModel marks it
    Q_EMIT modelUpdated();
}

void LabDocument::clearModel() {
    if (!hasModel() && !mModel) return;
    mModel.reset();
    ++mModelGeneration;
    mModelSchedule.reset();
    mModelPath.clear();
    Q_EMIT modelChanged();
    clearSamples();
}

void LabDocument::setModelPath(const QString& path, std::optional<std::uint64_t> savedGeneration) {
    mSavedModelGeneration = savedGeneration.value_or(mModelGeneration);
    if (path == mModelPath) return;
    mModelPath = path;
    // The session names its model's file: a session saved before names another one, or none. (Opening a
    // session sets the model's path too, and then marks the document as saved.)
    if (mModel) setModified(true);
    Q_EMIT modelChanged();
}

QString LabDocument::describeScheduleMismatch() const {
    if (!mModelSchedule || mModelSchedule->params() == mSchedule.params()) return {};
    return tr("model trained with %1; editor shows %2")
        .arg(describeSchedule(mModelSchedule->params()), describeSchedule(mSchedule.params()));
}

void LabDocument::setSamples(std::shared_ptr<const dl::SampleResult> result,
                             std::shared_ptr<const dl::Trajectory> trajectory, std::uint64_t run,
                             std::optional<dl::Schedule> drawnWith) {
    mSamples = std::move(result);
    mTrajectory = std::move(trajectory);
    mSamplesRun = run;
    mSamplesSchedule = std::move(drawnWith);
    Q_EMIT samplesChanged();
}

void LabDocument::clearSamples() {
    if (!mSamples && !mTrajectory) return;
    mSamples.reset();
    mTrajectory.reset();
    mSamplesSchedule.reset();
    Q_EMIT samplesChanged();
}

const dl::Schedule& LabDocument::reverseSchedule() const {
    if (mSamplesSchedule && mTrajectory) return *mSamplesSchedule;
    return mModelSchedule ? *mModelSchedule : mSchedule;
}

void LabDocument::setModified(bool modified) {
    if (modified == mModified) return;
    mModified = modified;
    Q_EMIT modifiedChanged(modified);
}

void LabDocument::setViewState(const ViewState& state) {
    ViewState next = normalizedViewState(state);
    if (next == mView) return;
    const ViewState previous = std::exchange(mView, std::move(next));
    Q_EMIT viewStateChanged(previous);
}

void LabDocument::setPinnedSchedule(const std::optional<dl::Schedule>& schedule) {
    const bool same =
        schedule.has_value() == mPinned.has_value() && (!schedule || schedule->params() == mPinned->params());
    if (same) return;
    mPinned = schedule;
    Q_EMIT pinnedScheduleChanged();
}

}  // namespace dlui
