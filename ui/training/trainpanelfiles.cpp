// The Model & Train panel's model files: save and load, with and without a file dialog. Both run in
// background jobs (ui/jobs/latestjob.h): a session may name a file on a slow disk, and a large image
// network's file is over 100 MB.
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>

#include "ui/document/labdocument.h"
#include "ui/document/modelfiles.h"
#include "ui/i18n/coremessages.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainpanel.h"
#include "ui/widgets/defaultsuffix.h"
#include "ui/widgets/discardkey.h"
#include "ui/widgets/filedialogs.h"

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
    if (!mModelFileJob.isBusy()) mStatusBeforeReading = mStatus->text();  // not another read's "reading …"
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
        mStatus->setText(mStatusBeforeReading);
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
    // The form describes the model loaded: it kept what had been typed before (learning rate 1, 200,000
    // steps) beside a model trained with 0.002 and 5,000, while Continue trains on with the file's own
    // settings. The threads stay this machine's.
    TrainingSettings loaded = settings();
    loaded.model = file.model;
    loaded.trainer = file.trainer;
    loaded.trainer.threads = settings().trainer.threads;
    setSettings(loaded);
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

void TrainPanel::saveModelInBackground(const QString& path) {
    std::shared_ptr<const dl::ModelFile> file = mLoaded;
    try {
        // A copy of the run's state, taken here: a narrated step may change the trainer on another thread.
        if (mController->hasRun()) file = std::make_shared<const dl::ModelFile>(mController->modelFile());
    } catch (const std::exception& e) {
        Q_EMIT modelSaveFailed(path, coreMessage(e.what()));
        return;
    }
    if (!file) {
        Q_EMIT modelSaveFailed(path, tr("There is no model to save."));
        return;
    }
    mModelSaving = path;
    // The weights the file will hold: if the model changes before the write ends, it is not saved.
    const std::uint64_t generation = mDocument->modelGeneration();
    if (!mController->isActive()) showLine(mStatus, tr("saving %1…").arg(QFileInfo(path).fileName()));
    LatestJob::Job job;
    // Not interruptible: the file is written whole (to a temporary file, then renamed) or not at all, and
    // closing the window waits for it rather than lose the model.
    job.work = [file, path](JobControl&) -> std::any {
        dl::saveModelFile(path.toStdString(), *file);
        return path;
    };
    job.onResult = [this, path, generation](std::any) {
        mDocument->setModelPath(path, generation);
        if (!mController->isActive()) showLine(mStatus, tr("saved · %1").arg(QFileInfo(path).fileName()));
        Q_EMIT statusMessageChanged(tr("Saved the model to %1").arg(QDir::toNativeSeparators(path)));
        Q_EMIT modelSaved(path);
    };
    mModelSaveJob.start(std::move(job));
}

bool TrainPanel::saveModel() {
    QString path = askSaveFileName(this, tr("Save model"), mDocument->modelPath(),
                                   tr("Diffusion Lab models (*.dlmodel);;All files (*)"));
    if (path.isEmpty()) return false;
    // Without its suffix the file was hidden by Load model's filter.
    saveModelInBackground(withDefaultSuffix(path, QStringLiteral(".dlmodel")));
    return true;
}

bool TrainPanel::confirmReplacingUnsavedModel() {
    // A model trained here and not saved was replaced by the one loaded without a word; quitting asks.
    if (!mAskBeforeDiscard || !mDocument->hasModel() || mDocument->isModelSaved()) return true;
    QMessageBox box(QMessageBox::Question, tr("Load model"),
                    tr("The model in the window has not been saved. Loading another one replaces it."),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("replaceUnsavedModel"));
    QAbstractButton* save = box.addButton(tr("Save model &first…"), QMessageBox::ActionRole);
    giveDiscardItsAccessKey(box);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == save) {
        saveModel();  // then Load model again: the save runs in the background
        return false;
    }
    return box.clickedButton() == box.button(QMessageBox::Discard);
}

void TrainPanel::loadModel() {
    const QString path = askOpenFileName(this, tr("Load model"), mDocument->modelPath(),
                                         tr("Diffusion Lab models (*.dlmodel);;All files (*)"));
    if (path.isEmpty()) return;
    if (mController->isActive() &&
        QMessageBox::question(this, tr("Load model"),
                              tr("Stop the training in progress and load this model?")) != QMessageBox::Yes)
        return;
    if (!mController->isActive() && !confirmReplacingUnsavedModel()) return;
    mModelFileDialog = true;
    loadModelFrom(path);
}

}  // namespace dlui
