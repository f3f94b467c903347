#include "ui/explain/mathhtml.h"

#include <cmath>
#include <utility>

#include "ui/render/alphabartext.h"

namespace dlui::mathhtml {

QString sub(const QString& base, const QString& index) {
    return base + QStringLiteral("<sub>") + index + QStringLiteral("</sub>");
}

QString sup(const QString& base, const QString& power) {
    return base + QStringLiteral("<sup>") + power + QStringLiteral("</sup>");
}

QString vec(const QString& name, const QString& index) {
    const QString bold = QStringLiteral("<b>") + name + QStringLiteral("</b>");
    return index.isEmpty() ? bold : sub(bold, index);
}

QString root(const QString& radicand) {
    // Qt draws an overline at the wrong height, a line too high, for the text before a <sub> in a table
    // cell (equations are tables), so the radicand's subscripts (and a square) become Unicode characters.
    QString inner = radicand;
    static const std::pair<const char16_t*, const char16_t*> kSubscripts[] = {
        {u"<sub>t\u22121</sub>", u"\u209C\u208B\u2081"},
        {u"<sub>t</sub>", u"\u209C"},
        {u"<sub>s</sub>", u"\u209B"},
        {u"<sub>0</sub>", u"\u2080"},
        {u"<sub>i</sub>", u"\u1D62"},
        // And a squared term's "2": as <sup> the overline stopped short of it (σ_t² under DDIM's root).
        {u"<sup>2</sup>", u"\u00B2"}};
    for (const auto& [tag, unicode] : kSubscripts)
        inner.replace(QString::fromUtf16(tag), QString::fromUtf16(unicode));
    // No-break spaces: roots also stand in running text ("and √(1 − β_t) = 0.9995"), where a narrow dock
    // broke them after "1 −", with half the overline on each line. Spaces inside tags stay plain.
    QString unbroken;
    bool inTag = false;
    for (const QChar c : inner) {
        if (c == QLatin1Char('<')) inTag = true;
        if (c == QLatin1Char('>')) inTag = false;
        unbroken += !inTag && c == QLatin1Char(' ') ? QChar(0x00A0) : c;
    }
    inner = unbroken;
    return QStringLiteral("\u221A<span style=\"text-decoration: overline\">") + inner +
           QStringLiteral("</span>");
}

QString frac(const QString& numerator, const QString& denominator) {
    // A rule under the numerator cell is the fraction bar (Qt draws per-cell borders since 5.14).
    return QStringLiteral(
               "<table cellspacing=\"0\" cellpadding=\"1\" style=\"border-collapse: collapse\">"
               "<tr><td align=\"center\" style=\"border-bottom: 1px solid; border-top: none; "
               "border-left: none; border-right: none\">%1</td></tr>"
               "<tr><td align=\"center\" style=\"border: none\">%2</td></tr></table>")
        .arg(numerator, denominator);
}

QString equation(const QStringList& pieces) {
    // Without a fraction a paragraph will do, and avoids a Qt quirk: in a table cell, an overline on the
    // same line as a subscript can be drawn a line too high.
    // A one-piece equation is a formula alone and is not wrapped: a narrow dock broke "1 − ᾱ_t" over three
    // lines and split subscripts from their symbols; the dock scrolls sideways instead. The pieces of a
    // table may be words ("with ᾱ_t = … and SNR ="), which wrap as before.
    if (pieces.size() == 1)
        return QStringLiteral("<p style=\"margin-top:2px; margin-bottom:2px; white-space: nowrap\">") +
               pieces.front() + QStringLiteral("</p>");
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\"><tr>");
    for (const QString& piece : pieces)
        html += QStringLiteral("<td valign=\"middle\">") + piece + QStringLiteral("</td>");
    return html + QStringLiteral("</tr></table>");
}

QString plainNumber(double value) {
    QString text = number(value);
    const qsizetype open = text.indexOf(QStringLiteral("<sup>"));
    if (open < 0) return text;
    const qsizetype close = text.indexOf(QStringLiteral("</sup>"), open);
    const int power = text.mid(open + 5, close - open - 5).replace(kMinus, QStringLiteral("-")).toInt();
    return text.left(open) + superscriptInteger(power);
}

QString number(double value) {
    if (std::isnan(value)) return QStringLiteral("\u2014");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("\u221E") : kMinus + QStringLiteral("\u221E");
    QString text;
    const double magnitude = std::abs(value);
    if (magnitude != 0.0 && (magnitude < 1e-3 || magnitude >= 1e4)) {
        int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
        double mantissa = value / std::pow(10.0, exponent);
        if (std::abs(std::round(mantissa * 1000.0)) >= 10000.0) {  // 9.9996 would print as 10.000
            mantissa /= 10.0;
            ++exponent;
        }
        text = QString::number(mantissa, 'f', 3) + QStringLiteral("\u00D710<sup>") +
               QString::number(exponent) + QStringLiteral("</sup>");
    } else {
        text = QString::number(value, 'g', 4);
    }
    return text.replace(QLatin1Char('-'), kMinus);
}

}  // namespace dlui::mathhtml
