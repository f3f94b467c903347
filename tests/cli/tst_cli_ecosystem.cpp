// The ecosystem flags of the real CLI: `schedule --from-diffusers` reads Stable Diffusion 1.5's
// scheduler config and names the fields it does not use, `--export-diffusers` writes a config that
// reads back to the same ᾱ_T, a broken file is one line and status 1, and
// `train --export-safetensors` writes a file with the safetensors header, and `train --from-diffusers` trains
// with a diffusers schedule.
#include <QFile>
#include <QTemporaryDir>

#include "cliprocess.h"

namespace {

constexpr const char* kStableDiffusion15 = R"({"_class_name": "PNDMScheduler", "beta_end": 0.012,
  "beta_schedule": "scaled_linear", "beta_start": 0.00085, "num_train_timesteps": 1000,
  "set_alpha_to_one": false, "skip_prk_steps": true, "steps_offset": 1, "trained_betas": null,
  "clip_sample": false})";

QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(text);
    return path;
}

/// "alpha_bar_T = …" of the schedule table.
QByteArray alphaBarLine(const QByteArray& out) {
    for (const QByteArray& line : out.split('\n'))
        if (line.startsWith("alpha_bar_T")) return line;
    return {};
}

}  // namespace

class TestCliEcosystem : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fromDiffusers();
    void badDiffusersFile();
    void exportSafetensors();
    void trainOnADiffusersSchedule();
};

void TestCliEcosystem::fromDiffusers() {
    QTemporaryDir dir;
    const QString config = writeText(dir, QStringLiteral("scheduler_config.json"), kStableDiffusion15);
    const QString exported = dir.filePath(QStringLiteral("exported.json"));
    const CliRun run = runCli({QStringLiteral("schedule"), QStringLiteral("--from-diffusers"), config,
                               QStringLiteral("--export-diffusers"), exported});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.startsWith("scaled_linear schedule, T = 1000, beta 0.00085 .. 0.012"),
             run.out.left(200).constData());
    QVERIFY(run.err.contains("'set_alpha_to_one' is not used"));
    QVERIFY(run.err.contains("'skip_prk_steps' is not used"));
    const CliRun again = runCli({QStringLiteral("schedule"), QStringLiteral("--from-diffusers"), exported});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY(!alphaBarLine(run.out).isEmpty());
    QCOMPARE(alphaBarLine(again.out), alphaBarLine(run.out));
    QVERIFY2(again.err.isEmpty(), again.err.constData());
    // The two ways of giving a schedule do not mix.
    QCOMPARE(runCli({QStringLiteral("schedule"), QStringLiteral("--from-diffusers"), config,
                     QStringLiteral("--T"), QStringLiteral("10")})
                 .exitCode,
             2);
    // From the flags, the config says how `sample` samples: linspace, and no clip to ±1 (diffusers'
    // defaults, leading and clip_sample true, are not what this program does).
    const QString own = dir.filePath(QStringLiteral("own.json"));
    QCOMPARE(runCli({QStringLiteral("schedule"), QStringLiteral("--export-diffusers"), own}).exitCode, 0);
    QFile ownFile(own);
    QVERIFY(ownFile.open(QIODevice::ReadOnly));
    const QByteArray written = ownFile.readAll();
    QVERIFY2(
        written.contains(R"("timestep_spacing": "linspace")") && written.contains(R"("clip_sample": false)"),
        written.constData());
}

void TestCliEcosystem::badDiffusersFile() {
    QTemporaryDir dir;
    const QString config = writeText(dir, QStringLiteral("bad.json"), "{\"beta_schedule\": \"karras\"}");
    const CliRun run = runCli({QStringLiteral("schedule"), QStringLiteral("--from-diffusers"), config});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("beta_schedule") && run.err.trimmed().count('\n') == 0, run.err.constData());
}

void TestCliEcosystem::exportSafetensors() {
    QTemporaryDir dir;
    const QString weights = dir.filePath(QStringLiteral("moons.safetensors"));
    const CliRun run =
        runCli({QStringLiteral("train"), QStringLiteral("--dataset"), QStringLiteral("moons"),
                QStringLiteral("--n"), QStringLiteral("500"), QStringLiteral("--steps"), QStringLiteral("5"),
                QStringLiteral("--quality-samples"), QStringLiteral("0"), QStringLiteral("--out"),
                dir.filePath(QStringLiteral("m.dlmodel")), QStringLiteral("--export-safetensors"), weights});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile f(weights);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.size() > 8);
    quint64 n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes[i]);
    QVERIFY(n % 8 == 0 && static_cast<qint64>(8 + n) < bytes.size());
    QVERIFY(bytes.mid(8, static_cast<int>(n))
                .contains("\"input.weight\":{\"dtype\":\"F32\",\"shape\":[128,384]"));
    // The map back to the data and the schedule, for samples in the data's coordinates.
    QVERIFY(bytes.mid(8, static_cast<int>(n)).contains("\"data_offset\":"));
    QVERIFY(bytes.mid(8, static_cast<int>(n)).contains("\"scheduler_config\":"));
    // 99,074 float32 parameters after the header.
    QCOMPARE(bytes.size() - 8 - static_cast<qint64>(n), qint64(99074) * 4);
}

// "train --from-diffusers" was refused as an unknown option: only `schedule` read the file. Every command
// that takes the schedule flags now takes the file instead of them.
void TestCliEcosystem::trainOnADiffusersSchedule() {
    QTemporaryDir dir;
    const QString config = writeText(dir, QStringLiteral("scheduler_config.json"), kStableDiffusion15);
    const QString weights = dir.filePath(QStringLiteral("sd.safetensors"));
    const CliRun run =
        runCli({QStringLiteral("train"), QStringLiteral("--from-diffusers"), config, QStringLiteral("--n"),
                QStringLiteral("300"), QStringLiteral("--steps"), QStringLiteral("5"),
                QStringLiteral("--quality-samples"), QStringLiteral("0"), QStringLiteral("--out"),
                dir.filePath(QStringLiteral("m.dlmodel")), QStringLiteral("--export-safetensors"), weights});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("'set_alpha_to_one' is not used"));
    QFile f(weights);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    // The schedule trained with, as the file's scheduler_config says (a JSON string inside the header).
    QVERIFY2(bytes.contains(R"(\"beta_schedule\": \"scaled_linear\")") &&
                 bytes.contains(R"(\"num_train_timesteps\": 1000)"),
             bytes.left(1000).constData());
    QCOMPARE(runCli({QStringLiteral("train"), QStringLiteral("--from-diffusers"), config,
                     QStringLiteral("--schedule"), QStringLiteral("cosine")})
                 .exitCode,
             2);
    // A v-prediction config trained an ε network without a word: what train does not take is said.
    const QString vConfig = writeText(
        dir, QStringLiteral("v.json"),
        R"({"num_train_timesteps": 50, "prediction_type": "v_prediction", "timestep_spacing": "trailing"})");
    const CliRun vRun = runCli({QStringLiteral("train"), QStringLiteral("--from-diffusers"), vConfig,
                                QStringLiteral("--n"), QStringLiteral("300"), QStringLiteral("--steps"),
                                QStringLiteral("5"), QStringLiteral("--quality-samples"), QStringLiteral("0"),
                                QStringLiteral("--out"), dir.filePath(QStringLiteral("v.dlmodel"))});
    QVERIFY2(vRun.exitCode == 0, vRun.err.constData());
    QVERIFY2(vRun.err.contains("prediction_type 'v_prediction' is not used") &&
                 vRun.err.contains("timestep_spacing 'trailing' is not used"),
             vRun.err.constData());
}

QTEST_APPLESS_MAIN(TestCliEcosystem)
#include "tst_cli_ecosystem.moc"
