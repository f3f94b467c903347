// libFuzzer harness: model files through dl::parseModelFile; a file that loads must be usable: the
// predictor is built and run on two points, and its normalisation maps them back to finite values.
// The trailing CRC-32 is recomputed first, so mutations reach the section parsers instead of stopping
// at the checksum (checksum damage is covered by tst_modelfile).
#include <cstddef>
#include <cstdint>
#include <string>

#include "../model/modelbytes.h"
#include "core/math/error.h"
#include "core/model/memorybudget.h"
#include "core/model/modelfile.h"
#include "core/model/modelpredictor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.size() >= 28) modelbytes::fixChecksum(bytes);
    try {
        const dl::ModelFile m = dl::parseModelFile(bytes, "fuzz.dlmodel");
        if (dl::mlpParameterCount(m.model) > (1 << 20)) return 0;  // valid but slow to run: parse only
        const dl::Schedule schedule(m.schedule);
        const dl::EpsilonPredictor predict = dl::makeModelPredictor(m.model, m.emaParameters, schedule);
        const dl::Batch x = dl::Batch::Zero(2, m.model.dataDim);
        dl::Batch eps;
        predict(x, schedule.T(), eps);
        if (eps.rows() != 2 || eps.cols() != m.model.dataDim) __builtin_trap();
        if (!m.normalisation.toData(x).allFinite()) __builtin_trap();
    } catch (const dl::Error&) {
    }
    return 0;
}
