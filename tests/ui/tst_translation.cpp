// The Simplified Chinese translation: the catalogue is complete and up to date with the sources, the
// window starts in Chinese under LANG=zh_CN.UTF-8 (ctest runs this file with that locale), View → Language
// re-words the open window live and back again, core messages reach the window translated, and no
// visible text of the window draws a missing-glyph box in either language.
#include <QAbstractButton>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QXmlStreamReader>
#include <QtTest>

#include "core/math/schedule.h"
#include "core/training/trainer.h"
#include "tests/support/windowtestoptions.h"
#include "ui/i18n/coremessages.h"
#include "ui/i18n/translations.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/window/labwindow.h"

namespace {

const QString kCatalogue = QStringLiteral(DL_TEST_SOURCE_DIR "/resources/translations/diffusionlab_zh_CN.ts");

struct Message {
    QString context, source, comment, translation;
    bool unfinished = false;
};

QList<Message> readCatalogue(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            current.unfinished = !type.isEmpty();  // unfinished, vanished or obsolete
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << current;
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return out;
}

QSet<QString> keys(const QList<Message>& messages) {
    QSet<QString> out;
    for (const Message& m : messages) out.insert(m.context + QStringLiteral(" | ") + m.source + QStringLiteral(" | ") + m.comment);
    return out;
}

QStringList placeholders(const QString& text) {
    static const QRegularExpression p(QStringLiteral("%L?([1-9][0-9]?|n)"));
    QStringList out;
    auto it = p.globalMatch(text);
    while (it.hasNext()) out << it.next().captured(1);
    out.sort();
    return out;
}

// Every text a person sees in the window: labels, buttons, group boxes, menus, actions, dock titles.
QStringList visibleTexts(QWidget* root) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root)) continue;
        if (auto* l = qobject_cast<QLabel*>(w)) out << l->text();
        if (auto* b = qobject_cast<QAbstractButton*>(w)) out << b->text() << b->toolTip();
        if (auto* g = qobject_cast<QGroupBox*>(w)) out << g->title();
        if (auto* d = qobject_cast<QDockWidget*>(w)) out << d->windowTitle();
        if (auto* s = qobject_cast<QAbstractSpinBox*>(w)) out << s->toolTip();
    }
    for (QAction* a : root->findChildren<QAction*>())
        if (!a->isSeparator()) out << a->text() << a->toolTip();
    out.removeAll(QString());
    return out;
}

// Characters of `text` that no font on the machine draws in `font` (Qt falls back across fonts; glyph
// index 0 is the missing-glyph box).
QString missingGlyphs(const QString& text, const QFont& font) {
    QTextLayout layout(text, font);
    layout.beginLayout();
    while (layout.createLine().isValid()) {
    }
    layout.endLayout();
    QString missing;
    for (const QGlyphRun& run : layout.glyphRuns()) {
        const QList<quint32> glyphs = run.glyphIndexes();
        const QList<qsizetype> chars = run.stringIndexes();
        for (int i = 0; i < glyphs.size(); ++i)
            if (glyphs[i] == 0 && i < chars.size()) {
                const QChar c = text.at(chars[i]);
                if (!c.isSpace() && c.category() != QChar::Other_Control) missing += c;
            }
    }
    return missing;
}

}  // namespace

class TestTranslation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsInChineseUnderZhLocale();
    void catalogueIsCompleteAndConsistent();
    void catalogueIsUpToDateWithTheSources();
    void languageSwitchesLiveThroughTheViewMenu();
    void coreMessagesAreTranslated();
    void noMissingGlyphsInTheScheduleBanner_data();
    void noMissingGlyphsInTheScheduleBanner();
};

void TestTranslation::startsInChineseUnderZhLocale() {
    // ctest runs this file with LANG=zh_CN.UTF-8 (tests/ui/CMakeLists.txt), as a person's desktop would.
    QCOMPARE(QLocale::system().language(), QLocale::Chinese);
    QCOMPARE(dlui::startupLanguage(/*useSettings=*/false), dlui::Language::SimplifiedChinese);
    QCOMPARE(dlui::installStartupLanguage(/*useSettings=*/false), dlui::Language::SimplifiedChinese);
    dlui::LabWindow window(dltest::windowTestOptions());
    QCOMPARE(window.menuBar()->actions().value(0)->text(), QStringLiteral("文件(&F)"));
    auto* dataDock = window.findChild<QDockWidget*>(QStringLiteral("dataDock"));
    QVERIFY(dataDock);
    QCOMPARE(dataDock->windowTitle(), QStringLiteral("数据"));
    auto* chinese = window.findChild<QAction*>(QStringLiteral("languageSimplifiedChinese"));
    QVERIFY(chinese && chinese->isChecked());
    // Back to English for the tests that follow.
    QVERIFY(dlui::installLanguage(dlui::Language::English));
}

void TestTranslation::catalogueIsCompleteAndConsistent() {
    QString error;
    const QList<Message> messages = readCatalogue(kCatalogue, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 600);
    QStringList problems;
    for (const Message& m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        if (m.unfinished || m.translation.trimmed().isEmpty())
            problems << QStringLiteral("untranslated  ") + where;
        else if (placeholders(m.source) != placeholders(m.translation))
            problems << QStringLiteral("placeholders differ  ") + where;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s); run scripts/update-translations.sh "
                                                           "and translate:\n")
                                                .arg(problems.size()) +
                                            problems.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestTranslation::catalogueIsUpToDateWithTheSources() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LUPDATE"), QStringLiteral(DL_LUPDATE));
    lupdate.setProcessEnvironment(env);
    lupdate.start(QStringLiteral("bash"),
                  {QStringLiteral(DL_TEST_SOURCE_DIR "/scripts/update-translations.sh"), fresh});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QString error;
    const QSet<QString> committed = keys(readCatalogue(kCatalogue, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QSet<QString> sources = keys(readCatalogue(fresh, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList added = QSet<QString>(sources).subtract(committed).values();
    QStringList gone = QSet<QString>(committed).subtract(sources).values();
    added.sort();
    gone.sort();
    QVERIFY2(added.isEmpty() && gone.isEmpty(),
             qPrintable(QStringLiteral("resources/translations/diffusionlab_zh_CN.ts is out of date: run "
                                       "scripts/update-translations.sh and translate.\nnew in the sources (%1):\n  ")
                            .arg(added.size()) +
                        added.mid(0, 15).join(QStringLiteral("\n  ")) +
                        QStringLiteral("\ngone from the sources (%1):\n  ").arg(gone.size()) +
                        gone.mid(0, 15).join(QStringLiteral("\n  "))));
}

void TestTranslation::languageSwitchesLiveThroughTheViewMenu() {
    QVERIFY(dlui::installLanguage(dlui::Language::English));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* dataDock = window.findChild<QDockWidget*>(QStringLiteral("dataDock"));
    auto* trainDock = window.findChild<QDockWidget*>(QStringLiteral("trainDock"));
    QVERIFY(dataDock);
    QCOMPARE(window.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    QCOMPARE(dataDock->windowTitle(), QStringLiteral("Data"));
    const QStringList english = visibleTexts(&window);
    QVERIFY(english.contains(QStringLiteral("Load data")));

    // View → Language → 简体中文, the way a person reaches it.
    QMenu* view = window.viewMenu();
    QAction* languageMenu = nullptr;
    for (QAction* a : view->actions())
        if (a->menu() && a->menu()->objectName() == QLatin1String("languageMenu")) languageMenu = a;
    QVERIFY(languageMenu);
    QAction* chinese = languageMenu->menu()->findChild<QAction*>(QStringLiteral("languageSimplifiedChinese"));
    QVERIFY(chinese);
    chinese->trigger();
    QCOMPARE(dlui::currentLanguage(), dlui::Language::SimplifiedChinese);
    QCoreApplication::processEvents();  // the widgets' own LanguageChange handlers

    QCOMPARE(window.menuBar()->actions().value(0)->text(), QStringLiteral("文件(&F)"));
    QCOMPARE(window.viewMenu()->title(), QStringLiteral("视图(&V)"));
    QCOMPARE(languageMenu->text(), QStringLiteral("语言(&L)"));
    QCOMPARE(dataDock->windowTitle(), QStringLiteral("数据"));
    if (trainDock) QCOMPARE(trainDock->windowTitle(), QStringLiteral("模型与训练"));
    QCOMPARE(window.actions().train->text(), QStringLiteral("训练(&T)"));
    const QStringList chineseTexts = visibleTexts(&window);
    QVERIFY(chineseTexts.contains(QStringLiteral("加载数据")));

    // No text on screen is still an English message that has a Chinese translation.
    QString error;
    QSet<QString> englishOnly;
    for (const Message& m : readCatalogue(kCatalogue, &error))
        if (m.translation != m.source && placeholders(m.source).isEmpty()) englishOnly.insert(m.source);
    QStringList leftOver;
    for (const QString& text : chineseTexts)
        if (englishOnly.contains(text)) leftOver << text;
    QVERIFY2(leftOver.isEmpty(), qPrintable(QStringLiteral("still English after the switch:\n") +
                                            leftOver.join(QLatin1Char('\n'))));

    // And back: every text returns to what it was.
    auto* english2 = languageMenu->menu()->findChild<QAction*>(QStringLiteral("languageEnglish"));
    QVERIFY(english2);
    english2->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(dlui::currentLanguage(), dlui::Language::English);
    const QStringList back = visibleTexts(&window);
    QStringList differ;
    for (int i = 0; i < std::min(back.size(), english.size()); ++i)
        if (back[i] != english[i]) differ << english[i] + QStringLiteral("  →  ") + back[i];
    QVERIFY2(differ.isEmpty() && back.size() == english.size(),
             qPrintable(QStringLiteral("not restored:\n") + differ.join(QLatin1Char('\n'))));
}

void TestTranslation::coreMessagesAreTranslated() {
    QVERIFY(dlui::installLanguage(dlui::Language::SimplifiedChinese));
    // Real messages from the core, so a change of wording there shows up here.
    dl::ScheduleParams p;
    p.T = 0;
    const auto problem = dl::Schedule::validate(p);
    QVERIFY(problem);
    const QString shown = dlui::coreMessage(*problem);
    QVERIFY2(shown.startsWith(QStringLiteral("T 必须是")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("10000")), qPrintable(shown));
    dl::TrainerConfig c;
    c.batchSize = 0;
    const auto trainerProblem = dl::validateTrainerConfig(c);
    QVERIFY(trainerProblem);
    QCOMPARE(dlui::coreMessage(*trainerProblem), QStringLiteral("批大小必须在 1 到 1048576 之间，当前为 0"));
    // Nested: the inner message is translated too; an unknown one stays as the core wrote it.
    QCOMPARE(dlui::coreMessage(std::string("cannot save model: steps must be at least 1, got 0")),
             QStringLiteral("无法保存模型：步数至少为 1，当前为 0"));
    QCOMPARE(dlui::coreMessage(std::string("something new")), QStringLiteral("something new"));
    QVERIFY(dlui::installLanguage(dlui::Language::English));
    QCOMPARE(dlui::coreMessage(*trainerProblem), QString::fromStdString(*trainerProblem));
}

void TestTranslation::noMissingGlyphsInTheScheduleBanner_data() {
    QTest::addColumn<bool>("chinese");
    QTest::newRow("English") << false;
    QTest::newRow("简体中文") << true;
}

void TestTranslation::noMissingGlyphsInTheScheduleBanner() {
    QFETCH(bool, chinese);
    QVERIFY(dlui::installLanguage(chinese ? dlui::Language::SimplifiedChinese : dlui::Language::English));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The banner with no problem (✓) and with one (⚠, 2⁻²⁴, a fix button).
    QStringList problems;
    const auto check = [&problems](QWidget* root) {
        for (QWidget* w : root->findChildren<QWidget*>()) {
            QString text;
            if (auto* l = qobject_cast<QLabel*>(w)) text = l->text();
            if (auto* b = qobject_cast<QAbstractButton*>(w)) text = b->text();
            if (text.isEmpty() || !w->isVisible()) continue;
            const QString missing = missingGlyphs(text, w->font());
            if (!missing.isEmpty()) problems << QStringLiteral("'%1' in: %2").arg(missing, text);
        }
    };
    dlui::SchedulePanel* panel = window.schedulePanel();
    QCOMPARE(panel->diagnostics()->count(), 0);
    check(&window);
    panel->stepsBox()->setValue(1000);
    QTRY_COMPARE(panel->diagnostics()->count(), 1);
    check(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(dlui::installLanguage(dlui::Language::English));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
