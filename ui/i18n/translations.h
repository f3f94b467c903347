// The window's language: English (the source texts) or Simplified Chinese (the embedded
// :/i18n/diffusionlab_zh_CN.qm plus Qt's own qtbase_zh_CN.qm for standard buttons and dialogs).
//
// At start the language is the remembered choice (QSettings "ui/language") or else the system locale
// (LANG=zh_CN.UTF-8 → Chinese). Call installStartupLanguage() before the first widget is built, so every
// tr() goes through the RecordingTranslator and a later switch can re-word what is already on screen.
//
//   QApplication app(argc, argv);
//   dlui::installStartupLanguage(/*useSettings=*/true);
//   dlui::LabWindow window;
//   ...
//   dlui::switchLanguage(dlui::Language::SimplifiedChinese);  // View → Language does this
#pragma once

#include <QLocale>
#include <QString>

namespace dlui {

enum class Language { English, SimplifiedChinese };

/// Chinese for any zh locale (zh_CN, zh_SG, zh_TW, …: Simplified is the only Chinese shipped), else English.
Language languageForLocale(const QLocale& locale);
/// "en" / "zh_CN": the value kept in QSettings.
QString languageCode(Language language);
/// The language's own name for the menu ("English", "简体中文"), never translated.
QString languageNativeName(Language language);

/// The language chosen at start: the remembered one when useSettings and one is stored, else the system's.
Language startupLanguage(bool useSettings);
/// Installs the translators for startupLanguage(useSettings). Returns the language installed.
Language installStartupLanguage(bool useSettings);

/// The language the translators speak now.
Language currentLanguage();
/// Installs the translators for the language (no widget is touched; see retranslateAllWidgets()).
/// False when the Chinese catalogue cannot be loaded (then the window stays English).
bool installLanguage(Language language);
/// Installs the language and re-words every open widget, menu, action and plot (retranslator.h).
bool switchLanguage(Language language);

/// A text made from messages earlier (a sampling run's label, kept with its trajectory) in the current
/// language: what the live switch does for a widget's text (retranslateText), for texts that are painted.
QString inCurrentLanguage(const QString& text);

/// Remembers the choice for the next start.
void rememberLanguage(Language language);

}  // namespace dlui
