// File ▸ Export model as safetensors… in the real window: disabled until there is a model; after training,
// the menu entry and its save dialog write the EMA weights the window samples with, byte for byte what
// the core's writer makes of them (the layout itself is checked by tst_safetensors), ".safetensors" added to
// a name typed without one, the scheduler config with the Sampling panel's timestep spacing; a folder
// that cannot exist gives a message and no file.
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "core/model/safetensors.h"
#include "core/training/trainer.h"
#include "tests/support/modaldialogs.h"
#include "tests/support/smalltraining.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/window/labwindow.h"
#include "ui/window/modelweightsexport.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;

namespace {

/// The File menu's entry, found as a person finds it: by its text in the menu.
QAction* fileMenuEntry(LabWindow& window, const QString& text) {
    QMenu* file = window.menuBar()->actions().value(0)->menu();
    for (QAction* a : file->actions())
        if (a->text().remove(QLatin1Char('&')) == text) return a;
    return nullptr;
}

}  // namespace

class TestWindowWeightsExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fileMenuWritesTheSampledWeights();
};

void TestWindowWeightsExport::fileMenuWritesTheSampledWeights() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction* entry = fileMenuEntry(window, QStringLiteral("Export model as safetensors…"));
    QVERIFY2(entry, "File ▸ Export model as safetensors… is missing");
    QVERIFY(!entry->isEnabled());  // no model yet

    dlui::TrainPanel* train = window.live()->trainPanel();
    train->setAskBeforeDiscard(false);
    train->setSettings(dltest::smallTraining(60));
    QSignalSpy ended(window.live()->trainingController(), &dlui::TrainingController::runEnded);
    QTest::mouseClick(train->trainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QTRY_VERIFY(entry->isEnabled());

    auto* weights = window.findChild<dlui::ModelWeightsExport*>();
    QVERIFY(weights);
    QSignalSpy written(weights, &dlui::ModelWeightsExport::written);
    QSignalSpy failed(weights, &dlui::ModelWeightsExport::failed);
    QTemporaryDir dir;
    dltest::answerFileDialog(dir.filePath(QStringLiteral("moons")));  // typed without a suffix
    entry->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 20000);
    const QString path = dir.filePath(QStringLiteral("moons.safetensors"));
    QCOMPARE(written.at(0).at(0).toString(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto model = window.document()->model();
    // With the map back to the window's data and the schedule trained with.
    const std::string expected = dl::mlpSafetensorsBytes(
        model->config, model->parameters, {window.document()->dataSet()->norm, model->schedule});
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes, QByteArray::fromStdString(expected));
    QVERIFY(bytes.contains("\"data_offset\"") && bytes.contains("\"scheduler_config\""));
    // The scheduler config visits the timesteps the window samples with: linspace by default (it said
    // diffusers' "leading" while the window sampled with linspace), trailing once the Sampling panel says so.
    QVERIFY2(bytes.contains(R"(timestep_spacing\": \"linspace\")"), "the scheduler config says linspace");
    auto* spacing = window.findChild<QComboBox*>(QStringLiteral("samplingSpacing"));
    QVERIFY(spacing);
    spacing->setCurrentIndex(spacing->findText(QStringLiteral("trailing")));
    const QString trailingPath = dir.filePath(QStringLiteral("trailing.safetensors"));
    QVERIFY(weights->exportTo(trailingPath));
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 2, 20000);
    QFile trailing(trailingPath);
    QVERIFY(trailing.open(QIODevice::ReadOnly));
    const QByteArray trailingBytes = trailing.readAll();
    QVERIFY2(trailingBytes.contains(R"(timestep_spacing\": \"trailing\")"),
             "the scheduler config says trailing");

    // A folder under a file cannot exist: a message box, the failed signal, no file.
    QFile blocker(dir.filePath(QStringLiteral("a-file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString shown;
    dltest::readAndCloseMessageBox(&shown);
    QVERIFY(weights->exportTo(dir.filePath(QStringLiteral("a-file/w.safetensors"))));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QTRY_VERIFY(!shown.isEmpty());
    QVERIFY2(shown.startsWith(QStringLiteral("Could not write ")), qPrintable(shown));
    QCOMPARE(written.count(), 2);
}

QTEST_MAIN(TestWindowWeightsExport)
#include "tst_window_weights_export.moc"
