#include "core/model/safetensors.h"

#include <cstdint>
#include <cstring>
#include <iomanip>
#include <sstream>

#include "core/data/atomicfile.h"
#include "core/data/diffusersconfig.h"
#include "core/data/json.h"
#include "core/math/error.h"
#include "core/math/format.h"
#include "core/model/mlp.h"

namespace dl {
namespace {

std::string tensorName(const std::string& blockName) {
    // dl::Mlp names its blocks W_in, b_in, W_1.., W_out: map them to PyTorch's module names.
    const bool weight = blockName[0] == 'W';
    const std::string layer = blockName.substr(2);
    std::string module;
    if (layer == "in")
        module = "input";
    else if (layer == "out")
        module = "output";
    else
        module = "blocks." + std::to_string(std::stoi(layer) - 1);
    return module + (weight ? ".weight" : ".bias");
}

/// "a,b,…" of a vector's values, each read back to the same float.
std::string commaList(const Eigen::VectorXf& values) {
    std::string out;
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        out += formatFloatRoundTrip(values[i]);
    }
    return out;
}

/// The context's metadata entries, each `,"key":"value"`.
std::string contextMetadata(const MlpConfig& config, const SafetensorsContext& context) {
    if (const auto& n = context.normalisation;
        n && (n->offset.size() != config.dataDim || (n->perAxis() && n->axisScale.size() != config.dataDim)))
        throw Error("safetensors: the data map has " + std::to_string(n->offset.size()) +
                    " dimensions, the network " + std::to_string(config.dataDim));
    std::string out;
    const auto entry = [&out](const std::string& key, const std::string& value) {
        out += ',';
        out += jsonQuote(key);
        out += ':';
        out += jsonQuote(value);
    };
    if (const auto& n = context.normalisation) {
        entry("data_offset", commaList(n->offset));
        if (n->perAxis())
            entry("data_axis_scale", commaList(n->axisScale));
        else
            entry("data_scale", formatFloatRoundTrip(n->scale));
    }
    if (context.schedule) {
        entry("scheduler_config", diffusersSchedulerConfigJson(diffusersConfigForSampling(
                                      *context.schedule, timestepSpacingName(context.spacing))));
    }
    return out;
}

}  // namespace

std::string mlpSafetensorsBytes(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                const SafetensorsContext& context) {
    const Mlp net(config);
    if (parameters.size() != net.parameterCount())
        throw Error("safetensors: " + std::to_string(parameters.size()) + " parameters, the network needs " +
                    std::to_string(net.parameterCount()));
    std::ostringstream header;
    std::string data;
    header << "{\"__metadata__\":{"
           << "\"format\":\"pt\",\"data_dim\":\"" << config.dataDim << "\",\"input_features\":\""
           << config.inputFeatures << "\",\"feature_scale\":\"" << std::setprecision(9) << config.featureScale
           << "\",\"time_embedding\":\"" << config.timeEmbedding << "\",\"hidden\":\"" << config.hidden
           << "\",\"layers\":\"" << config.layers << "\",\"residual\":\""
           << (config.residual ? "true" : "false") << "\",\"activation\":\""
           << activationName(config.activation) << "\",\"prediction\":\""
           << predictionTargetName(config.target) << "\"" << contextMetadata(config, context) << "}";
    for (const auto& block : net.parameterBlocks()) {
        const std::size_t begin = data.size();
        // Column-major (out × in) → row-major [out, in], PyTorch's layout.
        for (Eigen::Index r = 0; r < block.rows; ++r)
            for (Eigen::Index c = 0; c < block.cols; ++c) {
                const float v = parameters[block.offset + c * block.rows + r];
                char bytes[4];
                std::memcpy(bytes, &v, 4);  // x86-64 and ARM64 are little-endian, as the format wants
                data.append(bytes, 4);
            }
        header << "," << jsonQuote(tensorName(block.name)) << ":{\"dtype\":\"F32\",\"shape\":[" << block.rows;
        if (block.name[0] == 'W') header << "," << block.cols;
        header << "],\"data_offsets\":[" << begin << "," << data.size() << "]}";
    }
    header << "}";
    std::string json = header.str();
    json.append((8 - json.size() % 8) % 8, ' ');
    std::string out(8, '\0');
    const std::uint64_t n = json.size();
    for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
    return out + json + data;
}

void writeMlpSafetensors(const std::string& path, const MlpConfig& config, const Eigen::VectorXf& parameters,
                         const SafetensorsContext& context) {
    writeFileAtomically(path, mlpSafetensorsBytes(config, parameters, context));
}

}  // namespace dl
