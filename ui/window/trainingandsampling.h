// Plugs live training and sampling into the main window: the Model & Train and Sampling docks, their
// worker controllers, the toolbar actions (Train, Pause, Stop, Sample), the field overlays and trails on
// the main view, a training summary in the status bar, a model file named by a session, and a clean end
// of every worker when the window closes.
//
//   auto live = std::make_unique<dlui::TrainingAndSampling>(window);  // LabWindow composes it
//   live->trainPanel()->train();
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

class QLabel;

namespace dlui {

class FieldOverlayPresenter;
class MainView;
class MainWindow;
class SamplingController;
class SamplingPanel;
class TrainPanel;
class TrainingController;

class TrainingAndSampling : public QObject {
    Q_OBJECT
public:
    /// Becomes a child of the window (LabWindow owns it); adds the docks and connects the window's actions.
    explicit TrainingAndSampling(MainWindow* window);
    /// Ends the workers (each joins its thread).
    ~TrainingAndSampling() override;

    TrainingController* trainingController() const { return mTraining; }
    SamplingController* samplingController() const { return mSampling; }
    TrainPanel* trainPanel() const { return mTrainPanel; }
    SamplingPanel* samplingPanel() const { return mSamplingPanel; }
    FieldOverlayPresenter* overlays() const { return mOverlays; }

    /// Stops training and sampling now and joins their threads (the window is closing).
    void shutdown();

    /// Finds the instance attached to a window (null when none).
    static TrainingAndSampling* of(const MainWindow* window);

private:
    void connectActions();
    /// Shares the left column between Data and Model & Train (on first start, and when another data
    /// source changes the height of Data's controls).
    void fitLeftColumn();
    void updateActions();
    void loadPendingModel();
    void onModelFileFailed(const QString& path, const QString& message, bool wrongDimension);
    /// The close question's Save model…: the file dialog, the save, then the close goes on.
    void saveModelThenClose();
    /// "Sampling… n %" in the status bar for a run that lasts (see the definition).
    void showSamplingProgress(quint64 run, int done, int total);

    MainWindow* mWindow;
    TrainingController* mTraining;
    SamplingController* mSampling;
    TrainPanel* mTrainPanel = nullptr;
    SamplingPanel* mSamplingPanel = nullptr;
    FieldOverlayPresenter* mOverlays = nullptr;
    QLabel* mStatus = nullptr;
    QString mPendingModelPath;  // a session's model file, loaded once matching data are there
    QPointer<MainView> mView;   // destroyed before this object when the window goes
    int mTrailsDecorator = 0;
    int mTrainingCaption = 0;         ///< the decorator that shows a run's step in presenter mode
    quint64 mProgressRun = 0;         // the sampling run the clock below is for
    QElapsedTimer mProgressRunClock;  // since its first progress
};

}  // namespace dlui
