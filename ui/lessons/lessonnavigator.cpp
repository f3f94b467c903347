#include "ui/lessons/lessonnavigator.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/i18n/translations.h"
#include "ui/lessons/lessonplayer.h"

namespace dlui {

namespace {

/// The window's language as a locale. Not QLocale(): that is the system's, and a class that chose Chinese in
/// View ▸ Language on an English system read every lesson in English around a Chinese window.
QLocale windowLocale() {
    return QLocale(languageCode(currentLanguage()));
}

}  // namespace

LessonNavigator::LessonNavigator(LessonPlayer* player, QWidget* parent)
    : QWidget(parent), mPlayer(player), mLocale(windowLocale()) {
    setObjectName(QStringLiteral("lessonNavigator"));
    mTitle = new QLabel(this);
    mTitle->setObjectName(QStringLiteral("lessonTitle"));
    QFont titleFont = mTitle->font();
    titleFont.setBold(true);
    mTitle->setFont(titleFont);
    mPosition = new QLabel(this);
    mPosition->setObjectName(QStringLiteral("lessonPosition"));
    mNarration = new QLabel(this);
    mNarration->setObjectName(QStringLiteral("lessonNarration"));
    mNarration->setWordWrap(true);
    mNarration->setTextFormat(Qt::PlainText);
    QFont narrationFont = mNarration->font();
    narrationFont.setPointSizeF(narrationFont.pointSizeF() * 1.25);  // read from the back of the room
    mNarration->setFont(narrationFont);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("lessonStatus"));
    mPrevious = new QPushButton(tr("◀ Previous"), this);
    mPrevious->setObjectName(QStringLiteral("lessonPrevious"));
    mPrevious->setToolTip(tr("Previous step (Page Up)"));
    mPrevious->setFocusPolicy(Qt::NoFocus);  // the keys stay with the view
    mNext = new QPushButton(tr("Next ▶"), this);
    mNext->setObjectName(QStringLiteral("lessonNext"));
    mNext->setToolTip(tr("Next step (Page Down; 1–9 jump to a step)"));
    mNext->setFocusPolicy(Qt::NoFocus);

    auto* header = new QHBoxLayout;
    header->addWidget(mTitle, 1);
    header->addWidget(mPosition);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(mPrevious);
    buttons->addWidget(mNext);
    buttons->addStretch(1);
    auto* body = new QHBoxLayout;
    body->addWidget(mNarration, 1);
    body->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(body, 1);
    layout->addWidget(mStatus);

    connect(mPrevious, &QPushButton::clicked, player, &LessonPlayer::previous);
    connect(mNext, &QPushButton::clicked, player, &LessonPlayer::next);
    connect(player, &LessonPlayer::lessonChanged, this, &LessonNavigator::refresh);
    connect(player, &LessonPlayer::stepChanged, this, [this] {
        mStatus->clear();
        refresh();
    });
    connect(player, &LessonPlayer::problemReported, mStatus, &QLabel::setText);
    refresh();
}

void LessonNavigator::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) Q_EMIT heightForLessonChanged();
}

void LessonNavigator::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) setLocale(windowLocale());
    if (event->type() == QEvent::FontChange) Q_EMIT heightForLessonChanged();
}

void LessonNavigator::setLocale(const QLocale& locale) {
    mLocale = locale;
    refresh();
}

QString LessonNavigator::titleText() const {
    return mTitle->text();
}
QString LessonNavigator::narrationText() const {
    return mNarration->text();
}
QString LessonNavigator::positionText() const {
    return mPosition->text();
}

int LessonNavigator::heightForLesson(int width) const {
    const QMargins margins = layout()->contentsMargins();
    const int spacing = std::max(0, layout()->spacing());
    const int buttonsWidth = std::max(mPrevious->sizeHint().width(), mNext->sizeHint().width());
    const int textWidth = std::max(100, width - margins.left() - margins.right() - buttonsWidth - spacing);
    const QFontMetrics metrics(mNarration->font());
    QStringList texts{mNarration->text()};
    if (const auto& lesson = mPlayer->lesson()) {
        texts << lesson->summary.text(mLocale);
        for (const dl::LessonStep& step : lesson->steps) texts << step.narration.text(mLocale);
    }
    int text = 0;
    for (const QString& t : texts)
        text = std::max(text,
                        metrics.boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap, t).height());
    const int buttons = mPrevious->sizeHint().height() + spacing + mNext->sizeHint().height();
    const int header = std::max(mTitle->sizeHint().height(), mPosition->sizeHint().height());
    return margins.top() + header + spacing + std::max(text, buttons) + spacing +
           mStatus->sizeHint().height() + margins.bottom();
}

void LessonNavigator::refresh() {
    const auto& lesson = mPlayer->lesson();
    const int index = mPlayer->stepIndex();
    if (!lesson) {
        mTitle->setText(tr("No lesson open"));
        mPosition->clear();
        mNarration->setText(tr("Choose one from the Lessons menu."));
    } else {
        mTitle->setText(lesson->title.text(mLocale));
        mPosition->setText(index < 0 ? QString()
                                     : tr("Step %1 of %2").arg(index + 1).arg(mPlayer->stepCount()));
        mNarration->setText(index < 0
                                ? lesson->summary.text(mLocale)
                                : lesson->steps[static_cast<std::size_t>(index)].narration.text(mLocale));
    }
    mPrevious->setEnabled(lesson && index > 0);
    mNext->setEnabled(lesson && index + 1 < mPlayer->stepCount());
}

}  // namespace dlui
