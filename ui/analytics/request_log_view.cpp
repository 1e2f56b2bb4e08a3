#include "request_log_view.h"

#include "history_reader.h"

#include <ui/console/timeline_delegate.h>
#include <ui/console/trace_model.h>
#include <ui/engine/embedded_gateway.h>

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace gh::analytics {

using gw::telemetry::ExportFormat;
using gw::telemetry::RecordFilter;
using gw::telemetry::RequestRecord;
using gw::telemetry::StoredRecord;

namespace {

// How long typing has to pause before the search runs (a count over a million records is not free).
constexpr int kSearchPauseMs = 300;

enum DetailsPage { NothingSelectedPage, LoadingPage, RecordPage };
enum StackPage { TablePage, EmptyPage };
constexpr std::size_t kStatusField = 9; // in the order of the form's rows

QString orDash(const std::string &text)
{
    return text.empty() ? QStringLiteral("—") : QString::fromStdString(text);
}

QString millisecondsText(std::chrono::microseconds value)
{
    return RequestLogView::tr("%1 ms").arg(RequestLogModel::millisecondsText(value));
}

QString bytesText(std::uint64_t bytes)
{
    return RequestLogView::tr("%1 bytes").arg(QLocale().toString(static_cast<qulonglong>(bytes)));
}

bool narrowsSomething(const RecordFilter &filter)
{
    return filter.from || filter.to || !filter.api.empty() || !filter.operation.empty() || !filter.product.empty() ||
           !filter.subscription.empty() || filter.statusClass >= 0 || !filter.text.empty();
}

} // namespace

// One line of the details form: a read-only field, so its text can be selected and copied from the keyboard.
struct RequestLogView::Field {
    QLineEdit *value = nullptr;
};

RequestLogView::RequestLogView(HistoryReader &reader, engine::EmbeddedGateway *gateway, QWidget *parent)
    : QWidget(parent), m_reader(reader), m_gateway(gateway), m_model(new RequestLogModel(reader, this))
{
    setObjectName(QStringLiteral("requestLog"));
    setAccessibleName(tr("Request log"));

    // The bar above the table: search, count, the jump to new rows, export.
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("requestLogSearch"));
    m_search->setAccessibleName(tr("Search requests"));
    m_search->setPlaceholderText(tr("Search path, query, method, client, error or request id (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setObjectName(QStringLiteral("requestLogSearchLabel"));
    searchLabel->setBuddy(m_search);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("requestLogCount"));
    m_countLabel->setAccessibleName(tr("Request count"));

    m_newRowsButton = new QPushButton(this);
    m_newRowsButton->setObjectName(QStringLiteral("requestLogJumpToNewest"));
    m_newRowsButton->setAccessibleName(tr("Jump to the newest requests"));
    m_newRowsButton->setToolTip(tr("Scroll to the top, where new requests appear"));
    m_newRowsButton->hide();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("requestLogStatus"));
    m_statusLabel->setAccessibleName(tr("Export status"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_exportButton = new QPushButton(tr("E&xport…"), this);
    m_exportButton->setObjectName(QStringLiteral("requestLogExport"));
    m_exportButton->setAccessibleName(tr("Export the requests shown"));
    m_exportButton->setToolTip(tr("Write the requests the filter and search match to a CSV or JSON lines file"));

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_countLabel);
    bar->addWidget(m_newRowsButton);
    bar->addStretch();
    bar->addWidget(m_statusLabel);
    bar->addWidget(m_exportButton);

    // The table.
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("requestLogTable"));
    m_table->setAccessibleName(tr("Requests, newest first"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    // Uniform rows: the header then never asks for a row's size, whatever the row count.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = 18;
    const auto widthOf = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + padding; };
    header->resizeSection(RequestLogModel::TimeColumn, widthOf(QStringLiteral("2026-12-31 23:59:59.999")));
    header->resizeSection(RequestLogModel::MethodColumn, widthOf(QStringLiteral("DELETE")));
    header->resizeSection(RequestLogModel::UrlColumn, widthOf(QStringLiteral("/conference/sessions/12?page=1")));
    header->resizeSection(RequestLogModel::ApiColumn, widthOf(QStringLiteral("conference-api")));
    header->resizeSection(RequestLogModel::OperationColumn, widthOf(QStringLiteral("get-sessions")));
    header->resizeSection(RequestLogModel::SubscriptionColumn, widthOf(QStringLiteral("unlimited-demo")));
    header->resizeSection(RequestLogModel::StatusColumn, widthOf(QStringLiteral("Status")));
    header->resizeSection(RequestLogModel::LatencyColumn, widthOf(QStringLiteral("Latency (ms)")));
    header->resizeSection(RequestLogModel::BackendLatencyColumn, widthOf(QStringLiteral("Backend (ms)")));
    header->resizeSection(RequestLogModel::BytesInColumn, widthOf(QStringLiteral("Bytes in")));
    header->resizeSection(RequestLogModel::BytesOutColumn, widthOf(QStringLiteral("Bytes out")));

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("requestLogEmpty"));
    m_emptyLabel->setAccessibleName(tr("No requests"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(24);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("requestLogStack"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyLabel);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("requestLogSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(buildDetails());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_search, m_newRowsButton);
    setTabOrder(m_newRowsButton, m_exportButton);
    setTabOrder(m_exportButton, m_table);

    // Ctrl+F anywhere in the log goes to the search.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_searchPause.setSingleShot(true);
    m_searchPause.setInterval(kSearchPauseMs);
    connect(&m_searchPause, &QTimer::timeout, this, &RequestLogView::applySearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchPause.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchPause.isActive()) {
            m_searchPause.stop();
            applySearch();
        }
    });
    connect(m_exportButton, &QPushButton::clicked, this, &RequestLogView::chooseExportFile);
    connect(m_newRowsButton, &QPushButton::clicked, this, &RequestLogView::jumpToNewest);

    connect(m_model, &RequestLogModel::counted, this, [this] {
        updateCount();
        updateEmptyState();
    });
    connect(m_model, &RequestLogModel::stateChanged, this, [this] {
        updateCount();
        updateEmptyState();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_unseen = 0;
        updateNewRowsButton();
        updateCount();
        showDetails();
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { rowsAboutToBeInserted(first, last); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { rowsInserted(first, last); });
    connect(m_model, &RequestLogModel::pageLoaded, this, [this](int first, int last) {
        const int current = m_table->currentIndex().row();
        if (current >= first && current <= last)
            showDetails();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RequestLogView::showDetails);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_table->verticalScrollBar()->minimum() && m_unseen) {
            m_unseen = 0;
            updateNewRowsButton();
        }
    });

    updateCount();
    updateEmptyState();
    showDetails();
}

RequestLogView::~RequestLogView() = default;

void RequestLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_sized)
        return;
    m_sized = true;
    // The first time: the table as wide as its columns when the window allows, the details pane the rest.
    const int columns = m_table->horizontalHeader()->length() + m_table->verticalScrollBar()->sizeHint().width() +
                        2 * m_table->frameWidth();
    const int total = m_splitter->width() - m_splitter->handleWidth();
    // The details want a request id (a UUID) beside its label without cutting it; the table scrolls sideways
    // rather than the details being cut when the window is narrow.
    const QFontMetrics metrics = m_detailsStack->fontMetrics();
    const int detailsWanted = metrics.horizontalAdvance(tr("Backend latency:")) +
                              metrics.horizontalAdvance(QStringLiteral("bc5ac5a5-1700-4000-8000-000000000000")) + 48;
    const int details = std::min(std::max(detailsWanted, total - columns), total / 2);
    m_splitter->setSizes({total - details, details});
}

void RequestLogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // A theme switch: the status tint is chosen for the palette, so the details are filled again.
    if (event->type() == QEvent::PaletteChange && m_shownId) {
        m_shownId = 0;
        showDetails();
    }
}

QWidget *RequestLogView::buildDetails()
{
    m_detailsStack = new QStackedWidget(this);
    m_detailsStack->setObjectName(QStringLiteral("requestLogDetails"));
    m_detailsStack->setAccessibleName(tr("Request details"));

    auto *nothing = new QLabel(tr("Select a request to see its details."), m_detailsStack);
    nothing->setObjectName(QStringLiteral("requestLogDetailsNothing"));
    nothing->setAlignment(Qt::AlignCenter);
    nothing->setWordWrap(true);
    nothing->setMargin(16);
    nothing->setForegroundRole(QPalette::PlaceholderText);
    auto *loading = new QLabel(tr("Loading the request…"), m_detailsStack);
    loading->setObjectName(QStringLiteral("requestLogDetailsLoading"));
    loading->setAlignment(Qt::AlignCenter);
    loading->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("requestLogDetailsContent"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setVerticalSpacing(4);
    const struct {
        const char *name;
        QString label;
    } fields[] = {
        {"requestId", tr("Request ID:")},
        {"time", tr("Time:")},
        {"client", tr("Client:")},
        {"method", tr("Method:")},
        {"url", tr("URL:")},
        {"api", tr("API:")},
        {"operation", tr("Operation:")},
        {"product", tr("Product:")},
        {"subscription", tr("Subscription:")},
        {"status", tr("Status:")},
        {"errorReason", tr("Error reason:")},
        {"latency", tr("Latency:")},
        {"backendLatency", tr("Backend latency:")},
        {"bytesIn", tr("Bytes in:")},
        {"bytesOut", tr("Bytes out:")},
        {"cacheHit", tr("Cache hit:")},
        {"ioThread", tr("I/O thread:")},
    };
    for (const auto &field : fields) {
        auto *value = new QLineEdit(content);
        value->setObjectName(QStringLiteral("requestLogField_") + QLatin1String(field.name));
        value->setReadOnly(true);
        value->setFrame(false);
        value->setAccessibleName(QString(field.label).remove(QLatin1Char(':')));
        value->setFocusPolicy(Qt::ClickFocus);
        auto *label = new QLabel(field.label, content);
        label->setBuddy(value);
        form->addRow(label, value);
        m_fields.push_back({value});
    }

    // The trace under the fields, in a splitter of its own: a long trace gets room without scrolling the fields away.
    auto *traceBox = new QWidget;
    traceBox->setObjectName(QStringLiteral("requestLogTraceBox"));
    auto *traceTitle = new QLabel(tr("Policy trace"), traceBox);
    traceTitle->setObjectName(QStringLiteral("requestLogTraceTitle"));
    QFont bold = traceTitle->font();
    bold.setBold(true);
    traceTitle->setFont(bold);
    m_traceNote = new QLabel(traceBox);
    m_traceNote->setObjectName(QStringLiteral("requestLogTraceNote"));
    m_traceNote->setWordWrap(true);
    m_traceNote->setForegroundRole(QPalette::PlaceholderText);
    m_traceModel = new console::TraceModel(this);
    m_traceTree = new QTreeView(traceBox);
    m_traceTree->setObjectName(QStringLiteral("requestLogTrace"));
    m_traceTree->setAccessibleName(tr("Policy trace of the request"));
    m_traceTree->setModel(m_traceModel);
    m_traceTree->setUniformRowHeights(true);
    m_traceTree->setWordWrap(false);
    m_traceTree->setMinimumHeight(100);
    m_traceTree->setItemDelegateForColumn(console::TraceModel::TimelineColumn,
                                          new console::TimelineDelegate(m_traceTree));
    m_traceTree->header()->setStretchLastSection(true);

    m_openInConsole = new QPushButton(tr("&Open in Test Console"), content);
    m_openInConsole->setObjectName(QStringLiteral("requestLogOpenInConsole"));
    m_openInConsole->setAccessibleName(tr("Open the request in the Test Console"));
    m_openInConsole->setToolTip(tr("Fill the Test Console with this request's method, API, operation and URL"));
    connect(m_openInConsole, &QPushButton::clicked, this, [this] {
        if (m_shownRecord)
            emit openInConsole(*m_shownRecord);
    });

    // The headers the gateway logs (Settings: headers to log), request then response.
    m_headers = new QLabel(content);
    m_headers->setObjectName(QStringLiteral("requestLogHeaders"));
    m_headers->setAccessibleName(tr("Logged headers"));
    m_headers->setTextFormat(Qt::RichText);
    m_headers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setWordWrap(true);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(8, 0, 0, 0);
    contentLayout->setSpacing(8);
    contentLayout->addLayout(form);
    contentLayout->addWidget(m_headers);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openInConsole);
    buttons->addStretch();
    contentLayout->addLayout(buttons);
    contentLayout->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("requestLogDetailsScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *traceLayout = new QVBoxLayout(traceBox);
    traceLayout->setContentsMargins(8, 8, 0, 0);
    traceLayout->setSpacing(6);
    traceLayout->addWidget(traceTitle);
    traceLayout->addWidget(m_traceNote);
    traceLayout->addWidget(m_traceTree, 1);
    // Takes the room the trace tree leaves when there is no trace, so the note stays under its title.
    m_traceSpacer = new QWidget(traceBox);
    m_traceSpacer->setObjectName(QStringLiteral("requestLogTraceSpacer"));
    traceLayout->addWidget(m_traceSpacer, 1);

    m_detailsContent = content;
    m_traceBox = traceBox;
    auto *record = new QSplitter(Qt::Vertical, m_detailsStack);
    m_detailsSplitter = record;
    record->setObjectName(QStringLiteral("requestLogDetailsSplitter"));
    record->setChildrenCollapsible(false);
    record->addWidget(scroll);
    record->addWidget(traceBox);
    record->setStretchFactor(0, 0);
    record->setStretchFactor(1, 1);

    m_detailsStack->insertWidget(NothingSelectedPage, nothing);
    m_detailsStack->insertWidget(LoadingPage, loading);
    m_detailsStack->insertWidget(RecordPage, record);
    m_detailsStack->setMinimumWidth(fontMetrics().averageCharWidth() * 36);
    return m_detailsStack;
}

void RequestLogView::setFilter(const RecordFilter &filter)
{
    m_filter = filter;
    applySearch();
}

void RequestLogView::refresh()
{
    m_model->refresh();
}

void RequestLogView::applySearch()
{
    RecordFilter filter = m_filter;
    filter.text = m_search->text().trimmed().toStdString();
    // The same filter again (a pause after typing that ended where it started) keeps the rows and the selection.
    if (filter == m_model->filter())
        return;
    m_model->setFilter(filter);
    updateCount();
    updateEmptyState();
}

void RequestLogView::updateCount()
{
    if (m_model->state() == RequestLogModel::State::Unavailable) {
        m_countLabel->clear();
    } else if (m_model->isCounting()) {
        m_countLabel->setText(tr("Counting…"));
    } else {
        const qint64 count = m_model->count();
        m_countLabel->setText(count == 1 ? tr("1 request") : tr("%1 requests").arg(QLocale().toString(count)));
    }
    m_exportButton->setEnabled(!m_exporting && m_model->state() == RequestLogModel::State::Ready &&
                               m_model->count() > 0);
}

void RequestLogView::updateEmptyState()
{
    const bool unavailable = m_model->state() == RequestLogModel::State::Unavailable;
    const bool empty = unavailable || (!m_model->isCounting() && m_model->count() == 0);
    if (!empty) {
        m_stack->setCurrentIndex(TablePage);
        return;
    }
    if (!unavailable && narrowsSomething(m_model->filter()))
        m_emptyLabel->setText(tr("No requests match the filter. Clear the search or widen the dashboard's filters."));
    else if (unavailable && QFileInfo::exists(m_reader.file()))
        m_emptyLabel->setText(tr("This history cannot be read: %1").arg(m_model->unavailableReason()));
    else
        m_emptyLabel->setText(
            tr("No requests recorded yet. Send a call from the Test Console or start the Traffic Simulator."));
    m_stack->setCurrentIndex(EmptyPage);
}

void RequestLogView::chooseExportFile()
{
    const QString csv = tr("CSV (*.csv)");
    const QString jsonLines = tr("JSON lines (*.jsonl)");
    QString chosen = csv;
    const QString suggested =
        QDir::home().filePath(QStringLiteral("requests-%1.csv")
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString file = QFileDialog::getSaveFileName(this, tr("Export Requests"), suggested,
                                                csv + QStringLiteral(";;") + jsonLines, &chosen);
    if (file.isEmpty())
        return;
    const bool json = chosen == jsonLines || file.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive) ||
                      file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (QFileInfo(file).suffix().isEmpty())
        file += json ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
    exportTo(file, json ? ExportFormat::JsonLines : ExportFormat::Csv);
}

void RequestLogView::exportTo(const QString &file, ExportFormat format)
{
    struct Outcome {
        qint64 count = 0;
        QString error;
    };
    m_exporting = true;
    updateCount();
    m_statusLabel->setText(tr("Exporting…"));
    m_reader.query<Outcome>(
        this,
        [filter = m_model->filter(), target = file.toStdString(), format](gw::telemetry::AnalyticsStore &store) {
            Outcome outcome;
            auto written = store.exportRecords(filter, target, format);
            if (written)
                outcome.count = written.value();
            else
                outcome.error = QString::fromStdString(written.error().message);
            return outcome;
        },
        [this, name = QFileInfo(file).fileName()](Outcome outcome) {
            m_exporting = false;
            updateCount();
            if (outcome.error.isEmpty())
                m_statusLabel->setText(
                    outcome.count == 1 ? tr("Exported 1 request to %1").arg(name)
                                       : tr("Exported %1 requests to %2").arg(QLocale().toString(outcome.count), name));
            else
                m_statusLabel->setText(tr("Export failed: %1").arg(outcome.error));
            emit exported(outcome.count, outcome.error);
        },
        [this](const QString &error) {
            m_exporting = false;
            updateCount();
            m_statusLabel->setText(tr("Export failed: %1").arg(error));
            emit exported(0, error);
        });
}

void RequestLogView::rowsAboutToBeInserted(int first, int)
{
    if (first != 0)
        return;
    const QScrollBar *bar = m_table->verticalScrollBar();
    m_scrollBefore = bar->value();
    m_wasAtTop = bar->value() == bar->minimum();
}

void RequestLogView::rowsInserted(int first, int last)
{
    if (first != 0 || m_wasAtTop)
        return;
    // Scrolled away: keep the same rows in view (Wireshark and Kibana do not move what the user is reading).
    const int inserted = last - first + 1;
    const int step = m_table->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                         ? 1
                         : m_table->verticalHeader()->defaultSectionSize();
    QScrollBar *bar = m_table->verticalScrollBar();
    bar->setValue(m_scrollBefore + inserted * step);
    m_unseen += inserted;
    updateNewRowsButton();
}

void RequestLogView::jumpToNewest()
{
    m_table->scrollToTop();
    m_unseen = 0;
    updateNewRowsButton();
}

void RequestLogView::updateNewRowsButton()
{
    if (m_unseen <= 0) {
        m_newRowsButton->hide();
        return;
    }
    m_newRowsButton->setText(m_unseen == 1 ? tr("↑ 1 new request")
                                           : tr("↑ %1 new requests").arg(QLocale().toString(m_unseen)));
    m_newRowsButton->show();
}

void RequestLogView::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_shownId = 0;
        m_shownRecord.reset();
        m_detailsStack->setCurrentIndex(NothingSelectedPage);
        return;
    }
    const StoredRecord *stored = m_model->recordAt(current.row());
    if (!stored) {
        m_detailsStack->setCurrentIndex(LoadingPage);
        return;
    }
    m_detailsStack->setCurrentIndex(RecordPage);
    if (stored->id == m_shownId)
        return; // the same request (a refresh moved its row): keep the trace as it is
    m_shownId = stored->id;
    m_shownRecord = stored->record;
    const RequestRecord &r = stored->record;
    const QString values[] = {
        QString::fromStdString(r.requestId),
        RequestLogModel::timeText(r),
        orDash(r.clientAddress),
        orDash(r.method),
        RequestLogModel::urlText(r),
        orDash(r.api),
        orDash(r.operation),
        orDash(r.product),
        orDash(r.subscription),
        RequestLogModel::statusText(r.status),
        orDash(r.errorReason),
        millisecondsText(r.totalLatency),
        r.backendLatency.count() ? millisecondsText(r.backendLatency) : tr("— (no backend call)"),
        bytesText(r.bytesIn),
        bytesText(r.bytesOut),
        r.cacheHit ? tr("Yes") : tr("No"),
        QString::number(r.ioThread),
    };
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        m_fields[i].value->setText(values[i]);
        m_fields[i].value->setCursorPosition(0);
        m_fields[i].value->setToolTip(values[i]);
    }
    const auto headerBlock = [](const QString &title, const std::string &lines) {
        QString html = QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped());
        if (lines.empty())
            return html + QStringLiteral("<br><i>%1</i>").arg(tr("none logged").toHtmlEscaped());
        for (const QString &line : QString::fromStdString(lines).split(QLatin1Char('\n'))) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            html += QStringLiteral("<br><code>%1</code>%2")
                        .arg(line.left(colon + 1).toHtmlEscaped(), line.mid(colon + 1).toHtmlEscaped());
        }
        return html;
    };
    m_headers->setText(headerBlock(tr("Request headers"), r.requestHeaders) + QStringLiteral("<br><br>") +
                       headerBlock(tr("Response headers"), r.responseHeaders));

    // The status in the table's colour for its class.
    QLineEdit *status = m_fields[kStatusField].value;
    // Only the text colour is set: the rest follows the theme.
    QPalette statusPalette;
    if (const QColor tint = RequestLogModel::statusColour(r.status); tint.isValid())
        statusPalette.setColor(QPalette::Text, tint);
    status->setPalette(statusPalette);

    const QJsonArray trace = m_gateway ? m_gateway->traceJson(QString::fromStdString(r.requestId)) : QJsonArray();
    const bool hadTrace = !m_traceModel->isEmpty();
    m_traceModel->setTrace(trace);
    if (m_traceModel->isEmpty()) {
        m_traceTree->hide();
        m_traceSpacer->show();
        m_traceNote->setText(tr("No trace kept for this request. Requests sent from the Test Console with tracing "
                                "on keep their trace while the gateway runs."));
        m_traceNote->show();
    } else {
        m_traceNote->hide();
        m_traceSpacer->hide();
        m_traceTree->show();
        m_traceTree->expandAll();
        m_traceTree->resizeColumnToContents(console::TraceModel::StepColumn);
    }
    // When the trace comes or goes, the fields keep the room they need and the trace (or its note) gets the rest;
    // between two requests alike, the user's split stays.
    if (hadTrace != !m_traceModel->isEmpty() || !m_detailsSized) {
        m_detailsSized = true;
        const int total = m_detailsSplitter->height() - m_detailsSplitter->handleWidth();
        const int fields = m_detailsContent->sizeHint().height();
        // The note wraps: its height depends on the pane's width.
        const int noteHeight = m_traceBox->layout()->totalHeightForWidth(std::max(m_traceBox->width(), 200));
        const int traceWanted =
            m_traceModel->isEmpty() ? std::max(noteHeight, m_traceBox->minimumSizeHint().height()) : total * 2 / 5;
        const int top = std::max(total / 3, std::min(fields, total - traceWanted));
        m_detailsSplitter->setSizes({top, total - top});
    }
}

} // namespace gh::analytics
