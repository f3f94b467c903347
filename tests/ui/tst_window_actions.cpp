// Every action of the main window does something: the test walks all QActions of the window (menus,
// toolbar, the Model & Train and Sampling docks, dock toggles) and fails on any whose triggered/toggled
// signal reaches nothing and that opens no menu. The same for the push and tool buttons of the docks and
// the timeline bar.
#include <QAbstractButton>
#include <QAction>
#include <QButtonGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QMenu>
#include <QMenuBar>
#include <QMetaMethod>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "tests/support/modaldialogs.h"
#include "tests/support/windowtestoptions.h"
#include "ui/i18n/translations.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

bool isConnected(const QObject* object, const QMetaMethod& signal) {
    // isSignalConnected is protected. A class derived from QObject may name it, and the member pointer it
    // gets is QObject's own, so it is called on the object as it is (no downcast to a type it is not).
    struct Peek : QObject {
        static bool connected(const QObject* o, const QMetaMethod& s) {
            constexpr auto isSignalConnected = &Peek::isSignalConnected;
            return (o->*isSignalConnected)(s);
        }
    };
    return Peek::connected(object, signal);
}

QString describe(const QAction* action) {
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    return QStringLiteral("\"%1\" (%2, parent %3)")
        .arg(text, action->objectName(),
             action->parent() ? QString::fromLatin1(action->parent()->metaObject()->className())
                              : QStringLiteral("none"));
}

}  // namespace

class TestWindowActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyActionIsConnected();
    void everyButtonIsConnected();
    void menusReachTheExpectedActions();
    void accessKeysAreUniqueInEachMenu_data();
    void accessKeysAreUniqueInEachMenu();
    void fileDialogsNeverReadTheFilesTheyList();
};

void TestWindowActions::everyActionIsConnected() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QMetaMethod triggered = QMetaMethod::fromSignal(&QAction::triggered);
    const QMetaMethod toggled = QMetaMethod::fromSignal(&QAction::toggled);
    const QList<QAction*> actions = window.findChildren<QAction*>();
    QVERIFY(actions.size() > 30);  // menus, toolbar, docks: the walk must see them all
    QStringList dead;
    int docks = 0;
    for (const QAction* action : actions) {
        if (action->isSeparator() || action->menu()) continue;
        if (qobject_cast<const QDockWidget*>(action->parent())) ++docks;
        if (!isConnected(action, triggered) && !isConnected(action, toggled)) dead << describe(action);
    }
    QVERIFY(docks >= 4);  // Data, Schedule, Model & Train, Sampling toggles
    QVERIFY2(dead.isEmpty(),
             qPrintable(QStringLiteral("connected to nothing: ") + dead.join(QStringLiteral(", "))));
    // And the ones a person uses most are in the list the walk covered.
    const MainWindow::Actions& a = window.actions();
    for (const QAction* action :
         {a.exportFrames, a.exportSchedulePlots, a.exportLossPlot, a.exportDataCsv, a.exportSamplesCsv,
          a.exportTrajectoryCsv, a.exportScheduleCsv, a.exportLossCsv, a.copyView, a.train, a.sample,
          a.gettingStarted, a.returnFocus})
        QVERIFY2(actions.contains(const_cast<QAction*>(action)), qPrintable(describe(action)));
}

void TestWindowActions::everyButtonIsConnected() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QMetaMethod clicked = QMetaMethod::fromSignal(&QAbstractButton::clicked);
    const QMetaMethod toggledSignal = QMetaMethod::fromSignal(&QAbstractButton::toggled);
    const QMetaMethod pressed = QMetaMethod::fromSignal(&QAbstractButton::pressed);
    QStringList dead;
    for (const QAbstractButton* button : window.findChildren<QAbstractButton*>()) {
        // Check boxes and radio buttons hold a setting that is read when it is used (Sample reads "Clip"),
        // so they need no connection of their own; buttons that do something must have one.
        if (button->isCheckable() || button->group()) continue;
        if (auto* tool = qobject_cast<const QToolButton*>(button);
            tool && (tool->defaultAction() || tool->menu()))
            continue;  // toolbar buttons run their action, checked above
        if (QString::fromLatin1(button->metaObject()->className()).startsWith(QLatin1Char('Q')) &&
            button->objectName().startsWith(QLatin1String("qt_")))
            continue;  // Qt's own (dock title bar, scroll area corners)
        if (!isConnected(button, clicked) && !isConnected(button, toggledSignal) &&
            !isConnected(button, pressed))
            dead << QStringLiteral("\"%1\" (%2)").arg(button->text(), button->objectName());
    }
    QVERIFY2(dead.isEmpty(),
             qPrintable(QStringLiteral("buttons connected to nothing: ") + dead.join(QStringLiteral(", "))));
}

void TestWindowActions::menusReachTheExpectedActions() {
    LabWindow window(dltest::windowTestOptions());
    QStringList menus;
    for (const QAction* menu : window.menuBar()->actions()) menus << menu->text();
    QCOMPARE(menus,
             (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Run"),
                          QStringLiteral("&View"), QStringLiteral("&Lessons"), QStringLiteral("&Help")}));
    // The View menu's dock toggles show the docks' titles as they are: no stray mnemonic from "&".
    QStringList toggles;
    for (const QAction* action : window.viewMenu()->actions()) {
        if (action->isSeparator()) continue;
        toggles << action->text();
    }
    QVERIFY2(toggles.contains(QStringLiteral("Model && Train")), qPrintable(toggles.join(QLatin1Char('|'))));
}

namespace {

/// The letter after a single "&" in a menu item's text ("&&" is a drawn ampersand), lower-cased; none: 0.
QChar accessKey(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return QChar();
}

/// "Menu: item and item share K" for each letter two items of `menu` (or of a menu under it) share.
void findSharedKeys(const QMenu* menu, QStringList* shared) {
    QHash<QChar, QString> taken;
    for (QAction* action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible()) continue;
        if (action->menu()) findSharedKeys(action->menu(), shared);
        const QChar key = accessKey(action->text());
        if (key.isNull()) continue;
        if (taken.contains(key))
            *shared << QStringLiteral("%1: \"%2\" and \"%3\" share %4")
                           .arg(menu->title(), taken.value(key), action->text(), QString(key));
        else
            taken.insert(key, action->text());
    }
}

}  // namespace

// Alt and a letter reach a menu's item only when no other item of that menu has the letter: in Chinese the
// Run menu had 训练(T) and 停止训练(T), the View menu 演示模式(R) and 恢复默认设置(R).
void TestWindowActions::accessKeysAreUniqueInEachMenu_data() {
    QTest::addColumn<dlui::Language>("language");
    QTest::newRow("English") << dlui::Language::English;
    QTest::newRow("Chinese") << dlui::Language::SimplifiedChinese;
}

void TestWindowActions::accessKeysAreUniqueInEachMenu() {
    QFETCH(dlui::Language, language);
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(dlui::switchLanguage(language));
    QStringList shared;
    QHash<QChar, QString> bar;
    for (QAction* top : window.menuBar()->actions()) {
        if (!top->menu() || !top->isVisible()) continue;
        findSharedKeys(top->menu(), &shared);
        const QChar key = accessKey(top->text());
        if (!key.isNull() && bar.contains(key))
            shared << QStringLiteral("menu bar: \"%1\" and \"%2\"").arg(bar.value(key), top->text());
        bar.insert(key, top->text());
    }
    dlui::switchLanguage(dlui::Language::English);
    QVERIFY2(shared.isEmpty(), qPrintable(shared.join(QLatin1Char('\n'))));
    // View ▸ Language: each entry has a key of its own (they had none).
    auto* languages = window.findChild<QMenu*>(QStringLiteral("languageMenu"));
    QVERIFY(languages);
    QStringList keys;
    for (const QAction* entry : languages->actions()) keys << QString(accessKey(entry->text()));
    QCOMPARE(keys, (QStringList{QStringLiteral("e"), QStringLiteral("c")}));
}

// Qt's file dialog asked the MIME database for each listed file's type, which reads files whose name
// does not tell it: typing "/proc/" as root froze the window for good on /proc/kmsg. The window's file
// dialogs name a file's type from its name alone: a PNG saved as "picture.weird" is a "WEIRD file",
// where reading it says PNG.
void TestWindowActions::fileDialogsNeverReadTheFilesTheyList() {
    QTemporaryDir dir;
    const QString weird = dir.filePath(QStringLiteral("picture.weird"));
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(weird, "PNG"));
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const dlui::MainWindow::Actions& a = window.actions();
    for (QAction* action : {a.open, a.saveSessionAs, a.exportDataCsv, a.exportLossPlot}) {
        QString type = QStringLiteral("no file dialog");
        dltest::whenModalOpens<QFileDialog>([&](QFileDialog* dialog) {
            if (const QAbstractFileIconProvider* icons = dialog->iconProvider())
                type = icons->type(QFileInfo(weird));
            dialog->reject();
        });
        action->trigger();
        QVERIFY2(type == QStringLiteral("WEIRD file"),
                 qPrintable(action->text() + QStringLiteral(": ") + type));
    }
}

QTEST_MAIN(TestWindowActions)
#include "tst_window_actions.moc"
