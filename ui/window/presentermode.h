// Presenter mode: the window in front of a room. Entering it (F11, the toolbar's presenter button)
// turns the window full screen, keeps only the controls the lecturer picked (by default the timeline and a
// lesson navigator, when there is one), hides every other dock, toolbar and the status bar, and doubles
// the type: the widgets' fonts, the view's caption, axes, tick labels, points, trails and arrows, and the
// plots' axis labels and tick labels. Leaving it (F11 again or Escape) puts back exactly the layout there
// was: window state, geometry, dock and toolbar layout (saveState/restoreState) and every font.
//
// Which controls stay is a small choice (View ▸ Presenter mode settings…) remembered in QSettings under
// "presenter/kept": object names of docks and toolbars, plus "timeline" for the timeline under the view.
//
//   auto* presenter = new dlui::PresenterMode(window, /*remember=*/true);
//   presenter->setOn(true);    // full screen, large type
//   presenter->setOn(false);   // the layout as it was
#pragma once

#include <QByteArray>
#include <QFont>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QStringList>
#include <vector>

#include "ui/window/presenterfonts.h"

class QAction;
class QCPAxis;
class QCustomPlot;
class QStyle;
class QWidget;

namespace dlui {

class MainWindow;
class PresenterDialogs;

class PresenterMode : public QObject {
    Q_OBJECT
public:
    /// How much larger everything gets: the widgets' fonts, the view's text, points and lines, the plots.
    static constexpr qreal kScale = 2.0;
    /// The name that stands for the timeline under the view in keptControls().
    static QString timelineName() { return QStringLiteral("timeline"); }

    /// remember: read and write the choice of kept controls in QSettings.
    PresenterMode(MainWindow* window, bool remember);
    ~PresenterMode() override;

    bool isOn() const { return mOn; }
    /// The window's dock layout (QMainWindow::saveState) from before presenter mode came on last: what
    /// leaving it gave back. Empty before the first time.
    QByteArray layoutBefore() const { return mState; }
    /// While on: the layout leaving gives back (a lesson that opened before presenter mode and closed in it
    /// hands over the layout from before the lesson).
    void setLayoutBefore(const QByteArray& state) {
        if (mOn) mState = state;
    }
    void setOn(bool on);

    /// Object names of the docks and toolbars that stay visible, plus timelineName().
    QStringList keptControls() const;
    void setKeptControls(const QStringList& names);
    /// The default choice: the timeline and every dock whose object name mentions a lesson.
    QStringList defaultKeptControls() const;
    /// Forgets the remembered choice and goes back to the default.
    void resetToDefaults();

    /// View ▸ Presenter mode settings…: a checkbox per dock and toolbar.
    QAction* settingsAction() const { return mSettingsAction; }
    void showSettingsDialog();

Q_SIGNALS:
    /// Presenter mode was entered or left.
    void toggled(bool on);

private:
    struct SavedAxis {
        QPointer<QCustomPlot> plot;  // owns the axis; checked before the axis is touched
        QCPAxis* axis = nullptr;
        QFont label, tickLabel;
    };
    struct SavedLegend {
        QPointer<QCustomPlot> plot;  // owns the legend
        QFont font;
    };
    struct SavedPlotHeight {
        QPointer<QCustomPlot> plot;
        int minimumHeight = 0;
    };
    struct SavedVisibility {
        QPointer<QWidget> widget;
        bool visible = false;
    };

    void enter();
    void leave();
    /// Shows the kept controls that were shown before presenter mode or are shown now, hides the others.
    void applyKeptControls();
    void scaleFonts();
    void restoreFonts();
    void scalePlots();
    void restorePlots();
    /// The height at which a plot's axis box is as tall as its y title is long.
    static int heightForYTitle(const QCustomPlot* plot);
    /// Gives check boxes, radio buttons, checkable group boxes and sliders indicators and handles kScale
    /// times as large (PresenterStyle).
    void scaleFixedSizeControls();
    void restoreFixedSizeControls();
    bool isKept(const QWidget* control) const;

    MainWindow* mWindow;
    bool mRemember;
    bool mOn = false;
    QStringList mKept;
    bool mKeptChosen = false;  // false: the default, worked out when needed (lesson docks come later)
    QAction* mSettingsAction = nullptr;
    PresenterDialogs* mDialogs = nullptr;  // the window's dialogs at the presenter's text size

    // What entering changed, to put it back on leaving.
    QByteArray mGeometry;
    QRect mNormalGeometry;
    QByteArray mState;
    Qt::WindowStates mWindowState;
    QFont mWindowFont;
    bool mWindowFontSet = false;
    qreal mTextScale = 1.0;
    std::vector<SavedFont> mFonts;
    std::vector<SavedAxis> mAxes;
    std::vector<SavedLegend> mLegends;
    std::vector<SavedPlotHeight> mPlotHeights;
    std::vector<QPointer<QWidget>> mRestyled;  // they had the application's style before
    QStyle* mPresenterStyle = nullptr;         // made on first use, owned by this
    std::vector<SavedVisibility> mVisibility;
};

}  // namespace dlui
