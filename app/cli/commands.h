// Entry points of diffusion-lab-cli's commands. Each takes the arguments after the command name and
// returns the process exit status (0 ok, 1 failure, 2 bad arguments).
#pragma once

#include <string>
#include <vector>

namespace dlcli {

using CommandArgs = std::vector<std::string>;

int runSchedule(const CommandArgs& args);
int runForward(const CommandArgs& args);
int runDataset(const CommandArgs& args);
int runTrain(const CommandArgs& args);
int runSample(const CommandArgs& args);
int runBench(const CommandArgs& args);
int runRender(const CommandArgs& args);

}  // namespace dlcli
