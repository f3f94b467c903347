// Settings that persist: values changed through the real widgets of the Model & Train dock, the Sampling
// dock (sampler and the "Field at t" overlays), the Export dialog and View ▸ Theme are back in a new
// window built with the same QSettings; View ▸ Reset to defaults asks first, and after "Reset" every one
// of them is at its default and nothing is left in the settings.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <functional>

#include "../support/windowtestoptions.h"
#include "ui/export/exportdialog.h"
#include "ui/window/labwindow.h"
#include "ui/window/panelsettings.h"
#include "ui/window/thememenu.h"

using dlui::LabWindow;
using dlui::ThemeMenu;

namespace {

dlui::MainWindow::Options rememberingOptions() {
    dlui::MainWindow::Options o = dltest::windowTestOptions();
    o.useSettings = true;
    o.restoreLastSession = true;
    o.askBeforeDiscard = true;  // View ▸ Reset to defaults asks
    return o;
}

/// `diffusion-lab --fresh`: settings are used, the last session is not restored.
dlui::MainWindow::Options freshOptions() {
    dlui::MainWindow::Options o = rememberingOptions();
    o.restoreLastSession = false;
    return o;
}

template <typename T>
T* field(LabWindow& window, const char* name) {
    T* w = window.findChild<T*>(QString::fromLatin1(name));
    if (!w) qWarning("no field %s", name);
    return w;
}

/// Types a new value into a spin box as a person would: select all, type, Enter.
void typeInto(QAbstractSpinBox* box, const QString& text) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Enter);
}

/// Opens File ▸ Export…, lets `use` work with the dialog, then closes it (Cancel).
void withExportDialog(LabWindow& window, const std::function<void(dlui::ExportDialog*)>& use) {
    QTimer::singleShot(0, &window, [use] {
        auto* dialog = qobject_cast<dlui::ExportDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        use(dialog);
        dialog->reject();
    });
    window.actions().exportFrames->trigger();
}

/// Triggers View ▸ Reset to defaults… and answers its question with the button whose text has `answer`.
bool resetAnswering(LabWindow& window, const QString& answer) {
    bool asked = false;
    QTimer::singleShot(0, &window, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        asked = true;
        for (QAbstractButton* b : box->buttons())
            if (b->text().remove(QLatin1Char('&')).contains(answer)) return b->click();
    });
    window.panelSettings()->resetAction()->trigger();
    return asked;
}

struct Values {
    int width = 0;
    double learningRate = 0;
    int sampler = 0;
    int steps = 0;
    bool exactArrows = false;
    int quantity = 0;
    ThemeMenu::Theme theme = ThemeMenu::Theme::Light;
    int exportFps = 0;
};

Values valuesOf(LabWindow& window) {
    Values v;
    v.width = field<QSpinBox>(window, "trainWidth")->value();
    v.learningRate = field<QDoubleSpinBox>(window, "trainLearningRate")->value();
    v.sampler = field<QComboBox>(window, "samplingSampler")->currentIndex();
    v.steps = field<QSpinBox>(window, "samplerSteps")->value();
    v.exactArrows = field<QCheckBox>(window, "overlayExactArrows")->isChecked();
    v.quantity = field<QComboBox>(window, "overlayQuantity")->currentIndex();
    v.theme = window.themeMenu()->theme();
    withExportDialog(window, [&v](dlui::ExportDialog* d) { v.exportFps = d->settings().fps; });
    return v;
}

}  // namespace

class TestWindowPanelSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void valuesComeBackAndResetRestoresDefaults();
    void freshStartBeginsFromTheDefaults();

private:
    QTemporaryDir mSettingsDir;
};

void TestWindowPanelSettings::initTestCase() {
    // A settings file of the test's own, never the person's.
    QVERIFY(mSettingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("DiffusionLabPanelSettingsTests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, mSettingsDir.path());
    QSettings().clear();
}

// --fresh says "Start from the defaults, not the last session": the training settings of the last run
// (200,000 steps, say) must not come back with it, and must not be forgotten either.
void TestWindowPanelSettings::freshStartBeginsFromTheDefaults() {
    QSettings().clear();
    int defaultSteps = 0;
    {
        LabWindow window(rememberingOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* steps = field<QSpinBox>(window, "trainSteps");
        QVERIFY(steps);
        defaultSteps = steps->value();
        typeInto(steps, QStringLiteral("200000"));
        QCOMPARE(steps->value(), 200000);
    }
    {
        LabWindow window(freshOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(field<QSpinBox>(window, "trainSteps")->value(), defaultSteps);
    }
    {
        LabWindow window(rememberingOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(field<QSpinBox>(window, "trainSteps")->value(), 200000);
    }
    QSettings().clear();
}

void TestWindowPanelSettings::valuesComeBackAndResetRestoresDefaults() {
    Values defaults, changed;
    {
        LabWindow window(rememberingOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        defaults = valuesOf(window);

        typeInto(field<QSpinBox>(window, "trainWidth"), QStringLiteral("96"));
        typeInto(field<QDoubleSpinBox>(window, "trainLearningRate"), QStringLiteral("0.00250"));
        auto* sampler = field<QComboBox>(window, "samplingSampler");
        sampler->setCurrentIndex(sampler->findData(int(dl::SamplerKind::Ddim)));
        typeInto(field<QSpinBox>(window, "samplerSteps"), QStringLiteral("25"));
        field<QCheckBox>(window, "overlayExactArrows")->click();
        field<QComboBox>(window, "overlayQuantity")->setCurrentIndex(1);
        window.themeMenu()->themeAction(ThemeMenu::Theme::HighContrast)->trigger();
        withExportDialog(window, [](dlui::ExportDialog* d) {
            dlui::ExportSettings s = d->settings();
            s.fps = 33;
            d->setSettings(s);
        });
        changed = valuesOf(window);
        QCOMPARE(changed.width, 96);
        QCOMPARE(changed.learningRate, 0.0025);
        QCOMPARE(changed.steps, 25);
        QVERIFY(changed.exactArrows != defaults.exactArrows);
        QCOMPARE(changed.exportFps, 33);
    }
    {
        LabWindow window(rememberingOptions());  // the next run
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const Values again = valuesOf(window);
        QCOMPARE(again.width, changed.width);
        QCOMPARE(again.learningRate, changed.learningRate);
        QCOMPARE(again.sampler, changed.sampler);
        QCOMPARE(again.steps, changed.steps);
        QCOMPARE(again.exactArrows, changed.exactArrows);
        QCOMPARE(again.quantity, changed.quantity);
        QCOMPARE(again.theme, ThemeMenu::Theme::HighContrast);
        QCOMPARE(again.exportFps, 33);

        // "Cancel" keeps everything; "Reset" puts every value back to its default.
        QVERIFY(resetAnswering(window, QStringLiteral("Cancel")));
        QCOMPARE(valuesOf(window).width, changed.width);
        QVERIFY(resetAnswering(window, QStringLiteral("Reset")));
        const Values reset = valuesOf(window);
        QCOMPARE(reset.width, defaults.width);
        QCOMPARE(reset.learningRate, defaults.learningRate);
        QCOMPARE(reset.sampler, defaults.sampler);
        QCOMPARE(reset.steps, defaults.steps);
        QCOMPARE(reset.exactArrows, defaults.exactArrows);
        QCOMPARE(reset.quantity, defaults.quantity);
        QCOMPARE(reset.theme, ThemeMenu::Theme::Light);
        QCOMPARE(reset.exportFps, defaults.exportFps);
    }
    {
        LabWindow window(rememberingOptions());  // and the run after the reset starts from defaults
        QCOMPARE(field<QSpinBox>(window, "trainWidth")->value(), defaults.width);
        QCOMPARE(window.themeMenu()->theme(), ThemeMenu::Theme::Light);
        QVERIFY(!QSettings().contains(
            dlui::PanelSettings::keyFor(QStringLiteral("train"), QStringLiteral("trainWidth"))));
    }
}

QTEST_MAIN(TestWindowPanelSettings)
#include "tst_window_panelsettings.moc"
