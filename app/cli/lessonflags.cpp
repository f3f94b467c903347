#include "lessonflags.h"

#include <QFileInfo>
#include <cstdio>

#include "core/io/lessonfile.h"
#include "core/math/error.h"

namespace dlcli {

namespace {

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

/// A file as given, else a built-in lesson of that name (with or without ".json").
QString lessonPath(const std::string& given) {
    const QString path = QString::fromStdString(given);
    if (QFileInfo::exists(path)) return path;
    for (const QString& builtIn : dl::builtInLessonPaths()) {
        const QFileInfo info(builtIn);
        if (info.fileName() == path || info.completeBaseName() == path) return builtIn;
    }
    return path;  // reading it names the missing file
}

void addData(const dl::LessonData& data, CommandArgs& out) {
    if (data.kind == QLatin1String("builtin"))
        out.insert(out.end(), {"--dataset", data.shape.toStdString()});
    else if (data.kind == QLatin1String("text"))
        out.insert(out.end(), {"--text", data.text.toStdString()});
    else if (data.kind == QLatin1String("csv"))
        out.insert(out.end(), {"--csv", data.path.toStdString()});
    else
        out.insert(out.end(), {"--image", data.path.toStdString(), "--image-mode", "shape"});
    if (data.kind != QLatin1String("csv")) out.insert(out.end(), {"--n", std::to_string(data.points)});
}

void addSchedule(const dl::ScheduleParams& p, CommandArgs& out) {
    if (p.kind == dl::ScheduleKind::Custom)
        throw dl::Error("a custom (drawn) schedule cannot be rendered from the command line yet");
    out.insert(out.end(),
               {"--schedule", std::string(dl::scheduleKindName(p.kind)), "--T", std::to_string(p.T),
                "--beta-start", number(p.betaStart), "--beta-end", number(p.betaEnd)});
    if (p.zeroTerminalSnr) out.push_back("--zero-snr");
}

CommandArgs stepFlags(const dl::LessonStep& step) {
    CommandArgs out;
    const bool learnedField = step.overlays.learnedArrows && !step.reverse;
    const bool useModel = (step.reverse && step.learned) || learnedField;
    if (useModel) {
        // The model brings its own data (its reference rows) and is sampled with its own schedule; the
        // step's schedule still draws the forward view, as in the window.
        out.insert(out.end(), {"--model", step.modelPath.toStdString()});
    } else {
        addData(step.data, out);
    }
    addSchedule(step.schedule, out);
    out.insert(out.end(), {"--seed", std::to_string(step.data.seed)});
    if (step.reverse) {
        out.insert(
            out.end(),
            {"--what", "reverse", "--sampler", std::string(dl::samplerKindName(step.sampler.kind)), "--steps",
             std::to_string(step.sampler.steps), "--samples", std::to_string(step.samplePoints)});
        if (step.sampler.kind == dl::SamplerKind::Ddim)
            out.insert(out.end(), {"--eta", number(step.sampler.eta)});
    } else {
        const std::string t = std::to_string(step.t);
        out.insert(out.end(), {"--what", "forward", "--t-first", t, "--t-last", t});
        if (step.overlays.density) out.push_back("--density");
    }
    if (step.overlays.learnedArrows || step.overlays.exactArrows) out.push_back("--arrows");
    return out;
}

}  // namespace

CommandArgs lessonRenderFlags(const ParsedArgs& args) {
    if (args.has("lesson") && args.has("session"))
        throw UsageError("--session: give either --lesson or --session, not both");
    if (args.has("session")) {
        if (args.has("step")) throw UsageError("--step: only applies with --lesson");
        QString error;
        const auto step =
            dl::loadSessionAsLessonStep(QString::fromStdString(args.requiredText("session")), &error);
        if (!step) throw dl::Error(error.toStdString());
        return stepFlags(*step);
    }
    QString error;
    const auto lesson = dl::loadLesson(lessonPath(args.requiredText("lesson")), &error);
    if (!lesson) throw dl::Error(error.toStdString());
    const int count = static_cast<int>(lesson->steps.size());
    const int k = args.intValue("step", 1, 1, 1'000'000);
    if (k > count)
        throw UsageError("--step: the lesson has " + std::to_string(count) + " steps, got " +
                         std::to_string(k));
    return stepFlags(lesson->steps[static_cast<std::size_t>(k - 1)]);
}

}  // namespace dlcli
