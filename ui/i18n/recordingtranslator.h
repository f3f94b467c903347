// A QTranslator that answers every tr() of the application and remembers what it answered.
//
// It asks the loaded catalogues in turn (the application's, then Qt's own) and falls back to the source
// text, as Qt would, but it also records each answer: text shown → (context, source, disambiguation).
// That record lets the live language switch (retranslator.h) find out which message a label, button or
// menu on screen came from, and ask for the same message in the new language, without every widget
// keeping a retranslate function of its own.
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QTranslator>
#include <memory>
#include <optional>
#include <vector>

namespace dlui {

/// One message of a catalogue, as tr() named it.
struct MessageKey {
    QByteArray context;
    QByteArray source;
    QByteArray disambiguation;
    bool operator==(const MessageKey&) const = default;
};

class RecordingTranslator : public QTranslator {
    Q_OBJECT
public:
    explicit RecordingTranslator(QObject* parent = nullptr);
    ~RecordingTranslator() override;

    /// The catalogues asked in order; empty means the source texts (English).
    void setCatalogues(std::vector<std::unique_ptr<QTranslator>> catalogues);

    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    /// The message a text came from when it was shown exactly so (no argument filled in).
    std::optional<MessageKey> messageFor(const QString& shown) const;
    /// Every text answered so far that holds a placeholder (%1, %L2, %n), with its message.
    std::vector<std::pair<QString, MessageKey>> templates() const;
    /// The message in the current language, with %n left in place (and recorded, like a tr()).
    QString translateKey(const MessageKey& key) const;

private:
    void record(const QString& answer, const MessageKey& key) const;
    QString lookUp(const char* context, const char* sourceText, const char* disambiguation, int n) const;

    std::vector<std::unique_ptr<QTranslator>> mCatalogues;
    mutable QMutex mMutex;  // tr() runs on worker threads too
    mutable QHash<QString, MessageKey> mShown;
    mutable QHash<QString, MessageKey> mTemplates;
};

}  // namespace dlui
