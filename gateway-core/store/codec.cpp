#include "codec.h"

#include <variant>

namespace gw::store {

namespace {

using model::OptBool;
using model::OptString;
using OptInt = std::optional<std::int64_t>;
using OptStrings = std::optional<std::vector<std::string>>;

// One JSON-backed member of entity type T, at a JSON pointer of its document.
template<typename T>
struct Field {
    const char *pointer;
    std::variant<OptString T::*, OptBool T::*, OptInt T::*, OptStrings T::*, Json T::*> member;
};

const Json *find(const Json &document, const std::string &pointer)
{
    const Json::json_pointer path(pointer);
    return document.contains(path) ? &document.at(path) : nullptr;
}

template<typename T>
void decodeFields(const Json &document, T &entity, const std::vector<Field<T>> &fields, const DecodeContext &context)
{
    for (const Field<T> &field : fields) {
        const Json *value = find(document, field.pointer);
        if (!value || value->is_null())
            continue;
        std::visit(
            [&](auto member) {
                using M = std::remove_reference_t<decltype(entity.*member)>;
                if constexpr (std::is_same_v<M, OptString>) {
                    if (value->is_string())
                        entity.*member = value->template get<std::string>();
                    else
                        context.wrongType(field.pointer, "a string");
                } else if constexpr (std::is_same_v<M, OptBool>) {
                    if (value->is_boolean())
                        entity.*member = value->template get<bool>();
                    else
                        context.wrongType(field.pointer, "true or false");
                } else if constexpr (std::is_same_v<M, OptInt>) {
                    if (value->is_number_integer())
                        entity.*member = value->template get<std::int64_t>();
                    else
                        context.wrongType(field.pointer, "an integer");
                } else if constexpr (std::is_same_v<M, OptStrings>) {
                    bool strings = value->is_array();
                    for (const Json &item : *value)
                        strings = strings && item.is_string();
                    if (strings)
                        entity.*member = value->template get<std::vector<std::string>>();
                    else
                        context.wrongType(field.pointer, "an array of strings");
                } else {
                    entity.*member = *value;
                }
            },
            field.member);
    }
}

void put(Json &document, const std::string &pointer, Json value)
{
    document[Json::json_pointer(pointer)] = std::move(value);
}

template<typename T>
Json encodeFields(const T &entity, const std::vector<Field<T>> &fields)
{
    Json document = Json::object();
    for (const Field<T> &field : fields) {
        std::visit(
            [&](auto member) {
                const auto &value = entity.*member;
                using M = std::remove_cvref_t<decltype(value)>;
                if constexpr (std::is_same_v<M, Json>) {
                    if (!value.is_null())
                        put(document, field.pointer, value);
                } else if (value) {
                    put(document, field.pointer, *value);
                }
            },
            field.member);
    }
    if (!document.contains("properties"))
        document["properties"] = Json::object();
    return document;
}

#define GW_FIELD(Type, pointer, member)                                                                                \
    Field<model::Type>                                                                                                 \
    {                                                                                                                  \
        pointer, &model::Type::member                                                                                  \
    }

const std::vector<Field<model::Api>> &apiFields()
{
    static const std::vector<Field<model::Api>> fields = {
        GW_FIELD(Api, "/properties/path", path),
        GW_FIELD(Api, "/properties/apiRevision", apiRevision),
        GW_FIELD(Api, "/properties/apiRevisionDescription", apiRevisionDescription),
        GW_FIELD(Api, "/properties/apiType", apiType),
        GW_FIELD(Api, "/properties/apiVersion", apiVersion),
        GW_FIELD(Api, "/properties/apiVersionDescription", apiVersionDescription),
        GW_FIELD(Api, "/properties/apiVersionSet", apiVersionSet),
        GW_FIELD(Api, "/properties/apiVersionSetId", apiVersionSetId),
        GW_FIELD(Api, "/properties/authenticationSettings", authenticationSettings),
        GW_FIELD(Api, "/properties/contact", contact),
        GW_FIELD(Api, "/properties/description", description),
        GW_FIELD(Api, "/properties/displayName", displayName),
        GW_FIELD(Api, "/properties/isCurrent", isCurrent),
        GW_FIELD(Api, "/properties/license", license),
        GW_FIELD(Api, "/properties/protocols", protocols),
        GW_FIELD(Api, "/properties/serviceUrl", serviceUrl),
        GW_FIELD(Api, "/properties/sourceApiId", sourceApiId),
        GW_FIELD(Api, "/properties/subscriptionKeyParameterNames/header", subscriptionKeyHeader),
        GW_FIELD(Api, "/properties/subscriptionKeyParameterNames/query", subscriptionKeyQuery),
        GW_FIELD(Api, "/properties/subscriptionRequired", subscriptionRequired),
        GW_FIELD(Api, "/properties/termsOfServiceUrl", termsOfServiceUrl),
        GW_FIELD(Api, "/properties/type", type),
    };
    return fields;
}

const std::vector<Field<model::VersionSet>> &versionSetFields()
{
    static const std::vector<Field<model::VersionSet>> fields = {
        GW_FIELD(VersionSet, "/properties/displayName", displayName),
        GW_FIELD(VersionSet, "/properties/versioningScheme", versioningScheme),
        GW_FIELD(VersionSet, "/properties/description", description),
        GW_FIELD(VersionSet, "/properties/versionHeaderName", versionHeaderName),
        GW_FIELD(VersionSet, "/properties/versionQueryName", versionQueryName),
    };
    return fields;
}

const std::vector<Field<model::Product>> &productFields()
{
    static const std::vector<Field<model::Product>> fields = {
        GW_FIELD(Product, "/properties/displayName", displayName),
        GW_FIELD(Product, "/properties/description", description),
        GW_FIELD(Product, "/properties/approvalRequired", approvalRequired),
        GW_FIELD(Product, "/properties/state", state),
        GW_FIELD(Product, "/properties/subscriptionRequired", subscriptionRequired),
        GW_FIELD(Product, "/properties/subscriptionsLimit", subscriptionsLimit),
        GW_FIELD(Product, "/properties/terms", terms),
    };
    return fields;
}

const std::vector<Field<model::ProductGroupLink>> &productGroupLinkFields()
{
    static const std::vector<Field<model::ProductGroupLink>> fields = {
        GW_FIELD(ProductGroupLink, "/name", linkName),
        GW_FIELD(ProductGroupLink, "/properties/groupId", groupId),
    };
    return fields;
}

const std::vector<Field<model::Group>> &groupFields()
{
    static const std::vector<Field<model::Group>> fields = {
        GW_FIELD(Group, "/properties/displayName", displayName),
        GW_FIELD(Group, "/properties/description", description),
        GW_FIELD(Group, "/properties/externalId", externalId),
        GW_FIELD(Group, "/properties/type", type),
    };
    return fields;
}

const std::vector<Field<model::Subscription>> &subscriptionFields()
{
    static const std::vector<Field<model::Subscription>> fields = {
        GW_FIELD(Subscription, "/properties/displayName", displayName),
        GW_FIELD(Subscription, "/properties/scope", scope),
        GW_FIELD(Subscription, "/properties/allowTracing", allowTracing),
        GW_FIELD(Subscription, "/properties/ownerId", ownerId),
        GW_FIELD(Subscription, "/properties/primaryKey", primaryKey),
        GW_FIELD(Subscription, "/properties/secondaryKey", secondaryKey),
        GW_FIELD(Subscription, "/properties/state", state),
    };
    return fields;
}

const std::vector<Field<model::NamedValue>> &namedValueFields()
{
    static const std::vector<Field<model::NamedValue>> fields = {
        GW_FIELD(NamedValue, "/properties/displayName", displayName),
        GW_FIELD(NamedValue, "/properties/keyVault", keyVault),
        GW_FIELD(NamedValue, "/properties/secret", secret),
        GW_FIELD(NamedValue, "/properties/tags", tags),
        GW_FIELD(NamedValue, "/properties/value", value),
    };
    return fields;
}

const std::vector<Field<model::Backend>> &backendFields()
{
    // circuitBreaker and pool are typed and handled beside the table, in this order.
    static const std::vector<Field<model::Backend>> fields = {
        GW_FIELD(Backend, "/properties/credentials", credentials),
        GW_FIELD(Backend, "/properties/description", description),
        GW_FIELD(Backend, "/properties/protocol", protocol),
        GW_FIELD(Backend, "/properties/proxy", proxy),
        GW_FIELD(Backend, "/properties/resourceId", resourceId),
        GW_FIELD(Backend, "/properties/title", title),
        GW_FIELD(Backend, "/properties/tls/validateCertificateChain", validateCertificateChain),
        GW_FIELD(Backend, "/properties/tls/validateCertificateName", validateCertificateName),
        GW_FIELD(Backend, "/properties/type", type),
        GW_FIELD(Backend, "/properties/url", url),
    };
    return fields;
}

const std::vector<Field<model::PolicyFragment>> &fragmentFields()
{
    static const std::vector<Field<model::PolicyFragment>> fields = {
        GW_FIELD(PolicyFragment, "/properties/description", description),
        GW_FIELD(PolicyFragment, "/properties/format", format),
    };
    return fields;
}

const std::vector<Field<model::Tag>> &tagFields()
{
    static const std::vector<Field<model::Tag>> fields = {GW_FIELD(Tag, "/properties/displayName", displayName)};
    return fields;
}

const std::vector<Field<model::Logger>> &loggerFields()
{
    static const std::vector<Field<model::Logger>> fields = {
        GW_FIELD(Logger, "/properties/loggerType", loggerType),
        GW_FIELD(Logger, "/properties/credentials", credentials),
        GW_FIELD(Logger, "/properties/description", description),
        GW_FIELD(Logger, "/properties/isBuffered", isBuffered),
        GW_FIELD(Logger, "/properties/resourceId", resourceId),
    };
    return fields;
}

const std::vector<Field<model::DiagnosticSetting>> &diagnosticFields()
{
    static const std::vector<Field<model::DiagnosticSetting>> fields = {
        GW_FIELD(DiagnosticSetting, "/properties/loggerId", loggerId),
        GW_FIELD(DiagnosticSetting, "/properties/alwaysLog", alwaysLog),
        GW_FIELD(DiagnosticSetting, "/properties/backend", backend),
        GW_FIELD(DiagnosticSetting, "/properties/frontend", frontend),
        GW_FIELD(DiagnosticSetting, "/properties/httpCorrelationProtocol", httpCorrelationProtocol),
        GW_FIELD(DiagnosticSetting, "/properties/logClientIp", logClientIp),
        GW_FIELD(DiagnosticSetting, "/properties/metrics", metrics),
        GW_FIELD(DiagnosticSetting, "/properties/operationNameFormat", operationNameFormat),
        GW_FIELD(DiagnosticSetting, "/properties/sampling", sampling),
        GW_FIELD(DiagnosticSetting, "/properties/verbosity", verbosity),
    };
    return fields;
}

const std::vector<Field<model::Release>> &releaseFields()
{
    static const std::vector<Field<model::Release>> fields = {
        GW_FIELD(Release, "/properties/apiId", apiId),
        GW_FIELD(Release, "/properties/notes", notes),
    };
    return fields;
}

const std::vector<Field<model::Gateway>> &gatewayFields()
{
    static const std::vector<Field<model::Gateway>> fields = {
        GW_FIELD(Gateway, "/properties/description", description),
        GW_FIELD(Gateway, "/properties/locationData", locationData),
    };
    return fields;
}

#undef GW_FIELD

OptInt integer(const Json &object, const char *key)
{
    auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? OptInt(it->get<std::int64_t>()) : std::nullopt;
}

// Extractor order puts circuitBreaker first and pool right after description.
Json poolJson(const std::vector<model::PoolMember> &pool)
{
    Json services = Json::array();
    for (const auto &member : pool) {
        Json service = {{"id", member.id}};
        if (member.priority)
            service["priority"] = *member.priority;
        if (member.weight)
            service["weight"] = *member.weight;
        services.push_back(std::move(service));
    }
    return {{"services", services}};
}

} // namespace

void DecodeContext::wrongType(const std::string &pointer, const char *expected) const
{
    if (problems)
        problems->push_back({{file}, Severity::Error, pointer + " must be " + expected});
}

void decode(const Json &d, model::Api &e, const DecodeContext &c)
{
    decodeFields(d, e, apiFields(), c);
}
void decode(const Json &d, model::VersionSet &e, const DecodeContext &c)
{
    decodeFields(d, e, versionSetFields(), c);
}
void decode(const Json &d, model::Product &e, const DecodeContext &c)
{
    decodeFields(d, e, productFields(), c);
}
void decode(const Json &d, model::ProductGroupLink &e, const DecodeContext &c)
{
    decodeFields(d, e, productGroupLinkFields(), c);
}
void decode(const Json &d, model::Group &e, const DecodeContext &c)
{
    decodeFields(d, e, groupFields(), c);
}
void decode(const Json &d, model::Subscription &e, const DecodeContext &c)
{
    decodeFields(d, e, subscriptionFields(), c);
}
void decode(const Json &d, model::NamedValue &e, const DecodeContext &c)
{
    decodeFields(d, e, namedValueFields(), c);
}
void decode(const Json &d, model::PolicyFragment &e, const DecodeContext &c)
{
    decodeFields(d, e, fragmentFields(), c);
}
void decode(const Json &d, model::Tag &e, const DecodeContext &c)
{
    decodeFields(d, e, tagFields(), c);
}
void decode(const Json &d, model::Logger &e, const DecodeContext &c)
{
    decodeFields(d, e, loggerFields(), c);
}
void decode(const Json &d, model::DiagnosticSetting &e, const DecodeContext &c)
{
    decodeFields(d, e, diagnosticFields(), c);
}
void decode(const Json &d, model::Release &e, const DecodeContext &c)
{
    decodeFields(d, e, releaseFields(), c);
}
void decode(const Json &d, model::Gateway &e, const DecodeContext &c)
{
    decodeFields(d, e, gatewayFields(), c);
}

void decode(const Json &d, model::Link &link, const DecodeContext &c)
{
    if (const Json *name = find(d, "/name"); name && name->is_string())
        link.linkName = name->get<std::string>();
    for (const char *key : {"/properties/apiId", "/properties/productId"}) {
        if (const Json *id = find(d, key)) {
            if (id->is_string())
                link.targetId = id->get<std::string>();
            else
                c.wrongType(key, "a string");
        }
    }
}

void decode(const Json &d, model::Backend &backend, const DecodeContext &c)
{
    decodeFields(d, backend, backendFields(), c);
    if (const Json *services = find(d, "/properties/pool/services")) {
        if (!services->is_array()) {
            c.wrongType("/properties/pool/services", "an array");
        } else {
            for (std::size_t i = 0; i < services->size(); ++i) {
                const Json &service = (*services)[i];
                if (!service.is_object() || !service.contains("id") || !service["id"].is_string()) {
                    c.wrongType("/properties/pool/services/" + std::to_string(i), "an object with an \"id\" string");
                    continue;
                }
                backend.pool.push_back(
                    {service["id"].get<std::string>(), integer(service, "priority"), integer(service, "weight")});
            }
        }
    }
    if (const Json *rules = find(d, "/properties/circuitBreaker/rules")) {
        if (!rules->is_array()) {
            c.wrongType("/properties/circuitBreaker/rules", "an array");
            return;
        }
        for (const Json &rule : *rules) {
            if (!rule.is_object())
                continue;
            model::CircuitBreakerRule out;
            if (rule.contains("name") && rule["name"].is_string())
                out.name = rule["name"].get<std::string>();
            if (rule.contains("acceptRetryAfter") && rule["acceptRetryAfter"].is_boolean())
                out.acceptRetryAfter = rule["acceptRetryAfter"].get<bool>();
            if (rule.contains("tripDuration") && rule["tripDuration"].is_string())
                out.tripDuration = rule["tripDuration"].get<std::string>();
            const Json condition = rule.value("failureCondition", Json::object());
            out.failureCount = integer(condition, "count");
            out.failurePercentage = integer(condition, "percentage");
            if (condition.contains("interval") && condition["interval"].is_string())
                out.failureInterval = condition["interval"].get<std::string>();
            for (const Json &range : condition.value("statusCodeRanges", Json::array())) {
                if (range.is_object())
                    out.statusCodeRanges.push_back(
                        {integer(range, "min").value_or(0), integer(range, "max").value_or(0)});
            }
            for (const Json &reason : condition.value("errorReasons", Json::array())) {
                if (reason.is_string())
                    out.errorReasons.push_back(reason.get<std::string>());
            }
            backend.circuitBreakerRules.push_back(std::move(out));
        }
    }
}

Json encode(const model::Api &e)
{
    return encodeFields(e, apiFields());
}
Json encode(const model::VersionSet &e)
{
    return encodeFields(e, versionSetFields());
}
Json encode(const model::Product &e)
{
    return encodeFields(e, productFields());
}
Json encode(const model::Group &e)
{
    return encodeFields(e, groupFields());
}
Json encode(const model::Subscription &e)
{
    return encodeFields(e, subscriptionFields());
}
Json encode(const model::NamedValue &e)
{
    return encodeFields(e, namedValueFields());
}
Json encode(const model::PolicyFragment &e)
{
    return encodeFields(e, fragmentFields());
}
Json encode(const model::Tag &e)
{
    return encodeFields(e, tagFields());
}
Json encode(const model::Logger &e)
{
    return encodeFields(e, loggerFields());
}
Json encode(const model::DiagnosticSetting &e)
{
    return encodeFields(e, diagnosticFields());
}
Json encode(const model::Release &e)
{
    return encodeFields(e, releaseFields());
}
Json encode(const model::Gateway &e)
{
    return encodeFields(e, gatewayFields());
}

// Link files are `{}` unless they carry a link id (product-group links; link files inside APIM workspaces).
Json encode(const model::ProductGroupLink &link)
{
    Json document = encodeFields(link, productGroupLinkFields());
    if (document["properties"].empty())
        document.erase("properties");
    return document;
}

Json encode(const model::Link &link, const char *idKey)
{
    Json document = Json::object();
    if (link.linkName)
        document["name"] = *link.linkName;
    if (link.targetId)
        document["properties"][idKey] = *link.targetId;
    return document;
}

Json encode(const model::Backend &backend)
{
    Json document = encodeFields(backend, backendFields());
    Json &properties = document["properties"];
    Json ordered = Json::object();
    if (!backend.circuitBreakerRules.empty()) {
        Json rules = Json::array();
        for (const auto &rule : backend.circuitBreakerRules) {
            Json out = Json::object();
            if (rule.acceptRetryAfter)
                out["acceptRetryAfter"] = *rule.acceptRetryAfter;
            Json condition = Json::object();
            if (rule.failureCount)
                condition["count"] = *rule.failureCount;
            if (!rule.errorReasons.empty())
                condition["errorReasons"] = rule.errorReasons;
            if (rule.failureInterval)
                condition["interval"] = *rule.failureInterval;
            if (rule.failurePercentage)
                condition["percentage"] = *rule.failurePercentage;
            if (!rule.statusCodeRanges.empty()) {
                condition["statusCodeRanges"] = Json::array();
                for (const auto &range : rule.statusCodeRanges)
                    condition["statusCodeRanges"].push_back({{"max", range.max}, {"min", range.min}});
            }
            out["failureCondition"] = condition;
            if (rule.name)
                out["name"] = *rule.name;
            if (rule.tripDuration)
                out["tripDuration"] = *rule.tripDuration;
            rules.push_back(std::move(out));
        }
        ordered["circuitBreaker"] = {{"rules", rules}};
    }
    for (auto &[key, value] : properties.items()) {
        if (key == "description" && !backend.pool.empty()) {
            ordered[key] = value;
            ordered["pool"] = poolJson(backend.pool);
            continue;
        }
        ordered[key] = value;
    }
    if (!backend.pool.empty() && !ordered.contains("pool")) {
        ordered["pool"] = poolJson(backend.pool);
    }
    properties = std::move(ordered);
    return document;
}

} // namespace gw::store
