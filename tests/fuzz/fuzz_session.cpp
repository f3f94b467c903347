// libFuzzer harness: session files through the parsing part of dlui::loadSession (JSON, then
// sessionFromJson); a session that parses must write back to JSON that parses again (the window saves
// what it loaded).
#include <QJsonDocument>
#include <cstddef>
#include <cstdint>

#include "fuzzinit.h"
#include "ui/document/session.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::startQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return 0;
    QString message;
    const std::optional<dlui::Session> session = dlui::sessionFromJson(doc.object(), &message);
    if (!session) return 0;
    const QJsonObject written = dlui::sessionToJson(*session);
    const std::optional<dlui::Session> again = dlui::sessionFromJson(written, &message);
    if (!again) __builtin_trap();
    return 0;
}
