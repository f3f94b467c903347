#include "ui/window/panelsettings.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>

#include "ui/sampling/samplingpanel.h"
#include "ui/training/trainpanel.h"
#include "ui/window/presentermode.h"
#include "ui/window/thememenu.h"
#include "ui/window/trainingandsampling.h"

namespace dlui {

namespace {

const QString kPanelsGroup = QStringLiteral("panels");
const QString kExportGroup = QStringLiteral("export");  // the Export dialog's own group

QVariant valueOf(const QWidget* w) {
    if (const auto* box = qobject_cast<const QDoubleSpinBox*>(w)) return box->value();
    if (const auto* box = qobject_cast<const QSpinBox*>(w)) return box->value();
    if (const auto* box = qobject_cast<const QComboBox*>(w)) return box->currentIndex();
    if (const auto* box = qobject_cast<const QCheckBox*>(w)) return box->isChecked();
    return {};
}

void setValueOf(QWidget* w, const QVariant& v) {
    if (!v.isValid()) return;
    if (auto* box = qobject_cast<QDoubleSpinBox*>(w)) {
        box->setValue(v.toDouble());
    } else if (auto* box = qobject_cast<QSpinBox*>(w)) {
        box->setValue(v.toInt());
    } else if (auto* box = qobject_cast<QComboBox*>(w)) {
        const int i = v.toInt();
        if (i >= 0 && i < box->count()) box->setCurrentIndex(i);
    } else if (auto* box = qobject_cast<QCheckBox*>(w)) {
        box->setChecked(v.toBool());
    }
}

}  // namespace

PanelSettings::PanelSettings(MainWindow* window, const MainWindow::Options& options)
    : QObject(window),
      mWindow(window),
      mRemember(options.useSettings),
      // A fresh start (--fresh) begins from the panels' defaults and still remembers what changes.
      mRestore(options.useSettings && options.restoreLastSession),
      mAsk(options.askBeforeDiscard) {
    setObjectName(QStringLiteral("panelSettings"));
    mResetAction = new QAction(tr("Reset to de&faults…"), this);
    mResetAction->setObjectName(QStringLiteral("resetToDefaults"));
    mResetAction->setToolTip(
        tr("Put every panel, the export settings, the theme and presenter mode back to "
           "their defaults"));
    connect(mResetAction, &QAction::triggered, this, &PanelSettings::confirmAndReset);
    window->viewMenu()->addSeparator();
    window->viewMenu()->addAction(mResetAction);
    if (const TrainingAndSampling* live = TrainingAndSampling::of(window)) {
        track(live->trainPanel(), QStringLiteral("train"));
        track(live->samplingPanel(), QStringLiteral("sampling"));
    }
}

PanelSettings::~PanelSettings() = default;

QString PanelSettings::keyFor(const QString& group, const QString& objectName) {
    return kPanelsGroup + QLatin1Char('/') + group + QLatin1Char('/') + objectName;
}

void PanelSettings::track(QWidget* panel, const QString& group) {
    if (!panel) return;
    QSettings settings;
    // In the order the panel built them, so that a choice that enables others (the sampler) comes first.
    for (QWidget* w : panel->findChildren<QWidget*>()) {
        const QVariant initial = valueOf(w);
        if (!initial.isValid() || w->objectName().isEmpty() ||
            w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        Field field{w, keyFor(group, w->objectName()), initial};
        if (mRestore && settings.contains(field.key)) {
            mApplying = true;
            setValueOf(w, settings.value(field.key));
            mApplying = false;
        }
        const auto saveThis = [this, field] { save(field); };
        if (auto* box = qobject_cast<QDoubleSpinBox*>(w))
            connect(box, &QDoubleSpinBox::valueChanged, this, saveThis);
        else if (auto* box = qobject_cast<QSpinBox*>(w))
            connect(box, &QSpinBox::valueChanged, this, saveThis);
        else if (auto* box = qobject_cast<QComboBox*>(w))
            connect(box, &QComboBox::currentIndexChanged, this, saveThis);
        else if (auto* box = qobject_cast<QCheckBox*>(w))
            connect(box, &QCheckBox::toggled, this, saveThis);
        mFields.push_back(std::move(field));
    }
}

void PanelSettings::save(const Field& field) const {
    if (!mRemember || mApplying || !field.widget) return;
    QSettings().setValue(field.key, valueOf(field.widget));
}

void PanelSettings::resetToDefaults() {
    mApplying = true;
    for (const Field& field : mFields)
        if (field.widget) setValueOf(field.widget, field.defaultValue);
    mApplying = false;
    if (mRemember) {
        QSettings settings;
        settings.remove(kPanelsGroup);
        settings.remove(kExportGroup);
    }
    if (ThemeMenu* themes = mWindow->themeMenu()) themes->resetToDefaults();
    if (PresenterMode* presenter = mWindow->presenterMode()) presenter->resetToDefaults();
}

void PanelSettings::confirmAndReset() {
    if (mAsk) {
        QMessageBox box(QMessageBox::Question, tr("Reset to defaults"),
                        tr("Put every panel's settings, the export settings, the theme and the presenter "
                           "mode choice back to their defaults? Your data, schedule and model stay."),
                        QMessageBox::Cancel, mWindow);
        box.setObjectName(QStringLiteral("resetQuestion"));
        QPushButton* reset = box.addButton(tr("&Reset"), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != reset) return;
    }
    resetToDefaults();
    mWindow->statusBar()->showMessage(tr("Settings are back to their defaults."), 5000);
}

}  // namespace dlui
