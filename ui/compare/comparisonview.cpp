#include "ui/compare/comparisonview.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/compare/comparison.h"
#include "ui/compare/comparisonpanewidget.h"
#include "ui/view/timeline.h"

namespace dlui {

ComparisonView::ComparisonView(Comparison* comparison, QWidget* parent)
    : QWidget(parent), mComparison(comparison) {
    setObjectName(QStringLiteral("comparisonView"));
    mPreset = new QComboBox(this);
    mPreset->setObjectName(QStringLiteral("comparisonPreset"));
    for (ComparisonPreset preset : comparisonPresets()) mPreset->addItem(presetName(preset), int(preset));
    mApply = new QPushButton(tr("&Apply"), this);
    mApply->setToolTip(tr("Set the panes to this typical comparison"));
    mCount = new QSpinBox(this);
    mCount->setObjectName(QStringLiteral("comparisonPaneCount"));
    mCount->setRange(kMinComparisonPanes, kMaxComparisonPanes);
    mDirection = new QComboBox(this);
    mDirection->setObjectName(QStringLiteral("comparisonDirection"));
    mDirection->addItem(tr("Forward (noising)"), false);
    mDirection->addItem(tr("Reverse (sampling)"), true);
    mSample = new QPushButton(tr("Sample a&gain"), this);
    mSample->setObjectName(QStringLiteral("comparisonSample"));
    mSample->setToolTip(tr("Run every pane's sampler again (the same seed, so the same x_T)"));
    mStatus = new QLabel(this);
    // The bars must not widen the window at 1280×720 (two short rows rather than one long one): the
    // combos ask for their longest item where there is room, and may shrink to a few characters (an
    // explicit minimum width overrides the contents-sized minimum); the status gives way first.
    for (QComboBox* box : {mPreset, mDirection}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("Linear")) + 32);
    }
    mStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* setup = new QHBoxLayout;
    setup->addWidget(new QLabel(tr("Preset:"), this));
    setup->addWidget(mPreset);
    setup->addWidget(mApply);
    setup->addSpacing(12);
    setup->addWidget(new QLabel(tr("Panes:"), this));
    setup->addWidget(mCount);
    setup->addStretch();
    auto* run = new QHBoxLayout;
    run->addWidget(mDirection);
    run->addWidget(mSample);
    run->addWidget(mStatus, 1);

    mGrid = new QGridLayout;
    mGrid->setSpacing(6);

    mPlay = new QToolButton(this);
    mPlay->setText(tr("Play"));
    mPlay->setCheckable(true);
    mSlider = new QSlider(Qt::Horizontal, this);
    mSlider->setObjectName(QStringLiteral("comparisonSlider"));
    mSlider->setToolTip(tr("The shared t: each pane shows the same fraction t/T of its own T"));
    mPosition = new QLabel(this);
    mPosition->setObjectName(QStringLiteral("comparisonPosition"));
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(mPlay);
    bottom->addWidget(mSlider, 1);
    bottom->addWidget(mPosition);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addLayout(setup);
    layout->addLayout(run);
    layout->addLayout(mGrid, 1);
    layout->addLayout(bottom);

    Timeline* timeline = comparison->timeline();
    connect(mApply, &QPushButton::clicked, comparison, [this] {
        mComparison->applyPreset(static_cast<ComparisonPreset>(mPreset->currentData().toInt()));
    });
    connect(mCount, &QSpinBox::valueChanged, comparison, [this](int n) {
        while (mComparison->paneCount() < n) mComparison->addPane();
        while (mComparison->paneCount() > n) mComparison->removePane();
    });
    connect(mDirection, &QComboBox::currentIndexChanged, comparison,
            [this] { mComparison->setReverse(mDirection->currentData().toBool()); });
    connect(mSample, &QPushButton::clicked, comparison, &Comparison::sampleAll);
    connect(mPlay, &QToolButton::toggled, timeline,
            [timeline](bool on) { on ? timeline->play() : timeline->pause(); });
    connect(timeline, &Timeline::playingChanged, mPlay, [this](bool playing) {
        const QSignalBlocker block(mPlay);
        mPlay->setChecked(playing);
        mPlay->setText(playing ? tr("Pause") : tr("Play"));
    });
    connect(mSlider, &QSlider::valueChanged, timeline, &Timeline::setT);
    connect(timeline, &Timeline::tChanged, this, &ComparisonView::updatePosition);
    connect(timeline, &Timeline::maximumChanged, this, &ComparisonView::updatePosition);
    connect(comparison, &Comparison::panesChanged, this, &ComparisonView::rebuildPanes);
    connect(comparison, &Comparison::framesChanged, this, &ComparisonView::updateStatus);
    connect(comparison, &Comparison::samplingChanged, this, &ComparisonView::updateStatus);
    rebuildPanes();
    updatePosition();
    updateStatus();
}

void ComparisonView::rebuildPanes() {
    const int n = mComparison->paneCount();
    {
        const QSignalBlocker block(mCount);
        mCount->setValue(n);
    }
    if (mPanes.size() != n) {
        qDeleteAll(mPanes);
        mPanes.clear();
        const int columns = n <= 2 ? n : 2;  // as comparisonTile() lays out exported frames
        for (int i = 0; i < n; ++i) {
            auto* pane = new ComparisonPaneWidget(mComparison, i, this);
            pane->setLook(mLook);
            mGrid->addWidget(pane, i / columns, i % columns);
            mPanes << pane;
        }
    }
    for (ComparisonPaneWidget* pane : mPanes) pane->refreshSettings();
}

void ComparisonView::setLook(const RenderOptions& look) {
    mLook = look;
    for (ComparisonPaneWidget* pane : mPanes) pane->setLook(look);
}

void ComparisonView::updatePosition() {
    const Timeline* timeline = mComparison->timeline();
    {
        const QSignalBlocker block(mSlider);
        mSlider->setRange(0, timeline->maximum());
        mSlider->setValue(timeline->t());
    }
    const double fraction = timeline->maximum() > 0 ? double(timeline->t()) / timeline->maximum() : 0.0;
    mPosition->setText(
        tr("t/T = %1 (%2 of %3)").arg(fraction, 0, 'f', 3).arg(timeline->t()).arg(timeline->maximum()));
}

void ComparisonView::updateStatus() {
    {
        const QSignalBlocker block(mDirection);
        mDirection->setCurrentIndex(mComparison->isReverse() ? 1 : 0);
    }
    mSample->setEnabled(mComparison->isReverse());
    mStatus->setText(mComparison->isSampling() ? tr("Sampling every pane…") : QString());
}

}  // namespace dlui
