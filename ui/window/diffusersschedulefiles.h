// File ▸ Import diffusers scheduler config… and File ▸ Export schedule as diffusers config…: the schedule of
// a real model (Stable Diffusion 1.5's scheduler_config.json, DDPM CIFAR-10's, …) goes into the editor, so
// its ᾱ_t and SNR appear in the plots; the editor's schedule goes out in the same format. Reading and
// writing are the core's (core/data/diffusersconfig.h), as for `diffusion-lab-cli schedule --from-diffusers`.
// A bad file leaves the schedule as it was and says why; fields the program does not use are named.
//
//   auto* files = new dlui::DiffusersScheduleFiles(window, [] { return dl::TimestepSpacing::Linspace; });
//   files->importFrom(path);
#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

#include "core/data/diffusersconfig.h"
#include "core/sampling/timesteps.h"

class QAction;

namespace dlui {

class MainWindow;

class DiffusersScheduleFiles : public QObject {
    Q_OBJECT
public:
    /// spacing gives the timestep spacing the window samples with, written on export when no config was
    /// imported.
    DiffusersScheduleFiles(MainWindow* window, std::function<dl::TimestepSpacing()> spacing);

    QAction* importAction() const { return mImport; }
    QAction* exportAction() const { return mExport; }

    /// Puts the config's schedule into the editor. False (schedule untouched) with a message box on a bad
    /// file; a message box names the fields that were not used.
    bool importFrom(const QString& path);
    /// Writes the editor's schedule atomically (QSaveFile), with the sampling fields of the last import, or
    /// without one the window's own (its timestep spacing, clip_sample false:
    /// dl::diffusersConfigForSampling).
    bool exportTo(const QString& path);

private:
    void chooseAndImport();
    void chooseAndExport();

    MainWindow* mWindow;
    std::function<dl::TimestepSpacing()> mSpacing;
    QAction* mImport;
    QAction* mExport;
    /// prediction_type, timestep_spacing, steps_offset, clip_sample of the last import, written back on
    /// export.
    std::optional<dl::DiffusersSchedulerConfig> mLastImport;
};

}  // namespace dlui
