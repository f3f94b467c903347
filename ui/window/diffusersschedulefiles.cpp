#include "ui/window/diffusersschedulefiles.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>

#include "core/math/error.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"
#include "ui/widgets/filedialogs.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

}  // namespace

DiffusersScheduleFiles::DiffusersScheduleFiles(MainWindow* window,
                                               std::function<dl::TimestepSpacing()> spacing)
    : QObject(window),
      mWindow(window),
      mSpacing(std::move(spacing)),
      mImport(new QAction(tr("&Import diffusers scheduler config…"), window)),
      mExport(new QAction(tr("Export schedule as &diffusers config…"), window)) {
    mImport->setObjectName(QStringLiteral("importDiffusersConfig"));
    mImport->setToolTip(
        tr("Open the scheduler_config.json of a diffusers model and show its schedule in the editor"));
    mExport->setObjectName(QStringLiteral("exportDiffusersConfig"));
    mExport->setToolTip(tr("Write the editor's schedule as a diffusers scheduler_config.json"));
    connect(mImport, &QAction::triggered, this, &DiffusersScheduleFiles::chooseAndImport);
    connect(mExport, &QAction::triggered, this, &DiffusersScheduleFiles::chooseAndExport);

    // Into the File menu, as a group of their own above Quit.
    QMenu* file =
        window->menuBar()->actions().value(0) ? window->menuBar()->actions().value(0)->menu() : nullptr;
    if (file) {
        QAction* quit = window->actions().quit;
        file->insertAction(quit, mImport);
        file->insertAction(quit, mExport);
        file->insertSeparator(quit);
    }
}

void DiffusersScheduleFiles::chooseAndImport() {
    const QString path = askOpenFileName(mWindow, tr("Import diffusers scheduler config"), QString(),
                                         tr("Scheduler configs (*.json);;All files (*)"));
    if (!path.isEmpty()) importFrom(path);
}

void DiffusersScheduleFiles::chooseAndExport() {
    const QString path = askSaveFileName(mWindow, tr("Export schedule as diffusers config"),
                                         tr("scheduler_config.json"), tr("Scheduler configs (*.json)"));
    if (!path.isEmpty()) exportTo(path);
}

bool DiffusersScheduleFiles::importFrom(const QString& path) {
    dl::DiffusersSchedulerConfig config;
    try {
        config = dl::readDiffusersSchedulerConfig(QFile::encodeName(path).toStdString());
    } catch (const dl::Error& e) {
        QMessageBox::warning(mWindow, tr("Import diffusers scheduler config"),
                             tr("The schedule was not changed: %1").arg(coreMessage(e.what())));
        return false;
    }
    QString error;
    if (!mWindow->document()->setScheduleParams(config.schedule, &error)) {
        QMessageBox::warning(mWindow, tr("Import diffusers scheduler config"),
                             tr("The schedule was not changed: %1: %2").arg(nativePath(path), error));
        return false;
    }
    mLastImport = config;
    mWindow->statusBar()->showMessage(
        tr("Imported %1: %2 · prediction_type %3, timestep_spacing %4, steps_offset %5, clip_sample %6")
            .arg(QFileInfo(path).fileName(), describeSchedule(config.schedule),
                 QString::fromStdString(config.predictionType),
                 QString::fromStdString(config.timestepSpacing))
            .arg(config.stepsOffset)
            .arg(config.clipSample ? QStringLiteral("true") : QStringLiteral("false")),
        10000);
    if (!config.unused.empty()) {
        QStringList names;
        for (const std::string& name : config.unused) names << QString::fromStdString(name);
        QMessageBox::information(mWindow, tr("Import diffusers scheduler config"),
                                 tr("The schedule of %1 is in the editor. These fields are not used by "
                                    "Diffusion Lab and were not imported: %2.")
                                     .arg(QFileInfo(path).fileName(), names.join(QStringLiteral(", "))));
    }
    return true;
}

bool DiffusersScheduleFiles::exportTo(const QString& path) {
    const dl::ScheduleParams schedule = mWindow->document()->schedule().params();
    dl::DiffusersSchedulerConfig config =
        mLastImport.value_or(dl::diffusersConfigForSampling(schedule, dl::timestepSpacingName(mSpacing())));
    config.schedule = schedule;
    config.className.clear();  // written as DDPMScheduler, the class whose fields these are
    QSaveFile file(path);
    const QByteArray text = QByteArray::fromStdString(dl::diffusersSchedulerConfigJson(config));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        QMessageBox::warning(mWindow, tr("Export schedule as diffusers config"),
                             tr("Cannot write %1: %2").arg(nativePath(path), file.errorString()));
        return false;
    }
    mWindow->statusBar()->showMessage(tr("Schedule written to %1").arg(nativePath(path)), 5000);
    return true;
}

}  // namespace dlui
