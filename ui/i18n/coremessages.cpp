#include "ui/i18n/coremessages.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <vector>

#include "ui/i18n/coremessageforms.h"

namespace dlui {

namespace {

struct Form {
    const char* source;
    QRegularExpression pattern;
    QStringList placeholders;  // in the order they appear in the source
    qsizetype literalLength;
    QString prefix, suffix;  // the fixed text before the first and after the last placeholder
};

const QRegularExpression& placeholder() {
    static const QRegularExpression p(QStringLiteral("%([1-9])"));
    return p;
}

std::vector<Form> makeForms() {
    std::vector<Form> forms;
    for (const char* source : coreMessageForms()) {
        const QString text = QString::fromUtf8(source);
        Form f{source, {}, {}, 0, {}, {}};
        QString regex = QStringLiteral("^");
        qsizetype last = 0;
        auto it = placeholder().globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString literal = text.mid(last, m.capturedStart() - last);
            if (f.placeholders.isEmpty()) f.prefix = literal;
            regex += QRegularExpression::escape(literal) + QStringLiteral("(.+?)");
            f.literalLength += literal.size();
            f.placeholders << m.captured(1);
            last = m.capturedEnd();
        }
        f.suffix = text.mid(last);
        if (f.placeholders.isEmpty()) f.prefix = text;
        regex += QRegularExpression::escape(f.suffix) + QStringLiteral("$");
        f.literalLength += text.size() - last;
        f.pattern = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
        forms.push_back(std::move(f));
    }
    // The most specific form first: "cannot read %1: it is a folder…" before "cannot read %1: %2".
    std::stable_sort(forms.begin(), forms.end(),
                     [](const Form& a, const Form& b) { return a.literalLength > b.literalLength; });
    return forms;
}

// Letters of the Latin alphabet left in a text: what a reader of the translation would still have to
// read in English.
qsizetype latinLetters(const QString& text) {
    return std::count_if(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
    });
}

QString translateMessage(const QString& message, int depth) {
    static const std::vector<Form> forms = makeForms();
    if (depth > 3) return message;
    // A message can match several forms ("diffusers config: %1" and "diffusers config: %1 must be %2");
    // the one whose translation, nested pieces included, leaves the least English wins, the most
    // specific form (the longest fixed text) on a tie.
    QString best = message;
    qsizetype bestLatin = -1;
    for (const Form& f : forms) {
        // A cheap test first: a message passes through here for every form.
        if (!message.startsWith(f.prefix) || !message.endsWith(f.suffix)) continue;
        const auto m = f.pattern.match(message);
        if (!m.hasMatch()) continue;
        const QString out = QCoreApplication::translate("dl::CoreMessage", f.source);
        QHash<QString, QString> values;
        for (int i = 0; i < f.placeholders.size(); ++i)
            values.insert(f.placeholders[i], translateMessage(m.captured(i + 1), depth + 1));
        QString filled;
        qsizetype last = 0;
        auto it = placeholder().globalMatch(out);
        while (it.hasNext()) {
            const auto p = it.next();
            filled += out.mid(last, p.capturedStart() - last) + values.value(p.captured(1), p.captured(0));
            last = p.capturedEnd();
        }
        filled += out.mid(last);
        const qsizetype latin = latinLetters(filled);
        if (bestLatin < 0 || latin < bestLatin) {
            best = filled;
            bestLatin = latin;
            if (latin == 0) break;
        }
    }
    return best;
}

}  // namespace

QString coreMessage(const QString& message) {
    return translateMessage(message, 0);
}

QString coreMessage(const std::string& message) {
    return coreMessage(QString::fromStdString(message));
}

QString coreMessage(const char* message) {
    return coreMessage(QString::fromUtf8(message));
}

QString asSentence(QString message) {
    if (!message.isEmpty()) message[0] = message[0].toUpper();
    return message;
}

}  // namespace dlui
