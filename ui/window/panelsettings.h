// Panel settings that persist: every named field of the Model & Train and Sampling docks (the overlays'
// "Field at t" group included) is written to QSettings when it changes and read back when the next
// window is built (not after a fresh start, --fresh, which begins from the defaults and still remembers
// what changes); the Export dialog keeps its own (ui/export/exportdialog.h). View ▸ Reset to defaults
// (after a question) puts every panel, the Export dialog, the theme and the presenter choice back to
// their defaults and forgets what was remembered.
//
// A field takes part when it has an objectName (the key, under the panel's group "panels/<panel>"):
// spin boxes, combo boxes (by index) and check boxes. Its default is the value it has before anything
// remembered is applied.
//
//   dlui::PanelSettings settings(window, options);   // tracks the window's panels, adds the menu entry
//   settings.resetToDefaults();                      // what View ▸ Reset to defaults does after asking
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <vector>

#include "ui/window/mainwindow.h"

class QAction;
class QWidget;

namespace dlui {

class PanelSettings : public QObject {
    Q_OBJECT
public:
    PanelSettings(MainWindow* window, const MainWindow::Options& options);
    ~PanelSettings() override;

    /// Remembers the named fields under `panel`: defaults now, remembered values applied, saved on change.
    void track(QWidget* panel, const QString& group);
    /// Every tracked field back to its default, the Export dialog's, theme's and presenter choices too;
    /// nothing remembered is left.
    void resetToDefaults();
    /// View ▸ Reset to defaults: asks first (when the window asks questions), then resetToDefaults().
    QAction* resetAction() const { return mResetAction; }

    /// The QSettings key of a field (for tests): "panels/<group>/<objectName>".
    static QString keyFor(const QString& group, const QString& objectName);

private:
    struct Field {
        QPointer<QWidget> widget;
        QString key;
        QVariant defaultValue;
    };
    void save(const Field& field) const;
    void confirmAndReset();

    MainWindow* mWindow;
    bool mRemember;  // changes are saved
    bool mRestore;   // saved values are put back when the panels are built
    bool mAsk;
    bool mApplying = false;  // values being put in: not a change to remember
    std::vector<Field> mFields;
    QAction* mResetAction = nullptr;
};

}  // namespace dlui
