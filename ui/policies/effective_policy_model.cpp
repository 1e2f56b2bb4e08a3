#include "effective_policy_model.h"

#include <policy/document.h>

#include <QCoreApplication>

#include <array>
#include <optional>

namespace gh::policies {

namespace policy = gw::policy;
using workspace::PolicyTarget;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gh::policies::EffectivePolicy", text);
}

// The element's source with its continuation lines moved from its own indentation to `indent`.
QStringList reindented(const policy::Document &document, const policy::Element &element, const QString &indent)
{
    const std::string &text = document.text();
    const std::size_t begin = document.offsetOf(element.range.line, element.range.column);
    std::size_t lineStart = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    lineStart = lineStart == std::string::npos || begin == 0 ? 0 : lineStart + 1;
    std::string own = text.substr(lineStart, begin - lineStart);
    if (own.find_first_not_of(" \t") != std::string::npos)
        own.clear(); // shares its line with other elements: nothing to strip
    const QString ownIndent = QString::fromStdString(own);
    QStringList lines = QString::fromStdString(std::string(document.source(element))).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (i > 0 && line.startsWith(ownIndent))
            line = line.mid(ownIndent.size());
        lines[i] = indent + line;
    }
    return lines;
}

} // namespace

QString scopeTitle(policy::Scope scope)
{
    switch (scope) {
    case policy::Scope::Global:
        return tr("Global");
    case policy::Scope::Product:
        return tr("Product");
    case policy::Scope::Api:
        return tr("API");
    case policy::Scope::Operation:
        return tr("Operation");
    }
    return {};
}

std::vector<ProductChoice> productsContaining(const gw::model::Workspace &model, const std::string &api)
{
    // A revision ("orders;rev=2") is in the products its API is in.
    const std::string base = api.substr(0, api.find(';'));
    std::vector<ProductChoice> products;
    for (const auto &product : model.products) {
        for (const auto &link : product.apis) {
            if (link.target == base) {
                products.push_back({product.name, QString::fromStdString(product.displayName.value_or(product.name))});
                break;
            }
        }
    }
    return products;
}

EffectivePolicyText effectivePolicy(const gw::model::Workspace &model, const std::string &api,
                                    const std::string &operation, const std::string &product)
{
    EffectivePolicyText result;
    std::array<PolicyTarget, 4> targets{PolicyTarget::global(), PolicyTarget::product(product), PolicyTarget::api(api),
                                        PolicyTarget::operationOf(api, operation)};
    std::array<std::optional<policy::Document>, 4> documents;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        if ((i == 1 && product.empty()) || (i == 3 && operation.empty()))
            continue;
        const auto text = workspace::policyText(model, targets[i]);
        if (!text)
            continue;
        auto parsed = policy::parseDocument(*text, targets[i].relativePath());
        if (!parsed.document) {
            result.problems << tr("%1 does not parse; it is left out.").arg(targets[i].title());
            continue;
        }
        documents[i] = std::move(parsed.document);
    }
    const auto pointer = [&](std::size_t i) { return documents[i] ? &*documents[i] : nullptr; };
    const policy::EffectivePolicy merged = policy::mergeScopes(pointer(0), pointer(1), pointer(2), pointer(3));
    for (const auto &diagnostic : merged.diagnostics)
        result.problems << QString::fromStdString(diagnostic.location.file) + QStringLiteral(": ") +
                               QString::fromStdString(diagnostic.message);

    QStringList lines{QStringLiteral("<policies>")};
    const QString indent = QStringLiteral("    ");
    for (policy::Section section :
         {policy::Section::Inbound, policy::Section::Backend, policy::Section::Outbound, policy::Section::OnError}) {
        const QString name = QString::fromUtf8(policy::toString(section).data());
        const auto &steps = merged.section(section);
        if (steps.empty()) {
            lines << indent + QStringLiteral("<%1 />").arg(name);
            continue;
        }
        lines << indent + QStringLiteral("<%1>").arg(name);
        for (const auto &step : steps) {
            EffectiveStep shown;
            shown.firstLine = static_cast<int>(lines.size());
            lines << reindented(*step.document, *step.element, indent + indent);
            shown.lastLine = static_cast<int>(lines.size()) - 1;
            shown.scope = step.scope;
            shown.source = targets[static_cast<std::size_t>(step.scope)];
            shown.line = step.element->range.line;
            shown.column = step.element->range.column;
            shown.name = QString::fromStdString(step.element->name);
            result.steps.push_back(std::move(shown));
        }
        lines << indent + QStringLiteral("</%1>").arg(name);
    }
    lines << QStringLiteral("</policies>");
    result.text = lines.join(QLatin1Char('\n'));
    return result;
}

} // namespace gh::policies
