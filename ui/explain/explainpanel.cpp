#include "ui/explain/explainpanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/labdocument.h"
#include "ui/mainwindow.h"
#include "ui/samplingpanel.h"
#include "ui/timeline.h"

namespace dlui {

ExplainPanel::ExplainPanel(LabDocument* document, Timeline* timeline, SamplingPanel* sampling,
                           QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mTimeline(timeline),
      mSampling(sampling),
      mLayout(new QVBoxLayout(this)) {
    setObjectName(QStringLiteral("explainPanel"));
    mLayout->setContentsMargins(6, 4, 6, 4);
    mLayout->addStretch(1);

    connect(timeline, &Timeline::tChanged, this, &ExplainPanel::refresh);
    connect(timeline, &Timeline::modeChanged, this, &ExplainPanel::refresh);
    connect(timeline, &Timeline::maximumChanged, this, &ExplainPanel::refresh);
    connect(document, &LabDocument::scheduleChanged, this, &ExplainPanel::refresh);
    connect(document, &LabDocument::modelChanged, this, &ExplainPanel::refresh);
    // The Sampling panel has no "settings changed" signal; every one of its inputs (sampler, denoiser, η,
    // K, spacing, Langevin step) is a combo or spin box, so listen to them all.
    for (auto* box : sampling->findChildren<QComboBox*>())
        connect(box, &QComboBox::currentIndexChanged, this, &ExplainPanel::refresh);
    for (auto* box : sampling->findChildren<QSpinBox*>())
        connect(box, &QSpinBox::valueChanged, this, &ExplainPanel::refresh);
    for (auto* box : sampling->findChildren<QDoubleSpinBox*>())
        connect(box, &QDoubleSpinBox::valueChanged, this, &ExplainPanel::refresh);
    refresh();
}

const dl::Schedule& ExplainPanel::schedule() const {
    const bool learned = mSampling->denoiser() == SamplingPanel::DenoiserChoice::Learned;
    if (mView == ExplainView::Reverse && learned && mDocument->modelSchedule())
        return *mDocument->modelSchedule();
    return mDocument->schedule();
}

QLabel* ExplainPanel::labelFor(const QString& id) {
    QLabel* label = mLabels.value(id);
    if (!label) {
        label = new QLabel(this);
        label->setObjectName(QStringLiteral("explain_") + id);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        mLayout->insertWidget(mLayout->count() - 1, label);  // above the stretch
        mLabels.insert(id, label);
    }
    return label;
}

void ExplainPanel::refresh() {
    mView = mTimeline->mode() == Timeline::Mode::Reverse ? ExplainView::Reverse : ExplainView::Forward;
    mSampler = mSampling->samplerParams();
    const dl::Schedule& s = schedule();
    mNumbers = stepNumbers(s, mTimeline->t(), mSampler);

    const QList<ExplainSection> sections = EquationText::sections(mView, mSampler, mNumbers);
    QStringList shown;
    for (const ExplainSection& section : sections) {
        shown << section.id;
        QLabel* label = labelFor(section.id);
        label->setText(QStringLiteral("<p style=\"margin-bottom:3px\"><b>") + section.title.toHtmlEscaped() +
                       QStringLiteral("</b></p>") + section.html);
    }
    // Keep the sections in the order given (the view may have changed which ones show).
    for (int i = 0; i < shown.size(); ++i) {
        QLabel* label = mLabels.value(shown[i]);
        mLayout->removeWidget(label);
        mLayout->insertWidget(i, label);
        label->show();
    }
    for (auto it = mLabels.cbegin(); it != mLabels.cend(); ++it)
        if (!shown.contains(it.key())) it.value()->hide();
    mShown = shown;
}

QDockWidget* createExplainDock(MainWindow* window, SamplingPanel* sampling) {
    auto* panel = new ExplainPanel(window->document(), window->timeline(), sampling);
    auto* area = new QScrollArea;
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto* dock = new QDockWidget(ExplainPanel::tr("Explain"), window);
    dock->setObjectName(QStringLiteral("explainDock"));
    dock->setWidget(area);
    return dock;
}

}  // namespace dlui
