#include "ui/explain/explainpanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextBrowser>
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
      mText(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("explainPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mText);
    mText->setObjectName(QStringLiteral("explainText"));
    mText->setFrameShape(QFrame::NoFrame);
    mText->setOpenLinks(false);
    mText->document()->setDocumentMargin(6);
    // A little larger than the panels around it: sub- and superscripts must stay legible on a projector.
    QFont font = mText->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    mText->document()->setDefaultFont(font);

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

void ExplainPanel::refresh() {
    mView = mTimeline->mode() == Timeline::Mode::Reverse ? ExplainView::Reverse : ExplainView::Forward;
    mSampler = mSampling->samplerParams();
    mNumbers = stepNumbers(schedule(), mTimeline->t(), mSampler);

    QStringList shown;
    QString html;
    mHtml.clear();
    for (const ExplainSection& section : EquationText::sections(mView, mSampler, mNumbers)) {
        const QString block = QStringLiteral("<p style=\"margin-top:8px; margin-bottom:4px\"><b>") +
                              section.title.toHtmlEscaped() + QStringLiteral("</b></p>") + section.html;
        shown << section.id;
        mHtml.insert(section.id, block);
        html += block;
    }
    mShown = shown;
    // Rebuilding the text would scroll back to the top; keep the place the reader scrolled to.
    const int scrolled = mText->verticalScrollBar()->value();
    mText->setHtml(html);
    mText->verticalScrollBar()->setValue(scrolled);
}

QDockWidget* createExplainDock(MainWindow* window, SamplingPanel* sampling) {
    auto* panel = new ExplainPanel(window->document(), window->timeline(), sampling);
    auto* dock = new QDockWidget(ExplainPanel::tr("Explain"), window);
    dock->setObjectName(QStringLiteral("explainDock"));
    dock->setWidget(panel);
    return dock;
}

}  // namespace dlui
