#include "ui/i18n/accesskeytext.h"

#include <QRegularExpression>

namespace dlui {

QString withoutAccessKey(const QString& text) {
    static const QRegularExpression bracketed(QStringLiteral("\\s*[(\uFF08]&[^&\\s][)\uFF09]"));
    QString out = text;
    out.remove(bracketed);
    QString plain;
    plain.reserve(out.size());
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out[i] == QLatin1Char('&')) {
            if (i + 1 < out.size() && out[i + 1] == QLatin1Char('&')) plain += out[++i];
            continue;
        }
        plain += out[i];
    }
    return plain;
}

QString withLiteralAmpersands(QString text) {
    return text.replace(QLatin1Char('&'), QLatin1String("&&"));
}

}  // namespace dlui
