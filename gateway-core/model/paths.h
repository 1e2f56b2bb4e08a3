#pragma once

#include <string>

namespace gw::model::paths {

// Where each kind lives in the artifacts folder (apiops-layout.md section 2.1),
// relative to the root, with '/' separators. `scope` is "" for the service and
// "workspaces/<ws>/" for an APIM workspace. The one place the layout's file
// names are spelled.

inline std::string api(const std::string &scope, const std::string &name)
{
    return scope + "apis/" + name + "/";
}
inline std::string apiInformation(const std::string &scope, const std::string &name)
{
    return api(scope, name) + "apiInformation.json";
}
inline std::string specification(const std::string &scope, const std::string &name, const std::string &extension)
{
    return api(scope, name) + "specification." + extension;
}
inline std::string operationPolicy(const std::string &scope, const std::string &api, const std::string &operation)
{
    return paths::api(scope, api) + "operations/" + operation + "/policy.xml";
}
inline std::string apiDiagnostic(const std::string &scope, const std::string &api, const std::string &name)
{
    return paths::api(scope, api) + "diagnostics/" + name + "/diagnosticInformation.json";
}
inline std::string release(const std::string &scope, const std::string &api, const std::string &name)
{
    return paths::api(scope, api) + "releases/" + name + "/apiReleaseInformation.json";
}
inline std::string versionSet(const std::string &scope, const std::string &name)
{
    return scope + "version sets/" + name + "/versionSetInformation.json";
}
inline std::string product(const std::string &scope, const std::string &name)
{
    return scope + "products/" + name + "/";
}
inline std::string productInformation(const std::string &scope, const std::string &name)
{
    return product(scope, name) + "productInformation.json";
}
inline std::string productApi(const std::string &scope, const std::string &product, const std::string &api)
{
    return paths::product(scope, product) + "apis/" + api + "/productApiInformation.json";
}
inline std::string productGroup(const std::string &scope, const std::string &product, const std::string &group)
{
    return paths::product(scope, product) + "groups/" + group + "/productGroupInformation.json";
}
inline std::string group(const std::string &scope, const std::string &name)
{
    return scope + "groups/" + name + "/groupInformation.json";
}
inline std::string subscription(const std::string &scope, const std::string &name)
{
    return scope + "subscriptions/" + name + "/subscriptionInformation.json";
}
inline std::string namedValue(const std::string &scope, const std::string &name)
{
    return scope + "named values/" + name + "/namedValueInformation.json";
}
inline std::string backend(const std::string &scope, const std::string &name)
{
    return scope + "backends/" + name + "/backendInformation.json";
}
inline std::string fragment(const std::string &scope, const std::string &name)
{
    return scope + "policy fragments/" + name + "/";
}
inline std::string fragmentInformation(const std::string &scope, const std::string &name)
{
    return fragment(scope, name) + "policyFragmentInformation.json";
}
inline std::string tag(const std::string &scope, const std::string &name)
{
    return scope + "tags/" + name + "/";
}
inline std::string tagInformation(const std::string &scope, const std::string &name)
{
    return tag(scope, name) + "tagInformation.json";
}
inline std::string tagApi(const std::string &scope, const std::string &tag, const std::string &api)
{
    return paths::tag(scope, tag) + "apis/" + api + "/tagApiInformation.json";
}
inline std::string tagProduct(const std::string &scope, const std::string &tag, const std::string &product)
{
    return paths::tag(scope, tag) + "products/" + product + "/tagProductInformation.json";
}
inline std::string logger(const std::string &scope, const std::string &name)
{
    return scope + "loggers/" + name + "/loggerInformation.json";
}
inline std::string diagnostic(const std::string &scope, const std::string &name)
{
    return scope + "diagnostics/" + name + "/diagnosticInformation.json";
}
inline std::string gateway(const std::string &name)
{
    return "gateways/" + name + "/gatewayInformation.json";
}
inline std::string gatewayApi(const std::string &gateway, const std::string &api)
{
    return "gateways/" + gateway + "/apis/" + api + "/gatewayApiInformation.json";
}
inline std::string workspace(const std::string &name)
{
    return "workspaces/" + name + "/";
}

// Layouts before v7 (section 9), read and upgraded.
namespace legacy {
inline std::string productApis(const std::string &scope, const std::string &product)
{
    return paths::product(scope, product) + "apis.json";
}
inline std::string productGroups(const std::string &scope, const std::string &product)
{
    return paths::product(scope, product) + "groups.json";
}
inline std::string productTags(const std::string &scope, const std::string &product)
{
    return paths::product(scope, product) + "tags.json";
}
inline std::string productTag(const std::string &scope, const std::string &product, const std::string &tag)
{
    return paths::product(scope, product) + "tags/" + tag + "/productTagInformation.json";
}
inline std::string apiTags(const std::string &scope, const std::string &api)
{
    return paths::api(scope, api) + "tags.json";
}
inline std::string apiTag(const std::string &scope, const std::string &api, const std::string &tag)
{
    return paths::api(scope, api) + "tags/" + tag + "/apiTagInformation.json";
}
inline std::string gatewayApis(const std::string &gateway)
{
    return "gateways/" + gateway + "/apis.json";
}
inline std::string versionSet(const std::string &scope, const std::string &name)
{
    return scope + "version sets/" + name + "/apiVersionSetInformation.json";
}
} // namespace legacy

} // namespace gw::model::paths
