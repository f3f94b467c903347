// The Model & Train panel's model files: save and load, with and without a file dialog.
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>

#include "ui/document/labdocument.h"
#include "ui/document/modelfiles.h"
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
        if (error) *error = QString::fromStdString(e.what());
    }
    return false;
}

bool TrainPanel::loadModelFrom(const QString& path, QString* error, bool* wrongDimension) {
    // Model files are small (a few MB at most): reading and checking one takes milliseconds.
    std::optional<dl::ModelFile> file = readModelFileFor(*mDocument, path, error, wrongDimension);
    if (!file) return false;
    adoptModelFile(*file, path);
    return true;
}

void TrainPanel::adoptModelFile(const dl::ModelFile& file, const QString& path) {
    mController->reset();
    mLoaded = file;
    installModelFile(*mDocument, file, path);
    mLossPlot->setLosses(mDocument->model()->lossHistory);
    showError(QString());
    mStatus->setText(
        tr("loaded · step %1 · %2").arg(QLocale().toString(file.step), QFileInfo(path).fileName()));
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
    QString error;
    if (!loadModelFrom(path, &error))
        QMessageBox::warning(this, tr("Load model"), tr("Could not load the model:\n%1").arg(error));
}

}  // namespace dlui
