// The command line and lessons: `render --lesson FILE --step K` and `render --session FILE` write the
// frames a step or a session shows (a built-in lesson by name too, with its built-in model); bad
// arguments give one line; `train` with a fixed seed and one thread — what scripts/make-lesson-models.sh
// runs — writes the same bytes twice, and --weights-only leaves out the optimizer state.
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "../cli/cliprocess.h"

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestCliLessons : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rendersALessonStepAsPng() {
        QTemporaryDir dir;
        const QString frames = dir.filePath(QStringLiteral("step2"));
        // Step 2 of the first lesson: the forward view at t = 10, one frame.
        const CliRun run = runCli({"render", "--lesson", "01-forward-destroys-structure", "--step", "2",
                                   "--frames", frames, "--size", "200x200"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFileInfo::exists(frames + QStringLiteral("/frame_0000.png")));
        QVERIFY(!QFileInfo::exists(frames + QStringLiteral("/frame_0001.png")));
        const QImage image(frames + QStringLiteral("/frame_0000.png"));
        QCOMPARE(image.size(), QSize(200, 200));
        const QJsonObject sidecar =
            QJsonDocument::fromJson(readAll(frames + QStringLiteral("/frames.json"))).object();
        QVERIFY2(QJsonDocument(sidecar).toJson().contains("\"t\": 10"),
                 QJsonDocument(sidecar).toJson().constData());

        // The same step again gives the same bytes: a slide's figure is reproducible.
        const QString again = dir.filePath(QStringLiteral("again"));
        QCOMPARE(runCli({"render", "--lesson", "01-forward-destroys-structure", "--step", "2", "--frames",
                         again, "--size", "200x200"})
                     .exitCode,
                 0);
        QCOMPARE(readAll(again + QStringLiteral("/frame_0000.png")),
                 readAll(frames + QStringLiteral("/frame_0000.png")));
    }

    void rendersAReverseStepWithTheBuiltInModelAsGif() {
        QTemporaryDir dir;
        const QString gif = dir.filePath(QStringLiteral("ddim.gif"));
        // DDIM with K = 10 from the lesson's pre-trained model (a resource inside the program).
        const CliRun run = runCli({"render", "--lesson", "06-ddpm-vs-ddim", "--step", "3", "--gif", gif,
                                   "--size", "160x160", "--samples", "300"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("ddim, K=10 (learned)") || run.err.contains("sampled 300"),
                 run.err.constData());
        QVERIFY(readAll(gif).startsWith("GIF89a"));
    }

    void rendersASession() {
        QTemporaryDir dir;
        const QString session = dir.filePath(QStringLiteral("s.json"));
        QFile f(session);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "diffusion-lab-session", "version": 2,
            "data": {"kind": "builtin", "shape": "circles", "points": 800, "seed": "3"},
            "schedule": {"beta_schedule": "linear", "num_train_timesteps": 60, "beta_start": 0.001, "beta_end": 0.2},
            "view": {"t": 25, "mode": "forward", "noise_seed": "1234"}})");
        f.close();
        const QString gif = dir.filePath(QStringLiteral("session.gif"));
        const CliRun run = runCli({"render", "--session", session, "--gif", gif, "--size", "120x120"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(readAll(gif).startsWith("GIF89a"));
        const QString frames = dir.filePath(QStringLiteral("frames"));
        QCOMPARE(runCli({"render", "--session", session, "--frames", frames, "--size", "120x120"}).exitCode,
                 0);
        // The session's one view: t = 25 of its own T = 60, one frame.
        const QByteArray sidecar =
            QJsonDocument::fromJson(readAll(frames + QStringLiteral("/frames.json"))).toJson();
        QVERIFY2(sidecar.contains("\"t\": 25") && sidecar.contains("\"num_train_timesteps\": 60"),
                 sidecar.constData());
        QVERIFY(QFileInfo::exists(frames + QStringLiteral("/frame_0000.png")));
        QVERIFY(!QFileInfo::exists(frames + QStringLiteral("/frame_0001.png")));
    }

    void badArgumentsGiveOneLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("step past the end")
            << QStringList{"--lesson", "02-ddpm-paper-schedule", "--step", "12"} << 2
            << "--step: the lesson has 5 steps, got 12";
        QTest::newRow("step without lesson")
            << QStringList{"--step", "2"} << 2 << "--step: only applies with --lesson";
        QTest::newRow("missing lesson")
            << QStringList{"--lesson", "/nonexistent/lesson.json"} << 1 << "cannot read";
        QTest::newRow("both") << QStringList{"--lesson", "x", "--session", "y"} << 2
                              << "give either --lesson or --session";
    }

    void badArgumentsGiveOneLine() {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const CliRun run = runCli(QStringList{"render"} + args + QStringList{"--gif", dir.filePath("x.gif")});
        QCOMPARE(run.exitCode, status);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QCOMPARE(run.err.trimmed().count('\n'), 0);
    }

    void trainingForTheLessonModelsIsReproducible() {
        // The command of scripts/make-lesson-models.sh, shortened to a few hundred steps.
        QTemporaryDir dir;
        const auto train = [&](const QString& name, bool weightsOnly) {
            QStringList args{"train",     "--dataset", "moons",
                             "--points",  "2000",      "--steps",
                             "300",       "--seed",    "1",
                             "--threads", "1",         "--quality-samples",
                             "0",         "--out",     dir.filePath(name)};
            if (weightsOnly) args << "--weights-only";
            const CliRun run = runCli(args);
            return run.exitCode == 0 ? readAll(dir.filePath(name)) : QByteArray();
        };
        const QByteArray first = train(QStringLiteral("a.dlmodel"), true);
        const QByteArray second = train(QStringLiteral("b.dlmodel"), true);
        QVERIFY(!first.isEmpty());
        QVERIFY(first == second);
        const QByteArray full = train(QStringLiteral("c.dlmodel"), false);
        QVERIFY(!full.isEmpty());
        // The optimizer's two moments are one weight vector each: a weights-only file is smaller by them.
        QVERIFY2(first.size() < full.size() * 3 / 4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(first.size()).arg(full.size())));
        // And it still samples.
        const CliRun sample = runCli(
            {"sample", "--model", dir.filePath("a.dlmodel"), "--n", "50", "--out", dir.filePath("s.csv")});
        QVERIFY2(sample.exitCode == 0, sample.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliLessons)
#include "tst_cli_lessons.moc"
