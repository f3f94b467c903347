// Reads a model file on its own thread (a file or a built-in ":/lessons/models/…" one) and hands the
// result back on the GUI thread as a value, matched to the request by a generation number. A newer
// request supersedes an older one; the destructor waits for the thread.
//
//   auto* loader = new dlui::ModelFileLoader(this);
//   connect(loader, &dlui::ModelFileLoader::loaded, this, [](quint64 id, const QString& path,
//                                                            std::shared_ptr<const dl::ModelFile> file) {…});
//   loader->load(path, ++generation);
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <thread>

#include "core/model/modelfile.h"

namespace dlui {

class ModelFileLoader : public QObject {
    Q_OBJECT
public:
    explicit ModelFileLoader(QObject* parent = nullptr);
    ~ModelFileLoader() override;

    /// Starts reading `path`; the answer carries `id`.
    void load(const QString& path, quint64 id);

Q_SIGNALS:
    /// The file of request `id` was read.
    void loaded(quint64 id, const QString& path, std::shared_ptr<const dl::ModelFile> file);
    /// The file of request `id` could not be read; the message names the problem.
    void failed(quint64 id, const QString& message);

private:
    std::thread mThread;
};

}  // namespace dlui
