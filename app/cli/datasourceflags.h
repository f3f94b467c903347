// The data-source flags shared by dataset, train, forward and render:
//   --dataset NAME | --text "…" | --csv FILE | --image PATH [--image-mode shape|pixels]
//   plus --n N and --seed S, and the options of each source (image size, channels, threshold, …).
//
// At most one source may be given; without one the source is --dataset moons. Points are
// normalised as dataset.h documents; images are S×S, gray or RGB, scaled to [−1, 1].
#pragma once

#include "args.h"
#include "core/data/dataset.h"

namespace dlcli {

void addDataSourceOptions(OptionSpec& spec);
/// Builds the data set the flags describe. Bad flags throw UsageError; unreadable sources throw dl::Error.
/// defaultN is the number of points (or glyph images) when --n is not given; CSV files and image
/// files in pixel mode use all their rows/files and ignore --n.
dl::DataSet dataSetFromArgs(const ParsedArgs& args, int defaultN = 8000);

}  // namespace dlcli
