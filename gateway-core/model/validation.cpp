#include "validation.h"

#include "paths.h"

#include <algorithm>
#include <map>
#include <set>

namespace gw::model {

namespace {

const std::set<std::string> kBuiltInGroups = {"administrators", "developers", "guests"};

class Validator {
public:
    explicit Validator(Diagnostics &out) : m_out(out) {}

    void entities(const Entities &e, const std::string &scope)
    {
        apis(e, scope);
        products(e, scope);
        subscriptions(e, scope);
        tags(e, scope);
        backends(e, scope);
        namedValues(e, scope);
        for (const auto &setting : e.diagnostics)
            diagnosticSetting(e, setting, paths::diagnostic(scope, setting.name));
    }

    void gateways(const Workspace &workspace)
    {
        for (const auto &gateway : workspace.gateways) {
            for (const auto &api : gateway.apis) {
                if (!workspace.findApi(api))
                    warn(paths::gatewayApi(gateway.name, api), "", "links API '" + api + "', which does not exist");
            }
        }
    }

private:
    void add(Severity severity, const std::string &file, const std::string &pointer, std::string message)
    {
        m_out.push_back({{file, 0, 0, pointer}, severity, std::move(message)});
    }
    void error(const std::string &file, const std::string &pointer, std::string message)
    {
        add(Severity::Error, file, pointer, std::move(message));
    }
    void warn(const std::string &file, const std::string &pointer, std::string message)
    {
        add(Severity::Warning, file, pointer, std::move(message));
    }

    static bool resolves(const std::vector<std::string> &names, const std::string &id, const char *collection)
    {
        return std::any_of(names.begin(), names.end(),
                           [&](const std::string &name) { return refersTo(id, collection, name); });
    }
    template<typename T>
    static std::vector<std::string> namesOf(const std::vector<T> &items)
    {
        std::vector<std::string> names;
        for (const auto &item : items)
            names.push_back(item.name);
        return names;
    }

    void apis(const Entities &e, const std::string &scope)
    {
        std::map<std::string, std::vector<const Api *>> byPath; // current revisions by path
        for (const Api &api : e.apis) {
            const std::string file = paths::apiInformation(scope, api.name);
            if (!api.apiRevision) {
                error(file, "/properties/apiRevision",
                      "apiRevision is missing; the APIOps publisher needs it (a positive integer, e.g. \"1\")");
            } else if (!api.revision()) {
                error(file, "/properties/apiRevision",
                      "apiRevision must be a positive integer written as a string, not \"" + *api.apiRevision + "\"");
            }
            if (api.isRevisionFolder()) {
                const std::string root = api.rootName();
                const std::string number = api.name.substr(api.name.find(";rev=") + 5);
                const Api *current = e.findApi(root);
                if (!current)
                    error(file, "", "revision folder '" + api.name + "' has no root API folder 'apis/" + root + "'");
                if (api.apiRevision && *api.apiRevision != number)
                    error(file, "/properties/apiRevision",
                          "the folder is revision " + number + " but apiRevision is \"" + *api.apiRevision + "\"");
                if (current && current->apiRevision && *current->apiRevision == number)
                    error(file, "",
                          "revision " + number + " is both the current revision (apis/" + root +
                              ") and a ;rev= folder");
            } else {
                if (!api.path)
                    error(file, "/properties/path", "path is missing (use \"\" for the root of the gateway)");
                else
                    byPath[*api.path].push_back(&api);
            }
            if (api.apiVersionSetId && !resolves(namesOf(e.versionSets), *api.apiVersionSetId, "apiVersionSets"))
                warn(file, "/properties/apiVersionSetId",
                     "version set " + *api.apiVersionSetId + " does not exist in this workspace");
            if (api.contract.operations.size() > 0 ||
                (api.specificationFormat && *api.specificationFormat != "graphql")) {
                for (const auto &policy : api.operationPolicies) {
                    if (!api.contract.findOperation(policy.operation) && api.specificationText &&
                        (*api.specificationFormat == "yaml" || *api.specificationFormat == "json"))
                        warn(paths::operationPolicy(scope, api.name, policy.operation), "",
                             "the specification has no operation '" + policy.operation + "'");
                }
            }
            for (const auto &setting : api.diagnostics)
                diagnosticSetting(e, setting, paths::apiDiagnostic(scope, api.name, setting.name));
        }
        for (const auto &[path, apis] : byPath) {
            // APIs share a path only as the versions of one version set.
            const Api &first = *apis.front();
            const std::string set = first.apiVersionSetId ? lastSegment(*first.apiVersionSetId) : "";
            std::set<std::string> versions;
            for (const Api *api : apis) {
                const std::string file = paths::apiInformation(scope, api->name);
                const std::string apiSet = api->apiVersionSetId ? lastSegment(*api->apiVersionSetId) : "";
                if (api != &first && (set.empty() || apiSet != set))
                    error(file, "/properties/path",
                          "path \"" + path + "\" is already used by API '" + first.name +
                              "'; APIs share a path only as versions of one version set");
                else if (!set.empty() && !versions.insert(api->apiVersion.value_or("")).second)
                    error(file, "/properties/apiVersion",
                          "version \"" + api->apiVersion.value_or("") + "\" of version set '" + set +
                              "' is defined by another API too");
            }
        }
    }

    void products(const Entities &e, const std::string &scope)
    {
        for (const Product &product : e.products) {
            for (const auto &link : product.apis) {
                if (!e.findApi(link.target))
                    warn(paths::productApi(scope, product.name, link.target), "",
                         "product '" + product.name + "' links API '" + link.target + "', which does not exist");
            }
            for (const auto &link : product.groups) {
                const bool known = kBuiltInGroups.count(link.group) ||
                                   std::any_of(e.groups.begin(), e.groups.end(),
                                               [&](const Group &group) { return group.name == link.group; });
                if (!known)
                    warn(paths::productGroup(scope, product.name, link.group), "",
                         "product '" + product.name + "' links group '" + link.group + "', which does not exist");
            }
        }
    }

    void subscriptions(const Entities &e, const std::string &scope)
    {
        for (const Subscription &subscription : e.subscriptions) {
            const std::string file = paths::subscription(scope, subscription.name);
            if (!subscription.scope) {
                error(file, "/properties/scope", "scope is missing (/products/<p>, /apis/<api> or /apis)");
                continue;
            }
            const std::string &id = *subscription.scope;
            const bool allApis = id == "/apis" || id.ends_with("/apis");
            const bool ok =
                allApis || resolves(namesOf(e.products), id, "products") || resolves(namesOf(e.apis), id, "apis");
            if (!ok)
                warn(file, "/properties/scope", "scope " + id + " names no product or API of this workspace");
            if (!subscription.state)
                error(file, "/properties/state", "state is missing (active, suspended, ...)");
        }
    }

    void tags(const Entities &e, const std::string &scope)
    {
        for (const Tag &tag : e.tags) {
            for (const auto &link : tag.apis) {
                if (!e.findApi(link.target))
                    warn(paths::tagApi(scope, tag.name, link.target), "",
                         "tag '" + tag.name + "' links API '" + link.target + "', which does not exist");
            }
            for (const auto &link : tag.products) {
                if (!e.findProduct(link.target))
                    warn(paths::tagProduct(scope, tag.name, link.target), "",
                         "tag '" + tag.name + "' links product '" + link.target + "', which does not exist");
            }
        }
    }

    void backends(const Entities &e, const std::string &scope)
    {
        for (const Backend &backend : e.backends) {
            const std::string file = paths::backend(scope, backend.name);
            if (backend.isPool()) {
                if (backend.url)
                    error(file, "/properties/url", "a pool backend must not have a url");
                if (backend.protocol)
                    error(file, "/properties/protocol", "a pool backend must not have a protocol");
                for (std::size_t i = 0; i < backend.pool.size(); ++i) {
                    const std::string member = lastSegment(backend.pool[i].id);
                    const Backend *target = e.findBackend(member);
                    if (!target)
                        warn(file, "/properties/pool/services/" + std::to_string(i) + "/id",
                             "pool member " + backend.pool[i].id + " does not exist");
                    else if (target->isPool())
                        error(file, "/properties/pool/services/" + std::to_string(i) + "/id",
                              "pool member '" + member + "' is itself a pool; members must be single backends");
                }
            } else if (!backend.url) {
                error(file, "/properties/url", "url is missing");
            }
        }
    }

    void namedValues(const Entities &e, const std::string &scope)
    {
        std::map<std::string, std::string> byDisplayName;
        for (const NamedValue &value : e.namedValues) {
            const std::string file = paths::namedValue(scope, value.name);
            if (!value.displayName) {
                error(file, "/properties/displayName", "displayName is missing; policies refer to it as {{...}}");
                continue;
            }
            if (auto [it, inserted] = byDisplayName.emplace(*value.displayName, value.name); !inserted)
                error(file, "/properties/displayName",
                      "display name '" + *value.displayName + "' is also used by named value '" + it->second + "'");
            if (value.secret.value_or(false) && !value.value && value.keyVault.is_null())
                warn(file, "",
                     "secret named value '" + value.name +
                         "' has no value here: give it one in the local secret store or in "
                         "configuration.<env>.yaml");
        }
    }

    void diagnosticSetting(const Entities &e, const DiagnosticSetting &setting, const std::string &file)
    {
        if (!setting.loggerId) {
            error(file, "/properties/loggerId", "loggerId is missing; the APIOps publisher stops on it");
            return;
        }
        if (setting.loggerId->find("/loggers/") == std::string::npos)
            error(file, "/properties/loggerId", "loggerId must end in /loggers/<logger>, not " + *setting.loggerId);
        else if (!resolves(namesOf(e.loggers), *setting.loggerId, "loggers"))
            warn(file, "/properties/loggerId", "logger " + *setting.loggerId + " does not exist in this workspace");
    }

    Diagnostics &m_out;
};

} // namespace

Diagnostics validate(const Workspace &workspace)
{
    Diagnostics out;
    Validator validator(out);
    validator.entities(workspace, "");
    validator.gateways(workspace);
    for (const auto &ws : workspace.workspaces)
        validator.entities(ws, paths::workspace(ws.name));
    return out;
}

} // namespace gw::model
