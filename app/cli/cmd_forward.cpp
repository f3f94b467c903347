// diffusion-lab-cli forward: x_t of the forward process for a 2D data set, as CSV.
#include <iostream>

#include "commands.h"
#include "core/data/pointcsv.h"
#include "core/math/forwardprocess.h"
#include "datasourceflags.h"
#include "messages.h"
#include "outputpath.h"
#include "scheduleflags.h"

namespace dlcli {

int runForward(const CommandArgs& args) {
    OptionSpec spec(
        "forward",
        "Noise N points of a 2D data set to step t and write x_t as CSV 'x,y'. Noise is added to the\n"
        "normalised data; the output is mapped back to the data's own coordinates unless --normalised.");
    addDataSourceOptions(spec);
    addScheduleOptions(spec);
    spec.value("t", "T_INDEX", "timestep, 0..T (0 writes the clean data)")
        .flag("chain", "run the step-by-step Markov chain instead of the closed form")
        .flag("normalised", "write the normalised coordinates the network sees")
        .value("out", "FILE.csv", "output CSV file");
    const ParsedArgs parsed = spec.parse(args);
    const dl::Schedule schedule(scheduleFromArgs(parsed));
    if (!parsed.has("t")) throw UsageError("--t: this option is required");
    const int t = parsed.intValue("t", 0, 0, schedule.T());
    const std::string out = parsed.requiredText("out");
    checkOutputFile("out", out);
    const dl::DataSet data = dataSetFromArgs(parsed);
    if (data.isImage()) throw UsageError("--dataset: forward writes 2D points; use render for image data");

    // The noise has its own stream, so the data and the noise draw are independent of each other.
    dl::Rng noiseRng = dl::Rng(parsed.seed()).split(1);
    dl::Batch xt;
    if (parsed.has("chain")) {
        // dl::runMarkovChain step by step (the same draws in the same order), to report progress.
        ProgressLine progress("forward: Markov chain step");
        xt = data.points;
        dl::Batch eps(xt.rows(), xt.cols());
        for (int k = 1; k <= t; ++k) {
            noiseRng.fillNormal(eps);
            xt = dl::markovStep(schedule, xt, k, eps);
            progress.report(k, t);
        }
    } else {
        xt = dl::noiseToStep(schedule, data.points, t, noiseRng);
    }
    dl::writePointsCsv(out, parsed.has("normalised") ? xt : data.norm.toData(xt));
    std::cerr << "wrote " << xt.rows() << " points of x_" << t << " to " << out << "\n";
    return 0;
}

}  // namespace dlcli
