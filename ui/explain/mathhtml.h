// Small builders for equations in Qt's rich-text subset (QTextDocument HTML): sub/superscripts, roots as
// √ with an overline, fractions as a two-row table, and an equation as a one-row table so fractions sit
// on the line. Only characters the DejaVu fonts of a fresh Debian machine carry (Greek, ᾱ U+1FB1,
// combining tilde U+0303 and circumflex U+0302, √ ‖ ∇ ← ∼ −). No widgets: the Explain dock and its tests
// build the same strings.
//
//   QString e = mathhtml::equation({mathhtml::sub("x", "t") + " = ", mathhtml::frac("a", "b")});
#pragma once

#include <QString>
#include <QStringList>

namespace dlui::mathhtml {

inline const QString kAlphaBar = QStringLiteral("\u1FB1");         // ᾱ
inline const QString kBetaTilde = QStringLiteral("\u03B2\u0303");  // β̃
inline const QString kMuTilde = QStringLiteral("\u03BC\u0303");    // μ̃
inline const QString kEpsHat = QStringLiteral("\u03B5\u0302");     // ε̂
/// The normal distribution as an italic N: the script 𝒩 (U+1D4A9) comes from a math font whose tall
/// ascent lifts the overlines of roots on the same line.
inline const QString kNormal = QStringLiteral("<i>N</i>");
inline const QString kMinus = QStringLiteral("\u2212");  // −
/// The colour numbers are written in, so they stand out from the symbols. The Explain dock swaps it for a
/// readable one on a dark theme.
inline const QString kValueColor = QStringLiteral("#1565c0");

/// base with a subscript: sub("β", "t") → β_t.
QString sub(const QString& base, const QString& index);
/// base with a superscript.
QString sup(const QString& base, const QString& power);
/// A bold vector symbol with an optional subscript: vec("x", "t") → 𝐱_t.
QString vec(const QString& name, const QString& index = {});
/// √ followed by its radicand under an overline.
QString root(const QString& radicand);
/// A fraction: numerator over denominator, as a small centred table with a rule between them.
QString frac(const QString& numerator, const QString& denominator);
/// One equation: its pieces side by side on one line, vertically centred (fractions stay inline).
QString equation(const QStringList& pieces);
/// A number in 4 significant digits, with ×10ⁿ for very small or large values, ∞ and a true minus sign.
QString number(double value);
/// The same number as plain text, the power of ten in superscript characters (2.473×10⁻⁵), for labels
/// that show no HTML: the same digits as the Explain dock beside them.
QString plainNumber(double value);

}  // namespace dlui::mathhtml
