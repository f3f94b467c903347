// The window's file dialogs: QFileDialog's static functions, with one difference. Qt's own dialog asks
// the MIME database for each listed file's icon and type, which reads the start of files whose name does
// not tell: in /proc, read as root, /proc/kmsg never answers, and typing "/proc/" in a file name froze the
// window for good, losing unsaved work. These dialogs tell a file's icon and type from its name only.
//
//   const QString path = dlui::askOpenFileName(this, tr("Load model"), folder, tr("Models (*.dlmodel)"));
//   if (path.isEmpty()) return;   // cancelled
#pragma once

#include <QFileDialog>
#include <QString>
#include <QStringList>

class QWidget;

namespace dlui {

QString askOpenFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter);
QStringList askOpenFileNames(QWidget* parent, const QString& caption, const QString& dir,
                             const QString& filter);
QString askSaveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter,
                        QFileDialog::Options options = {});
QString askExistingDirectory(QWidget* parent, const QString& caption, const QString& dir);

}  // namespace dlui
