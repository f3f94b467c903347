// The window's schedule editor says when ᾱ underflows long before T: the default β range (0.001..0.133, for
// T = 150) typed into T = 1000 leaves ᾱ < 2⁻²⁴ from t = 490, and the diagnostic's one-click fix keeps T =
// 1000 with a β range that no longer wastes steps. Its numbers read as a person writes them.
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QtTest>
#include <memory>

#include "core/math/schedule.h"
#include "ui/document/labdocument.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"

namespace {

/// A window on the defaults, 1280 × height, shown.
std::unique_ptr<dlui::LabWindow> openWindow(int height) {
    dlui::MainWindow::Options options;
    options.restoreLastSession = false;
    options.askBeforeDiscard = false;
    options.useSettings = false;
    auto window = std::make_unique<dlui::LabWindow>(options);
    window->resize(1280, height);
    window->show();
    return window;
}

}  // namespace

class TestWindowUnderflowDiagnostic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void underflowIsShownAndFixed();
    void terminalSignalReadsAsAPercentage();
    void cosineJumpSaysItIsTheCosinesOwn();
};

void TestWindowUnderflowDiagnostic::underflowIsShownAndFixed() {
    const auto owned = openWindow(800);
    QVERIFY(QTest::qWaitForWindowExposed(owned.get()));
    dlui::LabWindow& window = *owned;

    dlui::SchedulePanel* panel = window.schedulePanel();
    QCOMPARE(panel->diagnostics()->count(), 0);
    QCOMPARE(window.document()->schedule().params().betaEnd, 0.133);
    panel->stepsBox()->setValue(1000);
    QTRY_COMPARE(panel->diagnostics()->count(), 1);

    QStringList texts;
    for (const QLabel* label : panel->diagnostics()->findChildren<QLabel*>()) texts << label->text();
    const QString shown = texts.join('\n');
    QVERIFY2(shown.contains(QStringLiteral("t = 490")) && shown.contains(QStringLiteral("2⁻²⁴")),
             qPrintable(shown));

    auto* fix = panel->diagnostics()->findChild<QPushButton*>(QStringLiteral("diagnosticFix"));
    QVERIFY(fix);
    QTest::mouseClick(fix, Qt::LeftButton);
    const dl::ScheduleParams& fixed = window.document()->schedule().params();
    QCOMPARE(fixed.T, 1000);
    QCOMPARE(fixed.betaEnd, 0.02);
    QTRY_COMPARE(panel->diagnostics()->count(), 0);
}

// T = 1 keeps √ᾱ_T = √0.999 of the data: the banner said "1e+02 %" (two significant digits of 99.95).
void TestWindowUnderflowDiagnostic::terminalSignalReadsAsAPercentage() {
    const auto window = openWindow(720);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));

    dlui::SchedulePanel* panel = window->schedulePanel();
    panel->stepsBox()->setValue(1);
    QTRY_VERIFY(panel->diagnostics()->count() >= 1);
    QStringList texts;
    for (const QLabel* label : panel->diagnostics()->findChildren<QLabel*>()) texts << label->text();
    const QString shown = texts.join('\n');
    QVERIFY2(shown.contains(QRegularExpression(QStringLiteral("keeps (99\\.9|100) %"))), qPrintable(shown));
    QVERIFY2(!shown.contains(QStringLiteral("e+")), qPrintable(shown));
}

QTEST_MAIN(TestWindowUnderflowDiagnostic)
#include "tst_window_underflow_diagnostic.moc"

// The cosine schedule's last steps jump by definition (β capped at 0.999). The warning read as if the
// schedule were broken, and its button "Use linear β 0.0001..0.02" did not say that it leaves cosine.
void TestWindowUnderflowDiagnostic::cosineJumpSaysItIsTheCosinesOwn() {
    const auto window = openWindow(720);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    dlui::SchedulePanel* panel = window->schedulePanel();
    panel->stepsBox()->setValue(1000);
    panel->kindBox()->setCurrentIndex(panel->kindBox()->findData(static_cast<int>(dl::ScheduleKind::Cosine)));
    QTRY_COMPARE(window->document()->schedule().params().kind, dl::ScheduleKind::Cosine);
    QTRY_VERIFY(panel->diagnostics()->count() >= 1);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the rows of T = 1000, linear
    QStringList texts;
    for (const QLabel* label : panel->diagnostics()->findChildren<QLabel*>()) texts << label->text();
    const QString shown = texts.join('\n');
    QVERIFY2(shown.contains(QStringLiteral("β rises from")) &&
                 shown.contains(QStringLiteral("cosine schedule ends")),
             qPrintable(shown));
    auto* fix = panel->diagnostics()->findChild<QPushButton*>(QStringLiteral("diagnosticFix"));
    QVERIFY(fix);
    QVERIFY2(fix->text().startsWith(QStringLiteral("Switch to linear")), qPrintable(fix->text()));
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(window->document()->schedule().params().kind, dl::ScheduleKind::Linear);
}
