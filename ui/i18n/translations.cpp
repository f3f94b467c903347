#include "ui/i18n/translations.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include "ui/i18n/recordingtranslator.h"
#include "ui/i18n/retranslator.h"

namespace dlui {

namespace {

const QString kSettingsKey = QStringLiteral("ui/language");

struct State {
    RecordingTranslator* translator = nullptr;  // owned by the application object
    Language language = Language::English;
};

State& state() {
    static State s;
    return s;
}

RecordingTranslator* translator() {
    State& s = state();
    if (!s.translator) {
        s.translator = new RecordingTranslator(QCoreApplication::instance());
        QCoreApplication::installTranslator(s.translator);
    }
    return s.translator;
}

std::vector<std::unique_ptr<QTranslator>> cataloguesFor(Language language) {
    std::vector<std::unique_ptr<QTranslator>> out;
    if (language != Language::SimplifiedChinese) return out;
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/diffusionlab_zh_CN.qm"))) return out;
    out.push_back(std::move(own));
    // Qt's own words (standard buttons, file dialogs); optional: without them those stay English.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        out.push_back(std::move(qt));
    return out;
}

}  // namespace

Language languageForLocale(const QLocale& locale) {
    return locale.language() == QLocale::Chinese ? Language::SimplifiedChinese : Language::English;
}

QString languageCode(Language language) {
    return language == Language::SimplifiedChinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString languageNativeName(Language language) {
    return language == Language::SimplifiedChinese ? QStringLiteral("简体中文") : QStringLiteral("English");
}

Language startupLanguage(bool useSettings) {
    if (useSettings) {
        const QString stored = QSettings().value(kSettingsKey).toString();
        if (stored == languageCode(Language::SimplifiedChinese)) return Language::SimplifiedChinese;
        if (stored == languageCode(Language::English)) return Language::English;
    }
    return languageForLocale(QLocale::system());
}

Language installStartupLanguage(bool useSettings) {
    const Language wanted = startupLanguage(useSettings);
    installLanguage(wanted);
    return currentLanguage();
}

Language currentLanguage() {
    return state().language;
}

bool installLanguage(Language language) {
    auto catalogues = cataloguesFor(language);
    const bool ok = language == Language::English || !catalogues.empty();
    if (!ok) language = Language::English;
    RecordingTranslator* t = translator();
    t->setCatalogues(std::move(catalogues));
    state().language = language;
    // Re-installing posts QEvent::LanguageChange to every widget, for those that re-word themselves.
    QCoreApplication::removeTranslator(t);
    QCoreApplication::installTranslator(t);
    return ok;
}

bool switchLanguage(Language language) {
    RecordingTranslator* t = translator();
    const bool ok = installLanguage(language);
    for (QWidget* top : QApplication::topLevelWidgets()) retranslateWidgetTree(top, *t);
    return ok;
}

QString inCurrentLanguage(const QString& text) {
    return retranslateText(text, *translator());
}

void rememberLanguage(Language language) {
    QSettings().setValue(kSettingsKey, languageCode(language));
}

}  // namespace dlui
