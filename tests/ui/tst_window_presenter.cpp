// Presenter mode on the real window: F11 makes it full screen, hides the docks, toolbars and status bar
// but keeps the timeline, and at least doubles the widgets' fonts, the plots' axis fonts and the view's
// caption; F11 or Escape again restores the layout exactly (dock visibility, geometry, saveState bytes,
// fonts) — on a 1280×720 projector and on a 1440×900 laptop. The chosen controls stay and are
// remembered; icons and dots are sharp at a devicePixelRatio of 2.
#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFontInfo>
#include <QLabel>
#include <QMessageBox>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QStyleOptionButton>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>
#include <functional>
#include <vector>

#include "../support/modaldialogs.h"
#include "../support/windowtestoptions.h"
#include "core/io/lessonfile.h"
#include "ui/document/labdocument.h"
#include "ui/explain/explainpanel.h"
#include "ui/lessons/lessonnavigator.h"
#include "ui/lessons/lessonplayer.h"
#include "ui/render/scene.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/view/mainview.h"
#include "ui/view/timelinewidget.h"
#include "ui/widgets/scrollareaaround.h"
#include "ui/window/labwindow.h"
#include "ui/window/lessonmenu.h"
#include "ui/window/presentermode.h"

using dlui::LabWindow;
using dlui::PresenterMode;

namespace {

/// The inked rows of an image on a white background.
int inkHeight(const QImage& image) {
    int top = image.height(), bottom = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 200) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    return bottom >= top ? bottom - top + 1 : 0;
}

/// What the layout consists of, to compare before entering and after leaving.
struct Layout {
    QRect geometry;
    QByteArray state;
    QMap<QString, bool> visible;  // docks, toolbars, status bar, timeline
    Qt::WindowStates windowState;
};

Layout layoutOf(LabWindow& window) {
    Layout l{window.geometry(), window.saveState(), {}, window.windowState()};
    for (auto* dock : window.findChildren<QDockWidget*>()) l.visible[dock->objectName()] = dock->isVisible();
    for (auto* bar : window.findChildren<QToolBar*>()) l.visible[bar->objectName()] = bar->isVisible();
    l.visible[QStringLiteral("statusBar")] = window.statusBar()->isVisible();
    l.visible[QStringLiteral("timeline")] = window.timelineWidget()->isVisible();
    return l;
}

/// Shows the window and makes it the active one, as a person's window is; false when it never is.
bool showActive(QWidget& window) {
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return false;
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

/// The width of a check box's or radio button's indicator as its style lays it out.
int indicatorWidth(QAbstractButton* button) {
    QStyleOptionButton option;
    option.initFrom(button);
    const bool radio = qobject_cast<QRadioButton*>(button) != nullptr;
    return button->style()
        ->subElementRect(radio ? QStyle::SE_RadioButtonIndicator : QStyle::SE_CheckBoxIndicator, &option,
                         button)
        .width();
}

/// The width of a horizontal slider's handle as its style lays it out.
int handleWidth(QSlider* slider) {
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = option.sliderValue = slider->value();
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
        .width();
}

QCustomPlot* firstPlot(LabWindow& window) {
    const auto plots = window.schedulePanel()->plots()->plots();
    return plots.isEmpty() ? nullptr : plots.front();
}

/// The Lessons menu's entry for the built-in lesson whose file name contains `name`, or null.
QAction* builtInEntry(dlui::LessonMenu* lessons, const QString& name) {
    for (QAction* a : lessons->builtInActions())
        if (a->data().toString().contains(name)) return a;
    return nullptr;
}

/// The first row of an image with a pixel clearly darker than its top-left corner (the text of a label on its
/// background), or −1.
int firstInkedRow(const QImage& image) {
    const int background = qGray(image.pixel(0, 0));
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (background - qGray(image.pixel(x, y)) > 80) return y;
    return -1;
}

}  // namespace

class TestWindowPresenter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void f11DoublesTypeHidesDocksAndRestores_data();
    void f11DoublesTypeHidesDocksAndRestores();
    void escapeLeaves();
    void dialogsTakeThePresentersTextSize();
    void returnInTheTBoxStaysInPresenterMode();
    void chosenControlsStayAndAreRemembered();
    void iconsAndDotsAreSharpAtDevicePixelRatio2();
    void explainStepsOfLessonsShowTheirEquationsWhole();
    void theNarrationStaysWholeWhenPresenterModeComesOn();
    void aShortStepStartsUnderTheTitle();
    void keepingMoreControlsInPresenterModeStaysFullScreen();
    void settingsDialogNamesEveryPanelInAFixedOrder();
    void plotTitlesFitBesideTheirAxesInPresenterMode();
};

void TestWindowPresenter::f11DoublesTypeHidesDocksAndRestores_data() {
    QTest::addColumn<QPoint>("screenAt");
    QTest::newRow("1280x720 projector") << QPoint(0, 0);
    QTest::newRow("1440x900 laptop") << QPoint(1280, 0);
}

void TestWindowPresenter::f11DoublesTypeHidesDocksAndRestores() {
    QFETCH(QPoint, screenAt);
    LabWindow window(dltest::windowTestOptions());
    window.move(screenAt + QPoint(20, 20));
    QVERIFY(showActive(window));
    QApplication::processEvents();
    QScreen* screen = QGuiApplication::screenAt(screenAt + QPoint(1, 1));
    QVERIFY(screen && window.screen() == screen);

    const Layout before = layoutOf(window);
    QVERIFY(before.visible.value(QStringLiteral("dataDock")));
    auto* numbers = window.timelineWidget()->findChild<QLabel*>(QStringLiteral("timelineNumbers"));
    auto* trainStatus = window.findChild<QLabel*>(QStringLiteral("trainStatus"));
    QVERIFY(numbers && trainStatus);
    const qreal numbersPt = numbers->font().pointSizeF(), trainPt = trainStatus->font().pointSizeF();
    const int numbersHeight = QFontMetrics(numbers->font()).height();
    QCustomPlot* plot = firstPlot(window);
    QVERIFY(plot);
    const qreal tickPt = plot->xAxis->tickLabelFont().pointSizeF();
    // The ᾱ_t plot's legend, which "the Schedule dock's plots show ᾱ_t" points at: it stayed at 8 px.
    QCPLegend* legend = window.schedulePanel()->plots()->plots().at(1)->legend;
    QVERIFY(legend && legend->visible() && legend->itemCount() > 0);
    const qreal legendPt = legend->item(0)->font().pointSizeF();
    const qreal axisLabelPt = plot->xAxis->labelFont().pointSizeF();
    const dlui::RenderOptions viewBefore = window.mainView()->renderOptions();
    auto* play = window.timelineWidget()->findChild<QToolButton*>(QStringLiteral("timelinePlay"));
    QVERIFY(play);
    const QSize playIcon = play->iconSize();
    auto* forward = window.timelineWidget()->findChild<QRadioButton*>();
    auto* learnedArrows = window.findChild<QCheckBox*>(QStringLiteral("overlayLearnedArrows"));
    auto* slider = window.timelineWidget()->findChild<QSlider*>();
    QVERIFY(forward && learnedArrows && slider);
    const int radioBefore = indicatorWidth(forward), checkBefore = indicatorWidth(learnedArrows);
    const int handleBefore = handleWidth(slider);

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.isPresenterMode());
    QVERIFY(window.actions().presenter->isChecked());
    QTRY_VERIFY(window.isFullScreen());
    QTRY_COMPARE(window.geometry(), screen->geometry());

    // Only the timeline stays (the lesson bar is kept but no lesson is open); everything else is hidden.
    for (auto* dock : window.findChildren<QDockWidget*>())
        QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName() + QStringLiteral(" still shown")));
    for (auto* bar : window.findChildren<QToolBar*>())
        QVERIFY2(!bar->isVisible(), qPrintable(bar->objectName() + QStringLiteral(" still shown")));
    QVERIFY(!window.statusBar()->isVisible());
    QVERIFY(window.timelineWidget()->isVisible());
    QVERIFY(window.mainView()->isVisible());

    // Fonts at least double: a label seen in presenter mode, one in a hidden dock, the plots' axes.
    QVERIFY2(numbers->font().pointSizeF() >= 2.0 * numbersPt,
             qPrintable(QStringLiteral("%1 → %2 pt").arg(numbersPt).arg(numbers->font().pointSizeF())));
    QVERIFY2(QFontMetrics(numbers->font()).height() >= 1.9 * numbersHeight,
             qPrintable(QStringLiteral("line height %1 → %2 px")
                            .arg(numbersHeight)
                            .arg(QFontMetrics(numbers->font()).height())));
    QVERIFY(trainStatus->font().pointSizeF() >= 2.0 * trainPt);
    QVERIFY(plot->xAxis->tickLabelFont().pointSizeF() >= 2.0 * tickPt);
    QVERIFY2(
        legend->item(0)->font().pointSizeF() >= 2.0 * legendPt,
        qPrintable(
            QStringLiteral("legend %1 → %2 pt").arg(legendPt).arg(legend->item(0)->font().pointSizeF())));
    QVERIFY(plot->xAxis->labelFont().pointSizeF() >= 2.0 * axisLabelPt);
    // The transport buttons grow with the type: they stayed 20 px beside numbers twice as large.
    QVERIFY2(
        play->iconSize().height() >= 1.8 * playIcon.height(),
        qPrintable(
            QStringLiteral("play icon %1 → %2 px").arg(playIcon.height()).arg(play->iconSize().height())));

    // So do the radio buttons' and check boxes' indicators and the t slider's handle: the style draws them
    // at a fixed pixel size.
    QVERIFY2(handleWidth(slider) >= 1.8 * handleBefore,
             qPrintable(QStringLiteral("handle %1 → %2 px").arg(handleBefore).arg(handleWidth(slider))));
    QVERIFY2(indicatorWidth(forward) >= 1.8 * radioBefore,
             qPrintable(QStringLiteral("radio %1 → %2 px").arg(radioBefore).arg(indicatorWidth(forward))));
    QVERIFY2(
        indicatorWidth(learnedArrows) >= 1.8 * checkBefore,
        qPrintable(QStringLiteral("check %1 → %2 px").arg(checkBefore).arg(indicatorWidth(learnedArrows))));

    // The view's caption, measured as drawn at the same size with the options before and after.
    const dlui::RenderOptions viewAfter = window.mainView()->renderOptions();
    QVERIFY(viewAfter.textScale >= 2.0 * viewBefore.textScale);
    window.mainView()->rebuildNow();
    dlui::Scene scene = window.mainView()->scene();
    scene.caption = QStringLiteral("t = 40 / 150");
    const QRectF target(0, 0, 800, 800);
    const int fontBefore = dlui::sceneFont(target, viewBefore).pixelSize();
    const int fontAfter = dlui::sceneFont(target, viewAfter).pixelSize();
    QVERIFY2(fontAfter >= 2 * fontBefore,
             qPrintable(QStringLiteral("caption %1 → %2 px").arg(fontBefore).arg(fontAfter)));
    const auto captionHeight = [&scene](dlui::RenderOptions o) {
        o.size = QSize(800, 800);
        o.drawAxes = o.drawPoints = o.drawTrails = o.drawArrows = o.drawDensity = false;
        return inkHeight(dlui::renderScene(scene, o));
    };
    const int captionBefore = captionHeight(viewBefore), captionAfter = captionHeight(viewAfter);
    QVERIFY2(captionBefore > 0 && captionAfter >= 1.8 * captionBefore,
             qPrintable(QStringLiteral("caption ink %1 → %2 px").arg(captionBefore).arg(captionAfter)));

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!window.isPresenterMode());
    QVERIFY(!window.actions().presenter->isChecked());
    QTRY_VERIFY(!window.isFullScreen());
    QTRY_COMPARE(window.geometry(), before.geometry);
    // The docks settle once the window system has applied the geometry.
    QTRY_COMPARE(window.saveState(), before.state);
    const Layout after = layoutOf(window);
    QCOMPARE(after.visible, before.visible);
    QCOMPARE(after.windowState, before.windowState);
    QCOMPARE(after.state, before.state);
    QCOMPARE(numbers->font().pointSizeF(), numbersPt);
    QCOMPARE(trainStatus->font().pointSizeF(), trainPt);
    QCOMPARE(play->iconSize(), playIcon);
    QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickPt);
    QCOMPARE(legend->item(0)->font().pointSizeF(), legendPt);
    QCOMPARE(indicatorWidth(forward), radioBefore);
    QCOMPARE(indicatorWidth(learnedArrows), checkBefore);
    QCOMPARE(handleWidth(slider), handleBefore);
    QCOMPARE(window.mainView()->renderOptions().textScale, viewBefore.textScale);
}

// A dialog is a window of its own: in presenter mode "Open the lesson?" kept the desktop's text size, a
// third of the height of the text around it. Help ▸ About, opened the way a person does, in and out of
// presenter mode.
void TestWindowPresenter::dialogsTakeThePresentersTextSize() {
    LabWindow window(dltest::windowTestOptions());
    QVERIFY(showActive(window));
    const auto textHeightOfAbout = [&window] {
        int height = 0;
        dltest::whenModalOpens<QMessageBox>([&height](QMessageBox* box) {
            QLabel* text = nullptr;
            for (QLabel* label : box->findChildren<QLabel*>())
                if (!label->text().isEmpty() && (!text || label->text().size() > text->text().size()))
                    text = label;
            height = text ? QFontInfo(text->font()).pixelSize() : 0;
            box->accept();
        });
        window.actions().about->trigger();
        return height;
    };
    const int normal = textHeightOfAbout();
    QVERIFY(normal > 0);
    window.actions().presenter->trigger();
    QVERIFY(window.isPresenterMode());
    const int presented = textHeightOfAbout();
    QVERIFY2(presented >= 2 * normal - 1,
             qPrintable(QStringLiteral("%1 px, %2 px outside presenter mode").arg(presented).arg(normal)));
    window.actions().presenter->trigger();
    QVERIFY(!window.isPresenterMode());
    QCOMPARE(textHeightOfAbout(), normal);
}

void TestWindowPresenter::escapeLeaves() {
    LabWindow window(dltest::windowTestOptions());
    QVERIFY(showActive(window));
    QApplication::processEvents();  // the first layout fits the docks once the window is shown
    const Layout before = layoutOf(window);
    window.actions().presenter->trigger();  // the toolbar's button
    QVERIFY(window.isPresenterMode());
    QTRY_VERIFY(window.isFullScreen());
    // A schedule changed in presenter mode (a lesson's step) rebuilds the schedule checks' text there.
    dl::ScheduleParams shorter = window.document()->schedule().params();
    shorter.T = 40;
    QVERIFY(window.document()->setScheduleParams(shorter));
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.isPresenterMode());
    QTRY_COMPARE(window.geometry(), before.geometry);
    QTRY_COMPARE(window.saveState(), before.state);
    QCOMPARE(layoutOf(window).visible, before.visible);
    // That text comes back to the window's size with the rest: it stayed at the presenter's double size.
    QWidget* checks = window.schedulePanel()->diagnostics();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // rows replaced go
    QTRY_VERIFY(!checks->findChildren<QLabel*>().isEmpty());
    for (QLabel* label : checks->findChildren<QLabel*>())
        QVERIFY2(QFontInfo(label->font()).pixelSize() == QFontInfo(window.font()).pixelSize(),
                 qPrintable(QStringLiteral("%1: %2 px beside the window's %3")
                                .arg(label->text())
                                .arg(QFontInfo(label->font()).pixelSize())
                                .arg(QFontInfo(window.font()).pixelSize())));
}

// A teacher types a t and presses Return: the timeline goes there and presenter mode stays on.
void TestWindowPresenter::returnInTheTBoxStaysInPresenterMode() {
    LabWindow window(dltest::windowTestOptions());
    QVERIFY(showActive(window));
    window.actions().presenter->trigger();
    QTRY_VERIFY(window.isFullScreen());
    auto* tBox = window.findChild<QSpinBox*>(QStringLiteral("timelineTBox"));
    QVERIFY(tBox && tBox->isVisible());
    tBox->setFocus(Qt::MouseFocusReason);
    tBox->selectAll();
    QTest::keyClicks(tBox, QStringLiteral("100"));
    QTest::keyClick(tBox, Qt::Key_Return);
    QCOMPARE(window.timeline()->t(), 100);
    QApplication::processEvents();
    QVERIFY(window.isPresenterMode());
    QTest::qWait(300);  // nothing queued takes it out either
    QVERIFY(window.isPresenterMode());
    QVERIFY(window.isFullScreen());
}

void TestWindowPresenter::chosenControlsStayAndAreRemembered() {
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    dlui::MainWindow::Options options = dltest::windowTestOptions();
    options.useSettings = true;
    QStringList chosen;  // the controls picked in the settings dialog
    {
        LabWindow window(options);
        QVERIFY(showActive(window));
        PresenterMode* presenter = window.presenterMode();
        QCOMPARE(presenter->keptControls(), presenter->defaultKeptControls());
        QVERIFY(presenter->keptControls().contains(PresenterMode::timelineName()));
        // View ▸ Presenter mode settings…: keep the schedule dock, drop the timeline.
        bool answered = false;
        QTimer::singleShot(0, &window, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            auto* timeline = dialog->findChild<QCheckBox*>(QStringLiteral("keep_timeline"));
            auto* schedule = dialog->findChild<QCheckBox*>(QStringLiteral("keep_scheduleDock"));
            if (timeline && schedule) {
                timeline->click();
                schedule->click();
                answered = true;
            }
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        presenter->settingsAction()->trigger();
        QVERIFY(answered);
        QVERIFY(presenter->keptControls().contains(QStringLiteral("scheduleDock")));
        QVERIFY(!presenter->keptControls().contains(PresenterMode::timelineName()));
        chosen = presenter->keptControls();
        window.actions().presenter->trigger();
        QVERIFY(window.isPresenterMode());
        QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("scheduleDock"))->isVisible());
        QVERIFY(!window.findChild<QDockWidget*>(QStringLiteral("dataDock"))->isVisible());
        QVERIFY(!window.timelineWidget()->isVisible());
        window.actions().presenter->trigger();
        QVERIFY(!window.isPresenterMode());
        QVERIFY(window.timelineWidget()->isVisible());
    }
    {
        LabWindow window(options);  // a new run: the choice is remembered
        QCOMPARE(window.presenterMode()->keptControls(), chosen);
        window.presenterMode()->resetToDefaults();
        QCOMPARE(window.presenterMode()->keptControls(), window.presenterMode()->defaultKeptControls());
        QVERIFY(window.presenterMode()->keptControls().contains(PresenterMode::timelineName()));
    }
    QVERIFY(!QSettings().contains(QStringLiteral("presenter/kept")));
}

void TestWindowPresenter::iconsAndDotsAreSharpAtDevicePixelRatio2() {
    LabWindow window(dltest::windowTestOptions());
    // Every toolbar icon is drawn from a vector source: asked for at dpr 2 it has twice the pixels.
    for (QAction* action : window.mainToolBar()->actions()) {
        if (action->icon().isNull()) continue;
        const QPixmap pixmap = action->icon().pixmap(QSize(22, 22), 2.0);
        QVERIFY2(
            pixmap.width() == 44 && pixmap.height() == 44,
            qPrintable(
                QStringLiteral("%1: %2×%3").arg(action->text()).arg(pixmap.width()).arg(pixmap.height())));
    }

    // A dot drawn on a dpr-2 device matches a dot drawn natively at twice the size, not a scaled-up one.
    dlui::Scene scene;
    scene.points = dl::Batch(1, 2);
    scene.points << 0.13f, -0.21f;
    scene.viewBounds = QRectF(-1, -1, 2, 2);
    dlui::RenderOptions o;
    o.drawAxes = o.drawCaption = false;
    o.pointRadius = 3.3;
    QImage hiDpi(QSize(200, 200), QImage::Format_ARGB32_Premultiplied);
    hiDpi.setDevicePixelRatio(2.0);
    hiDpi.fill(Qt::white);
    {
        QPainter painter(&hiDpi);
        dlui::paintScene(painter, QRectF(0, 0, 100, 100), scene, o);
    }
    o.pointRadius = 6.6;
    o.size = QSize(200, 200);
    const QImage native = dlui::renderScene(scene, o).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    int worst = 0, inked = 0;
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 200; ++x) {
            const QRgb a = hiDpi.pixel(x, y), b = native.pixel(x, y);
            if (qGray(b) < 250) ++inked;
            worst = std::max({worst, std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                              std::abs(qBlue(a) - qBlue(b))});
        }
    QVERIFY2(inked > 100, qPrintable(QString::number(inked)));
    QVERIFY2(worst <= 8, qPrintable(QStringLiteral("largest channel difference %1").arg(worst)));
}

// Every lesson step that shows the Explain dock, in presenter mode on the 1280×720 projector: the dock kept
// the width it had at the window's own type size, and with twice the type the equations ran off its right
// edge behind a horizontal scroll bar (the forward step and closed form of the first two lessons). The
// dock now takes the width its text needs, up to 45 % of the window, so the picture stays the larger part.
void TestWindowPresenter::explainStepsOfLessonsShowTheirEquationsWhole() {
    LabWindow window(dltest::windowTestOptions());
    window.move(20, 20);
    QVERIFY(showActive(window));
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.isPresenterMode());
    QTRY_COMPARE(window.size(), QSize(1280, 720));  // the full-screen geometry comes from the platform later
    auto* explain = window.findChild<QDockWidget*>(QStringLiteral("explainDock"));
    auto* panel = explain ? qobject_cast<dlui::ExplainPanel*>(explain->widget()) : nullptr;
    QVERIFY(panel);
    dlui::LessonMenu* lessons = window.lessons();
    // The middle column's floor is at least the timeline's widest row at this type size.
    QWidget* central = window.centralWidget();
    const int floor =
        central->minimumWidth() > 0 ? central->minimumWidth() : central->minimumSizeHint().width();
    QVERIFY2(floor >= window.timelineWidget()->minimumSizeHint().width(),
             qPrintable(QStringLiteral("middle column %1 px, timeline %2 px")
                            .arg(floor)
                            .arg(window.timelineWidget()->minimumSizeHint().width())));
    int explainSteps = 0;
    for (QAction* entry : lessons->builtInActions()) {
        QString error;
        const auto lesson = dl::loadLesson(entry->data().toString(), &error);
        QVERIFY2(lesson, qPrintable(error));
        entry->trigger();
        // Through the steps and back: stepping back from the last step gave the dock another width.
        const int count = static_cast<int>(lesson->steps.size());
        for (int visit = 0; visit < 2 * count - 1; ++visit) {
            const int k = visit < count ? visit : 2 * count - 2 - visit;
            if (visit > 0) (visit < count ? lessons->nextAction() : lessons->previousAction())->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!lessons->player()->isPending(), 60000);
            window.timeline()->pause();
            if (!lesson->steps[static_cast<std::size_t>(k)].explain) continue;
            ++explainSteps;
            // Where the step was paused, and in the reverse view also at the chain's last step, whose
            // equations carry the single step's subscripts (t−1, wider than a jump's s): the DDIM update
            // needed more than the dock's 45 % there, which only a run paused at its end showed.
            std::vector<int> shownTs{window.timeline()->t()};
            if (window.timeline()->mode() == dlui::Timeline::Mode::Reverse)
                shownTs.push_back(window.timeline()->endT());
            for (const int t : shownTs) {
                window.timeline()->setT(t);
                // The dock widens after the text is laid out, and the window applies that at its next layout.
                const auto where = [&] {
                    return QStringLiteral("%1, step %2, t = %3: dock %4 px, its text needs %5 px")
                        .arg(entry->text())
                        .arg(k + 1)
                        .arg(window.timeline()->t())
                        .arg(explain->width())
                        .arg(panel->widthForText());
                };
                QTRY_VERIFY2_WITH_TIMEOUT(panel->textView()->horizontalScrollBar()->maximum() == 0,
                                          qPrintable(where()), 5000);
                QVERIFY2(explain->isVisible(), qPrintable(where()));
                QVERIFY2(explain->width() <= window.width() * 45 / 100 + 1, qPrintable(where()));
                // The timeline under the narrowed view keeps its controls whole: the speed box was cut to
                // "25 step" when Loop was a check box at the end of its row.
                const auto* speed = window.timelineWidget()->findChild<QComboBox*>();  // its one box
                QVERIFY2(speed->width() >= speed->sizeHint().width(),
                         qPrintable(where() + QStringLiteral("; speed box %1 px of %2")
                                                  .arg(speed->width())
                                                  .arg(speed->sizeHint().width())));
                // And its check boxes and radio buttons: "Markov chain" read "Markov chai".
                for (const QAbstractButton* b : window.timelineWidget()->findChildren<QAbstractButton*>()) {
                    if (!b->isVisible() || b->text().isEmpty()) continue;
                    QVERIFY2(b->width() >= b->sizeHint().width(),
                             qPrintable(where() + QStringLiteral("; \"%1\" %2 px of %3")
                                                      .arg(b->text())
                                                      .arg(b->width())
                                                      .arg(b->sizeHint().width())));
                }
            }
        }
    }
    QVERIFY(explainSteps >= 2);
}

// A lesson opened first, then presenter mode on the 1280×720 projector: the lesson bar kept the height it had
// at the window's own type, and with twice the type its narration was cut through its first and last lines
// ("What the network learns", steps 1, 3 and 5). The bar now fits its dock again when its font or width
// changes.
void TestWindowPresenter::theNarrationStaysWholeWhenPresenterModeComesOn() {
    LabWindow window(dltest::windowTestOptions());
    window.move(20, 20);
    QVERIFY(showActive(window));
    dlui::LessonMenu* lessons = window.lessons();
    QAction* entry = builtInEntry(lessons, QStringLiteral("what-the-network-learns"));
    QVERIFY(entry);
    entry->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!lessons->player()->isPending(), 60000);
    dlui::LessonNavigator* bar = lessons->navigator();
    QTRY_VERIFY(bar->height() >= bar->heightForLesson(bar->width()));
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.isPresenterMode());
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    for (int k = 0; k < lessons->player()->stepCount(); ++k) {
        if (k > 0) QTest::keyClick(&window, Qt::Key_PageDown);
        QCOMPARE(lessons->player()->stepIndex(), k);
        QTRY_VERIFY_WITH_TIMEOUT(!lessons->player()->isPending(), 60000);
        window.timeline()->pause();
        QTRY_VERIFY2(bar->height() >= bar->heightForLesson(bar->width()),
                     qPrintable(QStringLiteral("step %1: the bar is %2 px, its narration needs %3 px")
                                    .arg(k + 1)
                                    .arg(bar->height())
                                    .arg(bar->heightForLesson(bar->width()))));
    }
}

// "Linear vs cosine" in presenter mode on the 1280×720 projector: the bar is as tall as the lesson's longest
// step (four lines), and the one-line first step sat in the middle of it, two blank lines under the title.
void TestWindowPresenter::aShortStepStartsUnderTheTitle() {
    LabWindow window(dltest::windowTestOptions());
    window.move(20, 20);
    QVERIFY(showActive(window));
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    dlui::LessonMenu* lessons = window.lessons();
    QAction* entry = builtInEntry(lessons, QStringLiteral("linear-vs-cosine"));
    QVERIFY(entry);
    entry->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!lessons->player()->isPending(), 60000);
    window.timeline()->pause();
    dlui::LessonNavigator* bar = lessons->navigator();
    auto* narration = bar->findChild<QLabel*>(QStringLiteral("lessonNarration"));
    QVERIFY(narration);
    const int line = narration->fontMetrics().height();
    QTRY_VERIFY(narration->height() >= 3 * line);  // room for the longest step
    const int firstInk = firstInkedRow(narration->grab().toImage());
    QVERIFY2(firstInk >= 0 && firstInk < line,
             qPrintable(QStringLiteral("the text starts %1 px into a %2 px label")
                            .arg(firstInk)
                            .arg(narration->height())));
}

// Presenter mode settings changed while presenter mode is on: the new choice was shown by leaving presenter
// mode and entering it again at once, and the window could end neither full screen nor restored, with a
// dead copy of the timeline's second row at the foot of the screen. The choice is now applied in place:
// the window stays full screen, the newly kept docks show, and leaving restores the layout exactly.
void TestWindowPresenter::keepingMoreControlsInPresenterModeStaysFullScreen() {
    LabWindow window(dltest::windowTestOptions());
    window.move(20, 20);
    QVERIFY(showActive(window));
    QApplication::processEvents();
    const Layout before = layoutOf(window);
    PresenterMode* presenter = window.presenterMode();
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_VERIFY(window.isFullScreen());
    QScreen* screen = window.screen();
    QTRY_COMPARE(window.geometry(), screen->geometry());
    auto* schedule = window.findChild<QDockWidget*>(QStringLiteral("scheduleDock"));
    QVERIFY(schedule && !schedule->isVisible());

    presenter->setKeptControls(presenter->keptControls() << QStringLiteral("scheduleDock"));
    QVERIFY(window.isPresenterMode());
    QVERIFY(schedule->isVisible());
    QVERIFY(window.timelineWidget()->isVisible());
    QVERIFY(!window.findChild<QDockWidget*>(QStringLiteral("dataDock"))->isVisible());
    QTest::qWait(200);  // what the window system does with the window's state arrives later
    QVERIFY(window.isFullScreen());
    QCOMPARE(window.geometry(), screen->geometry());
    QCOMPARE(window.findChildren<dlui::TimelineWidget*>().size(), 1);

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!window.isPresenterMode());
    QTRY_VERIFY(!window.isFullScreen());
    QTRY_COMPARE(window.geometry(), before.geometry);
    QTRY_COMPARE(window.saveState(), before.state);
    QCOMPARE(layoutOf(window).visible, before.visible);
}

// The presenter mode settings dialog: "Model & Train" read "Model  Train" (its "&" taken for a mnemonic),
// and the boxes changed places between two openings once panels had been shown or hidden, so a click by
// position ticked another panel. Each box now shows its panel's title and the order stays.
void TestWindowPresenter::settingsDialogNamesEveryPanelInAFixedOrder() {
    LabWindow window(dltest::windowTestOptions());
    QVERIFY(showActive(window));
    PresenterMode* presenter = window.presenterMode();
    // Opens the dialog, reads its boxes (object names in order; titles as shown), ticks `tick` and accepts.
    const auto openDialog = [&](const QString& tick, QStringList* order, QStringList* shown) {
        QTimer::singleShot(0, &window, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            for (auto* box : dialog->findChildren<QCheckBox*>()) {
                *order << box->objectName();
                *shown << box->text().replace(QStringLiteral("&&"), QStringLiteral("&"));
                if (box->objectName() == tick) box->click();
            }
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        presenter->settingsAction()->trigger();
    };
    QStringList first, firstShown, second, secondShown;
    openDialog(QStringLiteral("keep_trainDock"), &first, &firstShown);
    QVERIFY(first.size() >= 8);
    auto* train = window.findChild<QDockWidget*>(QStringLiteral("trainDock"));
    QVERIFY(train && train->windowTitle().contains(QLatin1Char('&')));
    QVERIFY2(firstShown.contains(train->windowTitle()), qPrintable(firstShown.join(QStringLiteral(", "))));
    // Panels shown and hidden in between, as presenter mode does.
    window.actions().presenter->trigger();
    QVERIFY(window.isPresenterMode());
    window.actions().presenter->trigger();
    openDialog(QStringLiteral("keep_scheduleDock"), &second, &secondShown);
    QCOMPARE(second, first);
    QCOMPARE(secondShown, firstShown);
}

// "Linear vs cosine" in presenter mode on the 1280×720 projector: the Schedule dock's plots kept their
// 90 px floor while their type doubled, so the log-SNR plot's axis box was about 50 px high and its title,
// written up the side, read "log-SN". In presenter mode a plot is now tall enough for its y title, and the
// dock a lesson brings up is wide enough for its rows.
void TestWindowPresenter::plotTitlesFitBesideTheirAxesInPresenterMode() {
    LabWindow window(dltest::windowTestOptions());
    window.move(20, 20);
    QVERIFY(showActive(window));
    QHash<QCustomPlot*, int> minimumBefore;
    for (QCustomPlot* plot : window.schedulePanel()->plots()->plots())
        minimumBefore.insert(plot, plot->minimumHeight());
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.isPresenterMode());
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    dlui::LessonMenu* lessons = window.lessons();
    QAction* entry = builtInEntry(lessons, QStringLiteral("linear-vs-cosine"));
    QVERIFY(entry);
    entry->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!lessons->player()->isPending(), 60000);
    window.timeline()->pause();
    // The dock's rows whole: it kept its desktop width, and with doubled type "Zero terminal SNR" and the
    // checks ran off its right edge behind a horizontal scroll bar (the panel needed 487 px of 326).
    const QScrollArea* area = dlui::scrollAreaAround(window.schedulePanel());
    QVERIFY(area);
    QTRY_VERIFY2(area->horizontalScrollBar()->maximum() == 0,
                 qPrintable(QStringLiteral("the panel needs %1 px, the dock shows %2 px")
                                .arg(window.schedulePanel()->minimumSizeHint().width())
                                .arg(area->viewport()->width())));
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("scheduleDock"))->width() <=
            window.width() * 45 / 100 + 1);
    const QList<QCustomPlot*> plots = window.schedulePanel()->plots()->plots();
    QCOMPARE(plots.size(), 3);
    for (QCustomPlot* plot : plots) {
        QVERIFY(plot->isVisible());
        const QString title = plot->yAxis->label();
        const auto where = [&] {
            return QStringLiteral("\"%1\": axis box %2 px high, the title needs %3 px")
                .arg(title)
                .arg(plot->axisRect()->height())
                .arg(QFontMetrics(plot->yAxis->labelFont()).horizontalAdvance(title));
        };
        QTRY_VERIFY2(
            plot->axisRect()->height() >= QFontMetrics(plot->yAxis->labelFont()).horizontalAdvance(title),
            qPrintable(where()));
    }
    // Leaving presenter mode gives the plots their own floor back.
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!window.isPresenterMode());
    for (QCustomPlot* plot : plots) QCOMPARE(plot->minimumHeight(), minimumBefore.value(plot));
}

// A 1280×720 projector (the primary screen) beside a 1440×900 laptop: the offscreen platform reads its
// screens from a JSON file.
int main(int argc, char** argv) {
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    if (qEnvironmentVariable("QT_QPA_PLATFORM").startsWith(QLatin1String("offscreen"))) {
        QFile file(config);
        if (file.open(QIODevice::WriteOnly))
            file.write(R"({"screens":[{"name":"projector","x":0,"y":0,"width":1280,"height":720,)"
                       R"("logicalDpi":96,"logicalBaseDpi":96,"dpr":1},)"
                       R"({"name":"laptop","x":1280,"y":0,"width":1440,"height":900,)"
                       R"("logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]})");
        file.close();
        qputenv("QT_QPA_PLATFORM", QStringLiteral("offscreen:configfile=%1").arg(config).toUtf8());
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DiffusionLabPresenterTests"));
    TestWindowPresenter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window_presenter.moc"
