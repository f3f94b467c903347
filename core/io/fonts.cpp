#include "core/io/fonts.h"

#include <QFontDatabase>
#include <QFontInfo>

#include "core/math/error.h"

namespace dl {

const QStringList& glyphFontFamilies() {
    static const QStringList families = {QStringLiteral("DejaVu Sans"), QStringLiteral("DejaVu Serif"),
                                         QStringLiteral("DejaVu Sans Mono")};
    return families;
}

QString textShapeFontFamily() {
    return QStringLiteral("DejaVu Sans");
}

QFont requireFont(const QString& family, bool bold, int pixelSize) {
    const auto missing = [&] {
        return Error("font '" + family.toStdString() +
                     "' is not installed; install the package fonts-dejavu-core (scripts/bootstrap.sh does)");
    };
    if (!QFontDatabase::hasFamily(family)) throw missing();
    QFont font(family);
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    font.setStyleStrategy(QFont::NoFontMerging);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(true);
    // fontconfig may substitute a look-alike for a missing family; insist on the real one.
    if (QFontInfo(font).family() != family) throw missing();
    return font;
}

}  // namespace dl
