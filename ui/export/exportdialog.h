// The Export dialog: which animation (forward, reverse, both), the range and stride of t, frames per
// second, output size, what to draw, background, format and output path. Export runs in an ExportJob
// behind a progress dialog with Cancel; an existing output is overwritten only after asking.
//
// Opened by the window (File ▸ Export…, Ctrl+E) with everything it needs as values:
//   dlui::ExportInput in{*doc->dataSet(), doc->schedule(), *doc->forwardNoise()};
//   if (auto tr = doc->trajectory()) in.reverse = *tr;
//   dlui::ExportDialog dialog(std::move(in), this);
//   dialog.exec();
#pragma once

#include <QDialog>
#include <QElapsedTimer>
#include <memory>

#include "ui/render/exporter.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QSpinBox;

namespace dlui {

class ExportJob;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(ExportInput input, QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// The settings the controls show (overwrite is false; the dialog asks when it matters).
    ExportSettings settings() const;
    /// Shows these settings in the controls (values out of range are clamped).
    void setSettings(const ExportSettings& settings);
    /// The output path the dialog last kept (QSettings), empty before any: where the next animation goes.
    static QString rememberedOutputPath();
    /// The result of the last export this dialog ran.
    const ExportResult& lastResult() const { return mLastResult; }
    /// Whether a question box may be shown (overwrite, errors); off in tests, where an existing output
    /// is then refused and errors go only to lastResult() and exportFinished().
    void setInteractive(bool interactive) { mInteractive = interactive; }

public Q_SLOTS:
    /// Validates the settings, asks before overwriting, then runs the export with a progress dialog.
    void startExport();
    /// Cancels a running export (nothing is left behind).
    void cancelExport();
    /// Cancel/Escape: during an export, stops it first and closes once it has ended.
    void reject() override;

Q_SIGNALS:
    /// An export ended (written, failed or cancelled).
    void exportFinished(const dlui::ExportResult& result);

private:
    void buildUi();
    /// The range of t follows the animation: 0..T, or the comparison's shared steps 0..S.
    void updateRange();
    void updateState();
    void browse();
    void onFinished(const ExportResult& result);
    void saveToSettings() const;
    void loadFromSettings();

    ExportInput mInput;
    bool mInteractive = true;
    bool mCloseWhenDone = false;  // Cancel/Escape during an export: stop it, then close
    ExportResult mLastResult;
    std::unique_ptr<ExportJob> mJob;
    QProgressDialog* mProgress = nullptr;
    QElapsedTimer mExportClock;  // since the export started: the progress dialog's time left
    bool mCancelling = false;

    QComboBox* mAnimation = nullptr;
    QSpinBox* mTFirst = nullptr;
    QSpinBox* mTLast = nullptr;
    QSpinBox* mStride = nullptr;
    QSpinBox* mFps = nullptr;
    QSpinBox* mWidth = nullptr;
    QSpinBox* mHeight = nullptr;
    QCheckBox* mPoints = nullptr;
    QCheckBox* mTrails = nullptr;
    QCheckBox* mArrows = nullptr;
    QCheckBox* mDensity = nullptr;
    QCheckBox* mAxes = nullptr;
    QCheckBox* mCaption = nullptr;
    QCheckBox* mColorByOrigin = nullptr;
    QComboBox* mBackground = nullptr;
    QComboBox* mPalette = nullptr;
    QComboBox* mFormat = nullptr;
    QLineEdit* mPath = nullptr;
    QLabel* mSummary = nullptr;
    QDialogButtonBox* mButtons = nullptr;
};

}  // namespace dlui
