// Export from the main window: File ▸ Export… (Ctrl+E, the toolbar button) opens the Export dialog on the
// current document; File ▸ Export plots / Export data as CSV save the schedule plots, the loss curve, the
// data, the samples, the reverse chain, the schedule table and the loss history; Edit ▸ Copy view puts
// the main view on the clipboard. Everything is taken from the window's document when the action fires.
//
//   new dlui::WindowExport(window);   // once, from the window's constructor; connects the window's actions
#pragma once

#include <QObject>
#include <QPointer>

#include "ui/export/exportdialog.h"

namespace dlui {

class MainWindow;

class WindowExport : public QObject {
    Q_OBJECT
public:
    /// Becomes a child of the window and connects its export actions.
    explicit WindowExport(MainWindow* window);

    /// The Export dialog while it is open (null otherwise).
    ExportDialog* dialog() const { return mDialog; }

public Q_SLOTS:
    /// Opens the Export dialog on the current document (window-modal; returns once it is closed).
    void openExportDialog();
    void exportSchedulePlots();
    void exportLossPlot();
    void exportDataCsv();
    void exportSamplesCsv();
    void exportTrajectoryCsv();
    void exportScheduleCsv();
    void exportLossCsv();
    void copyView();

private:
    void updateActions();
    /// Asks for a file name (empty when cancelled); `suffix` is added when the name has none.
    QString askPath(const QString& title, const QString& baseName, const QString& filter,
                    const QString& suffix);
    /// Shows the outcome of a save: the path in the status bar, or the error in a message box.
    void report(const QString& error, const QString& path);

    MainWindow* mWindow;
    QPointer<ExportDialog> mDialog;
    /// The folder of the last plot or table saved from this window: the next one is asked for there.
    QString mLastFolder;
};

}  // namespace dlui
