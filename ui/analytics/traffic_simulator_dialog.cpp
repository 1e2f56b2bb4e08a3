#include "traffic_simulator_dialog.h"

#include <ui/engine/embedded_gateway.h>
#include <ui/entities/check_list_model.h>
#include <ui/workspace/workspace_document.h>

#include <model/workspace.h>

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace gh::analytics {

namespace {

constexpr int kSliderSteps = 1000;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// The slider moves on a logarithmic scale, so 1–10 requests/s get as much travel as 200–2000.
int rateAt(int position)
{
    const double top = std::log(double(TrafficSettings::maximumRate));
    return std::clamp(int(std::lround(std::exp(top * position / kSliderSteps))), TrafficSettings::minimumRate,
                      TrafficSettings::maximumRate);
}

int positionOf(int rate)
{
    const double top = std::log(double(TrafficSettings::maximumRate));
    return int(std::lround(std::log(double(std::max(rate, 1))) / top * kSliderSteps));
}

QLabel *note(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *value(const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(QStringLiteral("0"));
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

// ApiMixModel

ApiMixModel::ApiMixModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ApiMixModel::setApis(const gw::model::Workspace &model)
{
    QList<Row> rows;
    for (const gw::model::Api &api : model.apis) {
        if (api.isRevisionFolder() || (api.isCurrent && !*api.isCurrent))
            continue;
        Row row;
        row.name = fromStd(api.name);
        row.displayName = api.displayName ? fromStd(*api.displayName) : row.name;
        row.operations = int(api.contract.operations.size());
        for (const Row &old : std::as_const(m_rows))
            if (old.name == row.name) {
                row.checked = old.checked;
                row.weight = old.weight;
            }
        rows.append(row);
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QHash<QString, int> ApiMixModel::weights() const
{
    QHash<QString, int> out;
    for (const Row &row : m_rows)
        out.insert(row.name, row.checked ? row.weight : 0);
    return out;
}

bool ApiMixModel::hasCheckedApi() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.checked; });
}

int ApiMixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApiMixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiMixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (index.column()) {
    case ApiColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return row.displayName;
        if (role == Qt::CheckStateRole)
            return row.checked ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("%1: include it in the traffic or leave it out.").arg(row.name);
        if (role == Qt::UserRole)
            return row.name;
        break;
    case OperationsColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return row.operations > 0 ? QString::number(row.operations) : tr("root only");
        if (role == Qt::ToolTipRole && row.operations == 0)
            return tr("The API has no operations in its specification: its root path is called.");
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case WeightColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::AccessibleTextRole)
            return row.weight;
        if (role == Qt::ToolTipRole)
            return tr("Relative share of the traffic: an API of weight 2 gets twice the requests of one of weight 1. "
                      "Double-click to change it.");
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ForegroundRole && !row.checked)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return {};
}

bool ApiMixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return false;
    Row &row = m_rows[index.row()];
    if (index.column() == ApiColumn && role == Qt::CheckStateRole) {
        row.checked = value.value<Qt::CheckState>() == Qt::Checked;
        emit dataChanged(index, this->index(index.row(), WeightColumn));
        return true;
    }
    if (index.column() == WeightColumn && role == Qt::EditRole) {
        bool ok = false;
        const int weight = value.toInt(&ok);
        if (!ok)
            return false;
        row.weight = std::clamp(weight, 1, maximumWeight);
        emit dataChanged(index, index);
        return true;
    }
    return false;
}

QVariant ApiMixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ApiColumn:
        return tr("API");
    case OperationsColumn:
        return tr("Operations");
    case WeightColumn:
        return tr("Weight");
    default:
        return {};
    }
}

Qt::ItemFlags ApiMixModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == ApiColumn)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == WeightColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

// TrafficSimulatorDialog

TrafficSimulatorDialog::TrafficSimulatorDialog(workspace::WorkspaceDocument &document, engine::EmbeddedGateway &gateway,
                                               QWidget *parent)
    : QDialog(parent), m_document(document), m_gateway(gateway), m_simulator(new TrafficSimulator(document, this)),
      m_apiModel(new ApiMixModel(this)), m_subscriptionModel(new entities::CheckListModel(this))
{
    setObjectName(QStringLiteral("trafficSimulatorDialog"));
    setWindowTitle(tr("Simulate Traffic"));
    setAccessibleName(tr("Traffic simulator"));
    setModal(false);

    m_gatewayNote = new QLabel;
    m_gatewayNote->setObjectName(QStringLiteral("gatewayNote"));
    m_gatewayNote->setWordWrap(true);
    m_gatewayNote->setAccessibleName(tr("Gateway state"));

    auto *top = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(buildLoadGroup());
    left->addWidget(buildCountersGroup());
    left->addStretch(1);
    top->addLayout(left);
    top->addWidget(buildMixGroup(), 1);

    m_problemNote = note(QStringLiteral("problemNote"));
    m_problemNote->hide();

    auto *buttons = new QDialogButtonBox;
    m_startButton = buttons->addButton(tr("&Start"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setDefault(true);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setToolTip(tr("Stops the traffic and closes the simulator."));
    connect(buttons, &QDialogButtonBox::rejected, this, &TrafficSimulatorDialog::reject);
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_simulator->isRunning())
            stop();
        else
            start();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_gatewayNote);
    layout->addLayout(top, 1);
    layout->addWidget(m_problemNote);
    layout->addWidget(buttons);

    setTabOrder(m_rateSpin, m_rateSlider);
    setTabOrder(m_rateSlider, m_stopAfterCheck);
    setTabOrder(m_stopAfterCheck, m_durationSpin);
    setTabOrder(m_durationSpin, m_badKeySpin);
    setTabOrder(m_badKeySpin, m_errorSpin);
    setTabOrder(m_errorSpin, m_bodiesCheck);
    setTabOrder(m_bodiesCheck, m_apiTable);
    setTabOrder(m_apiTable, m_subscriptionList);
    setTabOrder(m_subscriptionList, m_startButton);
    setTabOrder(m_startButton, close);

    connect(m_simulator, &TrafficSimulator::countersUpdated, this, &TrafficSimulatorDialog::updateCounters);
    connect(m_simulator, &TrafficSimulator::runningChanged, this, &TrafficSimulatorDialog::updateRunning);
    connect(&m_gateway, &engine::EmbeddedGateway::stateChanged, this, &TrafficSimulatorDialog::updateGatewayState);
    connect(&m_document, &workspace::WorkspaceDocument::modelChanged, this, &TrafficSimulatorDialog::refreshWorkspace);
    connect(&m_document, &workspace::WorkspaceDocument::workspaceOpened, this,
            &TrafficSimulatorDialog::refreshWorkspace);
    connect(m_apiModel, &QAbstractItemModel::dataChanged, this, &TrafficSimulatorDialog::updateGatewayState);

    refreshWorkspace();
    updateGatewayState();
    updateCounters();
    resize(sizeHint().expandedTo(QSize(760, 460)));
}

TrafficSimulatorDialog::~TrafficSimulatorDialog() = default;

QWidget *TrafficSimulatorDialog::buildLoadGroup()
{
    auto *group = new QGroupBox(tr("Load"));
    group->setObjectName(QStringLiteral("loadGroup"));

    m_rateSpin = new QSpinBox;
    m_rateSpin->setObjectName(QStringLiteral("rateSpin"));
    m_rateSpin->setAccessibleName(tr("Requests per second"));
    m_rateSpin->setRange(TrafficSettings::minimumRate, TrafficSettings::maximumRate);
    m_rateSpin->setSuffix(tr(" requests/s"));
    m_rateSpin->setValue(20);
    m_rateSpin->setToolTip(tr("How many requests to send each second. Six connections carry them, so very high "
                              "rates may not be reached: the achieved rate below says what was."));
    m_rateSlider = new QSlider(Qt::Horizontal);
    m_rateSlider->setObjectName(QStringLiteral("rateSlider"));
    m_rateSlider->setAccessibleName(tr("Requests per second, on a logarithmic scale"));
    m_rateSlider->setRange(0, kSliderSteps);
    m_rateSlider->setPageStep(kSliderSteps / 10);
    m_rateSlider->setValue(positionOf(m_rateSpin->value()));
    m_rateSlider->setMinimumWidth(160);
    connect(m_rateSpin, &QSpinBox::valueChanged, this, &TrafficSimulatorDialog::rateSpinChanged);
    connect(m_rateSlider, &QSlider::valueChanged, this, &TrafficSimulatorDialog::rateSliderMoved);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rateSpin);
    rateRow->addWidget(m_rateSlider, 1);

    m_stopAfterCheck = new QCheckBox(tr("Stop after"));
    m_stopAfterCheck->setObjectName(QStringLiteral("stopAfterCheck"));
    m_stopAfterCheck->setAccessibleName(tr("Stop after a number of seconds"));
    m_stopAfterCheck->setToolTip(tr("Unchecked, the traffic runs until you press Stop."));
    m_durationSpin = new QSpinBox;
    m_durationSpin->setObjectName(QStringLiteral("durationSpin"));
    m_durationSpin->setAccessibleName(tr("Duration in seconds"));
    m_durationSpin->setRange(1, 24 * 3600);
    m_durationSpin->setValue(60);
    m_durationSpin->setSuffix(tr(" s"));
    m_durationSpin->setEnabled(false);
    connect(m_stopAfterCheck, &QCheckBox::toggled, m_durationSpin, &QWidget::setEnabled);
    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_stopAfterCheck);
    durationRow->addWidget(m_durationSpin);
    durationRow->addStretch(1);

    m_badKeySpin = new QSpinBox;
    m_badKeySpin->setObjectName(QStringLiteral("badKeySpin"));
    m_badKeySpin->setAccessibleName(tr("Bad keys, percent of requests"));
    m_badKeySpin->setRange(0, 100);
    m_badKeySpin->setSuffix(tr(" %"));
    m_badKeySpin->setToolTip(tr("This share of the requests carries a made-up subscription key instead of a real "
                                "one, so the gateway answers 401 Unauthorized."));
    m_errorSpin = new QSpinBox;
    m_errorSpin->setObjectName(QStringLiteral("errorSpin"));
    m_errorSpin->setAccessibleName(tr("Errors, percent of requests"));
    m_errorSpin->setRange(0, 100);
    m_errorSpin->setSuffix(tr(" %"));
    m_errorSpin->setToolTip(tr("This share of the requests asks for a path no operation has, or uses a method the "
                               "operation does not have, so the gateway answers 404 Not Found."));
    connect(m_badKeySpin, &QSpinBox::valueChanged, this, &TrafficSimulatorDialog::percentagesChanged);
    connect(m_errorSpin, &QSpinBox::valueChanged, this, &TrafficSimulatorDialog::percentagesChanged);

    m_bodiesCheck = new QCheckBox(tr("Send request b&odies"));
    m_bodiesCheck->setObjectName(QStringLiteral("bodiesCheck"));
    m_bodiesCheck->setAccessibleName(tr("Send request bodies"));
    m_bodiesCheck->setChecked(true);
    m_bodiesCheck->setToolTip(tr("POST, PUT and PATCH requests carry the example of the operation's request, "
                                 "when its specification has one."));

    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *rateLabel = new QLabel(tr("&Rate:"));
    rateLabel->setBuddy(m_rateSpin);
    form->addRow(rateLabel, rateRow);
    auto *durationLabel = new QLabel(tr("&Duration:"));
    durationLabel->setBuddy(m_stopAfterCheck);
    form->addRow(durationLabel, durationRow);
    auto *badKeyLabel = new QLabel(tr("Bad &keys:"));
    badKeyLabel->setBuddy(m_badKeySpin);
    badKeyLabel->setToolTip(m_badKeySpin->toolTip());
    form->addRow(badKeyLabel, m_badKeySpin);
    auto *errorLabel = new QLabel(tr("&Errors:"));
    errorLabel->setBuddy(m_errorSpin);
    errorLabel->setToolTip(m_errorSpin->toolTip());
    form->addRow(errorLabel, m_errorSpin);
    form->addRow(QString(), m_bodiesCheck);
    return group;
}

QWidget *TrafficSimulatorDialog::buildMixGroup()
{
    auto *group = new QGroupBox(tr("Mix"));
    group->setObjectName(QStringLiteral("mixGroup"));

    m_apiTable = new QTableView;
    m_apiTable->setObjectName(QStringLiteral("apiTable"));
    m_apiTable->setAccessibleName(tr("APIs to call, with their weights"));
    m_apiTable->setModel(m_apiModel);
    m_apiTable->verticalHeader()->hide();
    m_apiTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_apiTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_apiTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                QAbstractItemView::AnyKeyPressed);
    m_apiTable->horizontalHeader()->setSectionResizeMode(ApiMixModel::ApiColumn, QHeaderView::Stretch);
    m_apiTable->horizontalHeader()->setSectionResizeMode(ApiMixModel::OperationsColumn, QHeaderView::ResizeToContents);
    m_apiTable->horizontalHeader()->setSectionResizeMode(ApiMixModel::WeightColumn, QHeaderView::ResizeToContents);
    m_apiTable->setWordWrap(false);
    auto *apiLabel = new QLabel(tr("&APIs (GET operations get three times the share of the others):"));
    apiLabel->setWordWrap(true);
    apiLabel->setBuddy(m_apiTable);

    m_subscriptionList = new QListView;
    m_subscriptionList->setObjectName(QStringLiteral("subscriptionList"));
    m_subscriptionList->setAccessibleName(tr("Subscriptions whose keys are sent"));
    m_subscriptionList->setModel(m_subscriptionModel);
    m_subscriptionList->setToolTip(tr("Each request carries the key of one of the checked subscriptions that can "
                                      "call its API, chosen at random."));
    auto *subscriptionLabel = new QLabel(tr("Su&bscriptions whose keys are sent:"));
    subscriptionLabel->setWordWrap(true);
    subscriptionLabel->setBuddy(m_subscriptionList);
    m_subscriptionNote = note(QStringLiteral("subscriptionNote"));
    connect(m_subscriptionModel, &entities::CheckListModel::toggled, this, [this](const QString &id, bool checked) {
        if (checked)
            m_uncheckedSubscriptions.removeAll(id);
        else if (!m_uncheckedSubscriptions.contains(id))
            m_uncheckedSubscriptions.append(id);
    });

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(apiLabel);
    layout->addWidget(m_apiTable, 3);
    layout->addSpacing(6);
    layout->addWidget(subscriptionLabel);
    layout->addWidget(m_subscriptionList, 2);
    layout->addWidget(m_subscriptionNote);
    return group;
}

QWidget *TrafficSimulatorDialog::buildCountersGroup()
{
    auto *group = new QGroupBox(tr("Live"));
    group->setObjectName(QStringLiteral("countersGroup"));
    m_elapsedValue = value(QStringLiteral("elapsedValue"), tr("Elapsed time"));
    m_sentValue = value(QStringLiteral("sentValue"), tr("Requests sent"));
    m_rateValue = value(QStringLiteral("rateValue"), tr("Achieved rate"));
    m_successValue = value(QStringLiteral("successValue"), tr("2xx answers"));
    m_redirectValue = value(QStringLiteral("redirectValue"), tr("3xx answers"));
    m_clientErrorValue = value(QStringLiteral("clientErrorValue"), tr("4xx answers"));
    m_serverErrorValue = value(QStringLiteral("serverErrorValue"), tr("5xx answers"));
    m_failedValue = value(QStringLiteral("failedValue"), tr("Failed requests"));
    m_behindValue = value(QStringLiteral("behindValue"), tr("Requests behind"));
    m_clientErrorValue->setWordWrap(true);

    auto *form = new QFormLayout(group);
    form->addRow(tr("Elapsed:"), m_elapsedValue);
    form->addRow(tr("Sent:"), m_sentValue);
    form->addRow(tr("Achieved rate:"), m_rateValue);
    form->addRow(tr("2xx:"), m_successValue);
    form->addRow(tr("3xx:"), m_redirectValue);
    form->addRow(tr("4xx:"), m_clientErrorValue);
    form->addRow(tr("5xx:"), m_serverErrorValue);
    form->addRow(tr("Failed:"), m_failedValue);
    auto *behindLabel = new QLabel(tr("Behind:"));
    behindLabel->setToolTip(tr("Requests that were due but not sent because %1 were already waiting for an answer.")
                                .arg(TrafficSettings{}.maxInFlight));
    m_behindValue->setToolTip(behindLabel->toolTip());
    form->addRow(behindLabel, m_behindValue);
    m_failedValue->setToolTip(tr("Requests that got no HTTP answer: refused, reset or timed out."));
    return group;
}

TrafficSettings TrafficSimulatorDialog::settingsFromForm() const
{
    TrafficSettings settings = m_simulator->settings();
    settings.rate = m_rateSpin->value();
    settings.durationSeconds = m_stopAfterCheck->isChecked() ? m_durationSpin->value() : 0;
    settings.apiWeights = m_apiModel->weights();
    settings.subscriptions = m_subscriptionModel->checkedIds();
    settings.badKeyPercent = m_badKeySpin->value();
    settings.errorPercent = m_errorSpin->value();
    settings.sendBodies = m_bodiesCheck->isChecked();
    return settings;
}

void TrafficSimulatorDialog::start()
{
    if (m_gateway.state() != engine::EmbeddedGateway::State::Running)
        return;
    m_simulator->setSettings(settingsFromForm());
    m_simulator->setGatewayAddress(m_gateway.address());
    const bool started = m_simulator->start();
    m_problemNote->setText(started ? QString() : m_simulator->errorString());
    m_problemNote->setVisible(!started);
}

void TrafficSimulatorDialog::stop()
{
    m_simulator->stop();
}

void TrafficSimulatorDialog::closeEvent(QCloseEvent *event)
{
    m_simulator->stop();
    QDialog::closeEvent(event);
}

void TrafficSimulatorDialog::reject()
{
    m_simulator->stop();
    QDialog::reject();
}

void TrafficSimulatorDialog::refreshWorkspace()
{
    m_apiModel->setApis(m_document.model());
    refreshSubscriptions();
    updateGatewayState();
}

void TrafficSimulatorDialog::refreshSubscriptions()
{
    const QStringList usable = m_simulator->usableSubscriptions();
    QList<entities::CheckListModel::Item> items;
    for (const gw::model::Subscription &subscription : m_document.model().subscriptions) {
        const QString name = fromStd(subscription.name);
        if (!usable.contains(name))
            continue;
        entities::CheckListModel::Item item;
        item.id = name;
        item.text = subscription.displayName ? fromStd(*subscription.displayName) : name;
        item.toolTip = subscription.scope ? tr("%1, scope %2").arg(name, fromStd(*subscription.scope)) : name;
        item.checked = !m_uncheckedSubscriptions.contains(name);
        items.append(item);
    }
    m_subscriptionModel->setItems(items);
    const qsizetype left = m_document.model().subscriptions.size() - items.size();
    if (items.isEmpty())
        m_subscriptionNote->setText(tr("No active subscription has a key: every request goes without one, so APIs "
                                       "that need a subscription answer 401. Add a subscription with a key to send "
                                       "good traffic."));
    else if (left > 0)
        m_subscriptionNote->setText(
            tr("%n subscription(s) not listed: not active, or without a key.", nullptr, int(left)));
    else
        m_subscriptionNote->clear();
    m_subscriptionNote->setVisible(!m_subscriptionNote->text().isEmpty());
}

void TrafficSimulatorDialog::updateGatewayState()
{
    const bool running = m_gateway.state() == engine::EmbeddedGateway::State::Running;
    if (!running && m_simulator->isRunning())
        m_simulator->stop();
    if (running) {
        m_gatewayNote->setText(tr("Sends to the embedded gateway at %1.").arg(m_gateway.address()));
        m_gatewayNote->setForegroundRole(QPalette::PlaceholderText);
    } else {
        m_gatewayNote->setText(tr("The gateway is not running: start it (Gateway ▸ Start) to send traffic."));
        m_gatewayNote->setForegroundRole(QPalette::WindowText);
    }
    QFont font = m_gatewayNote->font();
    font.setBold(!running);
    m_gatewayNote->setFont(font);
    const bool hasApi = m_apiModel->hasCheckedApi();
    m_startButton->setEnabled(m_simulator->isRunning() || (running && hasApi));
    m_startButton->setToolTip(!running  ? tr("Start the gateway first.")
                              : !hasApi ? tr("Check at least one API to call.")
                                        : QString());
}

void TrafficSimulatorDialog::updateRunning()
{
    const bool running = m_simulator->isRunning();
    m_startButton->setText(running ? tr("S&top") : tr("&Start"));
    m_startButton->setAccessibleName(running ? tr("Stop the traffic") : tr("Start the traffic"));
    // The mix is fixed while traffic runs (the plan is made at start); the rate is too, so counters stay honest.
    for (QWidget *widget : {static_cast<QWidget *>(m_rateSpin), static_cast<QWidget *>(m_rateSlider),
                            static_cast<QWidget *>(m_stopAfterCheck), static_cast<QWidget *>(m_badKeySpin),
                            static_cast<QWidget *>(m_errorSpin), static_cast<QWidget *>(m_bodiesCheck),
                            static_cast<QWidget *>(m_apiTable), static_cast<QWidget *>(m_subscriptionList)})
        widget->setEnabled(!running);
    m_durationSpin->setEnabled(!running && m_stopAfterCheck->isChecked());
    updateGatewayState();
}

void TrafficSimulatorDialog::updateCounters()
{
    const TrafficCounters &counters = m_simulator->counters();
    const QLocale locale;
    const auto number = [&locale](quint64 n) { return locale.toString(n); };
    m_elapsedValue->setText(tr("%1 s").arg(locale.toString(double(counters.elapsedMs) / 1000.0, 'f', 1)));
    m_sentValue->setText(counters.inFlight > 0
                             ? tr("%1 (%2 waiting for an answer)").arg(number(counters.sent)).arg(counters.inFlight)
                             : number(counters.sent));
    m_rateValue->setText(tr("%1 requests/s (asked: %2)")
                             .arg(locale.toString(counters.achievedRate, 'f', 1))
                             .arg(m_simulator->settings().rate));
    m_successValue->setText(number(counters.success));
    m_redirectValue->setText(number(counters.redirect));
    // The 4xx line names its codes: 401 (bad keys), 404 (errors) and 429 (rate limits) are what users look for.
    QStringList codes;
    for (auto it = counters.statuses.cbegin(); it != counters.statuses.cend(); ++it)
        if (it.key() >= 400 && it.key() < 500)
            codes << tr("%1: %2").arg(it.key()).arg(number(it.value()));
    m_clientErrorValue->setText(codes.isEmpty()
                                    ? number(counters.clientError)
                                    : tr("%1 (%2)").arg(number(counters.clientError), codes.join(tr(", "))));
    m_serverErrorValue->setText(number(counters.serverError));
    m_failedValue->setText(number(counters.failed));
    m_behindValue->setText(number(counters.behind));
}

void TrafficSimulatorDialog::rateSpinChanged(int rate)
{
    const QSignalBlocker blocker(m_rateSlider);
    m_rateSlider->setValue(positionOf(rate));
}

void TrafficSimulatorDialog::rateSliderMoved(int position)
{
    const QSignalBlocker blocker(m_rateSpin);
    m_rateSpin->setValue(rateAt(position));
}

void TrafficSimulatorDialog::percentagesChanged()
{
    // Bad keys and errors are shares of the same requests: together they cannot pass 100 %.
    const QSignalBlocker badBlocker(m_badKeySpin);
    const QSignalBlocker errorBlocker(m_errorSpin);
    m_badKeySpin->setMaximum(100 - m_errorSpin->value());
    m_errorSpin->setMaximum(100 - m_badKeySpin->value());
}

} // namespace gh::analytics
