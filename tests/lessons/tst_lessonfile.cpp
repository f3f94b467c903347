// The lesson file reader (core/io/lessonfile.h): every built-in lesson reads, steps carry over what they
// do not set, and bad files give one line naming the step and the key.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "core/io/lessonfile.h"
#include "core/math/schedulediagnostics.h"

namespace {

QJsonObject text(const char* en, const char* zh) {
    return QJsonObject{{QStringLiteral("en"), QString::fromUtf8(en)},
                       {QStringLiteral("zh_CN"), QString::fromUtf8(zh)}};
}

QJsonObject minimalLesson(const QJsonArray& steps) {
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("diffusion-lab-lesson")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("title"), text("Title", "标题")},
                       {QStringLiteral("summary"), text("Summary", "摘要")},
                       {QStringLiteral("steps"), steps}};
}

QJsonObject step(QJsonObject extra) {
    extra.insert(QStringLiteral("narration"), text("Narration.", "旁白。"));
    return extra;
}

QJsonObject parse(const char* json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

}  // namespace

class TestLessonFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtInLessonsAllRead() {
        const QStringList paths = dl::builtInLessonPaths();
        QVERIFY2(paths.size() >= 8, qPrintable(QString::number(paths.size())));
        for (const QString& path : paths) {
            QString error;
            const auto lesson = dl::loadLesson(path, &error);
            QVERIFY2(lesson, qPrintable(error));
            QVERIFY(!lesson->title.en.isEmpty() && !lesson->title.zhCN.isEmpty());
            QVERIFY2(lesson->steps.size() >= 3 && lesson->steps.size() <= 9, qPrintable(path));
            for (const dl::LessonStep& s : lesson->steps) {
                QVERIFY(!s.narration.en.isEmpty() && !s.narration.zhCN.isEmpty());
                // The Chinese narration is written in Chinese, not copied English.
                QVERIFY2(s.narration.zhCN != s.narration.en, qPrintable(s.narration.en));
                if (!s.modelPath.isEmpty()) QVERIFY2(QFile::exists(s.modelPath), qPrintable(s.modelPath));
                // No combining accents (x̂₀, ε̂): in the lesson bar's wrapped label the hat of "x̂₀" was drawn
                // a line up, between two other words ("DDIM with theˆsame"), and x₀ lost it.
                for (const QString& narration : {s.narration.en, s.narration.zhCN})
                    for (const QChar c : narration)
                        QVERIFY2(c.unicode() < 0x0300 || c.unicode() > 0x036F,
                                 qPrintable(QStringLiteral("%1: U+%2 in \"%3\"")
                                                .arg(path)
                                                .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                                                .arg(narration)));
            }
        }
    }

    // A step whose schedule the editor warns about shows a warning row beside the narration. The cosine
    // lesson praised cosine under a warning it never mentioned; now each such step's lesson says what the
    // warning is about, in the step itself or one before it.
    void lessonsExplainTheWarningsTheyShow() {
        for (const QString& path : dl::builtInLessonPaths()) {
            QString error;
            const auto lesson = dl::loadLesson(path, &error);
            QVERIFY2(lesson, qPrintable(error));
            bool explained = false;
            for (const dl::LessonStep& s : lesson->steps) {
                explained = explained || s.narration.en.contains(QStringLiteral("warn"));
                const auto warnings = dl::diagnoseSchedule(dl::Schedule(s.schedule));
                if (warnings.empty()) continue;
                QVERIFY2(explained || s.narration.en.contains(QStringLiteral("warn")),
                         qPrintable(QStringLiteral("%1: \"%2\" under the warning \"%3\"")
                                        .arg(path, s.narration.en,
                                             QString::fromStdString(warnings.front().message))));
            }
        }
    }

    void stepsCarryOverWhatTheyDoNotSet() {
        const QJsonArray steps{
            step(parse(R"({"data": {"kind": "builtin", "shape": "spiral", "points": 500, "seed": 7},
                           "schedule": {"beta_schedule": "squaredcos_cap_v2", "num_train_timesteps": 300},
                           "view": {"t": 20}, "overlays": {"density": true}, "explain": true,
                           "schedule_plots": true, "schedule_checks": true})")),
            step(parse(R"({"view": {"t": "T", "play": true}})")),
            step(parse(R"({"schedule": {"num_train_timesteps": 100}, "view": {"mode": "reverse"},
                           "sampler": {"denoiser": "exact", "kind": "ddim", "steps": 10, "eta": 0.5}})"))};
        QString error;
        const auto lesson = dl::lessonFromJson(minimalLesson(steps), QStringLiteral("/lessons"), &error);
        QVERIFY2(lesson, qPrintable(error));
        QCOMPARE(lesson->steps.size(), std::size_t(3));
        const dl::LessonStep& second = lesson->steps[1];
        QCOMPARE(second.data.shape, QStringLiteral("spiral"));
        QCOMPARE(second.data.points, 500);
        QCOMPARE(second.data.seed, std::uint64_t(7));
        QCOMPARE(second.schedule.kind, dl::ScheduleKind::Cosine);
        QCOMPARE(second.t, 300);  // "T" is the schedule's last step
        QVERIFY(second.play && second.overlays.density && second.explain && second.schedulePlots &&
                second.scheduleChecks);
        const dl::LessonStep& third = lesson->steps[2];
        QCOMPARE(third.schedule.T, 100);
        QCOMPARE(third.schedule.kind, dl::ScheduleKind::Cosine);
        QVERIFY(!third.play);  // playback is not inherited
        QVERIFY(third.reverse && !third.learned);
        QCOMPARE(third.sampler.kind, dl::SamplerKind::Ddim);
        QCOMPARE(third.sampler.steps, 10);
        QCOMPARE(third.sampler.eta, 0.5);
        QCOMPARE(lesson->steps[0].t, 20);
    }

    void modelPathsResolveAgainstTheLessonFolder() {
        const QJsonArray steps{step(parse(R"({"model": "models/m.dlmodel"})")),
                               step(parse(R"({"model": null})"))};
        QString error;
        const auto lesson = dl::lessonFromJson(minimalLesson(steps), QStringLiteral("/tmp/course"), &error);
        QVERIFY2(lesson, qPrintable(error));
        QCOMPARE(lesson->steps[0].modelPath, QStringLiteral("/tmp/course/models/m.dlmodel"));
        QVERIFY(lesson->steps[1].modelPath.isEmpty());
    }

    void localeChoosesTheLanguage() {
        const dl::LessonText t{QStringLiteral("Noise"), QStringLiteral("噪声")};
        QCOMPARE(t.text(QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("噪声"));
        QCOMPARE(t.text(QLocale(QLocale::English, QLocale::UnitedKingdom)), QStringLiteral("Noise"));
    }

    void badLessons_data() {
        QTest::addColumn<QByteArray>("stepJson");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << QByteArray(R"({"shedule": {}})") << "step 1: unknown key \"shedule\"";
        QTest::newRow("unknown shape")
            << QByteArray(R"({"data": {"shape": "donut"}})") << "unknown data shape \"donut\"";
        QTest::newRow("t beyond T") << QByteArray(R"({"view": {"t": 151}})")
                                    << "\"t\" is 151, but the schedule has only T = 150";
        QTest::newRow("bad mode") << QByteArray(R"({"view": {"mode": "sideways"}})")
                                  << "view \"mode\" must be forward or reverse";
        QTest::newRow("learned reverse without model")
            << QByteArray(R"({"view": {"mode": "reverse"}})") << "needs a \"model\"";
        QTest::newRow("learned overlay without model")
            << QByteArray(R"({"overlays": {"learned_arrows": true}})")
            << "the learned field overlay needs a \"model\"";
        QTest::newRow("bad sampler") << QByteArray(R"({"sampler": {"kind": "euler"}})")
                                     << "sampler \"kind\" must be";
        QTest::newRow("eta out of range")
            << QByteArray(R"({"sampler": {"eta": 2}})") << "\"eta\" must be a number from 0 to 1";
        QTest::newRow("invalid schedule") << QByteArray(R"({"schedule": {"beta_end": 1.5}})") << "beta_end";
        QTest::newRow("fractional points")
            << QByteArray(R"({"data": {"points": 10.5}})") << "\"points\" must be a whole number";
        // Found by fuzz_lessonfile: a number beyond long long's range was converted to it (undefined
        // behaviour, UBSan stopped) before the range was checked.
        QTest::newRow("points beyond any integer")
            << QByteArray(R"({"data": {"points": 8.8e37}})") << "\"points\" must be a whole number";
        QTest::newRow("negative huge t") << QByteArray(R"({"view": {"t": -1e300}})") << "\"t\"";
        QTest::newRow("fractional seed")
            << QByteArray(R"({"data": {"seed": 2.5}})") << "\"seed\" must be a non-negative whole number";
        QTest::newRow("model not a name") << QByteArray(R"({"model": 3})") << "\"model\" must be a file name";
    }

    void badLessons() {
        QFETCH(QByteArray, stepJson);
        QFETCH(QString, expected);
        const QJsonArray steps{step(QJsonDocument::fromJson(stepJson).object())};
        QString error;
        QVERIFY(!dl::lessonFromJson(minimalLesson(steps), QStringLiteral("."), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    }

    void badLessonShapes() {
        QString error;
        QJsonObject noZh = minimalLesson({step({})});
        noZh.insert(QStringLiteral("title"),
                    QJsonObject{{QStringLiteral("en"), QStringLiteral("Only English")}});
        QVERIFY(!dl::lessonFromJson(noZh, QStringLiteral("."), &error));
        QVERIFY2(error.contains(QStringLiteral("\"title\" needs a non-empty \"en\" and \"zh_CN\"")),
                 qPrintable(error));

        QVERIFY(!dl::lessonFromJson(minimalLesson({}), QStringLiteral("."), &error));
        QVERIFY2(error.contains(QStringLiteral("at least one step")), qPrintable(error));

        QJsonObject session = minimalLesson({step({})});
        session.insert(QStringLiteral("format"), QStringLiteral("diffusion-lab-session"));
        QVERIFY(!dl::lessonFromJson(session, QStringLiteral("."), &error));
        QVERIFY2(error.contains(QStringLiteral("not a lesson")), qPrintable(error));

        QJsonObject newer = minimalLesson({step({})});
        newer.insert(QStringLiteral("version"), 99);
        QVERIFY(!dl::lessonFromJson(newer, QStringLiteral("."), &error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));

        QJsonArray noNarration{QJsonObject{}};
        QVERIFY(!dl::lessonFromJson(minimalLesson(noNarration), QStringLiteral("."), &error));
        QVERIFY2(error.startsWith(QStringLiteral("step 1: \"narration\"")), qPrintable(error));
    }

    void badFilesNameTheFile() {
        QTemporaryDir dir;
        const QString notJson = dir.filePath(QStringLiteral("broken.json"));
        QFile f(notJson);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"format\": ");
        f.close();
        QString error;
        QVERIFY(!dl::loadLesson(notJson, &error));
        QVERIFY2(error.contains(notJson) && error.contains(QStringLiteral("not JSON")), qPrintable(error));
        QVERIFY(!dl::loadLesson(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot read")), qPrintable(error));
        QVERIFY(!dl::loadLesson(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
    }

    void sessionReadsAsOneStep() {
        const QJsonObject session = parse(R"({"format": "diffusion-lab-session", "version": 2,
            "data": {"kind": "builtin", "shape": "circles", "points": 1200, "seed": "5", "image_size": 16},
            "schedule": {"beta_schedule": "linear", "num_train_timesteps": 80, "beta_start": 0.001, "beta_end": 0.1},
            "view": {"t": 30, "mode": "forward", "speed": 25, "noise_seed": "99"}})");
        QString error;
        const auto s = dl::sessionAsLessonStep(session, QStringLiteral("."), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->data.shape, QStringLiteral("circles"));
        QCOMPARE(s->data.points, 1200);
        QCOMPARE(s->data.seed, std::uint64_t(5));
        QCOMPARE(s->schedule.T, 80);
        QCOMPARE(s->t, 30);
        QCOMPARE(s->noiseSeed, std::uint64_t(99));
        QVERIFY(!s->reverse);

        QJsonObject glyphs = session;
        glyphs.insert(QStringLiteral("data"), parse(R"({"kind": "glyphs"})"));
        QVERIFY(!dl::sessionAsLessonStep(glyphs, QStringLiteral("."), &error));
        QVERIFY2(error.contains(QStringLiteral("glyphs")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLessonFile)
#include "tst_lessonfile.moc"
