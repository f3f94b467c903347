// The Model & Train panel's model files: save and load, with and without a file dialog.
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>

#include "ui/document/labdocument.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainpanel.h"

namespace dlui {

namespace {

std::shared_ptr<const dl::TrainingSnapshot> snapshotFromFile(const dl::ModelFile& file) {
    auto snap = std::make_shared<dl::TrainingSnapshot>();
    snap->step = file.step;
    snap->targetSteps = file.trainer.steps;
    snap->config = file.model;
    snap->schedule = file.schedule;
    snap->parameters = file.emaParameters;
    snap->lossHistory = dl::LossHistory(file.lossHistory);
    return snap;
}

}  // namespace

bool TrainPanel::saveModelTo(const QString& path, QString* error) {
    try {
        const dl::ModelFile file = mController->hasRun() ? mController->modelFile() : mLoaded.value();
        dl::saveModelFile(path.toStdString(), file);
        mDocument->setModelPath(path);
        return true;
    } catch (const std::bad_optional_access&) {
        if (error)
            *error = tr("There is no model to save.");
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
    }
    return false;
}

bool TrainPanel::loadModelFrom(const QString& path, QString* error, bool* wrongDimension) {
    if (wrongDimension)
        *wrongDimension = false;
    dl::ModelFile file;
    try {
        // Model files are small (a few MB at most): reading and checking one takes milliseconds.
        file = dl::loadModelFile(path.toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    const auto data = mDocument->dataSet();
    if (data && data->dim() != file.model.dataDim) {
        if (wrongDimension)
            *wrongDimension = true;
        if (error)
            *error = tr("The model works on data of dimension %1, but the current data have dimension %2. Load "
                        "matching data first.")
                         .arg(file.model.dataDim)
                         .arg(data->dim());
        return false;
    }
    mController->reset();
    mLoaded = file;
    const auto snap = snapshotFromFile(file);
    mDocument->setModel(snap, dl::Schedule(file.schedule));
    mDocument->setModelPath(path);
    mLossPlot->setLosses(snap->lossHistory);
    showError(QString());
    mStatus->setText(tr("loaded · step %1 · %2").arg(QLocale().toString(file.step), QFileInfo(path).fileName()));
    mQuality->clear();
    mSpeed->clear();
    updateButtons();
    updateScheduleLabel();
    return true;
}

void TrainPanel::saveModel() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save model"), mDocument->modelPath(),
                                                      tr("Diffusion Lab models (*.dlmodel);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveModelTo(path, &error))
        QMessageBox::warning(this, tr("Save model"), tr("Could not save the model:\n%1").arg(error));
}

void TrainPanel::loadModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load model"), mDocument->modelPath(),
                                                      tr("Diffusion Lab models (*.dlmodel);;All files (*)"));
    if (path.isEmpty())
        return;
    if (mController->isActive() &&
        QMessageBox::question(this, tr("Load model"), tr("Stop the training in progress and load this model?")) !=
            QMessageBox::Yes)
        return;
    QString error;
    if (!loadModelFrom(path, &error))
        QMessageBox::warning(this, tr("Load model"), tr("Could not load the model:\n%1").arg(error));
}

}  // namespace dlui
