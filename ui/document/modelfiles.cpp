#include "ui/document/modelfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <exception>

#include "core/math/error.h"
#include "core/training/trainer.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

namespace {

// The Model & Train panel's translation context, where these strings have always lived.
// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::TrainPanel)
};

}  // namespace

std::shared_ptr<const dl::TrainingSnapshot> snapshotFromModelFile(const dl::ModelFile& file) {
    auto snap = std::make_shared<dl::TrainingSnapshot>();
    snap->step = file.step;
    snap->targetSteps = file.trainer.steps;
    snap->config = file.model;
    snap->schedule = file.schedule;
    snap->parameters = file.emaParameters;
    snap->lossHistory = dl::LossHistory(file.lossHistory);
    return snap;
}

dl::ModelFile readModelFile(const QString& path) {
    if (!path.startsWith(QLatin1String(":/"))) return dl::loadModelFile(path.toStdString());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw dl::Error("cannot read the built-in model " + path.toStdString());
    const QByteArray bytes = file.readAll();
    return dl::parseModelFile(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                              path.toStdString());
}

std::optional<dl::ModelFile> readModelFileFor(const LabDocument& document, const QString& path,
                                              QString* error, bool* wrongDimension) {
    if (wrongDimension) *wrongDimension = false;
    dl::ModelFile file;
    try {
        file = readModelFile(path);
    } catch (const std::exception& e) {
        if (error) *error = coreMessage(e.what());
        return std::nullopt;
    }
    if (!modelFileFitsData(document, file, error)) {
        if (wrongDimension) *wrongDimension = true;
        return std::nullopt;
    }
    return file;
}

bool modelFileFitsData(const LabDocument& document, const dl::ModelFile& file, QString* error) {
    const auto data = document.dataSet();
    if (!data || data->dim() == file.model.dataDim) return true;
    if (error)
        *error = Texts::tr(
                     "The model works on data of dimension %1, but the current data have dimension %2. Load "
                     "matching data first.")
                     .arg(file.model.dataDim)
                     .arg(data->dim());
    return false;
}

void installModelFile(LabDocument& document, const dl::ModelFile& file, const QString& path) {
    // A session names its model's file; loading the file it names is no edit (the title kept a "*" after
    // opening a saved session). Any other model is one.
    const bool namedBySession = !document.hasModel() && document.modelPath() == path;
    const bool wasModified = document.isModified();
    document.setModel(snapshotFromModelFile(file), dl::Schedule(file.schedule));
    document.setModelFileData(file.dataName, file.normalisation);
    document.setModelPath(path);
    if (namedBySession) document.setModified(wasModified);
}

bool writeModelFile(LabDocument& document, const dl::ModelFile& file, const QString& path, QString* error) {
    try {
        dl::saveModelFile(path.toStdString(), file);
    } catch (const std::exception& e) {
        if (error) *error = coreMessage(e.what());
        return false;
    }
    document.setModelPath(path);
    return true;
}

}  // namespace dlui
