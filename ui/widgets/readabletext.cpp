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
        mQueued = false;
        if (!mWidget) return;
        const QColor base = mWidget->property(kBaseColorProperty).value<QColor>();
        const QString sheet =
            base.isValid() ? QStringLiteral("color: %1;").arg(readableOn(base, background(), 4.5).name())
                           : QString();
        // Setting a style sheet changes the palette again; only a real change goes through, so it settles.
        if (mWidget->styleSheet() != sheet) mWidget->setStyleSheet(sheet);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        // Queued, once: a theme change reaches the widgets one by one in no set order, and this one could
        // hear of it before its parent had the new palette; the red then stayed the light theme's, 1.8:1 on
        // the dark background. By the queued call every widget has the new palette.
        if (watched == mWidget && !mQueued &&
            (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange ||
             event->type() == QEvent::Show)) {
            mQueued = true;
            QMetaObject::invokeMethod(this, &ReadableTextFilter::apply, Qt::QueuedConnection);
        }
        return false;
    }

private:
    /// What the text is drawn on: the parent's background (a label paints none of its own), or the
    /// widget's own when it fills it or has no parent.
    QColor background() const {
        const QWidget* under = mWidget->autoFillBackground() || !mWidget->parentWidget()
                                   ? mWidget.data()
                                   : mWidget->parentWidget();
        return under->palette().color(under->backgroundRole());
    }

    QPointer<QWidget> mWidget;
    bool mQueued = false;
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
