#pragma once

#include "request_log_model.h"

#include <telemetry/analytics_store.h>
#include <telemetry/request_record.h>

#include <QTimer>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace gh::engine {
class EmbeddedGateway;
}

namespace gh::console {
class TraceModel;
}

namespace gh::analytics {

class HistoryReader;

// The request log of the live analytics: every request of the history, newest first, searchable, with the
// selected request's details (and its policy trace while the gateway keeps it) beside the table. The dashboard
// sets the filter (time range, API, status class...) and calls refresh() about once a second while live; the
// search field adds its text on top. New requests appear at the top; a user who scrolled down keeps seeing the
// same rows and is offered a jump to the newest.
class RequestLogView : public QWidget {
    Q_OBJECT
public:
    RequestLogView(HistoryReader &reader, engine::EmbeddedGateway *gateway, QWidget *parent = nullptr);
    ~RequestLogView() override;

    // The dashboard's filter; its `text` is replaced by the search field's.
    void setFilter(const gw::telemetry::RecordFilter &filter);
    void refresh();
    RequestLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    // Writes the filtered records (the dashboard's filter and the search) to `file`, on the history's thread;
    // exported() tells how it went. Export… asks for the file first.
    void exportTo(const QString &file, gw::telemetry::ExportFormat format);

signals:
    void openInConsole(const gw::telemetry::RequestRecord &record);
    // After exportTo(): how many records were written, or why none were.
    void exported(qint64 count, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildDetails();
    void applySearch();
    void chooseExportFile();
    void updateCount();
    void updateEmptyState();
    void showDetails();
    void rowsAboutToBeInserted(int first, int last);
    void rowsInserted(int first, int last);
    void jumpToNewest();
    void updateNewRowsButton();

    HistoryReader &m_reader;
    engine::EmbeddedGateway *m_gateway;
    RequestLogModel *m_model;
    gw::telemetry::RecordFilter m_filter; // the dashboard's part
    bool m_exporting = false;
    bool m_sized = false; // the splitter's first sizes are set

    QLineEdit *m_search;
    QTimer m_searchPause;
    QLabel *m_countLabel;
    QPushButton *m_newRowsButton;
    QPushButton *m_exportButton;
    QLabel *m_statusLabel;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QSplitter *m_splitter;
    QTableView *m_table;

    // The details pane.
    QStackedWidget *m_detailsStack;
    struct Field;
    std::vector<Field> m_fields;
    QLabel *m_headers = nullptr;
    QLabel *m_traceNote;
    QWidget *m_traceSpacer;
    QWidget *m_traceBox;
    QWidget *m_detailsContent;
    QSplitter *m_detailsSplitter;
    bool m_detailsSized = false;
    QTreeView *m_traceTree;
    console::TraceModel *m_traceModel;
    QPushButton *m_openInConsole;
    std::int64_t m_shownId = 0;
    std::optional<gw::telemetry::RequestRecord> m_shownRecord;

    // Keeping the rows in view while new ones arrive at the top.
    int m_scrollBefore = 0;
    bool m_wasAtTop = true;
    qint64 m_unseen = 0; // rows inserted while scrolled away
};

} // namespace gh::analytics
