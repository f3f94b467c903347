#include "core/model/modelfile.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <sstream>
#include <type_traits>

#include "core/data/atomicfile.h"
#include "core/data/regularfile.h"
#include "core/math/error.h"
#include "core/model/memorybudget.h"
#include "core/model/mlp.h"

namespace dl {
namespace {

constexpr char kMagic[8] = {'D', 'L', 'M', 'O', 'D', 'E', 'L', '\0'};
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8;
constexpr std::uint64_t kMaxCount = 1ULL << 34;  // far beyond any real model, stops absurd allocations
// Each side of an image model; the data sets themselves are much smaller (limits::kMaxImageSide).
constexpr int kMaxModelImageSide = 1024;

std::uint32_t crc32(std::string_view bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = table[(c ^ b) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// ---- writing --------------------------------------------------------------------------------------

class Writer {
public:
    template <typename T>
    void put(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        // The format is little-endian; every platform this builds on is too.
        static_assert(std::endian::native == std::endian::little, "model files assume a little-endian host");
        char raw[sizeof(T)];
        std::memcpy(raw, &value, sizeof(T));
        mBytes.append(raw, sizeof(T));
    }
    void putString(const std::string& s) {
        put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        mBytes.append(s);
    }
    void putFloats(const float* data, std::size_t n) {
        put<std::uint64_t>(n);
        mBytes.append(reinterpret_cast<const char*>(data), n * sizeof(float));
    }
    void putVector(const Eigen::VectorXf& v) { putFloats(v.data(), static_cast<std::size_t>(v.size())); }
    std::string& bytes() { return mBytes; }

private:
    std::string mBytes;
};

void addSection(std::string& out, int& count, const char tag[5], const std::string& body) {
    out.append(tag, 4);
    std::uint64_t n = body.size();
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out.append(body);
    ++count;
}

// ---- reading --------------------------------------------------------------------------------------

class Reader {
public:
    Reader(std::string_view bytes, std::string source, std::string section)
        : mBytes(bytes), mSource(std::move(source)), mSection(std::move(section)) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw Error("model file " + mSource + ": section " + mSection + " is malformed: " + what);
    }
    void need(std::uint64_t n) const {
        if (n > mBytes.size() - mPos)
            fail("needs " + std::to_string(n) + " more bytes, " + std::to_string(mBytes.size() - mPos) +
                 " left");
    }
    template <typename T>
    T get() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, mBytes.data() + mPos, sizeof(T));
        mPos += sizeof(T);
        return value;
    }
    int getInt() { return get<std::int32_t>(); }
    std::string getString() {
        const std::uint32_t n = get<std::uint32_t>();
        need(n);
        std::string s(mBytes.substr(mPos, n));
        mPos += n;
        return s;
    }
    std::vector<float> getFloats() {
        const std::uint64_t n = get<std::uint64_t>();
        if (n > kMaxCount) fail("implausible length " + std::to_string(n));
        need(n * sizeof(float));
        std::vector<float> v(n);
        if (n > 0) std::memcpy(v.data(), mBytes.data() + mPos, n * sizeof(float));
        mPos += n * sizeof(float);
        return v;
    }
    Eigen::VectorXf getVector() {
        const std::vector<float> v = getFloats();
        return Eigen::Map<const Eigen::VectorXf>(v.data(), static_cast<Eigen::Index>(v.size()));
    }
    void finish() const {
        if (mPos != mBytes.size()) fail(std::to_string(mBytes.size() - mPos) + " unexpected trailing bytes");
    }

private:
    std::string_view mBytes;
    std::size_t mPos = 0;
    std::string mSource, mSection;
};

}  // namespace

void dataRange(const Batch& data, Eigen::VectorXf& min, Eigen::VectorXf& max) {
    if (data.rows() == 0) {
        min.resize(data.cols());
        max.resize(data.cols());
        min.setZero();
        max.setZero();
        return;
    }
    min = data.colwise().minCoeff().transpose();
    max = data.colwise().maxCoeff().transpose();
}

std::optional<std::string> validateModelFile(const ModelFile& m) {
    if (auto p = validateMlpConfig(m.model)) return "architecture: " + *p;
    if (auto p = Schedule::validate(m.schedule)) return "schedule: " + *p;
    if (auto p = validateTrainerConfig(m.trainer)) return "training settings: " + *p;
    if (auto p = checkModelSize(m.model)) return "architecture: " + *p;
    const Eigen::Index d = m.model.dataDim;
    // Counted, not built: a network is allocated only after the file is known to hold its weights.
    const Eigen::Index P = mlpParameterCount(m.model);
    if (m.parameters.size() != P)
        return "weights: " + std::to_string(m.parameters.size()) + " values, the architecture needs " +
               std::to_string(P);
    if (m.emaParameters.size() != P)
        return "EMA weights: " + std::to_string(m.emaParameters.size()) + " values, the architecture needs " +
               std::to_string(P);
    if (!((m.optimizer.m.size() == 0 && m.optimizer.v.size() == 0) ||
          (m.optimizer.m.size() == P && m.optimizer.v.size() == P)))
        return "optimizer state: sizes " + std::to_string(m.optimizer.m.size()) + "/" +
               std::to_string(m.optimizer.v.size()) + " do not match " + std::to_string(P) + " weights";
    if (m.normalisation.offset.size() != d) return "normalisation: offset has the wrong dimension";
    if (!m.normalisation.offset.allFinite()) return "normalisation: offset contains NaN or infinite values";
    // Samples are mapped back as x·scale + offset; |x| stays far below 1e6, so this keeps them finite.
    if (!(std::isfinite(m.normalisation.scale) && m.normalisation.scale > 0.0f &&
          m.normalisation.scale < 1e30f))
        return "normalisation: scale must be positive and below 1e30";
    if (m.normalisation.offset.cwiseAbs().maxCoeff() >= 1e30f)
        return "normalisation: offset must be below 1e30";
    if (m.normalisation.perAxis() &&
        (m.normalisation.axisScale.size() != d || !m.normalisation.axisScale.allFinite() ||
         m.normalisation.axisScale.minCoeff() <= 0.0f || m.normalisation.axisScale.maxCoeff() >= 1e30f))
        return "normalisation: per-axis scales must be " + std::to_string(d) + " positive numbers below 1e30";
    if (m.dataMin.size() != d || m.dataMax.size() != d) return "data range: wrong dimension";
    if (!m.dataMin.allFinite() || !m.dataMax.allFinite()) return "data range contains NaN or infinite values";
    if (m.referenceSample.rows() > 0 && m.referenceSample.cols() != d)
        return "reference sample: wrong dimension";
    if (!m.referenceSample.allFinite()) return "reference sample contains NaN or infinite values";
    if (m.dataKind == DataKind::Image) {
        const ImageShape& im = m.image;
        if (im.width < 1 || im.width > kMaxModelImageSide || im.height < 1 || im.height > kMaxModelImageSide)
            return "image size " + std::to_string(im.width) + "×" + std::to_string(im.height) +
                   ": each side must be from 1 to " + std::to_string(kMaxModelImageSide);
        if (im.channels != 1 && im.channels != 3 && im.channels != 4)
            return "image channels must be 1, 3 or 4, got " + std::to_string(im.channels);
        if (static_cast<std::int64_t>(im.width) * im.height * im.channels != d)
            return "image shape " + std::to_string(im.width) + "×" + std::to_string(im.height) + "×" +
                   std::to_string(im.channels) + " does not match the data dimension " + std::to_string(d);
    }
    if (m.heldOutSample.rows() > 0 && m.heldOutSample.cols() != d) return "held-out rows: wrong dimension";
    if (!m.heldOutSample.allFinite()) return "held-out rows contain NaN or infinite values";
    if (m.step < 0) return "step count is negative";
    if (!m.parameters.allFinite() || !m.emaParameters.allFinite())
        return "weights contain NaN or infinite values";
    return std::nullopt;
}

std::string serialiseModelFile(const ModelFile& m) {
    if (auto problem = validateModelFile(m)) throw Error("cannot save model: " + *problem);
    // Version 1 unless per-axis scales need a reader that knows them: older builds keep reading the rest.
    const std::uint32_t version = m.normalisation.perAxis() ? 2 : 1;
    std::string sections;
    int count = 0;
    {
        std::ostringstream meta;
        meta << "format=diffusion-lab model\nversion=" << version
             << "\narchitecture=" << describeMlpConfig(m.model)
             << "\nschedule=" << scheduleKindName(m.schedule.kind) << " T=" << m.schedule.T
             << "\ndata=" << m.dataName << "\nstep=" << m.step << "\nparameters=" << m.parameters.size()
             << "\n";
        addSection(sections, count, "META", meta.str());
    }
    {
        Writer w;
        w.put<std::int32_t>(m.model.dataDim);
        w.put<std::int32_t>(m.model.inputFeatures);
        w.put<float>(m.model.featureScale);
        w.put<std::int32_t>(m.model.timeEmbedding);
        w.put<std::int32_t>(m.model.hidden);
        w.put<std::int32_t>(m.model.layers);
        w.put<std::uint8_t>(m.model.residual ? 1 : 0);
        w.put<std::uint8_t>(static_cast<std::uint8_t>(m.model.activation));
        w.put<std::uint8_t>(static_cast<std::uint8_t>(m.model.target));
        addSection(sections, count, "ARCH", w.bytes());
    }
    {
        Writer w;
        const ScheduleParams& s = m.schedule;
        w.put<std::uint8_t>(static_cast<std::uint8_t>(s.kind));
        w.put<std::int32_t>(s.T);
        w.put<double>(s.betaStart);
        w.put<double>(s.betaEnd);
        w.put<std::uint8_t>(s.zeroTerminalSnr ? 1 : 0);
        w.put<std::uint32_t>(static_cast<std::uint32_t>(s.customBetas.size()));
        for (double b : s.customBetas) w.put<double>(b);
        w.put<std::uint32_t>(static_cast<std::uint32_t>(s.customControlPoints.size()));
        for (const auto& c : s.customControlPoints) {
            w.put<double>(c.u);
            w.put<double>(c.beta);
        }
        addSection(sections, count, "SCHD", w.bytes());
    }
    {
        Writer w;
        w.put<std::uint8_t>(static_cast<std::uint8_t>(m.dataKind));
        w.putString(m.dataName);
        w.putVector(m.normalisation.offset);
        w.put<float>(m.normalisation.scale);
        w.put<std::int32_t>(m.image.width);
        w.put<std::int32_t>(m.image.height);
        w.put<std::int32_t>(m.image.channels);
        w.putVector(m.dataMin);
        w.putVector(m.dataMax);
        addSection(sections, count, "DATA", w.bytes());
    }
    {
        Writer w;
        w.put<std::int32_t>(static_cast<std::int32_t>(m.referenceSample.rows()));
        w.put<std::int32_t>(static_cast<std::int32_t>(m.referenceSample.cols()));
        w.putFloats(m.referenceSample.data(), static_cast<std::size_t>(m.referenceSample.size()));
        addSection(sections, count, "REFS", w.bytes());
    }
    if (m.heldOutSample.rows() > 0) {
        Writer w;
        w.put<std::int32_t>(static_cast<std::int32_t>(m.heldOutSample.rows()));
        w.put<std::int32_t>(static_cast<std::int32_t>(m.heldOutSample.cols()));
        w.putFloats(m.heldOutSample.data(), static_cast<std::size_t>(m.heldOutSample.size()));
        addSection(sections, count, "HOLD", w.bytes());
    }
    if (m.normalisation.perAxis()) {
        Writer w;
        w.putVector(m.normalisation.axisScale);
        addSection(sections, count, "AXSC", w.bytes());
    }
    {
        Writer w;
        const TrainerConfig& t = m.trainer;
        w.put<std::int32_t>(t.batchSize);
        w.put<std::int32_t>(t.steps);
        w.put<float>(t.learningRate);
        w.put<std::int32_t>(t.warmupSteps);
        w.put<float>(t.minLearningRate);
        w.put<float>(t.weightDecay);
        w.put<float>(t.beta1);
        w.put<float>(t.beta2);
        w.put<float>(t.gradClip);
        w.put<float>(t.emaDecay);
        w.put<std::uint64_t>(t.seed);
        w.put<std::int32_t>(t.threads);
        addSection(sections, count, "TRCF", w.bytes());
    }
    {
        Writer w;
        w.put<std::int32_t>(m.step);
        addSection(sections, count, "STEP", w.bytes());
    }
    {
        Writer w;
        w.putFloats(m.lossHistory.data(), m.lossHistory.size());
        addSection(sections, count, "LOSS", w.bytes());
    }
    {
        Writer w;
        w.putVector(m.parameters);
        addSection(sections, count, "PARM", w.bytes());
    }
    {
        Writer w;
        w.putVector(m.emaParameters);
        addSection(sections, count, "EMAP", w.bytes());
    }
    {
        Writer w;
        w.putVector(m.optimizer.m);
        w.putVector(m.optimizer.v);
        addSection(sections, count, "ADAM", w.bytes());
    }

    Writer header;
    header.bytes().append(kMagic, sizeof kMagic);
    header.put<std::uint32_t>(version);
    header.put<std::uint32_t>(static_cast<std::uint32_t>(count));
    header.put<std::uint64_t>(sections.size());
    std::string out = std::move(header.bytes());
    out += sections;
    const std::uint32_t crc = crc32(out);
    out.append(reinterpret_cast<const char*>(&crc), sizeof crc);
    return out;
}

ModelFile parseModelFile(std::string_view bytes, const std::string& source) {
    const std::string name = "'" + source + "'";
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw Error("model file " + name + " is not a Diffusion Lab model (wrong magic bytes)");
    if (bytes.size() < kHeaderBytes + 4)
        throw Error("model file " + name + " is truncated: " + std::to_string(bytes.size()) + " bytes");
    std::uint32_t version = 0, sectionCount = 0;
    std::uint64_t payload = 0;
    std::memcpy(&version, bytes.data() + 8, 4);
    std::memcpy(&sectionCount, bytes.data() + 12, 4);
    std::memcpy(&payload, bytes.data() + 16, 8);
    if (version > kModelFileVersion)
        throw Error("model file " + name + " has format version " + std::to_string(version) +
                    ", newer than this build reads (" + std::to_string(kModelFileVersion) +
                    "); open it with a newer Diffusion Lab");
    if (version == 0) throw Error("model file " + name + " has an invalid format version 0");
    const std::uint64_t expected = kHeaderBytes + payload + 4;
    if (payload > bytes.size() || bytes.size() < expected)
        throw Error("model file " + name + " is truncated: " + std::to_string(bytes.size()) +
                    " bytes, the header says " + std::to_string(expected));
    if (bytes.size() > expected)
        throw Error("model file " + name + " has " + std::to_string(bytes.size() - expected) +
                    " unexpected bytes after its end");
    std::uint32_t storedCrc = 0;
    std::memcpy(&storedCrc, bytes.data() + kHeaderBytes + payload, 4);
    if (crc32(bytes.substr(0, kHeaderBytes + payload)) != storedCrc)
        throw Error("model file " + name + " is corrupted (checksum mismatch)");

    ModelFile m;
    // The first kRequiredSections tags must all be present; the later ones are optional.
    constexpr int kRequiredSections = 11, kKnownSections = 13;
    bool seen[kKnownSections] = {};
    const char* tags[kKnownSections] = {"META", "ARCH", "SCHD", "DATA", "REFS", "TRCF", "STEP",
                                        "LOSS", "PARM", "EMAP", "ADAM", "HOLD", "AXSC"};
    std::size_t pos = kHeaderBytes;
    const std::size_t end = kHeaderBytes + payload;
    for (std::uint32_t s = 0; s < sectionCount; ++s) {
        if (end - pos < 12)
            throw Error("model file " + name + " is malformed: section table runs past the payload");
        const std::string tag(bytes.substr(pos, 4));
        std::uint64_t length = 0;
        std::memcpy(&length, bytes.data() + pos + 4, 8);
        pos += 12;
        if (length > end - pos)
            throw Error("model file " + name + " is malformed: section " + tag + " runs past the payload");
        Reader r(bytes.substr(pos, length), name, tag);
        pos += length;
        int index = -1;
        for (int i = 0; i < kKnownSections; ++i)
            if (tag == tags[i]) index = i;
        if (index < 0) continue;  // a section from a later minor revision: skipped
        if (seen[index]) r.fail("appears twice");
        seen[index] = true;
        switch (index) {
            case 0:
                continue;  // META is for people
            case 1: {
                m.model.dataDim = r.getInt();
                m.model.inputFeatures = r.getInt();
                m.model.featureScale = r.get<float>();
                m.model.timeEmbedding = r.getInt();
                m.model.hidden = r.getInt();
                m.model.layers = r.getInt();
                m.model.residual = r.get<std::uint8_t>() != 0;
                const auto act = r.get<std::uint8_t>();
                const auto target = r.get<std::uint8_t>();
                if (act > static_cast<std::uint8_t>(Activation::Relu))
                    r.fail("unknown activation " + std::to_string(act));
                if (target > static_cast<std::uint8_t>(PredictionTarget::V))
                    r.fail("unknown prediction target " + std::to_string(target));
                m.model.activation = static_cast<Activation>(act);
                m.model.target = static_cast<PredictionTarget>(target);
                break;
            }
            case 2: {
                const auto kind = r.get<std::uint8_t>();
                if (kind > static_cast<std::uint8_t>(ScheduleKind::Custom)) r.fail("unknown schedule kind");
                m.schedule.kind = static_cast<ScheduleKind>(kind);
                m.schedule.T = r.getInt();
                m.schedule.betaStart = r.get<double>();
                m.schedule.betaEnd = r.get<double>();
                m.schedule.zeroTerminalSnr = r.get<std::uint8_t>() != 0;
                const std::uint32_t nb = r.get<std::uint32_t>();
                r.need(static_cast<std::uint64_t>(nb) * 8);
                for (std::uint32_t i = 0; i < nb; ++i) m.schedule.customBetas.push_back(r.get<double>());
                const std::uint32_t nc = r.get<std::uint32_t>();
                r.need(static_cast<std::uint64_t>(nc) * 16);
                for (std::uint32_t i = 0; i < nc; ++i) {
                    BetaControlPoint c;
                    c.u = r.get<double>();
                    c.beta = r.get<double>();
                    m.schedule.customControlPoints.push_back(c);
                }
                break;
            }
            case 3: {
                const auto kind = r.get<std::uint8_t>();
                if (kind > static_cast<std::uint8_t>(DataKind::Image)) r.fail("unknown data kind");
                m.dataKind = static_cast<DataKind>(kind);
                m.dataName = r.getString();
                m.normalisation.offset = r.getVector();
                m.normalisation.scale = r.get<float>();
                m.image.width = r.getInt();
                m.image.height = r.getInt();
                m.image.channels = r.getInt();
                m.dataMin = r.getVector();
                m.dataMax = r.getVector();
                break;
            }
            case 4:
            case 11: {
                const int rows = r.getInt(), cols = r.getInt();
                const std::vector<float> v = r.getFloats();
                if (rows < 0 || cols < 0 || static_cast<std::uint64_t>(rows) * cols != v.size())
                    r.fail(std::string(index == 4 ? "reference sample" : "held-out rows") + " shape " +
                           std::to_string(rows) + "×" + std::to_string(cols) + " does not match its " +
                           std::to_string(v.size()) + " values");
                (index == 4 ? m.referenceSample : m.heldOutSample) =
                    Eigen::Map<const Batch>(v.data(), rows, cols);
                break;
            }
            case 5: {
                TrainerConfig& t = m.trainer;
                t.batchSize = r.getInt();
                t.steps = r.getInt();
                t.learningRate = r.get<float>();
                t.warmupSteps = r.getInt();
                t.minLearningRate = r.get<float>();
                t.weightDecay = r.get<float>();
                t.beta1 = r.get<float>();
                t.beta2 = r.get<float>();
                t.gradClip = r.get<float>();
                t.emaDecay = r.get<float>();
                t.seed = r.get<std::uint64_t>();
                t.threads = r.getInt();
                break;
            }
            case 6:
                m.step = r.getInt();
                break;
            case 7:
                m.lossHistory = r.getFloats();
                break;
            case 8:
                m.parameters = r.getVector();
                break;
            case 9:
                m.emaParameters = r.getVector();
                break;
            case 10:
                m.optimizer.m = r.getVector();
                m.optimizer.v = r.getVector();
                break;
            case 12:
                m.normalisation.axisScale = r.getVector();
                break;
        }
        r.finish();
    }
    if (pos != end) throw Error("model file " + name + " is malformed: bytes after the last section");
    for (int i = 1; i < kRequiredSections; ++i)
        if (!seen[i])
            throw Error("model file " + name + " is incomplete: section " + tags[i] + " is missing");
    if (auto problem = validateModelFile(m))
        throw Error("model file " + name + " is inconsistent: " + *problem);
    return m;
}

void saveModelFile(const std::string& path, const ModelFile& model) {
    writeFileAtomically(path, serialiseModelFile(model));
}

ModelFile loadModelFile(const std::string& path) {
    return parseModelFile(readRegularFile(path, limits::kMaxModelFileBytes, "model file"), path);
}

namespace {

void fillData(ModelFile& f, const DataSet& data, Rng& rng) {
    f.dataKind = data.kind;
    f.dataName = data.name;
    f.normalisation = data.norm;
    f.image = data.image;
    dataRange(data.points, f.dataMin, f.dataMax);
    // A uniform subsample without replacement (partial Fisher–Yates), in the data's own order.
    const int n = data.size();
    const int keep = std::min(n, kModelReferenceRows);
    std::vector<int> index(n);
    for (int i = 0; i < n; ++i) index[i] = i;
    for (int i = 0; i < keep; ++i) std::swap(index[i], index[rng.uniformInt(i, n - 1)]);
    std::sort(index.begin(), index.begin() + keep);
    f.referenceSample.resize(keep, data.dim());
    for (int i = 0; i < keep; ++i) f.referenceSample.row(i) = data.points.row(index[i]);
}

}  // namespace

ModelFile modelFileFromTrainer(const Trainer& trainer, Rng& rng) {
    ModelFile f;
    f.model = trainer.modelConfig();
    f.schedule = trainer.schedule().params();
    fillData(f, trainer.data(), rng);
    f.trainer = trainer.config();
    f.step = trainer.stepsDone();
    f.lossHistory = trainer.lossHistory().toVector();
    f.parameters = trainer.parameters();
    f.emaParameters = trainer.emaParameters();
    f.optimizer = trainer.optimizerState();
    return f;
}

ModelFile modelFileFromSnapshot(const TrainingSnapshot& snapshot, const DataSet& data,
                                const TrainerConfig& config, Rng& rng) {
    ModelFile f;
    f.model = snapshot.config;
    f.schedule = snapshot.schedule;
    fillData(f, data, rng);
    f.trainer = config;
    f.step = snapshot.step;
    f.lossHistory = snapshot.lossHistory.toVector();
    f.parameters = snapshot.parameters;
    f.emaParameters = snapshot.parameters;
    return f;
}

}  // namespace dl
