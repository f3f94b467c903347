#include "ui/i18n/recordingtranslator.h"

#include <QMutexLocker>
#include <QRegularExpression>

namespace dlui {

namespace {

bool hasPlaceholder(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("%L?([1-9][0-9]?|n)"));
    return text.contains(placeholder);
}

}  // namespace

RecordingTranslator::RecordingTranslator(QObject* parent) : QTranslator(parent) {}

RecordingTranslator::~RecordingTranslator() = default;

void RecordingTranslator::setCatalogues(std::vector<std::unique_ptr<QTranslator>> catalogues) {
    QMutexLocker lock(&mMutex);
    mCatalogues = std::move(catalogues);
}

QString RecordingTranslator::lookUp(const char* context, const char* sourceText, const char* disambiguation,
                                    int n) const {
    for (const auto& catalogue : mCatalogues) {
        QString answer = catalogue->translate(context, sourceText, disambiguation, n);
        if (!answer.isEmpty()) return answer;
    }
    return QString::fromUtf8(sourceText);
}

QString RecordingTranslator::translate(const char* context, const char* sourceText,
                                       const char* disambiguation, int n) const {
    if (!sourceText || !*sourceText) return {};
    QMutexLocker lock(&mMutex);
    const QString answer = lookUp(context, sourceText, disambiguation, n);
    record(answer, MessageKey{QByteArray(context ? context : ""), QByteArray(sourceText),
                              QByteArray(disambiguation ? disambiguation : "")});
    return answer;
}

void RecordingTranslator::record(const QString& answer, const MessageKey& key) const {
    if (hasPlaceholder(answer))
        mTemplates.insert(answer, key);
    else
        mShown.insert(answer, key);
}

std::optional<MessageKey> RecordingTranslator::messageFor(const QString& shown) const {
    QMutexLocker lock(&mMutex);
    const auto it = mShown.constFind(shown);
    if (it == mShown.constEnd()) return std::nullopt;
    return *it;
}

std::vector<std::pair<QString, MessageKey>> RecordingTranslator::templates() const {
    QMutexLocker lock(&mMutex);
    std::vector<std::pair<QString, MessageKey>> out;
    out.reserve(mTemplates.size());
    for (auto it = mTemplates.constBegin(); it != mTemplates.constEnd(); ++it)
        out.emplace_back(it.key(), *it);
    return out;
}

QString RecordingTranslator::translateKey(const MessageKey& key) const {
    QMutexLocker lock(&mMutex);
    const QString answer =
        lookUp(key.context.constData(), key.source.constData(),
               key.disambiguation.isEmpty() ? nullptr : key.disambiguation.constData(), -1);
    record(answer, key);  // so a later switch finds this text again
    return answer;
}

}  // namespace dlui
