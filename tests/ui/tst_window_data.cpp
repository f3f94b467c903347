// Own data in the real window, driven with keys and clicks: a CSV with four columns is refused until two
// are chosen in the Columns chooser (filled from the file's header by the loader), then loads those two;
// the panel suggests per-axis scaling for columns 100× apart, and ticking "Standardise each axis" loads
// them per axis. Training finite data holds rows out: the quality line says its floor is held out.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "core/data/heldout.h"
#include "core/data/pointgenerators.h"
#include "core/model/mlp.h"
#include "core/training/trainer.h"
#include "tests/support/modaldialogs.h"
#include "tests/support/windowtestoptions.h"
#include "ui/data/dataloader.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

/// id, price (700..800), weight (0.5..1.5), label: spreads of price and weight 100× apart.
QString writeTable(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("table.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("id,price,weight,label\n");
    for (int i = 0; i < 400; ++i) {
        const double u = (i % 20) / 19.0, v = (i / 20) / 19.0;
        f.write(QByteArray::number(i) + "," + QByteArray::number(700 + 100 * u) + "," +
                QByteArray::number(0.5 + v) + (i % 3 ? ",a\n" : ",b\n"));
    }
    return path;
}

/// x,y and 50 rows (i, 2i): a plain two-column file with a header.
QString writePairs(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("pairs.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("x,y\n");
    for (int i = 0; i < 50; ++i) f.write(QByteArray::number(i) + "," + QByteArray::number(2 * i) + "\n");
    return path;
}

/// Shows the window and waits until it is exposed and active (it has the keyboard).
bool showActive(QWidget& window) {
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return false;
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

/// Waits for the window's first data, then sets the Data panel's count to its largest, a load long enough to
/// watch its progress. False when the window has no loader.
bool readyForALargeLoad(LabWindow& window, dlui::DataLoader** loader) {
    *loader = window.findChild<dlui::DataLoader*>();
    if (!*loader) return false;
    QDeadlineTimer deadline(10000);
    while ((*loader)->isBusy() && !deadline.hasExpired()) QTest::qWait(20);
    window.dataPanel()->countBox()->setValue(window.dataPanel()->countBox()->maximum());
    return !(*loader)->isBusy();
}

}  // namespace

class TestWindowData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csvColumnsAndPerAxisScaling();
    void trainingFiniteDataHoldsRowsOut();
    void fileErrorGoesWithItsSource();
    void stoppedLoadLeavesNoProgressBehind();
    void aQualityBelowItsFloorIsNoBetterThanPerfect();
    void aFinishedLoadTakesItsProgressOffTheStatusBar();
    void samplingSaysWhenTheModelIsOfOtherData();
    void loadDataKeepsTheKeyboardInItsPanel();
    void aPickedCsvFileShowsItsOwnColumns();
};

void TestWindowData::csvColumnsAndPerAxisScaling() {
    QTemporaryDir dir;
    const QString table = writeTable(dir);
    QVERIFY(!table.isEmpty());
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::DataPanel* panel = window.dataPanel();

    // Source: CSV file (typed, as a person would pick it from the list), the path typed, then Load.
    panel->sourceBox()->setFocus();
    QTest::keyClick(panel->sourceBox(), Qt::Key_C);
    QCOMPARE(panel->sourceBox()->currentText(), QStringLiteral("CSV file"));
    QTest::keyClicks(panel->csvPathEdit(), table);
    QVERIFY(!panel->csvXBox()->isEnabled());
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    // Four columns and none chosen: the load stops at the file's layout and asks, without calling the file
    // bad, and the keyboard is on the x column.
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().contains(QStringLiteral("The file has 4 columns")), 10000);
    QVERIFY(!panel->statusIsError());
    QVERIFY(!window.document()->dataSet() ||
            window.document()->dataSource().kind != dlui::DataSource::Kind::Csv);
    QVERIFY(panel->csvXBox()->isEnabled());
    QCOMPARE(window.focusWidget(), panel->csvXBox());

    // The chooser holds the header's columns; pick price and weight with the keyboard.
    QCOMPARE(panel->csvXBox()->count(), 4);
    QCOMPARE(panel->csvXBox()->itemText(1), QStringLiteral("2: price"));
    panel->csvXBox()->setFocus();
    QTest::keyClick(panel->csvXBox(), Qt::Key_2);
    panel->csvYBox()->setFocus();
    QTest::keyClick(panel->csvYBox(), Qt::Key_3);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->dataSource().csvColumns, QStringLiteral("2,3"), 10000);
    auto data = window.document()->dataSet();
    QCOMPARE(data->size(), 400);
    const dl::Batch raw = data->norm.toData(data->points);
    QCOMPARE(raw(0, 0), 700.0f);
    QCOMPARE(raw(0, 1), 0.5f);
    QVERIFY(!data->norm.perAxis());
    auto* advice = panel->findChild<QLabel*>(QStringLiteral("scalingAdvice"));
    QVERIFY(advice && advice->isVisible());
    QVERIFY2(advice->text().contains(QStringLiteral("differ 100×")), qPrintable(advice->text()));

    // Standardise each axis: ticked, loaded again, applied; the advice goes away.
    QTest::mouseClick(panel->perAxisBox(), Qt::LeftButton, {}, QPoint(5, panel->perAxisBox()->height() / 2));
    QVERIFY(panel->perAxisBox()->isChecked());
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->dataSet()->norm.perAxis(), 10000);
    data = window.document()->dataSet();
    QCOMPARE(window.document()->dataSource().csvColumns, QStringLiteral("2,3"));
    QVERIFY((data->norm.toData(data->points) - raw).cwiseAbs().maxCoeff() < 1e-3f);
    QVERIFY(!advice->isVisible());

    // Another file through File ▸ Open: the columns chosen for the last one are not its own. It was loaded
    // with "2,3" and refused ("there is no column 3; the rows have 2 columns").
    const QString pairs = writePairs(dir);
    QVERIFY(!pairs.isEmpty());
    dltest::answerFileDialog(pairs);
    window.actions().open->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->dataSource().paths, QStringList{pairs}, 10000);
    QCOMPARE(window.document()->dataSet()->size(), 50);
    QVERIFY2(!panel->statusIsError(), qPrintable(panel->statusText()));
}

void TestWindowData::trainingFiniteDataHoldsRowsOut() {
    dl::Rng rng(2);
    dl::Batch raw(500, 2);
    rng.fillNormal(raw);
    auto data = std::make_shared<const dl::DataSet>(dl::makePointDataSet("drawn", raw));
    dlui::TrainingController c;
    QSignalSpy quality(&c, &dlui::TrainingController::qualityMeasured);
    dlui::TrainingSettings s = dlui::TrainingSettings::defaults();
    s.model.hidden = 16;
    s.model.layers = 1;
    s.trainer.steps = 100000000;
    s.trainer.threads = 1;
    s.qualitySamples = 100;
    s.qualityIntervalSeconds = 0.2;
    dl::ScheduleParams sp;
    sp.T = 20;
    QVERIFY(c.start(data, dl::Schedule(sp), s));
    QCOMPARE(c.trainingData()->size(), 500 - dl::heldOutRows(500));
    QTRY_VERIFY_WITH_TIMEOUT(quality.count() >= 1, 30000);
    c.stopAndWait();
    const auto q = quality.last().at(0).value<dlui::TrainingQuality>();
    QVERIFY(q.heldOut);
    QCOMPARE(q.samples, 50);  // half of the 100 held-out rows: the other half is the reference
    QVERIFY(q.floor > 0.0);
    QCOMPARE(c.modelFile().heldOutSample.rows(), 100);
}

// A corrupt CSV's error stayed under the Load button after the source was switched back to a built-in
// shape, as if that had failed too. And while it showed, the dock named the CSV and the view showed the
// moons, with nothing saying which one the view was.
void TestWindowData::fileErrorGoesWithItsSource() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("corrupt.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\x00\x01\x02\xff\xfe", 5));
    f.close();
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::DataPanel* panel = window.dataPanel();
    panel->sourceBox()->setFocus();
    QTest::keyClick(panel->sourceBox(), Qt::Key_C);
    QTest::keyClicks(panel->csvPathEdit(), path);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().contains(QStringLiteral("corrupt.csv")), 10000);
    // The dock still names the CSV, the view still shows the moons: the error says which data it shows.
    QVERIFY2(panel->statusText().contains(QStringLiteral("The view keeps the data loaded before: Two moons")),
             qPrintable(panel->statusText()));
    panel->sourceBox()->setFocus();
    QTest::keyClick(panel->sourceBox(), Qt::Key_Up);  // CSV file → Text
    QTest::keyClick(panel->sourceBox(), Qt::Key_Up);  // → Built-in shape
    QCOMPARE(panel->sourceBox()->currentText(), QStringLiteral("Built-in shape"));
    QVERIFY2(panel->statusText().isEmpty(), qPrintable(panel->statusText()));
}

// A load that ends without data (stopped) took its "Loading… 100 %" line nowhere: it stayed under the data
// that were there all along.
void TestWindowData::stoppedLoadLeavesNoProgressBehind() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::DataPanel* panel = window.dataPanel();
    dlui::DataLoader* loader = nullptr;
    QVERIFY(readyForALargeLoad(window, &loader));
    QSignalSpy progressed(loader, &dlui::DataLoader::progress);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!progressed.isEmpty(), 10000);
    QTRY_VERIFY(panel->statusText().startsWith(QStringLiteral("Loading…")));
    loader->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!loader->isBusy(), 10000);
    QVERIFY2(!panel->statusText().startsWith(QStringLiteral("Loading…")), qPrintable(panel->statusText()));
}

// A 1,000-point spiral holds 200 rows out, 100 of them the reference: the line read "SW₂ 0.183 to held-out
// data (a perfect model ≈ 0.317, so ×0.6)", better than perfect, which only the noise of 100 points can
// give. Below the floor the line says "as close as it, within the noise", and few points are called rough.
void TestWindowData::aQualityBelowItsFloorIsNoBetterThanPerfect() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::TrainingController* controller = window.live()->trainingController();
    dlui::TrainPanel* train = window.live()->trainPanel();
    dlui::TrainingQuality q;
    q.step = 5000;
    q.distance = 0.183;
    q.floor = 0.317;
    q.samples = 100;
    q.heldOut = true;
    Q_EMIT controller->qualityMeasured(q);
    QVERIFY2(!train->qualityText().contains(QStringLiteral("×0.6")), qPrintable(train->qualityText()));
    QVERIFY2(train->qualityText().contains(QStringLiteral("within the noise")),
             qPrintable(train->qualityText()));
    QVERIFY2(train->qualityText().contains(QStringLiteral("100 unseen points")),
             qPrintable(train->qualityText()));
    // Many points and a model twice the floor: the plain ratio.
    q.distance = 0.634;
    q.samples = 2000;
    Q_EMIT controller->qualityMeasured(q);
    QVERIFY2(train->qualityText().contains(QStringLiteral("×2.0")), qPrintable(train->qualityText()));
    QVERIFY2(!train->qualityText().contains(QStringLiteral("unseen points")),
             qPrintable(train->qualityText()));
}

// "Loading the data… 100 %" stayed in the status bar for two seconds under the data already shown (after
// a lesson opened or closed it read as if something were still loading).
void TestWindowData::aFinishedLoadTakesItsProgressOffTheStatusBar() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::DataPanel* panel = window.dataPanel();
    dlui::DataLoader* loader = nullptr;
    QVERIFY(readyForALargeLoad(window, &loader));
    QSignalSpy progressed(loader, &dlui::DataLoader::progress);
    QSignalSpy changed(window.document(), &dlui::LabDocument::dataSetChanged);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!progressed.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1 && !loader->isBusy(), 60000);
    QVERIFY2(!window.statusBar()->currentMessage().startsWith(QStringLiteral("Loading the data")),
             qPrintable(window.statusBar()->currentMessage()));
}

// Trained on glyph digits, then other images loaded: Sample drew digits beside the loaded circles and
// nothing said the model had learnt other data. The Sampling panel's note says so.
void TestWindowData::samplingSaysWhenTheModelIsOfOtherData() {
    LabWindow window(dltest::windowTestOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::LabDocument* doc = window.document();
    auto model = std::make_shared<dl::TrainingSnapshot>();
    model->config.dataDim = 2;
    model->config.hidden = 8;
    model->config.layers = 1;
    model->config.inputFeatures = 4;
    model->config.timeEmbedding = 4;
    model->schedule = doc->schedule().params();
    model->parameters = Eigen::VectorXf::Zero(dl::Mlp(model->config).parameterCount());
    doc->setModel(model, doc->schedule());
    dlui::SamplingPanel* sampling = window.live()->samplingPanel();
    QVERIFY2(!sampling->scheduleNote().contains(QStringLiteral("other data")),
             qPrintable(sampling->scheduleNote()));
    dlui::DataSource csv;
    csv.kind = dlui::DataSource::Kind::Csv;
    csv.paths = QStringList{QStringLiteral("/tmp/circles.csv")};
    dl::Rng rng(2);
    doc->setDataSet(dl::makePointDataSet("circles", dl::generatePoints("circles", 500, rng)), csv);
    QVERIFY2(sampling->scheduleNote().contains(QStringLiteral("The model was trained on other data")),
             qPrintable(sampling->scheduleNote()));
}

// Load data with the keyboard on it: the button is disabled while the data load, and Qt sent the
// keyboard on to the next dock's first field (Schedule ▸ Kind). It stays in the Data panel and comes back
// to the button; and Return in a file field loads, as in the Text field.
void TestWindowData::loadDataKeepsTheKeyboardInItsPanel() {
    LabWindow window(dltest::windowTestOptions());
    QVERIFY(showActive(window));
    dlui::DataPanel* panel = window.dataPanel();
    dlui::DataLoader* loader = nullptr;
    QVERIFY(readyForALargeLoad(window, &loader));
    panel->applyButton()->setFocus();
    QSignalSpy changed(window.document(), &dlui::LabDocument::dataSetChanged);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);  // Space is the window's Play
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1 && !loader->isBusy(), 60000);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(panel->applyButton()));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pairs.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < 40; ++i) f.write(QByteArray::number(i) + "," + QByteArray::number(i % 5) + "\n");
    f.close();
    panel->sourceBox()->setFocus();
    QTest::keyClick(panel->sourceBox(), Qt::Key_C);
    QTest::keyClicks(panel->csvPathEdit(), path);
    QTest::keyClick(panel->csvPathEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->dataSource().paths, QStringList{path}, 10000);
}

// Browse… to a CSV file filled nothing until a first Load data, and Browse… to a second file kept the
// first one's columns: Load data then failed ("there is no column 3; the rows have 2 columns"). A file
// picked, or typed and entered, shows its own columns at once.
void TestWindowData::aPickedCsvFileShowsItsOwnColumns() {
    QTemporaryDir dir;
    const QString table = writeTable(dir);
    const QString pairs = writePairs(dir);
    QVERIFY(!pairs.isEmpty());
    LabWindow window(dltest::windowTestOptions());
    QVERIFY(showActive(window));
    dlui::DataPanel* panel = window.dataPanel();
    panel->sourceBox()->setCurrentIndex(panel->sourceBox()->findText(QStringLiteral("CSV file")));
    QPushButton* browse = nullptr;
    for (auto* button : panel->csvPathEdit()->parentWidget()->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Browse…")) browse = button;
    QVERIFY(browse && browse->isVisible());

    dltest::answerFileDialog(table);
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(panel->csvPathEdit()->text(), table);
    QTRY_VERIFY_WITH_TIMEOUT(panel->csvXBox()->isEnabled(), 10000);
    QCOMPARE(panel->csvXBox()->count(), 4);
    QCOMPARE(panel->csvXBox()->itemText(1), QStringLiteral("2: price"));
    panel->csvXBox()->setCurrentIndex(1);
    panel->csvYBox()->setCurrentIndex(2);

    dltest::answerFileDialog(pairs);
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(panel->csvPathEdit()->text(), pairs);
    QTRY_VERIFY_WITH_TIMEOUT(panel->csvXBox()->isEnabled() && panel->csvXBox()->count() == 2, 10000);
    QCOMPARE(panel->csvXBox()->itemText(0), QStringLiteral("1: x"));
    QCOMPARE(panel->csvYBox()->itemText(panel->csvYBox()->currentIndex()), QStringLiteral("2: y"));
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->dataSource().paths, QStringList{pairs}, 10000);
    QCOMPARE(window.document()->dataSet()->size(), 50);
    QVERIFY2(!panel->statusIsError(), qPrintable(panel->statusText()));

    // Typed and entered (here by leaving the field): the same.
    QVERIFY(showActive(window));  // active again, back from the file dialogs
    panel->csvPathEdit()->setFocus();
    QTRY_VERIFY(panel->csvPathEdit()->hasFocus());
    panel->csvPathEdit()->selectAll();
    QTest::keyClicks(panel->csvPathEdit(), table);
    QVERIFY(!panel->csvXBox()->isEnabled());
    QTest::keyClick(panel->csvPathEdit(), Qt::Key_Tab);
    QTRY_VERIFY(!panel->csvPathEdit()->hasFocus());
    QTRY_VERIFY_WITH_TIMEOUT(panel->csvXBox()->isEnabled() && panel->csvXBox()->count() == 4, 10000);
}

QTEST_MAIN(TestWindowData)
#include "tst_window_data.moc"
