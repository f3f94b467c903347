// Answering the modal dialogs a window action opens, the way a person would: wait for the dialog to
// appear, then fill it in. Window tests call these before triggering the action (which blocks in exec()).
//
//   dltest::answerFileDialog(dir.filePath("plots.png"));
//   window.actions().exportSchedulePlots->trigger();
#pragma once

#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>
#include <QtTest>
#include <functional>
#include <memory>

namespace dltest {

/// Runs `handle` on the next modal widget of type T that opens (polling for up to 10 s).
template <typename T>
void whenModalOpens(std::function<void(T*)> handle) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, tries, handle] {
        if (auto* modal = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->deleteLater();
            timer->stop();
            handle(modal);
        } else if (++*tries > 500) {
            timer->deleteLater();
            timer->stop();
        }
    });
    timer->start();
}

/// Fills in the open or save dialog that the next action opens with `path` and accepts it; the folder the
/// dialog opened in goes into *openedIn when given.
inline void answerFileDialog(const QString& path, QString* openedIn = nullptr) {
    whenModalOpens<QFileDialog>([path, openedIn](QFileDialog* dialog) {
        if (openedIn) *openedIn = dialog->directory().absolutePath();
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        if (name)
            name->setText(path);
        else
            dialog->selectFile(path);
        QTest::keyClick(dialog, Qt::Key_Return);
    });
}

/// Keeps the text of the next message box into *text and closes it.
inline void readAndCloseMessageBox(QString* text) {
    whenModalOpens<QMessageBox>([text](QMessageBox* box) {
        *text = box->text();
        box->accept();
    });
}

}  // namespace dltest
