// The one JSON form of schedule parameters (core/io/qtschedulejson.h): diffusers' keys on writing, a
// lossless round trip for every kind, and the older session and export-sidecar forms still read.
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "core/io/qtschedulejson.h"

class TestScheduleJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesDiffusersKeys() {
        dl::ScheduleParams p;
        p.kind = dl::ScheduleKind::Cosine;
        p.T = 250;
        p.betaStart = 0.002;
        p.betaEnd = 0.05;
        p.zeroTerminalSnr = true;
        const QJsonObject o = dl::scheduleParamsToQJson(p);
        QCOMPARE(o.value("beta_schedule").toString(), QStringLiteral("squaredcos_cap_v2"));
        QCOMPARE(o.value("num_train_timesteps").toInt(), 250);
        QCOMPARE(o.value("beta_start").toDouble(), 0.002);
        QCOMPARE(o.value("beta_end").toDouble(), 0.05);
        QCOMPARE(o.value("rescale_betas_zero_snr").toBool(), true);
        for (const char* old : {"kind", "T", "zero_terminal_snr", "betaEnd"}) QVERIFY2(!o.contains(old), old);
    }

    void roundTripsEveryKind_data() {
        QTest::addColumn<int>("kind");
        for (dl::ScheduleKind k :
             {dl::ScheduleKind::Linear, dl::ScheduleKind::ScaledLinear, dl::ScheduleKind::Cosine,
              dl::ScheduleKind::Sigmoid, dl::ScheduleKind::Custom})
            QTest::newRow(dl::scheduleKindName(k).data()) << int(k);
    }
    void roundTripsEveryKind() {
        QFETCH(int, kind);
        dl::ScheduleParams p;
        p.kind = static_cast<dl::ScheduleKind>(kind);
        p.T = 4;
        p.betaStart = 0.0123456789012345;
        p.betaEnd = 0.2;
        if (p.kind == dl::ScheduleKind::Custom) {
            p.customBetas = {0.01, 0.02, 0.05, 0.1};
            p.customControlPoints = {{0.0, 0.01}, {1.0, 0.1}};
        }
        // Through text, as a file would.
        const QByteArray text = QJsonDocument(dl::scheduleParamsToQJson(p)).toJson();
        QString error;
        const auto back = dl::scheduleParamsFromQJson(QJsonDocument::fromJson(text).object(), {}, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, p);
    }

    void readsOldSessionKeys() {
        // A version-1 session's schedule object.
        const QJsonObject old{{"kind", "cosine"},          {"T", 300},
                              {"beta_start", 0.001},       {"beta_end", 0.3},
                              {"zero_terminal_snr", true}, {"betas", QJsonArray{0.1, 0.2}}};
        const auto p = dl::scheduleParamsFromQJson(old, {});
        QVERIFY(p);
        QCOMPARE(p->kind, dl::ScheduleKind::Cosine);
        QCOMPARE(p->T, 300);
        QCOMPARE(p->betaEnd, 0.3);
        QCOMPARE(p->zeroTerminalSnr, true);
        QCOMPARE(p->customBetas, (std::vector<double>{0.1, 0.2}));
    }

    void readsOldSidecarKeys() {
        // Built with append: QJsonArray{QJsonArray{…}} is a copy of the inner array under clang.
        QJsonArray controlPoints;
        controlPoints.append(QJsonArray{0.0, 0.1});
        const QJsonObject old{{"kind", "linear"},        {"T", 20},
                              {"betaStart", 0.004},      {"betaEnd", 0.4},
                              {"zeroTerminalSnr", true}, {"customControlPoints", controlPoints}};
        const auto p = dl::scheduleParamsFromQJson(old, {});
        QVERIFY(p);
        QCOMPARE(p->T, 20);
        QCOMPARE(p->betaStart, 0.004);
        QCOMPARE(p->betaEnd, 0.4);
        QCOMPARE(p->zeroTerminalSnr, true);
        QCOMPARE(int(p->customControlPoints.size()), 1);
    }

    void missingKeysKeepTheBase() {
        dl::ScheduleParams base;
        base.T = 77;
        base.betaEnd = 0.07;
        const auto p = dl::scheduleParamsFromQJson(QJsonObject{{"beta_start", 0.001}}, base);
        QVERIFY(p);
        QCOMPARE(p->T, 77);
        QCOMPARE(p->betaEnd, 0.07);
        QCOMPARE(p->betaStart, 0.001);
    }

    void badValuesNameTheKey() {
        QString error;
        QVERIFY(!dl::scheduleParamsFromQJson(QJsonObject{{"beta_end", "high"}}, {}, &error));
        QVERIFY2(error.contains("beta_end"), qPrintable(error));
        QVERIFY(!dl::scheduleParamsFromQJson(QJsonObject{{"beta_schedule", "wiggly"}}, {}, &error));
        QVERIFY2(error.contains("wiggly"), qPrintable(error));
    }
};

QTEST_MAIN(TestScheduleJson)
#include "tst_schedulejson.moc"
