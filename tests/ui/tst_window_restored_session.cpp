// The window reopens on the last session (as the application starts without --fresh) as modified as it
// was when it closed. A session saved with its model, closed and reopened, read "moons.json*": restoring
// the session and loading the model it names counted as edits, so the title claimed unsaved changes and
// quitting asked to save what was already saved. A window closed with changes it did not save keeps "*";
// changes the person chose to discard at the close stay discarded.
#include <qcustomplot.h>

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/support/modaldialogs.h"
#include "tests/support/scheduleerror.h"
#include "tests/support/smalltraining.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/render/palette.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/widgets/logslider.h"
#include "ui/window/labwindow.h"
#include "ui/window/thememenu.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;

namespace {

/// As the application runs: settings remembered, the last session restored.
dlui::MainWindow::Options rememberingOptions() {
    dlui::MainWindow::Options o = dltest::windowTestOptions();
    o.useSettings = true;
    o.restoreLastSession = true;
    return o;
}

/// Types a value into a spin box as a person does: select all, type, Enter.
void typeInto(QSpinBox* box, int value) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
    QTest::keyClick(box, Qt::Key_Enter);
}

/// The window once the restored session's data and model are in: the title is then final.
void waitForRestoredModel(LabWindow& window) {
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->hasModel(), 20000);
    QCoreApplication::processEvents();
}

}  // namespace

class TestWindowRestoredSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void savedSessionReopensSaved();
    void unsavedChangesReopenModified();
    void untouchedStartReopensUntitledAndSaved();
    void changesDiscardedAtTheCloseStayDiscarded();
    void aSessionFileBrokenSinceSaysSo();
    void aRememberedDarkThemeDarkensEveryPlot();

private:
    QTemporaryDir mSettingsDir;
    QTemporaryDir mFiles;
    QString mSessionPath;
};

void TestWindowRestoredSession::initTestCase() {
    QVERIFY(mSettingsDir.isValid() && mFiles.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("DiffusionLabRestoredSessionTests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, mSettingsDir.path());
    QSettings().clear();
    mSessionPath = mFiles.filePath(QStringLiteral("moons.json"));
}

void TestWindowRestoredSession::savedSessionReopensSaved() {
    {
        LabWindow window(rememberingOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dlui::TrainPanel* train = window.live()->trainPanel();
        train->setAskBeforeDiscard(false);
        train->setSettings(dltest::smallTraining(50));
        QSignalSpy ended(window.live()->trainingController(), &dlui::TrainingController::runEnded);
        QTest::mouseClick(train->trainButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QString error;
        // Saved before the model: the session cannot hold it, and the status bar says so.
        QVERIFY2(window.saveSessionTo(mSessionPath, &error), qPrintable(error));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("without the trained model")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY2(train->saveModelTo(mFiles.filePath(QStringLiteral("moons.dlmodel")), &error),
                 qPrintable(error));
        QVERIFY2(window.saveSessionTo(mSessionPath, &error), qPrintable(error));
        QVERIFY2(!window.statusBar()->currentMessage().contains(QStringLiteral("without")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.close());
    }
    LabWindow window(rememberingOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    waitForRestoredModel(window);
    QCOMPARE(window.sessionPath(), mSessionPath);
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("moons.json")), qPrintable(window.windowTitle()));
    QVERIFY(!window.document()->isModified());
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.document()->isModelSaved());
    QVERIFY(window.close());
}

void TestWindowRestoredSession::unsavedChangesReopenModified() {
    {
        LabWindow window(rememberingOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        waitForRestoredModel(window);
        QVERIFY(!window.isWindowModified());
        QSpinBox* T = window.schedulePanel()->stepsBox();
        typeInto(T, T->value() + 10);  // an edit the person does not save
        QTRY_VERIFY(window.isWindowModified());
        QVERIFY(window.close());
    }
    LabWindow window(rememberingOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    waitForRestoredModel(window);
    QCOMPARE(window.sessionPath(), mSessionPath);
    QVERIFY(window.document()->isModified());
    QVERIFY(window.isWindowModified());
    QVERIFY(window.close());
}

void TestWindowRestoredSession::untouchedStartReopensUntitledAndSaved() {
    QSettings().clear();
    {
        LabWindow window(rememberingOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.close());
    }
    LabWindow window(rememberingOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("untitled")), qPrintable(window.windowTitle()));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.close());
    QSettings().clear();
}

// Closing with changes and answering "Discard": the next start brought the discarded changes back, "*" and
// all. It now opens the session as its file has it.
void TestWindowRestoredSession::changesDiscardedAtTheCloseStayDiscarded() {
    QSettings().clear();
    const QString path = mFiles.filePath(QStringLiteral("kept.json"));
    int savedT = 0;
    {
        dlui::MainWindow::Options asking = rememberingOptions();
        asking.askBeforeDiscard = true;
        LabWindow window(asking);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString error;
        QVERIFY2(window.saveSessionTo(path, &error), qPrintable(error));
        QSpinBox* T = window.schedulePanel()->stepsBox();
        savedT = T->value();
        typeInto(T, savedT + 10);
        QTRY_VERIFY(window.isWindowModified());
        bool asked = false;
        dltest::whenModalOpens<QMessageBox>([&asked](QMessageBox* box) {
            asked = true;
            box->button(QMessageBox::Discard)->click();
        });
        QVERIFY(window.close());
        QVERIFY(asked);
    }
    LabWindow window(rememberingOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.sessionPath(), path);
    QCOMPARE(window.document()->schedule().T(), savedT);
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.close());
    QSettings().clear();
}

// After a Discard the next start reopens the session's file; a file broken since then gives a message, and
// the window starts on its defaults instead of failing.
void TestWindowRestoredSession::aSessionFileBrokenSinceSaysSo() {
    QSettings().clear();
    const QString path = mFiles.filePath(QStringLiteral("broken.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"diffusion-lab-session\", \"schedule\": ");  // cut off
    }
    {
        QSettings settings;
        settings.setValue(QStringLiteral("session/path"), path);  // no session/last: as after a Discard
    }
    LabWindow window(rememberingOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Could not reopen ")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.document()->dataSet() && window.document()->dataSet()->size() > 0);
    QVERIFY(window.sessionPath().isEmpty());
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.close());
    QSettings().clear();
}

// Started on a remembered dark theme, the loss plot (and the comparison's plots) stayed white beside the
// dark schedule plots until the theme was switched away and back: the theme reached the plots before
// the window had made them.
void TestWindowRestoredSession::aRememberedDarkThemeDarkensEveryPlot() {
    QSettings().clear();
    QSettings().setValue(QStringLiteral("view/theme"),
                         dlui::ThemeMenu::themeName(dlui::ThemeMenu::Theme::Dark));
    LabWindow window(rememberingOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto plots = window.findChildren<QCustomPlot*>();
    QVERIFY(plots.size() >= 4);  // the schedule's three, the loss, the comparison's
    for (QCustomPlot* plot : plots) {
        plot->replot();
        const QImage image = plot->toPixmap(plot->width(), plot->height()).toImage();
        QVERIFY2(qGray(image.pixel(2, 2)) < 100,
                 qPrintable(QStringLiteral("%1 (in %2): its corner is %3")
                                .arg(plot->objectName(), plot->parentWidget()->objectName(),
                                     QColor(image.pixel(2, 2)).name())));
    }
    // The Schedule dock's "Not applied" message, hidden until now, in a red that reads on the dark.
    QTRY_VERIFY2(dltest::showScheduleError(window) >= 4.5,
                 qPrintable(QString::number(dltest::showScheduleError(window))));
    QVERIFY(window.close());
    QSettings().clear();
}

QTEST_MAIN(TestWindowRestoredSession)
#include "tst_window_restored_session.moc"
