// Themes and colour-blind-safe colours: View ▸ Theme changes what the view draws (background, frame,
// widgets' palette); View ▸ Colours changes the points' colours to cividis; an export started from the
// window renders with the chosen theme and colours and records them in its sidecar; the renderer's
// colours are the documented maps (viridis, cividis, Okabe–Ito).
#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

#include "../support/scheduleerror.h"
#include "../support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/export/exportdialog.h"
#include "ui/render/palette.h"
#include "ui/render/scene.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/widgets/logslider.h"
#include "ui/widgets/readabletext.h"
#include "ui/window/labwindow.h"
#include "ui/window/thememenu.h"

using dlui::Background;
using dlui::ColorPalette;
using dlui::LabWindow;
using dlui::ThemeMenu;

namespace {

int channelDistance(QColor a, QColor b) {
    return std::max(
        {std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

/// One opaque point of colour key `key` in the middle of a 100×100 frame, on the theme's background.
QColor renderedPointCentre(float key, Background background, ColorPalette palette) {
    dlui::Scene scene;
    scene.points = dl::Batch(1, 2);
    scene.points << 0.0f, 0.0f;
    scene.colorKeys = {key};
    scene.viewBounds = QRectF(-1, -1, 2, 2);
    dlui::RenderOptions o;
    o.size = QSize(100, 100);
    o.background = background;
    o.palette = palette;
    o.drawAxes = o.drawCaption = false;
    o.pointRadius = 8;
    return dlui::renderScene(scene, o).pixelColor(50, 50);
}

/// What a dot of colour c at alpha 235 (one point, see the renderer) over background bg looks like.
QColor blended(QColor c, QColor bg) {
    const auto mix = [](int a, int b) { return (a * 235 + b * 20 + 127) / 255; };
    return QColor(mix(c.red(), bg.red()), mix(c.green(), bg.green()), mix(c.blue(), bg.blue()));
}

}  // namespace

class TestWindowThemes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void colourMapsAreTheDocumentedOnes();
    void themeMenuChangesTheView();
    void plotsComeBackFromTheDark();
    void transportButtonsShowOnTheDark();
    void exportUsesTheWindowsTheme();
    void scheduleChecksReadOnTheDark();
    void darkThemeKeepsPointsCurvesAndBoxesReadable();
    void whiteBackgroundsKeepTheRightmostPointsReadable();
    void messageColoursFollowThePalette();
    void schedulePlotsLegendAndTicksRead();
    void explainNumbersReadOnTheDark();
    void disabledSlidersLookDisabled();
    void aMessageHiddenThroughAThemeChangeReadsWhenShown();
    void toolBarIconsShowOnEveryTheme();
    void highContrastOutlinesFieldsAndBoxesInDark();
};

void TestWindowThemes::colourMapsAreTheDocumentedOnes() {
    // Endpoints of viridis and cividis (matplotlib's tables), and the Okabe–Ito blue and vermillion.
    QCOMPARE(dlui::keyColor(0.0f), QColor(68, 1, 84));
    QCOMPARE(dlui::keyColor(1.0f), QColor(253, 231, 37));
    QCOMPARE(dlui::keyColor(0.0f, ColorPalette::ColorBlindSafe), QColor(0, 34, 78));
    QCOMPARE(dlui::keyColor(1.0f, ColorPalette::ColorBlindSafe), QColor(254, 232, 56));
    QCOMPARE(dlui::categoricalColor(0), QColor(0, 114, 178));
    QCOMPARE(dlui::categoricalColor(1), QColor(213, 94, 0));
    // Cividis gets lighter all the way (that is what makes it readable without hue).
    int lastGray = -1;
    for (int i = 0; i <= 20; ++i) {
        const int gray = qGray(dlui::keyColor(i / 20.0f, ColorPalette::ColorBlindSafe).rgb());
        QVERIFY2(
            gray > lastGray,
            qPrintable(QStringLiteral("key %1: gray %2 after %3").arg(i / 20.0).arg(gray).arg(lastGray)));
        lastGray = gray;
    }
    // The renderer paints a point with the palette's colour, over the theme's background.
    for (auto palette : {ColorPalette::Standard, ColorPalette::ColorBlindSafe})
        for (auto background : {Background::White, Background::Dark, Background::HighContrast}) {
            const QColor got = renderedPointCentre(0.25f, background, palette);
            const dlui::SceneColors colors = dlui::sceneColors(background, palette);
            const QColor want = blended(dlui::pointKeyColor(0.25f, colors), colors.background);
            QVERIFY2(channelDistance(got, want) <= 2,
                     qPrintable(QStringLiteral("got %1, want %2").arg(got.name(), want.name())));
        }
    // High contrast: black frame on white, drawn heavier than the light theme's grey one.
    QCOMPARE(dlui::sceneColors(Background::HighContrast).axis, QColor(0, 0, 0));
    QVERIFY(dlui::sceneColors(Background::HighContrast).lineWidth >
            dlui::sceneColors(Background::White).lineWidth);
}

void TestWindowThemes::themeMenuChangesTheView() {
    LabWindow window(dltest::windowTestOptions());
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ThemeMenu* themes = window.themeMenu();
    QCOMPARE(themes->theme(), ThemeMenu::Theme::Light);
    dlui::MainView* view = window.mainView();
    const auto viewCorner = [view] {
        view->rebuildNow();
        return view->grab().toImage().pixelColor(3, view->height() / 2 + 5);  // inside the frame, off ticks
    };
    QCOMPARE(viewCorner(), QColor(255, 255, 255));

    themes->themeAction(ThemeMenu::Theme::Dark)->trigger();
    QCOMPARE(themes->theme(), ThemeMenu::Theme::Dark);
    QCOMPARE(view->renderOptions().background, Background::Dark);
    QCOMPARE(viewCorner(), dlui::sceneColors(Background::Dark).background);
    QVERIFY(qGray(QApplication::palette().color(QPalette::Window).rgb()) < 100);  // the widgets follow

    themes->themeAction(ThemeMenu::Theme::HighContrast)->trigger();
    QCOMPARE(view->renderOptions().background, Background::HighContrast);
    QCOMPARE(viewCorner(), QColor(255, 255, 255));
    view->rebuildNow();
    const QImage frame = view->grab().toImage();
    QCOMPARE(frame.pixelColor(0, frame.height() / 2), QColor(0, 0, 0));  // the black frame
    QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(0, 0, 0));

    // Colour-blind-safe colours: the view's points change colour.
    themes->themeAction(ThemeMenu::Theme::Light)->trigger();
    const QImage standard = (view->rebuildNow(), view->grab().toImage());
    themes->paletteAction(ColorPalette::ColorBlindSafe)->trigger();
    QCOMPARE(view->renderOptions().palette, ColorPalette::ColorBlindSafe);
    const QImage safe = (view->rebuildNow(), view->grab().toImage());
    QCOMPARE(safe.size(), standard.size());
    int changed = 0;
    for (int y = 0; y < safe.height(); y += 2)
        for (int x = 0; x < safe.width(); x += 2)
            if (channelDistance(safe.pixelColor(x, y), standard.pixelColor(x, y)) > 30) ++changed;
    QVERIFY2(changed > 100, qPrintable(QString::number(changed)));
    // Back to light, standard: the application palette is the style's own again.
    themes->resetToDefaults();
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             QApplication::style()->standardPalette().color(QPalette::Window));
}

void TestWindowThemes::plotsComeBackFromTheDark() {
    // Dark, then Light again: the β_t plot kept a dark background, and the others smeared when scrolled.
    LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<QCustomPlot*> plots = window.findChildren<QCustomPlot*>();
    QVERIFY(plots.size() >= 4);
    const auto corner = [](QCustomPlot* plot) {
        plot->replot();
        return plot->grab().toImage().pixelColor(1, 1);
    };
    QHash<QCustomPlot*, QColor> before;
    for (QCustomPlot* plot : plots) before.insert(plot, corner(plot));
    window.themeMenu()->themeAction(ThemeMenu::Theme::Dark)->trigger();
    for (QCustomPlot* plot : plots) QVERIFY2(qGray(corner(plot).rgb()) < 100, qPrintable(plot->objectName()));
    window.themeMenu()->themeAction(ThemeMenu::Theme::Light)->trigger();
    for (QCustomPlot* plot : plots)
        QVERIFY2(corner(plot) == before.value(plot),
                 qPrintable(QStringLiteral("%1: %2 before, %3 after")
                                .arg(plot->objectName(), before.value(plot).name(), corner(plot).name())));
}

void TestWindowThemes::transportButtonsShowOnTheDark() {
    // The ⏮ ◀ ▶ ▶| ⏭ icons are dark grey: on the dark theme they all but vanished.
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto brightest = [&window] {
        const QImage icon = window.timelineWidget()->playButton()->icon().pixmap(20, 20).toImage();
        int best = 0;
        for (int y = 0; y < icon.height(); ++y)
            for (int x = 0; x < icon.width(); ++x)
                if (qAlpha(icon.pixel(x, y)) > 128) best = std::max(best, qGray(icon.pixel(x, y)));
        return best;
    };
    QVERIFY(brightest() < 100);  // dark on the light theme, as drawn
    window.themeMenu()->themeAction(ThemeMenu::Theme::Dark)->trigger();
    QTRY_VERIFY2(brightest() > 180, qPrintable(QString::number(brightest())));  // palette events are posted
    window.timeline()->play();  // the pause icon takes the same colour
    QVERIFY2(brightest() > 180, qPrintable(QString::number(brightest())));
    window.timeline()->pause();
    window.themeMenu()->themeAction(ThemeMenu::Theme::Light)->trigger();
    QTRY_VERIFY(brightest() < 100);
}

void TestWindowThemes::exportUsesTheWindowsTheme() {
    QTemporaryDir dir;
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.themeMenu()->setTheme(ThemeMenu::Theme::Dark);
    window.themeMenu()->setPalette(ColorPalette::ColorBlindSafe);

    const QString out = dir.filePath(QStringLiteral("frames"));
    dlui::ExportSettings seen;
    dlui::ExportResult result;
    bool ran = false;
    QTimer::singleShot(0, &window, [&] {
        auto* dialog = qobject_cast<dlui::ExportDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        seen = dialog->settings();
        dlui::ExportSettings s = seen;
        s.format = dlui::ExportFormat::PngSequence;
        s.outputPath = out;
        s.render.size = QSize(120, 120);
        s.frames.stride = 50;
        dialog->setSettings(s);
        dialog->setInteractive(false);
        QSignalSpy finished(dialog, &dlui::ExportDialog::exportFinished);
        dialog->startExport();
        if (finished.wait(20000)) {
            result = dialog->lastResult();
            ran = true;
        }
        dialog->reject();
    });
    window.actions().exportFrames->trigger();  // File ▸ Export…
    QCOMPARE(seen.render.background, Background::Dark);
    QCOMPARE(seen.render.palette, ColorPalette::ColorBlindSafe);
    QVERIFY2(ran && result.ok, qPrintable(result.message));
    const QStringList frames = QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QVERIFY(!frames.isEmpty());
    const QImage first(QDir(out).filePath(frames.front()));
    QCOMPARE(first.pixelColor(3, 60), dlui::sceneColors(Background::Dark).background);
    QFile sidecar(QDir(out).filePath(QStringLiteral("frames.json")));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QString json = QString::fromUtf8(sidecar.readAll()).remove(QLatin1Char(' '));
    QVERIFY(json.contains(QStringLiteral("\"background\":\"dark\"")));
    QVERIFY(json.contains(QStringLiteral("\"palette\":\"colour-blind\"")));
    window.themeMenu()->resetToDefaults();
}

// The schedule checks' green all-clear and a warning row's text on the dark theme: the light theme's dark
// green all but vanished on the dark background, and a row's light text sat on its light amber.
void TestWindowThemes::scheduleChecksReadOnTheDark() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.themeMenu()->themeAction(ThemeMenu::Theme::Dark)->trigger();
    auto* checks = window.findChild<dlui::ScheduleDiagnosticsView*>();
    QVERIFY(checks);
    // The colour a label's text is drawn in, against the background behind it.
    auto lightnessGap = [](QLabel* label, QColor behind) {
        return std::abs(label->palette().color(label->foregroundRole()).lightness() - behind.lightness());
    };
    QTRY_VERIFY(checks->palette().color(QPalette::Window).lightness() < 128);
    QTRY_VERIFY(!checks->findChildren<QLabel*>(QStringLiteral("diagnosticsOk")).isEmpty());
    QLabel* ok = checks->findChildren<QLabel*>(QStringLiteral("diagnosticsOk")).last();
    ok->ensurePolished();
    QTRY_VERIFY2(lightnessGap(ok, checks->palette().color(QPalette::Window)) >= 90,
                 qPrintable(QString::number(lightnessGap(ok, checks->palette().color(QPalette::Window)))));
    // A warning: T = 8 leaves x_T far from noise.
    dl::ScheduleParams p = window.document()->schedule().params();
    p.T = 8;
    QVERIFY(window.document()->setScheduleParams(p));
    QTRY_VERIFY(checks->count() > 0);
    QWidget* row = checks->findChild<QWidget*>(QStringLiteral("diagnosticRow"));
    QVERIFY(row);
    QLabel* text = row->findChild<QLabel*>();
    QVERIFY(text);
    text->ensurePolished();
    // The row is dark amber on the dark theme (its light cream glared), its text light on it.
    const QColor rowBackground = row->grab().toImage().pixelColor(row->width() - 4, row->height() / 2);
    QVERIFY2(rowBackground.lightness() < 100, qPrintable(rowBackground.name()));
    QVERIFY2(lightnessGap(text, rowBackground) >= 90,
             qPrintable(QString::number(lightnessGap(text, rowBackground))));
}

// On the dark theme the first points of viridis and cividis (1.1:1 against the background), the log-SNR's
// grey and the loss's navy (1.6:1 and 2.0:1), the ᾱ_t legend's white box, the model banner's pale blue
// and the data preview's white square all kept the light theme's look.
// Points are coloured by their x coordinate: the rightmost took viridis's (and cividis's) yellow, 1.1:1 from
// the light theme's white, and all but vanished, also in high contrast and in exports on white.
void TestWindowThemes::whiteBackgroundsKeepTheRightmostPointsReadable() {
    for (auto background : {Background::White, Background::HighContrast})
        for (auto palette : {ColorPalette::Standard, ColorPalette::ColorBlindSafe})
            for (const float key : {0.0f, 0.5f, 1.0f}) {
                const QColor point = renderedPointCentre(key, background, palette);
                const double ratio = dlui::contrastRatio(point, QColor(Qt::white));
                QVERIFY2(
                    ratio >= 2.2,
                    qPrintable(QStringLiteral("key %1: %2 at %3:1").arg(key).arg(point.name()).arg(ratio)));
            }
    // The map still runs from one end to the other: the two ends differ clearly.
    const dlui::SceneColors white = dlui::sceneColors(Background::White);
    QVERIFY(dlui::contrastRatio(dlui::pointKeyColor(0.0f, white), dlui::pointKeyColor(1.0f, white)) >= 3.0);
    QCOMPARE(dlui::sceneColors(Background::Transparent).keyEnd, white.keyEnd);
}

void TestWindowThemes::darkThemeKeepsPointsCurvesAndBoxesReadable() {
    const QColor dark = dlui::sceneColors(Background::Dark).background;
    for (auto palette : {ColorPalette::Standard, ColorPalette::ColorBlindSafe}) {
        const QColor point = renderedPointCentre(0.0f, Background::Dark, palette);
        const double ratio = dlui::contrastRatio(point, dark);
        QVERIFY2(ratio >= 2.2, qPrintable(QStringLiteral("%1 at %2:1").arg(point.name()).arg(ratio)));
    }

    LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* snrPlot = window.findChild<QCustomPlot*>(QStringLiteral("snrPlot"));
    QVERIFY(snrPlot && snrPlot->graphCount() > 0);
    const QColor lightSnr = snrPlot->graph(snrPlot->graphCount() - 1)->pen().color();
    window.themeMenu()->themeAction(ThemeMenu::Theme::Dark)->trigger();
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>()) {
        for (int i = 0; i < plot->plottableCount(); ++i) {
            QColor c = plot->plottable(i)->pen().color();
            c.setAlpha(255);
            const double ratio = dlui::contrastRatio(c, dark);
            QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 curve %2: %3 at %4:1")
                                                  .arg(plot->objectName())
                                                  .arg(i)
                                                  .arg(c.name())
                                                  .arg(ratio)));
        }
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes()) {
                const QColor zero = axis->grid()->zeroLinePen().color();
                QVERIFY2(qGray(zero.rgb()) <= qGray(dlui::sceneColors(Background::Dark).axis.rgb()) + 10,
                         qPrintable(QStringLiteral("%1: zero line %2").arg(plot->objectName(), zero.name())));
            }
        if (plot->legend->visible()) {
            QVERIFY(dlui::contrastRatio(plot->legend->textColor(), dark) >= 4.5);
            if (plot->legend->brush().style() != Qt::NoBrush)
                QVERIFY(qGray(plot->legend->brush().color().rgb()) < 100);
        }
    }
    auto* banner = window.findChild<QWidget*>(QStringLiteral("modelScheduleBannerBox"));
    QVERIFY(banner);
    QTRY_VERIFY2(
        qGray(banner->grab().toImage().pixel(banner->width() - 4, banner->height() / 2)) < 100,
        qPrintable(banner->grab().toImage().pixelColor(banner->width() - 4, banner->height() / 2).name()));
    QLabel* preview = nullptr;
    for (QLabel* label : window.findChildren<QLabel*>())
        if (!label->pixmap().isNull() && label->pixmap().width() > 100) preview = label;
    QVERIFY(preview);
    QTRY_VERIFY(qGray(preview->pixmap().toImage().pixel(1, 1)) < 100);

    // The boxes of check boxes stand out from the window: drawn in a base darker than the window, they
    // were dark squares on dark.
    QCheckBox* box = nullptr;
    for (QCheckBox* candidate : window.findChildren<QCheckBox*>())
        if (candidate->isVisible()) box = candidate;
    QVERIFY(box);
    const QImage boxImage = box->grab().toImage();
    int brightest = 0;
    for (int y = 0; y < boxImage.height(); ++y)
        for (int x = 0; x < std::min(boxImage.width(), boxImage.height()); ++x)  // the indicator's square
            brightest = std::max(brightest, boxImage.pixelColor(x, y).lightness());
    const int windowLightness = box->palette().color(QPalette::Window).lightness();
    QVERIFY2(brightest >= windowLightness + 15, qPrintable(QStringLiteral("%1: indicator %2, window %3")
                                                               .arg(box->text())
                                                               .arg(brightest)
                                                               .arg(windowLightness)));

    // And back: the light theme's curves are the ones they were made with.
    window.themeMenu()->themeAction(ThemeMenu::Theme::Light)->trigger();
    QCOMPARE(snrPlot->graph(snrPlot->graphCount() - 1)->pen().color(), lightSnr);
    QTRY_VERIFY(qGray(preview->pixmap().toImage().pixel(1, 1)) > 200);
}

// An error's red and a caution's amber keep their hue but stand 4.5:1 from the background on every theme,
// and follow a change of theme made after they were set (#b00020 was 1.8:1 on the dark theme).
void TestWindowThemes::messageColoursFollowThePalette() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.themeMenu()->resetToDefaults();
    auto* label = new QLabel(QStringLiteral("Cannot read the file"), window.centralWidget());
    label->show();
    dlui::setReadableTextColor(label, dlui::kErrorTextColor);
    label->ensurePolished();
    const auto textColor = [label] { return label->palette().color(label->foregroundRole()); };
    const auto ratio = [&] {
        return dlui::contrastRatio(textColor(), label->palette().color(QPalette::Window));
    };
    QCOMPARE(textColor(), dlui::kErrorTextColor);  // already readable on the light theme: unchanged
    for (auto theme : {ThemeMenu::Theme::Dark, ThemeMenu::Theme::HighContrast, ThemeMenu::Theme::Light}) {
        window.themeMenu()->themeAction(theme)->trigger();
        QTRY_VERIFY2(ratio() >= 4.5, qPrintable(QStringLiteral("%1 on %2")
                                                    .arg(textColor().name(),
                                                         label->palette().color(QPalette::Window).name())));
        QVERIFY(textColor().hslHue() == dlui::kErrorTextColor.hslHue() ||
                qAbs(textColor().hslHue() - dlui::kErrorTextColor.hslHue()) <= 3);
    }
    dlui::setReadableTextColor(label, QColor());  // back to the palette's text
    QVERIFY(label->styleSheet().isEmpty());
}

// The ᾱ_t plot's legend sat over the curves' right half and hid √ᾱ_t's tail; it is a row above the axes.
// Its y labels and, at small T, the t axes' labels are checked too.
void TestWindowThemes::schedulePlotsLegendAndTicksRead() {
    LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* plot = window.findChild<QCustomPlot*>(QStringLiteral("alphaPlot"));
    QVERIFY(plot);
    plot->replot();
    QVERIFY(plot->legend->visible());
    QCOMPARE(plot->legend->itemCount(), 3);
    const QRect legend = plot->legend->outerRect(), axes = plot->axisRect()->rect();
    QVERIFY2(!legend.intersects(axes), qPrintable(QStringLiteral("legend %1,%2 %3×%4, axes %5,%6 %7×%8")
                                                      .arg(legend.x())
                                                      .arg(legend.y())
                                                      .arg(legend.width())
                                                      .arg(legend.height())
                                                      .arg(axes.x())
                                                      .arg(axes.y())
                                                      .arg(axes.width())
                                                      .arg(axes.height())));
    QVERIFY(axes.height() >= 40);  // the row leaves the curves most of the plot
    // t is a whole step on every schedule plot, at T = 3 as at T = 150 (T = 3 showed 0.5, 1.5, 2.5).
    for (int T : {3, 150}) {
        dl::ScheduleParams p = window.document()->schedule().params();
        p.T = T;
        QVERIFY(window.document()->setScheduleParams(p));
        for (const char* name : {"betaPlot", "alphaPlot", "snrPlot"}) {
            auto* scheduled = window.findChild<QCustomPlot*>(QLatin1String(name));
            QVERIFY(scheduled);
            scheduled->replot();
            const QVector<double> ticks = scheduled->xAxis->tickVector();
            QVERIFY(ticks.size() >= 2 && ticks.size() <= 10);
            for (double tick : ticks)
                QVERIFY2(
                    tick == std::round(tick),
                    qPrintable(
                        QStringLiteral("%1 at T = %2: tick %3").arg(QLatin1String(name)).arg(T).arg(tick)));
        }
    }
    // At this height six y labels (0, 0.2, …, 1) ran into each other; 0, 0.5 and 1 do not.
    QVERIFY2(plot->yAxis->tickVector().size() <= 3,
             qPrintable(QString::number(plot->yAxis->tickVector().size())));
}

// The Explain dock writes its numbers in blue (#1565c0), 2:1 from the dark theme's background.
void TestWindowThemes::explainNumbersReadOnTheDark() {
    LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("explainDock"));
    auto* text = window.findChild<QTextBrowser*>(QStringLiteral("explainText"));
    QVERIFY(dock && text);
    dock->show();
    dock->raise();
    QTRY_VERIFY(text->toHtml().contains(QStringLiteral("#1565c0")));  // the light theme's blue
    window.themeMenu()->themeAction(ThemeMenu::Theme::Dark)->trigger();
    const auto background = [text] {
        return text->viewport()->palette().color(text->viewport()->backgroundRole());
    };
    QTRY_VERIFY(background().lightness() < 128);  // palette changes are posted
    const QColor readable = dlui::readableOn(QColor(0x15, 0x65, 0xc0), background(), 4.5);
    QVERIFY(readable != QColor(0x15, 0x65, 0xc0));
    QTRY_VERIFY2(
        text->toHtml().contains(readable.name()) && !text->toHtml().contains(QStringLiteral("#1565c0")),
        qPrintable(readable.name()));
    QVERIFY(dlui::contrastRatio(readable, background()) >= 4.5);
    window.themeMenu()->resetToDefaults();
}

// With a cosine schedule the β sliders are disabled, and their number boxes greyed out, but on the dark
// and high-contrast themes the sliders kept their blue fill and looked as if they could be dragged.
void TestWindowThemes::disabledSlidersLookDisabled() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSlider* slider = window.schedulePanel()->betaEndSlider()->slider();
    // Pixels in a colour (the fill), not a grey.
    const auto colouredPixels = [slider] {
        const QImage image = slider->grab().toImage();
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) n += image.pixelColor(x, y).hsvSaturation() > 100;
        return n;
    };
    for (auto theme : {ThemeMenu::Theme::Light, ThemeMenu::Theme::Dark, ThemeMenu::Theme::HighContrast}) {
        window.themeMenu()->themeAction(theme)->trigger();
        QTRY_COMPARE(slider->palette().color(QPalette::Window),
                     QApplication::palette().color(QPalette::Window));
        dl::ScheduleParams p = window.document()->schedule().params();
        p.kind = dl::ScheduleKind::Linear;
        QVERIFY(window.document()->setScheduleParams(p));
        QTRY_VERIFY(slider->isEnabled());
        QVERIFY2(colouredPixels() > 20, qPrintable(ThemeMenu::themeName(theme)));  // the fill shows
        p.kind = dl::ScheduleKind::Cosine;
        QVERIFY(window.document()->setScheduleParams(p));
        QTRY_VERIFY(!slider->isEnabled());
        QVERIFY2(colouredPixels() == 0, qPrintable(QStringLiteral("%1: %2 coloured pixels")
                                                       .arg(ThemeMenu::themeName(theme))
                                                       .arg(colouredPixels())));
    }
    window.themeMenu()->resetToDefaults();
}

// The Schedule dock's "Not applied" message is hidden until a value is refused. Hidden since the window
// was made, it missed the switch to the dark theme and showed in the light theme's red, 1.8:1 on the dark
// background (and the Data dock's error once did the same).
void TestWindowThemes::aMessageHiddenThroughAThemeChangeReadsWhenShown() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.themeMenu()->resetToDefaults();
    auto* label = new QLabel(QStringLiteral("Not applied"), window.centralWidget());
    label->hide();
    dlui::setReadableTextColor(label, dlui::kErrorTextColor);
    window.themeMenu()->themeAction(ThemeMenu::Theme::Dark)->trigger();
    QTRY_VERIFY(window.centralWidget()->palette().color(QPalette::Window).lightness() < 128);
    QCoreApplication::processEvents();
    label->show();
    const auto ratio = [label] {
        return dlui::contrastRatio(label->palette().color(label->foregroundRole()),
                                   label->palette().color(QPalette::Window));
    };
    QTRY_VERIFY2(ratio() >= 4.5, qPrintable(QString::number(ratio())));
    // The colour is for the background the text is drawn on, the parent's: a theme change reaches the
    // widgets in no set order, and a label that heard of it before its parent took the light theme's
    // background. A label holding a light palette of its own stands for that here.
    auto* stale = new QLabel(QStringLiteral("Could not read the file"), window.centralWidget());
    stale->setPalette(QApplication::style()->standardPalette());
    dlui::setReadableTextColor(stale, dlui::kErrorTextColor);
    stale->show();
    const QColor under = window.centralWidget()->palette().color(QPalette::Window);
    QTRY_VERIFY2(dlui::contrastRatio(stale->palette().color(stale->foregroundRole()), under) >= 4.5,
                 qPrintable(QStringLiteral("%1 on %2")
                                .arg(stale->palette().color(stale->foregroundRole()).name(), under.name())));
    // And the real one.
    QTRY_VERIFY2(dltest::showScheduleError(window) >= 4.5,
                 qPrintable(QString::number(dltest::showScheduleError(window))));
    window.themeMenu()->resetToDefaults();
}

// The tool bar's icons keep their own colours on every theme, so each needs a part that stands out from
// the light and the dark tool bar. The Presenter mode icon was drawn in one dark slate, 1.3:1 on the
// dark theme's tool bar: it looked disabled beside the greyed Pause and Stop.
void TestWindowThemes::toolBarIconsShowOnEveryTheme() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QToolBar* bar = window.mainToolBar();
    QVERIFY(bar);
    for (const auto theme :
         {ThemeMenu::Theme::Light, ThemeMenu::Theme::Dark, ThemeMenu::Theme::HighContrast}) {
        window.themeMenu()->themeAction(theme)->trigger();
        QCoreApplication::processEvents();
        const QColor background = bar->palette().color(QPalette::Window);
        int icons = 0;
        for (QAction* action : bar->actions()) {
            if (action->icon().isNull()) continue;
            ++icons;
            // As drawn when enabled: Pause and Stop training are greyed only while no run can use them.
            const QImage icon = action->icon().pixmap(24, 24, QIcon::Normal).toImage();
            double best = 0.0;
            for (int y = 0; y < icon.height(); ++y)
                for (int x = 0; x < icon.width(); ++x)
                    if (qAlpha(icon.pixel(x, y)) > 200)
                        best = std::max(best, dlui::contrastRatio(QColor(icon.pixel(x, y)), background));
            QVERIFY2(best >= 3.0, qPrintable(QStringLiteral("%1: %2:1 on %3 (theme %4)")
                                                 .arg(action->text())
                                                 .arg(best, 0, 'f', 2)
                                                 .arg(background.name())
                                                 .arg(int(theme))));
        }
        QVERIFY(icons >= 5);
    }
    window.themeMenu()->themeAction(ThemeMenu::Theme::Light)->trigger();
}

// On the high-contrast theme, meant for projectors in lit rooms, the Fusion style outlined check boxes
// and fields in light grey (182 of 255, 2:1 on white): the boxes all but vanished. Their outline's
// darkest pixel must be dark, and the light theme's stay the style's own.
void TestWindowThemes::highContrastOutlinesFieldsAndBoxesInDark() {
    LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCheckBox* box = nullptr;
    for (QCheckBox* candidate : window.findChildren<QCheckBox*>())
        if (candidate->isVisible()) box = candidate;
    QVERIFY(box);
    const auto darkestOfIndicator = [box] {
        QStyleOptionButton option;
        option.initFrom(box);
        const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
        const QImage image = box->grab().toImage();
        int darkest = 255;
        for (int y = indicator.top(); y <= indicator.bottom(); ++y)
            for (int x = indicator.left(); x <= indicator.right(); ++x)
                if (image.rect().contains(x, y)) darkest = std::min(darkest, qGray(image.pixel(x, y)));
        return darkest;
    };
    const int light = darkestOfIndicator();
    window.themeMenu()->themeAction(ThemeMenu::Theme::HighContrast)->trigger();
    QCoreApplication::processEvents();
    const int highContrast = darkestOfIndicator();
    QVERIFY2(highContrast <= 110, qPrintable(QStringLiteral("outline %1 of 255").arg(highContrast)));
    QCOMPARE(box->palette().color(QPalette::Window), QColor(Qt::white));  // still white behind
    window.themeMenu()->themeAction(ThemeMenu::Theme::Light)->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(darkestOfIndicator(), light);
}

QTEST_MAIN(TestWindowThemes)
#include "tst_window_themes.moc"
