// The Simplified Chinese translation: the catalogue is complete and up to date with the sources, the
// window starts in Chinese under LANG=zh_CN.UTF-8 (ctest runs this file with that locale), View → Language
// re-words the open window live and back again (texts of several messages and after training and
// sampling too), core messages reach the window translated, and no visible or painted text of the window
// draws a missing-glyph box in either language.
#include <qcustomplot.h>

#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPaintEngine>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBoundaryFinder>
#include <QTextBrowser>
#include <QTextEdit>
#include <QTextLayout>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtTest>

#include "core/math/schedule.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"
#include "tests/support/modaldialogs.h"
#include "tests/support/windowtestoptions.h"
#include "ui/compare/comparison.h"
#include "ui/compare/comparisonview.h"
#include "ui/compare/windowcompare.h"
#include "ui/document/labdocument.h"
#include "ui/explain/explainpanel.h"
#include "ui/export/exportdialog.h"
#include "ui/i18n/accesskeytext.h"
#include "ui/i18n/coremessages.h"
#include "ui/i18n/translations.h"
#include "ui/render/comparisonframes.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"
#include "ui/window/trainingandsampling.h"

Q_DECLARE_METATYPE(dl::ScheduleParams)

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
    for (const Message& m : messages)
        out.insert(m.context + QStringLiteral(" | ") + m.source + QStringLiteral(" | ") + m.comment);
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

// Visible texts that still hold an English sentence (three English words in a row) after a switch to
// Chinese: texts built from several messages that nothing re-worded. Rich text and tooltips count.
QStringList englishLeftOver(QWidget* root) {
    static const QRegularExpression sentence(QStringLiteral("\\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\\b"));
    QStringList texts = visibleTexts(root);
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root)) continue;
        if (auto* t = qobject_cast<QTextEdit*>(w)) texts << t->toPlainText();
        if (auto* c = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < c->count(); ++i) texts << c->itemText(i);
        texts << w->toolTip();
    }
    if (auto* window = qobject_cast<QMainWindow*>(root)) texts << window->statusBar()->currentMessage();
    QStringList out;
    for (const QString& text : texts) {
        const auto m = sentence.match(text);
        if (m.hasMatch() && !m.captured(0).endsWith(QLatin1String(" et al")))
            out << QStringLiteral("'%1' in: %2").arg(m.captured(0), text.left(160));
    }
    out.removeDuplicates();
    return out;
}

// Lets posted work run: LanguageChange handlers, rows they replaced (deleteLater) and rows they added
// (a widget added to a shown layout is shown by a queued call).
void settle() {
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

// Characters of `text` that no font on the machine draws in `font`: each grapheme is laid out on its
// own (Qt falls back across fonts), and glyph index 0 is the missing-glyph box.
QString missingGlyphs(const QString& text, const QFont& font) {
    QString missing;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype start = 0;
    for (qsizetype end = graphemes.toNextBoundary(); end != -1; end = graphemes.toNextBoundary()) {
        const QString grapheme = text.mid(start, end - start);
        start = end;
        if (grapheme.trimmed().isEmpty() || grapheme.at(0).category() == QChar::Other_Control) continue;
        QTextLayout layout(grapheme, font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        for (const QGlyphRun& run : layout.glyphRuns())
            for (quint32 glyph : run.glyphIndexes())
                if (glyph == 0) missing += grapheme;
    }
    return missing;
}

// A paint device that keeps the texts drawn on it, each with its font, and draws nothing: rendering a
// widget tree into it lists what its paint events write (the scene caption, the curve editor's axis, the
// timeline), which no widget property holds.
class TextRecorder : public QPaintDevice {
public:
    struct Drawn {
        QString text;
        QFont font;
    };
    explicit TextRecorder(QSize size) : mSize(size) {}
    QPaintEngine* paintEngine() const override { return &mEngine; }
    const QList<Drawn>& texts() const { return mEngine.texts; }

protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
            case PdmWidth:
                return mSize.width();
            case PdmHeight:
                return mSize.height();
            case PdmDpiX:
            case PdmDpiY:
            case PdmPhysicalDpiX:
            case PdmPhysicalDpiY:
                return 96;
            case PdmDepth:
                return 32;
            case PdmNumColors:
                return INT_MAX;
            case PdmDevicePixelRatio:
                return 1;
            case PdmDevicePixelRatioScaled:
                return int(devicePixelRatioFScale());
            default:
                return QPaintDevice::metric(m);
        }
    }

private:
    class Engine : public QPaintEngine {
    public:
        Engine() : QPaintEngine(AllFeatures) {}
        bool begin(QPaintDevice*) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState&) override {}
        void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
        void drawImage(const QRectF&, const QImage&, const QRectF&, Qt::ImageConversionFlags) override {}
        void drawTiledPixmap(const QRectF&, const QPixmap&, const QPointF&) override {}
        void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
        void drawPolygon(const QPoint*, int, PolygonDrawMode) override {}
        void drawPath(const QPainterPath&) override {}
        void drawLines(const QLineF*, int) override {}
        void drawLines(const QLine*, int) override {}
        void drawRects(const QRectF*, int) override {}
        void drawRects(const QRect*, int) override {}
        void drawEllipse(const QRectF&) override {}
        void drawPoints(const QPointF*, int) override {}
        void drawTextItem(const QPointF&, const QTextItem& item) override {
            texts << Drawn{item.text(), item.font()};
        }
        Type type() const override { return User; }
        QList<Drawn> texts;
    };
    QSize mSize;
    mutable Engine mEngine;
};

/// The access key a control's text marks ("&Speed:" → S, "速度(&S)" → S), or none; "&&" is an ampersand.
QChar accessKeyOf(const QString& text) {
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toUpper();
    }
    return {};
}

/// "key: text, text" for every access key that two visible controls under root mark: Alt with that key
/// reached only the first of them.
QStringList sharedAccessKeys(const QWidget* root) {
    QMultiMap<QChar, QString> users;
    for (const QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root)) continue;
        QString text;
        if (const auto* button = qobject_cast<const QAbstractButton*>(w))
            text = button->text();
        else if (const auto* label = qobject_cast<const QLabel*>(w); label && label->buddy())
            text = label->text();
        else if (const auto* group = qobject_cast<const QGroupBox*>(w))
            text = group->title();
        if (const QChar key = accessKeyOf(text); !key.isNull()) users.insert(key, text);
    }
    QStringList shared;
    for (const QChar key : users.uniqueKeys())
        if (users.count(key) > 1)
            shared << QString(key) + QStringLiteral(": ") + users.values(key).join(QStringLiteral(", "));
    return shared;
}

}  // namespace

class TestTranslation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsInChineseUnderZhLocale();
    void catalogueIsCompleteAndConsistent();
    void catalogueIsUpToDateWithTheSources();
    void languageSwitchesLiveThroughTheViewMenu();
    void languageSwitchesLiveAfterTrainingAndSampling();
    void modelStatusFollowsTheLanguageBothWays();
    void scheduleDescriptionsFollowTheLanguageWhole_data();
    void scheduleDescriptionsFollowTheLanguageWhole();
    void comparisonCaptionsFollowTheLanguage();
    void toolBarButtonsShowNoAccessKeys();
    void noTwoControlsOfADialogShareAnAccessKey();
    void coreMessagesAreTranslated();
    void noMissingGlyphsInTheScheduleBanner_data();
    void noMissingGlyphsInTheScheduleBanner();
    void noMissingGlyphsInPaintedTexts_data();
    void noMissingGlyphsInPaintedTexts();
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
    // A schedule's description names its kind in Chinese too (it read "linear T=1000, …"), with the Kind
    // box's word (it said 线性型 beside the box's 线性).
    const QString schedule = dlui::describeSchedule(dl::ScheduleParams{});
    QVERIFY2(schedule.startsWith(QStringLiteral("线性 T=1000")), qPrintable(schedule));
    QComboBox* kindBox = window.schedulePanel()->kindBox();
    QVERIFY(kindBox);
    for (int i = 0; i < kindBox->count(); ++i) {
        dl::ScheduleParams p;
        p.kind = static_cast<dl::ScheduleKind>(kindBox->itemData(i).toInt());
        // The box's word up to its first bracket: 缩放线性（√β 线性） is described as 缩放线性 T=….
        const QString word = kindBox->itemText(i).section(QStringLiteral("（"), 0, 0);
        const QString described = dlui::describeSchedule(p);
        QVERIFY2(described.startsWith(word + QStringLiteral(" T=")),
                 qPrintable(kindBox->itemText(i) + QStringLiteral(" / ") + described));
    }
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
        // Side by side in the source ("%2%3"), arguments stay side by side in the translation: the live
        // switch cannot tell where one ends and the next begins, and a translation that parts them
        // misplaces text ("第 %2 步%3" showed "第 步5,000").
        static const QRegularExpression adjacent(QStringLiteral("(%L?[1-9][0-9]?)(?=(%L?[1-9][0-9]?))"));
        for (auto it = adjacent.globalMatch(m.source); it.hasNext();) {
            const auto pair = it.next();
            if (!m.translation.contains(pair.captured(1) + pair.captured(2)))
                problems << QStringLiteral("adjacent placeholders parted  ") + where;
        }
    }
    // The live switch finds a text's message by the text itself, so the way back must be unique: two
    // sources never share a translation, and a source has one translation in every context.
    QHash<QString, QString> sourceOf, translationOf;
    for (const Message& m : messages) {
        if (m.unfinished) continue;
        const QString other = sourceOf.value(m.translation, m.source);
        if (other != m.source)
            problems
                << QStringLiteral("'%1' translates both '%2' and '%3'").arg(m.translation, other, m.source);
        sourceOf.insert(m.translation, m.source);
        const QString before = translationOf.value(m.source, m.translation);
        if (before != m.translation)
            problems << QStringLiteral("'%1' has two translations: '%2' and '%3'")
                            .arg(m.source, before, m.translation);
        translationOf.insert(m.source, m.translation);
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s); run scripts/update-translations.sh "
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
             qPrintable(
                 QStringLiteral("resources/translations/diffusionlab_zh_CN.ts is out of date: run "
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
    window.schedulePanel()->stepsBox()->setValue(1000);  // a diagnostic in the banner: ᾱ underflows
    QTRY_COMPARE(window.schedulePanel()->diagnostics()->count(), 1);
    // Texts built from several messages: a label of two messages one to a line, the Explain panel's rich
    // text, a tooltip made of a message and a shortcut, and the presets' tooltip (a message with lines).
    auto* twoLines =
        new QLabel(QCoreApplication::translate("dlui::DataPanel", "Load data") + QLatin1Char('\n') +
                       QCoreApplication::translate("dlui::MainWindow", "Quit now?"),
                   &window);
    twoLines->show();
    auto* explainDock = window.findChild<QDockWidget*>(QStringLiteral("explainDock"));
    auto* explain = window.findChild<dlui::ExplainPanel*>();
    QVERIFY(explainDock && explain);
    explainDock->show();
    explainDock->raise();
    auto* preset = window.findChild<QComboBox*>(QStringLiteral("trainPreset"));
    QVERIFY(preset);
    const QString explainEnglish = explain->textView()->toPlainText();
    QVERIFY2(explainEnglish.contains(QStringLiteral("Forward step: add a little noise")),
             qPrintable(explainEnglish));
    QVERIFY2(window.actions().train->toolTip().startsWith(QStringLiteral("Train the denoiser (or resume) (")),
             qPrintable(window.actions().train->toolTip()));
    settle();
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
    settle();  // the widgets' own LanguageChange handlers, and the rows they replaced

    QCOMPARE(window.menuBar()->actions().value(0)->text(), QStringLiteral("文件(&F)"));
    QCOMPARE(window.viewMenu()->title(), QStringLiteral("视图(&V)"));
    QCOMPARE(languageMenu->text(), QStringLiteral("语言(&L)"));
    QCOMPARE(dataDock->windowTitle(), QStringLiteral("数据"));
    if (trainDock) QCOMPARE(trainDock->windowTitle(), QStringLiteral("模型与训练"));
    QCOMPARE(window.actions().train->text(), QStringLiteral("训练(&T)"));
    const QStringList chineseTexts = visibleTexts(&window);
    QStringList banner;
    for (const QLabel* label : window.schedulePanel()->diagnostics()->findChildren<QLabel*>())
        banner << label->text();
    QVERIFY2(banner.join(QLatin1Char(' ')).contains(QStringLiteral("ᾱ 在 t = 490 处低于 2⁻²⁴")),
             qPrintable(banner.join(QLatin1Char(' '))));
    QVERIFY(chineseTexts.contains(QStringLiteral("加载数据")));

    // No text on screen is still an English message that has a Chinese translation.
    QString error;
    QSet<QString> englishOnly;
    for (const Message& m : readCatalogue(kCatalogue, &error))
        if (m.translation != m.source && placeholders(m.source).isEmpty()) englishOnly.insert(m.source);
    QStringList leftOver;
    for (const QString& text : chineseTexts)
        if (englishOnly.contains(text)) leftOver << text;
    // Texts with values filled in follow too: the status line and the tooltips that name a shortcut.
    QVERIFY2(window.statusBar()->findChildren<QLabel*>().size() >= 1, "no status label");
    const QString status = window.statusBar()->findChildren<QLabel*>().first()->text();
    QVERIFY2(status.startsWith(QStringLiteral("数据：双月，N = ")), qPrintable(status));
    QCOMPARE(window.actions().open->toolTip(),
             QStringLiteral("打开会话、点的 CSV 文件或图像（%1）")
                 .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    QVERIFY2(leftOver.isEmpty(), qPrintable(QStringLiteral("still English after the switch:\n") +
                                            leftOver.join(QLatin1Char('\n'))));
    QCOMPARE(twoLines->text(),
             QStringLiteral("加载数据\n") + QCoreApplication::translate("dlui::MainWindow", "Quit now?"));
    QVERIFY(!twoLines->text().endsWith(QStringLiteral("Quit now?")));
    const QString explainChinese = explain->textView()->toPlainText();
    QVERIFY2(!explainChinese.contains(QStringLiteral("Forward step")) &&
                 explainChinese.contains(
                     QCoreApplication::translate("dlui::EquationText", "Forward step: add a little noise")),
             qPrintable(explainChinese));
    QCOMPARE(window.actions().train->toolTip(),
             QCoreApplication::translate("dlui::MainWindow", "%1 (%2)")
                 .arg(QCoreApplication::translate("dlui::MainWindow", "Train the denoiser (or resume)"),
                      window.actions().train->shortcut().toString(QKeySequence::NativeText)));
    QVERIFY2(preset->toolTip().startsWith(QStringLiteral("二维点的网络规模")), qPrintable(preset->toolTip()));
    const QStringList glued = englishLeftOver(&window);
    QVERIFY2(glued.isEmpty(), qPrintable(QStringLiteral("English sentences after the switch:\n") +
                                         glued.join(QLatin1Char('\n'))));

    // And back: every text returns to what it was.
    auto* english2 = languageMenu->menu()->findChild<QAction*>(QStringLiteral("languageEnglish"));
    QVERIFY(english2);
    english2->trigger();
    settle();
    QCOMPARE(dlui::currentLanguage(), dlui::Language::English);
    QCOMPARE(twoLines->text(), QStringLiteral("Load data\nQuit now?"));
    QCOMPARE(explain->textView()->toPlainText(), explainEnglish);
    QVERIFY2(preset->toolTip().startsWith(QStringLiteral("Network and step budget")),
             qPrintable(preset->toolTip()));
    QStringList back = visibleTexts(&window);
    QStringList before = english;
    back.sort();  // rebuilt rows come back in another order among the children
    before.sort();
    QStringList differ;
    for (int i = 0; i < std::min(back.size(), before.size()); ++i)
        if (back[i] != before[i]) differ << before[i] + QStringLiteral("  →  ") + back[i];
    QVERIFY2(differ.isEmpty() && back.size() == before.size(),
             qPrintable(QStringLiteral("not restored:\n") + differ.join(QLatin1Char('\n'))));
}

// With a trained model, samples and a schedule edited since, the panels show texts of several lines and
// values (the schedule the model was trained with, a note that the editor differs, the quality line).
void TestTranslation::languageSwitchesLiveAfterTrainingAndSampling() {
    QVERIFY(dlui::installLanguage(dlui::Language::English));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::TrainingAndSampling* live = dlui::TrainingAndSampling::of(&window);
    QVERIFY(live);
    dlui::TrainPanel* train = live->trainPanel();
    train->setAskBeforeDiscard(false);
    dlui::TrainingSettings small = dlui::TrainingSettings::defaults();
    small.model.hidden = 32;
    small.model.layers = 1;
    small.trainer.steps = 150;
    small.trainer.threads = 1;
    train->setSettings(small);
    QSignalSpy ended(live->trainingController(), &dlui::TrainingController::runEnded);
    window.actions().train->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    live->samplingPanel()->setPointCount(200);
    QSignalSpy ready(live->samplingPanel(), &dlui::SamplingPanel::samplesReady);
    window.actions().sample->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    window.schedulePanel()->stepsBox()->setValue(600);  // the editor now differs from the model's schedule
    window.timeline()->pause();                         // the numbers stay as they are while texts change
    settle();
    const QString note = QStringLiteral("The editor shows another schedule; sampling uses the model's.");
    QStringList englishLabels;
    for (const QLabel* l : train->findChildren<QLabel*>()) englishLabels << l->text();
    QVERIFY2(englishLabels.join(QLatin1Char('\n')).contains(note),
             qPrintable(englishLabels.join(QLatin1Char('\n'))));
    const QStringList before = visibleTexts(&window);

    QVERIFY(dlui::switchLanguage(dlui::Language::SimplifiedChinese));
    settle();
    QStringList chineseLabels;
    for (const QLabel* l : train->findChildren<QLabel*>()) chineseLabels << l->text();
    QVERIFY2(chineseLabels.join(QLatin1Char('\n'))
                 .contains(QCoreApplication::translate("dlui::TrainPanel", note.toUtf8())),
             qPrintable(chineseLabels.join(QLatin1Char('\n'))));
    QStringList samplingLabels;
    for (const QLabel* l : live->samplingPanel()->findChildren<QLabel*>()) samplingLabels << l->text();
    QVERIFY2(samplingLabels.join(QLatin1Char('\n'))
                 .contains(QLatin1Char('\n') +
                           QCoreApplication::translate(
                               "dlui::SamplingPanel",
                               "(the editor shows another schedule, used only by the forward view)")),
             qPrintable(samplingLabels.join(QLatin1Char('\n'))));
    // The status bar's run figures, worded again: "第 150 步", not "第 步150".
    auto* runStatus = window.findChild<QLabel*>(QStringLiteral("trainingStatus"));
    QVERIFY(runStatus);
    QVERIFY2(runStatus->text().contains(QStringLiteral("第 150 步")), qPrintable(runStatus->text()));
    // The view's caption names the run sampled in English in the new language too (it kept
    // "learned, step 150"), and the view words it again by itself: with the timeline paused nothing
    // else redraws it, and it stayed English until t moved.
    QCOMPARE(window.timeline()->mode(), dlui::Timeline::Mode::Reverse);
    const auto caption = [&window] { return window.mainView()->scene().caption; };
    QTRY_VERIFY2(caption().startsWith(QCoreApplication::translate("dlui::MainView", "reverse · %1 · t = %2")
                                          .section(QLatin1Char(' '), 0, 0)),
                 qPrintable(caption()));
    QVERIFY2(!caption().contains(QStringLiteral("learned")) && caption().contains(QStringLiteral("150")),
             qPrintable(caption()));
    const QStringList glued = englishLeftOver(&window);
    QVERIFY2(glued.isEmpty(), qPrintable(QStringLiteral("English sentences after the switch:\n") +
                                         glued.join(QLatin1Char('\n'))));

    QVERIFY(dlui::switchLanguage(dlui::Language::English));
    settle();
    QStringList back = visibleTexts(&window);
    QStringList expected = before;
    back.sort();
    expected.sort();
    QStringList differ;
    for (int i = 0; i < std::min(back.size(), expected.size()); ++i)
        if (back[i] != expected[i]) differ << expected[i] + QStringLiteral("  →  ") + back[i];
    QVERIFY2(differ.isEmpty() && back.size() == expected.size(),
             qPrintable(QStringLiteral("not restored:\n") + differ.join(QLatin1Char('\n'))));
}

// The model's line in the status bar is built from two messages when the model was trained on other data;
// after switching to Chinese and back it read "Model: linear T=150, … · 在其他数据上训练".
void TestTranslation::modelStatusFollowsTheLanguageBothWays() {
    QVERIFY(dlui::installLanguage(dlui::Language::English));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::LabDocument* doc = window.document();
    auto snap = std::make_shared<dl::TrainingSnapshot>();
    snap->config = dl::defaultMlpConfig();
    snap->schedule = doc->schedule().params();
    doc->setModel(snap, doc->schedule());
    dlui::DataSource other = doc->dataSource();
    other.seed += 1;
    doc->setDataSet(*doc->dataSet(), other);
    QVERIFY(!doc->modelMatchesData());
    auto* label = window.findChild<QLabel*>(QStringLiteral("modelStatus"));
    QVERIFY(label);
    settle();
    const QString english = label->text();
    QVERIFY2(english.contains(QStringLiteral("trained on other data")), qPrintable(english));

    const auto backToEnglish = qScopeGuard([] { dlui::switchLanguage(dlui::Language::English); });
    QVERIFY(dlui::switchLanguage(dlui::Language::SimplifiedChinese));
    settle();
    const QString otherData = QCoreApplication::translate("dlui::MainWindow", " · trained on other data");
    QVERIFY2(label->text().contains(otherData) && !label->text().contains(QStringLiteral("Model:")),
             qPrintable(label->text()));
    QVERIFY(dlui::switchLanguage(dlui::Language::English));
    settle();
    QCOMPARE(label->text(), english);
}

void TestTranslation::scheduleDescriptionsFollowTheLanguageWhole_data() {
    QTest::addColumn<dl::ScheduleParams>("params");
    dl::ScheduleParams cosine;
    cosine.kind = dl::ScheduleKind::Cosine;
    cosine.T = 1000;
    cosine.zeroTerminalSnr = true;
    dl::ScheduleParams scaled;
    scaled.kind = dl::ScheduleKind::ScaledLinear;
    scaled.T = 1000;
    scaled.betaStart = 0.00085;
    scaled.betaEnd = 0.012;
    dl::ScheduleParams scaledZero = scaled;
    scaledZero.zeroTerminalSnr = true;
    QTest::newRow("cosine, zero SNR") << cosine;
    QTest::newRow("scaled_linear with its β") << scaled;
    QTest::newRow("scaled_linear with its β, zero SNR") << scaledZero;
}

// A model's schedule described in the Sampling and Model & Train docks, then View → Language → 简体中文:
// the description is several messages put together (the kind and T, the β range, "zero-SNR"), and the
// live switch re-worded only the first ("使用模型自己的调度采样：余弦 T=1000, zero-SNR" beside "零 SNR" in
// the status bar). Both docks now read as the window started in Chinese would.
void TestTranslation::scheduleDescriptionsFollowTheLanguageWhole() {
    QFETCH(dl::ScheduleParams, params);
    QVERIFY(dlui::installLanguage(dlui::Language::English));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto snap = std::make_shared<dl::TrainingSnapshot>();
    snap->config = dl::defaultMlpConfig();
    snap->schedule = params;
    window.document()->setModel(snap, dl::Schedule(params));
    settle();
    auto* sampling = window.findChild<dlui::SamplingPanel*>();
    auto* train = window.findChild<dlui::TrainPanel*>();
    QVERIFY(sampling && train);
    const auto backToEnglish = qScopeGuard([] { dlui::switchLanguage(dlui::Language::English); });
    QVERIFY(dlui::switchLanguage(dlui::Language::SimplifiedChinese));
    settle();
    const QString chinese = dlui::describeSchedule(params);
    QVERIFY2(chinese != QStringLiteral("cosine T=1000, zero-SNR"), qPrintable(chinese));
    QVERIFY2(sampling->scheduleNote().contains(chinese),
             qPrintable(sampling->scheduleNote() + QStringLiteral(" | ") + chinese));
    QVERIFY2(train->scheduleText().contains(chinese),
             qPrintable(train->scheduleText() + QStringLiteral(" | ") + chinese));
    QVERIFY(dlui::switchLanguage(dlui::Language::English));
    settle();
    QVERIFY2(sampling->scheduleNote().contains(dlui::describeSchedule(params)),
             qPrintable(sampling->scheduleNote()));
}

// Compare side by side made its panes' captions when it first drew them: after a switch to Chinese they
// stayed English ("linear T=150 … · exact denoiser"). A language switch re-words them.
void TestTranslation::comparisonCaptionsFollowTheLanguage() {
    QVERIFY(dlui::installLanguage(dlui::Language::English));
    dlui::LabDocument document;
    dlui::Comparison comparison(&document);
    QVERIFY(comparison.frames() && comparison.frames()->paneCount() >= 1);
    const QString english = comparison.frames()->caption(0, 0);
    QVERIFY2(english.contains(QStringLiteral("exact denoiser")), qPrintable(english));
    const auto backToEnglish = qScopeGuard([] { dlui::switchLanguage(dlui::Language::English); });
    QVERIFY(dlui::switchLanguage(dlui::Language::SimplifiedChinese));
    settle();
    const QString chinese = comparison.frames()->caption(0, 0);
    QVERIFY2(chinese.contains(QStringLiteral("精确去噪器")) && !chinese.contains(QStringLiteral("linear")),
             qPrintable(chinese));
}

// The export dialog marked A for both Animation and Arrow field, S for Speed and Save to, B for Background
// and Browse; the comparison's bar A for Apply and Sample again: Alt with the key reached only the first.
// In both languages, no two controls of the export dialog or the comparison share an access key.
void TestTranslation::noTwoControlsOfADialogShareAnAccessKey() {
    QVERIFY(dlui::installLanguage(dlui::Language::English));
    const auto backToEnglish = qScopeGuard([] { dlui::switchLanguage(dlui::Language::English); });
    QStringList shared;
    for (const dlui::Language language : {dlui::Language::English, dlui::Language::SimplifiedChinese}) {
        QVERIFY(dlui::switchLanguage(language));
        settle();
        const QString name =
            language == dlui::Language::English ? QStringLiteral("English") : QStringLiteral("Chinese");
        dlui::LabWindow window(dltest::windowTestOptions());
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool opened = false;
        dltest::whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
            opened = true;
            for (const QString& clash : sharedAccessKeys(dialog))
                shared << name + QStringLiteral(" export dialog ") + clash;
            dialog->reject();
        });
        window.actions().exportFrames->trigger();
        QVERIFY(opened);
        dlui::WindowCompare* compare = dlui::WindowCompare::of(&window);
        QVERIFY(compare);
        compare->toggleAction()->trigger();
        QTRY_VERIFY(compare->view() && compare->view()->isVisible());
        for (const QString& clash : sharedAccessKeys(compare->view()))
            shared << name + QStringLiteral(" comparison ") + clash;
    }
    QVERIFY2(shared.isEmpty(), qPrintable(shared.join(QLatin1Char('\n'))));
}

// The tool bar in Chinese read "打开(O)…", "保存会话(S)", "训练(T)": Qt drops the "&" of an access key but
// not the brackets Chinese writes it in, and a button has no access key to press.
void TestTranslation::toolBarButtonsShowNoAccessKeys() {
    QCOMPARE(dlui::withoutAccessKey(QStringLiteral("&Open…")), QStringLiteral("Open…"));
    QCOMPARE(dlui::withoutAccessKey(QStringLiteral("打开(&O)…")), QStringLiteral("打开…"));
    QCOMPARE(dlui::withoutAccessKey(QStringLiteral("训练 (&T)")), QStringLiteral("训练"));
    QCOMPARE(dlui::withoutAccessKey(QStringLiteral("模型与训练（&M）")), QStringLiteral("模型与训练"));
    QCOMPARE(dlui::withoutAccessKey(QStringLiteral("Model && Train (&M)")), QStringLiteral("Model & Train"));
    QCOMPARE(dlui::withoutAccessKey(QStringLiteral("(a) and (b)")), QStringLiteral("(a) and (b)"));

    QVERIFY(dlui::installLanguage(dlui::Language::English));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* bar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    const auto backToEnglish = qScopeGuard([] { dlui::switchLanguage(dlui::Language::English); });
    QVERIFY(dlui::switchLanguage(dlui::Language::SimplifiedChinese));
    settle();
    static const QRegularExpression bracketedKey(QStringLiteral("[(\uFF08][A-Za-z0-9][)\uFF09]"));
    int buttons = 0;
    for (const QToolButton* button : bar->findChildren<QToolButton*>()) {
        if (!button->defaultAction() || button->defaultAction()->isSeparator()) continue;
        ++buttons;
        QVERIFY2(!button->text().contains(bracketedKey), qPrintable(button->text()));
        QVERIFY2(!button->text().isEmpty() && button->text() != button->defaultAction()->text(),
                 qPrintable(button->text()));
    }
    QVERIFY(buttons >= 5);
    // Help ▸ Getting started lists the keys by their menu entries: "播放速度(D) ▸ 加快(F)" kept the brackets.
    window.actions().gettingStarted->trigger();
    auto* started = window.findChild<QMessageBox*>(QStringLiteral("gettingStarted"));
    QVERIFY(started);
    QVERIFY2(started->text().contains(QStringLiteral("播放速度")), qPrintable(started->text()));
    QVERIFY2(!started->text().contains(bracketedKey), qPrintable(started->text()));
    started->close();
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
        // The schedule plots' axis labels and legend entries.
        for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) {
            if (!plot->isVisible()) continue;
            for (QCPAxisRect* rect : plot->axisRects())
                for (QCPAxis* axis : rect->axes()) {
                    const QString missing = missingGlyphs(axis->label(), axis->labelFont());
                    if (!missing.isEmpty())
                        problems << QStringLiteral("'%1' in: %2").arg(missing, axis->label());
                }
            for (int i = 0; i < plot->plottableCount(); ++i) {
                const QString name = plot->plottable(i)->name();
                const QString missing = missingGlyphs(name, plot->legend->font());
                if (!missing.isEmpty()) problems << QStringLiteral("'%1' in: %2").arg(missing, name);
            }
        }
    };
    // The check itself can fail: a private-use character has a glyph in no font.
    QCOMPARE(missingGlyphs(QStringLiteral("a\uE000b"), window.font()), QStringLiteral("\uE000"));
    dlui::SchedulePanel* panel = window.schedulePanel();
    QCOMPARE(panel->diagnostics()->count(), 0);
    check(&window);
    panel->stepsBox()->setValue(1000);
    QTRY_COMPARE(panel->diagnostics()->count(), 1);
    check(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(dlui::installLanguage(dlui::Language::English));
}

void TestTranslation::noMissingGlyphsInPaintedTexts_data() {
    QTest::addColumn<bool>("chinese");
    QTest::newRow("English") << false;
    QTest::newRow("简体中文") << true;
}

void TestTranslation::noMissingGlyphsInPaintedTexts() {
    QFETCH(bool, chinese);
    QVERIFY(dlui::installLanguage(chinese ? dlui::Language::SimplifiedChinese : dlui::Language::English));
    dlui::LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.schedulePanel()->stepsBox()->setValue(1000);  // the banner's warning, with 2⁻²⁴
    QTRY_COMPARE(window.schedulePanel()->diagnostics()->count(), 1);
    settle();
    // The check can fail: a private-use character painted by a label has a glyph in no font.
    QLabel probe(QStringLiteral("a\uE000b"));
    probe.resize(120, 30);
    TextRecorder probeRecorder(probe.size());
    probe.render(&probeRecorder);
    QVERIFY(
        std::any_of(probeRecorder.texts().begin(), probeRecorder.texts().end(),
                    [](const TextRecorder::Drawn& d) { return !missingGlyphs(d.text, d.font).isEmpty(); }));

    TextRecorder recorder(window.size());
    window.render(&recorder);
    QStringList drawn, problems;
    for (const TextRecorder::Drawn& d : recorder.texts()) {
        drawn << d.text;
        const QString missing = missingGlyphs(d.text, d.font);
        if (!missing.isEmpty()) problems << QStringLiteral("'%1' in: %2").arg(missing, d.text);
    }
    // The recorder sees the painted texts: the scene's caption names t, and the window's own words are
    // in the chosen language.
    // (The caption keeps "t = 0" on one line with no-break spaces.)
    const QString all = drawn.join(QLatin1Char('\n')).replace(QChar::Nbsp, QLatin1Char(' '));
    QVERIFY2(all.contains(QStringLiteral("t = ")), qPrintable(all));
    QVERIFY2(all.contains(chinese ? QStringLiteral("数据") : QStringLiteral("Data")), qPrintable(all));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(dlui::installLanguage(dlui::Language::English));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
