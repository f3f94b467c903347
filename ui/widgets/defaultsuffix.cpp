#include "ui/widgets/defaultsuffix.h"

#include <QFileInfo>

namespace dlui {

QString withDefaultSuffix(const QString& path, const QString& suffix) {
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty()) return path;
    return path + suffix;
}

}  // namespace dlui
