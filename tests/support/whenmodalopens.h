// Window tests answer modal dialogs the way a person waits for them: poll for the next active modal
// widget of a type and hand it to a function (exec() blocks the test until the dialog closes).
//
//   dltest::whenModalOpens<dlui::ExportDialog>([](dlui::ExportDialog* d) { d->reject(); });
//   QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);
#pragma once

#include <QApplication>
#include <QTimer>
#include <functional>
#include <memory>

namespace dltest {

/// Runs `handle` on the next modal widget of type T that opens (gives up after about 10 s).
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

}  // namespace dltest
