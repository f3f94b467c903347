// View → Language: English / 简体中文, switched live (no restart) and remembered for the next start.
// Each entry names its language in that language, so a person who cannot read the current one finds theirs.
//
//   auto* languages = new dlui::LanguageMenu(window->viewMenu(), /*remember=*/true, window);
//   languages->action(dlui::Language::SimplifiedChinese)->trigger();
#pragma once

#include <QObject>

#include "ui/i18n/translations.h"

class QAction;
class QActionGroup;
class QMenu;

namespace dlui {

class LanguageMenu : public QObject {
    Q_OBJECT
public:
    /// Adds the Language submenu at the end of `parentMenu`. `remember`: store the choice in QSettings.
    LanguageMenu(QMenu* parentMenu, bool remember, QObject* parent = nullptr);

    QMenu* menu() const { return mMenu; }
    QAction* action(Language language) const;

Q_SIGNALS:
    /// The window now speaks `language`.
    void languageChanged(dlui::Language language);

private:
    void choose(Language language);

    QMenu* mMenu;
    QActionGroup* mGroup;
    QAction* mEnglish;
    QAction* mChinese;
    bool mRemember;
};

}  // namespace dlui
