// One pane of the side-by-side comparison on screen: a title with a Settings button, the pane's x_t at
// the shared t drawn with the shared scene renderer (so it looks like an exported frame), captioned with
// its settings, its own t and ᾱ_t, and the pane's small settings editor (hidden until asked for).
//
//   auto* pane = new dlui::ComparisonPaneWidget(comparison, 0);
#pragma once

#include <QWidget>

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

private:
    Comparison* mComparison;
    int mIndex;
    QWidget* mCanvas;
    QToolButton* mSettingsButton;
    PaneSettingsEditor* mEditor;
};

}  // namespace dlui
