#include "core/io/lessonfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "core/data/datalimits.h"
#include "core/data/pointgenerators.h"
#include "core/io/jsonseed.h"
#include "core/io/qtschedulejson.h"

namespace dl {

namespace {

// Messages of a lesson or session file, in the window's language. A named context lupdate can see: a
// free function wrapping QCoreApplication::translate would hide every message from it.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dl::Lesson)
};

/// Lesson files are small; anything larger is not one.
constexpr qint64 kMaxLessonBytes = 4 * 1024 * 1024;

/// Reading stops at the first problem; the message names where it is ("step 3: …").
struct Reader {
    QString where;
    QString error;

    bool fail(const QString& message) {
        if (error.isEmpty()) error = where.isEmpty() ? message : QStringLiteral("%1: %2").arg(where, message);
        return false;
    }

    /// Every key of `o` must be one of `known`: a misspelt key would otherwise be silently ignored.
    bool onlyKeys(const QJsonObject& o, std::initializer_list<const char*> known, const QString& object) {
        for (const QString& key : o.keys()) {
            const bool ok = std::any_of(known.begin(), known.end(),
                                        [&](const char* k) { return key == QLatin1String(k); });
            if (!ok) return fail(Texts::tr("unknown key \"%1\" in %2").arg(key, object));
        }
        return true;
    }

    bool readBool(const QJsonObject& o, const char* key, bool& out) {
        if (!o.contains(QLatin1String(key))) return true;
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isBool()) return fail(Texts::tr("\"%1\" must be true or false").arg(QLatin1String(key)));
        out = v.toBool();
        return true;
    }

    bool readInt(const QJsonObject& o, const char* key, int min, int max, int& out) {
        if (!o.contains(QLatin1String(key))) return true;
        const QJsonValue v = o.value(QLatin1String(key));
        const double d = v.toDouble(-1e300);
        // The range first: converting a double beyond long long's range to it is undefined behaviour.
        if (!v.isDouble() || !(d >= min && d <= max) || d != std::floor(d))
            return fail(Texts::tr("\"%1\" must be a whole number from %2 to %3")
                            .arg(QLatin1String(key))
                            .arg(min)
                            .arg(max));
        out = static_cast<int>(d);
        return true;
    }

    bool readDouble(const QJsonObject& o, const char* key, double min, double max, double& out) {
        if (!o.contains(QLatin1String(key))) return true;
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
            return fail(
                Texts::tr("\"%1\" must be a number from %2 to %3").arg(QLatin1String(key)).arg(min).arg(max));
        out = v.toDouble();
        return true;
    }

    bool readSeed(const QJsonObject& o, const char* key, std::uint64_t& out) {
        if (!o.contains(QLatin1String(key))) return true;
        const QJsonValue v = o.value(QLatin1String(key));
        const std::optional<std::uint64_t> seed = seedFromJson(v);
        if (seed) out = *seed;
        return seed || fail(Texts::tr("\"%1\" must be a non-negative whole number").arg(QLatin1String(key)));
    }

    bool readText(const QJsonObject& parent, const char* key, LessonText& out) {
        const QJsonValue v = parent.value(QLatin1String(key));
        if (!v.isObject())
            return fail(Texts::tr("\"%1\" must be an object with \"en\" and \"zh_CN\" texts")
                            .arg(QLatin1String(key)));
        const QJsonObject o = v.toObject();
        if (!onlyKeys(o, {"en", "zh_CN"}, QLatin1String(key))) return false;
        out.en = o.value(QStringLiteral("en")).toString().trimmed();
        out.zhCN = o.value(QStringLiteral("zh_CN")).toString().trimmed();
        if (out.en.isEmpty() || out.zhCN.isEmpty())
            return fail(
                Texts::tr("\"%1\" needs a non-empty \"en\" and \"zh_CN\" text").arg(QLatin1String(key)));
        return true;
    }

    bool readData(const QJsonObject& o, const QString& folder, LessonData& d) {
        if (!onlyKeys(o, {"kind", "shape", "text", "paths", "points", "seed"}, QStringLiteral("\"data\"")))
            return false;
        if (o.contains(QStringLiteral("kind"))) {
            d.kind = o.value(QStringLiteral("kind")).toString();
            const QStringList kinds{QStringLiteral("builtin"), QStringLiteral("text"), QStringLiteral("csv"),
                                    QStringLiteral("image_shape")};
            if (!kinds.contains(d.kind))
                return fail(Texts::tr("data \"kind\" must be builtin, text, csv or image_shape, not \"%1\"")
                                .arg(d.kind));
        }
        d.shape = o.value(QStringLiteral("shape")).toString(d.shape);
        d.text = o.value(QStringLiteral("text")).toString(d.text);
        if (o.contains(QStringLiteral("paths"))) {
            const QJsonArray paths = o.value(QStringLiteral("paths")).toArray();
            if (paths.size() != 1 || !paths.at(0).isString())
                return fail(Texts::tr("data \"paths\" must hold exactly one file name"));
            d.path = QDir(folder).filePath(paths.at(0).toString());
        }
        if (!readInt(o, "points", 1, limits::kMaxPoints, d.points) || !readSeed(o, "seed", d.seed))
            return false;
        const auto& shapes = builtInPointShapes();
        if (d.kind == QLatin1String("builtin") &&
            std::find(shapes.begin(), shapes.end(), d.shape.toStdString()) == shapes.end())
            return fail(Texts::tr("unknown data shape \"%1\"").arg(d.shape));
        if (d.kind == QLatin1String("text") && d.text.trimmed().isEmpty())
            return fail(Texts::tr("data of kind text needs a \"text\""));
        if ((d.kind == QLatin1String("csv") || d.kind == QLatin1String("image_shape")) && d.path.isEmpty())
            return fail(Texts::tr("data of kind %1 needs \"paths\"").arg(d.kind));
        return true;
    }

    bool readSchedule(const QJsonObject& o, ScheduleParams& p) {
        QString problem;
        const auto params = scheduleParamsFromQJson(o, p, &problem);
        if (!params) return fail(problem);
        if (const auto invalid = Schedule::validate(*params)) return fail(QString::fromStdString(*invalid));
        p = *params;
        return true;
    }

    /// "view": t (a number or "T" for the last step), mode, play, noise_seed.
    bool readView(const QJsonObject& o, LessonStep& s, bool& tAtEnd) {
        if (!onlyKeys(o, {"t", "mode", "play", "noise_seed"}, QStringLiteral("\"view\""))) return false;
        if (o.value(QStringLiteral("t")).toString() == QLatin1String("T")) {
            tAtEnd = true;
        } else if (o.contains(QStringLiteral("t"))) {
            tAtEnd = false;
            if (!readInt(o, "t", 0, kMaxTimesteps, s.t)) return false;
        }
        if (o.contains(QStringLiteral("mode"))) {
            const QString mode = o.value(QStringLiteral("mode")).toString();
            if (mode != QLatin1String("forward") && mode != QLatin1String("reverse"))
                return fail(Texts::tr("view \"mode\" must be forward or reverse, not \"%1\"").arg(mode));
            s.reverse = mode == QLatin1String("reverse");
        }
        return readBool(o, "play", s.play) && readSeed(o, "noise_seed", s.noiseSeed);
    }

    /// "sampler": denoiser (learned/exact), kind, steps, eta, langevin_step, langevin_steps_per_level,
    /// points.
    bool readSampler(const QJsonObject& o, LessonStep& s) {
        if (!onlyKeys(
                o,
                {"denoiser", "kind", "steps", "eta", "langevin_step", "langevin_steps_per_level", "points"},
                QStringLiteral("\"sampler\"")))
            return false;
        if (o.contains(QStringLiteral("denoiser"))) {
            const QString d = o.value(QStringLiteral("denoiser")).toString();
            if (d != QLatin1String("learned") && d != QLatin1String("exact"))
                return fail(Texts::tr("sampler \"denoiser\" must be learned or exact, not \"%1\"").arg(d));
            s.learned = d == QLatin1String("learned");
        }
        if (o.contains(QStringLiteral("kind"))) {
            const QString name = o.value(QStringLiteral("kind")).toString();
            const auto kind = samplerKindFromName(name.toStdString());
            if (!kind)
                return fail(
                    Texts::tr("sampler \"kind\" must be ddpm, ddpm-beta, ddim or langevin, not \"%1\"")
                        .arg(name));
            s.sampler.kind = *kind;
        }
        return readInt(o, "steps", 0, kMaxTimesteps, s.sampler.steps) &&
               readDouble(o, "eta", 0.0, 1.0, s.sampler.eta) &&
               readDouble(o, "langevin_step", 1e-6, 10.0, s.sampler.langevinStepSize) &&
               readInt(o, "langevin_steps_per_level", 1, 1000, s.sampler.langevinStepsPerLevel) &&
               readInt(o, "points", 1, 100'000, s.samplePoints);
    }

    bool readOverlays(const QJsonObject& o, LessonOverlays& v) {
        return onlyKeys(o, {"learned_arrows", "exact_arrows", "density"}, QStringLiteral("\"overlays\"")) &&
               readBool(o, "learned_arrows", v.learnedArrows) && readBool(o, "exact_arrows", v.exactArrows) &&
               readBool(o, "density", v.density);
    }

    bool readObject(const QJsonObject& step, const char* key, QJsonObject& out) {
        if (!step.contains(QLatin1String(key))) return true;
        if (!step.value(QLatin1String(key)).isObject())
            return fail(Texts::tr("\"%1\" must be an object").arg(QLatin1String(key)));
        out = step.value(QLatin1String(key)).toObject();
        return true;
    }

    /// The checks that need the whole step: t within the schedule, what a reverse view needs.
    bool checkStep(LessonStep& s, bool tAtEnd) {
        if (tAtEnd) s.t = s.schedule.T;
        if (s.t > s.schedule.T)
            return fail(
                Texts::tr("\"t\" is %1, but the schedule has only T = %2 steps").arg(s.t).arg(s.schedule.T));
        if (s.overlays.learnedArrows && s.modelPath.isEmpty())
            return fail(Texts::tr("the learned field overlay needs a \"model\""));
        if (!s.reverse) return true;
        if (s.learned && s.modelPath.isEmpty())
            return fail(Texts::tr(
                "a reverse view with the learned denoiser needs a \"model\" (or \"denoiser\": \"exact\")"));
        // The learned model samples with its own schedule; lessons keep the editor's equal to it.
        if (const auto problem = validateSamplerParams(s.sampler, Schedule(s.schedule), 2))
            return fail(Texts::tr("sampler: %1").arg(QString::fromStdString(*problem)));
        return true;
    }
};

QString resolveModel(const QJsonValue& v, const QString& folder) {
    const QString name = v.toString();
    return name.isEmpty() ? QString() : QDir(folder).filePath(name);
}

std::optional<QJsonObject> readJsonFile(const QString& path, QString* error) {
    const QFileInfo info(path);
    QFile file(path);
    if ((info.exists() && !info.isFile()) || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Texts::tr("cannot read %1: %2")
                         .arg(path, info.exists() ? Texts::tr("not a regular file") : file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxLessonBytes) {
        if (error) *error = Texts::tr("%1 is too large for a lesson or session file").arg(path);
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error =
                Texts::tr("%1 is not JSON: %2 at offset %3").arg(path, parse.errorString()).arg(parse.offset);
        return std::nullopt;
    }
    return doc.object();
}

}  // namespace

QString LessonText::text(const QLocale& locale) const {
    return locale.language() == QLocale::Chinese ? zhCN : en;
}

bool isLessonJson(const QJsonObject& json) {
    return json.value(QStringLiteral("format")).toString() == QLatin1String("diffusion-lab-lesson");
}

std::optional<Lesson> lessonFromJson(const QJsonObject& json, const QString& folder, QString* error) {
    Reader r;
    const auto failed = [&]() -> std::optional<Lesson> {
        if (error) *error = r.error;
        return std::nullopt;
    };
    if (!isLessonJson(json)) {
        r.fail(Texts::tr("not a lesson: \"format\" must be \"diffusion-lab-lesson\""));
        return failed();
    }
    if (json.value(QStringLiteral("version")).toInt(1) > kLessonFormatVersion) {
        r.fail(Texts::tr("the lesson was written for a newer Diffusion Lab (format %1)")
                   .arg(json.value(QStringLiteral("version")).toInt()));
        return failed();
    }
    Lesson lesson;
    if (!r.onlyKeys(json, {"format", "version", "title", "summary", "steps"}, Texts::tr("the lesson")) ||
        !r.readText(json, "title", lesson.title) || !r.readText(json, "summary", lesson.summary))
        return failed();
    const QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
    if (steps.isEmpty()) {
        r.fail(Texts::tr("a lesson needs at least one step in \"steps\""));
        return failed();
    }
    if (steps.size() > 99) {
        r.fail(Texts::tr("a lesson has at most 99 steps, this one has %1").arg(steps.size()));
        return failed();
    }
    LessonStep current;
    bool tAtEnd = false;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        r.where = Texts::tr("step %1").arg(i + 1);
        if (!steps.at(i).isObject()) {
            r.fail(Texts::tr("must be an object"));
            return failed();
        }
        const QJsonObject step = steps.at(i).toObject();
        QJsonObject data, schedule, view, sampler, overlays;
        if (!r.onlyKeys(step,
                        {"data", "schedule", "view", "sampler", "overlays", "explain", "schedule_plots",
                         "schedule_checks", "model", "narration"},
                        Texts::tr("the step")) ||
            !r.readObject(step, "data", data) || !r.readObject(step, "schedule", schedule) ||
            !r.readObject(step, "view", view) || !r.readObject(step, "sampler", sampler) ||
            !r.readObject(step, "overlays", overlays))
            return failed();
        // A new step does not inherit playback or narration, only the state on screen.
        current.play = false;
        if (!r.readData(data, folder, current.data) || !r.readSchedule(schedule, current.schedule) ||
            !r.readView(view, current, tAtEnd) || !r.readSampler(sampler, current) ||
            !r.readOverlays(overlays, current.overlays) || !r.readBool(step, "explain", current.explain) ||
            !r.readBool(step, "schedule_plots", current.schedulePlots) ||
            !r.readBool(step, "schedule_checks", current.scheduleChecks) ||
            !r.readText(step, "narration", current.narration))
            return failed();
        if (step.contains(QStringLiteral("model"))) {
            if (!step.value(QStringLiteral("model")).isString() &&
                !step.value(QStringLiteral("model")).isNull()) {
                r.fail(Texts::tr("\"model\" must be a file name (or null for none)"));
                return failed();
            }
            current.modelPath = resolveModel(step.value(QStringLiteral("model")), folder);
        }
        if (!r.checkStep(current, tAtEnd)) return failed();
        lesson.steps.push_back(current);
    }
    return lesson;
}

std::optional<Lesson> loadLesson(const QString& path, QString* error) {
    const std::optional<QJsonObject> json = readJsonFile(path, error);
    if (!json) return std::nullopt;
    QString inner;
    std::optional<Lesson> lesson = lessonFromJson(*json, QFileInfo(path).path(), &inner);
    if (!lesson && error) *error = QStringLiteral("%1: %2").arg(path, inner);
    return lesson;
}

std::optional<LessonStep> sessionAsLessonStep(const QJsonObject& session, const QString& folder,
                                              QString* error) {
    Reader r;
    LessonStep s;
    // The session's own keys that a step does not know (image size, strokes, …) are not errors here: the
    // data kinds checked below do not use them.
    QJsonObject data = session.value(QStringLiteral("data")).toObject();
    for (const QString& key : data.keys())
        if (!QStringList{QStringLiteral("kind"), QStringLiteral("shape"), QStringLiteral("text"),
                         QStringLiteral("paths"), QStringLiteral("points"), QStringLiteral("seed")}
                 .contains(key))
            data.remove(key);
    if (data.value(QStringLiteral("paths")).toArray().isEmpty()) data.remove(QStringLiteral("paths"));
    if (data.value(QStringLiteral("text")).toString().isEmpty()) data.remove(QStringLiteral("text"));
    QJsonObject view = session.value(QStringLiteral("view")).toObject();
    for (const QString& key : view.keys())
        if (!QStringList{QStringLiteral("t"), QStringLiteral("mode"), QStringLiteral("noise_seed")}.contains(
                key))
            view.remove(key);
    bool tAtEnd = false;
    s.modelPath = resolveModel(session.value(QStringLiteral("model")), folder);
    s.learned = !s.modelPath.isEmpty();
    if (!r.readData(data, folder, s.data) ||
        !r.readSchedule(session.value(QStringLiteral("schedule")).toObject(), s.schedule) ||
        !r.readView(view, s, tAtEnd) || !r.checkStep(s, tAtEnd)) {
        if (error) *error = r.error;
        return std::nullopt;
    }
    return s;
}

std::optional<LessonStep> loadSessionAsLessonStep(const QString& path, QString* error) {
    const std::optional<QJsonObject> json = readJsonFile(path, error);
    if (!json) return std::nullopt;
    QString inner;
    std::optional<LessonStep> step = sessionAsLessonStep(*json, QFileInfo(path).path(), &inner);
    if (!step && error) *error = QStringLiteral("%1: %2").arg(path, inner);
    return step;
}

QStringList builtInLessonPaths() {
    QStringList paths;
    const QDir dir(QStringLiteral(":/lessons"));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

}  // namespace dl
