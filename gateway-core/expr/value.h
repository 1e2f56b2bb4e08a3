#pragma once

// The values expressions compute with and policies store in context.Variables. The representation is the
// expression module's business; the free functions at the end of this header are the contract the policy engine
// relies on (keep their signatures).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::expr {

struct ResponseState;

// Every type an expression can name or compute with: the .NET types APIM allows, the `context` object model and a
// few markers the checker uses. One row each: identifier, .NET full name (what traces and errors show).
#define GW_EXPR_TYPES(X)                                                                                               \
    X(Dynamic, "System.Object")                                                                                        \
    X(Null, "null")                                                                                                    \
    X(Void, "System.Void")                                                                                             \
    X(Object, "System.Object")                                                                                         \
    X(Bool, "System.Boolean")                                                                                          \
    X(Int32, "System.Int32")                                                                                           \
    X(Int64, "System.Int64")                                                                                           \
    X(Double, "System.Double")                                                                                         \
    X(Decimal, "System.Decimal")                                                                                       \
    X(Char, "System.Char")                                                                                             \
    X(String, "System.String")                                                                                         \
    X(DateTime, "System.DateTime")                                                                                     \
    X(TimeSpan, "System.TimeSpan")                                                                                     \
    X(Guid, "System.Guid")                                                                                             \
    X(Bytes, "System.Byte[]")                                                                                          \
    X(Enumerable, "System.Collections.Generic.IEnumerable`1")                                                          \
    X(Array, "System.Object[]")                                                                                        \
    X(List, "System.Collections.Generic.List`1")                                                                       \
    X(Dictionary, "System.Collections.Generic.Dictionary`2")                                                           \
    X(HashSet, "System.Collections.Generic.HashSet`1")                                                                 \
    X(KeyValuePair, "System.Collections.Generic.KeyValuePair`2")                                                       \
    X(JToken, "Newtonsoft.Json.Linq.JToken")                                                                           \
    X(JObject, "Newtonsoft.Json.Linq.JObject")                                                                         \
    X(JArray, "Newtonsoft.Json.Linq.JArray")                                                                           \
    X(JValue, "Newtonsoft.Json.Linq.JValue")                                                                           \
    X(JProperty, "Newtonsoft.Json.Linq.JProperty")                                                                     \
    X(Context, "IProxyRequestContext")                                                                                 \
    X(Request, "IRequest")                                                                                             \
    X(Response, "IResponse")                                                                                           \
    X(Url, "IUrl")                                                                                                     \
    X(Headers, "System.Collections.Generic.IReadOnlyDictionary`2")                                                     \
    X(Variables, "System.Collections.Generic.IReadOnlyDictionary`2")                                                   \
    X(MessageBody, "IMessageBody")                                                                                     \
    X(Api, "IApi")                                                                                                     \
    X(Operation, "IOperation")                                                                                         \
    X(Product, "IProduct")                                                                                             \
    X(Subscription, "ISubscription")                                                                                   \
    X(User, "IUser")                                                                                                   \
    X(LastError, "ILastError")                                                                                         \
    X(Deployment, "IDeployment")                                                                                       \
    X(Gateway, "IGateway")                                                                                             \
    X(GraphQL, "IGraphQLContext")                                                                                      \
    X(Certificate, "System.Security.Cryptography.X509Certificates.X509Certificate2")                                   \
    X(Jwt, "Jwt")                                                                                                      \
    X(BasicCredentials, "BasicAuthCredentials")                                                                        \
    X(StringBuilder, "System.Text.StringBuilder")                                                                      \
    X(Regex, "System.Text.RegularExpressions.Regex")                                                                   \
    X(Match, "System.Text.RegularExpressions.Match")                                                                   \
    X(RegexGroup, "System.Text.RegularExpressions.Group")                                                              \
    X(GroupCollection, "System.Text.RegularExpressions.GroupCollection")                                               \
    X(Uri, "System.Uri")                                                                                               \
    X(Random, "System.Random")                                                                                         \
    X(HashAlgorithm, "System.Security.Cryptography.HashAlgorithm")                                                     \
    X(Rsa, "System.Security.Cryptography.RSA")                                                                         \
    X(Encoding, "System.Text.Encoding")                                                                                \
    X(XDocument, "System.Xml.Linq.XDocument")                                                                          \
    X(XElement, "System.Xml.Linq.XElement")                                                                            \
    X(XAttribute, "System.Xml.Linq.XAttribute")                                                                        \
    X(Lambda, "System.Delegate")                                                                                       \
    X(Exception, "System.Exception")                                                                                   \
    X(StringComparison, "System.StringComparison")                                                                     \
    X(StringSplitOptions, "System.StringSplitOptions")                                                                 \
    X(RegexOptions, "System.Text.RegularExpressions.RegexOptions")                                                     \
    X(Formatting, "Newtonsoft.Json.Formatting")                                                                        \
    X(DateTimeKind, "System.DateTimeKind")                                                                             \
    X(DayOfWeek, "System.DayOfWeek")                                                                                   \
    X(MidpointRounding, "System.MidpointRounding")                                                                     \
    X(JTokenType, "Newtonsoft.Json.Linq.JTokenType")                                                                   \
    X(HashAlgorithmName, "System.Security.Cryptography.HashAlgorithmName")                                             \
    X(RSASignaturePadding, "System.Security.Cryptography.RSASignaturePadding")                                         \
    X(UriPartial, "System.UriPartial")                                                                                 \
    X(Math, "System.Math")                                                                                             \
    X(Convert, "System.Convert")                                                                                       \
    X(JsonConvert, "Newtonsoft.Json.JsonConvert")                                                                      \
    X(WebUtility, "System.Net.WebUtility")                                                                             \
    X(BitConverter, "System.BitConverter")                                                                             \
    X(Linq, "System.Linq.Enumerable")

enum class TypeId : std::uint8_t {
#define GW_EXPR_TYPE_ENUM(id, name) id,
    GW_EXPR_TYPES(GW_EXPR_TYPE_ENUM)
#undef GW_EXPR_TYPE_ENUM
        Count
};

// Heavy payloads (strings, JSON tokens, collections, host objects) live behind a shared pointer to one of these.
struct Object {
    virtual ~Object() = default;
};

struct StringBox final : Object {
    explicit StringBox(std::string value) : text(std::move(value)) {}
    std::string text;
};

// null, bool, numbers, string, char, DateTime, TimeSpan, Guid, byte[], JSON tokens (reference semantics, as
// Newtonsoft's), collections, and host objects such as responses. Cheap to copy: a type tag, a scalar and a shared
// pointer. Context objects (context.Request, its Headers, ...) carry no pointer at all: they are resolved against the
// Context the evaluation runs on, so a Value never points into a request's state.
class Value {
public:
    Value() = default;
    Value(TypeId type, std::int64_t scalar, std::shared_ptr<Object> object = {}, std::uint8_t flags = 0)
        : m_type(type), m_flags(flags), m_int(scalar), m_object(std::move(object))
    {
    }

    static Value boolean(bool value) { return Value(TypeId::Bool, value ? 1 : 0); }
    static Value int32(std::int32_t value) { return Value(TypeId::Int32, value); }
    static Value int64(std::int64_t value) { return Value(TypeId::Int64, value); }
    static Value floating(double value, TypeId type = TypeId::Double);
    static Value character(char32_t value) { return Value(TypeId::Char, static_cast<std::int64_t>(value)); }
    static Value string(std::string text);
    static Value enumValue(TypeId type, std::int64_t value) { return Value(TypeId(type), value); }

    TypeId type() const { return m_type; }
    std::uint8_t flags() const { return m_flags; }
    bool isNull() const { return m_type == TypeId::Null; }
    bool is(TypeId type) const { return m_type == type; }
    bool isString() const { return m_type == TypeId::String; }
    bool isIntegral() const { return m_type == TypeId::Int32 || m_type == TypeId::Int64; }
    bool isNumber() const
    {
        return m_type == TypeId::Int32 || m_type == TypeId::Int64 || m_type == TypeId::Double ||
               m_type == TypeId::Decimal;
    }

    std::int64_t integer() const { return m_int; }
    double real() const { return m_double; }
    bool flag() const { return m_int != 0; }
    double number() const { return isIntegral() ? double(m_int) : m_double; }
    const std::string &text() const { return static_cast<const StringBox *>(m_object.get())->text; }
    const std::shared_ptr<Object> &object() const { return m_object; }
    template<typename T>
    T *as() const
    {
        return static_cast<T *>(m_object.get());
    }

private:
    TypeId m_type = TypeId::Null;
    std::uint8_t m_flags = 0; // DateTimeKind, Encoding, hash algorithm, which headers, ...
    union {
        std::int64_t m_int = 0;
        double m_double;
    };
    std::shared_ptr<Object> m_object;
};

// --- the contract with the policy engine ---

Value makeString(std::string text);
Value makeBool(bool value);
Value makeInteger(std::int64_t value);
Value makeResponse(std::shared_ptr<ResponseState> response); // what send-request stores in a variable
// A Jwt from a compact token (what validate-jwt stores in output-token-variable-name); null when it is not a JWT.
Value makeJwt(std::string_view token);
// A List<object> of JObjects with string properties, after the items of `existing` when that is already a list: what
// the content validation policies log to their errors variable ({Name, Type, ValidationRule, Details, Action}).
Value makeRecordList(const Value &existing,
                     const std::vector<std::vector<std::pair<std::string, std::string>>> &records);

bool isNull(const Value &value);

// How APIM writes a value into a header, a body, a URL or a trace: .NET's ToString() in the invariant culture.
// null -> "", bool -> "True"/"False", JSON tokens -> their JSON text (Newtonsoft's ToString(), indented).
std::string toText(const Value &value);
// A bool, or a string "true"/"false" in any case (APIM accepts a literal condition="true").
std::optional<bool> toBool(const Value &value);
// An integral number, or a string holding one.
std::optional<std::int64_t> toInteger(const Value &value);
// The response a send-request stored, or null.
std::shared_ptr<ResponseState> toResponse(const Value &value);
// The .NET type name shown in traces: "System.String", "System.Int32", "Newtonsoft.Json.Linq.JObject", ...
std::string_view typeName(const Value &value);

} // namespace gw::expr
