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

const Api *Workspace::findApi(const std::string &name) const
{
    return findByName(apis, name);
}

const Product *Workspace::findProduct(const std::string &name) const
{
    return findByName(products, name);
}

} // namespace gw::model
