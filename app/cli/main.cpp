// diffusion-lab-cli: training, sampling and rendering with no display.
#include <QGuiApplication>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "core/math/error.h"
#include "core/sampling/heapretention.h"
#include "messages.h"

namespace {

struct Command {
    const char* name;
    const char* summary;
    std::function<int(const dlcli::CommandArgs&)> run;
};

const Command kCommands[] = {
    {"schedule", "print a beta schedule and everything derived from it", dlcli::runSchedule},
    {"forward", "noise a data set to step t and write x_t as CSV", dlcli::runForward},
    {"dataset", "write what a data source produces (CSV points or PNG image grid)", dlcli::runDataset},
    {"train", "train the denoiser on a data set and save the model", dlcli::runTrain},
    {"sample", "draw samples from a trained model", dlcli::runSample},
    {"bench", "measure training and sampling speed", dlcli::runBench},
    {"render", "render forward or reverse animations to frames, GIF or video", dlcli::runRender},
};

void printUsage(std::ostream& out) {
    out << "usage: diffusion-lab-cli COMMAND [options]\n\ncommands:\n";
    for (const auto& c : kCommands) {
        std::string name = c.name;
        name.resize(12, ' ');
        out << "  " << name << c.summary << "\n";
    }
    out << "\n'diffusion-lab-cli COMMAND --help' describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
    dl::retainFreedHeapMemory();  // as the window does, so `bench` times the chain the window runs
    // Glyph rendering, image decoding and frame rendering use QtGui; none of them needs a screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(dlcli::cliQtMessageHandler);
    // QGuiApplication takes "-session NAME" (X11 session management) out of argv; `render --session FILE`
    // is the CLI's own, so the commands read a copy made before Qt sees the arguments.
    const std::vector<std::string> given(argv, argv + argc);
    int qtArgc = 1;
    QGuiApplication app(qtArgc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("diffusion-lab-cli"));

    if (given.size() < 2) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string name = given[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(std::cout);
        return 0;
    }
    dlcli::CommandArgs args(given.begin() + 2, given.end());
    for (const auto& c : kCommands) {
        if (name != c.name) continue;
        try {
            return c.run(args);
        } catch (const dlcli::HelpRequested&) {
            return 0;
        } catch (const dlcli::UsageError& e) {
            std::cerr << "diffusion-lab-cli " << name << ": " << dlcli::oneLine(e.what()) << "\n";
            return 2;
        } catch (const dl::Error& e) {
            std::cerr << "diffusion-lab-cli " << name << ": " << dlcli::oneLine(e.what()) << "\n";
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "diffusion-lab-cli " << name << ": unexpected error: " << dlcli::oneLine(e.what())
                      << "\n";
            return 1;
        }
    }
    std::cerr << "diffusion-lab-cli: unknown command '" << dlcli::oneLine(name) << "' (see --help)\n";
    return 2;
}
