// Session files across format versions: a version-1 file (schedule keys kind/T/zero_terminal_snr) still
// opens with the same schedule and view, and what is written now is version 2 with diffusers' keys.
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <limits>

#include "ui/document/session.h"

class TestSessionFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionOneFileOpens() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.dlsession"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({
  "format": "diffusion-lab-session",
  "version": 1,
  "data": { "kind": "builtin", "shape": "spiral", "points": 3000, "seed": "7" },
  "schedule": { "kind": "cosine", "T": 300, "beta_start": 0.001, "beta_end": 0.2, "zero_terminal_snr": true },
  "view": { "t": 42, "mode": "reverse", "noise_seed": "99",
            "pinned_schedule": { "kind": "linear", "T": 100, "beta_start": 0.0001, "beta_end": 0.05 } }
})");
        file.close();
        QString error;
        const std::optional<dlui::Session> s = dlui::loadSession(path, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->source.shape, QStringLiteral("spiral"));
        QCOMPARE(s->source.count, 3000);
        QCOMPARE(s->schedule.kind, dl::ScheduleKind::Cosine);
        QCOMPARE(s->schedule.T, 300);
        QCOMPARE(s->schedule.betaEnd, 0.2);
        QCOMPARE(s->schedule.zeroTerminalSnr, true);
        QCOMPARE(s->view.t, 42);
        QCOMPARE(s->view.noiseSeed, std::uint64_t(99));
        QVERIFY(s->view.pinnedSchedule);
        QCOMPARE(s->view.pinnedSchedule->T, 100);
        QCOMPARE(s->view.pinnedSchedule->betaEnd, 0.05);

        // Saved again, it is the current version in the one schedule form, and reads back equal.
        const QString again = dir.filePath(QStringLiteral("new.dlsession"));
        QVERIFY2(dlui::saveSession(again, *s, &error), qPrintable(error));
        QFile saved(again);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(saved.readAll()).object();
        QCOMPARE(o.value("version").toInt(), dlui::kSessionFormatVersion);
        const QJsonObject schedule = o.value("schedule").toObject();
        QCOMPARE(schedule.value("num_train_timesteps").toInt(), 300);
        QCOMPARE(schedule.value("beta_schedule").toString(), QStringLiteral("squaredcos_cap_v2"));
        QCOMPARE(schedule.value("rescale_betas_zero_snr").toBool(), true);
        QVERIFY(!schedule.contains("kind") && !schedule.contains("T"));
        const std::optional<dlui::Session> back = dlui::loadSession(again, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, *s);
    }

    // A corrupt file was refused with Qt's parser words ("illegal value"); the message now says it is not
    // valid JSON and where, and a JSON array is told apart.
    void corruptFileSaysWhatIsWrong() {
        QTemporaryDir dir;
        const auto attempt = [&dir](const QByteArray& bytes) {
            const QString path = dir.filePath(QStringLiteral("bad.dlsession"));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly)) return QString();
            file.write(bytes);
            file.close();
            QString error;
            if (dlui::loadSession(path, &error)) return QStringLiteral("loaded");
            return error;
        };
        const QString garbled = attempt("{\"format\": \"diffusion-lab-session\", \"version\": 2,, }");
        QVERIFY2(
            garbled.contains(QStringLiteral("not valid JSON")) && garbled.contains(QStringLiteral("near")),
            qPrintable(garbled));
        QVERIFY2(!garbled.contains(QStringLiteral("illegal")), qPrintable(garbled));
        const QString array = attempt("[1, 2, 3]");
        QVERIFY2(array.contains(QStringLiteral("no JSON object")), qPrintable(array));
    }

    void newerVersionIsRefused() {
        QString error;
        QJsonObject o{{"format", "diffusion-lab-session"}, {"version", dlui::kSessionFormatVersion + 1}};
        QVERIFY(!dlui::sessionFromJson(o, &error));
        QVERIFY2(error.contains(QString::number(dlui::kSessionFormatVersion + 1)), qPrintable(error));
    }
    // A seed is kept exactly or not at all. A number no 64-bit integer holds (a fuzzed 2.2e70) was cast to
    // one, which is undefined behaviour; such a seed, a negative or a fractional one now keeps the default,
    // and whole numbers and digit strings still read back.
    void seedsThatAreNoSeedKeepTheDefault() {
        const dlui::Session defaults;
        const auto load = [](const QJsonValue& dataSeed, const QJsonValue& noiseSeed) {
            const QJsonObject o{{"format", "diffusion-lab-session"},
                                {"version", dlui::kSessionFormatVersion},
                                {"data", QJsonObject{{"kind", "builtin"}, {"seed", dataSeed}}},
                                {"view", QJsonObject{{"noise_seed", noiseSeed}}}};
            QString error;
            return dlui::sessionFromJson(o, &error);
        };
        for (const QJsonValue& bad : {QJsonValue(2.2e70), QJsonValue(-3.0), QJsonValue(2.5),
                                      QJsonValue(1.0e16), QJsonValue(QStringLiteral("seven"))}) {
            const std::optional<dlui::Session> s = load(bad, bad);
            QVERIFY(s);
            QCOMPARE(s->source.seed, defaults.source.seed);
            QCOMPARE(s->view.noiseSeed, defaults.view.noiseSeed);
        }
        const std::optional<dlui::Session> whole = load(QJsonValue(42.0), QJsonValue(9007199254740992.0));
        QVERIFY(whole);
        QCOMPARE(whole->source.seed, std::uint64_t(42));
        QCOMPARE(whole->view.noiseSeed, std::uint64_t(9007199254740992ULL));
        const std::optional<dlui::Session> text =
            load(QJsonValue(QStringLiteral("18446744073709551615")), QJsonValue(QStringLiteral("0")));
        QVERIFY(text);
        QCOMPARE(text->source.seed, std::numeric_limits<std::uint64_t>::max());
        QCOMPARE(text->view.noiseSeed, std::uint64_t(0));
    }
};

QTEST_MAIN(TestSessionFormat)
#include "tst_session_format.moc"
