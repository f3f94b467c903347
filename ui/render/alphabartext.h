// ᾱ_t as the captions print it: four decimals, or a power of ten below 10⁻³, where four decimals read
// 0.0000 (ᾱ_T = 2.67×10⁻⁵ of the default schedule looked like pure noise reached exactly).
#pragma once

#include <QString>
#include <cmath>
#include <cstdlib>

namespace dlui {

/// n in superscript characters: −5 → ⁻⁵, 10 → ¹⁰.
inline QString superscriptInteger(int n) {
    static const QString kDigits =
        QStringLiteral("\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079");
    QString text = n < 0 ? QString(QChar(0x207B)) : QString();
    for (const QChar c : QString::number(std::abs(n))) text += kDigits.at(c.digitValue());
    return text;
}

/// v as m×10ⁿ, m with `decimals` digits after the point as Qt's 'e' format rounds it ("2.67e-05" →
/// 2.67×10⁻⁵), its trailing zeros dropped when trimZeros (1.00 → 1).
inline QString powerOfTenText(double v, int decimals, bool trimZeros) {
    const QString e = QString::number(v, 'e', decimals);
    const qsizetype at = e.indexOf(QLatin1Char('e'));
    QString mantissa = e.left(at);
    if (trimZeros && mantissa.contains(QLatin1Char('.'))) {
        while (mantissa.endsWith(QLatin1Char('0'))) mantissa.chop(1);
        if (mantissa.endsWith(QLatin1Char('.'))) mantissa.chop(1);
    }
    return mantissa + QStringLiteral("\u00D710") + superscriptInteger(e.mid(at + 1).toInt());
}

/// v in at most three significant digits, with a power of ten below 10⁻³ and from 10⁴ (1×10⁻⁵, not C's
/// 1e-05): for β and the like in plain text, where no <sup> can be drawn.
inline QString shortNumberText(double v) {
    if (v == 0.0 || !std::isfinite(v) || (std::abs(v) >= 1e-3 && std::abs(v) < 1e4))
        return QString::number(v, 'g', 3);
    return powerOfTenText(v, 2, true);
}

inline QString alphaBarText(double alphaBar) {
    if (alphaBar >= 1e-3 || alphaBar == 0.0 || !std::isfinite(alphaBar))
        return QString::number(alphaBar, 'f', 4);
    // Three significant digits and the power of ten as the Explain dock and the timeline write it
    // (2.67×10⁻⁵), not C's 2.67e-05.
    return powerOfTenText(alphaBar, 2, false);
}

}  // namespace dlui
