// Photos as 2D shapes, through the real window: the Model & Train panel's "detailed shape" preset (chosen
// with the keyboard in its combo box) puts a wider network and more steps into the controls and states its
// time; View ▸ Density: data vs model shows the data's histogram next to the model's samples' (here the
// exact denoiser's, run with the Sample action) with their total variation distance; and the panel
// leaves no blank rows while nothing trains (issue 9).
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

#include "core/model/modelpredictor.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"
#include "tests/support/exactsamples.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/explain/mathhtml.h"
#include "ui/overlays/densitycomparison.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/training/trainpanel.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/window/labwindow.h"
#include "ui/window/trainingandsampling.h"

class TestWindowDetail : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        mWindow = std::make_unique<dlui::LabWindow>(dltest::windowTestOptions());
        mWindow->resize(1280, 720);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }
    void cleanup() { mWindow.reset(); }

    void detailedShapePresetFromTheKeyboard() {
        dlui::TrainPanel* panel = mWindow->live()->trainPanel();
        QComboBox* preset = panel->presetBox();
        QVERIFY(preset->isEnabled());
        QCOMPARE(preset->currentIndex(), 0);
        QVERIFY2(preset->itemText(1).contains(QStringLiteral("Detailed shape")) &&
                     preset->itemText(1).contains(QString::number(dl::kDetailedShapeSeconds)),
                 qPrintable(preset->itemText(1)));
        preset->setFocus();
        QTest::keyClick(preset, Qt::Key_Down);  // a closed combo box steps to the next item and activates it
        QCOMPARE(preset->currentIndex(), 1);
        QCOMPARE(panel->widthBox()->value(), dl::detailedShapeMlpConfig().hidden);
        QCOMPARE(panel->stepsBox()->value(), dl::detailedShapeTrainerConfig().steps);
        QVERIFY(panel->settings().model.hidden > dl::defaultMlpConfig().hidden);
        QVERIFY(panel->settings().trainer.steps > dl::defaultTrainerConfig().steps);
        QTest::keyClick(preset, Qt::Key_Up);  // and back
        QCOMPARE(panel->widthBox()->value(), dl::defaultMlpConfig().hidden);
        QCOMPARE(panel->stepsBox()->value(), dl::defaultTrainerConfig().steps);
    }

    void densityOfDataAndSamplesSideBySide() {
        auto* toggle = mWindow->findChild<QAction*>(QStringLiteral("showDensityComparison"));
        QVERIFY(toggle);
        auto* dock = mWindow->findChild<QDockWidget*>(QStringLiteral("densityDock"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());  // a View option, off until asked for
        bool inViewMenu = false;
        for (QAction* menu : mWindow->menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(toggle)) inViewMenu = true;
        QVERIFY(inViewMenu);
        toggle->trigger();
        QTRY_VERIFY(dock->isVisible());
        auto* view = dock->findChild<dlui::DensityComparison*>();
        QVERIFY(view);
        QVERIFY(view->dataHistogram());
        QVERIFY(!view->sampleHistogram());
        QVERIFY2(view->captionText().contains(QStringLiteral("Sample")), qPrintable(view->captionText()));

        // Samples of the exact denoiser, through the Sample action.
        dlui::SamplingPanel* sampling = mWindow->live()->samplingPanel();
        sampling->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Exact);
        sampling->setSamplerKind(dl::SamplerKind::Ddim);
        sampling->setPointCount(400);
        QSignalSpy ready(sampling, &dlui::SamplingPanel::samplesReady);
        mWindow->actions().sample->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QTRY_VERIFY(view->sampleHistogram());
        const double tv = dl::totalVariation(*view->dataHistogram(), *view->sampleHistogram());
        QVERIFY2(tv > 0.0 && tv < 1.0, qPrintable(QString::number(tv)));
        QVERIFY2(view->captionText().contains(QString::number(tv, 'f', 2)), qPrintable(view->captionText()));
        // Drawn: the two maps differ from an empty panel.
        const QImage shot = view->grab().toImage();
        QVERIFY(shot.pixelColor(shot.width() / 4, shot.height() / 3) != shot.pixelColor(2, 2) ||
                shot.pixelColor(3 * shot.width() / 4, shot.height() / 3) != shot.pixelColor(2, 2));
    }

    // The Sampling panel's "Fast network products" box: on where the CPU has bf16 or int16 products
    // (disabled and off elsewhere), and what a click leaves in it is what Sample runs.
    void fastProductsBoxDecidesThePrecision() {
        auto* box = mWindow->findChild<QCheckBox*>(QStringLiteral("samplingFastProducts"));
        QVERIFY(box);
        const bool reduced = dl::fastestProductPrecision() != dl::ProductPrecision::Float32;
        QCOMPARE(box->isEnabled(), reduced);
        QCOMPARE(box->isChecked(), reduced);
        auto snap = std::make_shared<dl::TrainingSnapshot>();
        snap->config = dl::defaultMlpConfig();
        snap->schedule = mWindow->document()->schedule().params();
        mWindow->document()->setModel(snap, mWindow->document()->schedule());
        dlui::SamplingPanel* sampling = mWindow->live()->samplingPanel();
        sampling->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Learned);
        dlui::SamplingRequest request;
        QString error;
        QVERIFY2(sampling->buildRequest(&request, &error), qPrintable(error));
        QCOMPARE(request.precision, dl::fastestProductPrecision());
        if (!reduced) return;
        QScrollArea* scroll = nullptr;
        for (QWidget* w = box->parentWidget(); w && !scroll; w = w->parentWidget())
            scroll = qobject_cast<QScrollArea*>(w);
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(box);
        QVERIFY(box->isVisible());
        // At 1280×720 the whole label shows (the int16 one is the longest), without scrolling sideways.
        const QRect shown(box->mapTo(scroll->viewport(), QPoint(0, 0)), box->sizeHint());
        QVERIFY2(shown.left() >= 0 && shown.right() < scroll->viewport()->width(),
                 qPrintable(QStringLiteral("label %1..%2, panel 0..%3")
                                .arg(shown.left())
                                .arg(shown.right())
                                .arg(scroll->viewport()->width())));
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));  // on the indicator
        QVERIFY(!box->isChecked());
        QVERIFY2(sampling->buildRequest(&request, &error), qPrintable(error));
        QCOMPARE(request.precision, dl::ProductPrecision::Float32);
    }

    // A model trained with one schedule, the exact denoiser sampling with the editor's other one: the line
    // under the view gives the numbers of the chain on screen. It gave the model's: β₅₀ = 0.0444 of the
    // model's T = 150 under a chain whose β ends at 0.02.
    void reverseNumbersAreThoseOfTheSampledChain() {
        dlui::LabDocument* doc = mWindow->document();
        auto snap = std::make_shared<dl::TrainingSnapshot>();
        snap->config = dl::defaultMlpConfig();
        snap->schedule = doc->schedule().params();
        doc->setModel(snap, doc->schedule());
        dl::ScheduleParams editor = doc->schedule().params();
        editor.T = 50;
        editor.betaStart = 1e-4;
        editor.betaEnd = 0.02;
        QVERIFY(doc->setScheduleParams(editor));
        QVERIFY(doc->modelSchedule()->T() != 50);

        QVERIFY(dltest::sampleExactly(*mWindow, 200));
        QCOMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Reverse);
        mWindow->timeline()->pause();  // the samples start playing
        mWindow->timeline()->setT(50);
        const dl::Schedule chain(editor);
        const QString beta = dlui::mathhtml::plainNumber(chain.beta(50));
        QTRY_VERIFY2(
            mWindow->timelineWidget()->numbersText().startsWith(QStringLiteral("βₜ = ") + beta),
            qPrintable(mWindow->timelineWidget()->numbersText() + QStringLiteral(" · want β ") + beta));
        QCOMPARE(doc->reverseSchedule().params(), editor);
    }

    void idleTrainPanelHasNoBlankLines() {
        dlui::TrainPanel* panel = mWindow->live()->trainPanel();
        QVERIFY(panel->isVisible());
        // Every visible line that is not a field's label says something: an empty one is a blank row.
        int lines = 0;
        for (QLabel* label : panel->findChildren<QLabel*>()) {
            if (!label->isVisibleTo(panel) || label->buddy() || !label->pixmap().isNull()) continue;
            ++lines;
            QVERIFY2(!label->text().isEmpty(), qPrintable(label->objectName()));
        }
        QVERIFY(lines > 0);  // the state line is there
    }

private:
    std::unique_ptr<dlui::LabWindow> mWindow;
};

QTEST_MAIN(TestWindowDetail)
#include "tst_window_detail.moc"
