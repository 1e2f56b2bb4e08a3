#include "policy_flow_model.h"

#include "policy_text_edits.h"

#include <policy/registry.h>

#include <QCoreApplication>

namespace gh::policies {

namespace policy = gw::policy;
using workspace::PolicyTarget;

namespace {

// The attributes that tell one instance of a policy from another, in the order a reader wants them; the others
// follow in document order.
const std::vector<std::string_view> &keyAttributesOf(std::string_view name)
{
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> keys{
        {"rate-limit", {"calls", "renewal-period"}},
        {"rate-limit-by-key", {"calls", "renewal-period", "counter-key"}},
        {"quota", {"calls", "bandwidth", "renewal-period"}},
        {"quota-by-key", {"calls", "bandwidth", "renewal-period", "counter-key"}},
        {"set-header", {"name", "exists-action"}},
        {"set-query-parameter", {"name", "exists-action"}},
        {"set-variable", {"name", "value"}},
        {"set-backend-service", {"base-url", "backend-id"}},
        {"mock-response", {"status-code", "content-type"}},
        {"include-fragment", {"fragment-id"}},
        {"rewrite-uri", {"template"}},
        {"cache-lookup", {"vary-by-developer", "downstream-caching-type"}},
        {"cache-store", {"duration"}},
        {"send-request", {"mode", "response-variable-name"}},
    };
    static const std::vector<std::string_view> none;
    for (const auto &[policyName, attributes] : keys)
        if (policyName == name)
            return attributes;
    return none;
}

QString shortened(std::string value)
{
    QString text = QString::fromStdString(value).simplified();
    constexpr int limit = 32;
    if (text.size() > limit)
        text = text.left(limit - 1) + QChar(0x2026);
    return text;
}

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("gh::policies::PolicyFlowModel", text, disambiguation, n);
}

} // namespace

QString summarize(const policy::Document &document, const policy::Element &element)
{
    QStringList parts;
    std::vector<const policy::Attribute *> ordered;
    for (std::string_view key : keyAttributesOf(element.name))
        if (const auto *attribute = element.attribute(key))
            ordered.push_back(attribute);
    for (const auto &attribute : element.attributes)
        if (std::find(ordered.begin(), ordered.end(), &attribute) == ordered.end())
            ordered.push_back(&attribute);
    for (const policy::Attribute *attribute : ordered) {
        if (parts.size() == 3)
            break;
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(attribute->name),
                                             shortened(editableValue(document, *attribute)));
    }
    if (element.text)
        parts << shortened(std::string(document.source(element.text->range)));
    // Children that are values (set-header's <value>) read as their text; policy containers count their branches.
    if (parts.size() < 3) {
        if (element.name == "choose") {
            int when = 0;
            bool otherwise = false;
            for (const auto &child : element.children) {
                when += child.name == "when";
                otherwise = otherwise || child.name == "otherwise";
            }
            parts << (otherwise ? tr("%n condition(s), otherwise", nullptr, when)
                                : tr("%n condition(s)", nullptr, when));
        } else {
            for (const auto &child : element.children) {
                if (parts.size() == 3)
                    break;
                if (child.text)
                    parts << QStringLiteral("%1 %2").arg(QString::fromStdString(child.name),
                                                         shortened(std::string(document.source(child.text->range))));
                else if (!child.children.empty())
                    parts << tr("%1: %n item(s)", nullptr, static_cast<int>(child.children.size()))
                                 .arg(QString::fromStdString(child.name));
            }
        }
    }
    return parts.join(QStringLiteral(" · "));
}

PolicyFlowModel::PolicyFlowModel(workspace::WorkspaceDocument &document, PolicyTarget target, QObject *parent)
    : QObject(parent), m_document(document), m_target(std::move(target))
{
    for (std::size_t i = 0; i < m_lanes.size(); ++i)
        m_lanes[i].section = sections[i];
    // Any change may be this document's (its entity), or a broader scope's (what <base/> brings in).
    connect(&m_document, &workspace::WorkspaceDocument::modelChanged, this, &PolicyFlowModel::reload);
    reload();
}

void PolicyFlowModel::reload()
{
    std::optional<std::string> text = workspace::policyText(m_document.model(), m_target);
    // Most changes of the workspace concern other entities: the lanes stay (and keep the view's focus) unless this
    // document or what its <base/> brings in changed.
    QString inherited;
    for (policy::Section section : sections)
        inherited += inheritedSummary(section) + QLatin1Char('\n');
    if (m_loaded && text == m_text && inherited == m_inherited)
        return;
    m_loaded = true;
    m_inherited = inherited;
    m_text = std::move(text);
    m_parsed.reset();
    m_problems.clear();
    for (auto &lane : m_lanes) {
        lane.present = false;
        lane.cards.clear();
    }
    if (m_text) {
        auto result = policy::parseDocument(*m_text, m_target.relativePath());
        m_problems = std::move(result.diagnostics);
        m_parsed = std::move(result.document);
    }
    if (isValid()) {
        for (auto &lane : m_lanes) {
            const policy::Element *section = sectionElement(lane.section);
            if (!section)
                continue;
            lane.present = true;
            for (const policy::Element &child : section->children) {
                FlowCard card;
                card.name = child.name;
                card.isBase = child.name == "base";
                card.known = card.isBase || policy::findPolicy(child.name) != nullptr;
                card.summary = card.isBase ? inheritedSummary(lane.section) : summarize(*m_parsed, child);
                card.line = child.range.line;
                card.column = child.range.column;
                lane.cards.push_back(std::move(card));
            }
        }
    }
    emit changed();
}

const policy::Element *PolicyFlowModel::sectionElement(policy::Section section) const
{
    if (!isValid())
        return nullptr;
    for (const policy::Element &child : m_parsed->root().children)
        if (child.name == policy::toString(section))
            return &child;
    return nullptr;
}

const policy::Element *PolicyFlowModel::element(policy::Section section, int index) const
{
    const policy::Element *parent = sectionElement(section);
    if (!parent || index < 0 || index >= static_cast<int>(parent->children.size()))
        return nullptr;
    return &parent->children[static_cast<std::size_t>(index)];
}

std::vector<PolicyFlowModel::PaletteEntry> PolicyFlowModel::palette(policy::Section section)
{
    std::vector<PaletteEntry> entries;
    for (const auto &registered : policy::policyCatalogue()) {
        const auto &description = registered.description;
        if (!(description.sections & policy::bit(section)))
            continue;
        entries.push_back({QString::fromUtf8(description.name.data(), static_cast<int>(description.name.size())),
                           QString::fromUtf8(description.help.data(), static_cast<int>(description.help.size())),
                           description.needs.empty()});
    }
    return entries;
}

QString PolicyFlowModel::inheritedSummary(policy::Section section) const
{
    using Scope = PolicyTarget::Scope;
    if (m_target.scope == Scope::Global || m_target.scope == Scope::Fragment)
        return {};
    const auto &model = m_document.model();
    // The broader documents, parsed; the ones a scope lacks stay empty and pass through.
    std::array<std::optional<policy::Document>, 3> documents; // global, product, api
    const auto parse = [](const std::optional<std::string> &text, const std::string &file) {
        std::optional<policy::Document> parsed;
        if (text)
            parsed = policy::parseDocument(*text, file).document;
        return parsed;
    };
    documents[0] = parse(workspace::policyText(model, PolicyTarget::global()), "policy.xml");
    if (m_target.scope == Scope::Operation)
        documents[2] = parse(workspace::policyText(model, PolicyTarget::api(m_target.name)), "api");
    const auto pointer = [](const std::optional<policy::Document> &document) {
        return document ? &*document : nullptr;
    };
    const policy::EffectivePolicy merged =
        policy::mergeScopes(pointer(documents[0]), pointer(documents[1]), pointer(documents[2]), nullptr);
    QStringList parts;
    for (const auto &step : merged.section(section)) {
        const QString scope = QString::fromUtf8(policy::toString(step.scope).data());
        parts << QStringLiteral("%1: %2").arg(scope, QString::fromStdString(step.element->name));
    }
    if (parts.isEmpty())
        return tr("nothing from broader scopes");
    return parts.join(QStringLiteral(" · "));
}

bool PolicyFlowModel::apply(std::string text, const QString &undoText)
{
    if (!m_text || text == *m_text)
        return false;
    workspace::setPolicyText(m_document, m_target, std::move(text), undoText);
    return true;
}

bool PolicyFlowModel::move(policy::Section section, int from, int to)
{
    const policy::Element *parent = sectionElement(section);
    if (!parent || from < 0 || to < 0 || from >= static_cast<int>(parent->children.size()) ||
        to >= static_cast<int>(parent->children.size()))
        return false;
    const QString name = QString::fromStdString(parent->children[static_cast<std::size_t>(from)].name);
    return apply(moveChild(*m_parsed, *parent, static_cast<std::size_t>(from), static_cast<std::size_t>(to)),
                 tr("Move %1").arg(name));
}

bool PolicyFlowModel::remove(policy::Section section, int index)
{
    const policy::Element *target = element(section, index);
    if (!target)
        return false;
    return apply(removeChild(*m_parsed, *sectionElement(section), static_cast<std::size_t>(index)),
                 tr("Delete %1").arg(QString::fromStdString(target->name)));
}

bool PolicyFlowModel::setAttribute(policy::Section section, int index, const std::string &name,
                                   const std::string &value)
{
    const policy::Element *target = element(section, index);
    if (!target)
        return false;
    return apply(policies::setAttribute(*m_parsed, *target, name, value),
                 tr("Set %1 of %2").arg(QString::fromStdString(name), QString::fromStdString(target->name)));
}

bool PolicyFlowModel::setText(policy::Section section, int index, const std::string &text)
{
    const policy::Element *target = element(section, index);
    if (!target)
        return false;
    return apply(policies::setText(*m_parsed, *target, text),
                 tr("Set the text of %1").arg(QString::fromStdString(target->name)));
}

int PolicyFlowModel::add(policy::Section section, int index, const std::string &policyName)
{
    if (!isValid())
        return -1;
    const auto *registered = policy::findPolicy(policyName);
    if (!registered || !(registered->description.sections & policy::bit(section)))
        return -1;
    const policy::Element *parent = sectionElement(section);
    const int count = parent ? static_cast<int>(parent->children.size()) : 0;
    const int at = index < 0 || index > count ? count : index;
    const std::string xml = newElement(registered->description, indentUnit(*m_parsed));
    if (!apply(insertIntoSection(*m_parsed, policy::toString(section), static_cast<std::size_t>(at), xml),
               tr("Add %1").arg(QString::fromStdString(policyName))))
        return -1;
    return at;
}

QString PolicyFlowModel::sectionTitle(policy::Section section)
{
    switch (section) {
    case policy::Section::Inbound:
        return tr("Inbound");
    case policy::Section::Backend:
        return tr("Backend");
    case policy::Section::Outbound:
        return tr("Outbound");
    case policy::Section::OnError:
        return tr("On error");
    }
    return {};
}

} // namespace gh::policies
