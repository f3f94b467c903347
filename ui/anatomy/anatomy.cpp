#include "ui/anatomy/anatomy.h"

#include "ui/anatomy/stepanatomy.h"
#include "ui/anatomy/trainingnarrator.h"

namespace dlui {

void installAnatomy(MainWindow* window, TrainingController* training, TrainPanel* panel) {
    new StepAnatomy(window);  // children of the window
    new TrainingNarrator(window, training, panel);
}

}  // namespace dlui
