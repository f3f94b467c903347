#include "ui/document/session.h"

#include <QColor>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cmath>

#include "core/io/jsonseed.h"
#include "core/io/qtschedulejson.h"

namespace dlui {

namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::Session)
};

QJsonArray pathsToJson(const QStringList& paths) {
    QJsonArray out;
    for (const QString& p : paths) out.append(p);
    return out;
}

QJsonObject sourceToJson(const DataSource& s) {
    QJsonObject o{{QStringLiteral("kind"), dataSourceKindName(s.kind)},
                  {QStringLiteral("shape"), s.shape},
                  {QStringLiteral("text"), s.text},
                  {QStringLiteral("paths"), pathsToJson(s.paths)},
                  {QStringLiteral("points"), s.count},
                  {QStringLiteral("seed"), QString::number(s.seed)},
                  {QStringLiteral("image_size"), s.imageSize},
                  {QStringLiteral("rgb"), s.imageRgb},
                  {QStringLiteral("invert"), s.invert},
                  {QStringLiteral("threshold"), s.threshold}};
    if (!s.csvColumns.isEmpty()) o.insert(QStringLiteral("csv_columns"), s.csvColumns);
    if (s.perAxis) o.insert(QStringLiteral("per_axis_scale"), true);
    if (s.kind == DataSource::Kind::ImagePixels) {
        o.insert(QStringLiteral("fit"), s.squash ? QStringLiteral("squash") : QStringLiteral("crop"));
        o.insert(QStringLiteral("background"), s.background);
    }
    if (s.kind == DataSource::Kind::HandDrawn) {
        QJsonArray strokes;
        for (const dl::Stroke& stroke : s.strokes) {
            QJsonArray points;
            for (const Eigen::Vector2f& p : stroke) points.append(QJsonArray{p.x(), p.y()});
            strokes.append(points);
        }
        o.insert(QStringLiteral("strokes"), strokes);
        o.insert(QStringLiteral("brush_radius"), s.brushRadius);
        o.insert(QStringLiteral("density"), s.density);
        o.insert(QStringLiteral("stroke_unit"), s.strokeUnit);
    }
    return o;
}

// A seed that is not one (1e70, -3, "x") keeps the default: a session is read leniently, key by key.
std::uint64_t readSeed(const QJsonValue& v, std::uint64_t fallback) {
    return dl::seedFromJson(v).value_or(fallback);
}

std::optional<DataSource> sourceFromJson(const QJsonObject& o, QString* error) {
    DataSource s;
    if (o.contains(QStringLiteral("kind"))) {
        const auto kind = dataSourceKindFromName(o.value(QStringLiteral("kind")).toString());
        if (!kind) {
            if (error)
                *error =
                    Texts::tr("unknown data source \"%1\"").arg(o.value(QStringLiteral("kind")).toString());
            return std::nullopt;
        }
        s.kind = *kind;
    }
    s.shape = o.value(QStringLiteral("shape")).toString(s.shape);
    s.text = o.value(QStringLiteral("text")).toString();
    for (const QJsonValue& p : o.value(QStringLiteral("paths")).toArray()) s.paths << p.toString();
    s.count = o.value(QStringLiteral("points")).toInt(s.count);
    s.seed = readSeed(o.value(QStringLiteral("seed")), s.seed);
    s.imageSize = o.value(QStringLiteral("image_size")).toInt(s.imageSize);
    s.imageRgb = o.value(QStringLiteral("rgb")).toBool(s.imageRgb);
    s.invert = o.value(QStringLiteral("invert")).toBool(s.invert);
    s.threshold = o.value(QStringLiteral("threshold")).toDouble(s.threshold);
    s.brushRadius = o.value(QStringLiteral("brush_radius")).toDouble(s.brushRadius);
    s.density = o.value(QStringLiteral("density")).toDouble(s.density);
    // Sessions written before strokes were measured in view units used data units: a unit of 1.
    s.strokeUnit = o.value(QStringLiteral("stroke_unit")).toDouble(1.0);
    if (!(s.strokeUnit > 0.0) || !std::isfinite(s.strokeUnit)) s.strokeUnit = 1.0;
    s.csvColumns = o.value(QStringLiteral("csv_columns")).toString();
    s.perAxis = o.value(QStringLiteral("per_axis_scale")).toBool(false);
    s.squash = o.value(QStringLiteral("fit")).toString() == QLatin1String("squash");
    if (const QColor c(o.value(QStringLiteral("background")).toString()); c.isValid())
        s.background = c.name();
    for (const QJsonValue& stroke : o.value(QStringLiteral("strokes")).toArray()) {
        dl::Stroke points;
        for (const QJsonValue& p : stroke.toArray())
            points.emplace_back(static_cast<float>(p.toArray().at(0).toDouble()),
                                static_cast<float>(p.toArray().at(1).toDouble()));
        s.strokes.push_back(std::move(points));
    }
    return s;
}

}  // namespace

QJsonObject sessionToJson(const Session& s) {
    QJsonObject view{{QStringLiteral("t"), s.view.t},
                     {QStringLiteral("mode"), s.view.mode == ViewMode::Reverse ? QStringLiteral("reverse")
                                                                               : QStringLiteral("forward")},
                     {QStringLiteral("markov_chain"), s.view.markovChain},
                     {QStringLiteral("speed"), s.view.speed},
                     {QStringLiteral("loop"), s.view.loop},
                     {QStringLiteral("noise_seed"), QString::number(s.view.noiseSeed)}};
    if (s.view.pinnedSchedule)
        view.insert(QStringLiteral("pinned_schedule"), dl::scheduleParamsToQJson(*s.view.pinnedSchedule));
    QJsonObject o{{QStringLiteral("format"), QStringLiteral("diffusion-lab-session")},
                  {QStringLiteral("version"), kSessionFormatVersion},
                  {QStringLiteral("data"), sourceToJson(s.source)},
                  {QStringLiteral("schedule"), dl::scheduleParamsToQJson(s.schedule)},
                  {QStringLiteral("view"), view}};
    if (!s.modelPath.isEmpty()) o.insert(QStringLiteral("model"), s.modelPath);
    return o;
}

std::optional<Session> sessionFromJson(const QJsonObject& o, QString* error) {
    if (o.value(QStringLiteral("version")).toInt(1) > kSessionFormatVersion) {
        if (error)
            *error = Texts::tr("the session was written by a newer Diffusion Lab (format %1)")
                         .arg(o.value(QStringLiteral("version")).toInt());
        return std::nullopt;
    }
    Session s;
    const std::optional<DataSource> source =
        sourceFromJson(o.value(QStringLiteral("data")).toObject(), error);
    if (!source) return std::nullopt;
    s.source = *source;
    const std::optional<dl::ScheduleParams> schedule =
        dl::scheduleParamsFromQJson(o.value(QStringLiteral("schedule")).toObject(), s.schedule, error);
    if (!schedule) return std::nullopt;
    s.schedule = *schedule;
    const QJsonObject view = o.value(QStringLiteral("view")).toObject();
    s.view.t = view.value(QStringLiteral("t")).toInt(0);
    s.view.mode = view.value(QStringLiteral("mode")).toString() == QLatin1String("reverse")
                      ? ViewMode::Reverse
                      : ViewMode::Forward;
    s.view.markovChain = view.value(QStringLiteral("markov_chain")).toBool(false);
    s.view.speed = view.value(QStringLiteral("speed")).toDouble(s.view.speed);
    s.view.loop = view.value(QStringLiteral("loop")).toBool(false);
    s.view.noiseSeed = readSeed(view.value(QStringLiteral("noise_seed")), s.view.noiseSeed);
    if (view.contains(QStringLiteral("pinned_schedule"))) {
        s.view.pinnedSchedule =
            dl::scheduleParamsFromQJson(view.value(QStringLiteral("pinned_schedule")).toObject(), {}, error);
        if (!s.view.pinnedSchedule) return std::nullopt;
    }
    s.modelPath = o.value(QStringLiteral("model")).toString();
    return s;
}

bool saveSession(const QString& path, const Session& session, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = Texts::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(sessionToJson(session)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error) *error = Texts::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<Session> loadSession(const QString& path, QString* error) {
    // Checked before opening: opening a FIFO would wait for a writer, a folder opens but cannot be read.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        if (error) *error = Texts::tr("cannot read %1: not a regular file").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = Texts::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > 64 * 1024 * 1024) {
        if (error) *error = Texts::tr("%1 is too large for a session file").arg(path);
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        // Qt's parser words ("illegal value") told a person nothing; say what is wrong, and where.
        if (error)
            *error = parse.error != QJsonParseError::NoError
                         ? Texts::tr(
                               "%1 is not a session file: it is not valid JSON (the problem is near "
                               "character %2).")
                               .arg(path)
                               .arg(parse.offset)
                         : Texts::tr("%1 is not a session file: it holds no JSON object.").arg(path);
        return std::nullopt;
    }
    QString inner;
    std::optional<Session> s = sessionFromJson(doc.object(), &inner);
    if (!s && error) *error = Texts::tr("%1: %2").arg(path, inner);
    return s;
}

Session captureSession(const LabDocument& document) {
    Session s;
    s.source = document.dataSource();
    s.schedule = document.schedule().params();
    const ViewState& view = document.viewState();
    s.view.t = view.t;
    s.view.mode = view.mode;
    s.view.markovChain = view.markovChain;
    s.view.speed = view.speed;
    s.view.loop = view.loop;
    s.view.noiseSeed = document.noiseSeed();
    if (document.pinnedSchedule()) s.view.pinnedSchedule = document.pinnedSchedule()->params();
    s.modelPath = document.modelPath();
    return s;
}

}  // namespace dlui
