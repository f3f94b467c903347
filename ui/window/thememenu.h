// View ▸ Theme (light, dark, high contrast for projectors) and View ▸ Colours (standard, or safe for
// colour-blind viewers: cividis for colour keys and heat maps, Okabe–Ito for single colours). The choice
// applies to the widgets (the application palette), the main view, the plots, and to exports started
// from the window, which begin with the same theme and colours. Both are remembered in QSettings
// ("view/theme", "view/palette").
//
//   auto* themes = new dlui::ThemeMenu(window, /*remember=*/true);
//   themes->setTheme(dlui::ThemeMenu::Theme::HighContrast);
//   dlui::Background b = dlui::ThemeMenu::backgroundFor(themes->theme());   // what the renderer gets
#pragma once

#include <QBrush>
#include <QHash>
#include <QObject>
#include <QPen>
#include <QPointer>
#include <QString>
#include <optional>

#include "ui/render/palette.h"
#include "ui/render/scene.h"

class QAction;
class QCustomPlot;
class QActionGroup;
class QCPAbstractPlottable;
class QCPAxis;
class QCPLegend;
class QMenu;

namespace dlui {

class MainWindow;

class ThemeMenu : public QObject {
    Q_OBJECT
public:
    enum class Theme { Light, Dark, HighContrast };

    /// Adds the two submenus to the window's View menu; remember: read and write QSettings.
    ThemeMenu(MainWindow* window, bool remember);
    ~ThemeMenu() override;

    Theme theme() const { return mTheme; }
    ColorPalette palette() const { return mPalette; }
    void setTheme(Theme theme);
    void setPalette(ColorPalette palette);
    /// Light theme, standard colours; forgets the remembered choice.
    void resetToDefaults();

    QAction* themeAction(Theme theme) const;
    QAction* paletteAction(ColorPalette palette) const;

    /// The renderer's background for a theme (the view, exports and the CLI's --theme use the same).
    static Background backgroundFor(Theme theme);
    /// "light", "dark", "high-contrast": settings and the CLI's --theme.
    static QString themeName(Theme theme);
    static std::optional<Theme> themeFromName(const QString& name);

Q_SIGNALS:
    /// The theme or the palette changed (and has been applied).
    void changed();

protected:
    /// The window's first show: see the constructor.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct AxisLook {
        QPen base, tick, subTick, grid, zeroLine;
        QColor tickLabel, label;
    };
    struct LegendLook {
        QBrush brush;
        QPen border;
        QColor text;
    };
    void apply();
    void applyToPlots();
    void applyToAxis(QCustomPlot* plot, QCPAxis* axis, const SceneColors& c);
    void applyToLegend(QCustomPlot* plot, const SceneColors& c);
    void applyToCurves(QCustomPlot* plot, const SceneColors& c);
    void syncActions();

    MainWindow* mWindow;
    bool mRemember;
    Theme mTheme = Theme::Light;
    ColorPalette mPalette = ColorPalette::Standard;
    QActionGroup* mThemeGroup = nullptr;
    QActionGroup* mPaletteGroup = nullptr;
    // The plots' own look before any theme touched them, to go back to it for the light theme.
    // Each is forgotten with its plot: a later plot's parts may be allocated at the same addresses.
    QHash<QCPAxis*, AxisLook> mOriginalAxes;
    QHash<QCPLegend*, LegendLook> mOriginalLegends;
    QHash<QCPAbstractPlottable*, QPen> mOriginalPens;
};

}  // namespace dlui
