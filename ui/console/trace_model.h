#pragma once

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QStringList>

#include <memory>
#include <vector>

namespace gh::console {

// A request's policy trace as a tree: one node per section in the order the request went through them (the
// gateway's built-in steps, inbound, backend, outbound, on-error), each policy step under its section, and what a
// step changed (or said) under the step. Built from EmbeddedGateway::traceJson().
class TraceModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { StepColumn, ScopeColumn, ElapsedColumn, DurationColumn, OutcomeColumn, TimelineColumn, ColumnCount };
    enum Role {
        OutcomeRole = Qt::UserRole + 1, // "continue", "fail", ... of a step; empty for sections and details
        SectionRole,                    // the step's section ("gateway", "inbound", ...)
        DetailRole,                     // true for what a step changed or said (rows under a step)
        DifferentRole,                  // true for a step the compared trace does not have as it is
        TimelineRole, // QPointF(start, length) of a step or section, as fractions of the whole trace's time
    };

    explicit TraceModel(QObject *parent = nullptr);
    ~TraceModel() override;

    void setTrace(const QJsonArray &entries);
    const QJsonArray &trace() const { return m_trace; }
    bool isEmpty() const { return m_sections.empty(); }
    // "section/source" of each step, in order (tests, comparisons).
    QStringList steps() const;

    // Marks the steps that `other` (another trace) does not have with the same scope, outcome and changes: what a
    // policy edit changed between two runs of one request. An empty array ends the comparison.
    void compareWith(const QJsonArray &other);
    int differenceCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The colour that stands for a policy scope (global, product, api, operation) in the console.
    static QColor scopeColour(const QString &scope);
    static QString sectionTitle(const QString &section);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;

    void markDifferences();

    QJsonArray m_trace;
    QStringList m_compared; // the signatures of the compared trace's steps (one per step, duplicates kept)
    bool m_comparing = false;
    qint64 m_totalUs = 0; // from the first step's start to the last one's end
    std::vector<std::unique_ptr<Node>> m_sections;
};

} // namespace gh::console
