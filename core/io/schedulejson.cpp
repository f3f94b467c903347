#include "core/io/schedulejson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLatin1String>
#include <initializer_list>

namespace dl {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("dl::ScheduleJson", text);
}

/// The first key of `names` present in `o` (newest form first), or an empty string.
QString presentKey(const QJsonObject& o, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (o.contains(QLatin1String(name))) return QLatin1String(name);
    return {};
}

}  // namespace

std::string_view diffusersScheduleName(ScheduleKind kind) {
    return kind == ScheduleKind::Cosine ? std::string_view("squaredcos_cap_v2") : scheduleKindName(kind);
}

std::optional<ScheduleKind> scheduleKindFromJsonName(std::string_view name) {
    if (name == "squaredcos_cap_v2") return ScheduleKind::Cosine;
    return scheduleKindFromName(name);
}

QJsonObject scheduleParamsToJson(const ScheduleParams& p) {
    const std::string_view kind = diffusersScheduleName(p.kind);
    QJsonObject o{{QStringLiteral("beta_schedule"),
                   QString::fromLatin1(kind.data(), static_cast<qsizetype>(kind.size()))},
                  {QStringLiteral("num_train_timesteps"), p.T},
                  {QStringLiteral("beta_start"), p.betaStart},
                  {QStringLiteral("beta_end"), p.betaEnd},
                  {QStringLiteral("rescale_betas_zero_snr"), p.zeroTerminalSnr}};
    if (!p.customBetas.empty()) {
        QJsonArray betas;
        for (double b : p.customBetas) betas.append(b);
        o.insert(QStringLiteral("trained_betas"), betas);
    }
    if (!p.customControlPoints.empty()) {
        QJsonArray points;
        for (const BetaControlPoint& c : p.customControlPoints) points.append(QJsonArray{c.u, c.beta});
        o.insert(QStringLiteral("control_points"), points);
    }
    return o;
}

std::optional<ScheduleParams> scheduleParamsFromJson(const QJsonObject& o, const ScheduleParams& base,
                                                     QString* error) {
    const auto fail = [&](const QString& message) -> std::optional<ScheduleParams> {
        if (error) *error = message;
        return std::nullopt;
    };
    ScheduleParams p = base;
    if (const QString key = presentKey(o, {"beta_schedule", "kind"}); !key.isEmpty()) {
        const QString name = o.value(key).toString();
        const auto kind = scheduleKindFromJsonName(name.toStdString());
        if (!kind) return fail(tr("unknown schedule kind \"%1\"").arg(name));
        p.kind = *kind;
    }
    const auto number = [&](std::initializer_list<const char*> names, double& out) {
        const QString key = presentKey(o, names);
        if (key.isEmpty()) return true;
        if (!o.value(key).isDouble()) return false;
        out = o.value(key).toDouble();
        return true;
    };
    double T = p.T;
    if (!number({"num_train_timesteps", "T"}, T))
        return fail(tr("schedule \"%1\" must be a number").arg(QStringLiteral("num_train_timesteps")));
    // A fractional or out-of-range count keeps the base value (QJsonValue::toInt), as sessions always did.
    if (const QString key = presentKey(o, {"num_train_timesteps", "T"}); !key.isEmpty())
        p.T = o.value(key).toInt(p.T);
    if (!number({"beta_start", "betaStart"}, p.betaStart))
        return fail(tr("schedule \"%1\" must be a number").arg(QStringLiteral("beta_start")));
    if (!number({"beta_end", "betaEnd"}, p.betaEnd))
        return fail(tr("schedule \"%1\" must be a number").arg(QStringLiteral("beta_end")));
    if (const QString key = presentKey(o, {"rescale_betas_zero_snr", "zero_terminal_snr", "zeroTerminalSnr"});
        !key.isEmpty())
        p.zeroTerminalSnr = o.value(key).toBool(p.zeroTerminalSnr);
    if (const QString key = presentKey(o, {"control_points", "customControlPoints"}); !key.isEmpty()) {
        p.customControlPoints.clear();
        for (const QJsonValue& c : o.value(key).toArray())
            p.customControlPoints.push_back({c.toArray().at(0).toDouble(), c.toArray().at(1).toDouble()});
    }
    if (const QString key = presentKey(o, {"trained_betas", "betas", "customBetas"}); !key.isEmpty()) {
        p.customBetas.clear();
        for (const QJsonValue& b : o.value(key).toArray()) p.customBetas.push_back(b.toDouble());
    }
    return p;
}

}  // namespace dl
