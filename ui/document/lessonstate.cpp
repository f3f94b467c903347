#include "ui/document/lessonstate.h"

namespace dlui {

DataSource lessonDataSource(const dl::LessonData& data) {
    DataSource s;
    s.kind = dataSourceKindFromName(data.kind).value_or(DataSource::Kind::BuiltIn);
    s.shape = data.shape;
    s.text = data.text;
    if (!data.path.isEmpty()) s.paths = QStringList{data.path};
    s.count = data.points;
    s.seed = data.seed;
    return s;
}

Session lessonStepSession(const dl::LessonStep& step, const Session& base) {
    Session s = base;
    s.source = lessonDataSource(step.data);
    s.schedule = step.schedule;
    s.view.t = step.t;
    s.view.mode = ViewMode::Forward;
    s.view.noiseSeed = step.noiseSeed;
    s.view.pinnedSchedule.reset();
    s.modelPath.clear();
    return s;
}

}  // namespace dlui
