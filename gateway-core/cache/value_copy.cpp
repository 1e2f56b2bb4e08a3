// Copies of expression values that the cache can keep for other requests. A Value is cheap to copy, but JSON tokens,
// collections and send-request responses are reference types (a later `obj["a"] = 1` in the storing request would
// change the cached value), so those are copied deeply, on the way in and on the way out. Their payload types are
// the expression module's (expr/runtime.h): the cache is the one other place that needs to walk them.
#include "cache.h"

#include <expr/context.h>
#include <expr/runtime.h>

namespace gw::cache {

namespace {

using expr::TypeId;
using expr::Value;

// Types of the context object model: a Value of these carries no pointer and is resolved against the request that
// evaluates it, so outside its own request it would show another request's data.
bool isContextModel(TypeId type)
{
    switch (type) {
    case TypeId::Context:
    case TypeId::Request:
    case TypeId::Response:
    case TypeId::Url:
    case TypeId::Headers:
    case TypeId::Variables:
    case TypeId::MessageBody:
    case TypeId::Api:
    case TypeId::Operation:
    case TypeId::Product:
    case TypeId::Subscription:
    case TypeId::User:
    case TypeId::LastError:
    case TypeId::Deployment:
    case TypeId::Gateway:
    case TypeId::GraphQL:
        return true;
    default:
        return false;
    }
}

std::size_t jsonBytes(const expr::JNode &node)
{
    std::size_t bytes = sizeof(expr::JNode) + node.text.size() + node.children.size() * sizeof(expr::JRef);
    for (const auto &child : node.children)
        bytes += jsonBytes(*child);
    return bytes;
}

std::size_t headersBytes(const http::Headers &headers)
{
    std::size_t bytes = 0;
    for (const http::Header &field : headers.fields())
        bytes += sizeof(http::Header) + field.name.size() + field.value.size();
    return bytes;
}

} // namespace

Value keptCopy(const Value &value)
{
    const TypeId type = value.type();
    const auto &object = value.object();
    if (!object)
        return isContextModel(type) ? expr::makeString(expr::toText(value)) : value;
    switch (type) {
    case TypeId::JToken:
    case TypeId::JObject:
    case TypeId::JArray:
    case TypeId::JValue:
    case TypeId::JProperty:
        return Value(type, value.integer(), expr::cloneJson(*value.as<expr::JNode>()), value.flags());
    case TypeId::Enumerable:
    case TypeId::Array:
    case TypeId::List:
    case TypeId::HashSet: {
        if (const auto *list = dynamic_cast<const expr::ListBox *>(object.get())) {
            auto copy = std::make_shared<expr::ListBox>();
            copy->elem = list->elem;
            copy->items.reserve(list->items.size());
            for (const Value &item : list->items)
                copy->items.push_back(keptCopy(item));
            return Value(type, value.integer(), std::move(copy), value.flags());
        }
        return value;
    }
    case TypeId::Dictionary:
    case TypeId::Headers:
    case TypeId::Variables: {
        if (const auto *dict = dynamic_cast<const expr::DictBox *>(object.get())) {
            auto copy = std::make_shared<expr::DictBox>();
            copy->keyType = dict->keyType;
            copy->valueType = dict->valueType;
            copy->ignoreCase = dict->ignoreCase;
            for (const auto &[key, item] : dict->entries)
                copy->entries.emplace_back(keptCopy(key), keptCopy(item));
            return Value(type, value.integer(), std::move(copy), value.flags());
        }
        return value;
    }
    case TypeId::KeyValuePair: {
        if (const auto *pair = dynamic_cast<const expr::PairBox *>(object.get())) {
            auto copy = std::make_shared<expr::PairBox>();
            copy->key = keptCopy(pair->key);
            copy->value = keptCopy(pair->value);
            return Value(type, value.integer(), std::move(copy), value.flags());
        }
        return value;
    }
    case TypeId::StringBuilder: {
        auto copy = std::make_shared<expr::StringBuilderBox>();
        copy->text = value.as<expr::StringBuilderBox>()->text;
        return Value(type, value.integer(), std::move(copy), value.flags());
    }
    case TypeId::Bytes:
        return Value(type, value.integer(), std::make_shared<expr::BytesBox>(value.as<expr::BytesBox>()->data),
                     value.flags());
    case TypeId::Response: {
        if (const auto *response = dynamic_cast<const expr::ResponseBox *>(object.get()); response && response->state)
            return expr::makeResponse(std::make_shared<expr::ResponseState>(*response->state));
        return expr::makeString(expr::toText(value));
    }
    default:
        // Strings, GUIDs and the other host objects (Regex, Uri, Jwt, ...) do not change once made.
        return value;
    }
}

std::size_t valueBytes(const Value &value)
{
    std::size_t bytes = sizeof(Value);
    const auto &object = value.object();
    if (!object)
        return bytes;
    switch (value.type()) {
    case TypeId::String:
        return bytes + sizeof(expr::StringBox) + value.text().size();
    case TypeId::JToken:
    case TypeId::JObject:
    case TypeId::JArray:
    case TypeId::JValue:
    case TypeId::JProperty:
        return bytes + jsonBytes(*value.as<expr::JNode>());
    case TypeId::Bytes:
        return bytes + sizeof(expr::BytesBox) + value.as<expr::BytesBox>()->data.size();
    case TypeId::StringBuilder:
        return bytes + sizeof(expr::StringBuilderBox) + value.as<expr::StringBuilderBox>()->text.size();
    default:
        break;
    }
    if (const auto *list = dynamic_cast<const expr::ListBox *>(object.get())) {
        bytes += sizeof(expr::ListBox);
        for (const Value &item : list->items)
            bytes += valueBytes(item);
    } else if (const auto *dict = dynamic_cast<const expr::DictBox *>(object.get())) {
        bytes += sizeof(expr::DictBox);
        for (const auto &[key, item] : dict->entries)
            bytes += valueBytes(key) + valueBytes(item);
    } else if (const auto *pair = dynamic_cast<const expr::PairBox *>(object.get())) {
        bytes += sizeof(expr::PairBox) + valueBytes(pair->key) + valueBytes(pair->value);
    } else if (const auto *response = dynamic_cast<const expr::ResponseBox *>(object.get())) {
        bytes += sizeof(expr::ResponseBox);
        if (response->state) {
            bytes += sizeof(expr::ResponseState) + response->state->statusReason.size() +
                     headersBytes(response->state->headers) +
                     (response->state->body ? response->state->body->size() : 0);
        }
    } else {
        // Other host objects (Regex, Uri, ...): their text stands for their size.
        bytes += 64 + expr::toText(value).size();
    }
    return bytes;
}

} // namespace gw::cache
