#include "ui/compare/comparisonpanewidget.h"

#include <QFontInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/compare/comparison.h"
#include "ui/compare/comparisonplots.h"
#include "ui/compare/panesettingseditor.h"
#include "ui/view/timeline.h"

namespace dlui {
namespace {

/// Paints the pane's scene at the shared t; the comparison's frames are a cached snapshot, so a repaint
/// costs one closed-form x_t (forward) or one state lookup (reverse).
class PaneCanvas : public QWidget {
public:
    PaneCanvas(const ComparisonPaneWidget* pane, Comparison* comparison, int index, QWidget* parent)
        : QWidget(parent), mPane(pane), mComparison(comparison), mIndex(index) {
        setMinimumSize(160, 160);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        const auto frames = mComparison->frames();
        if (!frames || mIndex >= frames->paneCount()) {
            painter.fillRect(rect(), palette().window());
            return;
        }
        paintScene(painter, QRectF(rect()), frames->scene(mIndex, mComparison->timeline()->t()),
                   mPane->paintOptions());
    }

private:
    const ComparisonPaneWidget* mPane;
    Comparison* mComparison;
    int mIndex;
};

}  // namespace

ComparisonPaneWidget::ComparisonPaneWidget(Comparison* comparison, int index, QWidget* parent)
    : QWidget(parent), mComparison(comparison), mIndex(index) {
    setObjectName(QStringLiteral("comparisonPane%1").arg(index));
    auto* title = new QLabel(tr("<b>%1</b>").arg(QChar(u'A' + index)), this);
    title->setStyleSheet(QStringLiteral("color: %1;").arg(paneColor(index).name()));  // as in the plots
    mSettingsButton = new QToolButton(this);
    mSettingsButton->setObjectName(QStringLiteral("paneSettingsButton"));
    mSettingsButton->setText(tr("Settings"));
    mSettingsButton->setCheckable(true);
    mSettingsButton->setToolTip(tr("Schedule, denoiser and sampler of this pane"));
    auto* header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 4, 0);
    header->addWidget(title);
    header->addStretch();
    header->addWidget(mSettingsButton);

    mCanvas = new PaneCanvas(this, comparison, index, this);
    mEditor = new PaneSettingsEditor(this);
    mEditor->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(mCanvas, 1);
    layout->addWidget(mEditor);

    connect(mSettingsButton, &QToolButton::toggled, mEditor, &QWidget::setVisible);
    connect(mEditor, &PaneSettingsEditor::edited, comparison,
            [this](const PaneSettings& settings) { mComparison->setPane(mIndex, settings); });
    connect(comparison, &Comparison::framesChanged, mCanvas, qOverload<>(&QWidget::update));
    connect(comparison->timeline(), &Timeline::tChanged, mCanvas, qOverload<>(&QWidget::update));
    refreshSettings();
}

QString ComparisonPaneWidget::caption() const {
    const auto frames = mComparison->frames();
    return frames && mIndex < frames->paneCount() ? frames->caption(mIndex, mComparison->timeline()->t())
                                                  : QString();
}

void ComparisonPaneWidget::setLook(const RenderOptions& look) {
    mLook = look;
    mCanvas->update();
}

RenderOptions ComparisonPaneWidget::paintOptions() const {
    // As the main view paints (MainView::paintOptions): no text smaller than the window's, which presenter
    // mode enlarges too.
    RenderOptions options = mLook;
    options.size = mCanvas->size();
    options.minTextPixels = QFontInfo(mCanvas->font()).pixelSize();
    return options;
}

void ComparisonPaneWidget::refreshSettings() {
    if (mIndex < mComparison->paneCount())
        mEditor->setSettings(mComparison->panes()[static_cast<size_t>(mIndex)]);
}

}  // namespace dlui
