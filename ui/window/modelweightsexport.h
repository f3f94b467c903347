// File ▸ Export model as safetensors…: the document's model (the EMA weights the window samples with) in
// the safetensors format, with the tensor names of docs/model-export.md, so docs/diffusion_lab_mlp.py
// loads it into PyTorch, as `diffusion-lab-cli train --export-safetensors` does at training time. The file
// is written in a background job, atomically (core/model/safetensors.h); the status bar says where it
// went, a message box why it did not.
//
//   auto* weights = new dlui::ModelWeightsExport(window, [] { return dl::TimestepSpacing::Linspace; });
//   weights->exportTo(QStringLiteral("moons.safetensors"));
#pragma once

#include <QObject>
#include <QString>
#include <functional>

#include "core/sampling/timesteps.h"
#include "ui/jobs/latestjob.h"

class QAction;

namespace dlui {

class MainWindow;

class ModelWeightsExport : public QObject {
    Q_OBJECT
public:
    /// spacing gives the timestep spacing the window samples with, written into the scheduler config.
    ModelWeightsExport(MainWindow* window, std::function<dl::TimestepSpacing()> spacing);

    /// Enabled while the document has a model.
    QAction* action() const { return mAction; }
    /// Starts writing the document's model to `path` (".safetensors" added when it has no suffix). False
    /// when there is no model.
    bool exportTo(QString path);

Q_SIGNALS:
    void written(const QString& path);
    void failed(const QString& path, const QString& message);

private:
    void chooseAndExport();
    void updateEnabled();

    MainWindow* mWindow;
    std::function<dl::TimestepSpacing()> mSpacing;
    QAction* mAction;
    LatestJob mJob{QStringLiteral("dl-weights-export"), LatestJob::Supersede::LetRunningFinish};
    QString mWriting;  ///< the path of the job under way
};

}  // namespace dlui
