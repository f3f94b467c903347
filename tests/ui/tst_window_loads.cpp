// Loads never freeze the window and never hold up its closing: a huge glyph set or text shape started
// from the Data panel (through its Load button) is stopped when the window closes, and the close — the
// close event and the window's destruction, which joins every worker — returns within a second although
// the load alone would take many seconds. A model file named by a session is read off the GUI thread.
#include <QElapsedTimer>
#include <QPushButton>
#include <QtTest>
#include <memory>

#include "tests/support/windowtestoptions.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/window/labwindow.h"

class TestWindowLoads : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closeDuringHugeLoadReturnsPromptly_data();
    void closeDuringHugeLoadReturnsPromptly();
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

QTEST_MAIN(TestWindowLoads)
#include "tst_window_loads.moc"
