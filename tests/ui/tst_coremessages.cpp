// The core's messages in the window's language: every text core/ throws or reports has a form in
// coreMessage()'s table (checked by reading core/'s sources, so a new message without a form fails here),
// and real errors raised through the core's API reach the window in Chinese, with their values intact.
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

#include "core/data/diffusersconfig.h"
#include "core/data/json.h"
#include "core/data/pointcsv.h"
#include "core/data/pointgenerators.h"
#include "core/io/imagefile.h"
#include "core/io/imageset.h"
#include "core/io/textshape.h"
#include "core/math/error.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/model/modelfile.h"
#include "core/sampling/samplers.h"
#include "core/training/trainer.h"
#include "ui/i18n/coremessageforms.h"
#include "ui/i18n/coremessages.h"
#include "ui/i18n/translations.h"

namespace {

// One English text core/ writes into a message, where it stands in the sources.
struct Piece {
    QString text;
    QString where;  // file:line
};

// Reads a C++ file as tokens and collects the string literals of every statement that builds a message:
// `throw …;`, `Error(…)`, `fail(…)`, and `return …;` or `push_back(…)` (a note for the reader) when one of
// its literals is a phrase (has a space inside: "a comma", not "gelu"). Adjacent literals ("ab" "cd") are
// one. Literals given to tr() are the window's own texts, checked by tst_translation against the catalogue.
// The pieces are each literal with the spaces and punctuation at its ends trimmed, kept when it has a word in
// it.
class MessageScanner {
public:
    MessageScanner(const QString& text, const QString& file) : mText(text), mFile(file) {}

    QList<Piece> pieces() {
        tokenise();
        QList<Piece> out;
        for (qsizetype k = 0; k < mTokens.size(); ++k) {
            const Token& t = mTokens[k];
            const bool phraseOnly = t.text == QLatin1String("return") || t.text == QLatin1String("push_back");
            const bool call = (t.text == QLatin1String("Error") || t.text == QLatin1String("fail") ||
                               t.text == QLatin1String("push_back")) &&
                              k + 1 < mTokens.size() && mTokens[k + 1].text == QLatin1String("(");
            const bool statement = t.text == QLatin1String("throw") || t.text == QLatin1String("return");
            if (t.kind != Kind::Word || !(call || statement)) continue;
            QList<Piece> literals;
            int depth = 0;
            qsizetype m = k + 1;
            for (; m < mTokens.size(); ++m) {
                const Token& u = mTokens[m];
                if (u.kind == Kind::Punct && QStringLiteral("([{").contains(u.text)) ++depth;
                if (u.kind == Kind::Punct && QStringLiteral(")]}").contains(u.text)) {
                    if (--depth < 0 || (call && depth == 0)) break;
                }
                if (u.kind == Kind::Punct && u.text == QLatin1String(";") && depth <= 0) break;
                if (u.kind != Kind::String) continue;
                const bool inTr = m >= 2 && mTokens[m - 1].text == QLatin1String("(") &&
                                  mTokens[m - 2].text == QLatin1String("tr");
                if (inTr) continue;
                if (mTokens[m - 1].kind == Kind::String && !literals.isEmpty())
                    literals.last().text += u.text;
                else
                    literals << Piece{u.text, mFile + QLatin1Char(':') + QString::number(u.line)};
            }
            const bool phrase = std::any_of(literals.begin(), literals.end(),
                                            [](const Piece& p) { return p.text.trimmed().contains(' '); });
            if (phraseOnly && !phrase) literals.clear();
            for (Piece& p : literals) {
                p.text = trimmed(p.text);
                static const QRegularExpression word(QStringLiteral("[A-Za-z]{2}"));
                if (p.text.contains(word)) out << p;
            }
            k = m;
        }
        return out;
    }

private:
    enum class Kind { Word, String, Punct };
    struct Token {
        Kind kind;
        QString text;
        int line;
    };

    static QString trimmed(QString s) {
        static const QRegularExpression ends(QStringLiteral("^[\\s'\":;,.()\\[\\]]+|[\\s'\":;,.()\\[\\]]+$"));
        return s.remove(ends);
    }

    void tokenise() {
        int line = 1;
        const qsizetype n = mText.size();
        for (qsizetype i = 0; i < n;) {
            const QChar c = mText[i];
            if (c == QLatin1Char('\n')) ++line;
            if (mText.mid(i, 2) == QLatin1String("//")) {
                i = mText.indexOf(QLatin1Char('\n'), i);
                if (i < 0) break;
                continue;
            }
            if (mText.mid(i, 2) == QLatin1String("/*")) {
                const qsizetype end = mText.indexOf(QLatin1String("*/"), i);
                line += int(mText.mid(i, end - i).count(QLatin1Char('\n')));
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == QLatin1Char('"') ||
                (c == QLatin1Char('\'') && !(i > 0 && mText[i - 1].isLetterOrNumber()))) {
                // A string or character literal; a ' after a digit is a digit separator (1'000).
                QString value;
                qsizetype j = i + 1;
                while (j < n && mText[j] != c) {
                    if (mText[j] == QLatin1Char('\\') && j + 1 < n) {
                        const QChar e = mText[j + 1];
                        value += e == QLatin1Char('n')   ? QChar('\n')
                                 : e == QLatin1Char('t') ? QChar('\t')
                                                         : e;
                        j += 2;
                    } else {
                        value += mText[j++];
                    }
                }
                if (c == QLatin1Char('"'))
                    mTokens << Token{Kind::String, value, line};
                else
                    mTokens << Token{Kind::Punct, QStringLiteral("'"), line};
                i = j + 1;
                continue;
            }
            if (c.isLetter() || c == QLatin1Char('_')) {
                qsizetype j = i;
                while (j < n && (mText[j].isLetterOrNumber() || mText[j] == QLatin1Char('_'))) ++j;
                mTokens << Token{Kind::Word, mText.mid(i, j - i), line};
                i = j;
                continue;
            }
            if (!c.isSpace()) mTokens << Token{Kind::Punct, QString(c), line};
            ++i;
        }
    }

    QString mText;
    QString mFile;
    QList<Token> mTokens;
};

QList<Piece> corePieces() {
    QList<Piece> out;
    const QString root = QStringLiteral(DL_TEST_SOURCE_DIR "/core");
    QDirIterator it(root, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QString relative = QStringLiteral("core/") + QDir(root).relativeFilePath(path);
        out << MessageScanner(QString::fromUtf8(file.readAll()), relative).pieces();
    }
    return out;
}

// Literals core/ returns that are names, not words for a reader.
const QStringList kNotMessages = {
    QStringLiteral("DejaVu Sans"),  // core/io/fonts.cpp: the font family a shape is drawn in
};

bool hasCjk(const QString& s) {
    static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return s.contains(cjk);
}

// Three English words in a row: a sentence (or the rest of one) left untranslated.
QString englishSentence(const QString& s) {
    static const QRegularExpression words(QStringLiteral("\\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\\b"));
    const auto m = words.match(s);
    return m.hasMatch() ? m.captured(0) : QString();
}

using Trigger = std::function<std::string()>;

// Runs `trigger` and returns the message of the dl::Error it throws or the problem it reports.
std::string messageOf(const Trigger& trigger) {
    try {
        return trigger();
    } catch (const dl::Error& e) {
        return e.what();
    }
}

}  // namespace

Q_DECLARE_METATYPE(Trigger)

class TestCoreMessages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theScannerFindsMessages();
    void everyCoreMessageHasAForm();
    void realCoreErrorsReachTheWindowInChinese_data();
    void realCoreErrorsReachTheWindowInChinese();
    void cleanupTestCase();

private:
    QTemporaryDir mDir;
};

void TestCoreMessages::initTestCase() {
    QVERIFY(mDir.isValid());
}

void TestCoreMessages::theScannerFindsMessages() {
    // The scanner itself can find a message and leave a name: what the next test relies on.
    const QString source = QStringLiteral(
        "std::string_view name(K k) { return \"gelu\"; }\n"
        "void f(int n) {\n"
        "    if (n < 0) throw Error(\"count must be \" \"positive, got \" + std::to_string(n));\n"
        "    // throw Error(\"commented out\");\n"
        "    const int big = 1'000'000;\n"
        "    if (n > big) fail(\"too many: \" + std::to_string(n));\n"
        "    names.push_back(\"gelu\");\n"
        "    notes->push_back(std::to_string(n) + \" were cut short\");\n"
        "    return label(tr(\"a tr text\"));\n"
        "}\n"
        "std::optional<std::string> g() { return \"a phrase\" + x + \"done\"; }\n");
    QStringList found;
    for (const Piece& p : MessageScanner(source, QStringLiteral("x.cpp")).pieces()) found << p.text;
    QCOMPARE(found, QStringList({QStringLiteral("count must be positive, got"), QStringLiteral("too many"),
                                 QStringLiteral("were cut short"), QStringLiteral("a phrase"),
                                 QStringLiteral("done")}));
}

void TestCoreMessages::everyCoreMessageHasAForm() {
    QStringList forms;
    for (const char* form : dlui::coreMessageForms()) forms << QString::fromUtf8(form);
    const QList<Piece> pieces = corePieces();
    // core/ has about 200 message statements; finding far fewer means the scan went wrong.
    QVERIFY2(pieces.size() > 250, qPrintable(QString::number(pieces.size())));
    QStringList missing;
    for (const Piece& p : pieces) {
        if (kNotMessages.contains(p.text)) continue;
        const bool covered =
            std::any_of(forms.begin(), forms.end(), [&p](const QString& f) { return f.contains(p.text); });
        if (!covered) missing << p.where + QStringLiteral("  ") + p.text;
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 text(s) core/ writes have no form in ui/i18n/coremessageforms.cpp "
                                       "(add the message form there and translate it):\n")
                            .arg(missing.size()) +
                        missing.join(QLatin1Char('\n'))));
}

void TestCoreMessages::realCoreErrorsReachTheWindowInChinese_data() {
    QTest::addColumn<Trigger>("trigger");
    QTest::addColumn<QString>("value");  // a value the message carries, kept as it is
    const std::string dir = mDir.path().toStdString();

    QTest::newRow("schedule T") << Trigger([] {
        dl::ScheduleParams p;
        p.T = 0;
        return dl::Schedule::validate(p).value_or("");
    }) << QStringLiteral("10000");
    QTest::newRow("schedule betas in the wrong order") << Trigger([] {
        dl::ScheduleParams p;
        p.betaStart = 0.2;
        p.betaEnd = 0.1;
        dl::Schedule s(p);
        return std::string();
    }) << QStringLiteral("0.2");
    QTest::newRow("learning rate") << Trigger([] {
        dl::TrainerConfig c;
        c.learningRate = 20;
        return dl::validateTrainerConfig(c).value_or("");
    }) << QStringLiteral("20");
    QTest::newRow("network width") << Trigger([] {
        dl::MlpConfig c;
        c.hidden = 0;
        return dl::validateMlpConfig(c).value_or("");
    }) << QStringLiteral("0");
    QTest::newRow("sampler eta") << Trigger([] {
        dl::SamplerParams p;
        p.kind = dl::SamplerKind::Ddim;
        p.eta = 2.0;
        return dl::validateSamplerParams(p, dl::Schedule(dl::ScheduleParams{}), 2).value_or("");
    }) << QStringLiteral("2");
    QTest::newRow("CSV with three columns") << Trigger([] {
        dl::parsePointsCsv("1;2;3\n4;5;6\n", "points.csv");
        return std::string();
    }) << QStringLiteral("points.csv");
    QTest::newRow("CSV with a word") << Trigger([] {
        dl::parsePointsCsv("1,2\n3,abc\n", "points.csv");
        return std::string();
    }) << QStringLiteral("'abc'");
    QTest::newRow("CSV with one point") << Trigger([] {
        dl::parsePointsCsv("1,2\n", "points.csv");
        return std::string();
    }) << QStringLiteral("points.csv");
    QTest::newRow("CSV column") << Trigger([] {
        dl::parsePointsCsv("x,y\n1,2\n3,4\n", "points.csv", {}, dl::parseCsvColumns("x,z"));
        return std::string();
    }) << QStringLiteral("z");
    QTest::newRow("empty CSV file") << Trigger([dir] {
        const std::string path = dir + "/empty.csv";
        QFile(QString::fromStdString(path)).open(QIODevice::WriteOnly);
        dl::readPointsCsv(path);
        return std::string();
    }) << QStringLiteral("empty.csv");
    QTest::newRow("truncated model file") << Trigger([] {
        dl::parseModelFile(std::string_view("DLMODEL\0\1\0", 10), "lesson.dlm");
        return std::string();
    }) << QStringLiteral("lesson.dlm");
    QTest::newRow("not a model file") << Trigger([] {
        dl::parseModelFile("hello", "notes.txt");
        return std::string();
    }) << QStringLiteral("notes.txt");
    QTest::newRow("missing image") << Trigger([dir] {
        dl::readImageFile(dir + "/none.png", 256);
        return std::string();
    }) << QStringLiteral("none.png");
    QTest::newRow("bad image") << Trigger([dir] {
        const std::string path = dir + "/broken.png";
        QFile file(QString::fromStdString(path));
        file.open(QIODevice::WriteOnly);
        file.write("not an image at all");
        file.close();
        dl::readImageFile(path, 256);
        return std::string();
    }) << QStringLiteral("broken.png");
    QTest::newRow("JSON") << Trigger([] {
        dl::parseJson("{\"a\" 1}");
        return std::string();
    }) << QStringLiteral("6");
    QTest::newRow("diffusers config") << Trigger([] {
        dl::parseDiffusersSchedulerConfig("{\"beta_schedule\": \"wavy\"}");
        return std::string();
    }) << QStringLiteral("wavy");
    QTest::newRow("empty text shape") << Trigger([] {
        dl::Rng rng(1);
        dl::pointsFromText("", 100, rng);
        return std::string();
    }) << QString();
    // Notes, not errors: what loading an image set changed (a wide image with a transparent half).
    const auto imageSetNote = [dir](int which) {
        return Trigger([dir, which] {
            const std::string path = dir + "/wide.png";
            QImage image(40, 20, QImage::Format_ARGB32);
            image.fill(QColor(20, 20, 20));
            for (int y = 0; y < 20; ++y)
                for (int x = 0; x < 20; ++x) image.setPixelColor(x, y, Qt::transparent);
            image.save(QString::fromStdString(path));
            dl::Rng rng(1);
            std::vector<std::string> notes;
            dl::loadImageSet({path, path}, dl::ImageSetOptions{}, rng, {}, &notes);
            return notes.size() == 2 ? notes[static_cast<std::size_t>(which)] : std::string();
        });
    };
    QTest::newRow("image set: not square") << imageSetNote(0) << QStringLiteral("16×16");
    QTest::newRow("image set: transparent") << imageSetNote(1) << QStringLiteral("#ffffff");
    QTest::newRow("unknown data set") << Trigger([] {
        dl::Rng rng(1);
        dl::generatePoints("banana", 100, rng);
        return std::string();
    }) << QStringLiteral("banana");
}

void TestCoreMessages::realCoreErrorsReachTheWindowInChinese() {
    QFETCH(Trigger, trigger);
    QFETCH(QString, value);
    const std::string message = messageOf(trigger);
    QVERIFY2(!message.empty(), "the core accepted the input");

    QVERIFY(dlui::installLanguage(dlui::Language::SimplifiedChinese));
    const QString shown = dlui::coreMessage(message);
    qInfo().noquote() << shown;
    const QString english = englishSentence(shown);
    QVERIFY2(hasCjk(shown) && english.isEmpty(),
             qPrintable(QStringLiteral("core: %1\nshown: %2\nstill English: %3")
                            .arg(QString::fromStdString(message), shown, english)));
    QVERIFY2(shown.contains(value), qPrintable(shown));

    QVERIFY(dlui::installLanguage(dlui::Language::English));
    QCOMPARE(dlui::coreMessage(message), QString::fromStdString(message));
}

void TestCoreMessages::cleanupTestCase() {
    QVERIFY(dlui::installLanguage(dlui::Language::English));
}

QTEST_MAIN(TestCoreMessages)
#include "tst_coremessages.moc"
