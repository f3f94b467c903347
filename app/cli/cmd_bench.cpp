// diffusion-lab-cli bench (placeholder until the command lands: reports that it is not available).
#include <iostream>

#include "commands.h"

namespace dlcli {

int runBench(const CommandArgs&) {
    std::cerr << "diffusion-lab-cli bench: not available in this build yet\n";
    return 1;
}

}  // namespace dlcli
