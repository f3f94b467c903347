// One pane of the side-by-side comparison on screen: a title with a Settings button, the pane's x_t at
// the shared t drawn with the shared scene renderer (so it looks like an exported frame), captioned with
// its settings, its own t and ᾱ_t, and the pane's small settings editor (hidden until asked for).
//
//   auto* pane = new dlui::ComparisonPaneWidget(comparison, 0);
#pragma once

#include <QWidget>

#include "ui/render/scene.h"

class QLabel;
class QToolButton;

namespace dlui {

class Comparison;
class PaneSettingsEditor;

class ComparisonPaneWidget : public QWidget {
    Q_OBJECT
public:
    ComparisonPaneWidget(Comparison* comparison, int index, QWidget* parent = nullptr);

    int index() const { return mIndex; }
    /// The caption drawn on the pane now: settings, then "t = 20 / 50    ᾱ_t = …".
    QString caption() const;
    PaneSettingsEditor* editor() const { return mEditor; }
    QToolButton* settingsButton() const { return mSettingsButton; }
    /// The canvas the pane is drawn on.
    QWidget* canvas() const { return mCanvas; }
    /// Shows the comparison's settings of this pane in the editor.
    void refreshSettings();
    /// The main view's look for the pane's picture: theme, colours, dot size and text scale (presenter
    /// mode doubles it), so the panes read like the view they stand in for.
    void setLook(const RenderOptions& look);
    /// What the canvas paints with: the look at the canvas's size, its smallest text its font's size.
    RenderOptions paintOptions() const;

private:
    Comparison* mComparison;
    int mIndex;
    QWidget* mCanvas;
    QToolButton* mSettingsButton;
    PaneSettingsEditor* mEditor;
    RenderOptions mLook;
};

}  // namespace dlui
