#include "datasourceflags.h"

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"

namespace dlcli {

void addDataSourceOptions(OptionSpec& spec) {
    spec.value("dataset", "NAME", "built-in data set (moons)")
        .value("n", "N", "number of points to generate")
        .value("seed", "S", "random seed (default 0)");
}

dl::DataSet dataSetFromArgs(const ParsedArgs& args, int defaultN) {
    const std::string name = args.text("dataset").value_or("moons");
    const int n = args.intValue("n", defaultN, 1, 10'000'000);
    dl::Rng rng(args.seed());
    const auto& shapes = dl::builtInPointShapes();
    if (std::find(shapes.begin(), shapes.end(), name) == shapes.end())
        throw UsageError("--dataset: unknown data set '" + name + "'");
    return dl::makePointDataSet(name, dl::generatePoints(name, n, rng));
}

}  // namespace dlcli
