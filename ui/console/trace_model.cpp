#include "trace_model.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QJsonObject>
#include <QPalette>
#include <QPointF>
#include <QRegularExpression>

namespace gh::console {

struct TraceModel::Node {
    enum class Kind { Section, Step, Detail };
    Kind kind = Kind::Detail;
    Node *parent = nullptr;
    int row = 0;
    QString text;
    QString section;
    QString scope;
    QString outcome;
    QString location;
    qint64 elapsedUs = -1;
    qint64 durationUs = -1;
    bool failed = false; // the step failed, or a section holds a failed step
    bool different = false;
    QString signature; // what a comparison matches steps by
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

QString milliseconds(qint64 us)
{
    if (us < 0)
        return {};
    return QCoreApplication::translate("gh::console::TraceModel", "%1 ms")
        .arg(static_cast<double>(us) / 1000.0, 0, 'f', 2);
}

bool isDark()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

} // namespace

TraceModel::TraceModel(QObject *parent) : QAbstractItemModel(parent)
{
}
TraceModel::~TraceModel() = default;

QString TraceModel::sectionTitle(const QString &section)
{
    if (section == QLatin1String("gateway"))
        return tr("Gateway");
    if (section == QLatin1String("inbound"))
        return tr("Inbound");
    if (section == QLatin1String("backend"))
        return tr("Backend");
    if (section == QLatin1String("outbound"))
        return tr("Outbound");
    if (section == QLatin1String("on-error"))
        return tr("On error");
    return section;
}

QColor TraceModel::scopeColour(const QString &scope)
{
    // Readable on light and dark bases alike: mid-tone hues, one per scope.
    const bool dark = isDark();
    if (scope == QLatin1String("global"))
        return dark ? QColor(0x9a, 0xa5, 0xb1) : QColor(0x55, 0x60, 0x6b);
    if (scope == QLatin1String("product"))
        return dark ? QColor(0xc3, 0x9b, 0xf0) : QColor(0x7b, 0x3f, 0xbf);
    if (scope == QLatin1String("api"))
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    if (scope == QLatin1String("operation"))
        return dark ? QColor(0x5f, 0xd0, 0x9a) : QColor(0x1c, 0x7c, 0x4c);
    return QGuiApplication::palette().color(QPalette::Text);
}

void TraceModel::setTrace(const QJsonArray &entries)
{
    beginResetModel();
    m_trace = entries;
    m_sections.clear();
    Node *section = nullptr;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString name = entry.value(QStringLiteral("section")).toString();
        // Sections follow one another; a section met again (on-error after a failed outbound) opens a new node.
        if (!section || section->section != name) {
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::Section;
            node->section = name;
            node->text = sectionTitle(name);
            node->elapsedUs = entry.value(QStringLiteral("elapsedUs")).toInteger(-1);
            node->row = static_cast<int>(m_sections.size());
            m_sections.push_back(std::move(node));
            section = m_sections.back().get();
        }
        auto step = std::make_unique<Node>();
        step->kind = Node::Kind::Step;
        step->section = name;
        step->text = entry.value(QStringLiteral("source")).toString();
        step->scope = entry.value(QStringLiteral("scope")).toString();
        step->outcome = entry.value(QStringLiteral("outcome")).toString();
        step->elapsedUs = entry.value(QStringLiteral("elapsedUs")).toInteger(-1);
        step->durationUs = entry.value(QStringLiteral("durationUs")).toInteger(-1);
        step->failed = step->outcome == QLatin1String("fail");
        const QString path = entry.value(QStringLiteral("path")).toString();
        const qint64 line = entry.value(QStringLiteral("line")).toInteger();
        step->location = path.isEmpty() ? QString() : path;
        if (line > 0)
            step->location += (step->location.isEmpty() ? QString() : QStringLiteral(", ")) + tr("line %1").arg(line);
        const QString message = entry.value(QStringLiteral("message")).toString();
        if (!message.isEmpty()) {
            auto detail = std::make_unique<Node>();
            detail->section = name;
            detail->text = message;
            detail->failed = step->failed;
            step->add(std::move(detail));
        }
        for (const QJsonValue &change : entry.value(QStringLiteral("changes")).toArray()) {
            auto detail = std::make_unique<Node>();
            detail->section = name;
            detail->text = change.toString();
            step->add(std::move(detail));
        }
        // Timings, ids and clocks differ between any two runs: a step is compared by what it is, its outcome and
        // what it changed (the header, variable or status), not by the values it wrote.
        QStringList changes;
        for (const QJsonValue &change : entry.value(QStringLiteral("changes")).toArray()) {
            const QString text = change.toString();
            const qsizetype cut = text.indexOf(QRegularExpression(QStringLiteral("[:=]")));
            changes << (cut < 0 ? text : text.left(cut));
        }
        step->signature =
            QStringList{name, step->text, step->scope, path, step->outcome, changes.join(QLatin1Char('\n'))}.join(
                QChar(0x1f));
        if (step->durationUs >= 0)
            section->durationUs = std::max<qint64>(section->durationUs, 0) + step->durationUs;
        section->failed = section->failed || step->failed;
        section->add(std::move(step));
    }
    m_totalUs = 0;
    for (const auto &node : m_sections)
        for (const auto &step : node->children)
            m_totalUs =
                std::max(m_totalUs, std::max<qint64>(step->elapsedUs, 0) + std::max<qint64>(step->durationUs, 0));
    markDifferences();
    endResetModel();
}

void TraceModel::compareWith(const QJsonArray &other)
{
    TraceModel compared;
    compared.setTrace(other);
    m_compared.clear();
    for (const auto &section : compared.m_sections)
        for (const auto &step : section->children)
            m_compared << step->signature;
    m_comparing = !other.isEmpty();
    beginResetModel();
    markDifferences();
    endResetModel();
}

void TraceModel::markDifferences()
{
    QStringList unmatched = m_compared;
    for (const auto &section : m_sections) {
        section->different = false;
        for (const auto &step : section->children) {
            // Each step of the other trace matches once: a policy that now runs twice shows its second run.
            step->different = m_comparing && !unmatched.removeOne(step->signature);
            section->different = section->different || step->different;
        }
    }
}

int TraceModel::differenceCount() const
{
    int count = 0;
    for (const auto &section : m_sections)
        for (const auto &step : section->children)
            count += step->different ? 1 : 0;
    return count;
}

QStringList TraceModel::steps() const
{
    QStringList out;
    for (const auto &section : m_sections)
        for (const auto &step : section->children)
            out << section->section + QLatin1Char('/') + step->text;
    return out;
}

TraceModel::Node *TraceModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex TraceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(m_sections.size()) ? createIndex(row, column, m_sections[row].get())
                                                         : QModelIndex();
    Node *node = nodeOf(parent);
    return row < static_cast<int>(node->children.size()) ? createIndex(row, column, node->children[row].get())
                                                         : QModelIndex();
}

QModelIndex TraceModel::parent(const QModelIndex &child) const
{
    Node *node = nodeOf(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_sections.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int TraceModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const bool onError = node->section == QLatin1String("on-error");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StepColumn:
            return node->text;
        case ScopeColumn:
            return node->scope;
        case ElapsedColumn:
            return node->kind == Node::Kind::Detail ? QVariant() : milliseconds(node->elapsedUs);
        case DurationColumn:
            return node->kind == Node::Kind::Detail ? QVariant() : milliseconds(node->durationUs);
        case OutcomeColumn:
            return node->outcome;
        }
        return {};
    case TimelineRole:
        if (node->kind == Node::Kind::Detail || node->elapsedUs < 0 || m_totalUs <= 0)
            return {};
        return QPointF(static_cast<double>(node->elapsedUs) / static_cast<double>(m_totalUs),
                       static_cast<double>(std::max<qint64>(node->durationUs, 0)) / static_cast<double>(m_totalUs));
    case Qt::ToolTipRole:
        if (index.column() == TimelineColumn && node->kind != Node::Kind::Detail && node->elapsedUs >= 0)
            return tr("Starts at %1, takes %2")
                .arg(milliseconds(node->elapsedUs), milliseconds(std::max<qint64>(node->durationUs, 0)));
        if (index.column() == StepColumn && node->different)
            return tr("%1: not in the compared run as it is here").arg(node->text);
        if (index.column() == StepColumn && node->kind == Node::Kind::Step && !node->location.isEmpty())
            return tr("%1 (%2)").arg(node->text, node->location);
        return index.column() == StepColumn ? node->text : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == ScopeColumn && !node->scope.isEmpty())
            return scopeColour(node->scope);
        if (node->failed && (index.column() == OutcomeColumn || node->kind == Node::Kind::Detail))
            return isDark() ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
        if (node->kind == Node::Kind::Detail)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole:
        // Failed steps and the on-error path stand out; the tint stays light enough to read the text on.
        if (node->failed && node->kind == Node::Kind::Step)
            return isDark() ? QColor(0x5a, 0x1e, 0x1e) : QColor(0xfd, 0xe2, 0xe1);
        if (node->different && node->kind == Node::Kind::Step)
            return isDark() ? QColor(0x1e, 0x3a, 0x5f) : QColor(0xdc, 0xeb, 0xfc);
        if (onError && node->kind != Node::Kind::Detail)
            return isDark() ? QColor(0x4a, 0x3a, 0x12) : QColor(0xfd, 0xf3, 0xd8);
        return {};
    case Qt::FontRole:
        if (node->kind == Node::Kind::Section) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ElapsedColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case OutcomeRole:
        return node->outcome;
    case DetailRole:
        return node->kind == Node::Kind::Detail;
    case DifferentRole:
        return node->different;
    case SectionRole:
        return node->section;
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case ScopeColumn:
        return tr("Scope");
    case ElapsedColumn:
        return tr("Elapsed");
    case DurationColumn:
        return tr("Duration");
    case OutcomeColumn:
        return tr("Outcome");
    case TimelineColumn:
        return tr("Timeline");
    }
    return {};
}

} // namespace gh::console
