// The Diffusion Lab main window.
#pragma once

#include <QMainWindow>

namespace dlui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace dlui
