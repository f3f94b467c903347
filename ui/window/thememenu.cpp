#include "ui/window/thememenu.h"

#include <qcustomplot.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QPixmap>
#include <QSettings>
#include <QStyle>

#include "ui/render/palette.h"
#include "ui/view/mainview.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

const QString kThemeKey = QStringLiteral("view/theme");
const QString kPaletteKey = QStringLiteral("view/palette");

/// The widgets' palette for a theme. Light is the style's own; dark and high contrast are set in full so
/// that no role falls back to a light default.
QPalette widgetPalette(ThemeMenu::Theme theme) {
    if (theme == ThemeMenu::Theme::Light) return QApplication::style()->standardPalette();
    QPalette p;
    if (theme == ThemeMenu::Theme::Dark) {
        // Base (fields, and the boxes of check boxes and radio buttons) lighter than the window: darker, the
        // Fusion style drew those boxes as dark squares on dark that a class could not see.
        const QColor window(45, 47, 53), base(66, 70, 79), text(225, 228, 235), button(55, 58, 65);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(150, 156, 168));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, button);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(255, 120, 100));
        p.setColor(QPalette::Highlight, QColor(60, 130, 220));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(110, 180, 255));
        p.setColor(QPalette::Light, QColor(75, 78, 86));
        p.setColor(QPalette::Midlight, QColor(62, 65, 72));
        p.setColor(QPalette::Mid, QColor(40, 42, 48));
        p.setColor(QPalette::Dark, QColor(25, 26, 30));
        p.setColor(QPalette::Shadow, Qt::black);
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 124, 132));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 124, 132));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 124, 132));
        // A disabled slider's fill is the highlight: blue, the β sliders of a cosine schedule looked as if
        // they could be dragged beside their greyed-out number boxes.
        p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(95, 99, 108));
        return p;
    }
    // High contrast: pure black on pure white, a saturated selection; disabled text stays readable.
    p = QPalette(Qt::black, Qt::white, Qt::white, Qt::black, Qt::gray, Qt::black, Qt::white);
    p.setColor(QPalette::Button, Qt::white);
    p.setColor(QPalette::ButtonText, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0, 0, 170));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0, 0, 200));
    p.setColor(QPalette::ToolTipBase, Qt::white);
    p.setColor(QPalette::ToolTipText, Qt::black);
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(90, 90, 90));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(90, 90, 90));  // see the dark theme's
    // The Fusion style outlines check boxes, radio buttons, fields and buttons in the window colour darkened
    // by 40 %: light grey (182) on this white, 2:1, where a projector washes it out. For a window brush
    // that is a texture it outlines in black at 160/255 instead (95 on white, 6:1): the same white, as a
    // texture.
    QPixmap white(8, 8);
    white.fill(Qt::white);
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled})
        p.setBrush(group, QPalette::Window, QBrush(Qt::white, white));
    return p;
}

}  // namespace

ThemeMenu::ThemeMenu(MainWindow* window, bool remember)
    : QObject(window), mWindow(window), mRemember(remember) {
    setObjectName(QStringLiteral("themeMenu"));
    QMenu* themes = window->viewMenu()->addMenu(tr("&Theme"));
    themes->setObjectName(QStringLiteral("themeSubmenu"));
    mThemeGroup = new QActionGroup(this);
    const std::pair<Theme, QString> themeItems[] = {{Theme::Light, tr("&Light")},
                                                    {Theme::Dark, tr("&Dark")},
                                                    {Theme::HighContrast, tr("&High contrast")}};
    for (const auto& [theme, text] : themeItems) {
        QAction* a = themes->addAction(text);
        a->setCheckable(true);
        a->setData(static_cast<int>(theme));
        a->setObjectName(QStringLiteral("theme-") + themeName(theme));
        mThemeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, theme = theme] { setTheme(theme); });
    }
    themes->actions().at(2)->setToolTip(tr("Black on white with heavier lines, for projectors"));

    QMenu* colours = window->viewMenu()->addMenu(tr("&Colours"));
    colours->setObjectName(QStringLiteral("paletteSubmenu"));
    mPaletteGroup = new QActionGroup(this);
    const std::pair<ColorPalette, QString> paletteItems[] = {
        {ColorPalette::Standard, tr("&Standard")},
        {ColorPalette::ColorBlindSafe, tr("&Colour-blind safe (cividis, Okabe–Ito)")}};
    for (const auto& [palette, text] : paletteItems) {
        QAction* a = colours->addAction(text);
        a->setCheckable(true);
        a->setData(static_cast<int>(palette));
        a->setObjectName(QStringLiteral("palette-") + paletteName(palette));
        mPaletteGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, palette = palette] { setPalette(palette); });
    }

    if (mRemember) {
        QSettings settings;
        mTheme = themeFromName(settings.value(kThemeKey).toString()).value_or(Theme::Light);
        mPalette = paletteFromName(settings.value(kPaletteKey).toString()).value_or(ColorPalette::Standard);
    }
    syncActions();
    if (mTheme != Theme::Light || mPalette != ColorPalette::Standard) {
        apply();
        // The window makes most of its plots after this menu (the loss plot, the comparison's): a
        // remembered dark theme left them white. They get the look once more when the window first shows.
        window->installEventFilter(this);
    }
}

bool ThemeMenu::eventFilter(QObject* watched, QEvent* event) {
    if (watched == mWindow && event->type() == QEvent::Show) {
        mWindow->removeEventFilter(this);
        applyToPlots();
    }
    return QObject::eventFilter(watched, event);
}

ThemeMenu::~ThemeMenu() = default;

Background ThemeMenu::backgroundFor(Theme theme) {
    switch (theme) {
        case Theme::Dark:
            return Background::Dark;
        case Theme::HighContrast:
            return Background::HighContrast;
        case Theme::Light:
            break;
    }
    return Background::White;
}

QString ThemeMenu::themeName(Theme theme) {
    switch (theme) {
        case Theme::Dark:
            return QStringLiteral("dark");
        case Theme::HighContrast:
            return QStringLiteral("high-contrast");
        case Theme::Light:
            break;
    }
    return QStringLiteral("light");
}

std::optional<ThemeMenu::Theme> ThemeMenu::themeFromName(const QString& name) {
    for (Theme t : {Theme::Light, Theme::Dark, Theme::HighContrast})
        if (themeName(t) == name) return t;
    return std::nullopt;
}

QAction* ThemeMenu::themeAction(Theme theme) const {
    for (QAction* a : mThemeGroup->actions())
        if (a->data().toInt() == static_cast<int>(theme)) return a;
    return nullptr;
}

QAction* ThemeMenu::paletteAction(ColorPalette palette) const {
    for (QAction* a : mPaletteGroup->actions())
        if (a->data().toInt() == static_cast<int>(palette)) return a;
    return nullptr;
}

void ThemeMenu::setTheme(Theme theme) {
    mTheme = theme;
    if (mRemember) QSettings().setValue(kThemeKey, themeName(theme));
    syncActions();
    apply();
}

void ThemeMenu::setPalette(ColorPalette palette) {
    mPalette = palette;
    if (mRemember) QSettings().setValue(kPaletteKey, paletteName(palette));
    syncActions();
    apply();
}

void ThemeMenu::resetToDefaults() {
    if (mRemember) {
        QSettings settings;
        settings.remove(kThemeKey);
        settings.remove(kPaletteKey);
    }
    mTheme = Theme::Light;
    mPalette = ColorPalette::Standard;
    syncActions();
    apply();
}

void ThemeMenu::syncActions() {
    if (QAction* a = themeAction(mTheme)) a->setChecked(true);
    if (QAction* a = paletteAction(mPalette)) a->setChecked(true);
}

void ThemeMenu::apply() {
    QApplication::setPalette(widgetPalette(mTheme));
    RenderOptions options = mWindow->mainView()->renderOptions();
    options.background = backgroundFor(mTheme);
    options.palette = mPalette;
    mWindow->mainView()->setRenderOptions(options);
    applyToPlots();
    Q_EMIT changed();
}

void ThemeMenu::applyToPlots() {
    // The plots take the scene's colours for their background, axes, tick labels, grid and legend, so that
    // a plot next to the view reads the same. The curves keep their hue; on the dark theme the darkest of
    // them (the log-SNR's grey, the loss's navy) are lightened until they stand out from the background.
    const SceneColors c = sceneColors(backgroundFor(mTheme), mPalette);
    for (QCustomPlot* plot : mWindow->findChildren<QCustomPlot*>()) {
        // Light is QCustomPlot's own plain white. (Its background() getter returns the background pixmap,
        // not the brush: kept and set back, that null pixmap painted nothing, and the plot showed stale
        // pixels.)
        plot->setBackground(QBrush(mTheme == Theme::Light ? QColor(Qt::white) : c.background));
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes()) applyToAxis(plot, axis, c);
        applyToLegend(plot, c);
        applyToCurves(plot, c);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void ThemeMenu::applyToAxis(QCustomPlot* plot, QCPAxis* axis, const SceneColors& c) {
    if (!mOriginalAxes.contains(axis)) {
        mOriginalAxes.insert(axis, {axis->basePen(), axis->tickPen(), axis->subTickPen(), axis->grid()->pen(),
                                    axis->grid()->zeroLinePen(), axis->tickLabelColor(), axis->labelColor()});
        connect(plot, &QObject::destroyed, this, [this, axis] { mOriginalAxes.remove(axis); });
    }
    if (mTheme == Theme::Light) {
        const AxisLook& o = mOriginalAxes[axis];
        axis->setBasePen(o.base);
        axis->setTickPen(o.tick);
        axis->setSubTickPen(o.subTick);
        axis->grid()->setPen(o.grid);
        axis->grid()->setZeroLinePen(o.zeroLine);
        axis->setTickLabelColor(o.tickLabel);
        axis->setLabelColor(o.label);
        return;
    }
    const QPen pen(c.axis, c.lineWidth);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    QColor grid = c.axis;
    grid.setAlpha(mTheme == Theme::HighContrast ? 160 : 90);
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    // QCustomPlot's zero line is light grey: on the dark theme it shone like a second curve (log-SNR = 0).
    grid.setAlpha(mTheme == Theme::HighContrast ? 200 : 140);
    axis->grid()->setZeroLinePen(QPen(grid, 1, Qt::SolidLine));
    axis->setTickLabelColor(c.text);
    axis->setLabelColor(c.text);
}

void ThemeMenu::applyToLegend(QCustomPlot* plot, const SceneColors& c) {
    QCPLegend* legend = plot->legend;
    if (!legend) return;
    if (!mOriginalLegends.contains(legend)) {
        mOriginalLegends.insert(legend, {legend->brush(), legend->borderPen(), legend->textColor()});
        connect(plot, &QObject::destroyed, this, [this, legend] { mOriginalLegends.remove(legend); });
    }
    const LegendLook& o = mOriginalLegends[legend];
    QColor box = c.background;
    box.setAlpha(mTheme == Theme::Light ? o.brush.color().alpha() : 220);
    // A legend drawn without a box (beside the axes, not over the curves) stays without one.
    const bool boxed = o.brush.style() != Qt::NoBrush, framed = o.border.style() != Qt::NoPen;
    legend->setBrush(mTheme == Theme::Light || !boxed ? o.brush : QBrush(box));
    legend->setBorderPen(mTheme == Theme::Light || !framed ? o.border : QPen(c.axis, c.lineWidth));
    legend->setTextColor(mTheme == Theme::Light ? o.text : c.text);
    for (int i = 0; i < legend->itemCount(); ++i)  // items made before keep the colour they were made with
        if (QCPAbstractLegendItem* item = legend->item(i)) item->setTextColor(legend->textColor());
}

void ThemeMenu::applyToCurves(QCustomPlot* plot, const SceneColors& c) {
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* curve = plot->plottable(i);
        if (!mOriginalPens.contains(curve)) {
            mOriginalPens.insert(curve, curve->pen());
            connect(curve, &QObject::destroyed, this, [this, curve] { mOriginalPens.remove(curve); });
        }
        QPen pen = mOriginalPens[curve];
        if (mTheme == Theme::Dark) {
            // Translucent curves (the raw loss) are judged by their colour; their alpha is kept.
            QColor color = readableOn(pen.color(), c.background);
            color.setAlpha(pen.color().alpha());
            pen.setColor(color);
        }
        curve->setPen(pen);
    }
}

}  // namespace dlui
