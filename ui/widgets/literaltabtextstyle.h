// A style for the tab bars QMainWindow puts under tabbed docks: their text is the dock's title, and a
// title's "&" is a character ("Model & Train"), but a tab bar reads it as the mark of an access key and
// drew "Model _Train". This style draws it, and sizes the tab for it; everything else is the
// application's style.
//
//   for (QTabBar* bar : window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly))
//       bar->setStyle(dlui::LiteralTabTextStyle::instance(window));
#pragma once

#include <QProxyStyle>

namespace dlui {

class LiteralTabTextStyle : public QProxyStyle {
    Q_OBJECT
public:
    /// One style per owner (a QProxyStyle has no parent of its own; `owner` deletes it).
    static LiteralTabTextStyle* instance(QObject* owner);

    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption* option, const QSize& size,
                           const QWidget* widget) const override;

private:
    LiteralTabTextStyle();
};

}  // namespace dlui
