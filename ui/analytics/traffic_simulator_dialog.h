#pragma once

#include "traffic_simulator.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableView;

namespace gh::engine {
class EmbeddedGateway;
}

namespace gh::entities {
class CheckListModel;
}

namespace gh::analytics {

// The APIs the simulator may call, one row each: a check box (included or not), how many operations it has and its
// relative weight, which the user edits in place.
class ApiMixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ApiColumn, OperationsColumn, WeightColumn, ColumnCount };
    static constexpr int maximumWeight = 100;

    explicit ApiMixModel(QObject *parent = nullptr);

    // Lists the workspace's current APIs; an API listed before keeps its check and weight.
    void setApis(const gw::model::Workspace &model);
    // Weight per API name, 0 for those not checked (TrafficSettings::apiWeights).
    QHash<QString, int> weights() const;
    bool hasCheckedApi() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row {
        QString name;
        QString displayName;
        int operations = 0;
        bool checked = true;
        int weight = 1;
    };
    QList<Row> m_rows;
};

// Sends made-up traffic to the embedded gateway so the dashboards move and rate limits can be tried: a rate, a
// duration, which APIs (weighted) and subscriptions, shares of bad keys and errors, and live counters of what came
// back. Not modal: the user watches the dashboards while it runs. Start is off while the gateway is not running.
class TrafficSimulatorDialog : public QDialog {
    Q_OBJECT
public:
    TrafficSimulatorDialog(workspace::WorkspaceDocument &document, engine::EmbeddedGateway &gateway,
                           QWidget *parent = nullptr);
    ~TrafficSimulatorDialog() override;

    TrafficSimulator &simulator() { return *m_simulator; }
    // The settings as the form shows them.
    TrafficSettings settingsFromForm() const;

public slots:
    void start();
    void stop();

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    QWidget *buildLoadGroup();
    QWidget *buildMixGroup();
    QWidget *buildCountersGroup();
    void refreshWorkspace();
    void refreshSubscriptions();
    void updateGatewayState();
    void updateRunning();
    void updateCounters();
    void rateSpinChanged(int rate);
    void rateSliderMoved(int position);
    void percentagesChanged();

    workspace::WorkspaceDocument &m_document;
    engine::EmbeddedGateway &m_gateway;
    TrafficSimulator *m_simulator;
    ApiMixModel *m_apiModel;
    entities::CheckListModel *m_subscriptionModel;
    QStringList m_uncheckedSubscriptions; // a new subscription starts checked

    QLabel *m_gatewayNote = nullptr;
    QSpinBox *m_rateSpin = nullptr;
    QSlider *m_rateSlider = nullptr;
    QCheckBox *m_stopAfterCheck = nullptr;
    QSpinBox *m_durationSpin = nullptr;
    QSpinBox *m_badKeySpin = nullptr;
    QSpinBox *m_errorSpin = nullptr;
    QCheckBox *m_bodiesCheck = nullptr;
    QTableView *m_apiTable = nullptr;
    QListView *m_subscriptionList = nullptr;
    QLabel *m_subscriptionNote = nullptr;
    QLabel *m_problemNote = nullptr;
    QPushButton *m_startButton = nullptr;

    QLabel *m_elapsedValue = nullptr;
    QLabel *m_sentValue = nullptr;
    QLabel *m_rateValue = nullptr;
    QLabel *m_successValue = nullptr;
    QLabel *m_redirectValue = nullptr;
    QLabel *m_clientErrorValue = nullptr;
    QLabel *m_serverErrorValue = nullptr;
    QLabel *m_failedValue = nullptr;
    QLabel *m_behindValue = nullptr;
};

} // namespace gh::analytics
