#include "core/io/qtschedulejson.h"

#include <QJsonArray>

#include "core/data/schedulejson.h"
#include "core/math/error.h"

namespace dl {

QJsonValue toQJsonValue(const JsonValue& v) {
    switch (v.kind) {
        case JsonValue::Kind::Null:
            return QJsonValue(QJsonValue::Null);
        case JsonValue::Kind::Bool:
            return v.boolean;
        case JsonValue::Kind::Number:
            return v.number;
        case JsonValue::Kind::String:
            return QString::fromStdString(v.text);
        case JsonValue::Kind::Array: {
            QJsonArray a;
            for (const JsonValue& item : v.items) a.append(toQJsonValue(item));
            return a;
        }
        case JsonValue::Kind::Object: {
            QJsonObject o;
            for (const auto& [key, value] : v.members)
                o.insert(QString::fromStdString(key), toQJsonValue(value));
            return o;
        }
    }
    return {};
}

JsonValue fromQJsonValue(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Bool:
            return JsonValue::makeBool(v.toBool());
        case QJsonValue::Double:
            return JsonValue::makeNumber(v.toDouble());
        case QJsonValue::String:
            return JsonValue::makeString(v.toString().toStdString());
        case QJsonValue::Array: {
            JsonValue a = JsonValue::makeArray();
            for (const QJsonValue& item : v.toArray()) a.items.push_back(fromQJsonValue(item));
            return a;
        }
        case QJsonValue::Object: {
            JsonValue o = JsonValue::makeObject();
            const QJsonObject object = v.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                o.members.push_back({it.key().toStdString(), fromQJsonValue(it.value())});
            return o;
        }
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            break;
    }
    return {};
}

QJsonObject scheduleParamsToQJson(const ScheduleParams& params) {
    return toQJsonValue(scheduleParamsToJson(params)).toObject();
}

std::optional<ScheduleParams> scheduleParamsFromQJson(const QJsonObject& json, const ScheduleParams& base,
                                                      QString* error) {
    try {
        return scheduleParamsFromJson(fromQJsonValue(json), base);
    } catch (const Error& e) {
        if (error) *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
}

}  // namespace dl
