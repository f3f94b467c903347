#include "ui/window/modelweightsexport.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <algorithm>
#include <utility>

#include "core/model/safetensors.h"
#include "core/training/trainer.h"
#include "ui/document/labdocument.h"
#include "ui/widgets/defaultsuffix.h"
#include "ui/widgets/filedialogs.h"
#include "ui/window/mainwindow.h"

namespace dlui {

ModelWeightsExport::ModelWeightsExport(MainWindow* window, std::function<dl::TimestepSpacing()> spacing)
    : QObject(window),
      mWindow(window),
      mSpacing(std::move(spacing)),
      mAction(new QAction(tr("Export &model as safetensors…"), window)) {
    mAction->setObjectName(QStringLiteral("exportSafetensors"));
    mAction->setToolTip(
        tr("Write the model's weights in the safetensors format, for PyTorch "
           "(docs/diffusion_lab_mlp.py loads them)"));
    connect(mAction, &QAction::triggered, this, &ModelWeightsExport::chooseAndExport);
    // With the other exports: after File ▸ Export data as CSV.
    QMenu* file =
        window->menuBar()->actions().value(0) ? window->menuBar()->actions().value(0)->menu() : nullptr;
    if (file) {
        const QList<QAction*> entries = file->actions();
        const auto csv = std::find_if(entries.begin(), entries.end(), [window](QAction* a) {
            return a->menu() && a->menu()->actions().contains(window->actions().exportDataCsv);
        });
        file->insertAction(
            csv != entries.end() && csv + 1 != entries.end() ? *(csv + 1) : window->actions().quit, mAction);
    }
    connect(window->document(), &LabDocument::modelChanged, this, &ModelWeightsExport::updateEnabled);
    connect(&mJob, &LatestJob::failed, this, [this](quint64, const QString& message) {
        const QString path = std::exchange(mWriting, QString());
        QMessageBox::warning(mWindow, tr("Export model as safetensors"),
                             tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), message));
        Q_EMIT failed(path, message);
    });
    updateEnabled();
}

void ModelWeightsExport::updateEnabled() {
    mAction->setEnabled(mWindow->document()->hasModel());
}

void ModelWeightsExport::chooseAndExport() {
    const LabDocument* doc = mWindow->document();
    // Beside the model's file and named after it, where there is one.
    const QString modelPath = doc->modelPath();
    const QString suggestion =
        modelPath.isEmpty() ? tr("model.safetensors")
                            : QFileInfo(modelPath).dir().filePath(QFileInfo(modelPath).completeBaseName() +
                                                                  QStringLiteral(".safetensors"));
    const QString path = askSaveFileName(mWindow, tr("Export model as safetensors"), suggestion,
                                         tr("safetensors files (*.safetensors)"));
    if (!path.isEmpty()) exportTo(path);
}

bool ModelWeightsExport::exportTo(QString path) {
    // The snapshot is immutable and shared: the job reads it while training goes on.
    const std::shared_ptr<const dl::TrainingSnapshot> model = mWindow->document()->model();
    if (!model) return false;
    path = withDefaultSuffix(path, QStringLiteral(".safetensors"));
    mWriting = path;
    LatestJob::Job job;
    // The map back to the model's own data coordinates: the window's data may be others (it wrote far-off
    // data's offset and scale for a model trained on moons).
    const LabDocument* doc = mWindow->document();
    dl::SafetensorsContext context;
    context.schedule = model->schedule;
    context.spacing = mSpacing();
    if (doc->modelNormalisation().offset.size() > 0) context.normalisation = doc->modelNormalisation();
    job.work = [model, path, context](JobControl&) -> std::any {
        dl::writeMlpSafetensors(QFile::encodeName(path).toStdString(), model->config, model->parameters,
                                context);
        return path;
    };
    job.onResult = [this, path](std::any) {
        mWriting.clear();
        mWindow->statusBar()->showMessage(
            tr("Model weights written to %1").arg(QDir::toNativeSeparators(path)), 8000);
        Q_EMIT written(path);
    };
    mJob.start(std::move(job));
    return true;
}

}  // namespace dlui
