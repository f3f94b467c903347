#include "qualityoutput.h"

#include <iostream>

#include "core/math/format.h"

namespace dlcli {

void printQuality(const dl::QualityReference& reference, const dl::QualityReport& report) {
    std::cerr << "quality: " << report.sampleRows << " samples against " << report.referenceRows
              << " rows of " << reference.source << "; floor: " << report.floorRows
              << " other rows of the same\n";
    std::cout << "quality_reference=" << (reference.heldOut ? "held-out" : "fresh-draw") << "\n"
              << "quality_samples=" << report.sampleRows << "\n"
              << "reference_rows=" << report.referenceRows << "\n"
              << "swd=" << dl::formatNumber(report.swd) << "\n"
              << "swd_floor=" << dl::formatNumber(report.swdFloor) << "\n";
    if (report.swdFloor > 0.0)
        std::cout << "swd_ratio=" << dl::formatNumber(report.swd / report.swdFloor, 4) << "\n";
    else
        std::cerr << "quality: the unseen rows are all one point, so the floor is 0 and there is no ratio\n";
    std::cout << "mmd=" << dl::formatNumber(report.mmd) << "\n"
              << "mmd_floor=" << dl::formatNumber(report.mmdFloor) << "\n";
}

}  // namespace dlcli
