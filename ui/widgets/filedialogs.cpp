#include "ui/widgets/filedialogs.h"

#include <QCoreApplication>
#include <QFileIconProvider>
#include <QFileInfo>
#include <memory>

namespace dlui {

namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::FileDialogs)
};

/// Icons and type names from a file's name and kind, never from its contents.
class IconsByName : public QFileIconProvider {
public:
    IconsByName() { setOptions(DontUseCustomDirectoryIcons); }
    QIcon icon(const QFileInfo& info) const override {
        return QFileIconProvider::icon(info.isDir() ? QAbstractFileIconProvider::Folder
                                                    : QAbstractFileIconProvider::File);
    }
    QString type(const QFileInfo& info) const override {
        if (info.isDir()) return Texts::tr("Folder");
        const QString suffix = info.suffix();
        return suffix.isEmpty() ? Texts::tr("File") : Texts::tr("%1 file").arg(suffix.toUpper());
    }
};

QStringList run(QWidget* parent, const QString& caption, const QString& dir, const QString& filter,
                QFileDialog::AcceptMode accept, QFileDialog::FileMode mode, QFileDialog::Options options) {
    // Declared first, so it outlives the dialog that uses it.
    const auto icons = std::make_unique<IconsByName>();
    QFileDialog dialog(parent, caption, dir, filter);
    dialog.setIconProvider(icons.get());
    dialog.setAcceptMode(accept);
    dialog.setFileMode(mode);
    dialog.setOptions(options);
    if (dialog.exec() != QDialog::Accepted) return {};
    return dialog.selectedFiles();
}

}  // namespace

QString askOpenFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter) {
    return run(parent, caption, dir, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFile, {}).value(0);
}

QStringList askOpenFileNames(QWidget* parent, const QString& caption, const QString& dir,
                             const QString& filter) {
    return run(parent, caption, dir, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFiles, {});
}

QString askSaveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter,
                        QFileDialog::Options options) {
    return run(parent, caption, dir, filter, QFileDialog::AcceptSave, QFileDialog::AnyFile, options).value(0);
}

QString askExistingDirectory(QWidget* parent, const QString& caption, const QString& dir) {
    return run(parent, caption, dir, QString(), QFileDialog::AcceptOpen, QFileDialog::Directory,
               QFileDialog::ShowDirsOnly)
        .value(0);
}

}  // namespace dlui
