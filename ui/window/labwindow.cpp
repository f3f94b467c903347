#include "ui/window/labwindow.h"

#include "ui/compare/windowcompare.h"
#include "ui/explain/explainpanel.h"
#include "ui/i18n/languagemenu.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/window/densitycomparisondock.h"
#include "ui/window/diffusersschedulefiles.h"
#include "ui/window/lessonmenu.h"
#include "ui/window/modelweightsexport.h"
#include "ui/window/panelsettings.h"
#include "ui/window/trainingandsampling.h"
#include "ui/window/windowexport.h"
#include "ui/window/windowinput.h"

namespace dlui {

LabWindow::LabWindow(const Options& options, QWidget* parent)
    : MainWindow(options, parent),
      mLive(std::make_unique<TrainingAndSampling>(this)),
      mExport(std::make_unique<WindowExport>(this)),
      mInput(std::make_unique<WindowInput>(this)),
      mPanelSettings(std::make_unique<PanelSettings>(this, options)),
      mCompare(std::make_unique<WindowCompare>(this)),
      mLessons(std::make_unique<LessonMenu>(this, mLive.get())),
      mDiffusers(std::make_unique<DiffusersScheduleFiles>(this, [this] { return samplingSpacing(); })),
      mWeightsExport(std::make_unique<ModelWeightsExport>(this, [this] { return samplingSpacing(); })) {
    new LanguageMenu(viewMenu(), options.useSettings, this);  // View → Language
    if (auto* explain = findChild<ExplainPanel*>())
        connect(mCompare.get(), &WindowCompare::activeChanged, explain, &ExplainPanel::setComparing);
    addDensityComparisonDock(this);
    restoreLastSession();
}

LabWindow::~LabWindow() = default;

dl::TimestepSpacing LabWindow::samplingSpacing() const {
    return mLive->samplingPanel()->samplerParams().spacing;
}

}  // namespace dlui
