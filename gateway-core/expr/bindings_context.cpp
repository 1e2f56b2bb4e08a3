// The `context` object model (apim-policies.md §4.2). Context objects are Values without payload: the scalar says
// which part of the Context they stand for, and every member reads the Context of the running evaluation.

#include <expr/bindings_impl.h>
#include <expr/context.h>

#include <common/text.h>

#include <pugixml.hpp>

#include <algorithm>

namespace gw::expr {

Value parseXmlDocument(const std::string &text, bool element); // bindings_text.cpp

namespace rows {

namespace {

// Which headers-like dictionary a Headers value stands for.
enum HeadersSource : std::int64_t {
    RequestHeaders = 0,
    ResponseHeaders = 1,
    RequestQuery = 2,
    OriginalQuery = 3,
    StoredResponseHeaders = 4,
    BoxedUrlQuery = 5,
};

enum UrlSource : std::int64_t { RequestUrl = 0, OriginalUrl = 1, BoxedUrl = 2 };

enum BodySource : std::int64_t { RequestBody = 0, ResponseBody = 1, StoredResponseBody = 2 };

struct UrlBox final : Object {
    Url url;
};

struct JwtBox final : Object {
    JRef header;
    JRef payload;
};

struct CertificateBox final : Object {
    std::shared_ptr<const ClientCertificate> certificate;
};

const ClientCertificate &certificateOf(const Call &c)
{
    return *c.self.as<CertificateBox>()->certificate;
}

struct BasicBox final : Object {
    std::string user;
    std::string password;
};

ResponseState &responseOf(const Call &c)
{
    if (c.self.object()) {
        return *c.self.as<ResponseBox>()->state;
    }
    return c.context().response;
}

const Url &urlOf(const Call &c)
{
    switch (c.self.integer()) {
    case RequestUrl:
        return c.context().request.url;
    case OriginalUrl:
        return c.context().request.originalUrl();
    default:
        return c.self.as<UrlBox>()->url;
    }
}

Value urlValue(Url url)
{
    auto box = std::make_shared<UrlBox>();
    box->url = std::move(url);
    return Value(TypeId::Url, BoxedUrl, std::move(box));
}

using Grouped = std::vector<std::pair<std::string, std::vector<std::string>>>;

void group(Grouped &out, const std::string &name, const std::string &value)
{
    for (auto &[n, values] : out) {
        if (equalsIgnoreCase(n, name)) {
            values.push_back(value);
            return;
        }
    }
    out.push_back({name, {value}});
}

const http::Headers *headerFields(const Call &c, const Value &self)
{
    switch (self.integer()) {
    case RequestHeaders:
        return &c.context().request.headers;
    case ResponseHeaders:
        return &c.context().response.headers;
    case StoredResponseHeaders:
        return &self.as<ResponseBox>()->state->headers;
    default:
        return nullptr;
    }
}

const std::vector<std::pair<std::string, std::string>> *queryPairs(const Call &c, const Value &self)
{
    switch (self.integer()) {
    case RequestQuery:
        return &c.context().request.url.query;
    case OriginalQuery:
        return &c.context().request.originalUrl().query;
    case BoxedUrlQuery:
        return &self.as<UrlBox>()->url.query;
    default:
        return nullptr;
    }
}

Grouped groupedOf(const Call &c, const Value &self)
{
    Grouped out;
    if (const auto *fields = headerFields(c, self)) {
        for (const auto &h : fields->fields()) {
            group(out, h.name, h.value);
        }
    } else if (const auto *pairs = queryPairs(c, self)) {
        for (const auto &[n, v] : *pairs) {
            group(out, n, v);
        }
    }
    return out;
}

// The values of one name, comma-joined as GetValueOrDefault returns them; nullopt when absent.
std::optional<std::string> joinedValue(const Call &c, std::string_view name)
{
    std::optional<std::string> result;
    auto add = [&](const std::string &v) {
        if (result) {
            *result += ',';
            *result += v;
        } else {
            result = v;
        }
    };
    if (const auto *fields = headerFields(c, c.self)) {
        for (const auto &h : fields->fields()) {
            if (equalsIgnoreCase(h.name, name)) {
                add(h.value);
            }
        }
    } else if (const auto *pairs = queryPairs(c, c.self)) {
        for (const auto &[n, v] : *pairs) {
            if (equalsIgnoreCase(n, name)) {
                add(v);
            }
        }
    }
    return result;
}

std::vector<std::string> valuesOf(const Call &c, std::string_view name)
{
    std::vector<std::string> out;
    if (const auto *fields = headerFields(c, c.self)) {
        for (const auto &h : fields->fields()) {
            if (equalsIgnoreCase(h.name, name)) {
                out.push_back(h.value);
            }
        }
    } else if (const auto *pairs = queryPairs(c, c.self)) {
        for (const auto &[n, v] : *pairs) {
            if (equalsIgnoreCase(n, name)) {
                out.push_back(v);
            }
        }
    }
    return out;
}

[[noreturn]] void failKey(std::string_view key)
{
    fail("The given key '" + std::string(key) + "' was not present in the dictionary.",
         "System.Collections.Generic.KeyNotFoundException");
}

std::optional<std::string> *bodyOf(const Call &c)
{
    switch (c.self.integer()) {
    case RequestBody:
        return &c.context().request.body;
    case ResponseBody:
        return &c.context().response.body;
    default:
        return &c.self.as<ResponseBox>()->state->body;
    }
}

std::string readBody(Call &c, std::size_t preserveArg)
{
    std::optional<std::string> *body = bodyOf(c);
    std::string text = body->value_or(std::string());
    const bool preserve = c.argc() > preserveArg && boolean(c, preserveArg);
    if (!preserve) {
        // APIM hands the body to the expression; without preserveContent the backend gets none.
        *body = std::string();
    }
    c.st.charge(text.size());
    return text;
}

Value bodyAs(Call &c)
{
    const TypeId target = c.typeArgs.empty() ? TypeId::String : c.typeArgs[0].id;
    std::string text = readBody(c, 0);
    switch (target) {
    case TypeId::String:
        return Value::string(std::move(text));
    case TypeId::Bytes:
        return makeBytes(std::move(text));
    case TypeId::JObject: {
        auto node = parseJson(text);
        if (node->kind != JNode::Kind::Object) {
            fail("Error reading JObject from JsonReader. Current JsonReader item is not an object: " +
                     std::string(node->kind == JNode::Kind::Array ? "StartArray" : "value") +
                     ". Path '', line 1, position 1.",
                 "Newtonsoft.Json.JsonReaderException");
        }
        return makeJson(std::move(node));
    }
    case TypeId::JArray: {
        auto node = parseJson(text);
        if (node->kind != JNode::Kind::Array) {
            fail("Error reading JArray from JsonReader. Current JsonReader item is not an array: " +
                     std::string(node->kind == JNode::Kind::Object ? "StartObject" : "value") +
                     ". Path '', line 1, position 1.",
                 "Newtonsoft.Json.JsonReaderException");
        }
        return makeJson(std::move(node));
    }
    case TypeId::JToken:
    case TypeId::JValue:
    case TypeId::Dynamic:
    case TypeId::Object:
        return makeJson(parseJson(text));
    case TypeId::XDocument:
        return parseXmlDocument(text, false);
    case TypeId::XElement:
        return parseXmlDocument(text, true);
    default:
        fail("IMessageBody.As<" + std::string(typeDisplayName(target)) + "> is not supported.",
             "System.NotSupportedException");
    }
}

Value formContent(Call &c)
{
    const std::string text = readBody(c, 0);
    auto dict = std::make_shared<DictBox>();
    dict->valueType = TypeId::List;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string pair = text.substr(start, end - start);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            const std::string name = decodeQueryComponent(pair.substr(0, eq));
            const std::string value =
                eq == std::string::npos ? std::string() : decodeQueryComponent(pair.substr(eq + 1));
            const Value key = Value::string(name);
            const int at = dict->find(key);
            if (at >= 0) {
                dict->entries[std::size_t(at)].second.as<ListBox>()->items.push_back(Value::string(value));
            } else {
                dict->entries.push_back({key, makeList({Value::string(value)}, TypeId::String, TypeId::List)});
            }
        }
        start = end + 1;
    }
    return Value(TypeId::Dictionary, 0, std::move(dict));
}

Value matchedParameters(Call &c)
{
    auto dict = std::make_shared<DictBox>();
    dict->ignoreCase = true;
    dict->valueType = TypeId::String;
    for (const auto &[name, value] : c.context().request.matchedParameters) {
        dict->entries.push_back({Value::string(name), Value::string(value)});
    }
    return Value(TypeId::Dictionary, 0, std::move(dict));
}

Value optString(const std::optional<std::string> &s)
{
    return s ? Value::string(*s) : Value::string(std::string());
}

const model::Api &api(const Call &c)
{
    return *c.context().api;
}

// --- JWT ---

std::string base64UrlDecode(std::string_view in, bool &ok)
{
    static const auto table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        const char *chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 62; ++i) {
            t[static_cast<unsigned char>(chars[i])] = i;
        }
        t['+'] = t['-'] = 62;
        t['/'] = t['_'] = 63;
        return t;
    }();
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    ok = true;
    for (char ch : in) {
        if (ch == '=') {
            break;
        }
        const int v = table[static_cast<unsigned char>(ch)];
        if (v < 0) {
            ok = false;
            return {};
        }
        buffer = (buffer << 6) | std::uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

Value parseJwt(const std::string &token)
{
    const auto first = token.find('.');
    const auto second = first == std::string::npos ? std::string::npos : token.find('.', first + 1);
    if (second == std::string::npos) {
        return {};
    }
    bool ok1 = false;
    bool ok2 = false;
    const std::string header = base64UrlDecode(std::string_view(token).substr(0, first), ok1);
    const std::string payload = base64UrlDecode(std::string_view(token).substr(first + 1, second - first - 1), ok2);
    if (!ok1 || !ok2) {
        return {};
    }
    try {
        auto box = std::make_shared<JwtBox>();
        box->header = parseJson(header);
        box->payload = parseJson(payload);
        if (box->header->kind != JNode::Kind::Object || box->payload->kind != JNode::Kind::Object) {
            return {};
        }
        return Value(TypeId::Jwt, 0, std::move(box));
    } catch (const EvalError &) {
        return {};
    }
}

std::string stripBearer(std::string value)
{
    if (value.size() > 7 && equalsIgnoreCase(std::string_view(value).substr(0, 7), "bearer ")) {
        value.erase(0, 7);
    }
    return value;
}

Value jwtClaim(const Call &c, std::string_view name)
{
    auto node = c.self.as<JwtBox>()->payload->get(name);
    if (!node || node->kind == JNode::Kind::Null) {
        return {};
    }
    return fromJsonValue(*node, TypeId::String);
}

Value jwtDate(const Call &c, std::string_view name)
{
    auto node = c.self.as<JwtBox>()->payload->get(name);
    if (!node || (node->kind != JNode::Kind::Integer && node->kind != JNode::Kind::Float)) {
        return {};
    }
    const double seconds = node->kind == JNode::Kind::Integer ? double(node->integer) : node->real;
    constexpr std::int64_t unixEpochTicks = 621355968000000000;
    const double ticks = seconds * double(ticksPerSecond);
    if (!(ticks > -6e17 && ticks < 2.5e18)) {
        return {};
    }
    return makeDateTime(unixEpochTicks + std::int64_t(ticks), 1);
}

Value claimValues(const JNode &node)
{
    std::vector<std::string> values;
    if (node.kind == JNode::Kind::Array) {
        for (const auto &item : node.children) {
            values.push_back(toText(makeJson(item)));
        }
    } else if (node.kind == JNode::Kind::Object) {
        values.push_back(writeJson(node, false));
    } else {
        values.push_back(node.kind == JNode::Kind::Bool ? (node.boolean ? "true" : "false")
                                                        : toText(makeJson(cloneJson(node))));
    }
    return stringArray(std::move(values));
}

Value parseBasic(const std::string &header)
{
    std::string value = header;
    if (value.size() > 6 && equalsIgnoreCase(std::string_view(value).substr(0, 6), "basic ")) {
        value.erase(0, 6);
    }
    bool ok = false;
    const std::string decoded = base64UrlDecode(value, ok);
    const auto colon = decoded.find(':');
    if (!ok || colon == std::string::npos) {
        return {};
    }
    auto box = std::make_shared<BasicBox>();
    box->user = decoded.substr(0, colon);
    box->password = decoded.substr(colon + 1);
    return Value(TypeId::BasicCredentials, 0, std::move(box));
}

} // namespace

void addContextMembers(std::vector<Member> &t)
{
    using enum TypeId;
    // context
    t.push_back(prop(
        Context, "Request", T(Request), [](Call &) { return Value(TypeId::Request, 0); },
        "The incoming request as policies changed it so far."));
    t.push_back(prop(
        Context, "Response", T(Response), [](Call &) { return Value(TypeId::Response, 0); },
        "The response: the backend's in outbound, the one being built in on-error."));
    t.push_back(prop(
        Context, "Variables", T(Variables), [](Call &) { return Value(TypeId::Variables, 0); },
        "Variables set by set-variable, send-request, validate-jwt output and others."));
    t.push_back(
        prop(Context, "Api", T(Api), [](Call &c) { return c.context().api ? Value(TypeId::Api, 0) : Value(); }));
    t.push_back(prop(Context, "Operation", T(Operation),
                     [](Call &c) { return c.context().operation ? Value(TypeId::Operation, 0) : Value(); }));
    t.push_back(prop(
        Context, "Product", T(Product),
        [](Call &c) { return c.context().product ? Value(TypeId::Product, 0) : Value(); },
        "Null outside a product context."));
    t.push_back(prop(
        Context, "Subscription", T(Subscription),
        [](Call &c) { return c.context().subscription ? Value(TypeId::Subscription, 0) : Value(); },
        "Null when the request used no subscription key."));
    t.push_back(prop(
        Context, "User", T(User),
        [](Call &c) {
            const auto *subscription = c.context().subscription;
            return subscription && subscription->ownerId && !subscription->ownerId->empty() ? Value(TypeId::User, 0)
                                                                                            : Value();
        },
        "The subscription's owner (its ownerId); null without a subscription or an owner."));
    t.push_back(prop(
        Context, "LastError", T(LastError),
        [](Call &c) { return c.context().lastError ? Value(TypeId::LastError, 0) : Value(); }, "Set in on-error."));
    t.push_back(prop(Context, "Deployment", T(Deployment), [](Call &) { return Value(TypeId::Deployment, 0); }));
    t.push_back(prop(Context, "Elapsed", T(TimeSpan), [](Call &c) {
        const auto elapsed = std::chrono::steady_clock::now() - c.context().started;
        return makeTimeSpan(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count() / 100);
    }));
    t.push_back(prop(Context, "RequestId", T(Guid), [](Call &c) { return makeGuid(c.context().requestId); }));
    t.push_back(prop(Context, "Timestamp", T(DateTime),
                     [](Call &c) { return makeDateTime(toTicks(c.context().timestamp), 1); }));
    t.push_back(prop(Context, "Tracing", T(Bool), [](Call &c) { return Value::boolean(c.context().tracing); }));
    t.push_back(prop(
        Context, "GraphQL", T(GraphQL), [](Call &) { return Value(TypeId::GraphQL, 0); },
        "GraphQL resolver context: arguments and parent of the field being resolved."));
    // Resolvers do not run here: the arguments and the parent are empty objects.
    t.push_back(prop(GraphQL, "Arguments", T(JObject),
                     [](Call &) { return makeJson(std::make_shared<JNode>(JNode::Kind::Object)); }));
    t.push_back(prop(GraphQL, "Parent", T(JObject),
                     [](Call &) { return makeJson(std::make_shared<JNode>(JNode::Kind::Object)); }));
    t.push_back(method(Context, "Trace", 1, 1, "message", T(Void), [](Call &c) {
        c.st.charge(toText(c.arg(0)).size());
        c.context().traceMessages.push_back(toText(c.arg(0)));
        return Value();
    }));

    // context.Request
    t.push_back(prop(Request, "Method", T(String), [](Call &c) { return Value::string(c.context().request.method); }));
    t.push_back(prop(Request, "Url", T(Url), [](Call &) { return Value(TypeId::Url, RequestUrl); }));
    t.push_back(prop(Request, "OriginalUrl", T(Url), [](Call &) { return Value(TypeId::Url, OriginalUrl); }));
    t.push_back(prop(Request, "Headers", T(Headers), [](Call &) { return Value(TypeId::Headers, RequestHeaders); }));
    t.push_back(prop(Request, "Body", T(MessageBody), [](Call &c) {
        return c.context().request.body ? Value(TypeId::MessageBody, RequestBody) : Value();
    }));
    t.push_back(
        prop(Request, "IpAddress", T(String), [](Call &c) { return Value::string(c.context().request.ipAddress); }));
    t.push_back(prop(Request, "MatchedParameters", T(Dictionary, String, String), matchedParameters));
    t.push_back(prop(
        Request, "Certificate", T(Certificate),
        [](Call &c) {
            const auto &certificate = c.context().request.certificate;
            if (!certificate)
                return Value();
            auto box = std::make_shared<CertificateBox>();
            box->certificate = certificate;
            return Value(TypeId::Certificate, 0, std::move(box));
        },
        "The certificate the client presented over TLS; null without one (or over plain HTTP)."));
    t.push_back(prop(Request, "PrivateEndpointConnection", T(Dynamic), [](Call &) { return Value(); }));

    // X509Certificate2 (context.Request.Certificate)
    t.push_back(
        prop(Certificate, "Subject", T(String), [](Call &c) { return Value::string(certificateOf(c).subject); }));
    t.push_back(prop(Certificate, "Issuer", T(String), [](Call &c) { return Value::string(certificateOf(c).issuer); }));
    t.push_back(
        prop(Certificate, "Thumbprint", T(String), [](Call &c) { return Value::string(certificateOf(c).thumbprint); }));
    t.push_back(prop(Certificate, "SerialNumber", T(String),
                     [](Call &c) { return Value::string(certificateOf(c).serialNumber); }));
    t.push_back(prop(Certificate, "FriendlyName", T(String), [](Call &) { return Value::string(""); }));
    t.push_back(prop(Certificate, "RawData", T(Bytes), [](Call &c) { return makeBytes(certificateOf(c).der); }));
    t.push_back(prop(Certificate, "NotBefore", T(DateTime),
                     [](Call &c) { return makeDateTime(toTicks(certificateOf(c).notBefore), 1); }));
    t.push_back(prop(Certificate, "NotAfter", T(DateTime),
                     [](Call &c) { return makeDateTime(toTicks(certificateOf(c).notAfter), 1); }));
    // X500DistinguishedName: its Name is the same text as Subject / Issuer, which is what policies read of it.
    t.push_back(
        prop(Certificate, "SubjectName", T(Dynamic), [](Call &c) { return Value::string(certificateOf(c).subject); }));
    t.push_back(
        prop(Certificate, "IssuerName", T(Dynamic), [](Call &c) { return Value::string(certificateOf(c).issuer); }));
    t.push_back(method(Certificate, "Verify", 0, 0, {}, T(Bool), [](Call &c) {
        const auto &certificate = certificateOf(c);
        return Value::boolean(certificate.verify && certificate.verify(true));
    }));
    t.push_back(method(Certificate, "GetRSAPublicKey", 0, 0, {}, T(Rsa),
                       [](Call &c) { return rsaPublicKeyOf(certificateOf(c).der); }));
    // RSACertificateExtensions.GetRSAPublicKey(certificate), the static form of the extension method.
    t.push_back(smethod(Certificate, "GetRSAPublicKey", 1, 1, "certificate", T(Rsa), [](Call &c) {
        if (c.arg(0).isNull()) {
            failArgumentNull("certificate");
        }
        return rsaPublicKeyOf(c.arg(0).as<CertificateBox>()->certificate->der);
    }));
    t.push_back(method(Certificate, "VerifyNoRevocation", 0, 0, {}, T(Bool), [](Call &c) {
        const auto &certificate = certificateOf(c);
        return Value::boolean(certificate.verify && certificate.verify(false));
    }));
    // X509NameType as a number or its name: 0 SimpleName (the CN), 3 DnsName (first DNS name, else the CN).
    t.push_back(method(Certificate, "GetNameInfo", 2, 2, "nameType,forIssuer", T(String), [](Call &c) {
        const auto &certificate = certificateOf(c);
        const std::string type = toText(c.arg(0));
        if (toBool(c.arg(1)).value_or(false)) {
            const auto cn = certificate.issuer.find("CN=");
            if (cn == std::string::npos)
                return Value::string("");
            const auto end = certificate.issuer.find(", ", cn);
            return Value::string(certificate.issuer.substr(cn + 3, end == std::string::npos ? end : end - cn - 3));
        }
        if ((type == "3" || type == "DnsName") && !certificate.dnsNames.empty())
            return Value::string(certificate.dnsNames.front());
        return Value::string(certificate.commonName);
    }));

    // IResponse (context.Response, or one send-request stored)
    t.push_back(prop(Response, "StatusCode", T(Int32), [](Call &c) { return Value::int32(responseOf(c).statusCode); }));
    t.push_back(
        prop(Response, "StatusReason", T(String), [](Call &c) { return Value::string(responseOf(c).statusReason); }));
    t.push_back(prop(Response, "Headers", T(Headers), [](Call &c) {
        return c.self.object() ? Value(TypeId::Headers, StoredResponseHeaders, c.self.object())
                               : Value(TypeId::Headers, ResponseHeaders);
    }));
    t.push_back(prop(Response, "Body", T(MessageBody), [](Call &c) {
        if (!responseOf(c).body) {
            return Value();
        }
        return c.self.object() ? Value(TypeId::MessageBody, StoredResponseBody, c.self.object())
                               : Value(TypeId::MessageBody, ResponseBody);
    }));

    // IUrl
    t.push_back(prop(Url, "Scheme", T(String), [](Call &c) { return Value::string(urlOf(c).scheme); }));
    t.push_back(prop(Url, "Host", T(String), [](Call &c) { return Value::string(urlOf(c).host); }));
    t.push_back(prop(Url, "Port", T(Int32), [](Call &c) { return Value::int32(urlOf(c).port); }));
    t.push_back(prop(Url, "Path", T(String), [](Call &c) { return Value::string(urlOf(c).path); }));
    t.push_back(prop(Url, "QueryString", T(String), [](Call &c) { return Value::string(urlOf(c).queryString()); }));
    t.push_back(prop(Url, "Query", T(Headers), [](Call &c) {
        switch (c.self.integer()) {
        case RequestUrl:
            return Value(TypeId::Headers, RequestQuery);
        case OriginalUrl:
            return Value(TypeId::Headers, OriginalQuery);
        default:
            return Value(TypeId::Headers, BoxedUrlQuery, c.self.object());
        }
    }));
    t.push_back(
        method(Url, "ToString", 0, 0, {}, T(String), [](Call &c) { return Value::string(urlOf(c).toString()); }));
    t.push_back(method(Url, "ToUri", 0, 0, {}, T(Uri), [](Call &c) {
        Value text = Value::string(urlOf(c).toString());
        std::span<Value> args(&text, 1);
        Call make{c.st, Value(), args, {}};
        return findMember(TypeId::Uri, ".ctor", MemberKind::Constructor)->impl(make);
    }));

    // Headers, Url.Query: IReadOnlyDictionary<string, string[]> with case-insensitive names
    t.push_back(method(
        Headers, "GetValueOrDefault", 1, 2, "name,defaultValue", T(String),
        [](Call &c) {
            if (c.arg(0).isNull()) {
                failArgumentNull("key");
            }
            auto joined = joinedValue(c, c.arg(0).text());
            if (joined) {
                return Value::string(std::move(*joined));
            }
            return c.argc() > 1 ? c.arg(1) : Value();
        },
        ResultRule::Fixed, "The values of a header, comma-separated, or the default."));
    t.push_back(indexer(Headers, 1, T(Array, String), [](Call &c) {
        const std::string name = str(c, 0);
        auto values = valuesOf(c, name);
        if (values.empty()) {
            failKey(name);
        }
        return stringArray(std::move(values));
    }));
    t.push_back(method(Headers, "ContainsKey", 1, 1, "key", T(Bool),
                       [](Call &c) { return Value::boolean(joinedValue(c, str(c, 0)).has_value()); }));
    t.push_back(method(Headers, "TryGetValue", 2, 2, "key,value", T(Bool), [](Call &c) {
        auto values = valuesOf(c, str(c, 0));
        if (values.empty()) {
            c.args[1] = Value();
            return Value::boolean(false);
        }
        c.args[1] = stringArray(std::move(values));
        return Value::boolean(true);
    }));
    t.push_back(
        prop(Headers, "Count", T(Int32), [](Call &c) { return Value::int32(int(groupedOf(c, c.self).size())); }));
    t.push_back(prop(Headers, "Keys", T(Enumerable, String), [](Call &c) {
        std::vector<std::string> keys;
        for (auto &[n, v] : groupedOf(c, c.self)) {
            keys.push_back(n);
        }
        return stringArray(std::move(keys));
    }));
    t.push_back(prop(Headers, "Values", T(Enumerable, Array), [](Call &c) {
        std::vector<Value> values;
        for (auto &[n, v] : groupedOf(c, c.self)) {
            values.push_back(stringArray(v));
        }
        return makeList(std::move(values), TypeId::Array, TypeId::Enumerable);
    }));

    // context.Variables: IReadOnlyDictionary<string, object>
    t.push_back(indexer(Variables, 1, T(Object), [](Call &c) {
        const std::string name = str(c, 0);
        auto &vars = c.context().variables;
        const auto it = vars.find(name);
        if (it == vars.end()) {
            failKey(name);
        }
        return it->second;
    }));
    t.push_back(method(
        Variables, "GetValueOrDefault", 1, 2, "name,defaultValue", T(Object),
        [](Call &c) {
            const std::string name = str(c, 0);
            auto &vars = c.context().variables;
            const auto it = vars.find(name);
            const TypeRef target = c.typeArgs.empty() ? TypeRef{} : c.typeArgs[0];
            if (it == vars.end()) {
                if (c.argc() > 1) {
                    return c.typeArgs.empty() ? c.arg(1) : convertForAssignment(c.arg(1), target);
                }
                return defaultOf(target);
            }
            if (!c.typeArgs.empty() && !it->second.isNull() && !isInstance(it->second, target)) {
                failCast(it->second, typeDisplayName(target.id));
            }
            return it->second;
        },
        ResultRule::TypeArgument, "The variable cast to T, or the default when it is not set."));
    t.push_back(method(Variables, "ContainsKey", 1, 1, "key", T(Bool),
                       [](Call &c) { return Value::boolean(c.context().variables.count(str(c, 0)) != 0); }));
    t.push_back(method(Variables, "TryGetValue", 2, 2, "key,value", T(Bool), [](Call &c) {
        auto &vars = c.context().variables;
        const auto it = vars.find(str(c, 0));
        c.args[1] = it == vars.end() ? Value() : it->second;
        return Value::boolean(it != vars.end());
    }));
    t.push_back(
        prop(Variables, "Count", T(Int32), [](Call &c) { return Value::int32(int(c.context().variables.size())); }));
    t.push_back(prop(Variables, "Keys", T(Enumerable, String), [](Call &c) {
        std::vector<std::string> keys;
        for (const auto &[k, v] : c.context().variables) {
            keys.push_back(k);
        }
        std::sort(keys.begin(), keys.end());
        return stringArray(std::move(keys));
    }));

    // IMessageBody
    t.push_back(method(MessageBody, "As", 0, 1, "preserveContent", T(String), bodyAs, ResultRule::TypeArgument,
                       "The body as string, byte[], JObject, JArray, JToken, XDocument or XElement. Without "
                       "preserveContent: true the body is consumed."));
    t.push_back(method(MessageBody, "AsFormUrlEncodedContent", 0, 1, "preserveContent", T(Dictionary, List, String),
                       formContent));

    // IApi
    t.push_back(prop(Api, "Id", T(String), [](Call &c) { return Value::string(api(c).rootName()); }));
    t.push_back(prop(Api, "Name", T(String),
                     [](Call &c) { return Value::string(api(c).displayName.value_or(api(c).rootName())); }));
    t.push_back(prop(Api, "Path", T(String), [](Call &c) { return optString(api(c).path); }));
    t.push_back(
        prop(Api, "Revision", T(String), [](Call &c) { return Value::string(api(c).apiRevision.value_or("1")); }));
    t.push_back(prop(Api, "IsCurrentRevision", T(Bool),
                     [](Call &c) { return Value::boolean(api(c).isCurrent.value_or(!api(c).isRevisionFolder())); }));
    t.push_back(prop(Api, "Version", T(String), [](Call &c) { return optString(api(c).apiVersion); }));
    t.push_back(prop(Api, "ServiceUrl", T(Url), [](Call &c) {
        if (!api(c).serviceUrl) {
            return Value();
        }
        return urlValue(gw::expr::Url::parse(*api(c).serviceUrl));
    }));
    t.push_back(prop(Api, "Protocols", T(Enumerable, String), [](Call &c) {
        return stringArray(api(c).protocols.value_or(std::vector<std::string>{"https"}));
    }));

    // IOperation
    t.push_back(prop(Operation, "Id", T(String), [](Call &c) { return Value::string(c.context().operation->name); }));
    t.push_back(
        prop(Operation, "Name", T(String), [](Call &c) { return Value::string(c.context().operation->displayName); }));
    t.push_back(
        prop(Operation, "Method", T(String), [](Call &c) { return Value::string(c.context().operation->method); }));
    t.push_back(prop(Operation, "UrlTemplate", T(String),
                     [](Call &c) { return Value::string(c.context().operation->urlTemplate); }));

    // IProduct
    t.push_back(prop(Product, "Id", T(String), [](Call &c) { return Value::string(c.context().product->name); }));
    t.push_back(prop(Product, "Name", T(String), [](Call &c) {
        const auto &p = *c.context().product;
        return Value::string(p.displayName.value_or(p.name));
    }));
    t.push_back(prop(Product, "ApprovalRequired", T(Bool),
                     [](Call &c) { return Value::boolean(c.context().product->approvalRequired.value_or(false)); }));
    t.push_back(prop(Product, "SubscriptionRequired", T(Bool),
                     [](Call &c) { return Value::boolean(c.context().product->subscriptionRequired.value_or(true)); }));
    t.push_back(prop(Product, "SubscriptionLimit", T(Int32, Dynamic), [](Call &c) {
        const auto &limit = c.context().product->subscriptionsLimit;
        return limit ? makeInteger(*limit) : Value();
    }));
    t.push_back(prop(Product, "State", T(String), [](Call &c) {
        const auto state = c.context().product->state.value_or("notPublished");
        return Value::string(state == "published" ? "Published" : "NotPublished");
    }));
    t.push_back(prop(Product, "Apis", T(Enumerable, Api), [](Call &) { return makeList({}, TypeId::Api); }));
    t.push_back(prop(Product, "Groups", T(Enumerable), [](Call &) { return makeList({}); }));

    // ISubscription
    t.push_back(
        prop(Subscription, "Id", T(String), [](Call &c) { return Value::string(c.context().subscription->name); }));
    t.push_back(prop(Subscription, "Name", T(String), [](Call &c) {
        const auto &s = *c.context().subscription;
        return Value::string(s.displayName.value_or(s.name));
    }));
    t.push_back(
        prop(Subscription, "Key", T(String), [](Call &c) { return Value::string(c.context().subscriptionKey); }));
    t.push_back(prop(Subscription, "PrimaryKey", T(String),
                     [](Call &c) { return optString(c.context().subscription->primaryKey); }));
    t.push_back(prop(Subscription, "SecondaryKey", T(String),
                     [](Call &c) { return optString(c.context().subscription->secondaryKey); }));
    t.push_back(prop(Subscription, "CreatedDate", T(DateTime), [](Call &) { return makeDateTime(0, 1); }));
    t.push_back(prop(Subscription, "StartDate", T(DateTime), [](Call &) { return Value(); }));
    t.push_back(prop(Subscription, "EndDate", T(DateTime), [](Call &) { return Value(); }));

    // IUser: the owner named by the subscription's ownerId ("/users/<id>"). Users' profiles are not part of the
    // APIOps layout, so only the id is known to the gateway.
    t.push_back(prop(User, "Id", T(String), [](Call &c) {
        const std::string &owner = *c.context().subscription->ownerId;
        return Value::string(owner.substr(owner.rfind('/') == std::string::npos ? 0 : owner.rfind('/') + 1));
    }));
    for (std::string_view name : {"Email", "FirstName", "LastName", "Note"}) {
        t.push_back(prop(User, name, T(String), [](Call &) { return Value(); }));
    }
    t.push_back(prop(User, "RegistrationDate", T(DateTime), [](Call &) { return Value(); }));
    t.push_back(prop(User, "Groups", T(Enumerable), [](Call &) { return makeList({}); }));
    t.push_back(prop(User, "Identities", T(Enumerable), [](Call &) { return makeList({}); }));

    // ILastError
    t.push_back(
        prop(LastError, "Source", T(String), [](Call &c) { return Value::string(c.context().lastError->source); }));
    t.push_back(
        prop(LastError, "Reason", T(String), [](Call &c) { return Value::string(c.context().lastError->reason); }));
    t.push_back(
        prop(LastError, "Message", T(String), [](Call &c) { return Value::string(c.context().lastError->message); }));
    t.push_back(
        prop(LastError, "Scope", T(String), [](Call &c) { return Value::string(c.context().lastError->scope); }));
    t.push_back(
        prop(LastError, "Section", T(String), [](Call &c) { return Value::string(c.context().lastError->section); }));
    t.push_back(prop(LastError, "Path", T(String), [](Call &c) { return Value::string(c.context().lastError->path); }));
    t.push_back(
        prop(LastError, "PolicyId", T(String), [](Call &c) { return Value::string(c.context().lastError->policyId); }));

    // IDeployment
    t.push_back(prop(Deployment, "GatewayId", T(String),
                     [](Call &c) { return Value::string(c.context().deployment.gatewayId); }));
    t.push_back(
        prop(Deployment, "Region", T(String), [](Call &c) { return Value::string(c.context().deployment.region); }));
    t.push_back(prop(Deployment, "ServiceName", T(String),
                     [](Call &c) { return Value::string(c.context().deployment.serviceName); }));
    t.push_back(prop(Deployment, "ServiceId", T(String),
                     [](Call &c) { return Value::string(c.context().deployment.serviceName); }));
    t.push_back(prop(Deployment, "Gateway", T(Gateway), [](Call &) { return Value(TypeId::Gateway, 0); }));
    t.push_back(prop(Deployment, "Certificates", T(Dictionary),
                     [](Call &) { return Value(TypeId::Dictionary, 0, std::make_shared<DictBox>()); }));
    t.push_back(
        prop(Gateway, "Id", T(String), [](Call &c) { return Value::string(c.context().deployment.gatewayId); }));
    t.push_back(prop(Gateway, "InstanceId", T(String), [](Call &) { return Value::string("local"); }));
    t.push_back(prop(Gateway, "IsManaged", T(Bool),
                     [](Call &c) { return Value::boolean(c.context().deployment.gatewayId == "managed"); }));

    // Jwt and Basic credentials (string extensions)
    t.push_back(method(String, "AsJwt", 0, 0, {}, T(Jwt), [](Call &c) { return parseJwt(stripBearer(self(c))); }));
    t.push_back(method(String, "TryParseJwt", 1, 1, "result", T(Bool), [](Call &c) {
        c.args[0] = parseJwt(stripBearer(self(c)));
        return Value::boolean(!c.args[0].isNull());
    }));
    t.push_back(method(String, "AsBasic", 0, 0, {}, T(BasicCredentials), [](Call &c) { return parseBasic(self(c)); }));
    t.push_back(method(String, "TryParseBasic", 1, 1, "result", T(Bool), [](Call &c) {
        c.args[0] = parseBasic(self(c));
        return Value::boolean(!c.args[0].isNull());
    }));
    t.push_back(prop(BasicCredentials, "UserId", T(String),
                     [](Call &c) { return Value::string(c.self.as<BasicBox>()->user); }));
    t.push_back(prop(BasicCredentials, "Username", T(String),
                     [](Call &c) { return Value::string(c.self.as<BasicBox>()->user); }));
    t.push_back(prop(BasicCredentials, "Password", T(String),
                     [](Call &c) { return Value::string(c.self.as<BasicBox>()->password); }));
    t.push_back(prop(Jwt, "Algorithm", T(String), [](Call &c) {
        auto alg = c.self.as<JwtBox>()->header->get("alg");
        return alg ? fromJsonValue(*alg, TypeId::String) : Value();
    }));
    t.push_back(prop(Jwt, "Type", T(String), [](Call &c) {
        auto typ = c.self.as<JwtBox>()->header->get("typ");
        return typ ? fromJsonValue(*typ, TypeId::String) : Value();
    }));
    t.push_back(prop(Jwt, "Id", T(String), [](Call &c) { return jwtClaim(c, "jti"); }));
    t.push_back(prop(Jwt, "Issuer", T(String), [](Call &c) { return jwtClaim(c, "iss"); }));
    t.push_back(prop(Jwt, "Subject", T(String), [](Call &c) { return jwtClaim(c, "sub"); }));
    t.push_back(prop(Jwt, "ExpirationTime", T(DateTime), [](Call &c) { return jwtDate(c, "exp"); }));
    t.push_back(prop(Jwt, "IssuedAt", T(DateTime), [](Call &c) { return jwtDate(c, "iat"); }));
    t.push_back(prop(Jwt, "NotBefore", T(DateTime), [](Call &c) { return jwtDate(c, "nbf"); }));
    t.push_back(prop(Jwt, "Audiences", T(Array, String), [](Call &c) {
        auto aud = c.self.as<JwtBox>()->payload->get("aud");
        if (!aud) {
            return stringArray({});
        }
        return claimValues(*aud);
    }));
    t.push_back(prop(Jwt, "Claims", T(Dictionary, Array, String), [](Call &c) {
        auto dict = std::make_shared<DictBox>();
        dict->valueType = TypeId::Array;
        for (const auto &p : c.self.as<JwtBox>()->payload->children) {
            dict->entries.push_back({Value::string(p->text), claimValues(*p->children[0])});
        }
        return Value(TypeId::Dictionary, 0, std::move(dict));
    }));
}

} // namespace rows

Value makeJwt(std::string_view token)
{
    return rows::parseJwt(std::string(token));
}

std::string boxedUrlText(const Value &value)
{
    return value.object() ? static_cast<const rows::UrlBox *>(value.object().get())->url.toString() : std::string();
}

std::vector<Value> enumerateHost(EvalState &st, const Value &value)
{
    std::vector<Value> out;
    Call c{st, value, {}, {}};
    switch (value.type()) {
    case TypeId::Headers:
        for (auto &[name, values] : rows::groupedOf(c, value)) {
            out.push_back(makePair(Value::string(name), rows::stringArray(values)));
        }
        return out;
    case TypeId::Variables: {
        std::vector<std::pair<std::string, Value>> sorted(st.context.variables.begin(), st.context.variables.end());
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &[k, v] : sorted) {
            out.push_back(makePair(Value::string(k), v));
        }
        return out;
    }
    default:
        fail("foreach statement cannot operate on variables of type '" + typeNameOf(value) + "'.");
    }
}

} // namespace gw::expr
