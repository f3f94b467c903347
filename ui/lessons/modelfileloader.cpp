#include "ui/lessons/modelfileloader.h"

#include <exception>

#include "ui/document/modelfiles.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

ModelFileLoader::ModelFileLoader(QObject* parent) : QObject(parent) {}

ModelFileLoader::~ModelFileLoader() {
    if (mThread.joinable()) mThread.join();
}

void ModelFileLoader::load(const QString& path, quint64 id) {
    // A read takes milliseconds: waiting for the previous one keeps a single thread alive at a time.
    if (mThread.joinable()) mThread.join();
    mThread = std::thread([this, path, id] {
        // The thread ends before this object is destroyed (destructor), so `this` is valid here; a
        // queued call to an object deleted later is dropped by Qt.
        try {
            auto file = std::make_shared<const dl::ModelFile>(readModelFile(path));
            QMetaObject::invokeMethod(
                this, [this, id, path, file] { Q_EMIT loaded(id, path, file); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString message = coreMessage(e.what());
            QMetaObject::invokeMethod(
                this, [this, id, message] { Q_EMIT failed(id, message); }, Qt::QueuedConnection);
        }
    });
}

}  // namespace dlui
