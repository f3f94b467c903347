// The schedule JSON form (core/data/schedulejson.h) on Qt's JSON types, for the files written with
// QJsonDocument (sessions, export sidecars, presets). The reading and writing are the core's; this only
// converts between QJsonValue and dl::JsonValue.
//
//   QJsonObject o = dl::scheduleParamsToQJson(params);
//   auto back = dl::scheduleParamsFromQJson(o, dl::ScheduleParams{}, &error);  // == params
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

#include "core/data/json.h"
#include "core/math/schedule.h"

namespace dl {

QJsonValue toQJsonValue(const JsonValue& value);
JsonValue fromQJsonValue(const QJsonValue& value);

QJsonObject scheduleParamsToQJson(const ScheduleParams& params);

/// Keys missing from `json` keep their value from `base`. On a bad value returns nothing and sets *error to
/// one line naming the key (dl::scheduleParamsFromJson); the result is not validated (Schedule::validate).
std::optional<ScheduleParams> scheduleParamsFromQJson(const QJsonObject& json, const ScheduleParams& base,
                                                      QString* error = nullptr);

}  // namespace dl
