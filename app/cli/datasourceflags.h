// The data-source flags shared by dataset, train, forward and render:
//   --dataset NAME | --text "…" | --csv FILE | --image FILE --image-mode shape|pixels [--image-size S]
//   plus --n N and --seed S.
#pragma once

#include "args.h"
#include "core/data/dataset.h"

namespace dlcli {

void addDataSourceOptions(OptionSpec& spec);
/// Builds the data set the flags describe. Bad flags throw UsageError; unreadable sources throw dl::Error.
dl::DataSet dataSetFromArgs(const ParsedArgs& args, int defaultN = 8000);

}  // namespace dlcli
