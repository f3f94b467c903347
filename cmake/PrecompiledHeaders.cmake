# Precompiled headers. Most of the build's time goes into parsing the same system headers again in
# every file (Eigen in the core, Qt Widgets and QCustomPlot in the window, Qt Test in all ~100 tests:
# 8–12 s a file). Each group below parses them once. CI builds the tree three times (Release, ASan +
# UBSan, and the core under TSan), so this is what keeps `scripts/test.sh` inside its time budget.
#
# The headers are only the slow, stable ones from outside the project; no project header goes in, so
# editing one still rebuilds only what includes it. Turn it off with -DDL_PRECOMPILED_HEADERS=OFF to
# check that every file includes what it uses.
option(DL_PRECOMPILED_HEADERS "Precompile the system headers most files parse (Eigen, Qt)" ON)

set(DL_PCH_STD <algorithm> <cmath> <cstdint> <functional> <memory> <optional> <string> <vector>)
set(DL_PCH_CORE ${DL_PCH_STD} <Eigen/Core>)
# The Qt groups name the headers most of their files include, not Qt's umbrella headers: GCC reads the
# whole precompiled header into every file, and <QtCore> <QtGui> <QtWidgets> with <qcustomplot.h> (which
# includes QtPrintSupport's umbrella, and with it all of Qt Widgets) made one of 393 MB that took 3 s to
# load into each file, more than most window files need for their own code. These lists give 245 MB and
# 0.8 s; the 7 of the window's 96 files that use QCustomPlot parse it themselves. What it saves in each
# part of the build: docs/performance.md, "What CI spends its time on".
set(DL_PCH_GUI ${DL_PCH_CORE} <QString> <QObject> <QCoreApplication> <QFileInfo> <QDir> <QImage> <QPainter>
    <QColor> <QJsonObject>)
set(DL_PCH_WIDGETS ${DL_PCH_GUI} <QWidget> <QLabel> <QVBoxLayout> <QHBoxLayout> <QAction> <QComboBox>
    <QSpinBox> <QPushButton> <QMenu> <QMessageBox> <QSettings> <QTimer> <QPointer>)

# dl_precompile_headers(<target> CORE|GUI|WIDGETS): the target parses that group's headers once.
function(dl_precompile_headers target group)
  if(DL_PRECOMPILED_HEADERS)
    target_precompile_headers(${target} PRIVATE ${DL_PCH_${group}})
  endif()
endfunction()

# Tests are one executable each, so they share one precompiled header per group instead of making
# their own: dl_test_pch_<group> is a trivial executable built with exactly the flags of the tests
# (REUSE_FROM needs the same compiler options and definitions on both sides; tests/CMakeLists.txt keeps
# Qt Test's per-folder definitions out for that reason).
#   dl_reuse_test_headers(<test target> CORE|WIDGETS)
function(dl_reuse_test_headers target group)
  if(NOT DL_PRECOMPILED_HEADERS)
    return()
  endif()
  set(host dl_test_pch_${group})
  if(NOT TARGET ${host})
    add_executable(${host} EXCLUDE_FROM_ALL ${PROJECT_SOURCE_DIR}/tests/support/pch/pchhost.cpp)
    dl_configure_test_target(${host} ${group})
    target_precompile_headers(${host} PRIVATE ${DL_PCH_${group}} <QtTest>)
  endif()
  target_precompile_headers(${target} REUSE_FROM ${host})
endfunction()
