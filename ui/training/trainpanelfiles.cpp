// The Model & Train panel's model files: save and load, with and without a file dialog. Loading reads the
// file in a background job (ui/jobs/latestjob.h): a session may name a file on a slow disk.
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>

#include "ui/document/labdocument.h"
#include "ui/document/modelfiles.h"
#include "ui/i18n/coremessages.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainpanel.h"

namespace dlui {

bool TrainPanel::saveModelTo(const QString& path, QString* error) {
    if (!mController->hasRun() && !mLoaded) {
        if (error) *error = tr("There is no model to save.");
        return false;
    }
    try {
        const dl::ModelFile file = mController->hasRun() ? mController->modelFile() : *mLoaded;
        return writeModelFile(*mDocument, file, path, error);
    } catch (const std::exception& e) {
        if (error) *error = coreMessage(e.what());
    }
    return false;
}

void TrainPanel::loadModelFrom(const QString& path) {
    mModelFileLoading = path;
    mStatus->setText(tr("reading %1…").arg(QFileInfo(path).fileName()));
    LatestJob::Job job;
    job.work = [path](JobControl& control) -> std::any {
        dl::ModelFile file = readModelFile(path);  // also built-in ":/" models
        control.throwIfStopped();
        return file;
    };
    job.onResult = [this, path](std::any file) {
        installLoadedModel(path, std::any_cast<const dl::ModelFile&>(file));
    };
    mModelFileJob.start(std::move(job));
}

void TrainPanel::installLoadedModel(const QString& path, const dl::ModelFile& file) {
    QString error;
    if (!modelFileFitsData(*mDocument, file, &error)) {
        updateButtons();
        Q_EMIT modelFileFailed(path, error, true);
        return;
    }
    adoptModelFile(file, path);
    Q_EMIT modelFileLoaded(path);
}

void TrainPanel::adoptModelFile(const dl::ModelFile& file, const QString& path) {
    mController->reset();
    mLoaded = std::make_shared<const dl::ModelFile>(file);
    installModelFile(*mDocument, file, path);
    mDocument->clearSamples();  // drawn by the model this file replaces
    mLossPlot->setLosses(mDocument->model()->lossHistory);
    showError(QString());
    mStatus->setText(
        tr("loaded · step %1 · %2").arg(QLocale().toString(file.step), QFileInfo(path).fileName()));
    // The status bar too: after a lesson's model loaded, it still showed the run before ("finished 5,000
    // steps · 1,856 steps/s").
    Q_EMIT statusMessageChanged(mStatus->text());
    mQuality->clear();
    mSpeed->clear();
    updateButtons();
    updateScheduleLabel();
}

void TrainPanel::saveModel() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save model"), mDocument->modelPath(),
                                                      tr("Diffusion Lab models (*.dlmodel);;All files (*)"));
    if (path.isEmpty()) return;
    QString error;
    if (!saveModelTo(path, &error))
        QMessageBox::warning(this, tr("Save model"), tr("Could not save the model:\n%1").arg(error));
}

void TrainPanel::loadModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load model"), mDocument->modelPath(),
                                                      tr("Diffusion Lab models (*.dlmodel);;All files (*)"));
    if (path.isEmpty()) return;
    if (mController->isActive() &&
        QMessageBox::question(this, tr("Load model"),
                              tr("Stop the training in progress and load this model?")) != QMessageBox::Yes)
        return;
    mModelFileDialog = true;
    loadModelFrom(path);
}

}  // namespace dlui
