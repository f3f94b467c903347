// The PNG sequence writer and the output checks shared by every writer.
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryFile>

#include "core/math/error.h"
#include "ui/render/framewriters.h"

namespace dlui {
namespace {

[[noreturn]] void raise(const QString& message) { throw dl::Error(message.toStdString()); }

/// A folder is writable when a file can really be created in it (permission bits lie for root, and
/// read-only mounts show writable bits).
bool canCreateFileIn(const QString& folder) {
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".dl-write-test-XXXXXX")));
    return probe.open();
}

QStringList existingFrames(const QDir& dir) {
    return dir.entryList({QStringLiteral("frame_*.png")}, QDir::Files, QDir::Name);
}

}  // namespace

void checkOutputFile(const QString& path, bool overwrite) {
    if (path.isEmpty()) raise(QCoreApplication::translate("dlui::Export", "no output file was given"));
    const QFileInfo info(path);
    if (info.isDir())
        raise(QCoreApplication::translate("dlui::Export", "%1 is a folder, not a file").arg(path));
    if (info.exists() && !overwrite)
        raise(QCoreApplication::translate("dlui::Export", "%1 already exists (choose another name, or overwrite it)")
                  .arg(path));
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        raise(QCoreApplication::translate("dlui::Export", "cannot create the folder %1").arg(folder));
    if (!canCreateFileIn(folder))
        raise(QCoreApplication::translate("dlui::Export", "cannot write to the folder %1 (no permission or read-only)")
                  .arg(folder));
}

void checkOutputFolder(const QString& folder, bool overwrite) {
    if (folder.isEmpty()) raise(QCoreApplication::translate("dlui::Export", "no output folder was given"));
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        raise(QCoreApplication::translate("dlui::Export", "%1 is a file, not a folder").arg(folder));
    if (!QDir().mkpath(folder))
        raise(QCoreApplication::translate("dlui::Export", "cannot create the folder %1").arg(folder));
    if (!canCreateFileIn(folder))
        raise(QCoreApplication::translate("dlui::Export", "cannot write to the folder %1 (no permission or read-only)")
                  .arg(folder));
    const QDir dir(folder);
    if (!overwrite && (!existingFrames(dir).isEmpty() || dir.exists(PngSequenceWriter::sidecarFileName())))
        raise(QCoreApplication::translate("dlui::Export",
                                          "%1 already holds exported frames (choose another folder, or overwrite them)")
                  .arg(folder));
}

PngSequenceWriter::PngSequenceWriter(QString folder, bool overwrite) : mFolder(std::move(folder)), mOverwrite(overwrite) {}

PngSequenceWriter::~PngSequenceWriter() { cancel(); }

QString PngSequenceWriter::frameFileName(int index) {
    return QStringLiteral("frame_%1.png").arg(index, 4, 10, QLatin1Char('0'));
}

void PngSequenceWriter::open(const QSize& size, int) {
    checkOutputFolder(mFolder, mOverwrite);
    mStaging = std::make_unique<QTemporaryDir>(QDir(mFolder).filePath(QStringLiteral(".frames-XXXXXX")));
    if (!mStaging->isValid())
        raise(tr("cannot create a temporary folder in %1: %2").arg(mFolder, mStaging->errorString()));
    mSize = size;
    mCount = 0;
}

void PngSequenceWriter::write(const QImage& frame) {
    if (!mStaging) raise(tr("the PNG writer is not open"));
    const QString path = QDir(mStaging->path()).filePath(frameFileName(mCount));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) raise(tr("cannot write %1: %2").arg(path, file.errorString()));
    // Qt maps quality 50 to zlib level 4: nearly the size of level 9 on flat frames, at a fraction of the time.
    if (!frame.save(&file, "PNG", 50) || !file.commit())
        raise(tr("cannot write %1: %2").arg(path, file.errorString()));
    ++mCount;
}

void PngSequenceWriter::finish() {
    if (!mStaging) raise(tr("the PNG writer is not open"));
    QDir dir(mFolder);
    if (mOverwrite) {
        for (const QString& old : existingFrames(dir)) dir.remove(old);
        dir.remove(sidecarFileName());
    } else if (!existingFrames(dir).isEmpty()) {
        raise(tr("%1 now holds other frames; nothing was overwritten").arg(mFolder));
    }
    for (int i = 0; i < mCount; ++i) {
        const QString name = frameFileName(i);
        if (!QFile::rename(QDir(mStaging->path()).filePath(name), dir.filePath(name)))
            raise(tr("cannot move %1 into %2").arg(name, mFolder));
    }
    if (!mSidecar.isEmpty()) {
        QSaveFile sidecar(dir.filePath(sidecarFileName()));
        if (!sidecar.open(QIODevice::WriteOnly) ||
            sidecar.write(QJsonDocument(mSidecar).toJson(QJsonDocument::Indented)) < 0 || !sidecar.commit())
            raise(tr("cannot write %1: %2").arg(sidecar.fileName(), sidecar.errorString()));
    }
    mStaging.reset();  // removes the (now empty) staging folder
}

void PngSequenceWriter::cancel() { mStaging.reset(); }

}  // namespace dlui
