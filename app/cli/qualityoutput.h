// The quality lines train and sample print the same way: one line for people on stderr saying what the
// samples were compared with, then key=value lines on stdout (quality_reference, quality_samples,
// reference_rows, swd, swd_floor, swd_ratio, mmd, mmd_floor). A floor of 0 (the unseen rows are all one
// point) has no ratio: swd_ratio is then left out and stderr says why.
#pragma once

#include "core/training/modelquality.h"

namespace dlcli {

void printQuality(const dl::QualityReference& reference, const dl::QualityReport& report);

}  // namespace dlcli
