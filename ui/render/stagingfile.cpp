#include "ui/render/stagingfile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace dlui {

QString reserveStagingFile(const QString& path) {
    const QFileInfo info(path);
    QTemporaryFile reserve(
        info.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX.part").arg(info.fileName())));
    reserve.setAutoRemove(false);
    if (!reserve.open()) return {};
    reserve.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                           QFileDevice::WriteUser | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return reserve.fileName();
}

}  // namespace dlui
