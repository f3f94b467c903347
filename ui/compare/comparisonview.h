// The comparison layout that takes the central area (View ▸ Compare side by side): a setup bar (a
// preset, the number of panes, forward or reverse, sample again), the panes in a grid (two side by side,
// three or four in 2×2), and the one t slider they share with the fraction t/T it stands for.
//
//   auto* view = new dlui::ComparisonView(comparison);
//   view->presetBox()->setCurrentIndex(1);  view->applyPresetButton()->click();
#pragma once

#include <QList>
#include <QWidget>

#include "ui/render/scene.h"

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;

namespace dlui {

class Comparison;
class ComparisonPaneWidget;

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(Comparison* comparison, QWidget* parent = nullptr);

    Comparison* comparison() const { return mComparison; }
    QList<ComparisonPaneWidget*> paneWidgets() const { return mPanes; }
    QComboBox* presetBox() const { return mPreset; }
    QPushButton* applyPresetButton() const { return mApply; }
    QSpinBox* paneCountBox() const { return mCount; }
    QComboBox* directionBox() const { return mDirection; }
    QSlider* slider() const { return mSlider; }
    QLabel* positionLabel() const { return mPosition; }
    /// The look every pane paints with, panes made later included (ComparisonPaneWidget::setLook).
    void setLook(const RenderOptions& look);

private:
    void rebuildPanes();
    void updatePosition();
    void updateStatus();

    Comparison* mComparison;
    QList<ComparisonPaneWidget*> mPanes;
    QGridLayout* mGrid;
    QComboBox* mPreset;
    QPushButton* mApply;
    QSpinBox* mCount;
    QComboBox* mDirection;
    QPushButton* mSample;
    QLabel* mStatus;
    QToolButton* mPlay;
    QSlider* mSlider;
    QLabel* mPosition;
    RenderOptions mLook;
};

}  // namespace dlui
