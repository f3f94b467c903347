// The keyboard and the wheel in the real window: after typing into a spin box and pressing Enter (or
// Escape), Space and → move the timeline again; while the field is being edited they stay in the field;
// a click on the view gives it the keys; the wheel over an unfocused spin box or slider inside a dock
// scrolls the dock and leaves the value alone, and changes it once the control has focus; the wheel over a
// plot in a dock scrolls the dock; clicking Train
// or Stop leaves the keys on the button that now stops or starts the run.
#include <qcustomplot.h>

#include <QAbstractButton>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QtTest>

#include "tests/support/modaldialogs.h"
#include "tests/support/windowtestoptions.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/widgets/logslider.h"
#include "ui/widgets/scrollareaaround.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"
#include "ui/window/windowinput.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

/// A wheel turn of one notch (up) over the middle of `widget`, as the window system delivers it.
void wheelOver(QWidget* widget, int notches = 1) {
    const QPointF local(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

QScrollArea* scrollAreaOf(QWidget* widget) {
    for (QWidget* w = widget->parentWidget(); w; w = w->parentWidget())
        if (auto* area = qobject_cast<QScrollArea*>(w)) return area;
    return nullptr;
}

}  // namespace

class TestWindowKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void spacePlaysRightAfterStart();
    void spaceAndArrowsWorkAfterEnterInASpinBox();
    void escapeInAFieldGivesTheKeysBack();
    void clickOnTheViewGivesItTheKeys();
    void wheelOverAnUnfocusedSpinBoxScrollsTheDock();
    void wheelOverAnUnfocusedSliderLeavesItAlone();
    void wheelOverAPlotScrollsTheDock();
    void wheelChangesAFocusedSpinBox();
    void noDockControlTakesFocusFromTheWheel();
    void runButtonsKeepTheKeysOnTheRun();
    void tabNeverStopsOnADocksScrollArea();
    void tabIntoAScrolledDockShowsTheControl();
    void everyMenusAccessKeyOpensIt();
    void theSpeedBoxShowsThePlaybackFactor();
    void loadDataShowsWhenItHasTheKeyboard();
    void altDAnswersDiscardWhenClosing();
    void aFocusedSliderOrComboBoxKeepsItsKeys();
    void aValueOutOfRangeIsExplained();
    void aClickedSliderOrComboBoxLeavesTheKeysToTheTimeline();

private:
    std::unique_ptr<MainWindow> mWindow;
};

void TestWindowKeys::init() {
    mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
    mWindow->resize(1280, 720);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
}

void TestWindowKeys::cleanup() {
    mWindow.reset();
}

// Qt gave the first control of the tab chain, the timeline's t spin box, the keys at start: Space (play)
// went into the field and did nothing until the person clicked the view.
void TestWindowKeys::spacePlaysRightAfterStart() {
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(mWindow->mainView()));
    QVERIFY(!mWindow->timeline()->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(mWindow->timeline()->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(!mWindow->timeline()->isPlaying());
}

void TestWindowKeys::spaceAndArrowsWorkAfterEnterInASpinBox() {
    dlui::Timeline* timeline = mWindow->timeline();
    QSpinBox* steps = mWindow->schedulePanel()->stepsBox();
    steps->setFocus(Qt::MouseFocusReason);
    QTRY_VERIFY(steps->hasFocus());
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("120"));
    // While the number is being typed, → and Home are the field's own (the cursor moves; t does not).
    const int before = timeline->t();
    QTest::keyClick(steps, Qt::Key_Right);
    QCOMPARE(timeline->t(), before);
    QTest::keyClick(steps, Qt::Key_Return);
    QCOMPARE(steps->value(), 120);    // Enter committed the value
    QTRY_VERIFY(!steps->hasFocus());  // … and gave the keys back
    QTRY_VERIFY(mWindow->mainView()->hasFocus());

    timeline->setT(10);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(timeline->t(), 11);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QCOMPARE(timeline->t(), 10);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
    QCOMPARE(timeline->t(), timeline->maximum());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
    QCOMPARE(timeline->t(), 0);
    QVERIFY(!timeline->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(timeline->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(!timeline->isPlaying());
}

void TestWindowKeys::escapeInAFieldGivesTheKeysBack() {
    dlui::Timeline* timeline = mWindow->timeline();
    QDoubleSpinBox* beta = mWindow->schedulePanel()->betaEndSlider()->spinBox();
    beta->setFocus(Qt::MouseFocusReason);
    QTRY_VERIFY(beta->hasFocus());
    QTest::keyClicks(beta, QStringLiteral("5"));
    QTest::keyClick(beta, Qt::Key_Escape);
    QTRY_VERIFY(mWindow->mainView()->hasFocus());
    timeline->setT(20);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(timeline->t(), 21);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(timeline->isPlaying());
    timeline->pause();
}

void TestWindowKeys::clickOnTheViewGivesItTheKeys() {
    dlui::Timeline* timeline = mWindow->timeline();
    QSpinBox* steps = mWindow->schedulePanel()->stepsBox();
    steps->setFocus(Qt::MouseFocusReason);
    QTRY_VERIFY(steps->hasFocus());
    QTest::mouseClick(mWindow->mainView(), Qt::LeftButton, {}, mWindow->mainView()->rect().center());
    QTRY_VERIFY(mWindow->mainView()->hasFocus());
    timeline->setT(5);
    QTest::keyClick(mWindow->mainView(), Qt::Key_Right);
    QCOMPARE(timeline->t(), 6);
}

void TestWindowKeys::wheelOverAnUnfocusedSpinBoxScrollsTheDock() {
    // A short window, so the schedule dock has to scroll.
    mWindow->resize(1280, 480);
    QSpinBox* steps = mWindow->schedulePanel()->stepsBox();
    QScrollArea* area = scrollAreaOf(steps);
    QVERIFY(area);
    QTRY_VERIFY(area->verticalScrollBar()->maximum() > 0);
    area->verticalScrollBar()->setValue(0);
    QVERIFY(!steps->hasFocus());
    const int value = steps->value();
    wheelOver(steps, -1);  // towards the user: scroll down
    QCOMPARE(steps->value(), value);
    QVERIFY(!steps->hasFocus());
    QVERIFY2(area->verticalScrollBar()->value() > 0, "the wheel did not scroll the dock");
}

void TestWindowKeys::wheelOverAnUnfocusedSliderLeavesItAlone() {
    dlui::LogSlider* betaEnd = mWindow->schedulePanel()->betaEndSlider();
    const double value = betaEnd->value();
    wheelOver(betaEnd->slider());
    wheelOver(betaEnd->spinBox());
    QCOMPARE(betaEnd->value(), value);
    QCOMPARE(mWindow->document()->schedule().params().betaEnd, value);
}

void TestWindowKeys::wheelOverAPlotScrollsTheDock() {
    mWindow->resize(1280, 480);  // short, so the docks scroll
    QList<QWidget*> plots;
    for (QCustomPlot* plot : mWindow->schedulePanel()->plots()->plots()) plots.append(plot);
    plots.append(dlui::TrainingAndSampling::of(mWindow.get())->trainPanel()->lossPlot()->plot());
    for (QWidget* plot : plots) {
        QScrollArea* area = scrollAreaOf(plot);
        QVERIFY(area);
        QTRY_VERIFY(area->verticalScrollBar()->maximum() > 0);
        area->verticalScrollBar()->setValue(0);
        wheelOver(plot, -1);
        QVERIFY2(area->verticalScrollBar()->value() > 0, qPrintable(plot->objectName()));
    }
}

void TestWindowKeys::wheelChangesAFocusedSpinBox() {
    QSpinBox* steps = mWindow->schedulePanel()->stepsBox();
    steps->setFocus(Qt::MouseFocusReason);
    QTRY_VERIFY(steps->hasFocus());
    const int value = steps->value();
    wheelOver(steps);
    QCOMPARE(steps->value(), value + 1);
}

// The tests above send their wheel events, and Qt gives focus for the wheel only to events from the window
// system, before any event filter sees them: a control with Qt::WheelFocus (every spin box's default)
// took the focus and then its value changed under the first turn of a real wheel (Features 128 → 116
// while scrolling the Model & Train dock). No control inside a dock may take focus from the wheel.
void TestWindowKeys::noDockControlTakesFocusFromTheWheel() {
    int controls = 0;
    for (QWidget* widget : mWindow->findChildren<QWidget*>()) {
        if (!dlui::WindowInput::isValueControl(widget) || !scrollAreaOf(widget)) continue;
        ++controls;
        const QString name = widget->objectName().isEmpty()
                                 ? QString::fromLatin1(widget->metaObject()->className())
                                 : widget->objectName();
        QVERIFY2((widget->focusPolicy() & Qt::WheelFocus) != Qt::WheelFocus, qPrintable(name));
    }
    QVERIFY(controls > 20);
}

void TestWindowKeys::runButtonsKeepTheKeysOnTheRun() {
    dlui::TrainingAndSampling* live = dlui::TrainingAndSampling::of(mWindow.get());
    dlui::TrainPanel* panel = live->trainPanel();
    // A click gives the button the focus; Train is then disabled under it.
    QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
    QCOMPARE(live->trainingController()->state(), dlui::TrainingController::State::Running);
    QVERIFY2(panel->pauseButton()->hasFocus(),
             qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : "nothing"));
    QTest::mouseClick(panel->stopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(live->trainingController()->state(), dlui::TrainingController::State::Stopped,
                              10000);
    QVERIFY2(panel->trainButton()->hasFocus(),
             qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : "nothing"));

    // Continue, and Train again after its Discard question, end on Pause too.
    QTest::mouseClick(panel->continueButton(), Qt::LeftButton);
    QCOMPARE(live->trainingController()->state(), dlui::TrainingController::State::Running);
    QVERIFY(panel->pauseButton()->hasFocus());
    QTest::mouseClick(panel->stopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(live->trainingController()->state(), dlui::TrainingController::State::Stopped,
                              10000);
    panel->setAskBeforeDiscard(true);
    QTimer::singleShot(50, mWindow.get(), [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Discard)->click();
    });
    QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
    QCOMPARE(live->trainingController()->state(), dlui::TrainingController::State::Running);
    mWindow->activateWindow();  // as the window system does when the question closes
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    QVERIFY2(panel->pauseButton()->hasFocus(),
             qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : "nothing"));
    live->trainingController()->stop();
}

// Tab from the view went t field → (nothing shown) → the Data dock: the dock's scroll area took the focus
// with no mark of it, and ↓ then scrolled the dock. Every stop of the tab chain is now a control.
void TestWindowKeys::tabNeverStopsOnADocksScrollArea() {
    mWindow->mainView()->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(mWindow->mainView()->hasFocus());
    QSet<QWidget*> visited;
    for (int i = 0; i < 60; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QVERIFY2(
            !qobject_cast<QScrollArea*>(focus),
            qPrintable(QStringLiteral("Tab %1 stopped on the scroll area of %2")
                           .arg(i + 1)
                           .arg(focus->parentWidget() ? focus->parentWidget()->objectName() : QString())));
        visited.insert(focus);
    }
    QVERIFY2(visited.size() >= 10, qPrintable(QString::number(visited.size())));
}

// The Schedule dock scrolled down to its plots, then Tab from the Data dock's last control: the focus went
// to the Kind box out of sight, and ↑ changed the schedule's kind with nothing on screen showing it.
void TestWindowKeys::tabIntoAScrolledDockShowsTheControl() {
    QScrollArea* area = dlui::scrollAreaAround(mWindow->schedulePanel());
    QVERIFY(area);
    QTRY_VERIFY(area->verticalScrollBar()->maximum() > 0);
    area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
    QWidget* kind = mWindow->schedulePanel()->kindBox();
    const auto inSight = [&](const QWidget* w) {
        const QRect shown = area->viewport()->rect();
        const QRect place(w->mapTo(area->viewport(), QPoint(0, 0)), w->size());
        return shown.contains(place);
    };
    QVERIFY(!inSight(kind));
    mWindow->dataPanel()->applyButton()->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 10 && !kind->hasFocus(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY2(kind->hasFocus(), QApplication::focusWidget()->metaObject()->className());
    QVERIFY(inSight(kind));
}

// Alt+F, Alt+E and Alt+L went to the Model & Train dock's Features, Seed and LR fields instead of the File,
// Edit and Lessons menus: the fields' labels had the menus' access keys. No label or button of the window
// takes a menu's letter, and each menu's Alt+letter opens it.
void TestWindowKeys::everyMenusAccessKeyOpensIt() {
    const auto accessKey = [](const QString& text) -> QChar {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("&([^&])")).match(text);
        return m.hasMatch() ? m.captured(1).at(0).toLower() : QChar();
    };
    QList<QAction*> menus;
    QString menuKeys;
    for (QAction* a : mWindow->menuBar()->actions())
        if (a->menu() && a->isVisible() && !accessKey(a->text()).isNull()) {
            menus << a;
            menuKeys += accessKey(a->text());
        }
    QVERIFY(menus.size() >= 6);
    QStringList clashes;
    for (const QLabel* label : mWindow->findChildren<QLabel*>())
        if (label->buddy() && menuKeys.contains(accessKey(label->text()))) clashes << label->text();
    for (const QAbstractButton* button : mWindow->findChildren<QAbstractButton*>())
        if (menuKeys.contains(accessKey(button->text()))) clashes << button->text();
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral(", "))));
    // The user's path, with a dock's field holding the keyboard.
    auto* live = dlui::TrainingAndSampling::of(mWindow.get());
    QVERIFY(live);
    for (QAction* menu : menus) {
        live->trainPanel()->setFocus();
        QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : mWindow.get();
        QTest::keyClick(focus, accessKey(menu->text()).toLatin1(), Qt::AltModifier);
        QTRY_VERIFY2(menu->menu()->isVisible(), qPrintable(menu->text()));
        menu->menu()->close();
        QTRY_VERIFY(!menu->menu()->isVisible());
    }
}

// "]" twice made playback run at 4× while the box under the view still read "25 steps/s": the factor is
// shown beside the box, and goes when it is back to 1.
void TestWindowKeys::theSpeedBoxShowsThePlaybackFactor() {
    auto* rate = mWindow->timelineWidget()->findChild<QLabel*>(QStringLiteral("timelineRate"));
    QVERIFY(rate);
    QVERIFY(!rate->isVisible());
    mWindow->mainView()->setFocus();
    QTest::keyClick(mWindow->mainView(), Qt::Key_BracketRight);
    QTest::keyClick(mWindow->mainView(), Qt::Key_BracketRight);
    QTRY_COMPARE(mWindow->timeline()->rateFactor(), 4.0);
    QVERIFY(rate->isVisible());
    QCOMPARE(rate->text(), QStringLiteral("× 4"));
    QTest::keyClick(mWindow->mainView(), Qt::Key_BracketLeft);
    QTest::keyClick(mWindow->mainView(), Qt::Key_BracketLeft);
    QTRY_COMPARE(mWindow->timeline()->rateFactor(), 1.0);
    QVERIFY(!rate->isVisible());
}

// Load data was drawn as a default button, whose frame is the focus frame's blue: Tab on it changed nothing
// to see. (Outside a dialog a default button does nothing with Enter anyway.)
void TestWindowKeys::loadDataShowsWhenItHasTheKeyboard() {
    QPushButton* load = mWindow->dataPanel()->applyButton();
    mWindow->mainView()->setFocus();
    QTRY_VERIFY(!load->hasFocus());
    const QImage without = load->grab().toImage();
    // By Tab, as a person gets there (the style draws the focus frame only after a key moved the focus).
    QWidget* before = mWindow->dataPanel()->perAxisBox();
    before->setFocus();
    QTest::keyClick(before, Qt::Key_Tab);
    QTRY_VERIFY2(load->hasFocus(), QApplication::focusWidget()
                                       ? QApplication::focusWidget()->metaObject()->className()
                                       : "none");
    const QImage with = load->grab().toImage();
    QVERIFY(without.size() == with.size());
    int changed = 0;
    for (int y = 0; y < with.height(); ++y)
        for (int x = 0; x < with.width(); ++x) changed += with.pixel(x, y) != without.pixel(x, y);
    QVERIFY2(changed > with.width(), qPrintable(QStringLiteral("%1 pixels differ").arg(changed)));
}

// The unsaved-work question took Return (Save) and Escape (Cancel), but its Discard only by Tab or the
// mouse: Qt's "Discard" has no access key on most desktops. Alt+D answers it, and the window closes.
void TestWindowKeys::altDAnswersDiscardWhenClosing() {
    dlui::MainWindow::Options options = dltest::windowTestOptions();
    options.askBeforeDiscard = true;
    LabWindow window(options);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.document()->setModified(true);
    QString discardText;
    dltest::whenModalOpens<QMessageBox>([&](QMessageBox* box) {
        if (QAbstractButton* discard = box->button(QMessageBox::Discard)) discardText = discard->text();
        QTest::keyClick(box, Qt::Key_D, Qt::AltModifier);
        // Whatever the key did, the question must not stay open for the rest of the tests.
        QTimer::singleShot(500, box, [box] { box->reject(); });
    });
    const bool closed = window.close();
    QVERIFY2(discardText.contains(QStringLiteral("&D")), qPrintable(discardText));
    QVERIFY(closed);
}

// → on a focused β slider stepped the timeline's t and left β alone, and Home on the focused Kind box sent
// t to 0 instead of choosing the first kind: the window's shortcuts took the keys first. A focused slider
// or combo box keeps the arrows and Home/End; Space still plays.
void TestWindowKeys::aFocusedSliderOrComboBoxKeepsItsKeys() {
    dlui::Timeline* timeline = mWindow->timeline();
    timeline->setT(5);
    QSlider* beta = mWindow->schedulePanel()->betaStartSlider()->slider();
    beta->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(beta->hasFocus());
    const int before = beta->value();
    QTest::keyClick(beta, Qt::Key_Right);
    QTest::keyClick(beta, Qt::Key_Right);
    QCOMPARE(timeline->t(), 5);
    QVERIFY2(beta->value() > before, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(beta->value())));
    QTest::keyClick(beta, Qt::Key_Home);
    QCOMPARE(beta->value(), beta->minimum());
    QCOMPARE(timeline->t(), 5);

    auto* kind = mWindow->schedulePanel()->findChildren<QComboBox*>().value(0);
    QVERIFY(kind && kind->count() > 1);
    kind->setCurrentIndex(kind->count() - 1);
    kind->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(kind->hasFocus());
    QTest::keyClick(kind, Qt::Key_Home);
    QCOMPARE(kind->currentIndex(), 0);
    QCOMPARE(timeline->t(), 5);

    // Space is still the window's Play, with the slider focused.
    beta->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(beta->hasFocus());
    QTest::keyClick(beta, Qt::Key_Space);
    QVERIFY(timeline->isPlaying());
    timeline->pause();
}

// T = 0 then Return put T back to 150 without a word, and so did β = 1.5: the status bar says which
// values the field takes and that it kept the one before.
void TestWindowKeys::aValueOutOfRangeIsExplained() {
    QSpinBox* steps = mWindow->schedulePanel()->stepsBox();
    const int before = steps->value();
    steps->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(steps->hasFocus());
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("0"));
    QTest::keyClick(steps, Qt::Key_Return);
    QCOMPARE(steps->value(), before);
    const QString said = mWindow->statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("“0”")) &&
                 said.contains(steps->locale().toString(steps->minimum()) + QStringLiteral(" to ") +
                               steps->locale().toString(steps->maximum())),
             qPrintable(said));
    // The next value it takes ends the message: it stayed up after T = 5 had been entered.
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("5"));
    QTest::keyClick(steps, Qt::Key_Return);
    QCOMPARE(steps->value(), 5);
    QVERIFY2(mWindow->statusBar()->currentMessage().isEmpty(),
             qPrintable(mWindow->statusBar()->currentMessage()));
    steps->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(steps->hasFocus());

    // Leaving the field by Tab says it too; a value it takes says nothing.
    mWindow->statusBar()->clearMessage();
    QDoubleSpinBox* beta = mWindow->schedulePanel()->betaEndSlider()->spinBox();
    beta->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(beta->hasFocus());
    beta->selectAll();
    QTest::keyClicks(beta, QStringLiteral("1.5"));
    QTest::keyClick(beta, Qt::Key_Tab);
    QVERIFY2(mWindow->statusBar()->currentMessage().contains(QStringLiteral("“1.5”")),
             qPrintable(mWindow->statusBar()->currentMessage()));
    mWindow->statusBar()->clearMessage();
    steps->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(steps->hasFocus());
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("200"));
    QTest::keyClick(steps, Qt::Key_Return);
    QCOMPARE(steps->value(), 200);
    QVERIFY2(mWindow->statusBar()->currentMessage().isEmpty(),
             qPrintable(mWindow->statusBar()->currentMessage()));

    // A digit past the largest value was dropped without a word: "20000" typed into T (at most 10,000)
    // went in as 2000. The status bar says so, and still says it after Return.
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("20000"));
    const QString leftOut = mWindow->statusBar()->currentMessage();
    QVERIFY2(leftOut.contains(QStringLiteral("“20000”")) && leftOut.contains(QStringLiteral("left out")),
             qPrintable(leftOut));
    QTest::keyClick(steps, Qt::Key_Return);
    QCOMPARE(steps->value(), 2000);
    QCOMPARE(mWindow->statusBar()->currentMessage(), leftOut);
}

// DDIM picked with the mouse, then End to see x₀: the sampler box had kept the focus from the click, and
// End made it Langevin while the view still showed DDIM. A slider or combo box set with the mouse leaves
// the keys where they were; Tab still gives it them (aFocusedSliderOrComboBoxKeepsItsKeys).
void TestWindowKeys::aClickedSliderOrComboBoxLeavesTheKeysToTheTimeline() {
    dlui::Timeline* timeline = mWindow->timeline();
    timeline->setT(5);
    auto* sampler = mWindow->findChild<QComboBox*>(QStringLiteral("samplingSampler"));
    QVERIFY(sampler && sampler->isVisible());
    const int picked = sampler->currentIndex();
    QTest::mouseClick(sampler, Qt::LeftButton);
    QTRY_VERIFY(sampler->view()->isVisible());  // its list is open
    sampler->hidePopup();
    QTRY_VERIFY(!sampler->view()->isVisible());
    QVERIFY(!sampler->hasFocus());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : mWindow.get(), Qt::Key_End);
    QCOMPARE(timeline->t(), timeline->maximum());
    QCOMPARE(sampler->currentIndex(), picked);

    QSlider* beta = mWindow->schedulePanel()->betaEndSlider()->slider();
    const int betaBefore = beta->value();
    QTest::mouseClick(beta, Qt::LeftButton, {}, QPoint(beta->width() / 4, beta->height() / 2));
    QVERIFY(!beta->hasFocus());
    const int betaClicked = beta->value();
    QVERIFY2(betaClicked != betaBefore, "the click moved β_end");
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : mWindow.get(), Qt::Key_Home);
    QCOMPARE(timeline->t(), 0);
    QCOMPARE(beta->value(), betaClicked);
}

QTEST_MAIN(TestWindowKeys)
#include "tst_window_keys.moc"
