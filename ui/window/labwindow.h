// The application window composed from its parts: the MainWindow (document, main view, timeline, data
// and schedule docks, menus) plus the live training and sampling panels (TrainingAndSampling), export
// from the window (WindowExport), the window-wide keys and wheel (WindowInput) and diffusers scheduler
// configs in and out (DiffusersScheduleFiles), the model's weights out as safetensors (ModelWeightsExport);
// then the last session, so a model file it names finds the panel that loads it.
//
//   dlui::LabWindow window(options);
//   window.show();
#pragma once

#include <memory>

#include "core/sampling/timesteps.h"
#include "ui/window/mainwindow.h"

namespace dlui {

class PanelSettings;
class LessonMenu;
class DiffusersScheduleFiles;
class ModelWeightsExport;
class TrainingAndSampling;
class WindowCompare;
class WindowExport;
class WindowInput;

class LabWindow : public MainWindow {
    Q_OBJECT
public:
    explicit LabWindow(const Options& options = {}, QWidget* parent = nullptr);
    ~LabWindow() override;

    TrainingAndSampling* live() const { return mLive.get(); }
    /// Remembered panel settings and View ▸ Reset to defaults (ui/window/panelsettings.h).
    PanelSettings* panelSettings() const { return mPanelSettings.get(); }
    LessonMenu* lessons() const { return mLessons.get(); }
    /// The timestep spacing the Sampling panel samples with, which the diffusers configs written from the
    /// window record.
    dl::TimestepSpacing samplingSpacing() const;

private:
    // Declared in the order they are built; destroyed in reverse, and all before MainWindow's views,
    // document and timeline, which they point to. TrainingAndSampling's destructor ends the workers.
    std::unique_ptr<TrainingAndSampling> mLive;
    std::unique_ptr<WindowExport> mExport;
    std::unique_ptr<WindowInput> mInput;
    std::unique_ptr<PanelSettings> mPanelSettings;
    std::unique_ptr<WindowCompare> mCompare;  // View ▸ Compare side by side (ui/compare/)
    std::unique_ptr<LessonMenu> mLessons;
    std::unique_ptr<DiffusersScheduleFiles> mDiffusers;
    std::unique_ptr<ModelWeightsExport> mWeightsExport;  // File ▸ Export model as safetensors…
};

}  // namespace dlui
