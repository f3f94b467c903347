#include "ui/widgets/literaltabtextstyle.h"

#include <QStyleOptionTab>

#include "ui/i18n/accesskeytext.h"

namespace dlui {

LiteralTabTextStyle::LiteralTabTextStyle() : QProxyStyle() {}

LiteralTabTextStyle* LiteralTabTextStyle::instance(QObject* owner) {
    if (auto* existing = owner->findChild<LiteralTabTextStyle*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    // Without a base style, QProxyStyle follows the application's and does not own it.
    auto* style = new LiteralTabTextStyle;
    style->setParent(owner);
    return style;
}

void LiteralTabTextStyle::drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                                      const QWidget* widget) const {
    if (element == CE_TabBarTabLabel) {
        if (const auto* tab = qstyleoption_cast<const QStyleOptionTab*>(option)) {
            QStyleOptionTab literal(*tab);
            literal.text = withLiteralAmpersands(literal.text);
            QProxyStyle::drawControl(element, &literal, painter, widget);
            return;
        }
    }
    QProxyStyle::drawControl(element, option, painter, widget);
}

QSize LiteralTabTextStyle::sizeFromContents(ContentsType type, const QStyleOption* option, const QSize& size,
                                            const QWidget* widget) const {
    QSize out = QProxyStyle::sizeFromContents(type, option, size, widget);
    // The tab bar measured the text with each "&" taken out as an access-key mark: room for them.
    if (type == CT_TabBarTab)
        if (const auto* tab = qstyleoption_cast<const QStyleOptionTab*>(option))
            out.rwidth() +=
                tab->text.count(QLatin1Char('&')) * option->fontMetrics.horizontalAdvance(QLatin1Char('&'));
    return out;
}

}  // namespace dlui
