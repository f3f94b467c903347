// Fonts picked by name, so glyph images and text shapes look the same on every machine whatever
// else is installed: only the DejaVu families from the Debian package fonts-dejavu-core (installed
// by scripts/bootstrap.sh) are used, and a missing one is a clear dl::Error rather than a silent
// fallback to another font. Glyphs are drawn from outlines (QPainterPath), without hinting.
//
//   QFont f = dl::requireFont(QStringLiteral("DejaVu Sans"), true, 160);
#pragma once

#include <QFont>
#include <QStringList>

namespace dl {

/// The families the glyph image set draws from: DejaVu Sans, DejaVu Serif, DejaVu Sans Mono.
const QStringList& glyphFontFamilies();

/// The family text shapes are drawn in: DejaVu Sans (bold).
QString textShapeFontFamily();

/// A font of that family (exact match, no fallback or merging). Throws dl::Error naming the family
/// and the package to install when the family is not available.
QFont requireFont(const QString& family, bool bold, int pixelSize);

}  // namespace dl
