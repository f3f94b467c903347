// The PNG sequence writer and the output checks shared by every writer.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/data/staletemporaries.h"
#include "core/math/error.h"
#include "ui/render/framewriters.h"

namespace dlui {
namespace {

[[noreturn]] void raise(const QString& message) {
    throw dl::Error(message.toStdString());
}

/// A folder is writable when a file can really be created in it (permission bits lie for root, and
/// read-only mounts show writable bits).
bool canCreateFileIn(const QString& folder) {
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".dl-write-test-XXXXXX")));
    return probe.open();
}

/// Creates the folder and its parents, or throws with the reason: the first existing folder above it is
/// read-only or not writable, or a file stands where a folder should be ("cannot create the folder
/// /proc/x" alone left the user guessing).
void makeFolder(const QString& folder) {
    if (QDir().mkpath(folder)) return;
    QFileInfo above(folder);
    while (!above.exists() && !above.isRoot() && above.absolutePath() != above.absoluteFilePath())
        above = QFileInfo(above.absolutePath());
    if (above.exists() && !above.isDir())
        raise(QCoreApplication::translate("dlui::Export", "cannot create the folder %1: %2 is a file")
                  .arg(folder, above.absoluteFilePath()));
    if (above.exists() && !canCreateFileIn(above.absoluteFilePath()))
        raise(QCoreApplication::translate(
                  "dlui::Export", "cannot create the folder %1: %2 is read-only or not yours to write")
                  .arg(folder, above.absoluteFilePath()));
    raise(QCoreApplication::translate("dlui::Export", "cannot create the folder %1").arg(folder));
}

QStringList existingFrames(const QDir& dir) {
    return dir.entryList({QStringLiteral("frame_*.png")}, QDir::Files, QDir::Name);
}

QString errnoText() {
    return QString::fromLocal8Bit(std::strerror(errno));
}

/// Writes the bytes with write(2), so a failure reports the system's reason ("No space left on device")
/// instead of a generic one. Returns the reason, or an empty string.
QString writeWholeFile(const QString& path, const QByteArray& bytes) {
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return errnoText();
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const QString error = errnoText();
            ::close(fd);
            return error;
        }
        done += n;
    }
    if (::close(fd) != 0) return errnoText();
    return {};
}

/// ".NAME.frames-": the staging folders of exports into the folder NAME.
QString stagingPrefix(const QString& folder) {
    return QLatin1Char('.') + QFileInfo(folder).fileName() + QStringLiteral(".frames-");
}

/// True when everything in the folder is an exported frame or the sidecar.
bool holdsOnlyFrames(const QDir& dir) {
    const QStringList all =
        dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    return all.size() ==
           existingFrames(dir).size() + (dir.exists(PngSequenceWriter::sidecarFileName()) ? 1 : 0);
}

/// Earlier builds staged frames in .frames-XXXXXX inside the folder, with no process id to tell a live
/// export from a killed one; a minute without change means no export is still writing there.
void removeOldLayoutStaging(const QDir& dir) {
    const QFileInfoList old =
        dir.entryInfoList({QStringLiteral(".frames-??????")}, QDir::Dirs | QDir::Hidden);
    for (const QFileInfo& info : old)
        if (info.lastModified().secsTo(QDateTime::currentDateTime()) > 60)
            QDir(info.filePath()).removeRecursively();
}

}  // namespace

void checkOutputFile(const QString& path, bool overwrite) {
    if (path.isEmpty()) raise(QCoreApplication::translate("dlui::Export", "no output file was given"));
    const QFileInfo info(path);
    if (info.isDir())
        raise(QCoreApplication::translate("dlui::Export", "%1 is a folder, not a file").arg(path));
    // Replacing a symbolic link or a device node (even with overwrite) would replace the link or the
    // device itself: only a regular file or a new name is written.
    if (info.isSymLink())
        raise(QCoreApplication::translate("dlui::Export",
                                          "%1 is a symbolic link; give a regular file or a new name")
                  .arg(path));
    if (info.exists() && !info.isFile())
        raise(
            QCoreApplication::translate("dlui::Export", "%1 is not a regular file (a device, pipe or socket)")
                .arg(path));
    if (info.exists() && !overwrite)
        raise(QCoreApplication::translate("dlui::Export",
                                          "%1 already exists (choose another name, or overwrite it)")
                  .arg(path));
    const QString folder = info.absolutePath();
    makeFolder(folder);
    if (!canCreateFileIn(folder))
        raise(QCoreApplication::translate("dlui::Export",
                                          "cannot write to the folder %1 (no permission or read-only)")
                  .arg(folder));
}

void checkOutputFolder(const QString& folder, bool overwrite) {
    if (folder.isEmpty()) raise(QCoreApplication::translate("dlui::Export", "no output folder was given"));
    const QFileInfo info(folder);
    if (info.isSymLink())
        raise(QCoreApplication::translate("dlui::Export",
                                          "%1 is a symbolic link; give a real folder or a new name")
                  .arg(folder));
    if (info.exists() && !info.isDir())
        raise(QCoreApplication::translate("dlui::Export", "%1 is a file, not a folder").arg(folder));
    makeFolder(folder);
    if (!canCreateFileIn(folder))
        raise(QCoreApplication::translate("dlui::Export",
                                          "cannot write to the folder %1 (no permission or read-only)")
                  .arg(folder));
    const QDir dir(folder);
    if (!overwrite && (!existingFrames(dir).isEmpty() || dir.exists(PngSequenceWriter::sidecarFileName())))
        raise(
            QCoreApplication::translate(
                "dlui::Export", "%1 already holds exported frames (choose another folder, or overwrite them)")
                .arg(folder));
}

PngSequenceWriter::PngSequenceWriter(QString folder, bool overwrite)
    : mFolder(QDir::cleanPath(folder)), mOverwrite(overwrite) {}

PngSequenceWriter::~PngSequenceWriter() {
    cancel();
}

QString PngSequenceWriter::frameFileName(int index) {
    return QStringLiteral("frame_%1.png").arg(index, 4, 10, QLatin1Char('0'));
}

void PngSequenceWriter::open(const QSize& size, int) {
    checkOutputFolder(mFolder, mOverwrite);
    const QFileInfo info(mFolder);
    const QString parent = info.absolutePath();
    const QString prefix = stagingPrefix(mFolder);
    // Leftovers of killed exports: staging folders beside this one, and the older layout's inside it.
    dl::removeStaleTemporaries(parent.toStdString(), prefix.toStdString());
    removeOldLayoutStaging(QDir(mFolder));
    const QDir dir(mFolder);
    if (mOverwrite && !existingFrames(dir).isEmpty() && !holdsOnlyFrames(dir))
        raise(tr("%1 holds other files besides exported frames; frames are replaced only in a folder of "
                 "their own "
                 "(choose a new or empty folder)")
                  .arg(mFolder));
    static std::atomic<int> counter{0};
    const QString staging = QDir(parent).filePath(prefix + QString::number(::getpid()) + QLatin1Char('-') +
                                                  QString::number(counter.fetch_add(1)));
    if (::mkdir(QFile::encodeName(staging).constData(), 0777) != 0)
        raise(tr("cannot create a temporary folder beside %1: %2").arg(mFolder, errnoText()));
    mStaging = staging;
    mSize = size;
    mCount = 0;
}

void PngSequenceWriter::write(const QImage& frame) {
    if (mStaging.isEmpty()) raise(tr("the PNG writer is not open"));
    const QString path = QDir(mStaging).filePath(frameFileName(mCount));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    // Qt maps quality 50 to zlib level 4: nearly the size of level 9 on flat frames, at a fraction of the
    // time.
    if (!frame.save(&buffer, "PNG", 50)) raise(tr("cannot encode frame %1 as PNG").arg(mCount));
    if (const QString error = writeWholeFile(path, png); !error.isEmpty())
        raise(tr("cannot write %1: %2").arg(path, error));
    ++mCount;
}

void PngSequenceWriter::finish() {
    if (mStaging.isEmpty()) raise(tr("the PNG writer is not open"));
    if (!mSidecar.isEmpty()) {
        const QString path = QDir(mStaging).filePath(sidecarFileName());
        if (const QString error =
                writeWholeFile(path, QJsonDocument(mSidecar).toJson(QJsonDocument::Indented));
            !error.isEmpty())
            raise(tr("cannot write %1: %2").arg(path, error));
    }
    const QByteArray staging = QFile::encodeName(mStaging), folder = QFile::encodeName(mFolder);
    QDir dir(mFolder);
    const QStringList entries =
        dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    if (entries.isEmpty()) {
        // rename(2) replaces an empty folder in one step.
        if (::rename(staging.constData(), folder.constData()) != 0)
            raise(tr("cannot move the frames into %1: %2").arg(mFolder, errnoText()));
        mStaging.clear();
        return;
    }
    const bool oldFrames = !existingFrames(dir).isEmpty() || dir.exists(sidecarFileName());
    if (oldFrames && !mOverwrite)
        raise(tr("%1 now holds other frames; nothing was overwritten").arg(mFolder));
    if (oldFrames && holdsOnlyFrames(dir)) {
        // The old set and the new one trade places atomically; the old set, now in the staging folder,
        // is removed afterwards (or, if this process dies first, by the next export to this place).
        if (::renameat2(AT_FDCWD, staging.constData(), AT_FDCWD, folder.constData(), RENAME_EXCHANGE) != 0)
            raise(tr("cannot replace the frames in %1: %2").arg(mFolder, errnoText()));
        removeStaging();
        return;
    }
    if (oldFrames)
        raise(tr("%1 holds other files besides exported frames; nothing was overwritten").arg(mFolder));
    // A folder with unrelated files and no frames: move the frames in, the sidecar last.
    const QDir from(mStaging);
    for (int i = 0; i < mCount; ++i) {
        const QString name = frameFileName(i);
        if (::rename(QFile::encodeName(from.filePath(name)).constData(),
                     QFile::encodeName(dir.filePath(name)).constData()) != 0)
            raise(tr("cannot move %1 into %2: %3").arg(name, mFolder, errnoText()));
    }
    if (from.exists(sidecarFileName()) &&
        ::rename(QFile::encodeName(from.filePath(sidecarFileName())).constData(),
                 QFile::encodeName(dir.filePath(sidecarFileName())).constData()) != 0)
        raise(tr("cannot move %1 into %2: %3").arg(sidecarFileName(), mFolder, errnoText()));
    removeStaging();
}

void PngSequenceWriter::cancel() {
    removeStaging();
}

void PngSequenceWriter::removeStaging() {
    if (mStaging.isEmpty()) return;
    QDir(mStaging).removeRecursively();
    mStaging.clear();
}

}  // namespace dlui
