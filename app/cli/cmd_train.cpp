// diffusion-lab-cli train (placeholder until the command lands: reports that it is not available).
#include <iostream>

#include "commands.h"

namespace dlcli {

int runTrain(const CommandArgs&) {
    std::cerr << "diffusion-lab-cli train: not available in this build yet\n";
    return 1;
}

}  // namespace dlcli
