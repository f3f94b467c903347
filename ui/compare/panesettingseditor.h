// The small settings editor of one comparison pane: schedule kind, T and β range; the denoiser (exact or
// the learned model); the sampler, its K and DDIM's η. Every edit emits edited() with the whole value;
// an invalid schedule is named in one line under the fields and the pane keeps its last valid one.
//
//   auto* editor = new dlui::PaneSettingsEditor;
//   editor->setSettings(comparison->panes()[0]);
//   connect(editor, &dlui::PaneSettingsEditor::edited, comparison,
//           [=](const dlui::PaneSettings& s) { comparison->setPane(0, s); });
#pragma once

#include <QWidget>

#include "ui/compare/panesettings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace dlui {

class PaneSettingsEditor : public QWidget {
    Q_OBJECT
public:
    explicit PaneSettingsEditor(QWidget* parent = nullptr);

    PaneSettings settings() const;
    /// Shows these settings without emitting edited().
    void setSettings(const PaneSettings& settings);

Q_SIGNALS:
    /// A person changed a field; `settings` is the whole new value.
    void edited(const dlui::PaneSettings& settings);

private:
    void onEdited();
    void updateEnabled();

    QComboBox* mKind;
    QSpinBox* mT;
    QDoubleSpinBox* mBetaStart;
    QDoubleSpinBox* mBetaEnd;
    QComboBox* mDenoiser;
    QComboBox* mSampler;
    QSpinBox* mSteps;
    QDoubleSpinBox* mEta;
    QLabel* mError;
    PaneSettings mLast;  // carries what the editor does not show (custom points, zero-SNR, clipping)
};

}  // namespace dlui
