// View ▸ Compare side by side (Ctrl+K) in the main window: toggles the comparison layout in the central
// area (it takes the place of the main view and its timeline), puts the compared schedules' plots in the
// Schedule dock in place of the editor's, and lets the window's playback keys (Space, ←/→, Home/End)
// move the comparison's shared t while it is on. The Export dialog offers the comparison as a source
// while it is on (exportInput()).
//
//   auto compare = std::make_unique<dlui::WindowCompare>(window);   // LabWindow composes it
//   compare->toggleAction()->trigger();
#pragma once

#include <QObject>
#include <QPointer>
#include <optional>

#include "ui/render/exporter.h"
#include "ui/view/timeline.h"

class QAction;

namespace dlui {

class Comparison;
class ComparisonPlots;
class ComparisonView;
class MainWindow;

class WindowCompare : public QObject {
    Q_OBJECT
public:
    /// Becomes a child of the window; adds its action to the View menu.
    explicit WindowCompare(MainWindow* window);
    ~WindowCompare() override;

    QAction* toggleAction() const { return mToggle; }
    bool isActive() const { return mActive; }
    /// Shows the comparison (true) or the main view again (false).
    void setActive(bool active);

    Comparison* comparison() const { return mComparison; }
    /// The layout and the plots, once the comparison has been shown (null before).
    ComparisonView* view() const;
    ComparisonPlots* plots() const;

    /// What an export of the comparison draws, while it is on.
    std::optional<ComparisonInput> exportInput() const;
    /// `base` turned to the comparison: every shared step (at most about 100 frames), the panes tiled
    /// at the base frame height (2 panes side by side: twice as wide).
    ExportSettings exportSettings(ExportSettings base) const;

Q_SIGNALS:
    /// The comparison was shown (true) or hidden (false).
    void activeChanged(bool active);

public:
    /// Finds the instance attached to a window (null when none).
    static WindowCompare* of(const MainWindow* window);

private:
    void build();
    void routeKeys();

    MainWindow* mWindow;
    Comparison* mComparison;
    QAction* mToggle;
    QPointer<ComparisonView> mView;
    QPointer<ComparisonPlots> mPlots;
    bool mActive = false;
    struct MainPosition {
        int t = 0;
        int maximum = 0;
        Timeline::Mode mode = Timeline::Mode::Forward;
    };
    MainPosition mMainAtOpen;  ///< the main timeline when the comparison opened
};

}  // namespace dlui
