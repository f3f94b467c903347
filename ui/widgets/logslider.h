// A value on a log scale: a slider (even steps in log10) beside a spin box that shows the value in
// short 'g' notation. For β_start and β_end, whose useful values span several decades.
//
//   auto* beta = new dlui::LogSlider(1e-5, 0.999);
//   beta->setValue(0.02);
//   connect(beta, &dlui::LogSlider::valueChanged, this, [](double v) { ... });
#pragma once

#include <QDoubleSpinBox>
#include <QWidget>

class QSlider;

namespace dlui {

/// A QDoubleSpinBox that shows and reads values like 0.0001 or 1e-05 (enough digits for β).
class CompactDoubleSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    /// Wide enough for the longest text it shows ("0.0006667", "1.234e-05"): Qt sizes a spin box for its
    /// minimum and maximum, here "1e-05" and "0.999", which cut the digits off most other values.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    /// How much wider than the text Qt sized the box for the longest text must be.
    int extraWidthForLongestText() const;
};

class LogSlider : public QWidget {
    Q_OBJECT
public:
    LogSlider(double minimum, double maximum, QWidget* parent = nullptr);

    double value() const;
    /// Sets the value without emitting valueChanged.
    void setValue(double value);
    QSlider* slider() const { return mSlider; }
    QDoubleSpinBox* spinBox() const { return mSpin; }

Q_SIGNALS:
    /// The person changed the value (slider dragged or number typed).
    void valueChanged(double value);

private:
    int toSlider(double value) const;
    double fromSlider(int position) const;

    QSlider* mSlider;
    CompactDoubleSpinBox* mSpin;
    double mLogMin, mLogMax;
    bool mUpdating = false;
};

}  // namespace dlui
