#include "peerbench.h"

#include <QFileInfo>
#include <QProcess>
#include <QStringList>

namespace dlcli {
namespace {

constexpr int kImportTimeoutMs = 60'000;
constexpr int kRunTimeoutMs = 600'000;

// The interpreter that imports torch: the first of python3 on PATH and Debian's own /usr/bin/python3
// (a PATH python3 from pyenv or a virtualenv does not see Debian's python3-torch).
QString& python() {
    static QString chosen = QStringLiteral("python3");
    return chosen;
}

bool importsTorch(const QString& interpreter) {
    QProcess p;
    p.start(interpreter, {QStringLiteral("-c"), QStringLiteral("import torch, numpy, sklearn")});
    if (!p.waitForStarted()) return false;
    return p.waitForFinished(kImportTimeoutMs) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// The value of `key=` on any line of the peer's stdout, or nothing.
std::optional<QString> field(const QString& output, const QString& key) {
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        for (const QString& token : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (token.startsWith(key + QLatin1Char('='))) return token.mid(key.size() + 1).trimmed();
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> findPeerScript(const std::optional<std::string>& override) {
    if (override) {
        if (QFileInfo::exists(QString::fromStdString(*override))) return override;
        return std::nullopt;
    }
    const QString inTree = QStringLiteral(DL_SOURCE_DIR "/bench/peer/torch_ddpm2d.py");
    if (QFileInfo::exists(inTree)) return inTree.toStdString();
    return std::nullopt;
}

bool peerRuntimeAvailable(std::string& why) {
    for (const QString& candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
        if (importsTorch(candidate)) {
            python() = candidate;
            return true;
        }
    }
    why =
        "no python3 that imports torch, numpy and sklearn (apt-get install python3-torch python3-numpy "
        "python3-sklearn libopenblas0-openmp)";
    return false;
}

std::optional<PeerRun> runPeer(const std::string& script, int steps, int batch, int threads,
                               std::string& why) {
    QProcess p;
    p.start(python(), {QString::fromStdString(script), QStringLiteral("--steps"), QString::number(steps),
                       QStringLiteral("--batch"), QString::number(batch), QStringLiteral("--threads"),
                       QString::number(threads), QStringLiteral("--samples"), QStringLiteral("1"),
                       QStringLiteral("--seed"), QStringLiteral("0"), QStringLiteral("--quiet")});
    if (!p.waitForStarted() || !p.waitForFinished(kRunTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        why = "the peer did not finish";
        return std::nullopt;
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        why = "the peer failed: " + err.section(QLatin1Char('\n'), -1).toStdString();
        return std::nullopt;
    }
    const auto rate = field(out, QStringLiteral("train_steps_per_s"));
    bool ok = false;
    const double value = rate ? rate->toDouble(&ok) : 0.0;
    if (!ok || value <= 0.0) {
        why = "the peer printed no train_steps_per_s";
        return std::nullopt;
    }
    PeerRun run;
    run.stepsPerSecond = value;
    if (const auto cpu = field(out, QStringLiteral("train_steps_per_cpu_s")))
        run.stepsPerCpuSecond = cpu->toDouble();
    run.blas = field(out, QStringLiteral("blas")).value_or(QStringLiteral("unknown")).toStdString();
    return run;
}

}  // namespace dlcli
