// The anatomy of a step (issue: teaching): step mode for the reverse process with its arrows, the picked
// point's ring and path, and one training step narrated in five stages. One call from the window's
// composition adds them all.
//
//   dlui::installAnatomy(window, trainingController, trainPanel);
#pragma once

namespace dlui {

class MainWindow;
class TrainPanel;
class TrainingController;

void installAnatomy(MainWindow* window, TrainingController* training, TrainPanel* panel);

}  // namespace dlui
