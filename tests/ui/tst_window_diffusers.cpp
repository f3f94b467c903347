// File ▸ Import diffusers scheduler config… and File ▸ Export schedule as diffusers config… through the real
// window: Stable Diffusion 1.5's scheduler_config.json picked in the file dialog puts its schedule into the
// editor (√ᾱ_T = 0.068265, Lin et al. 2024, §3.1) and the plots, names the fields it does not use, a bad
// file leaves the schedule alone with a message, and the export reads back as the same schedule.
#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QMenuBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "core/data/diffusersconfig.h"
#include "tests/support/diffusersconfigs.h"
#include "tests/support/modaldialogs.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/schedule/schedulecurveeditor.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/window/labwindow.h"

using dltest::kStableDiffusion15;

class TestWindowDiffusers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        mDir = std::make_unique<QTemporaryDir>();
        QVERIFY(mDir->isValid());
        mWindow = std::make_unique<dlui::LabWindow>(dltest::windowTestOptions());
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }
    void cleanup() { mWindow.reset(); }

    void theFileMenuHoldsBothEntries() {
        QMenu* file = mWindow->menuBar()->actions().value(0)->menu();
        QVERIFY(file);
        QVERIFY(file->actions().contains(importAction()));
        QVERIFY(file->actions().contains(exportAction()));
    }

    void importsStableDiffusion15() {
        const QString path = write(QStringLiteral("scheduler_config.json"), kStableDiffusion15);
        QString message;
        dltest::answerFileDialog(path);
        dltest::readAndCloseMessageBox(&message);
        importAction()->trigger();

        const dl::Schedule& s = mWindow->document()->schedule();
        QCOMPARE(s.params().kind, dl::ScheduleKind::ScaledLinear);
        QCOMPARE(s.T(), 1000);
        QCOMPARE(s.params().betaStart, 0.00085);
        QCOMPARE(s.params().betaEnd, 0.012);
        QVERIFY2(std::abs(s.sqrtAlphaBar(1000) - 0.068265) < 5e-6,
                 qPrintable(QString::number(s.sqrtAlphaBar(1000))));
        // The editor's controls and plots show it.
        dlui::SchedulePanel* panel = mWindow->schedulePanel();
        QCOMPARE(panel->stepsBox()->value(), 1000);
        const QVector<double> alphaBar = panel->plots()->curveValues(dlui::SchedulePlots::Curve::AlphaBar);
        const QVector<double> logSnr = panel->plots()->curveValues(dlui::SchedulePlots::Curve::LogSnr);
        QVERIFY(!alphaBar.isEmpty() && !logSnr.isEmpty());
        QVERIFY2(std::abs(alphaBar.last() - s.alphaBar(1000)) < 1e-9,
                 qPrintable(QString::number(alphaBar.last())));
        const double snr = s.alphaBar(1000) / (1.0 - s.alphaBar(1000));
        QVERIFY2(std::abs(logSnr.last() - std::log(snr)) < 1e-6 ||
                     std::abs(logSnr.last() - std::log10(snr)) < 1e-6,
                 qPrintable(QString::number(logSnr.last())));
        // The fields it does not use are named, not dropped without a word.
        QVERIFY2(message.contains(QStringLiteral("set_alpha_to_one")) &&
                     message.contains(QStringLiteral("skip_prk_steps")),
                 qPrintable(message));
    }

    void aBadFileLeavesTheScheduleAlone_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown schedule")
            << QByteArray(R"({"beta_schedule": "karras"})") << QStringLiteral("karras");
        QTest::newRow("not JSON") << QByteArray("{\"beta_end\": 0.02,") << QStringLiteral("line 1");
        QTest::newRow("bad steps") << QByteArray(R"({"num_train_timesteps": 2.5})")
                                   << QStringLiteral("num_train_timesteps");
        QTest::newRow("beta out of range") << QByteArray(R"({"beta_end": 1.5})") << QStringLiteral("beta");
    }
    void aBadFileLeavesTheScheduleAlone() {
        QFETCH(QByteArray, text);
        QFETCH(QString, named);
        const dl::ScheduleParams before = mWindow->document()->schedule().params();
        const QString path = write(QStringLiteral("bad.json"), text.constData());
        QString message;
        dltest::answerFileDialog(path);
        dltest::readAndCloseMessageBox(&message);
        importAction()->trigger();
        QCOMPARE(mWindow->document()->schedule().params(), before);
        QVERIFY2(message.contains(named), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not changed")), qPrintable(message));
    }

    void exportReadsBackAsTheSameSchedule() {
        dl::ScheduleParams p;
        p.kind = dl::ScheduleKind::Cosine;
        p.T = 250;
        p.zeroTerminalSnr = true;
        QVERIFY(mWindow->document()->setScheduleParams(p));
        const QString path = mDir->filePath(QStringLiteral("out.json"));
        dltest::answerFileDialog(path);
        exportAction()->trigger();
        QVERIFY(QFile::exists(path));
        const dl::DiffusersSchedulerConfig back =
            dl::readDiffusersSchedulerConfig(QFile::encodeName(path).toStdString());
        QCOMPARE(back.schedule.kind, dl::ScheduleKind::Cosine);
        QCOMPARE(back.schedule.T, 250);
        QVERIFY(back.schedule.zeroTerminalSnr);
        QVERIFY(back.unused.empty());
        QCOMPARE(back.className, std::string("DDPMScheduler"));
        // With no config imported, the sampling fields are the window's: the Sampling panel's spacing
        // (diffusers' default "leading" was written while the window sampled with linspace) and no clip to
        // ±1 (diffusers' default clip_sample would cut normalised points, which reach beyond it).
        QCOMPARE(back.timestepSpacing, std::string("linspace"));
        QVERIFY(!back.clipSample);
    }

    // trained_betas (50 of them, 10⁻⁴ … 0.02) imported through File ▸ Import: the curve editor showed its
    // own points (10⁻³ … 0.2) beside the plot of the imported β, and ticking Zero terminal SNR replaced
    // the imported β with that curve, another schedule, without a word.
    void importedBetasAreWhatTheCurveShowsAndStay() {
        QString betas;
        for (int i = 0; i < 50; ++i)
            betas += (i ? QStringLiteral(", ") : QString()) +
                     QString::number(1e-4 + i * (0.02 - 1e-4) / 49, 'g', 17);
        const QString config =
            QStringLiteral(R"({"_class_name": "DDPMScheduler", "num_train_timesteps": 50, )"
                           R"("trained_betas": [%1]})")
                .arg(betas);
        const QString path = write(QStringLiteral("trained.json"), config.toUtf8().constData());
        // Every field of this file is used, so no message box follows the file dialog.
        dltest::answerFileDialog(path);
        importAction()->trigger();
        const dl::ScheduleParams imported = mWindow->document()->schedule().params();
        QCOMPARE(imported.kind, dl::ScheduleKind::Custom);
        QCOMPARE(imported.customBetas.size(), std::size_t(50));

        dlui::SchedulePanel* panel = mWindow->schedulePanel();
        const auto& points = panel->curveEditor()->points();
        QVERIFY(points.size() >= 2);
        for (const dl::BetaControlPoint& point : points) {
            const auto index = static_cast<std::size_t>(std::lround(point.u * 49));
            QVERIFY2(std::abs(point.beta - imported.customBetas[index]) < 1e-12,
                     qPrintable(QStringLiteral("u = %1: β %2, imported %3")
                                    .arg(point.u)
                                    .arg(point.beta)
                                    .arg(imported.customBetas[index])));
        }
        QTest::mouseClick(panel->zeroSnrBox(), Qt::LeftButton, {},
                          QPoint(8, panel->zeroSnrBox()->height() / 2));
        QTRY_VERIFY(mWindow->document()->schedule().params().zeroTerminalSnr);
        QCOMPARE(mWindow->document()->schedule().params().customBetas, imported.customBetas);
    }

private:
    QAction* importAction() const {
        return mWindow->findChild<QAction*>(QStringLiteral("importDiffusersConfig"));
    }
    QAction* exportAction() const {
        return mWindow->findChild<QAction*>(QStringLiteral("exportDiffusersConfig"));
    }
    QString write(const QString& name, const char* text) const {
        const QString path = mDir->filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) file.write(text);
        return path;
    }

    std::unique_ptr<dlui::LabWindow> mWindow;
    std::unique_ptr<QTemporaryDir> mDir;
};

QTEST_MAIN(TestWindowDiffusers)
#include "tst_window_diffusers.moc"
