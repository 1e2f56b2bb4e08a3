#include "layout.h"

#include "codec.h"

#include <model/paths.h>

namespace gw::store {

namespace paths = model::paths;

namespace {

class Describer {
public:
    Describer(const LayoutOptions &options, std::vector<FileSpec> &out) : m_options(options), m_out(out) {}

    void entities(const model::Entities &e, const std::string &scope)
    {
        for (const auto &api : e.apis)
            this->api(api, scope);
        for (const auto &set : e.versionSets) {
            const std::string legacy = paths::legacy::versionSet(scope, set.name);
            json(keepsLegacy(legacy) ? legacy : paths::versionSet(scope, set.name), encode(set));
        }
        for (const auto &product : e.products)
            this->product(product, scope);
        for (const auto &group : e.groups)
            json(paths::group(scope, group.name), encode(group));
        for (const auto &subscription : e.subscriptions)
            json(paths::subscription(scope, subscription.name), encode(subscription));
        for (const auto &value : e.namedValues)
            json(paths::namedValue(scope, value.name), encode(value));
        for (const auto &backend : e.backends)
            json(paths::backend(scope, backend.name), encode(backend));
        for (const auto &fragment : e.policyFragments) {
            json(paths::fragmentInformation(scope, fragment.name), encode(fragment));
            if (fragment.policy)
                raw(paths::fragment(scope, fragment.name) + "policy.xml", fragment.policy->text);
        }
        for (const auto &tag : e.tags)
            this->tag(tag, scope);
        for (const auto &logger : e.loggers)
            json(paths::logger(scope, logger.name), encode(logger));
        for (const auto &setting : e.diagnostics)
            json(paths::diagnostic(scope, setting.name), encode(setting));
    }

    void gateways(const std::vector<model::Gateway> &gateways)
    {
        for (const auto &gateway : gateways) {
            json(paths::gateway(gateway.name), encode(gateway));
            const std::string legacy = paths::legacy::gatewayApis(gateway.name);
            if (keepsLegacy(legacy)) {
                json(legacy, nameList(gateway.apis));
                continue;
            }
            for (const auto &api : gateway.apis)
                json(paths::gatewayApi(gateway.name, api), model::Json::object());
        }
    }

    void raw(std::string path, std::string text) { m_out.push_back({std::move(path), std::move(text)}); }

private:
    bool keepsLegacy(const std::string &path) const
    {
        return !m_options.upgrade && m_options.legacyFiles && m_options.legacyFiles->count(path);
    }

    void json(std::string path, model::Json document) { m_out.push_back({std::move(path), std::move(document)}); }

    static model::Json nameList(const std::vector<std::string> &names)
    {
        model::Json list = model::Json::array();
        for (const auto &name : names)
            list.push_back({{"name", name}});
        return list;
    }

    void api(const model::Api &api, const std::string &scope)
    {
        json(paths::apiInformation(scope, api.name), encode(api));
        if (api.specificationFormat && api.specificationText)
            raw(paths::specification(scope, api.name, *api.specificationFormat), *api.specificationText);
        if (api.policy)
            raw(paths::api(scope, api.name) + "policy.xml", api.policy->text);
        for (const auto &operation : api.operationPolicies)
            raw(paths::operationPolicy(scope, api.name, operation.operation), operation.policy.text);
        for (const auto &setting : api.diagnostics)
            json(paths::apiDiagnostic(scope, api.name, setting.name), encode(setting));
        for (const auto &release : api.releases)
            json(paths::release(scope, api.name, release.name), encode(release));
    }

    void product(const model::Product &product, const std::string &scope)
    {
        json(paths::productInformation(scope, product.name), encode(product));
        if (product.policy)
            raw(paths::product(scope, product.name) + "policy.xml", product.policy->text);

        const std::string legacyApis = paths::legacy::productApis(scope, product.name);
        if (keepsLegacy(legacyApis)) {
            std::vector<std::string> names;
            for (const auto &link : product.apis)
                names.push_back(link.target);
            json(legacyApis, nameList(names));
        } else {
            for (const auto &link : product.apis)
                json(paths::productApi(scope, product.name, link.target), encode(link, "apiId"));
        }

        const std::string legacyGroups = paths::legacy::productGroups(scope, product.name);
        if (keepsLegacy(legacyGroups)) {
            std::vector<std::string> names;
            for (const auto &link : product.groups)
                names.push_back(link.group);
            json(legacyGroups, nameList(names));
            return;
        }
        for (model::ProductGroupLink link : product.groups) {
            const std::string path = paths::productGroup(scope, product.name, link.group);
            // v6 wrote '{}' here, which the v7 publisher ignores: an upgrade names the group.
            if (m_options.upgrade && !link.groupId) {
                link.linkName = link.linkName.value_or(link.group);
                link.groupId = "/" + scope + "groups/" + link.group;
            }
            json(path, encode(link));
        }
    }

    void tag(const model::Tag &tag, const std::string &scope)
    {
        json(paths::tagInformation(scope, tag.name), encode(tag));
        for (const auto &link : tag.apis) {
            const std::string legacy = paths::legacy::apiTag(scope, link.target, tag.name);
            json(keepsLegacy(legacy) ? legacy : paths::tagApi(scope, tag.name, link.target), encode(link, "apiId"));
        }
        for (const auto &link : tag.products) {
            const std::string legacy = paths::legacy::productTag(scope, link.target, tag.name);
            json(keepsLegacy(legacy) ? legacy : paths::tagProduct(scope, tag.name, link.target),
                 encode(link, "productId"));
        }
    }

    const LayoutOptions &m_options;
    std::vector<FileSpec> &m_out;
};

} // namespace

std::vector<FileSpec> describeFiles(const model::Workspace &workspace, const LayoutOptions &options)
{
    std::vector<FileSpec> files;
    Describer describer(options, files);
    if (workspace.policy)
        describer.raw("policy.xml", workspace.policy->text);
    describer.entities(workspace, "");
    describer.gateways(workspace.gateways);
    for (const auto &ws : workspace.workspaces)
        describer.entities(ws, paths::workspace(ws.name));
    return files;
}

} // namespace gw::store
