#include "ui/i18n/coremessages.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <vector>

namespace dlui {

namespace {

// The core's message forms, as core/ writes them; %N stands where it puts a name, a number or a nested
// message. Keep them in step with core/ (tests/ui/tst_translation checks some against the real core).
constexpr const char* kForms[] = {
    // model files (core/model/modelfile.cpp)
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1: section %2 is malformed: %3"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot save model: %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 is not a Diffusion Lab model (wrong magic bytes)"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 is truncated: %2 bytes"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 is truncated: %2 bytes, the header says %3"),
    QT_TRANSLATE_NOOP("dl::CoreMessage",
                      "model file %1 has format version %2, newer than this build reads "
                      "(%3); open it with a newer Diffusion Lab"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 has an invalid format version 0"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 has %2 unexpected bytes after its end"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 is corrupted (checksum mismatch)"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 is malformed: %2"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 is incomplete: section %2 is missing"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "model file %1 is inconsistent: %2"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "architecture: %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "schedule: %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "training settings: %1"),
    // the network (core/model/mlpconfig.cpp)
    QT_TRANSLATE_NOOP("dl::CoreMessage", "hidden width must be from 1 to %1, got %2"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "layers must be from 0 to %1, got %2"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "feature scale must be in (0, 10000], got %1"),
    // schedules (core/math/schedule.cpp)
    QT_TRANSLATE_NOOP("dl::CoreMessage", "T must be an integer from %1 to %2, got %3"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "beta_start must be in the open interval (0, 1), got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "beta_end must be in the open interval (0, 1), got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "zero terminal SNR needs T of at least 2, got %1"),
    // training (core/training/trainer.cpp)
    QT_TRANSLATE_NOOP("dl::CoreMessage", "batch size must be from 1 to 1048576, got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "steps must be at least 1, got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "learning rate must be in (0, 10], got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "warm-up steps must not be negative, got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "weight decay must be in [0, 1), got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "EMA decay must be in [0, 1), got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "threads must be from 1 to 256, got %1"),
    // data (core/data)
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot normalise an empty data set"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "a point data set needs 2 columns (x, y), got %1"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "a point data set needs at least 1 point"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "a point data set must not contain NaN or infinite coordinates"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "nothing drawn yet: draw at least one stroke"),
    QT_TRANSLATE_NOOP("dl::CoreMessage",
                      "the strokes would make %1 points, more than the limit of %2; lower the density"),
    QT_TRANSLATE_NOOP("dl::CoreMessage",
                      "the density is zero everywhere: there is nothing to sample points from"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot open %1: %2"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read %1: %2"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read %1: it is a folder, not a file"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read %1: not a regular file (a device, pipe or socket)"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read %1: it is %2 MB, more than the %3 MB limit"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read '%1': no such file"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read '%1': not a regular file"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read '%1': read error"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot write '%1': %2"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "'%1' is empty; expected CSV lines 'x,y'"),
    QT_TRANSLATE_NOOP("dl::CoreMessage",
                      "%1 is not a text file (it contains NUL bytes); expected CSV lines 'x,y'"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "%1 has no data row"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "%1: x and y are the same column (%2)"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "%1: no column is named '%2'; the header has %3"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "unknown dataset '%1' (built-in shapes: %2)"),
    // images and text (core/io)
    QT_TRANSLATE_NOOP("dl::CoreMessage", "no image files given"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "folder '%1' has no image files (%2)"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read '%1': no such file or folder"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read image %1: no such file"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read image %1: not a file"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cannot read image %1: permission denied"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "image %1 is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "image %1 is not in a format this build can read (%2)"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "image %1 has no pixels"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "the image has no pixels"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "the glyph set needs at least one character"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "the text for a text shape is empty; type at least one character"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "the font %1 has no glyph for '%2'"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "the text '%1' draws nothing to sample points from"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "JSON, line %1 column %2: %3"),
    QT_TRANSLATE_NOOP("dl::CoreMessage", "cancelled"),
};

struct Form {
    const char* source;
    QRegularExpression pattern;
    QStringList placeholders;  // in the order they appear in the source
    qsizetype literalLength;
};

const QRegularExpression& placeholder() {
    static const QRegularExpression p(QStringLiteral("%([1-9])"));
    return p;
}

std::vector<Form> makeForms() {
    std::vector<Form> forms;
    for (const char* source : kForms) {
        const QString text = QString::fromUtf8(source);
        Form f{source, {}, {}, 0};
        QString regex = QStringLiteral("^");
        qsizetype last = 0;
        auto it = placeholder().globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString literal = text.mid(last, m.capturedStart() - last);
            regex += QRegularExpression::escape(literal) + QStringLiteral("(.+?)");
            f.literalLength += literal.size();
            f.placeholders << m.captured(1);
            last = m.capturedEnd();
        }
        regex += QRegularExpression::escape(text.mid(last)) + QStringLiteral("$");
        f.literalLength += text.size() - last;
        f.pattern = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
        forms.push_back(std::move(f));
    }
    // The most specific form first: "cannot read %1: it is a folder…" before "cannot read %1: %2".
    std::stable_sort(forms.begin(), forms.end(),
                     [](const Form& a, const Form& b) { return a.literalLength > b.literalLength; });
    return forms;
}

QString translateMessage(const QString& message, int depth) {
    static const std::vector<Form> forms = makeForms();
    if (depth > 3) return message;
    for (const Form& f : forms) {
        const auto m = f.pattern.match(message);
        if (!m.hasMatch()) continue;
        QString out = QCoreApplication::translate("dl::CoreMessage", f.source);
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
        return filled + out.mid(last);
    }
    return message;
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

}  // namespace dlui
