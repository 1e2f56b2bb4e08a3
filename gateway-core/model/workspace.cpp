#include "workspace.h"

#include <algorithm>

namespace gw::model {

namespace {
template<typename T>
const T *findByName(const std::vector<T> &items, const std::string &name)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.name == name; });
    return it == items.end() ? nullptr : &*it;
}
} // namespace

std::string Api::rootName() const
{
    return name.substr(0, name.find(";rev="));
}

bool Api::isRevisionFolder() const
{
    return name.find(";rev=") != std::string::npos;
}

std::optional<int> Api::revision() const
{
    if (!apiRevision || apiRevision->empty() || apiRevision->size() > 9)
        return std::nullopt;
    if (!std::all_of(apiRevision->begin(), apiRevision->end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const int value = std::stoi(*apiRevision);
    return value > 0 ? std::optional<int>(value) : std::nullopt;
}

const Operation *ApiContract::findOperation(const std::string &name) const
{
    return findByName(operations, name);
}

const Api *Entities::findApi(const std::string &name) const
{
    return findByName(apis, name);
}

const Product *Entities::findProduct(const std::string &name) const
{
    return findByName(products, name);
}

const VersionSet *Entities::findVersionSet(const std::string &name) const
{
    return findByName(versionSets, name);
}

const Backend *Entities::findBackend(const std::string &name) const
{
    return findByName(backends, name);
}

const NamedValue *Entities::findNamedValueByDisplayName(const std::string &displayName) const
{
    auto it = std::find_if(namedValues.begin(), namedValues.end(),
                           [&](const NamedValue &value) { return value.displayName == displayName; });
    return it == namedValues.end() ? nullptr : &*it;
}

std::string lastSegment(const std::string &id)
{
    const auto slash = id.find_last_of('/');
    return slash == std::string::npos ? id : id.substr(slash + 1);
}

bool refersTo(const std::string &id, const std::string &collection, const std::string &name)
{
    const std::string tail = "/" + collection + "/" + name;
    if (id.size() < tail.size())
        return false;
    // ARM compares names without regard to case; so do the tools.
    return std::equal(tail.rbegin(), tail.rend(), id.rbegin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

} // namespace gw::model
