#include "ui/export/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/export/exportprogress.h"
#include "ui/i18n/coremessages.h"
#include "ui/render/comparisonframes.h"
#include "ui/render/exportjob.h"
#include "ui/render/framewriters.h"
#include "ui/render/palette.h"
#include "ui/widgets/defaultsuffix.h"
#include "ui/widgets/filedialogs.h"

namespace dlui {
namespace {

template <typename Enum>
Enum currentEnum(const QComboBox* box) {
    return static_cast<Enum>(box->currentData().toInt());
}

template <typename Enum>
void selectEnum(QComboBox* box, Enum value) {
    const int i = box->findData(static_cast<int>(value));
    if (i >= 0) box->setCurrentIndex(i);
}

/// Disables one item of a combo box (QStandardItemModel is the default model).
void setItemEnabled(QComboBox* box, int index, bool enabled, const QString& toolTip) {
    box->setItemData(index, enabled ? QVariant() : QVariant(0), Qt::UserRole - 1);
    box->setItemData(index, toolTip, Qt::ToolTipRole);
}

bool isItemEnabled(const QComboBox* box, int index) {
    return !box->itemData(index, Qt::UserRole - 1).isValid();
}

QString suffixFor(ExportFormat format) {
    return format == ExportFormat::PngSequence ? QString() : QLatin1Char('.') + exportFormatName(format);
}

/// `path` less a format's suffix (".gif", ".mp4", ".webm"); any other name as it is.
QString withoutFormatSuffix(const QString& path) {
    if (!exportFormatForPath(path)) return path;
    const QFileInfo info(path);
    return QDir::cleanPath(info.path() + QLatin1Char('/') + info.completeBaseName());
}

/// `path` named for `format`: its suffix added when the name has none, and in place of another format's
/// (WebM chosen with "a.mp4" typed wrote a VP9 stream into a file called a.mp4).
QString pathForFormat(const QString& path, ExportFormat format) {
    const std::optional<ExportFormat> named = exportFormatForPath(path);
    if (!named || *named == format) return withDefaultSuffix(path, suffixFor(format));
    return withoutFormatSuffix(path) + suffixFor(format);
}

/// The outermost folder of `path` that does not exist (the one an export would make first), or none.
QString firstMissingFolder(const QString& path) {
    QString missing;
    for (QString folder = QDir::cleanPath(path); !folder.isEmpty() && !QFileInfo::exists(folder);) {
        missing = folder;
        const QString parent = QFileInfo(folder).absolutePath();
        if (parent == folder) break;
        folder = parent;
    }
    return missing;
}

/// The folder the export writes into: the PNG frames' folder itself, or the file's.
QString outputFolder(const ExportSettings& s) {
    return s.format == ExportFormat::PngSequence ? QFileInfo(s.outputPath).absoluteFilePath()
                                                 : QFileInfo(s.outputPath).absolutePath();
}

/// The file that stands where the path needs a folder (the path itself or one above it), or empty: the
/// export would fail on it, after the dialog had said the folder "will be made".
QString fileInTheWay(const QString& folder) {
    for (QString at = QDir::cleanPath(folder); !at.isEmpty();) {
        const QFileInfo info(at);
        if (info.exists()) return info.isDir() ? QString() : at;
        const QString parent = info.absolutePath();
        if (parent == at) break;
        at = parent;
    }
    return {};
}

}  // namespace

ExportDialog::ExportDialog(ExportInput input, QWidget* parent) : QDialog(parent), mInput(std::move(input)) {
    setWindowTitle(tr("Export Animation"));
    buildUi();
    loadFromSettings();
    updateState();
}

ExportDialog::~ExportDialog() {
    if (mJob) {
        mJob->cancel();
        mJob->wait();
    }
}

void ExportDialog::buildUi() {
    const int T = mInput.schedule.T();
    const bool hasReverse = mInput.reverse && !mInput.reverse->empty();
    const bool isImage = mInput.data.isImage();

    mAnimation = new QComboBox(this);
    mAnimation->addItem(tr("Forward process (noising)"), int(AnimationKind::Forward));
    // An item that cannot be chosen says why in its own text: a tooltip on a greyed item is only found by
    // hovering over it in the open list.
    mAnimation->addItem(hasReverse ? tr("Reverse process (sampling)") : tr("Reverse process: sample first"),
                        int(AnimationKind::Reverse));
    mAnimation->addItem(hasReverse ? tr("Both, back to back") : tr("Both, back to back: sample first"),
                        int(AnimationKind::Both));
    const QString noTrajectory = tr("Sample first: there is no reverse trajectory yet.");
    setItemEnabled(mAnimation, 1, hasReverse, hasReverse ? QString() : noTrajectory);
    setItemEnabled(mAnimation, 2, hasReverse, hasReverse ? QString() : noTrajectory);
    const bool hasComparison = mInput.comparison && !mInput.comparison->panes.empty();
    mAnimation->addItem(
        hasComparison ? tr("Side-by-side comparison") : tr("Side-by-side comparison: open it first"),
        int(AnimationKind::Comparison));
    setItemEnabled(mAnimation, 3, hasComparison,
                   hasComparison ? QString() : tr("Open the comparison first: View ▸ Compare side by side."));

    mTFirst = new QSpinBox(this);
    mTFirst->setRange(0, T);
    mTLast = new QSpinBox(this);
    mTLast->setRange(0, T);
    mTLast->setValue(T);
    mStride = new QSpinBox(this);
    mStride->setRange(1, std::max(1, T));
    mStride->setToolTip(tr("Every k-th timestep becomes a frame."));
    auto* range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("from t ="), this));
    range->addWidget(mTFirst);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(mTLast);
    range->addWidget(new QLabel(tr("every"), this));
    range->addWidget(mStride);
    range->addStretch();

    mFps = new QSpinBox(this);
    mFps->setRange(1, kMaxExportFps);
    mFps->setValue(20);
    mFps->setSuffix(tr(" frames/s"));
    mWidth = new QSpinBox(this);
    mWidth->setRange(16, kMaxExportSide);
    mWidth->setValue(800);
    mWidth->setSuffix(tr(" px"));
    mHeight = new QSpinBox(this);
    mHeight->setRange(16, kMaxExportSide);
    mHeight->setValue(800);
    mHeight->setSuffix(tr(" px"));
    auto* size = new QHBoxLayout;
    size->addWidget(mWidth);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(mHeight);
    size->addStretch();

    auto* timing = new QGroupBox(tr("Frames"), this);
    auto* timingForm = new QFormLayout(timing);
    timingForm->addRow(tr("&Animation:"), mAnimation);
    timingForm->addRow(tr("Range:"), range);
    timingForm->addRow(tr("&Speed:"), mFps);
    auto* sizeLabel = new QLabel(tr("Si&ze:"), this);
    sizeLabel->setBuddy(mWidth);
    timingForm->addRow(sizeLabel, size);

    mPoints = new QCheckBox(tr("&Points"), this);
    mTrails = new QCheckBox(tr("&Trails of a few points"), this);
    mArrows = new QCheckBox(tr("Arrow f&ield (−ε̂)"), this);
    mDensity = new QCheckBox(tr("&Density of q(x_t)"), this);
    mAxes = new QCheckBox(tr("A&xes"), this);
    mCaption = new QCheckBox(tr("&Caption (t, ᾱₜ, sampler)"), this);
    mColorByOrigin = new QCheckBox(tr("Colour points by their &origin"), this);
    mPoints->setChecked(true);
    mAxes->setChecked(true);
    mCaption->setChecked(true);
    mColorByOrigin->setChecked(true);
    if (!mInput.denoiser) {
        mArrows->setEnabled(false);
        mArrows->setToolTip(tr("Needs a denoiser: train a model or choose the exact denoiser."));
    }
    if (isImage) {
        for (QCheckBox* box : {mTrails, mArrows, mDensity, mAxes, mColorByOrigin}) box->setEnabled(false);
    }
    mBackground = new QComboBox(this);
    mBackground->addItem(tr("White"), int(Background::White));
    mBackground->addItem(tr("Dark"), int(Background::Dark));
    mBackground->addItem(tr("High contrast"), int(Background::HighContrast));
    mBackground->addItem(tr("Transparent (PNG only)"), int(Background::Transparent));
    mBackground->setObjectName(QStringLiteral("exportBackground"));
    mPalette = new QComboBox(this);
    mPalette->addItem(tr("Standard"), int(ColorPalette::Standard));
    mPalette->addItem(tr("Colour-blind safe"), int(ColorPalette::ColorBlindSafe));
    mPalette->setObjectName(QStringLiteral("exportPalette"));

    auto* look = new QGroupBox(tr("Draw"), this);
    auto* lookGrid = new QGridLayout(look);
    lookGrid->addWidget(mPoints, 0, 0);
    lookGrid->addWidget(mTrails, 0, 1);
    lookGrid->addWidget(mArrows, 1, 0);
    lookGrid->addWidget(mDensity, 1, 1);
    lookGrid->addWidget(mAxes, 2, 0);
    lookGrid->addWidget(mCaption, 2, 1);
    lookGrid->addWidget(mColorByOrigin, 3, 0, 1, 2);
    auto* bgRow = new QHBoxLayout;
    bgRow->addWidget(new QLabel(tr("&Background:"), this));
    bgRow->addWidget(mBackground);
    auto* paletteLabel = new QLabel(tr("Colou&rs:"), this);
    paletteLabel->setBuddy(mPalette);
    bgRow->addWidget(paletteLabel);
    bgRow->addWidget(mPalette);
    bgRow->addStretch();
    qobject_cast<QLabel*>(bgRow->itemAt(0)->widget())->setBuddy(mBackground);
    lookGrid->addLayout(bgRow, 4, 0, 1, 2);

    mFormat = new QComboBox(this);
    mFormat->setObjectName(QStringLiteral("exportFormat"));
    mFormat->addItem(tr("Animated GIF"), int(ExportFormat::Gif));
    mFormat->addItem(tr("PNG frames + JSON sidecar (folder)"), int(ExportFormat::PngSequence));
    mFormat->addItem(tr("MP4 video (H.264)"), int(ExportFormat::Mp4));
    mFormat->addItem(tr("WebM video (VP9)"), int(ExportFormat::WebM));
    const bool ffmpeg = !VideoWriter::findFfmpeg().isEmpty();
    const QString noFfmpeg = tr("Needs ffmpeg on PATH (Debian: apt-get install ffmpeg).");
    setItemEnabled(mFormat, 2, ffmpeg, ffmpeg ? QString() : noFfmpeg);
    setItemEnabled(mFormat, 3, ffmpeg, ffmpeg ? QString() : noFfmpeg);
    mPath = new QLineEdit(this);
    mPath->setObjectName(QStringLiteral("exportPath"));
    mPath->setClearButtonEnabled(true);
    // Room for a typical folder and name (~50 characters): the dialog takes its width from its labels, and
    // in the narrower Chinese one only the path's last 20 characters showed.
    mPath->setMinimumWidth(mPath->fontMetrics().horizontalAdvance(QString(54, QLatin1Char('x'))));
    auto* browseButton = new QPushButton(tr("Bro&wse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(mPath, 1);
    pathRow->addWidget(browseButton);

    auto* output = new QGroupBox(tr("Output"), this);
    auto* outputForm = new QFormLayout(output);
    outputForm->addRow(tr("&Format:"), mFormat);
    auto* pathLabel = new QLabel(tr("Sa&ve to:"), this);
    pathLabel->setBuddy(mPath);
    outputForm->addRow(pathLabel, pathRow);

    mSummary = new QLabel(this);
    mSummary->setObjectName(QStringLiteral("exportSummary"));
    mSummary->setWordWrap(true);
    // Room for two lines from the start: the line wrapping to a second one moved the Output box and the
    // buttons under the mouse (a click meant for Save to missed it).
    mSummary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    mSummary->setMinimumHeight(2 * mSummary->fontMetrics().lineSpacing());
    mButtons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    mButtons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(timing);
    layout->addWidget(look);
    layout->addWidget(output);
    layout->addWidget(mSummary);
    layout->addWidget(mButtons);

    connect(mButtons, &QDialogButtonBox::accepted, this, &ExportDialog::startExport);
    connect(mButtons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(mFormat, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the file name, change its suffix (none for a folder of frames).
        const QString path = mPath->text();
        if (!path.isEmpty())
            mPath->setText(QDir::cleanPath(withoutFormatSuffix(path)) +
                           suffixFor(currentEnum<ExportFormat>(mFormat)));
        updateState();
    });
    // A name typed with a format's suffix ("talk.mp4") chooses that format, when this machine can write it.
    connect(mPath, &QLineEdit::textEdited, this, [this](const QString& path) {
        const std::optional<ExportFormat> named = exportFormatForPath(path);
        const int item = named ? mFormat->findData(static_cast<int>(*named)) : -1;
        if (item < 0 || item == mFormat->currentIndex() || !isItemEnabled(mFormat, item)) return;
        const QSignalBlocker block(mFormat);  // the path stays as typed
        mFormat->setCurrentIndex(item);
        updateState();
    });
    connect(mAnimation, &QComboBox::currentIndexChanged, this, &ExportDialog::updateRange);
    for (QComboBox* box : {mAnimation, mBackground})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    for (QSpinBox* box : {mTFirst, mTLast, mStride, mFps, mWidth, mHeight})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::updateState);
    connect(mPath, &QLineEdit::textChanged, this, &ExportDialog::updateState);
}

ExportSettings ExportDialog::settings() const {
    ExportSettings s;
    s.frames.animation = currentEnum<AnimationKind>(mAnimation);
    s.frames.tFirst = mTFirst->value();
    s.frames.tLast = mTLast->value();
    s.frames.stride = mStride->value();
    s.fps = mFps->value();
    s.render.size = QSize(mWidth->value(), mHeight->value());
    s.render.drawPoints = mPoints->isChecked();
    s.render.drawTrails = mTrails->isEnabled() && mTrails->isChecked();
    s.render.drawArrows = mArrows->isEnabled() && mArrows->isChecked();
    s.render.drawDensity = mDensity->isEnabled() && mDensity->isChecked();
    s.render.drawAxes = mAxes->isChecked();
    s.render.drawCaption = mCaption->isChecked();
    s.render.background = currentEnum<Background>(mBackground);
    s.render.palette = currentEnum<ColorPalette>(mPalette);
    s.overlays.colorByOrigin = mColorByOrigin->isChecked();
    s.format = currentEnum<ExportFormat>(mFormat);
    s.outputPath = QDir::fromNativeSeparators(mPath->text().trimmed());
    // "~/slides/a.gif" as a shell reads it: Qt would take "~" for a folder's name.
    if (s.outputPath == QStringLiteral("~") || s.outputPath.startsWith(QStringLiteral("~/")))
        s.outputPath = QDir::homePath() + s.outputPath.mid(1);
    // A name typed without a suffix gets the format's: "anim" with GIF chosen wrote a file called "anim".
    if (!s.outputPath.isEmpty()) s.outputPath = pathForFormat(s.outputPath, s.format);
    s.overwrite = false;
    return s;
}

void ExportDialog::setSettings(const ExportSettings& s) {
    selectEnum(mAnimation, s.frames.animation);
    mTFirst->setValue(s.frames.tFirst);
    mTLast->setValue(s.frames.tLast < 0 ? mTLast->maximum() : s.frames.tLast);
    mStride->setValue(s.frames.stride);
    mFps->setValue(s.fps);
    mWidth->setValue(s.render.size.width());
    mHeight->setValue(s.render.size.height());
    mPoints->setChecked(s.render.drawPoints);
    mTrails->setChecked(s.render.drawTrails);
    mArrows->setChecked(s.render.drawArrows);
    mDensity->setChecked(s.render.drawDensity);
    mAxes->setChecked(s.render.drawAxes);
    mCaption->setChecked(s.render.drawCaption);
    selectEnum(mBackground, s.render.background);
    selectEnum(mPalette, s.render.palette);
    mColorByOrigin->setChecked(s.overlays.colorByOrigin);
    {
        const QSignalBlocker block(mFormat);  // the path is set as given, suffix and all
        selectEnum(mFormat, s.format);
    }
    mPath->setText(s.outputPath);
    updateState();
}

void ExportDialog::updateRange() {
    // A comparison's t is the shared step 0..S (S = the largest T of its panes), not the editor's t. The
    // reverse chain's t runs to the T it was sampled with (the model's): capped at the editor's shorter T,
    // a reverse GIF never showed the start from pure noise.
    const AnimationKind animation = currentEnum<AnimationKind>(mAnimation);
    const int forwardT = mInput.schedule.T();
    const int reverseT = mInput.reverseSchedule ? mInput.reverseSchedule->T() : forwardT;
    int maximum = forwardT;
    if (animation == AnimationKind::Comparison && mInput.comparison)
        maximum = comparisonSteps(*mInput.comparison);
    else if (animation == AnimationKind::Reverse)
        maximum = reverseT;
    else if (animation == AnimationKind::Both)
        maximum = std::max(forwardT, reverseT);
    const bool lastAtEnd = mTLast->value() == mTLast->maximum();
    mTFirst->setMaximum(maximum);
    mTLast->setMaximum(maximum);
    mStride->setMaximum(std::max(1, maximum));
    if (lastAtEnd) mTLast->setValue(maximum);
}

void ExportDialog::updateState() {
    const ExportSettings s = settings();
    const int frames = static_cast<int>(FrameSource::selectFrames(mInput, s.frames).size());
    QString problem;
    const bool needsChain =
        s.frames.animation == AnimationKind::Reverse || s.frames.animation == AnimationKind::Both;
    if (needsChain && (!mInput.reverse || mInput.reverse->empty()))
        problem = tr("Sample first: there is no reverse trajectory yet.");
    else if (s.frames.animation == AnimationKind::Comparison && !mInput.comparison)
        problem = tr("Open the comparison first: View ▸ Compare side by side.");
    else if (frames == 0)
        problem = tr("No frame in this range of t.");
    else if (frames > kMaxExportFrames)
        problem =
            tr("%1 frames is over the limit of %2: raise the stride.").arg(frames).arg(kMaxExportFrames);
    else if (s.render.background == Background::Transparent && s.format != ExportFormat::PngSequence)
        problem = tr("A transparent background needs PNG frames.");
    else if (isVideoFormat(s.format) && (s.render.size.width() % 2 || s.render.size.height() % 2))
        problem = tr("Video needs an even width and height.");
    else if (s.outputPath.isEmpty())
        problem = tr("Choose where to save.");
    // A relative path was written beside wherever the program had been started ("Z:\slides\a.gif" became
    // a file of that name there), and the message named it as typed.
    else if (QDir::isRelativePath(s.outputPath))
        problem = tr("Give the whole path, from / (Browse… picks one): “%1” would be saved in the folder "
                     "the program was started from.")
                      .arg(QDir::toNativeSeparators(s.outputPath));
    else if (const QString file = fileInTheWay(outputFolder(s)); !file.isEmpty())
        problem = tr("%1 is a file, not a folder: choose another place to save.")
                      .arg(QDir::toNativeSeparators(file));
    if (!problem.isEmpty()) {
        mSummary->setText(problem);
    } else {
        QString summary = tr("%n frame(s), %1 s at %2 frames/s, %3×%4 pixels.", nullptr, frames)
                              .arg(static_cast<double>(frames) / s.fps, 0, 'f', 1)
                              .arg(s.fps)
                              .arg(s.render.size.width())
                              .arg(s.render.size.height());
        // The export makes a folder that is not there, as a file dialog's "new folder" would: said first,
        // so a mistyped folder is seen before it is made.
        const QString missing = firstMissingFolder(outputFolder(s));
        if (!missing.isEmpty())
            summary += QLatin1Char(' ') + tr("The folder %1 does not exist yet: it will be made.")
                                              .arg(QDir::toNativeSeparators(missing));
        mSummary->setText(summary);
    }
    QPushButton* exportButton = nullptr;
    for (QAbstractButton* b : mButtons->buttons())
        if (mButtons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            exportButton = qobject_cast<QPushButton*>(b);
    if (exportButton) exportButton->setEnabled(problem.isEmpty() && !mJob);
}

void ExportDialog::browse() {
    const ExportFormat format = currentEnum<ExportFormat>(mFormat);
    const QString start = mPath->text().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                              : mPath->text();
    QString chosen;
    if (format == ExportFormat::PngSequence) {
        chosen = askExistingDirectory(this, tr("Folder for the PNG frames"), start);
    } else {
        const QString filter = format == ExportFormat::Gif   ? tr("GIF images (*.gif)")
                               : format == ExportFormat::Mp4 ? tr("MP4 videos (*.mp4)")
                                                             : tr("WebM videos (*.webm)");
        // The overwrite question comes from startExport(), once, for every way of choosing a path.
        chosen = askSaveFileName(this, tr("Export to"), start, filter, QFileDialog::DontConfirmOverwrite);
        chosen = pathForFormat(chosen, format);
    }
    if (!chosen.isEmpty()) mPath->setText(QDir::toNativeSeparators(chosen));
}

void ExportDialog::startExport() {
    if (mJob) return;
    mCloseWhenDone = false;
    ExportSettings s = settings();
    if (exportOutputExists(s)) {
        if (!mInteractive) {
            mLastResult =
                ExportResult{false, false, tr("%1 already exists").arg(s.outputPath), s.outputPath, 0, 0.0};
            Q_EMIT exportFinished(mLastResult);
            return;
        }
        const QString question = s.format == ExportFormat::PngSequence
                                     ? tr("The folder %1 already holds exported frames. Replace them?")
                                     : tr("%1 already exists. Replace it?");
        if (QMessageBox::question(this, tr("Replace?"), question.arg(QDir::toNativeSeparators(s.outputPath)),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
            return;
        s.overwrite = true;
    }
    // The output checks of the renderer (shared with the CLI) speak the core's English.
    const QString problem = coreMessage(validateExportSettings(mInput, s));
    if (!problem.isEmpty()) {
        if (mInteractive) QMessageBox::warning(this, tr("Cannot export"), asSentence(problem));
        mLastResult = ExportResult{false, false, problem, s.outputPath, 0, 0.0};
        Q_EMIT exportFinished(mLastResult);
        return;
    }
    saveToSettings();
    const int total = static_cast<int>(FrameSource::selectFrames(mInput, s.frames).size());
    mJob = std::make_unique<ExportJob>(mInput, s);
    mProgress = new QProgressDialog(exportProgressText(0, total, 0.0), tr("Cancel"), 0, total, this);
    mProgress->setWindowTitle(tr("Exporting"));
    mProgress->setWindowModality(Qt::WindowModal);
    mProgress->setMinimumDuration(300);
    mProgress->setAutoClose(false);
    mProgress->setAutoReset(false);
    connect(mProgress, &QProgressDialog::canceled, this, &ExportDialog::cancelExport);
    mExportClock.start();
    mCancelling = false;
    connect(mJob.get(), &ExportJob::progressed, mProgress, [this](int done, int frames) {
        if (!mProgress) return;
        if (!mCancelling)  // "Cancelling…" stays until the job ends
            mProgress->setLabelText(exportProgressText(done, frames, mExportClock.elapsed() / 1000.0));
        mProgress->setValue(done);
    });
    connect(mJob.get(), &ExportJob::finished, this, &ExportDialog::onFinished);
    updateState();
    mJob->start();
}

void ExportDialog::cancelExport() {
    if (mJob) mJob->cancel();
    mCancelling = true;
    if (mProgress) mProgress->setLabelText(tr("Cancelling…"));
}

void ExportDialog::onFinished(const ExportResult& result) {
    if (mJob) {
        mJob->wait();
        mJob.reset();
    }
    if (mProgress) {
        mProgress->deleteLater();
        mProgress = nullptr;
    }
    mLastResult = result;
    updateState();
    Q_EMIT exportFinished(result);
    if (result.ok) {
        QDialog::accept();
    } else if (mCloseWhenDone) {
        QDialog::reject();
    } else if (!result.cancelled && mInteractive) {
        QMessageBox::warning(this, tr("Export failed"), asSentence(coreMessage(result.message)));
    }
}

void ExportDialog::reject() {
    if (mJob) {
        mCloseWhenDone = true;  // closing the dialog first stops the export; onFinished() closes it
        cancelExport();
        return;
    }
    saveToSettings();  // closing keeps the choices for next time, as an export does
    QDialog::reject();
}

namespace {
const QString kSettingsGroup = QStringLiteral("export");
const QString kPathKey = QStringLiteral("path");
}  // namespace

QString ExportDialog::rememberedOutputPath() {
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    return settings.value(kPathKey).toString();
}

void ExportDialog::saveToSettings() const {
    const ExportSettings s = settings();
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(QStringLiteral("fps"), s.fps);
    settings.setValue(QStringLiteral("size"), s.render.size);
    settings.setValue(QStringLiteral("format"), exportFormatName(s.format));
    settings.setValue(QStringLiteral("background"), backgroundName(s.render.background));
    settings.setValue(kPathKey, s.outputPath);
    settings.setValue(QStringLiteral("axes"), s.render.drawAxes);
    settings.setValue(QStringLiteral("caption"), s.render.drawCaption);
    settings.setValue(QStringLiteral("palette"), paletteName(s.render.palette));
    settings.setValue(QStringLiteral("animation"), mAnimation->currentIndex());
    settings.setValue(QStringLiteral("stride"), s.frames.stride);
    settings.setValue(QStringLiteral("points"), mPoints->isChecked());
    settings.setValue(QStringLiteral("trails"), mTrails->isChecked());
    settings.setValue(QStringLiteral("arrows"), mArrows->isChecked());
    settings.setValue(QStringLiteral("density"), mDensity->isChecked());
    settings.setValue(QStringLiteral("colorByOrigin"), mColorByOrigin->isChecked());
    settings.endGroup();
}

void ExportDialog::loadFromSettings() {
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    mFps->setValue(settings.value(QStringLiteral("fps"), 20).toInt());
    const QSize size = settings.value(QStringLiteral("size"), QSize(800, 800)).toSize();
    mWidth->setValue(size.width());
    mHeight->setValue(size.height());
    if (const auto f = exportFormatFromName(settings.value(QStringLiteral("format")).toString())) {
        const QSignalBlocker block(mFormat);
        selectEnum(mFormat, *f);
        if (isVideoFormat(*f) && VideoWriter::findFfmpeg().isEmpty()) selectEnum(mFormat, ExportFormat::Gif);
    }
    if (const auto b = backgroundFromName(settings.value(QStringLiteral("background")).toString()))
        selectEnum(mBackground, *b);
    mAxes->setChecked(settings.value(QStringLiteral("axes"), true).toBool());
    mCaption->setChecked(settings.value(QStringLiteral("caption"), true).toBool());
    if (const auto p = paletteFromName(settings.value(QStringLiteral("palette")).toString()))
        selectEnum(mPalette, *p);
    const int animation = settings.value(QStringLiteral("animation"), mAnimation->currentIndex()).toInt();
    // The comparison is remembered but only offered while it is open.
    const bool available = mAnimation->itemData(animation).toInt() != int(AnimationKind::Comparison) ||
                           (mInput.comparison && !mInput.comparison->panes.empty());
    if (animation >= 0 && animation < mAnimation->count() && available)
        mAnimation->setCurrentIndex(animation);
    mStride->setValue(settings.value(QStringLiteral("stride"), mStride->value()).toInt());
    mPoints->setChecked(settings.value(QStringLiteral("points"), true).toBool());
    mTrails->setChecked(settings.value(QStringLiteral("trails"), mTrails->isChecked()).toBool());
    mArrows->setChecked(settings.value(QStringLiteral("arrows"), mArrows->isChecked()).toBool());
    mDensity->setChecked(settings.value(QStringLiteral("density"), mDensity->isChecked()).toBool());
    mColorByOrigin->setChecked(settings.value(QStringLiteral("colorByOrigin"), true).toBool());
    QString path = settings.value(kPathKey).toString();
    if (path.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        path = QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(QStringLiteral("diffusion"));
        path += suffixFor(currentEnum<ExportFormat>(mFormat));
    }
    mPath->setText(QDir::toNativeSeparators(path));
    settings.endGroup();
}

}  // namespace dlui
