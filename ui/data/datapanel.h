// The Data dock: every source of the data issue (built-in shapes, text, CSV, an image as a shape, images
// in pixel space, the glyph image set, hand-drawn strokes) with N, seed and a preview of the current data
// set. The panel only describes what to load: it asks for it with sourceRequested, and the window loads it
// in a worker (DataLoader) and reports back with setBusy/setStatus.
//
//   auto* panel = new dlui::DataPanel(document);
//   connect(panel, &dlui::DataPanel::sourceRequested, loader, &dlui::DataLoader::load);
#pragma once

#include <QWidget>

#include "ui/document/labdocument.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace dlui {

class DataPanel : public QWidget {
    Q_OBJECT
public:
    explicit DataPanel(LabDocument* document, QWidget* parent = nullptr);

    /// The source the controls describe now (strokes are filled in by the window).
    DataSource currentSource() const;
    /// Shows a source in the controls (no request).
    void showSource(const DataSource& source);

    void setBusy(bool busy);
    void setStatus(const QString& text, bool isError = false);
    /// "Loading… 42 %" while a load runs: cleared when the load ends without a result (stopped or
    /// superseded), so a finished load never leaves it standing.
    void setLoadProgress(double fraction);
    /// The panel's height from its top to the bottom of the Load data button, as laid out now: what its
    /// dock must show for the data to be chosen and loaded.
    int heightThroughLoadButton() const;
    /// The same through the data preview below that button: a dock that shows less than this but more than
    /// heightThroughLoadButton() shows part of the preview.
    int heightThroughPreview() const;
    QString statusText() const;
    /// The status line reports a problem (shown in the error colour).
    bool statusIsError() const { return mStatusIsError; }

    QComboBox* sourceBox() const { return mSource; }
    QComboBox* shapeBox() const { return mShape; }
    QSpinBox* countBox() const { return mCount; }
    QSpinBox* seedBox() const { return mSeed; }
    QPushButton* applyButton() const { return mApply; }
    QLineEdit* csvPathEdit() const { return mCsvPath; }
    QComboBox* csvXBox() const { return mCsvX; }
    QComboBox* csvYBox() const { return mCsvY; }
    QCheckBox* perAxisBox() const { return mPerAxis; }
    QComboBox* fitBox() const { return mFit; }
    QComboBox* backgroundBox() const { return mBackground; }
    QDoubleSpinBox* brushBox() const { return mBrush; }
    QDoubleSpinBox* densityBox() const { return mDensity; }
    /// The hand-drawn point count line ("12,345 points from 2 strokes").
    QString strokeCountText() const;

public Q_SLOTS:
    /// The strokes drawn on the view and the data length of one view unit there; updates the point count.
    void setStrokes(const std::vector<dl::Stroke>& strokes, double strokeUnit);

    /// Fills the CSV column chooser with a file's columns (ignored unless path is the file shown).
    void setCsvColumnNames(const QString& path, const QStringList& names);
    /// The CSV file just read has this many columns and none was chosen: says so (not as an error) and puts
    /// the keyboard on the x column.
    void askForCsvColumns(int columnCount);
Q_SIGNALS:
    /// The person asked to load this source.
    void sourceRequested(const dlui::DataSource& source);
    /// Hand-drawn mode was entered or left: the view should take mouse strokes.
    void drawingRequested(bool on);
    /// The person asked to clear the drawn strokes.
    void clearStrokesRequested();
    /// The person chose another source, with rows of its own: the controls through Load data changed
    /// height.
    void controlsResized();
    /// The person picked or typed another CSV file: its columns are wanted for the chooser.
    void csvColumnsWanted(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* makeShapePage();
    QWidget* makeTextPage();
    QWidget* makeFilePage(QLineEdit*& path, bool folders, bool imageOptions);
    void addCsvColumnChooser(QWidget* page);
    void addImageSetOptions(QWidget* page);
    void updateScalingAdvice();
    /// Scrolls the dock so the status line shows (after the layout pass that makes room for its text).
    void scrollStatusIntoView();
    QWidget* makeImagePage();
    QWidget* makeDrawPage();
    void browse(QLineEdit* target, bool images, bool folders);
    void onSourceKindChanged();
    void updatePreview();
    void updateStrokeCount();

    LabDocument* mDocument;
    QComboBox* mSource;
    bool mStatusIsProgress = false;  // the status says a load is under way
    bool mRefocusApply = false;      // Load data had the keyboard when a load began (setBusy)
    bool mStatusIsError = false;     // an error about the last load, cleared when another source is chosen
    QStackedWidget* mPages;
    QFormLayout* mCommon;
    QComboBox* mShape;
    QLineEdit* mText;
    QLineEdit* mCsvPath;
    QComboBox* mCsvX = nullptr;  ///< CSV x column (empty until the file's columns are known)
    QComboBox* mCsvY = nullptr;
    QString mPendingCsvColumns;  ///< a session's column choice, applied when the names arrive
    QCheckBox* mPerAxis = nullptr;
    QComboBox* mFit = nullptr;         ///< images in pixel space: crop or squash
    QComboBox* mBackground = nullptr;  ///< images in pixel space: colour under transparent pixels
    QLabel* mScalingAdvice = nullptr;
    QLineEdit* mShapeImagePath;
    QCheckBox* mInvert;
    QDoubleSpinBox* mThreshold;
    QLineEdit* mPixelPaths;
    QSpinBox* mImageSize;
    QCheckBox* mRgb;
    QDoubleSpinBox* mBrush;
    QDoubleSpinBox* mDensity;
    QLabel* mStrokeCount = nullptr;
    std::vector<dl::Stroke> mStrokes;
    double mStrokeUnit = 1.0;
    QSpinBox* mCount;
    QSpinBox* mSeed;
    QPushButton* mApply;
    QLabel* mStatus;
    QLabel* mPreview;
    QLabel* mSummary;
    bool mSyncing = false;
};

}  // namespace dlui
