#include <expr/bindings.h>
#include <expr/bindings_impl.h>

#include <common/text.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace gw::expr {

using namespace rows;

namespace rows {

std::string str(const Call &c, std::size_t i)
{
    const Value &v = c.arg(i);
    if (v.isNull()) {
        failArgumentNull("value");
    }
    return v.isString() ? v.text() : toText(v);
}

std::string strOrEmpty(const Call &c, std::size_t i)
{
    const Value &v = c.arg(i);
    return v.isString() ? v.text() : toText(v);
}

std::int64_t integer(const Call &c, std::size_t i)
{
    return requireInteger(c.arg(i));
}

double number(const Call &c, std::size_t i)
{
    return requireNumber(c.arg(i));
}

bool boolean(const Call &c, std::size_t i)
{
    const Value &v = c.arg(i);
    if (v.is(TypeId::Bool)) {
        return v.flag();
    }
    if (auto b = toBool(v)) {
        return *b;
    }
    failCast(v, "System.Boolean");
}

const std::string &self(const Call &c)
{
    if (c.self.isNull()) {
        failNull();
    }
    return c.self.text();
}

bool ignoreCase(const Value &comparison)
{
    // CurrentCultureIgnoreCase = 1, InvariantCultureIgnoreCase = 3, OrdinalIgnoreCase = 5
    return comparison.integer() == 1 || comparison.integer() == 3 || comparison.integer() == 5;
}

Value stringArray(std::vector<std::string> items)
{
    std::vector<Value> values;
    values.reserve(items.size());
    for (auto &s : items) {
        values.push_back(Value::string(std::move(s)));
    }
    return makeList(std::move(values), TypeId::String, TypeId::Array);
}

Value listOf(std::vector<Value> items, TypeId elem, TypeId kind)
{
    return makeList(std::move(items), elem, kind);
}

Value defaultOf(const TypeRef &type)
{
    if (type.nullable) {
        return {};
    }
    switch (type.id) {
    case TypeId::Bool:
        return Value::boolean(false);
    case TypeId::Int32:
        return Value::int32(0);
    case TypeId::Int64:
        return Value::int64(0);
    case TypeId::Double:
    case TypeId::Decimal:
        return Value::floating(0, type.id);
    case TypeId::Char:
        return Value::character(0);
    case TypeId::DateTime:
        return makeDateTime(0, 0);
    case TypeId::TimeSpan:
        return makeTimeSpan(0);
    case TypeId::Guid:
        return makeGuid("00000000-0000-0000-0000-000000000000");
    default:
        return {};
    }
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return out;
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'a' && c <= 'z') {
            c = char(c - 'a' + 'A');
        }
    }
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z') {
            x = char(x - 'A' + 'a');
        }
        if (y >= 'A' && y <= 'Z') {
            y = char(y - 'A' + 'a');
        }
        if (x != y) {
            return false;
        }
    }
    return true;
}

void failArgumentNull(std::string_view name)
{
    fail("Value cannot be null. (Parameter '" + std::string(name) + "')", "System.ArgumentNullException");
}

void failOutOfRange(std::string_view name)
{
    fail("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter '" +
             std::string(name) + "')",
         "System.ArgumentOutOfRangeException");
}

} // namespace rows

namespace {

int kindClass(MemberKind kind)
{
    return kind == MemberKind::Indexer ? int(MemberKind::Property) : int(kind);
}

struct Table {
    std::vector<Member> rows;
    std::unordered_map<std::string, std::vector<std::size_t>> byName;
    std::map<std::pair<int, std::string_view>, std::size_t> byOwner;

    Table()
    {
        addContextMembers(rows);
        addSystemMembers(rows);
        addCollectionMembers(rows);
        addJsonMembers(rows);
        addTextMembers(rows);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            byName[std::string(rows[i].name)].push_back(i);
            byOwner.emplace(std::make_pair(int(rows[i].owner) * 8 + kindClass(rows[i].kind), rows[i].name), i);
        }
    }
};

const Table &table()
{
    static const Table t;
    return t;
}

struct TypeEntry {
    std::string_view name;
    TypeId id;
};

// Every spelling of an allowed type: C# keyword, short name, full name.
constexpr TypeEntry typeEntries[] = {
    {"object", TypeId::Object},
    {"Object", TypeId::Object},
    {"System.Object", TypeId::Object},
    {"bool", TypeId::Bool},
    {"Boolean", TypeId::Bool},
    {"System.Boolean", TypeId::Bool},
    {"int", TypeId::Int32},
    {"Int32", TypeId::Int32},
    {"System.Int32", TypeId::Int32},
    {"short", TypeId::Int32},
    {"Int16", TypeId::Int32},
    {"ushort", TypeId::Int32},
    {"UInt16", TypeId::Int32},
    {"sbyte", TypeId::Int32},
    {"SByte", TypeId::Int32},
    {"byte", TypeId::Int32},
    {"Byte", TypeId::Int32},
    {"System.Byte", TypeId::Int32},
    {"uint", TypeId::Int64},
    {"UInt32", TypeId::Int64},
    {"long", TypeId::Int64},
    {"Int64", TypeId::Int64},
    {"System.Int64", TypeId::Int64},
    {"ulong", TypeId::Int64},
    {"UInt64", TypeId::Int64},
    {"double", TypeId::Double},
    {"Double", TypeId::Double},
    {"System.Double", TypeId::Double},
    {"float", TypeId::Double},
    {"Single", TypeId::Double},
    {"decimal", TypeId::Decimal},
    {"Decimal", TypeId::Decimal},
    {"System.Decimal", TypeId::Decimal},
    {"char", TypeId::Char},
    {"Char", TypeId::Char},
    {"System.Char", TypeId::Char},
    {"string", TypeId::String},
    {"String", TypeId::String},
    {"System.String", TypeId::String},
    {"DateTime", TypeId::DateTime},
    {"System.DateTime", TypeId::DateTime},
    {"DateTimeOffset", TypeId::DateTime},
    {"System.DateTimeOffset", TypeId::DateTime},
    {"TimeSpan", TypeId::TimeSpan},
    {"System.TimeSpan", TypeId::TimeSpan},
    {"Guid", TypeId::Guid},
    {"System.Guid", TypeId::Guid},
    {"IEnumerable", TypeId::Enumerable},
    {"ICollection", TypeId::Enumerable},
    {"IReadOnlyCollection", TypeId::Enumerable},
    {"IList", TypeId::List},
    {"List", TypeId::List},
    {"System.Collections.Generic.List", TypeId::List},
    {"System.Collections.Generic.IEnumerable", TypeId::Enumerable},
    {"Queue", TypeId::List},
    {"Stack", TypeId::List},
    {"Dictionary", TypeId::Dictionary},
    {"IDictionary", TypeId::Dictionary},
    {"IReadOnlyDictionary", TypeId::Dictionary},
    {"System.Collections.Generic.Dictionary", TypeId::Dictionary},
    {"HashSet", TypeId::HashSet},
    {"ISet", TypeId::HashSet},
    {"KeyValuePair", TypeId::KeyValuePair},
    {"Array", TypeId::Array},
    {"System.Array", TypeId::Array},
    {"JToken", TypeId::JToken},
    {"JContainer", TypeId::JToken},
    {"Newtonsoft.Json.Linq.JToken", TypeId::JToken},
    {"JObject", TypeId::JObject},
    {"Newtonsoft.Json.Linq.JObject", TypeId::JObject},
    {"JArray", TypeId::JArray},
    {"Newtonsoft.Json.Linq.JArray", TypeId::JArray},
    {"JValue", TypeId::JValue},
    {"Newtonsoft.Json.Linq.JValue", TypeId::JValue},
    {"JProperty", TypeId::JProperty},
    {"Newtonsoft.Json.Linq.JProperty", TypeId::JProperty},
    {"JTokenType", TypeId::JTokenType},
    {"Newtonsoft.Json.Linq.JTokenType", TypeId::JTokenType},
    {"Formatting", TypeId::Formatting},
    {"Newtonsoft.Json.Formatting", TypeId::Formatting},
    {"JsonConvert", TypeId::JsonConvert},
    {"Newtonsoft.Json.JsonConvert", TypeId::JsonConvert},
    {"IResponse", TypeId::Response},
    {"IRequest", TypeId::Request},
    {"IUrl", TypeId::Url},
    {"IMessageBody", TypeId::MessageBody},
    {"IApi", TypeId::Api},
    {"IOperation", TypeId::Operation},
    {"IProduct", TypeId::Product},
    {"ISubscription", TypeId::Subscription},
    {"IUser", TypeId::User},
    {"ILastError", TypeId::LastError},
    {"IDeployment", TypeId::Deployment},
    {"Jwt", TypeId::Jwt},
    {"BasicAuthCredentials", TypeId::BasicCredentials},
    {"StringBuilder", TypeId::StringBuilder},
    {"System.Text.StringBuilder", TypeId::StringBuilder},
    {"Encoding", TypeId::Encoding},
    {"System.Text.Encoding", TypeId::Encoding},
    {"Regex", TypeId::Regex},
    {"System.Text.RegularExpressions.Regex", TypeId::Regex},
    {"Match", TypeId::Match},
    {"Group", TypeId::RegexGroup},
    {"GroupCollection", TypeId::GroupCollection},
    {"MatchCollection", TypeId::Array},
    {"RegexOptions", TypeId::RegexOptions},
    {"System.Text.RegularExpressions.RegexOptions", TypeId::RegexOptions},
    {"Uri", TypeId::Uri},
    {"System.Uri", TypeId::Uri},
    {"UriPartial", TypeId::UriPartial},
    {"HashAlgorithmName", TypeId::HashAlgorithmName},
    {"RSASignaturePadding", TypeId::RSASignaturePadding},
    {"RSA", TypeId::Rsa},
    {"AsymmetricAlgorithm", TypeId::Rsa},
    {"RSACertificateExtensions", TypeId::Certificate},
    {"Random", TypeId::Random},
    {"System.Random", TypeId::Random},
    {"Math", TypeId::Math},
    {"System.Math", TypeId::Math},
    {"Convert", TypeId::Convert},
    {"System.Convert", TypeId::Convert},
    {"BitConverter", TypeId::BitConverter},
    {"System.BitConverter", TypeId::BitConverter},
    {"WebUtility", TypeId::WebUtility},
    {"System.Net.WebUtility", TypeId::WebUtility},
    {"Enumerable", TypeId::Linq},
    {"System.Linq.Enumerable", TypeId::Linq},
    {"StringComparison", TypeId::StringComparison},
    {"System.StringComparison", TypeId::StringComparison},
    {"StringComparer", TypeId::StringComparison},
    {"StringSplitOptions", TypeId::StringSplitOptions},
    {"System.StringSplitOptions", TypeId::StringSplitOptions},
    {"DateTimeKind", TypeId::DateTimeKind},
    {"DayOfWeek", TypeId::DayOfWeek},
    {"MidpointRounding", TypeId::MidpointRounding},
    {"Exception", TypeId::Exception},
    {"System.Exception", TypeId::Exception},
    {"HashAlgorithm", TypeId::HashAlgorithm},
    {"HMAC", TypeId::HashAlgorithm},
    {"KeyedHashAlgorithm", TypeId::HashAlgorithm},
    {"HMACSHA256", TypeId::HashAlgorithm},
    {"HMACSHA1", TypeId::HashAlgorithm},
    {"HMACSHA384", TypeId::HashAlgorithm},
    {"HMACSHA512", TypeId::HashAlgorithm},
    {"HMACMD5", TypeId::HashAlgorithm},
    {"SHA256", TypeId::HashAlgorithm},
    {"SHA1", TypeId::HashAlgorithm},
    {"SHA384", TypeId::HashAlgorithm},
    {"SHA512", TypeId::HashAlgorithm},
    {"MD5", TypeId::HashAlgorithm},
    {"SHA256Managed", TypeId::HashAlgorithm},
    {"SHA1Managed", TypeId::HashAlgorithm},
    {"SHA384Managed", TypeId::HashAlgorithm},
    {"SHA512Managed", TypeId::HashAlgorithm},
    {"System.Security.Cryptography.SHA256", TypeId::HashAlgorithm},
    {"System.Security.Cryptography.HMACSHA256", TypeId::HashAlgorithm},
    {"System.Security.Cryptography.MD5", TypeId::HashAlgorithm},
    {"System.Security.Cryptography.SHA1", TypeId::HashAlgorithm},
    {"XDocument", TypeId::XDocument},
    {"System.Xml.Linq.XDocument", TypeId::XDocument},
    {"XElement", TypeId::XElement},
    {"XNode", TypeId::XElement},
    {"System.Xml.Linq.XElement", TypeId::XElement},
    {"XAttribute", TypeId::XAttribute},
    {"Func", TypeId::Lambda},
    {"X509Certificate2", TypeId::Certificate},
    {"X509Certificate", TypeId::Certificate},
};

constexpr std::string_view namespaces[] = {
    "System",
    "System.Text",
    "System.Text.RegularExpressions",
    "System.Linq",
    "System.Collections",
    "System.Collections.Generic",
    "System.Net",
    "System.Security",
    "System.Security.Cryptography",
    "System.Security.Cryptography.X509Certificates",
    "System.Xml",
    "System.Xml.Linq",
    "System.IO",
    "Newtonsoft",
    "Newtonsoft.Json",
    "Newtonsoft.Json.Linq",
};

constexpr std::string_view forbiddenTypes[] = {
    "File",         "Directory",   "Path",       "Process", "Environment", "Thread",     "Task",
    "HttpClient",   "WebClient",   "WebRequest", "Socket",  "Assembly",    "Activator",  "Type",
    "Console",      "AppDomain",   "GC",         "Marshal", "Registry",    "FileStream", "StreamReader",
    "StreamWriter", "XmlDocument", "XmlReader",  "Aes",     "Dns",         "TcpClient",  "Timer",
};

} // namespace

const std::vector<Member> &members()
{
    return table().rows;
}

TypeId baseType(TypeId type)
{
    switch (type) {
    case TypeId::JObject:
    case TypeId::JArray:
    case TypeId::JValue:
    case TypeId::JProperty:
        return TypeId::JToken;
    case TypeId::JToken:
    case TypeId::Array:
    case TypeId::List:
    case TypeId::HashSet:
    case TypeId::Dictionary:
    case TypeId::Headers:
    case TypeId::Variables:
    case TypeId::String:
    case TypeId::Bytes:
    case TypeId::GroupCollection:
        return TypeId::Enumerable;
    case TypeId::Object:
    case TypeId::Dynamic:
    case TypeId::Null:
        return TypeId::Count;
    default:
        return TypeId::Object;
    }
}

bool derivesFrom(TypeId type, TypeId base)
{
    for (TypeId t = type; t != TypeId::Count; t = baseType(t)) {
        if (t == base) {
            return true;
        }
    }
    return base == TypeId::Object || base == TypeId::Dynamic;
}

const Member *findMember(TypeId owner, std::string_view name, MemberKind kind)
{
    const Table &t = table();
    const int cls = kindClass(kind);
    if (kind == MemberKind::StaticMethod || kind == MemberKind::StaticProperty || kind == MemberKind::Constructor) {
        const auto it = t.byOwner.find({int(owner) * 8 + cls, name});
        return it == t.byOwner.end() ? nullptr : &t.rows[it->second];
    }
    // Lists and sets share the members of arrays (Count, indexer, Contains).
    for (TypeId type = owner; type != TypeId::Count; type = baseType(type)) {
        const auto it = t.byOwner.find({int(type) * 8 + cls, name});
        if (it != t.byOwner.end()) {
            return &t.rows[it->second];
        }
        if (type == TypeId::HashSet || type == TypeId::List) {
            const auto alt = t.byOwner.find({int(TypeId::Array) * 8 + cls, name});
            if (alt != t.byOwner.end()) {
                return &t.rows[alt->second];
            }
        }
    }
    return nullptr;
}

bool anyMemberNamed(std::string_view name)
{
    return table().byName.count(std::string(name)) != 0;
}

std::string suggestMember(TypeId owner, std::string_view name, bool isStatic)
{
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(3, name.size() / 3) + 1;
    for (const auto &m : table().rows) {
        const bool memberStatic = m.kind == MemberKind::StaticMethod || m.kind == MemberKind::StaticProperty;
        if (m.kind == MemberKind::Constructor || m.kind == MemberKind::Indexer) {
            continue;
        }
        if (owner != TypeId::Dynamic && (!derivesFrom(owner, m.owner) || memberStatic != isStatic)) {
            continue;
        }
        const std::size_t d = editDistance(name, m.name, true);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(m.name);
        }
    }
    return best;
}

TypeRef elementType(const TypeRef &type)
{
    switch (type.id) {
    case TypeId::Array:
    case TypeId::List:
    case TypeId::HashSet:
    case TypeId::Enumerable:
        return TypeRef{type.elem};
    case TypeId::Dictionary:
        return TypeRef{TypeId::KeyValuePair, type.elem, type.key};
    case TypeId::Headers:
        return TypeRef{TypeId::KeyValuePair, TypeId::Array, TypeId::String};
    case TypeId::Variables:
        return TypeRef{TypeId::KeyValuePair, TypeId::Dynamic, TypeId::String};
    case TypeId::String:
        return TypeRef{TypeId::Char};
    case TypeId::Bytes:
        return TypeRef{TypeId::Int32};
    case TypeId::JArray:
        return TypeRef{TypeId::JToken};
    case TypeId::JObject:
        return TypeRef{TypeId::KeyValuePair, TypeId::JToken, TypeId::String};
    case TypeId::JToken:
        return TypeRef{TypeId::JToken};
    default:
        return TypeRef{};
    }
}

std::optional<TypeId> findType(std::string_view name)
{
    static const std::unordered_map<std::string_view, TypeId> byName = [] {
        std::unordered_map<std::string_view, TypeId> m;
        for (const auto &e : typeEntries) {
            m.emplace(e.name, e.id);
        }
        return m;
    }();
    auto it = byName.find(name);
    if (it != byName.end()) {
        return it->second;
    }
    // Fully qualified names of allowed types: strip a known namespace.
    const auto dot = name.rfind('.');
    if (dot != std::string_view::npos && isNamespace(name.substr(0, dot))) {
        it = byName.find(name.substr(dot + 1));
        if (it != byName.end()) {
            return it->second;
        }
    }
    return std::nullopt;
}

bool isNamespace(std::string_view name)
{
    return std::find(std::begin(namespaces), std::end(namespaces), name) != std::end(namespaces);
}

bool isKnownForbiddenType(std::string_view name)
{
    const auto dot = name.rfind('.');
    const auto last = dot == std::string_view::npos ? name : name.substr(dot + 1);
    return std::find(std::begin(forbiddenTypes), std::end(forbiddenTypes), last) != std::end(forbiddenTypes);
}

} // namespace gw::expr
