// libFuzzer harness: lesson files through dl::lessonFromJson, and the same JSON read as a session by
// dl::sessionAsLessonStep (the command line renders both). Relative paths resolve against a folder that
// does not exist, so a lesson naming a model or CSV file exercises the missing-file message.
#include <QJsonDocument>
#include <QString>
#include <cstddef>
#include <cstdint>

#include "core/io/lessonfile.h"
#include "fuzzinit.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::startQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return 0;
    const QString folder = QStringLiteral("/nonexistent-fuzz-lesson-folder");
    QString message;
    const std::optional<dl::Lesson> lesson = dl::lessonFromJson(doc.object(), folder, &message);
    // A lesson that is read has at least one step, and a refused one says why.
    if (lesson && lesson->steps.empty()) __builtin_trap();
    if (!lesson && message.isEmpty()) __builtin_trap();
    message.clear();
    const std::optional<dl::LessonStep> step = dl::sessionAsLessonStep(doc.object(), folder, &message);
    if (!step && message.isEmpty()) __builtin_trap();
    return 0;
}
