// Widgets of the training side that need no model: the loss plot (its curve and its axis labels) and the
// event-loop latency probe.
#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QFontMetrics>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <cmath>
#include <vector>

#include "tests/support/eventlooplatency.h"
#include "ui/training/lossplot.h"

class TestTrainingWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossPlotShowsWholeHistory_data();
    void lossPlotShowsWholeHistory();
    void lossPlotExtendsLikeItSets();
    void lossPlotSmoothsTowardsTheMean();
    void lossPlotSurvivesNonFiniteValues();
    void lossPlotShowsALoneStep();
    void lossAxisLabelsStayApart_data();
    void lossAxisLabelsStayApart();
    void stepAxisShowsWholeSteps_data();
    void stepAxisShowsWholeSteps();
    void probeMeasuresABlockedLoop();
};

void TestTrainingWidgets::lossPlotShowsWholeHistory_data() {
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("maxPoints");
    QTest::newRow("few") << 7 << 7;
    QTest::newRow("bucketed") << 100000 << 400;  // 391 buckets of 256 steps
}

void TestTrainingWidgets::lossPlotShowsWholeHistory() {
    QFETCH(int, steps);
    QFETCH(int, maxPoints);
    dlui::LossPlot plot;
    std::vector<float> losses(steps);
    for (int i = 0; i < steps; ++i) losses[i] = 1.0f / float(1 + i);
    plot.setLosses(losses);
    QCOMPARE(plot.stepCount(), steps);
    QVERIFY(plot.plottedPointCount() <= maxPoints);
    QVERIFY(plot.plottedPointCount() > maxPoints / 2);
    QVERIFY(plot.smoothedLoss() > 0);
    plot.clear();
    QCOMPARE(plot.stepCount(), 0);
    QCOMPARE(plot.plottedPointCount(), 0);
}

void TestTrainingWidgets::lossPlotExtendsLikeItSets() {
    // Polled in uneven pieces as training goes, the curve ends up the same as from the whole history.
    std::vector<float> losses(30000);
    for (int i = 0; i < 30000; ++i) losses[i] = 1.0f / float(1 + i) + 0.01f * float(i % 7);
    dlui::LossPlot whole, polled;
    whole.setLosses(losses);
    for (std::size_t n : {std::size_t(1), std::size_t(5), std::size_t(399), std::size_t(401),
                          std::size_t(4000), std::size_t(4000), std::size_t(29999), losses.size()})
        polled.extendLosses(std::span<const float>(losses.data(), n));
    QCOMPARE(polled.stepCount(), whole.stepCount());
    QCOMPARE(polled.plottedPointCount(), whole.plottedPointCount());
    QCOMPARE(polled.smoothedLoss(), whole.smoothedLoss());
    // A shorter history is another run: the curve starts over.
    polled.extendLosses(std::span<const float>(losses.data(), 10));
    QCOMPARE(polled.stepCount(), 10);
    QCOMPARE(polled.plottedPointCount(), 10);
}

void TestTrainingWidgets::lossPlotSmoothsTowardsTheMean() {
    dlui::LossPlot plot;
    plot.setSmoothingSpan(20);
    std::vector<float> losses(2000);
    for (int i = 0; i < 2000; ++i) losses[i] = (i % 2 == 0) ? 0.2f : 0.6f;  // mean 0.4
    plot.setLosses(losses);
    QVERIFY2(std::abs(plot.smoothedLoss() - 0.4) < 0.02, qPrintable(QString::number(plot.smoothedLoss())));
}

void TestTrainingWidgets::lossPlotSurvivesNonFiniteValues() {
    dlui::LossPlot plot;
    std::vector<float> losses = {1.0f, 0.5f, std::nanf(""), INFINITY, 0.25f};
    plot.setLosses(losses);
    QVERIFY(std::isfinite(plot.smoothedLoss()));
}

void TestTrainingWidgets::lossPlotShowsALoneStep() {
    // After the first narrated step the plot said "loss 1.05 (smoothed)" and showed nothing: a line of one
    // point has no length. The smoothed curve's colour must be on the plot.
    dlui::LossPlot plot;
    plot.resize(300, 180);
    const std::vector<float> one = {1.05f};
    plot.setLosses(one);
    const QImage image = plot.plot()->toPixmap(300, 180).toImage();
    const QColor curve = plot.plot()->graph(1)->pen().color();
    int hits = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            hits += std::abs(c.red() - curve.red()) < 30 && std::abs(c.green() - curve.green()) < 30 &&
                    std::abs(c.blue() - curve.blue()) < 30;
        }
    QVERIFY2(hits >= 6, qPrintable(QString::number(hits)));
}

void TestTrainingWidgets::lossAxisLabelsStayApart_data() {
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("last");
    QTest::newRow("the default preset: 1.0 to 0.2") << 1.0 << 0.2;
    QTest::newRow("a short range: 0.35 to 0.3") << 0.35 << 0.3;
    QTest::newRow("three decades: 10 to 0.01") << 10.0 << 0.01;
}

void TestTrainingWidgets::lossAxisLabelsStayApart() {
    // The loss axis of the default preset read "0.25 0.5 0.75 1 1.3" with the last two labels touching:
    // evenly spaced values on a log axis.
    QFETCH(double, first);
    QFETCH(double, last);
    dlui::LossPlot plot;
    plot.resize(380, 150);  // as in the Model & Train dock
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    std::vector<float> losses(2000);
    for (int i = 0; i < 2000; ++i)
        losses[i] = static_cast<float>(first * std::pow(last / first, std::min(1.0, i / 500.0)));
    plot.setLosses(losses);
    QCustomPlot* canvas = plot.plot();
    canvas->replot();
    const QCPAxis* axis = canvas->yAxis;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    QVERIFY2(ticks.size() >= 2, qPrintable(QString::number(ticks.size())));
    const int lineHeight = QFontMetrics(axis->tickLabelFont()).height();
    for (int i = 1; i < ticks.size(); ++i) {
        QVERIFY2(labels[i] != labels[i - 1], qPrintable(labels[i]));
        const double gap = std::abs(axis->coordToPixel(ticks[i]) - axis->coordToPixel(ticks[i - 1]));
        QVERIFY2(gap >= lineHeight, qPrintable(QStringLiteral("%1 and %2: %3 px apart, labels %4 px high")
                                                   .arg(labels[i - 1], labels[i])
                                                   .arg(gap)
                                                   .arg(lineHeight)));
    }
}

void TestTrainingWidgets::stepAxisShowsWholeSteps_data() {
    QTest::addColumn<int>("steps");
    QTest::newRow("15 steps (a run stopped early)") << 15;
    QTest::newRow("3 steps") << 3;
    QTest::newRow("5,000 steps") << 5000;
}

// After a short run the step axis read 2.5, 7.5, 12.5: there is no half step.
void TestTrainingWidgets::stepAxisShowsWholeSteps() {
    QFETCH(int, steps);
    dlui::LossPlot plot;
    plot.resize(380, 150);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setLosses(std::vector<float>(static_cast<std::size_t>(steps), 0.5f));
    QCustomPlot* canvas = plot.plot();
    canvas->replot();
    const QVector<double> ticks = canvas->xAxis->tickVector();
    QVERIFY(ticks.size() >= 2);
    for (double tick : ticks) QVERIFY2(tick == std::round(tick), qPrintable(QString::number(tick)));
}

void TestTrainingWidgets::probeMeasuresABlockedLoop() {
    dltest::EventLoopLatencyProbe probe(5);
    probe.start();
    QTest::qWait(100);
    QVERIFY(probe.sampleCount() > 5);
    const double idleP50 = probe.percentileMs(50);
    // Block the loop for 120 ms: the next timeout fires at least ~100 ms late.
    QThread::msleep(120);
    QTest::qWait(30);
    probe.stop();
    QVERIFY2(probe.maxMs() >= 100.0, qPrintable(QString::number(probe.maxMs())));
    QVERIFY(probe.percentileMs(100) == probe.maxMs());
    QVERIFY(idleP50 < 50.0);
    probe.reset();
    QCOMPARE(probe.sampleCount(), 0);
    QCOMPARE(probe.percentileMs(99), 0.0);
}

QTEST_MAIN(TestTrainingWidgets)
#include "tst_trainingwidgets.moc"
