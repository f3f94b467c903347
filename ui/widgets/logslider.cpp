#include "ui/widgets/logslider.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace dlui {

namespace {
constexpr int kSliderSteps = 1000;
}

QString CompactDoubleSpinBox::textFromValue(double value) const {
    return locale().toString(value, 'g', 4);
}

double CompactDoubleSpinBox::valueFromText(const QString& text) const {
    bool ok = false;
    const double v = locale().toDouble(text.trimmed(), &ok);
    return ok ? v : value();
}

QValidator::State CompactDoubleSpinBox::validate(QString& text, int&) const {
    const QString t = text.trimmed();
    if (t.isEmpty()) return QValidator::Intermediate;
    bool ok = false;
    const double v = locale().toDouble(t, &ok);
    if (!ok) {
        // Half-typed numbers such as "1e-" or "0." are on their way to being valid.
        static const QRegularExpression partial(QStringLiteral("^[0-9]*[.,]?[0-9]*(e[-+]?[0-9]*)?$"),
                                                QRegularExpression::CaseInsensitiveOption);
        return partial.match(t).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
    }
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

int CompactDoubleSpinBox::extraWidthForLongestText() const {
    // Four significant digits in 'g' notation: at most "0.0001234" or "1.234e-05", nine characters.
    const QFontMetrics metrics = fontMetrics();
    const auto width = [&](double value) { return metrics.horizontalAdvance(textFromValue(value)); };
    const int sized = std::max(width(minimum()), width(maximum()));  // what Qt's hint is made for
    return std::max(0, std::max(width(0.0006667), width(1.234e-5)) - sized);
}

QSize CompactDoubleSpinBox::sizeHint() const {
    return QDoubleSpinBox::sizeHint() + QSize(extraWidthForLongestText(), 0);
}

QSize CompactDoubleSpinBox::minimumSizeHint() const {
    return QDoubleSpinBox::minimumSizeHint() + QSize(extraWidthForLongestText(), 0);
}

LogSlider::LogSlider(double minimum, double maximum, QWidget* parent)
    : QWidget(parent), mLogMin(std::log10(minimum)), mLogMax(std::log10(maximum)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mSlider = new QSlider(Qt::Horizontal, this);
    mSlider->setRange(0, kSliderSteps);
    mSpin = new CompactDoubleSpinBox(this);
    mSpin->setDecimals(8);
    mSpin->setRange(minimum, maximum);
    mSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    mSpin->setKeyboardTracking(false);
    layout->addWidget(mSlider, 1);
    layout->addWidget(mSpin);

    connect(mSlider, &QSlider::valueChanged, this, [this](int position) {
        if (mUpdating) return;
        const double v = fromSlider(position);
        const QSignalBlocker block(mSpin);
        mSpin->setValue(v);
        Q_EMIT valueChanged(v);
    });
    connect(mSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        mUpdating = true;
        mSlider->setValue(toSlider(v));
        mUpdating = false;
        Q_EMIT valueChanged(v);
    });
}

double LogSlider::value() const {
    return mSpin->value();
}

void LogSlider::setValue(double value) {
    const QSignalBlocker blockSpin(mSpin);
    mUpdating = true;
    mSpin->setValue(value);
    mSlider->setValue(toSlider(value));
    mUpdating = false;
}

int LogSlider::toSlider(double value) const {
    if (!(value > 0)) return 0;
    return static_cast<int>(std::lround((std::log10(value) - mLogMin) / (mLogMax - mLogMin) * kSliderSteps));
}

double LogSlider::fromSlider(int position) const {
    // Round to 3 significant digits so slider values read cleanly (0.00123, not 0.0012302688).
    const double v = std::pow(10.0, mLogMin + (mLogMax - mLogMin) * position / kSliderSteps);
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)) - 2);
    return std::round(v / magnitude) * magnitude;
}

}  // namespace dlui
