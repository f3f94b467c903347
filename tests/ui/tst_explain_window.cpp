// The Explain dock in the real window (offscreen): reachable from the View menu; its numbers follow the
// timeline slider and the → key at once, and the schedule when it changes; in the reverse view it shows
// the posterior and the update of the sampler chosen in the Sampling panel's combo box, with σ_t and the
// jump's coefficients computed here from ᾱ by their closed forms; while the timeline plays, the text is
// laid out at most every 100 ms. DL_SCREENSHOT_DIR=… keeps pictures.
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>
#include <QtTest>
#include <cmath>

#include "core/sampling/timesteps.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/explain/explainpanel.h"
#include "ui/explain/mathhtml.h"
#include "ui/explain/pointinspector.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

/// The spin box among the panel's own whose range is [lo, hi] (η is [0, 1]; K starts at 0 = "all T").
template <typename Box>
Box* boxWithRange(QWidget* panel, double lo, double hi) {
    for (Box* box : panel->findChildren<Box*>())
        if (box->minimum() == lo && (hi < 0 || box->maximum() == hi)) return box;
    return nullptr;
}

}  // namespace

class TestExplainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
        mWindow->resize(1280, 720);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        QVERIFY(dock() && panel());
        dock()->raise();
    }
    void cleanup() { mWindow.reset(); }

    void presenterModeGivesTheTextItsSizeBack() {
        // After presenter mode (F11, then Esc) the text came back smaller than it was.
        const qreal before = panel()->textView()->document()->defaultFont().pointSizeF();
        QVERIFY(before > mWindow->font().pointSizeF());  // a little larger than the panels around it
        mWindow->actions().presenter->trigger();
        QVERIFY(mWindow->isPresenterMode());
        QVERIFY(panel()->textView()->document()->defaultFont().pointSizeF() > before);
        mWindow->actions().presenter->trigger();
        QVERIFY(!mWindow->isPresenterMode());
        QCOMPARE(panel()->textView()->document()->defaultFont().pointSizeF(), before);
    }

    void reachableFromTheViewMenu() {
        QAction* toggle = nullptr;
        for (QAction* a : mWindow->viewMenu()->actions())
            if (a->text() == dock()->windowTitle()) toggle = a;
        QVERIFY(toggle);
        QVERIFY(dock()->isVisible());
        toggle->trigger();
        QVERIFY(!dock()->isVisible());
        // While hidden the text is not laid out; shown again, it is the text of the t of now.
        mWindow->timeline()->setT(77);
        toggle->trigger();
        QVERIFY(dock()->isVisible());
        QVERIFY(panel()->textView()->toPlainText().contains(QStringLiteral("t = 77 of T")));
        keepScreenshot(QStringLiteral("explain-forward.png"));
    }

    void playingLaysTheTextOutAtMostEvery100Ms() {
        // While the timeline plays, t changes at every tick; the text is laid out at most every 100 ms (the
        // newest t winning), and when playback stops it shows the t where it stopped.
        dlui::Timeline* timeline = mWindow->timeline();
        timeline->setT(0);
        timeline->setSpeed(100);  // ~60 ticks a second, 1–2 steps each: T is not reached in the wait
        const int layoutsBefore = panel()->layoutCount();
        QSignalSpy ticks(timeline, &dlui::Timeline::tChanged);
        QElapsedTimer clock;
        clock.start();
        timeline->play();
        QTest::qWait(600);
        timeline->pause();
        const qint64 elapsed = clock.elapsed();
        QTest::qWait(150);  // the last text waiting for its turn
        const int layouts = panel()->layoutCount() - layoutsBefore;
        qInfo("%lld ticks, %d layouts in %lld ms of playing", static_cast<long long>(ticks.count()), layouts,
              static_cast<long long>(elapsed));
        // Here ~60 ticks a second: one layout per tick would break the bound below (a starved event loop on
        // a loaded machine ticks less often, which only makes the bound easier).
        QVERIFY(ticks.count() > 1);
        QVERIFY(layouts >= 2);
        // One at the start, one per 100 ms after it, and the one waiting when playback stopped.
        QVERIFY2(layouts <= elapsed / 100 + 2, qPrintable(QStringLiteral("%1 layouts").arg(layouts)));
        const QString shown = panel()->textView()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("t = %1 of T").arg(timeline->t())),
                 qPrintable(shown.left(200)));
    }

    void forwardNumbersFollowTheSlider_data() {
        QTest::addColumn<double>("fraction");
        QTest::newRow("t = 1") << 0.0;
        QTest::newRow("early") << 0.11;
        QTest::newRow("middle") << 0.5;
        QTest::newRow("t = T") << 1.0;
    }
    void forwardNumbersFollowTheSlider() {
        QFETCH(double, fraction);
        const dl::Schedule& s = mWindow->document()->schedule();
        const int t = std::max(1, static_cast<int>(std::lround(fraction * s.T())));
        mWindow->timelineWidget()->slider()->setValue(t);  // no event loop turn: the text must already follow
        QCOMPARE(mWindow->timeline()->t(), t);
        checkForward(t);
        // → moves one step forward, and the numbers with it.
        if (t < s.T()) {
            mWindow->activateWindow();
            mWindow->mainView()->setFocus();
            QTest::keyClick(mWindow.get(), Qt::Key_Right);
            QCOMPARE(mWindow->timeline()->t(), t + 1);
            checkForward(t + 1);
        }
    }

    // Cosine with T = 10000 at t = 5000 gives β_t = 3.155×10⁻⁴: in the default layout the table of
    // values squeezed that cell and Qt broke the number ("3." over "155×10⁻⁴"), <nobr> or not; a
    // floating dock 200 px wide did it again with one pair a row. Each number must stay on one line.
    void valuesNeverBreakInsideANumber() {
        dl::ScheduleParams p = mWindow->document()->schedule().params();
        p.kind = dl::ScheduleKind::Cosine;
        p.T = 10000;
        QVERIFY(mWindow->document()->setScheduleParams(p));
        mWindow->timeline()->setT(5000);
        // As docked, and floating at widths a dock in the window does not go down to.
        for (int width : {0, 240, 200, 160}) {
            if (width > 0) {
                dock()->setFloating(true);
                dock()->resize(width, 600);
            }
            QTRY_VERIFY(width == 0 || dock()->width() == width);
            QTest::qWait(50);
            QTextDocument* text = panel()->textView()->document();
            text->documentLayout()->documentSize();  // lays every block out
            // A line break between two characters of a number: a digit or point before, a digit, point
            // or × after.
            auto inNumber = [](QChar c) { return c.isDigit() || c == QLatin1Char('.'); };
            int numbers = 0;
            for (QTextBlock block = text->begin(); block.isValid(); block = block.next()) {
                const QString all = block.text();
                if (!all.contains(QStringLiteral("\u00D710"))) continue;
                ++numbers;
                const QTextLayout* layout = block.layout();
                for (int i = 1; i < layout->lineCount(); ++i) {
                    const int at = layout->lineAt(i).textStart();
                    QVERIFY2(at <= 0 || at >= all.size() || !inNumber(all[at - 1]) ||
                                 !(inNumber(all[at]) || all[at] == QChar(0x00D7)),
                             qPrintable(QStringLiteral("a number broken at dock width %1: %2|%3")
                                            .arg(dock()->width())
                                            .arg(all.left(at), all.mid(at))));
                }
            }
            QVERIFY(numbers >= 2);  // β_t and β̃_t at least
        }
    }

    // DDPM with K = 10 of T = 150 (the "DDPM vs DDIM" lesson's second step): the values went one under
    // the other, each under its symbol, in a dock wide enough for two a row. The panel measured the table
    // together with the line under it about the sampler's jumps, which is wider unwrapped than any table.
    void aJumpingSamplerKeepsTheValuesInRows() {
        dlui::SamplingPanel* sampling = dlui::TrainingAndSampling::of(mWindow.get())->samplingPanel();
        dl::SamplerParams params = sampling->samplerParams();
        params.kind = dl::SamplerKind::DdpmPosterior;
        params.steps = 10;
        sampling->setSamplerParams(params);
        sampling->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Exact);
        sampling->setPointCount(200);
        QSignalSpy ready(sampling, &dlui::SamplingPanel::samplesReady);
        mWindow->actions().sample->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        mWindow->timeline()->pause();
        mWindow->timeline()->setMode(dlui::Timeline::Mode::Reverse);
        mWindow->timeline()->setT(mWindow->document()->trajectory()->timesteps.at(3));
        QTRY_VERIFY(panel()->sectionHtml(QStringLiteral("values")).contains(QStringLiteral("jumps from")));
        QTRY_VERIFY(panel()->textView()->toPlainText().contains(QStringLiteral("jumps from")));
        QTextDocument* text = panel()->textView()->document();
        const QTextCursor beta = text->find(QStringLiteral("\u03B2"));
        QVERIFY(!beta.isNull() && beta.currentTable());
        QVERIFY2(beta.currentTable()->columns() >= 2,
                 qPrintable(QStringLiteral("%1 column(s) in a %2 px dock")
                                .arg(beta.currentTable()->columns())
                                .arg(dock()->width())));
    }

    void followsTheSchedule() {
        mWindow->timeline()->setT(20);
        dl::ScheduleParams p = mWindow->document()->schedule().params();
        p.kind = dl::ScheduleKind::Cosine;
        p.T = 300;
        QVERIFY(mWindow->document()->setScheduleParams(p));
        QCOMPARE(panel()->numbers().T, 300);
        checkForward(mWindow->timeline()->t());
    }

    void reverseShowsTheChosenSampler_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("section");
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("eta");
        QTest::newRow("DDPM β̃") << int(dl::SamplerKind::DdpmPosterior) << "ddpm" << 0 << 0.0;
        QTest::newRow("DDPM β") << int(dl::SamplerKind::DdpmBeta) << "ddpm" << 0 << 0.0;
        QTest::newRow("DDIM η=1") << int(dl::SamplerKind::Ddim) << "ddim" << 0 << 1.0;
        QTest::newRow("DDIM K=10 η=0.5") << int(dl::SamplerKind::Ddim) << "ddim" << 10 << 0.5;
        QTest::newRow("DDPM K=10") << int(dl::SamplerKind::DdpmPosterior) << "ddpm" << 10 << 0.0;
        QTest::newRow("Langevin") << int(dl::SamplerKind::Langevin) << "langevin" << 0 << 0.0;
    }
    void reverseShowsTheChosenSampler() {
        QFETCH(int, kind);
        QFETCH(QString, section);
        QFETCH(int, steps);
        QFETCH(double, eta);
        auto* sampling = dlui::TrainingAndSampling::of(mWindow.get())->samplingPanel();
        QTest::mouseClick(mWindow->timelineWidget()->reverseButton(), Qt::LeftButton);
        QCOMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Reverse);
        QCOMPARE(panel()->view(), dlui::ExplainView::Reverse);
        // The exact denoiser samples with the editor's schedule (no model needed).
        sampling->denoiserBox()->setCurrentIndex(1);
        QComboBox* samplerBox = sampling->samplerBox();
        samplerBox->setCurrentIndex(samplerBox->findData(kind));
        auto* kBox = boxWithRange<QSpinBox>(sampling, 0, -1);
        QVERIFY(kBox);
        kBox->setValue(steps);
        if (kind == int(dl::SamplerKind::Ddim)) {
            auto* etaBox = boxWithRange<QDoubleSpinBox>(sampling, 0.0, 1.0);
            QVERIFY(etaBox);
            etaBox->setValue(eta);
        }
        QCOMPARE(int(panel()->sampler().kind), kind);
        QCOMPARE(panel()->shownSections(), (QStringList{"values", "posterior", section}));
        QVERIFY(!panel()->sectionHtml(section).isEmpty());
        QVERIFY(panel()->sectionHtml(QStringLiteral("forwardStep")).isEmpty());
        QVERIFY(panel()->textView()->toPlainText().contains(QStringLiteral("Posterior")));
        QVERIFY(!panel()->textView()->toPlainText().contains(QStringLiteral("Forward step")));
        // The exact denoiser's estimate is not a network's: no θ in the step, and a line says what ε* is.
        // Back on the learned model, the step is written with ε_θ again.
        const QString theta = QStringLiteral("\u03B8");
        QVERIFY2(!panel()->sectionHtml(section).contains(theta), qPrintable(panel()->sectionHtml(section)));
        QVERIFY(panel()->sectionHtml(section).contains(QStringLiteral("exact denoiser")));
        sampling->denoiserBox()->setCurrentIndex(0);
        QVERIFY(panel()->sectionHtml(section).contains(theta));
        QVERIFY(!panel()->sectionHtml(section).contains(QStringLiteral("exact denoiser")));
        sampling->denoiserBox()->setCurrentIndex(1);

        const dl::Schedule& s = mWindow->document()->schedule();
        for (int t : {s.T(), s.T() / 2 + 3, 7}) {
            mWindow->timelineWidget()->slider()->setValue(t);
            const dlui::StepNumbers& n = panel()->numbers();
            QCOMPARE(n.t, t);
            // Where the sampler goes from t: t − 1, or the next listed step below t when it visits K < T.
            int prev = t - 1;
            if (steps > 0 && kind != int(dl::SamplerKind::Langevin)) {
                prev = 0;
                for (int listed : dl::samplingTimesteps(s.T(), steps, dl::TimestepSpacing::Linspace))
                    if (listed < t) {
                        prev = listed;
                        break;
                    }
            }
            QCOMPARE(n.prev, prev);
            const double ab = s.alphaBar(t), abPrev = s.alphaBar(prev);
            const double betaJump = 1.0 - ab / abPrev;
            const double betaTilde = betaJump * (1.0 - abPrev) / (1.0 - ab);
            QVERIFY2(near(n.posteriorVariance, betaTilde), qPrintable(QStringLiteral("t = %1").arg(t)));
            QVERIFY(near(n.coefX0, std::sqrt(abPrev) * betaJump / (1.0 - ab)));
            QVERIFY(near(n.coefXt, std::sqrt(1.0 - betaJump) * (1.0 - abPrev) / (1.0 - ab)));
            double sigma = 0.0;
            switch (dl::SamplerKind(kind)) {
                case dl::SamplerKind::DdpmPosterior:
                    sigma = prev > 0 ? std::sqrt(betaTilde) : 0.0;
                    break;
                case dl::SamplerKind::DdpmBeta:
                    sigma = prev > 0 ? std::sqrt(betaJump) : 0.0;
                    break;
                case dl::SamplerKind::Ddim:
                    sigma = eta * std::sqrt(betaTilde);
                    break;
                case dl::SamplerKind::Langevin:
                    sigma = std::sqrt(sampling->samplerParams().langevinStepSize * (1.0 - ab));
                    break;
            }
            QVERIFY2(near(n.sigma, sigma),
                     qPrintable(QStringLiteral("t = %1: σ %2, expected %3").arg(t).arg(n.sigma).arg(sigma)));
            const QString values = panel()->sectionHtml(QStringLiteral("values"));
            for (double v : {s.beta(t), ab, std::sqrt(ab), std::sqrt(1.0 - ab), betaTilde, sigma, s.snr(t)})
                QVERIFY2(values.contains(dlui::mathhtml::number(v)), qPrintable(dlui::mathhtml::number(v)));
        }
        keepScreenshot(
            QStringLiteral("explain-%1.png")
                .arg(QString(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))));
    }

    // Click a point in the forward view: the dock shows its x_0, ε and x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε, which is
    // where the view draws it; moving t moves x_t with it.
    void pointInspectorFillsInTheClosedForm() {
        dlui::LabDocument* doc = mWindow->document();
        QTRY_VERIFY(doc->dataSet() && doc->dataSet()->size() > 200 && !doc->dataSet()->isImage());
        auto* inspector = mWindow->findChild<dlui::PointInspector*>(QStringLiteral("pointInspector"));
        QVERIFY(inspector);
        dlui::MainView* view = mWindow->mainView();
        mWindow->timelineWidget()->slider()->setValue(40);
        view->rebuildNow();
        const QPointF click = inspector->pointPosition(123);
        QTest::mouseClick(view, Qt::LeftButton, {}, click.toPoint());
        const int row = inspector->point();
        QVERIFY(row >= 0);
        const QPointF drawn = inspector->pointPosition(row);
        QVERIFY(std::hypot(drawn.x() - click.x(), drawn.y() - click.y()) <=
                dlui::PointInspector::kPickRadius + 1);
        QVERIFY(panel()->shownSections().contains(QStringLiteral("point")));
        for (int t : {40, 41, 120}) {
            mWindow->timelineWidget()->slider()->setValue(t);
            view->rebuildNow();
            const auto& p = panel()->inspected();
            QCOMPARE(p.row, row);
            const double ab = doc->schedule().alphaBar(t);
            for (int k = 0; k < 2; ++k) {
                QCOMPARE(p.x0[k], double(doc->dataSet()->points(row, k)));
                QCOMPARE(p.eps[k], double((*doc->forwardNoise())(row, k)));
                const double expected = std::sqrt(ab) * p.x0[k] + std::sqrt(1.0 - ab) * p.eps[k];
                QVERIFY(std::abs(p.xt[k] - expected) < 1e-12);
                // ... and that is where the view draws the point (the view computes in float).
                QVERIFY2(std::abs(p.xt[k] - view->shownState()(row, k)) < 1e-5,
                         qPrintable(QStringLiteral("t = %1: %2 vs %3")
                                        .arg(t)
                                        .arg(p.xt[k])
                                        .arg(view->shownState()(row, k))));
            }
            QVERIFY(panel()->sectionHtml(QStringLiteral("point")).contains(dlui::mathhtml::number(p.xt[0])));
        }
        keepScreenshot(QStringLiteral("explain-point.png"));
        // At t = 0 the view draws x_0 and the numbers are t = 1's: the section says so and works out x_1 with
        // them (it wrote "x_t = 0.9999 x_0 + 0.01 ε = x_0").
        mWindow->timelineWidget()->slider()->setValue(0);
        view->rebuildNow();
        const auto& p0 = panel()->inspected();
        QCOMPARE(p0.xt[0], p0.x0[0]);
        const QString atZero = panel()->sectionHtml(QStringLiteral("point"));
        const double x1 =
            doc->schedule().sqrtAlphaBar(1) * p0.x0[0] + doc->schedule().sqrtOneMinusAlphaBar(1) * p0.eps[0];
        QVERIFY2(atZero.contains(QStringLiteral("At t = 0")) && atZero.contains(dlui::mathhtml::number(x1)),
                 qPrintable(atZero));
        // The reverse view has no such point; the section goes.
        QTest::mouseClick(mWindow->timelineWidget()->reverseButton(), Qt::LeftButton);
        QVERIFY(!panel()->shownSections().contains(QStringLiteral("point")));
    }

private:
    QDockWidget* dock() const { return mWindow->findChild<QDockWidget*>(QStringLiteral("explainDock")); }
    dlui::ExplainPanel* panel() const { return mWindow->findChild<dlui::ExplainPanel*>(); }

    /// The forward view at t: the values line and the closed form carry the schedule's numbers.
    void checkForward(int t) {
        const dl::Schedule& s = mWindow->document()->schedule();
        const dlui::StepNumbers& n = panel()->numbers();
        QCOMPARE(panel()->view(), dlui::ExplainView::Forward);
        QCOMPARE(panel()->shownSections(), (QStringList{"values", "forwardStep", "closedForm", "loss"}));
        QCOMPARE(n.t, t);
        QCOMPARE(n.beta, s.beta(t));
        QCOMPARE(n.alphaBar, s.alphaBar(t));
        QCOMPARE(n.sqrtAlphaBar, s.sqrtAlphaBar(t));
        QCOMPARE(n.sqrtOneMinusAlphaBar, s.sqrtOneMinusAlphaBar(t));
        QCOMPARE(n.snr, s.snr(t));
        const QString values = panel()->sectionHtml(QStringLiteral("values"));
        for (double v :
             {s.beta(t), s.alpha(t), s.alphaBar(t), s.sqrtAlphaBar(t), s.sqrtOneMinusAlphaBar(t), s.snr(t)})
            QVERIFY2(values.contains(dlui::mathhtml::number(v)),
                     qPrintable(QStringLiteral("t = %1: %2").arg(t).arg(dlui::mathhtml::number(v))));
        const QString closed = panel()->sectionHtml(QStringLiteral("closedForm"));
        // "SNR =" stands alone before its fraction, so it cannot wrap apart from it or from its "=".
        QTextDocument closedDocument;
        closedDocument.setHtml(closed);
        const QTextCursor snr = closedDocument.find(QStringLiteral("SNR"));
        QVERIFY(!snr.isNull() && snr.currentTable());
        const QTextTableCell snrCell = snr.currentTable()->cellAt(snr);
        QCOMPARE(snrCell.column(), 0);
        QTextCursor cellText = snrCell.firstCursorPosition();
        cellText.setPosition(snrCell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
        QCOMPARE(cellText.selectedText(), QStringLiteral("SNR\u00A0="));
        QVERIFY(closed.contains(dlui::mathhtml::number(s.sqrtAlphaBar(t))));
        QVERIFY(closed.contains(dlui::mathhtml::number(s.sqrtOneMinusAlphaBar(t))));
        // x_T ~ N(0, I) is in the model's coordinates: the section gives the map from the data's, with the
        // data set's own offset and scale (a cloud around (5, 5) stayed there at t = T, unexplained).
        const dl::Normalisation& norm = mWindow->document()->dataSet()->norm;
        QVERIFY2(closed.contains(QStringLiteral("(data ")) &&
                     closed.contains(dlui::mathhtml::number(norm.offset(0))) &&
                     closed.contains(dlui::mathhtml::number(norm.scale)),
                 qPrintable(closed));
        QVERIFY(
            panel()->sectionHtml(QStringLiteral("forwardStep")).contains(dlui::mathhtml::number(s.beta(t))));
        // And the text view shows them (numbers without a ×10ⁿ part read the same as plain text).
        const QString shown = panel()->textView()->toPlainText();
        for (double v : {s.alphaBar(t), s.sqrtAlphaBar(t), s.sqrtOneMinusAlphaBar(t)}) {
            const QString number = dlui::mathhtml::number(v);
            QVERIFY2(number.contains(QLatin1Char('<')) || shown.contains(number), qPrintable(number));
        }
    }

    void keepScreenshot(const QString& name) {
        const QString dir = qEnvironmentVariable("DL_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            mWindow->grab().save(QDir(dir).filePath(name));
            // The dock on its own, floating and tall enough to show everything, as a lecturer might place it.
            dock()->setFloating(true);
            dock()->resize(420, 760);
            QTest::qWait(50);
            dock()->grab().save(QDir(dir).filePath(QStringLiteral("dock-") + name));
            dock()->setFloating(false);
        }
    }

    std::unique_ptr<MainWindow> mWindow;
};

QTEST_MAIN(TestExplainWindow)
#include "tst_explain_window.moc"
