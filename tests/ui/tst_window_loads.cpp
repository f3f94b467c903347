// Loads never freeze the window and never hold up its closing: a huge glyph set or text shape started
// from the Data panel (through its Load button) is stopped when the window closes, and the close — the
// close event and the window's destruction, which joins every worker — returns within a second although
// the load alone would take many seconds. A model file named by a session is read off the GUI thread.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <memory>

#include "tests/support/windowtestoptions.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"

class TestWindowLoads : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closeDuringHugeLoadReturnsPromptly_data();
    void closeDuringHugeLoadReturnsPromptly();
    void corruptSessionIsRefusedBeforeAnyQuestion();
};

void TestWindowLoads::closeDuringHugeLoadReturnsPromptly_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    // 262,144 glyphs of 16×16 took 12 s and 816 MB; 5·10⁶ points of a long text take several seconds.
    QTest::newRow("glyphs") << int(dlui::DataSource::Kind::Glyphs) << 262'144;
    QTest::newRow("text") << int(dlui::DataSource::Kind::Text) << 5'000'000;
}

void TestWindowLoads::closeDuringHugeLoadReturnsPromptly() {
    QFETCH(int, kind);
    QFETCH(int, count);
    auto window = std::make_unique<dlui::LabWindow>(dltest::windowTestOptions());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const auto before = window->document()->dataSet();

    dlui::DataPanel* panel = window->dataPanel();
    dlui::DataSource source = panel->currentSource();
    source.kind = static_cast<dlui::DataSource::Kind>(kind);
    source.count = count;
    source.imageSize = 16;
    source.text = QStringLiteral("Denoising diffusion probabilistic models");
    panel->showSource(source);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTest::qWait(300);
    // The load is under way (the panel shows it busy) and has not finished: the close interrupts it.
    QVERIFY(!panel->applyButton()->isEnabled());
    QVERIFY(window->document()->dataSet() == before);

    QElapsedTimer clock;
    clock.start();
    window->close();
    window.reset();
    const qint64 ms = clock.elapsed();
    qInfo("close during a %d-item load returned after %lld ms", count, static_cast<long long>(ms));
    QVERIFY2(ms < 2000, qPrintable(QStringLiteral("closing took %1 ms").arg(ms)));
}

// Opening a corrupt session over unsaved work first asked "Save them first?" and only then said the file
// could not be read. The file is read first: the only box is the one saying what is wrong with it.
void TestWindowLoads::corruptSessionIsRefusedBeforeAnyQuestion() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"diffusion-lab-session\",,");
    file.close();
    dlui::MainWindow::Options options = dltest::windowTestOptions();
    options.askBeforeDiscard = true;
    dlui::LabWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dl::ScheduleParams edited = window.document()->schedule().params();
    edited.T = 90;
    QVERIFY(window.document()->setScheduleParams(edited));
    QStringList boxes;
    QTimer poll;  // answers every box that comes up; stops with this test
    connect(&poll, &QTimer::timeout, &window, [&boxes] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        boxes << box->windowTitle() + QStringLiteral(": ") + box->text();
        QAbstractButton* cancel = box->button(QMessageBox::Cancel);
        (cancel ? cancel : box->button(QMessageBox::Ok))->click();
    });
    poll.start(20);
    QVERIFY(window.openFile(path));
    QTest::qWait(200);
    QCOMPARE(boxes.size(), 1);
    QVERIFY2(boxes.front().contains(QStringLiteral("not valid JSON")), qPrintable(boxes.front()));
    QCOMPARE(window.document()->schedule().params().T, 90);
}

QTEST_MAIN(TestWindowLoads)
#include "tst_window_loads.moc"
