#pragma once

#include "entity_editor.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStringListModel;
class QSpinBox;
class QTableView;

namespace gh::entities {

class RowsTableModel;

// A backend: a single service (URL, protocol, TLS checks) or a load-balanced
// pool of other backends (members with weight and priority); the credentials
// the gateway adds to calls (headers, query parameters, Authorization); and
// the circuit breaker that stops calling it after failures.
class BackendEditor : public EntityEditor {
    Q_OBJECT
public:
    BackendEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent = nullptr);

    // "500-599, 429" as ranges; false when a part is not a status code (200–599) or a range of them.
    static bool parseStatusCodes(const QString &text, std::vector<gw::model::StatusCodeRange> &ranges);
    static bool isDuration(const QString &text); // ISO-8601 duration: PT30S, PT1M, P1D

protected:
    void refresh() override;
    bool exists() const override;

private:
    QTableView *makeTable(RowsTableModel *model, const QString &objectName, const QString &accessibleName,
                          QPushButton **add, QPushButton **remove, const QStringList &newRow);
    // Writes the credentials from the form; `field` merges typing in one field into one step (tables: none).
    void writeCredentials(const QString &field);
    void writePool();
    // Applies `change` to the rule selected in the list of rules.
    template<class F>
    void editRule(const QString &text, const QString &field, F &&change);
    void addRule();
    void removeRule();

    QLineEdit *m_title = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_type = nullptr;

    QGroupBox *m_connection = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlMessage = nullptr;
    QComboBox *m_protocol = nullptr;
    QCheckBox *m_validateChain = nullptr;
    QCheckBox *m_validateName = nullptr;

    QGroupBox *m_poolSection = nullptr;
    RowsTableModel *m_pool = nullptr;
    QTableView *m_poolView = nullptr;
    QLabel *m_poolMessage = nullptr;

    RowsTableModel *m_headers = nullptr;
    RowsTableModel *m_query = nullptr;
    QTableView *m_headersView = nullptr;
    QTableView *m_queryView = nullptr;
    QLineEdit *m_authScheme = nullptr;
    QLineEdit *m_authParameter = nullptr;

    QGroupBox *m_breaker = nullptr;
    QStringListModel *m_rules = nullptr; // the rules' names, in the file's order
    QListView *m_rulesView = nullptr;
    QPushButton *m_addRule = nullptr;
    QPushButton *m_removeRule = nullptr;
    int m_ruleIndex = 0; // the rule the fields below the list show
    QLineEdit *m_ruleName = nullptr;
    QSpinBox *m_failureCount = nullptr;
    QSpinBox *m_failurePercentage = nullptr;
    QLineEdit *m_failureInterval = nullptr;
    QLineEdit *m_statusCodes = nullptr;
    QLineEdit *m_errorReasons = nullptr;
    QLineEdit *m_tripDuration = nullptr;
    QCheckBox *m_acceptRetryAfter = nullptr;
    QLabel *m_breakerMessage = nullptr;
};

} // namespace gh::entities
