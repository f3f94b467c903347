// diffusion-lab-cli dataset (placeholder until the command lands: reports that it is not available).
#include <iostream>

#include "commands.h"

namespace dlcli {

int runDataset(const CommandArgs&) {
    std::cerr << "diffusion-lab-cli dataset: not available in this build yet\n";
    return 1;
}

}  // namespace dlcli
