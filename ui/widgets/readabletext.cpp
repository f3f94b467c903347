#include "ui/widgets/readabletext.h"

#include <QEvent>
#include <QPointer>
#include <QWidget>

#include "ui/render/palette.h"

namespace dlui {

namespace {

const char* const kBaseColorProperty = "readableTextBaseColor";

/// Owned by the widget it watches: re-applies the colour when the palette changes.
class ReadableTextFilter : public QObject {
public:
    explicit ReadableTextFilter(QWidget* widget) : QObject(widget), mWidget(widget) {
        setObjectName(QStringLiteral("readableTextFilter"));
        widget->installEventFilter(this);
    }

    void apply() {
        const QColor base = mWidget->property(kBaseColorProperty).value<QColor>();
        const QString sheet =
            base.isValid()
                ? QStringLiteral("color: %1;")
                      .arg(readableOn(base, mWidget->palette().color(mWidget->backgroundRole()), 4.5).name())
                : QString();
        // Setting a style sheet changes the palette again; only a real change goes through, so it settles.
        if (mWidget->styleSheet() != sheet) mWidget->setStyleSheet(sheet);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == mWidget &&
            (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange))
            apply();
        return false;
    }

private:
    QPointer<QWidget> mWidget;
};

}  // namespace

void setReadableTextColor(QWidget* widget, const QColor& color) {
    widget->setProperty(kBaseColorProperty, color);
    auto* filter = widget->findChild<ReadableTextFilter*>(QStringLiteral("readableTextFilter"),
                                                          Qt::FindDirectChildrenOnly);
    if (!filter) filter = new ReadableTextFilter(widget);
    filter->apply();
}

}  // namespace dlui
