// libFuzzer harness: CSV point files through dl::parsePointsCsv and, when they parse, the data set the
// window and the CLI build from them (normalisation included).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/data/dataset.h"
#include "core/data/pointcsv.h"
#include "core/math/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const dl::Batch points = dl::parsePointsCsv(text, "fuzz.csv");
        const dl::DataSet set = dl::makePointDataSet("csv:fuzz", points);
        if (!set.points.allFinite() || !set.norm.offset.allFinite()) __builtin_trap();
    } catch (const dl::Error&) {
    }
    return 0;
}
