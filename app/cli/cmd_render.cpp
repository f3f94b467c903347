// diffusion-lab-cli render (placeholder until the command lands: reports that it is not available).
#include <iostream>

#include "commands.h"

namespace dlcli {

int runRender(const CommandArgs&) {
    std::cerr << "diffusion-lab-cli render: not available in this build yet\n";
    return 1;
}

}  // namespace dlcli
