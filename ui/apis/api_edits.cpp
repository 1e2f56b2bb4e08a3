#include "api_edits.h"

#include "spec_sync.h"

#include <ui/workspace/workspace_document.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace gh::apis {

namespace model = gw::model;

namespace {

// The context lupdate gives tr() calls outside a class: the enclosing namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("gh::apis", text);
}

std::string normalisedPath(std::string path)
{
    while (!path.empty() && path.front() == '/')
        path.erase(path.begin());
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    std::transform(path.begin(), path.end(), path.begin(), [](unsigned char c) { return std::tolower(c); });
    return path;
}

} // namespace

void editApi(workspace::WorkspaceDocument &document, const QString &text, const std::string &name,
             const std::function<void(model::Api &)> &change, const QString &mergeKey)
{
    const model::Api *current = document.find<model::Api>(name);
    if (!current)
        return;
    model::Api edited = *current;
    change(edited);
    const bool isOpenApi =
        !edited.specificationFormat || *edited.specificationFormat == "yaml" || *edited.specificationFormat == "json";
    if (isOpenApi && !sameContract(current->contract, edited.contract)) {
        const std::string format = edited.specificationFormat.value_or("yaml");
        edited.specificationFormat = format;
        edited.specificationText = syncSpecification(current->specificationText.value_or(std::string()),
                                                     current->contract, edited.contract, format);
    }
    document.putEntity<model::Api>(text, name, std::optional(std::move(edited)), mergeKey);
}

std::string uniqueApiName(const model::Workspace &workspace, const QString &displayName)
{
    QString base = displayName.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (base.isEmpty())
        base = QStringLiteral("api");
    std::string name = base.toStdString();
    for (int n = 2; workspace.findApi(name); ++n)
        name = base.toStdString() + '-' + std::to_string(n);
    return name;
}

std::string createApi(workspace::WorkspaceDocument &document)
{
    const std::string name = uniqueApiName(document.model(), QStringLiteral("new-api"));
    model::Api api;
    api.name = name;
    std::string path = name;
    for (int n = 2; std::any_of(document.model().apis.begin(), document.model().apis.end(),
                                [&](const model::Api &a) { return normalisedPath(a.path.value_or("")) == path; });
         ++n)
        path = name + '-' + std::to_string(n);
    api.path = path;
    api.apiRevision = "1";
    api.displayName = tr("New API").toStdString();
    api.isCurrent = true;
    api.protocols = std::vector<std::string>{"https"};
    api.subscriptionRequired = true;
    api.contract.openApiVersion = "3.0.1";
    api.contract.title = *api.displayName;
    api.contract.version = "1.0";
    api.specificationFormat = "yaml";
    api.specificationText = syncSpecification({}, {}, api.contract, "yaml");
    document.putEntity<model::Api>(tr("New API"), name, std::optional(std::move(api)));
    return name;
}

std::vector<const model::Api *> revisionsOf(const model::Workspace &workspace, const std::string &root)
{
    std::vector<const model::Api *> out;
    for (const model::Api &api : workspace.apis)
        if (api.rootName() == root)
            out.push_back(&api);
    std::stable_sort(out.begin(), out.end(), [](const model::Api *a, const model::Api *b) {
        if (a->isRevisionFolder() != b->isRevisionFolder())
            return !a->isRevisionFolder();
        return a->revision().value_or(0) < b->revision().value_or(0);
    });
    return out;
}

std::string createRevision(workspace::WorkspaceDocument &document, const std::string &name)
{
    const model::Api *source = document.find<model::Api>(name);
    if (!source)
        return {};
    const std::string root = source->rootName();
    int highest = 0;
    for (const model::Api *api : revisionsOf(document.model(), root))
        highest = std::max(highest, api->revision().value_or(1));
    const int number = highest + 1;
    model::Api revision = *source;
    revision.name = root + ";rev=" + std::to_string(number);
    revision.apiRevision = std::to_string(number);
    revision.apiRevisionDescription.reset();
    revision.isCurrent = false;
    revision.releases.clear(); // releases live under the root name only
    revision.diagnostics.clear();
    // After the last revision of this API, so the navigator lists them together.
    std::string before;
    const auto &apis = document.model().apis;
    for (std::size_t i = 0; i < apis.size(); ++i)
        if (apis[i].rootName() == root && i + 1 < apis.size() && apis[i + 1].rootName() != root)
            before = apis[i + 1].name;
    document.putEntity<model::Api>(tr("Create Revision %1").arg(number), revision.name, std::optional(revision), {},
                                   before);
    return revision.name;
}

void makeCurrent(workspace::WorkspaceDocument &document, const std::string &name)
{
    const model::Api *revision = document.find<model::Api>(name);
    if (!revision || !revision->isRevisionFolder())
        return;
    const model::Api *current = document.find<model::Api>(revision->rootName());
    if (!current)
        return;
    model::Api oldCurrent = *current;
    model::Api newCurrent = *revision;
    const std::string root = current->name;

    newCurrent.name = root;
    newCurrent.isCurrent = true;
    newCurrent.displayName = oldCurrent.displayName;
    newCurrent.description = oldCurrent.description;
    newCurrent.path = oldCurrent.path;
    newCurrent.protocols = oldCurrent.protocols;
    newCurrent.subscriptionRequired = oldCurrent.subscriptionRequired;
    newCurrent.apiVersion = oldCurrent.apiVersion;
    newCurrent.type = oldCurrent.type;
    newCurrent.releases = oldCurrent.releases;

    oldCurrent.name = root + ";rev=" + oldCurrent.apiRevision.value_or("1");
    oldCurrent.isCurrent = false;
    oldCurrent.releases.clear();

    auto *stack = document.undoStack();
    stack->beginMacro(tr("Make Revision %1 Current").arg(QString::fromStdString(revision->apiRevision.value_or(""))));
    const std::string revisionName = revision->name;
    document.putEntity<model::Api>(QString(), revisionName, std::nullopt);
    document.putEntity<model::Api>(QString(), root, std::optional(newCurrent));
    std::string before;
    const auto &apis = document.model().apis;
    for (std::size_t i = 0; i + 1 < apis.size(); ++i)
        if (apis[i].name == root)
            before = apis[i + 1].name;
    document.putEntity<model::Api>(QString(), oldCurrent.name, std::optional(oldCurrent), {}, before);
    stack->endMacro();
}

const model::Api *pathConflict(const model::Workspace &workspace, const model::Api &api, const std::string &path)
{
    const std::string wanted = normalisedPath(path);
    for (const model::Api &other : workspace.apis) {
        if (other.rootName() == api.rootName())
            continue;
        if (normalisedPath(other.path.value_or("")) != wanted)
            continue;
        if (other.apiVersionSetId.value_or("") == api.apiVersionSetId.value_or("") &&
            other.apiVersion.value_or("") == api.apiVersion.value_or(""))
            return &other;
    }
    return nullptr;
}

std::string applyImport(workspace::WorkspaceDocument &document, ImportMode mode, const std::string &apiName,
                        const model::ApiContract &imported, const std::string &text)
{
    if (mode == ImportMode::NewApi) {
        model::Api api;
        api.name = uniqueApiName(document.model(), QString::fromStdString(apiName.empty() ? imported.title : apiName));
        api.displayName = imported.title.empty() ? api.name : imported.title;
        if (!imported.description.empty())
            api.description = imported.description;
        std::string path = api.name;
        for (int n = 2; pathConflict(document.model(), api, path); ++n)
            path = api.name + '-' + std::to_string(n);
        api.path = path;
        api.apiRevision = "1";
        api.isCurrent = true;
        api.protocols = std::vector<std::string>{"https"};
        api.subscriptionRequired = true;
        api.contract = imported;
        api.specificationFormat = detectFormat(text);
        api.specificationText = text;
        const std::string name = api.name;
        document.putEntity<model::Api>(tr("Import %1").arg(QString::fromStdString(api.displayName.value_or(name))),
                                       name, std::optional(std::move(api)));
        return name;
    }
    const model::Api *existing = document.find<model::Api>(apiName);
    if (!existing)
        return {};
    if (mode == ImportMode::Replace) {
        model::Api api = *existing;
        api.contract = imported;
        // The imported document is the specification now, in its own format and with all it holds.
        api.specificationFormat = detectFormat(text);
        api.specificationText = text;
        document.putEntity<model::Api>(tr("Import OpenAPI (replace)"), apiName, std::optional(std::move(api)));
        return apiName;
    }
    editApi(document, tr("Import OpenAPI (merge)"), apiName, [&](model::Api &api) {
        for (const model::Operation &operation : imported.operations) {
            auto same = std::find_if(api.contract.operations.begin(), api.contract.operations.end(),
                                     [&](const model::Operation &o) { return o.name == operation.name; });
            if (same != api.contract.operations.end())
                *same = operation;
            else
                api.contract.operations.push_back(operation);
        }
    });
    return apiName;
}

} // namespace gh::apis
