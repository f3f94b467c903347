#include "ui/data/datapanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "core/data/datalimits.h"
#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/io/imagefile.h"
#include "core/io/imagegrid.h"
#include "ui/data/dataloader.h"
#include "ui/render/palette.h"
#include "ui/render/scene.h"
#include "ui/render/viewbounds.h"
#include "ui/widgets/filedialogs.h"
#include "ui/widgets/readabletext.h"
#include "ui/widgets/scrollareaaround.h"

namespace dlui {

namespace {

struct SourceEntry {
    DataSource::Kind kind;
    const char* label;
};

constexpr SourceEntry kSources[] = {
    {DataSource::Kind::BuiltIn, QT_TRANSLATE_NOOP("dlui::DataPanel", "Built-in shape")},
    {DataSource::Kind::Text, QT_TRANSLATE_NOOP("dlui::DataPanel", "Text")},
    {DataSource::Kind::Csv, QT_TRANSLATE_NOOP("dlui::DataPanel", "CSV file")},
    {DataSource::Kind::ImageShape, QT_TRANSLATE_NOOP("dlui::DataPanel", "Image as a shape")},
    {DataSource::Kind::ImagePixels, QT_TRANSLATE_NOOP("dlui::DataPanel", "Images (pixel space)")},
    {DataSource::Kind::Glyphs, QT_TRANSLATE_NOOP("dlui::DataPanel", "Glyph images (pixel space)")},
    {DataSource::Kind::HandDrawn, QT_TRANSLATE_NOOP("dlui::DataPanel", "Hand-drawn")},
};

constexpr int kPreviewSize = 150;

int pageOf(DataSource::Kind kind) {
    return static_cast<int>(kind);
}

}  // namespace

DataPanel::DataPanel(LabDocument* document, QWidget* parent) : QWidget(parent), mDocument(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    mSource = new QComboBox(this);
    for (const SourceEntry& e : kSources) mSource->addItem(tr(e.label), static_cast<int>(e.kind));
    form->addRow(tr("&Source"), mSource);
    layout->addLayout(form);

    mPages = new QStackedWidget(this);
    mPages->addWidget(makeShapePage());
    mPages->addWidget(makeTextPage());
    mPages->addWidget(makeFilePage(mCsvPath, false, false));
    addCsvColumnChooser(mPages->widget(mPages->count() - 1));
    mPages->addWidget(makeFilePage(mShapeImagePath, false, true));
    mPages->addWidget(makeFilePage(mPixelPaths, true, false));
    addImageSetOptions(mPages->widget(mPages->count() - 1));
    mPages->addWidget(new QWidget(this));  // glyphs: size and colour below
    mPages->addWidget(makeDrawPage());
    layout->addWidget(mPages);

    auto* common = mCommon = new QFormLayout;
    common->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    mImageSize = new QSpinBox(this);
    mImageSize->setRange(dl::limits::kMinImageSide, dl::limits::kMaxImageSide);
    mImageSize->setValue(16);
    mImageSize->setSuffix(tr(" px"));
    mRgb = new QCheckBox(tr("RGB (else gray)"), this);
    auto* imageRow = new QHBoxLayout;
    imageRow->addWidget(mImageSize);
    imageRow->addWidget(mRgb);
    common->addRow(tr("Image size"), imageRow);
    mCount = new QSpinBox(this);
    mCount->setRange(dl::limits::kMinPoints, dl::limits::kMaxPoints);
    mCount->setGroupSeparatorShown(true);
    mCount->setSingleStep(1000);
    mCount->setValue(8000);
    common->addRow(tr("&N"), mCount);
    mSeed = new QSpinBox(this);
    mSeed->setRange(0, 1'000'000'000);
    mSeed->setValue(1);
    common->addRow(tr("Seed"), mSeed);
    mPerAxis = new QCheckBox(tr("Standardise each a&xis"), this);
    mPerAxis->setObjectName(QStringLiteral("perAxisScale"));
    mPerAxis->setToolTip(
        tr("Divide each axis by its own spread, for columns in different units (one near 750, one "
           "near 1). Off: one common scale keeps the shape's aspect."));
    common->addRow(QString(), mPerAxis);
    layout->addLayout(common);
    mScalingAdvice = new QLabel(this);
    mScalingAdvice->setObjectName(QStringLiteral("scalingAdvice"));
    mScalingAdvice->setWordWrap(true);
    mScalingAdvice->hide();
    layout->addWidget(mScalingAdvice);

    mApply = new QPushButton(tr("Load data"), this);
    mApply->setObjectName(QStringLiteral("loadDataButton"));
    // Not a default button: its frame is the focus frame's blue, so Tab on it showed nothing (and outside a
    // dialog a default button does nothing with Enter).
    layout->addWidget(mApply);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("dataStatus"));
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);

    mPreview = new QLabel(this);
    mPreview->setObjectName(QStringLiteral("dataPreview"));
    mPreview->setFixedSize(kPreviewSize, kPreviewSize);
    mPreview->setFrameShape(QFrame::StyledPanel);
    mPreview->setAlignment(Qt::AlignCenter);
    layout->addWidget(mPreview, 0, Qt::AlignHCenter);
    mSummary = new QLabel(this);
    mSummary->setWordWrap(true);
    mSummary->setAlignment(Qt::AlignHCenter);
    layout->addWidget(mSummary);
    layout->addStretch(1);

    connect(mSource, &QComboBox::currentIndexChanged, this, &DataPanel::onSourceKindChanged);
    connect(mApply, &QPushButton::clicked, this, [this] { Q_EMIT sourceRequested(currentSource()); });
    connect(mShape, &QComboBox::currentIndexChanged, this, [this] {
        if (!mSyncing) Q_EMIT sourceRequested(currentSource());  // generators are instant
    });
    connect(document, &LabDocument::dataSetChanged, this, [this] {
        showSource(mDocument->dataSource());
        updatePreview();
        updateScalingAdvice();
    });
    showSource(document->dataSource());
    updatePreview();
    updateScalingAdvice();
}

void DataPanel::addCsvColumnChooser(QWidget* page) {
    auto* form = static_cast<QFormLayout*>(page->layout());
    mCsvX = new QComboBox(page);
    mCsvX->setObjectName(QStringLiteral("csvColumnX"));
    mCsvY = new QComboBox(page);
    mCsvY->setObjectName(QStringLiteral("csvColumnY"));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("x"), page));
    row->addWidget(mCsvX, 1);
    row->addWidget(new QLabel(tr("y"), page));
    row->addWidget(mCsvY, 1);
    // A label of its own with a buddy: a row label made from text alone, beside a layout, has none and
    // showed its "&" ("Col&umns").
    auto* label = new QLabel(tr("Col&umns"), page);
    label->setBuddy(mCsvX);
    form->addRow(label, row);
    for (QComboBox* box : {mCsvX, mCsvY}) {
        box->setEnabled(false);
        box->setToolTip(
            tr("Which two columns of the file are x and y; the file's columns appear once it is chosen"));
    }
    // Another file: its columns are not known until it is read, and they are read as soon as the file is
    // picked (Browse…) or typed (Enter, or leaving the field). Browse… set the text without an edit, and the
    // chooser kept the last file's columns: Load data then failed on a column the new file did not have.
    connect(mCsvPath, &QLineEdit::textChanged, this, [this] {
        for (QComboBox* box : {mCsvX, mCsvY}) {
            box->clear();
            box->setEnabled(false);
        }
        if (!mSyncing) mPendingCsvColumns.clear();  // a session's choice was for its own file
    });
    connect(mCsvPath, &QLineEdit::editingFinished, this, [this] {
        if (!mCsvX->isEnabled()) Q_EMIT csvColumnsWanted(mCsvPath->text());
    });
}

void DataPanel::addImageSetOptions(QWidget* page) {
    auto* form = static_cast<QFormLayout*>(page->layout());
    mFit = new QComboBox(page);
    mFit->setObjectName(QStringLiteral("imageFit"));
    mFit->addItem(tr("Crop to the centred square"), false);
    mFit->addItem(tr("Squash the whole image"), true);
    mFit->setToolTip(
        tr("How images that are not square become S×S: cropping loses their edges, squashing "
           "distorts their shapes"));
    form->addRow(tr("Not s&quare"), mFit);
    mBackground = new QComboBox(page);
    mBackground->setObjectName(QStringLiteral("imageBackground"));
    mBackground->addItem(tr("White"), QStringLiteral("#ffffff"));
    mBackground->addItem(tr("Black"), QStringLiteral("#000000"));
    mBackground->addItem(tr("Gray"), QStringLiteral("#808080"));
    mBackground->setToolTip(
        tr("What transparent pixels become (a black background on a transparent image "
           "turns gray over white)"));
    form->addRow(tr("Back&ground"), mBackground);
}

void DataPanel::setCsvColumnNames(const QString& path, const QStringList& names) {
    if (path != mCsvPath->text() || names.size() < 2) return;
    const int oldX = mCsvX->currentIndex(), oldY = mCsvY->currentIndex();
    const bool same = mCsvX->count() == names.size();
    for (QComboBox* box : {mCsvX, mCsvY}) {
        const QSignalBlocker block(box);
        box->clear();
        for (int i = 0; i < names.size(); ++i) box->addItem(tr("%1: %2").arg(i + 1).arg(names[i]), i + 1);
        box->setEnabled(true);
    }
    int x = same ? oldX : 0, y = same ? oldY : 1;
    if (!mPendingCsvColumns.isEmpty()) {  // a session's pair: numbers "3,4" or header names
        const QStringList parts = mPendingCsvColumns.split(QLatin1Char(','));
        auto indexOf = [&names](const QString& part) {
            bool number = false;
            const int n = part.trimmed().toInt(&number);
            if (number) return n - 1;
            for (int i = 0; i < names.size(); ++i)
                if (names[i].compare(part.trimmed(), Qt::CaseInsensitive) == 0) return i;
            return -1;
        };
        x = indexOf(parts.value(0));
        y = indexOf(parts.value(1));
        mPendingCsvColumns.clear();
    }
    mCsvX->setCurrentIndex(std::clamp(x, 0, int(names.size()) - 1));
    mCsvY->setCurrentIndex(std::clamp(y, 0, int(names.size()) - 1));
}

void DataPanel::askForCsvColumns(int columnCount) {
    setStatus(
        tr("The file has %1 columns: choose which are x and y above, then Load data.").arg(columnCount));
    scrollStatusIntoView();  // a question to answer, like a problem: not below the fold
    if (mCsvX->isEnabled()) mCsvX->setFocus(Qt::OtherFocusReason);
}

void DataPanel::updateScalingAdvice() {
    const auto data = mDocument->dataSet();
    const std::string advice = data ? dl::perAxisScalingAdvice(*data) : std::string();
    mScalingAdvice->setVisible(!advice.empty());
    if (!advice.empty())
        mScalingAdvice->setText(
            tr("The axes' spreads differ %1×: on one common scale the narrower axis is nearly "
               "flat and is learned badly. Tick “Standardise each axis” and load again.")
                .arg(qRound(std::min(dl::axisSpreadRatio(data->points), 1e6))));
}

QWidget* DataPanel::makeShapePage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    mShape = new QComboBox(page);
    for (const std::string& name : dl::builtInPointShapes()) {
        const QString id = QString::fromStdString(name);
        mShape->addItem(builtInShapeDisplayName(id), id);  // people see the name, sessions keep the id
    }
    form->addRow(tr("Sh&ape"), mShape);
    return page;
}

QWidget* DataPanel::makeTextPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    mText = new QLineEdit(QStringLiteral("DDPM"), page);
    mText->setMaxLength(dl::limits::kMaxTextLength);
    connect(mText, &QLineEdit::returnPressed, this, [this] { Q_EMIT sourceRequested(currentSource()); });
    form->addRow(tr("Te&xt"), mText);
    return page;
}

QWidget* DataPanel::makeFilePage(QLineEdit*& path, bool folders, bool imageOptions) {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    path = new QLineEdit(page);
    path->setPlaceholderText(folders ? tr("image files or a folder") : tr("file"));
    auto* browse = new QPushButton(tr("Browse…"), page);
    QLineEdit* target = path;
    const bool images = imageOptions || folders;
    connect(browse, &QPushButton::clicked, this,
            [this, target, images, folders] { this->browse(target, images, folders); });
    // Return in the field loads, as in the Text field: a typed path otherwise needed the mouse.
    connect(path, &QLineEdit::returnPressed, this, [this, target] {
        if (!target->text().trimmed().isEmpty() && mApply->isEnabled())
            Q_EMIT sourceRequested(currentSource());
    });
    auto* row = new QHBoxLayout;
    row->addWidget(path, 1);
    row->addWidget(browse);
    form->addRow(tr("File"), row);
    if (imageOptions) {
        mInvert = new QCheckBox(tr("Invert (light parts are the shape)"), page);
        form->addRow(QString(), mInvert);
        mThreshold = new QDoubleSpinBox(page);
        mThreshold->setRange(0.0, 0.99);
        mThreshold->setSingleStep(0.05);
        form->addRow(tr("Threshold"), mThreshold);
    }
    return page;
}

QWidget* DataPanel::makeDrawPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    auto* hint = new QLabel(tr("Drag on the main view to draw strokes, then load."), page);
    hint->setWordWrap(true);
    form->addRow(hint);
    // Both in view units (the view's larger side is 1), whatever the units of the data shown.
    const DataSource defaults;
    mBrush = new QDoubleSpinBox(page);
    mBrush->setObjectName(QStringLiteral("brushRadius"));
    mBrush->setRange(0.0, 0.5);
    mBrush->setDecimals(3);
    mBrush->setSingleStep(0.005);
    mBrush->setValue(defaults.brushRadius);
    mBrush->setToolTip(tr("Brush radius as a fraction of the view's size"));
    form->addRow(tr("Brush"), mBrush);
    mDensity = new QDoubleSpinBox(page);
    mDensity->setObjectName(QStringLiteral("strokeDensity"));
    mDensity->setRange(1.0, 1e6);
    mDensity->setDecimals(0);
    mDensity->setValue(defaults.density);
    mDensity->setToolTip(tr("Points per stroke as long as the view is wide"));
    form->addRow(tr("Points per view width"), mDensity);
    mStrokeCount = new QLabel(page);
    mStrokeCount->setObjectName(QStringLiteral("strokeCount"));
    mStrokeCount->setWordWrap(true);
    form->addRow(mStrokeCount);
    connect(mBrush, &QDoubleSpinBox::valueChanged, this, &DataPanel::updateStrokeCount);
    connect(mDensity, &QDoubleSpinBox::valueChanged, this, &DataPanel::updateStrokeCount);
    updateStrokeCount();
    auto* clear = new QPushButton(tr("Clear strokes"), page);
    connect(clear, &QPushButton::clicked, this, &DataPanel::clearStrokesRequested);
    form->addRow(clear);
    return page;
}

void DataPanel::setStrokes(const std::vector<dl::Stroke>& strokes, double strokeUnit) {
    mStrokes = strokes;
    mStrokeUnit = strokeUnit;
    updateStrokeCount();
}

QString DataPanel::strokeCountText() const {
    return mStrokeCount->text();
}

void DataPanel::updateStrokeCount() {
    if (mStrokes.empty()) {
        mStrokeCount->setText(tr("No strokes yet."));
        return;
    }
    DataSource s = currentSource();
    s.strokes = mStrokes;
    s.strokeUnit = mStrokeUnit;
    const int n = handDrawnPointCount(s);
    const QLocale locale;
    if (n < 0)
        mStrokeCount->setText(tr("Too many points: more than %1. Lower the density.")
                                  .arg(locale.toString(dl::limits::kMaxPoints)));
    else
        mStrokeCount->setText(
            tr("%1 points from %n stroke(s)", nullptr, int(mStrokes.size())).arg(locale.toString(n)));
}

void DataPanel::browse(QLineEdit* target, bool images, bool folders) {
    QString filter = tr("CSV files (*.csv *.txt);;All files (*)");
    if (images)
        filter = tr("Images (%1);;All files (*)").arg(dl::readableImagePatterns().join(QLatin1Char(' ')));
    if (folders) {
        const QStringList files = askOpenFileNames(this, tr("Choose images"), QString(), filter);
        if (!files.isEmpty()) target->setText(files.join(QLatin1Char(';')));
        return;
    }
    const QString file = askOpenFileName(this, tr("Choose a file"), QString(), filter);
    if (file.isEmpty()) return;
    target->setText(file);
    if (target == mCsvPath) Q_EMIT csvColumnsWanted(file);
}

void DataPanel::onSourceKindChanged() {
    const auto kind = static_cast<DataSource::Kind>(mSource->currentData().toInt());
    mPages->setCurrentIndex(pageOf(kind));
    // Size the stack to the page shown, not the tallest page.
    for (int i = 0; i < mPages->count(); ++i)
        mPages->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == mPages->currentIndex()
                                                                     ? QSizePolicy::Preferred
                                                                     : QSizePolicy::Ignored);
    mPages->adjustSize();
    const bool pixels = kind == DataSource::Kind::ImagePixels || kind == DataSource::Kind::Glyphs;
    mCommon->setRowVisible(0, pixels);  // image size and colour
    mCommon->setRowVisible(mCount, kind != DataSource::Kind::Csv && kind != DataSource::Kind::ImagePixels &&
                                       kind != DataSource::Kind::HandDrawn);
    mCommon->setRowVisible(mPerAxis, !pixels);
    // An error about a file does not stay under a source that has no file (it read as if that had failed).
    if (!mSyncing && mStatusIsError) setStatus(QString());
    if (!mSyncing) Q_EMIT drawingRequested(kind == DataSource::Kind::HandDrawn);
    if (!mSyncing) Q_EMIT controlsResized();
}

DataSource DataPanel::currentSource() const {
    DataSource s;
    s.kind = static_cast<DataSource::Kind>(mSource->currentData().toInt());
    s.shape = mShape->currentData().toString();
    s.text = mText->text();
    if (s.kind == DataSource::Kind::Csv) {
        s.paths = QStringList{mCsvPath->text()};
        // Columns by number: header names may hold the separator. A plain two-column file needs no choice.
        const bool chosen = mCsvX->isEnabled() &&
                            (mCsvX->count() > 2 || mCsvX->currentIndex() != 0 || mCsvY->currentIndex() != 1);
        if (chosen)
            s.csvColumns =
                QStringLiteral("%1,%2").arg(mCsvX->currentData().toInt()).arg(mCsvY->currentData().toInt());
        else if (!mPendingCsvColumns.isEmpty())
            s.csvColumns = mPendingCsvColumns;
    }
    s.squash = mFit->currentData().toBool();
    s.background = mBackground->currentData().toString();
    s.perAxis = mPerAxis->isChecked() && s.kind != DataSource::Kind::ImagePixels &&
                s.kind != DataSource::Kind::Glyphs;
    if (s.kind == DataSource::Kind::ImageShape) s.paths = QStringList{mShapeImagePath->text()};
    if (s.kind == DataSource::Kind::ImagePixels)
        s.paths = mPixelPaths->text().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    s.count = mCount->value();
    s.seed = static_cast<std::uint64_t>(mSeed->value());
    s.imageSize = mImageSize->value();
    s.imageRgb = mRgb->isChecked();
    s.invert = mInvert->isChecked();
    s.threshold = mThreshold->value();
    s.brushRadius = mBrush->value();
    s.density = mDensity->value();
    return s;
}

void DataPanel::showSource(const DataSource& s) {
    mSyncing = true;
    mSource->setCurrentIndex(std::max(0, mSource->findData(static_cast<int>(s.kind))));
    mPages->setCurrentIndex(pageOf(s.kind));
    if (const int i = mShape->findData(s.shape); i >= 0) mShape->setCurrentIndex(i);
    if (s.kind == DataSource::Kind::Text) mText->setText(s.text);
    if (s.kind == DataSource::Kind::Csv) {
        if (mCsvPath->text() != s.paths.value(0)) {
            mCsvPath->setText(s.paths.value(0));
            for (QComboBox* box : {mCsvX, mCsvY}) {
                box->clear();
                box->setEnabled(false);
            }
        }
        // Names arrive with the next load; until then keep the choice so the load uses it.
        if (!mCsvX->isEnabled()) mPendingCsvColumns = s.csvColumns;
    }
    mPerAxis->setChecked(s.perAxis);
    mFit->setCurrentIndex(s.squash ? 1 : 0);
    if (const int i = mBackground->findData(s.background); i >= 0) {
        mBackground->setCurrentIndex(i);
    } else {  // a session's own colour
        mBackground->addItem(s.background, s.background);
        mBackground->setCurrentIndex(mBackground->count() - 1);
    }
    if (s.kind == DataSource::Kind::ImageShape) mShapeImagePath->setText(s.paths.value(0));
    if (s.kind == DataSource::Kind::ImagePixels) mPixelPaths->setText(s.paths.join(QLatin1Char(';')));
    mCount->setValue(s.count);
    mSeed->setValue(static_cast<int>(std::min<std::uint64_t>(s.seed, 1'000'000'000)));
    mImageSize->setValue(s.imageSize);
    mRgb->setChecked(s.imageRgb);
    mInvert->setChecked(s.invert);
    mThreshold->setValue(s.threshold);
    mBrush->setValue(s.brushRadius);
    mDensity->setValue(s.density);
    onSourceKindChanged();
    mSyncing = false;
}

void DataPanel::setBusy(bool busy) {
    // Disabling the focused Load data sent the keyboard on to the next dock's first field (Schedule ▸
    // Kind): it waits on this panel instead, and comes back to the button when the load ends.
    if (busy && mApply->hasFocus()) {
        mRefocusApply = true;
        setFocus(Qt::OtherFocusReason);
    }
    mApply->setEnabled(!busy);
    if (!busy && std::exchange(mRefocusApply, false) && hasFocus()) mApply->setFocus(Qt::OtherFocusReason);
    if (busy) {
        setLoadProgress(0.0);
    } else if (mStatusIsProgress) {
        setStatus(QString());  // the load stopped, or the loaded data said nothing after it
    }
}

void DataPanel::setLoadProgress(double fraction) {
    setStatus(fraction > 0.0 ? tr("Loading… %1 %").arg(qRound(fraction * 100)) : tr("Loading…"));
    mStatusIsProgress = true;
}

void DataPanel::setStatus(const QString& text, bool isError) {
    mStatusIsProgress = false;
    mStatusIsError = isError;
    setReadableTextColor(mStatus, isError ? kErrorTextColor : QColor());
    mStatus->setText(text);
    // A problem is scrolled into view: in a short dock it sat below the fold, seen only in the status bar.
    if (isError && !text.isEmpty()) scrollStatusIntoView();
}

void DataPanel::scrollStatusIntoView() {
    QTimer::singleShot(0, this, [this] {  // once the layout has made room for the text
        if (QScrollArea* area = scrollAreaAround(this)) area->ensureWidgetVisible(mStatus, 0, 0);
    });
}

int DataPanel::heightThroughLoadButton() const {
    return mApply->mapTo(this, QPoint(0, mApply->height())).y() + layout()->spacing();
}

int DataPanel::heightThroughPreview() const {
    return mPreview->mapTo(this, QPoint(0, mPreview->height())).y() + layout()->spacing();
}

QString DataPanel::statusText() const {
    return mStatus->text();
}

void DataPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) updatePreview();
}

void DataPanel::updatePreview() {
    const auto data = mDocument->dataSet();
    QImage image;
    if (data->isImage()) {
        const int shown = std::min(16, data->size());
        try {
            image =
                dl::imageGrid(data->points.topRows(shown), data->image, 4)
                    .scaled(kPreviewSize - 4, kPreviewSize - 4, Qt::KeepAspectRatio, Qt::FastTransformation);
        } catch (const std::exception&) {
        }
    } else {
        Scene scene;
        scene.points = data->norm.toData(data->points);
        RenderOptions options;
        options.size = QSize(kPreviewSize - 4, kPreviewSize - 4);
        options.drawAxes = false;
        options.drawCaption = false;
        // The dark theme's background, not a white square in the dark dock.
        if (isDarkPalette(palette())) options.background = Background::Dark;
        image = renderScene(scene, options);
    }
    mPreview->setPixmap(QPixmap::fromImage(image));
    mSummary->setText(tr("%1\n%2 × %3")
                          .arg(describeDataSource(mDocument->dataSource()))
                          .arg(data->size())
                          .arg(data->dim()));
}

}  // namespace dlui
