// How the main window treats the keyboard and the mouse wheel, so that a lecturer's keys keep working:
//   - Space, ←/→, Home/End are window-wide shortcuts. Only a text field being edited (a line edit or a
//     spin box with focus) keeps those keys for itself; Enter or Escape there ends the edit and gives the
//     keyboard back to the main view, and so does a click on the view. A slider or combo box with focus
//     keeps the arrows and Home/End (they move its value); Space still plays. A slider or combo box takes
//     the focus by Tab only: one set with the mouse leaves the keys where they were.
//   - The wheel over a spin box, slider or combo box that does not have focus scrolls the dock around it
//     instead of changing the value (a control takes focus by click or Tab, not by the wheel).
//
//   new dlui::WindowInput(window);   // once, from the window's constructor
#pragma once

#include <QObject>
#include <QString>

class QAbstractSpinBox;
class QWidget;

namespace dlui {

class MainWindow;

class WindowInput : public QObject {
    Q_OBJECT
public:
    /// Becomes a child of the window and watches the events of the window's widgets.
    explicit WindowInput(MainWindow* window);
    ~WindowInput() override;

    /// Whether the wheel would change this widget's value (spin boxes, sliders, combo boxes).
    static bool isValueControl(const QWidget* widget);
    /// A value control never takes the focus by the wheel; in the main window, a slider or combo box not
    /// by a click either (Qt::TabFocus), so the window's keys stay where they were.
    void setValueControlFocusPolicy(QWidget* widget) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool belongsToWindow(const QWidget* widget) const;
    /// A spin box left with a value outside its range puts the one before back without a word (T = 0
    /// went back to 150): the status bar says why, until a value the field takes is entered.
    void reportValueOutOfRange(QAbstractSpinBox* box);
    /// A key the spin box's validator refuses is dropped without a word (a seventh digit in N, whose
    /// largest value has six): the status bar says what the field takes. Called before the box sees it.
    void reportRefusedKey(QAbstractSpinBox* box, const QString& text);
    void showOutOfRange(const QAbstractSpinBox* box, const QString& typed, bool keyLeftOut);

    MainWindow* mWindow;
    QString mOutOfRangeMessage;  ///< the last such message, as shown
    bool mKeyLeftOut = false;    ///< it was about a key left out (reportRefusedKey)
};

}  // namespace dlui
