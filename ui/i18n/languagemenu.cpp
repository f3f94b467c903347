#include "ui/i18n/languagemenu.h"

#include <QActionGroup>
#include <QMenu>

namespace dlui {

LanguageMenu::LanguageMenu(QMenu* parentMenu, bool remember, QObject* parent)
    : QObject(parent), mRemember(remember) {
    parentMenu->addSeparator();
    mMenu = parentMenu->addMenu(tr("&Language"));
    mMenu->setObjectName(QStringLiteral("languageMenu"));
    mGroup = new QActionGroup(this);
    mGroup->setExclusive(true);
    // Each name in its own language, whatever the interface's, with an access key: Alt+V, L, then E or C.
    mEnglish = mMenu->addAction(QStringLiteral("&") + languageNativeName(Language::English));
    mChinese = mMenu->addAction(languageNativeName(Language::SimplifiedChinese) + QStringLiteral("(&C)"));
    mEnglish->setObjectName(QStringLiteral("languageEnglish"));
    mChinese->setObjectName(QStringLiteral("languageSimplifiedChinese"));
    for (QAction* a : {mEnglish, mChinese}) {
        a->setCheckable(true);
        mGroup->addAction(a);
    }
    action(currentLanguage())->setChecked(true);
    connect(mEnglish, &QAction::triggered, this, [this] { choose(Language::English); });
    connect(mChinese, &QAction::triggered, this, [this] { choose(Language::SimplifiedChinese); });
}

QAction* LanguageMenu::action(Language language) const {
    return language == Language::SimplifiedChinese ? mChinese : mEnglish;
}

void LanguageMenu::choose(Language language) {
    if (language != currentLanguage()) switchLanguage(language);
    action(currentLanguage())->setChecked(true);  // stays English when the catalogue is missing
    if (mRemember) rememberLanguage(currentLanguage());
    Q_EMIT languageChanged(currentLanguage());
}

}  // namespace dlui
