#include "ui/window/windowinput.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QWheelEvent>

#include "ui/view/mainview.h"
#include "ui/widgets/scrollareaaround.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

/// The text field a key goes to: a line edit, or the spin box around one (which owns the focus).
bool isTextField(const QObject* object) {
    return qobject_cast<const QLineEdit*>(object) || qobject_cast<const QAbstractSpinBox*>(object);
}

/// The window's plots zoom and pan with neither the wheel nor the mouse: a wheel turn over one is for the
/// dock it sits in. (By name: the filter need not compile QCustomPlot's header for one check.)
bool isPlot(const QWidget* widget) {
    return widget->inherits("QCustomPlot");
}

/// A slider or combo box with focus moves its own value with these keys, as a keyboard user tuning β
/// expects; they are also the timeline's window-wide shortcuts (←/→, Home/End), which took them first:
/// → on a focused β slider stepped t instead. Page Up/Down stay the lesson's: a presentation clicker sends
/// them, whatever has the focus.
/// (Spin boxes are text fields: they keep these keys while edited, see isTextField.)
bool isKeyOfAFocusedChooser(const QWidget* widget, const QKeyEvent* key) {
    if (!widget->hasFocus() || !WindowInput::isValueControl(widget) || isTextField(widget)) return false;
    if (key->modifiers() & ~Qt::KeypadModifier) return false;
    switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End:
            return true;
        default:
            return false;
    }
}

}  // namespace

WindowInput::WindowInput(MainWindow* window) : QObject(window), mWindow(window) {
    setObjectName(QStringLiteral("windowInput"));
    // A click on the view gives it the keyboard (it has no keys of its own: the window's shortcuts act).
    window->mainView()->setFocusPolicy(Qt::ClickFocus);
    // One filter for every widget of the window, including controls a panel creates later.
    qApp->installEventFilter(this);
    for (QWidget* widget : window->findChildren<QWidget*>()) setValueControlFocusPolicy(widget);
}

void WindowInput::setValueControlFocusPolicy(QWidget* widget) const {
    if (!isValueControl(widget) || !(widget->focusPolicy() & Qt::TabFocus)) return;
    // A slider or combo box set with the mouse keeps the keyboard where it was. With the focus it kept
    // ←/→ and Home/End (isKeyOfAFocusedChooser): after DDIM was picked with the mouse, End, meant for the
    // timeline, made it Langevin. Tab still reaches it, for a keyboard user who wants those keys.
    const auto* combo = qobject_cast<const QComboBox*>(widget);
    if (!isTextField(widget) && !(combo && combo->isEditable()) && belongsToWindow(widget)) {
        widget->setFocusPolicy(Qt::TabFocus);
        return;
    }
    // Qt gives a control with Qt::WheelFocus (every spin box) the focus before any filter sees the wheel
    // event, so the first turn of the wheel over a spin box in a dock changed its value: click and Tab
    // still focus it.
    if ((widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus) widget->setFocusPolicy(Qt::StrongFocus);
}

WindowInput::~WindowInput() {
    if (qApp) qApp->removeEventFilter(this);
}

bool WindowInput::isValueControl(const QWidget* widget) {
    if (qobject_cast<const QScrollBar*>(widget)) return false;  // the scroll area's own: it scrolls
    return qobject_cast<const QAbstractSpinBox*>(widget) || qobject_cast<const QAbstractSlider*>(widget) ||
           qobject_cast<const QComboBox*>(widget);
}

void WindowInput::reportValueOutOfRange(QAbstractSpinBox* box) {
    // Seen before the box handles the key or the focus change, while it still shows what was typed.
    const QString typed = box->text().trimmed();
    if (typed.isEmpty() || box->hasAcceptableInput()) {
        // A value it takes: the message about the one before is over ("“0” is not a value…" stayed up
        // after T = 5 had been entered).
        // Not a key left out, though: the value entered then is not the one typed ("20000" went in as
        // 2000), which the message must still say.
        if (!mKeyLeftOut && !mOutOfRangeMessage.isEmpty() &&
            mWindow->statusBar()->currentMessage() == mOutOfRangeMessage)
            mWindow->statusBar()->clearMessage();
        return;
    }
    showOutOfRange(box, typed, false);
}

void WindowInput::reportRefusedKey(QAbstractSpinBox* box, const QString& text) {
    // Printable keys only, and not a space: "150 " refused would read as "“150” is not a value".
    if (text.isEmpty() || !text.at(0).isPrint() || text.at(0).isSpace()) return;
    auto* edit = box->findChild<QLineEdit*>();  // QAbstractSpinBox::lineEdit() is protected
    if (!edit || edit->isReadOnly()) return;
    // The text the key would make, as the line edit would insert it over the selection.
    QString wouldBe = edit->text();
    int at = edit->cursorPosition();
    if (edit->hasSelectedText()) {
        at = edit->selectionStart();
        wouldBe.remove(at, edit->selectedText().size());
    }
    wouldBe.insert(at, text);
    int cursor = at + static_cast<int>(text.size());
    if (box->validate(wouldBe, cursor) != QValidator::Invalid) return;
    // What was typed, without the field's own prefix and suffix (QAbstractSpinBox has neither).
    QString prefix, suffix;
    if (const auto* whole = qobject_cast<const QSpinBox*>(box)) {
        prefix = whole->prefix();
        suffix = whole->suffix();
    } else if (const auto* real = qobject_cast<const QDoubleSpinBox*>(box)) {
        prefix = real->prefix();
        suffix = real->suffix();
    }
    if (wouldBe.startsWith(prefix)) wouldBe.remove(0, prefix.size());
    if (wouldBe.endsWith(suffix)) wouldBe.chop(suffix.size());
    showOutOfRange(box, wouldBe.trimmed(), true);
}

void WindowInput::showOutOfRange(const QAbstractSpinBox* box, const QString& typed, bool keyLeftOut) {
    QString low, high;
    if (const auto* whole = qobject_cast<const QSpinBox*>(box)) {
        low = box->locale().toString(whole->minimum());
        high = box->locale().toString(whole->maximum());
    } else if (const auto* real = qobject_cast<const QDoubleSpinBox*>(box)) {
        low = box->locale().toString(real->minimum(), 'g', 6);
        high = box->locale().toString(real->maximum(), 'g', 6);
    } else {
        return;
    }
    mOutOfRangeMessage =
        keyLeftOut ? tr("“%1” is not a value this field takes (%2 to %3): the last key is left out.")
                         .arg(typed, low, high)
                   : tr("“%1” is not a value this field takes (%2 to %3): it keeps the one before.")
                         .arg(typed, low, high);
    mKeyLeftOut = keyLeftOut;
    mWindow->statusBar()->showMessage(mOutOfRangeMessage, 8000);
}

bool WindowInput::belongsToWindow(const QWidget* widget) const {
    return widget && widget->window() == mWindow;
}

bool WindowInput::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::Polish:  // a control created after the window, before it is first shown
            if (auto* widget = qobject_cast<QWidget*>(watched)) setValueControlFocusPolicy(widget);
            return false;
        case QEvent::Wheel: {
            auto* widget = qobject_cast<QWidget*>(watched);
            if (!widget || !belongsToWindow(widget)) return false;
            if (!isPlot(widget) && (!isValueControl(widget) || widget->hasFocus())) return false;
            QScrollArea* area = scrollAreaAround(widget);
            if (!area) return false;
            // Not for this control: the dock's scroll area gets it.
            auto* wheel = static_cast<QWheelEvent*>(event);
            const QPointF at = area->viewport()->mapFromGlobal(wheel->globalPosition());
            QWheelEvent forwarded(at, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                                  wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(),
                                  wheel->source());
            QApplication::sendEvent(area->viewport(), &forwarded);
            return true;
        }
        case QEvent::ShortcutOverride: {
            // Accepted, the key goes to the widget as a key press instead of to the window's shortcut.
            auto* widget = qobject_cast<QWidget*>(watched);
            if (widget && belongsToWindow(widget) &&
                isKeyOfAFocusedChooser(widget, static_cast<QKeyEvent*>(event)))
                event->accept();
            return false;
        }
        case QEvent::FocusOut:
            if (auto* box = qobject_cast<QAbstractSpinBox*>(watched); box && belongsToWindow(box))
                reportValueOutOfRange(box);
            return false;
        case QEvent::KeyPress: {
            auto* widget = qobject_cast<QWidget*>(watched);
            if (!widget || !isTextField(widget) || !belongsToWindow(widget)) return false;
            const int key = static_cast<QKeyEvent*>(event)->key();
            // The box itself, not the line edit inside it that it passes the key on to: said once.
            if (auto* box = qobject_cast<QAbstractSpinBox*>(widget))
                reportRefusedKey(box, static_cast<QKeyEvent*>(event)->text());
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                auto* box = qobject_cast<QAbstractSpinBox*>(widget);
                if (!box) box = qobject_cast<QAbstractSpinBox*>(widget->parentWidget());
                if (box) reportValueOutOfRange(box);
            }
            // The field handles the key first (Enter commits the value); then the view takes the keys back.
            // Only Escape also leaves presenter mode: Enter after typing a t did too.
            if (key == Qt::Key_Return || key == Qt::Key_Enter)
                QTimer::singleShot(0, mWindow, &MainWindow::giveKeysToView);
            else if (key == Qt::Key_Escape)
                QTimer::singleShot(0, mWindow, &MainWindow::returnKeysToView);
            return false;
        }
        default:
            return false;
    }
}

}  // namespace dlui
