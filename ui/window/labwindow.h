// The application window composed from its parts: the MainWindow (document, main view, timeline, data
// and schedule docks, menus) plus the live training and sampling panels (TrainingAndSampling); then the
// last session, so a model file it names finds the panel that loads it.
//
//   dlui::LabWindow window(options);
//   window.show();
#pragma once

#include <memory>

#include "ui/window/mainwindow.h"

namespace dlui {

class TrainingAndSampling;

class LabWindow : public MainWindow {
    Q_OBJECT
public:
    explicit LabWindow(const Options& options = {}, QWidget* parent = nullptr);
    ~LabWindow() override;

    TrainingAndSampling* live() const { return mLive.get(); }

private:
    // Destroyed before MainWindow's views, document and timeline, which the panels and workers point to;
    // its destructor ends the workers.
    std::unique_ptr<TrainingAndSampling> mLive;
};

}  // namespace dlui
