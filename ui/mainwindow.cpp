#include "ui/mainwindow.h"

namespace dlui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Diffusion Lab"));
    resize(1280, 800);
}

}  // namespace dlui
