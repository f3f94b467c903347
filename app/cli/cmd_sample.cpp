// diffusion-lab-cli sample (placeholder until the command lands: reports that it is not available).
#include <iostream>

#include "commands.h"

namespace dlcli {

int runSample(const CommandArgs&) {
    std::cerr << "diffusion-lab-cli sample: not available in this build yet\n";
    return 1;
}

}  // namespace dlcli
