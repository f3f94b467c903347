#include "ui/window/windowexport.h"

#include <qcustomplot.h>

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

#include "core/sampling/samplers.h"
#include "core/training/trainer.h"
#include "ui/compare/windowcompare.h"
#include "ui/document/labdocument.h"
#include "ui/export/exportdialog.h"
#include "ui/export/exportinput.h"
#include "ui/export/plotexport.h"
#include "ui/export/plotfigure.h"
#include "ui/render/csvexport.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/widgets/defaultsuffix.h"
#include "ui/widgets/filedialogs.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

namespace dlui {

namespace {

/// Where the first plot or table is asked for. Only a folder that exists: given ~/Pictures on a machine
/// without it, the file dialog fell back to the working directory.
QString defaultFolder() {
    for (auto location : {QStandardPaths::PicturesLocation, QStandardPaths::DocumentsLocation}) {
        const QString folder = QStandardPaths::writableLocation(location);
        if (!folder.isEmpty() && QFileInfo(folder).isDir()) return folder;
    }
    return QDir::homePath();
}

/// "plots.png" → "plots-beta.png": one file per schedule plot.
QString withPart(const QString& path, const QString& part) {
    const QFileInfo info(path);
    return info.dir().filePath(QStringLiteral("%1-%2.%3").arg(info.completeBaseName(), part, info.suffix()));
}

}  // namespace

WindowExport::WindowExport(MainWindow* window) : QObject(window), mWindow(window) {
    setObjectName(QStringLiteral("windowExport"));
    const MainWindow::Actions& a = window->actions();
    connect(a.exportFrames, &QAction::triggered, this, &WindowExport::openExportDialog);
    connect(a.exportSchedulePlots, &QAction::triggered, this, &WindowExport::exportSchedulePlots);
    connect(a.exportLossPlot, &QAction::triggered, this, &WindowExport::exportLossPlot);
    connect(a.exportDataCsv, &QAction::triggered, this, &WindowExport::exportDataCsv);
    connect(a.exportSamplesCsv, &QAction::triggered, this, &WindowExport::exportSamplesCsv);
    connect(a.exportTrajectoryCsv, &QAction::triggered, this, &WindowExport::exportTrajectoryCsv);
    connect(a.exportScheduleCsv, &QAction::triggered, this, &WindowExport::exportScheduleCsv);
    connect(a.exportLossCsv, &QAction::triggered, this, &WindowExport::exportLossCsv);
    connect(a.copyView, &QAction::triggered, this, &WindowExport::copyView);

    LabDocument* doc = window->document();
    for (auto signal :
         {&LabDocument::dataSetChanged, &LabDocument::modelChanged, &LabDocument::samplesChanged})
        connect(doc, signal, this, &WindowExport::updateActions);
    updateActions();
}

void WindowExport::updateActions() {
    const MainWindow::Actions& a = mWindow->actions();
    const LabDocument* doc = mWindow->document();
    const auto trajectory = doc->trajectory();
    const bool haveSamples = trajectory && !trajectory->empty();
    a.exportSamplesCsv->setEnabled(haveSamples);
    a.exportTrajectoryCsv->setEnabled(haveSamples && !doc->dataSet()->isImage());
    // The loss history lives with the model; a run in progress is exported as far as it has got.
    a.exportLossCsv->setEnabled(doc->hasModel());
}

void WindowExport::openExportDialog() {
    if (mDialog) {
        mDialog->raise();
        mDialog->activateWindow();
        return;
    }
    LabDocument* doc = mWindow->document();
    // What the document holds (data, the editor's schedule, the forward noise, the sampled chain) and, for
    // the arrow field, the denoiser the Sampling panel has chosen: without it the Arrow field box was
    // always disabled, its tooltip asking for a model that was there.
    const auto* live = TrainingAndSampling::of(mWindow);
    const bool learned = !live || live->samplingPanel()->denoiser() == SamplingPanel::DenoiserChoice::Learned;
    ExportInput input = makeExportInput(*doc, makeExportArrowDenoiser(*doc, learned));
    // While the comparison is on, it is what the person sees: offer it, and start on it.
    const WindowCompare* compare = WindowCompare::of(mWindow);
    if (compare) input.comparison = compare->exportInput();
    const bool comparing = input.comparison.has_value();
    ExportDialog dialog(std::move(input), mWindow);
    dialog.setObjectName(QStringLiteral("exportDialog"));
    // Exports start with the window's theme and colours (View ▸ Theme, View ▸ Colours); the dialog can
    // change them for one export.
    ExportSettings settings = dialog.settings();
    // A transparent background is a choice for PNG frames laid over a slide, which no theme gives: it is
    // kept for the next PNG frames (it went back to White each time).
    const bool transparentFrames =
        settings.render.background == Background::Transparent && settings.format == ExportFormat::PngSequence;
    if (!transparentFrames) settings.render.background = mWindow->mainView()->renderOptions().background;
    settings.render.palette = mWindow->mainView()->renderOptions().palette;
    // And with the process the view shows: after Sample it started on the forward process, remembered from
    // the last export. "Both" is kept when there are samples to show it with.
    const bool hasSamples = doc->trajectory() && !doc->trajectory()->empty();
    const bool showsReverse = hasSamples && mWindow->timeline()->mode() == Timeline::Mode::Reverse;
    if (settings.frames.animation != AnimationKind::Both || !hasSamples)
        settings.frames.animation = showsReverse ? AnimationKind::Reverse : AnimationKind::Forward;
    settings.frames.tLast = -1;  // to the end of that process: the chain's T may not be the editor's
    dialog.setSettings(settings);
    if (comparing) dialog.setSettings(compare->exportSettings(dialog.settings()));
    mDialog = &dialog;
    connect(&dialog, &ExportDialog::exportFinished, this, [this](const ExportResult& result) {
        // A cancelled export left the window as it was, and said nothing: it says that nothing was written.
        if (result.cancelled)
            mWindow->statusBar()->showMessage(tr("Export cancelled: nothing was written."), 8000);
        if (!result.ok) return;
        mWindow->statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(result.outputPath)),
                                          8000);
        mLastFolder = QFileInfo(result.outputPath).absolutePath();  // a PNG frames folder's parent
    });
    dialog.exec();
    mDialog = nullptr;
}

QString WindowExport::askPath(const QString& title, const QString& baseName, const QString& filter,
                              const QString& suffix) {
    // The folder of the last export of any kind: after an animation was exported to a slides folder, the
    // plots and tables went to Pictures.
    QString folder = mLastFolder;
    const QString animation = ExportDialog::rememberedOutputPath();
    if ((folder.isEmpty() || !QFileInfo(folder).isDir()) && !animation.isEmpty())
        folder = QFileInfo(animation).absolutePath();  // not for an empty path: that is the working folder
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) folder = defaultFolder();
    QString path = askSaveFileName(mWindow, title, QDir(folder).filePath(baseName), filter);
    if (path.isEmpty()) return path;
    path = withDefaultSuffix(path, suffix);
    mLastFolder = QFileInfo(path).absolutePath();
    return path;
}

void WindowExport::report(const QString& error, const QString& path) {
    if (error.isEmpty())
        mWindow->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
    else
        QMessageBox::warning(mWindow, tr("Export"), error);
}

void WindowExport::exportSchedulePlots() {
    const QString path = askPath(tr("Save the schedule plots"), QStringLiteral("schedule.png"),
                                 tr("PNG images (*.png);;PDF documents (*.pdf)"), QStringLiteral(".png"));
    if (path.isEmpty()) return;
    const QList<QCustomPlot*> plots = mWindow->schedulePanel()->plots()->plots();
    const QStringList parts{QStringLiteral("beta"), QStringLiteral("alpha"), QStringLiteral("snr")};
    // Each a figure with its title and the schedule it shows: saved as the dock's strips, they had neither.
    const QString schedule = describeSchedule(mWindow->document()->schedule().params());
    const QStringList titles{tr("βₜ · %1").arg(schedule), tr("ᾱₜ, √ᾱₜ and √(1 − ᾱₜ) · %1").arg(schedule),
                             tr("Signal-to-noise ratio ᾱₜ / (1 − ᾱₜ) · %1").arg(schedule)};
    for (int i = 0; i < plots.size(); ++i) {
        // In the panel the three plots share the bottom one's "t"; a plot in a file of its own needs its own.
        QCPAxis* tAxis = plots[i]->xAxis;
        const QString panelLabel = tAxis->label();
        if (panelLabel.isEmpty()) tAxis->setLabel(tr("t"));
        const QString error = savePlotFigure(plots[i], withPart(path, parts.value(i)), titles.value(i));
        tAxis->setLabel(panelLabel);
        plots[i]->replot(QCustomPlot::rpQueuedReplot);
        if (!error.isEmpty()) return report(error, path);
    }
    report({}, withPart(path, QStringLiteral("*")));
}

void WindowExport::exportLossPlot() {
    const auto* live = TrainingAndSampling::of(mWindow);
    if (!live) return;
    const QString path = askPath(tr("Save the loss curve"), QStringLiteral("loss.png"),
                                 tr("PNG images (*.png);;PDF documents (*.pdf)"), QStringLiteral(".png"));
    if (path.isEmpty()) return;
    report(savePlotFigure(live->trainPanel()->lossPlot()->plot(), path, tr("Training loss")), path);
}

void WindowExport::exportDataCsv() {
    const QString path = askPath(tr("Save the data as CSV"), QStringLiteral("data.csv"),
                                 tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    if (path.isEmpty()) return;
    report(writeDataSetCsv(path, *mWindow->document()->dataSet()), path);
}

void WindowExport::exportSamplesCsv() {
    const LabDocument* doc = mWindow->document();
    const auto trajectory = doc->trajectory();
    if (!trajectory || trajectory->empty()) return;
    const QString path = askPath(tr("Save the samples as CSV"), QStringLiteral("samples.csv"),
                                 tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    if (path.isEmpty()) return;
    const auto data = doc->dataSet();
    report(writeSamplesCsv(path, trajectory->states.back(), data->norm, data->isImage()), path);
}

void WindowExport::exportTrajectoryCsv() {
    const LabDocument* doc = mWindow->document();
    const auto trajectory = doc->trajectory();
    if (!trajectory || trajectory->empty()) return;
    const QString path = askPath(tr("Save the reverse chain as CSV"), QStringLiteral("chain.csv"),
                                 tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    if (path.isEmpty()) return;
    report(writeTrajectoryCsv(path, *trajectory, doc->dataSet()->norm), path);
}

void WindowExport::exportScheduleCsv() {
    const QString path = askPath(tr("Save the schedule table as CSV"), QStringLiteral("schedule.csv"),
                                 tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    if (path.isEmpty()) return;
    report(writeScheduleCsv(path, mWindow->document()->schedule()), path);
}

void WindowExport::exportLossCsv() {
    // The document holds the latest snapshot of a run in progress too.
    const std::shared_ptr<const dl::TrainingSnapshot> model = mWindow->document()->model();
    if (!model || model->lossHistory.empty()) {
        mWindow->statusBar()->showMessage(tr("There is no loss history yet: train a model first."), 6000);
        return;
    }
    const QString path = askPath(tr("Save the loss history as CSV"), QStringLiteral("loss.csv"),
                                 tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    if (path.isEmpty()) return;
    report(writeLossCsv(path, model->lossHistory), path);
}

void WindowExport::copyView() {
    if (copyImageToClipboard(mWindow->mainView()->grab().toImage()))
        mWindow->statusBar()->showMessage(tr("The view is on the clipboard."), 4000);
    else
        mWindow->statusBar()->showMessage(tr("There is no clipboard to copy to."), 6000);
}

}  // namespace dlui
