#include <expr/context.h>
#include <expr/runtime.h>
#include <expr/value.h>

#include <common/text.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

namespace gw::expr {

std::string hostText(const Value &value); // bindings.cpp: ToString() of the objects the bindings own

namespace {

const std::shared_ptr<StringBox> &emptyString()
{
    static const auto empty = std::make_shared<StringBox>(std::string());
    return empty;
}

constexpr std::string_view typeNames[] = {
#define GW_EXPR_TYPE_NAME(id, name) name,
    GW_EXPR_TYPES(GW_EXPR_TYPE_NAME)
#undef GW_EXPR_TYPE_NAME
};

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i])) {
            return false;
        }
    }
    return true;
}

} // namespace

Value Value::floating(double value, TypeId type)
{
    Value result(type, 0);
    result.m_double = value;
    return result;
}

Value Value::string(std::string text)
{
    if (text.empty()) {
        return Value(TypeId::String, 0, emptyString());
    }
    return Value(TypeId::String, 0, std::make_shared<StringBox>(std::move(text)));
}

// --- errors ---

void fail(std::string message, std::string_view exceptionType)
{
    throw EvalError{std::move(message), exceptionType};
}

std::uint64_t nextSerial()
{
    static std::atomic<std::uint64_t> serial{0};
    return ++serial;
}

void failNull()
{
    fail("Object reference not set to an instance of an object.", "System.NullReferenceException");
}

void failCast(const Value &value, std::string_view target)
{
    fail("Unable to cast object of type '" + typeNameOf(value) + "' to type '" + std::string(target) + "'.",
         "System.InvalidCastException");
}

void failArgument(std::string message)
{
    fail(std::move(message), "System.ArgumentException");
}

void failFormat(std::string message)
{
    fail(std::move(message), "System.FormatException");
}

// --- payload helpers ---

int DictBox::find(const Value &key) const
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Value &k = entries[i].first;
        if (ignoreCase && k.isString() && key.isString()) {
            if (equalsIgnoreCase(k.text(), key.text())) {
                return int(i);
            }
        } else if (valueEquals(k, key)) {
            return int(i);
        }
    }
    return -1;
}

JNode::~JNode()
{
    // Deep trees are taken apart iteratively: a recursive release could run off the stack.
    std::vector<std::shared_ptr<JNode>> pending;
    pending.swap(children);
    while (!pending.empty()) {
        std::shared_ptr<JNode> node = std::move(pending.back());
        pending.pop_back();
        if (!node) {
            continue;
        }
        if (node->parent == this) {
            node->parent = nullptr;
        }
        if (node.use_count() == 1) {
            for (auto &child : node->children) {
                if (child && child->parent == node.get()) {
                    child->parent = nullptr;
                }
                pending.push_back(std::move(child));
            }
            node->children.clear();
        }
    }
}

JRef JNode::property(std::string_view name) const
{
    if (kind != Kind::Object) {
        return nullptr;
    }
    for (const auto &p : children) {
        if (p->text == name) {
            return p;
        }
    }
    return nullptr;
}

JRef JNode::get(std::string_view name) const
{
    auto p = property(name);
    return p && !p->children.empty() ? p->children[0] : nullptr;
}

static JRef adopt(JRef child, JNode *parent)
{
    if (child->parent != nullptr && child->parent != parent) {
        child = cloneJson(*child);
    }
    child->parent = parent;
    return child;
}

void JNode::set(std::string_view name, JRef value)
{
    if (!value) {
        value = std::make_shared<JNode>(Kind::Null);
    }
    if (auto p = property(name)) {
        if (!p->children.empty() && p->children[0] && p->children[0]->parent == p.get()) {
            p->children[0]->parent = nullptr;
        }
        p->children.assign(1, adopt(std::move(value), p.get()));
        return;
    }
    auto p = std::make_shared<JNode>(Kind::Property);
    p->text = std::string(name);
    p->children.push_back(adopt(std::move(value), p.get()));
    p->parent = this;
    children.push_back(std::move(p));
}

void JNode::append(JRef child)
{
    children.push_back(adopt(std::move(child), this));
}

bool JNode::removeChild(const JNode *child)
{
    for (auto it = children.begin(); it != children.end(); ++it) {
        if (it->get() == child) {
            (*it)->parent = nullptr;
            children.erase(it);
            return true;
        }
    }
    return false;
}

// --- construction ---

Value makeBytes(std::string data)
{
    return Value(TypeId::Bytes, 0, std::make_shared<BytesBox>(std::move(data)));
}

Value makeList(std::vector<Value> items, TypeId elem, TypeId listType)
{
    auto box = std::make_shared<ListBox>();
    box->items = std::move(items);
    box->elem = elem;
    return Value(listType, 0, std::move(box));
}

Value makeGuid(std::string canonical)
{
    return Value(TypeId::Guid, 0, std::make_shared<StringBox>(std::move(canonical)));
}

Value makeDateTime(std::int64_t ticks, int kind)
{
    return Value(TypeId::DateTime, ticks, {}, std::uint8_t(kind));
}

Value makeDateTimeChecked(std::int64_t ticks, int kind)
{
    if (ticks < 0 || ticks > 3155378975999999999) {
        fail("The added or subtracted value results in an un-representable DateTime.",
             "System.ArgumentOutOfRangeException");
    }
    return makeDateTime(ticks, kind);
}

Value makeTimeSpan(std::int64_t ticks)
{
    return Value(TypeId::TimeSpan, ticks);
}

Value makePair(Value key, Value value)
{
    auto box = std::make_shared<PairBox>();
    box->key = std::move(key);
    box->value = std::move(value);
    return Value(TypeId::KeyValuePair, 0, std::move(box));
}

Value makeJson(JRef node)
{
    if (!node) {
        return {};
    }
    TypeId type = TypeId::JValue;
    switch (node->kind) {
    case JNode::Kind::Object:
        type = TypeId::JObject;
        break;
    case JNode::Kind::Array:
        type = TypeId::JArray;
        break;
    case JNode::Kind::Property:
        type = TypeId::JProperty;
        break;
    default:
        break;
    }
    return Value(type, 0, std::move(node));
}

const std::string &bytesOf(const Value &value)
{
    if (value.isNull()) {
        failNull();
    }
    if (value.is(TypeId::Bytes)) {
        return value.as<BytesBox>()->data;
    }
    failCast(value, "System.Byte[]");
}

// --- the contract ---

Value makeString(std::string text)
{
    return Value::string(std::move(text));
}

Value makeBool(bool value)
{
    return Value::boolean(value);
}

Value makeInteger(std::int64_t value)
{
    if (value >= INT32_MIN && value <= INT32_MAX) {
        return Value::int32(std::int32_t(value));
    }
    return Value::int64(value);
}

Value makeResponse(std::shared_ptr<ResponseState> response)
{
    if (!response) {
        return {};
    }
    auto box = std::make_shared<ResponseBox>();
    box->state = std::move(response);
    return Value(TypeId::Response, 0, std::move(box));
}

Value makeRecordList(const Value &existing,
                     const std::vector<std::vector<std::pair<std::string, std::string>>> &records)
{
    std::vector<Value> items;
    if (existing.is(TypeId::List) && existing.object())
        items = existing.as<ListBox>()->items;
    for (const auto &record : records) {
        auto object = std::make_shared<JNode>(JNode::Kind::Object);
        for (const auto &[name, text] : record) {
            auto value = std::make_shared<JNode>(JNode::Kind::String);
            value->text = text;
            object->set(name, std::move(value));
        }
        items.push_back(makeJson(std::move(object)));
    }
    return makeList(std::move(items), TypeId::Object, TypeId::List);
}

bool isNull(const Value &value)
{
    return value.isNull();
}

static std::string jsonScalarText(const JNode &node)
{
    switch (node.kind) {
    case JNode::Kind::Null:
        return {};
    case JNode::Kind::Bool:
        return node.boolean ? "True" : "False";
    case JNode::Kind::Integer:
        return std::to_string(node.integer);
    case JNode::Kind::Float:
        return formatDouble(node.real);
    case JNode::Kind::String:
        return node.text;
    default:
        return writeJson(node, true);
    }
}

std::string toText(const Value &value)
{
    switch (value.type()) {
    case TypeId::Null:
        return {};
    case TypeId::Bool:
        return value.flag() ? "True" : "False";
    case TypeId::Int32:
    case TypeId::Int64:
        return std::to_string(value.integer());
    case TypeId::Double:
    case TypeId::Decimal:
        return formatDouble(value.real());
    case TypeId::Char: {
        std::string out;
        appendUtf8(out, std::uint32_t(value.integer()));
        return out;
    }
    case TypeId::String:
    case TypeId::Guid:
        return value.text();
    case TypeId::DateTime:
    case TypeId::TimeSpan:
        return formatValue(value, "");
    case TypeId::JValue:
        return jsonScalarText(*value.as<JNode>());
    case TypeId::JObject:
    case TypeId::JArray:
    case TypeId::JProperty:
        return writeJson(*value.as<JNode>(), true);
    case TypeId::StringBuilder:
        return value.as<StringBuilderBox>()->text;
    default:
        return hostText(value);
    }
}

std::optional<bool> toBool(const Value &value)
{
    if (value.is(TypeId::Bool)) {
        return value.flag();
    }
    if (value.is(TypeId::JValue) && value.as<JNode>()->kind == JNode::Kind::Bool) {
        return value.as<JNode>()->boolean;
    }
    if (value.isString() || value.is(TypeId::JValue)) {
        const std::string text = value.isString() ? value.text() : jsonScalarText(*value.as<JNode>());
        std::string_view t = text;
        while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
            t.remove_prefix(1);
        }
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) {
            t.remove_suffix(1);
        }
        if (equalsIgnoreCase(t, "true")) {
            return true;
        }
        if (equalsIgnoreCase(t, "false")) {
            return false;
        }
    }
    return std::nullopt;
}

std::optional<std::int64_t> toInteger(const Value &value)
{
    if (value.isIntegral()) {
        return value.integer();
    }
    if (value.is(TypeId::JValue) && value.as<JNode>()->kind == JNode::Kind::Integer) {
        return value.as<JNode>()->integer;
    }
    if (value.isString() || value.is(TypeId::JValue)) {
        const std::string text = value.isString() ? value.text() : jsonScalarText(*value.as<JNode>());
        std::int64_t out = 0;
        if (parseInt64(text, out)) {
            return out;
        }
    }
    return std::nullopt;
}

std::shared_ptr<ResponseState> toResponse(const Value &value)
{
    if (value.is(TypeId::Response) && value.object()) {
        return value.as<ResponseBox>()->state;
    }
    return nullptr;
}

std::string_view typeName(const Value &value)
{
    if (value.is(TypeId::Array)) {
        switch (value.as<ListBox>()->elem) {
        case TypeId::String:
            return "System.String[]";
        case TypeId::Int32:
            return "System.Int32[]";
        case TypeId::Int64:
            return "System.Int64[]";
        case TypeId::Double:
            return "System.Double[]";
        case TypeId::Bool:
            return "System.Boolean[]";
        case TypeId::Char:
            return "System.Char[]";
        case TypeId::JToken:
            return "Newtonsoft.Json.Linq.JToken[]";
        default:
            return "System.Object[]";
        }
    }
    return typeDisplayName(value.type());
}

std::string_view typeDisplayName(TypeId id)
{
    const auto index = std::size_t(id);
    return index < std::size(typeNames) ? typeNames[index] : "System.Object";
}

std::string typeNameOf(const Value &value)
{
    return std::string(typeName(value));
}

// --- equality, ordering, enumeration ---

static bool jsonScalarEquals(const JNode &a, const JNode &b)
{
    if (a.kind != b.kind) {
        if ((a.kind == JNode::Kind::Integer || a.kind == JNode::Kind::Float) &&
            (b.kind == JNode::Kind::Integer || b.kind == JNode::Kind::Float)) {
            const double x = a.kind == JNode::Kind::Integer ? double(a.integer) : a.real;
            const double y = b.kind == JNode::Kind::Integer ? double(b.integer) : b.real;
            return x == y;
        }
        return false;
    }
    switch (a.kind) {
    case JNode::Kind::Null:
        return true;
    case JNode::Kind::Bool:
        return a.boolean == b.boolean;
    case JNode::Kind::Integer:
        return a.integer == b.integer;
    case JNode::Kind::Float:
        return a.real == b.real;
    case JNode::Kind::String:
        return a.text == b.text;
    default:
        return &a == &b;
    }
}

bool valueEquals(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull()) {
        if (a.isNull() && b.isNull()) {
            return true;
        }
        // A JSON null token compares equal to null, as Newtonsoft's JValue operators make it.
        const Value &other = a.isNull() ? b : a;
        return other.is(TypeId::JValue) && other.as<JNode>()->kind == JNode::Kind::Null;
    }
    if (a.isNumber() && b.isNumber()) {
        if (a.isIntegral() && b.isIntegral()) {
            return a.integer() == b.integer();
        }
        return a.number() == b.number();
    }
    if (a.is(TypeId::Char) && b.isNumber()) {
        return double(a.integer()) == b.number();
    }
    if (b.is(TypeId::Char) && a.isNumber()) {
        return double(b.integer()) == a.number();
    }
    if (a.is(TypeId::JValue) && b.is(TypeId::JValue)) {
        return jsonScalarEquals(*a.as<JNode>(), *b.as<JNode>());
    }
    if (a.is(TypeId::JValue) != b.is(TypeId::JValue)) {
        // Comparing a token with a plain value goes through the token's implicit conversion.
        const Value &token = a.is(TypeId::JValue) ? a : b;
        const Value &plain = a.is(TypeId::JValue) ? b : a;
        const JNode &node = *token.as<JNode>();
        if (plain.isString()) {
            return node.kind == JNode::Kind::String && node.text == plain.text();
        }
        if (plain.is(TypeId::Bool)) {
            return node.kind == JNode::Kind::Bool && node.boolean == plain.flag();
        }
        if (plain.isNumber()) {
            if (node.kind == JNode::Kind::Integer) {
                return double(node.integer) == plain.number();
            }
            return node.kind == JNode::Kind::Float && node.real == plain.number();
        }
        return false;
    }
    if (a.type() != b.type()) {
        return false;
    }
    switch (a.type()) {
    case TypeId::Bool:
    case TypeId::Char:
    case TypeId::DateTime:
    case TypeId::TimeSpan:
        return a.integer() == b.integer();
    case TypeId::String:
    case TypeId::Guid:
        return a.text() == b.text();
    case TypeId::KeyValuePair:
        return valueEquals(a.as<PairBox>()->key, b.as<PairBox>()->key) &&
               valueEquals(a.as<PairBox>()->value, b.as<PairBox>()->value);
    default:
        if (a.object() || b.object()) {
            return a.object() == b.object();
        }
        return a.integer() == b.integer(); // enums and context objects
    }
}

int compareValues(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull()) {
        return a.isNull() ? (b.isNull() ? 0 : -1) : 1;
    }
    auto numeric = [](const Value &v, double &out) {
        if (v.isNumber() || v.is(TypeId::Char)) {
            out = v.is(TypeId::Char) ? double(v.integer()) : v.number();
            return true;
        }
        if (v.is(TypeId::JValue)) {
            const JNode &n = *v.as<JNode>();
            if (n.kind == JNode::Kind::Integer) {
                out = double(n.integer);
                return true;
            }
            if (n.kind == JNode::Kind::Float) {
                out = n.real;
                return true;
            }
        }
        return false;
    };
    double x = 0;
    double y = 0;
    if (a.isIntegral() && b.isIntegral()) {
        return a.integer() < b.integer() ? -1 : (a.integer() > b.integer() ? 1 : 0);
    }
    if (numeric(a, x) && numeric(b, y)) {
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if ((a.is(TypeId::DateTime) && b.is(TypeId::DateTime)) || (a.is(TypeId::TimeSpan) && b.is(TypeId::TimeSpan)) ||
        (a.is(TypeId::Bool) && b.is(TypeId::Bool))) {
        return a.integer() < b.integer() ? -1 : (a.integer() > b.integer() ? 1 : 0);
    }
    const std::string s = a.isString() ? a.text() : toText(a);
    const std::string t = b.isString() ? b.text() : toText(b);
    // String.CompareTo is culture-aware; ordinal with case as a tie-breaker is close enough for ASCII keys.
    for (std::size_t i = 0; i < s.size() && i < t.size(); ++i) {
        const char p = asciiLower(s[i]);
        const char q = asciiLower(t[i]);
        if (p != q) {
            return p < q ? -1 : 1;
        }
    }
    if (s.size() != t.size()) {
        return s.size() < t.size() ? -1 : 1;
    }
    return s == t ? 0 : (s > t ? -1 : 1);
}

std::vector<Value> enumerateHost(EvalState &st, const Value &value); // bindings.cpp

std::vector<Value> enumerate(EvalState &st, const Value &value)
{
    switch (value.type()) {
    case TypeId::Null:
        failNull();
    case TypeId::Array:
    case TypeId::List:
    case TypeId::HashSet:
    case TypeId::Enumerable:
        return value.as<ListBox>()->items;
    case TypeId::Dictionary: {
        std::vector<Value> out;
        for (const auto &[k, v] : value.as<DictBox>()->entries) {
            out.push_back(makePair(k, v));
        }
        return out;
    }
    case TypeId::String: {
        std::vector<Value> out;
        for (unsigned char c : value.text()) {
            out.push_back(Value::character(c));
        }
        return out;
    }
    case TypeId::Bytes: {
        std::vector<Value> out;
        for (unsigned char c : value.as<BytesBox>()->data) {
            out.push_back(Value::int32(c));
        }
        return out;
    }
    case TypeId::JObject: {
        // JObject is an IEnumerable<KeyValuePair<string, JToken>>
        std::vector<Value> out;
        for (const auto &p : value.as<JNode>()->children) {
            out.push_back(makePair(Value::string(p->text), makeJson(p->children.empty() ? nullptr : p->children[0])));
        }
        return out;
    }
    case TypeId::JArray:
    case TypeId::JProperty: {
        std::vector<Value> out;
        for (const auto &child : value.as<JNode>()->children) {
            out.push_back(makeJson(child));
        }
        return out;
    }
    default:
        return enumerateHost(st, value);
    }
}

std::string requireString(const Value &value)
{
    if (value.isNull()) {
        failNull();
    }
    if (value.isString()) {
        return value.text();
    }
    return toText(value);
}

std::int64_t requireInteger(const Value &value)
{
    if (value.isNull()) {
        failNull();
    }
    if (value.isIntegral() || value.is(TypeId::Char) || value.is(TypeId::Bool)) {
        return value.integer();
    }
    if (value.is(TypeId::Double) || value.is(TypeId::Decimal)) {
        return truncateToInt64(value.real());
    }
    if (value.is(TypeId::JValue)) {
        const JNode &n = *value.as<JNode>();
        if (n.kind == JNode::Kind::Integer) {
            return n.integer;
        }
        if (n.kind == JNode::Kind::Float) {
            return truncateToInt64(n.real);
        }
    }
    if (int(value.type()) >= int(TypeId::StringComparison) && int(value.type()) <= int(TypeId::UriPartial)) {
        return value.integer();
    }
    failCast(value, "System.Int32");
}

double requireNumber(const Value &value)
{
    if (value.isNull()) {
        failNull();
    }
    if (value.isNumber()) {
        return value.number();
    }
    if (value.is(TypeId::Char)) {
        return double(value.integer());
    }
    if (value.is(TypeId::JValue)) {
        const JNode &n = *value.as<JNode>();
        if (n.kind == JNode::Kind::Integer) {
            return double(n.integer);
        }
        if (n.kind == JNode::Kind::Float) {
            return n.real;
        }
    }
    failCast(value, "System.Double");
}

// --- types, casts ---

static bool isJsonType(TypeId id)
{
    return id == TypeId::JToken || id == TypeId::JObject || id == TypeId::JArray || id == TypeId::JValue ||
           id == TypeId::JProperty;
}

static bool isCollection(TypeId id)
{
    return id == TypeId::Array || id == TypeId::List || id == TypeId::HashSet || id == TypeId::Enumerable ||
           id == TypeId::Dictionary;
}

bool isInstance(const Value &value, const TypeRef &type)
{
    if (value.isNull()) {
        return false;
    }
    const TypeId v = value.type();
    switch (type.id) {
    case TypeId::Dynamic:
    case TypeId::Object:
        return true;
    case TypeId::JToken:
        return isJsonType(v);
    case TypeId::Enumerable:
        return isCollection(v) || v == TypeId::String || v == TypeId::JArray || v == TypeId::JObject ||
               v == TypeId::Headers || v == TypeId::Bytes;
    case TypeId::Array:
        return v == TypeId::Array &&
               (type.elem == TypeId::Dynamic || type.elem == TypeId::Object || value.as<ListBox>()->elem == type.elem);
    case TypeId::List:
        return v == TypeId::List;
    case TypeId::Dictionary:
        return v == TypeId::Dictionary;
    case TypeId::Double:
        return v == TypeId::Double;
    default:
        return v == type.id;
    }
}

static Value jsonTo(const Value &value, const TypeRef &type)
{
    const JNode &node = *value.as<JNode>();
    if (node.kind == JNode::Kind::Property || node.isContainer()) {
        fail("Can not convert " +
                 std::string(node.kind == JNode::Kind::Object  ? "Object"
                             : node.kind == JNode::Kind::Array ? "Array"
                                                               : "Property") +
                 " to " + std::string(typeDisplayName(type.id)).substr(7) + ".",
             "System.ArgumentException");
    }
    return fromJsonValue(node, type.id);
}

Value castTo(const Value &value, const TypeRef &type)
{
    const TypeId target = type.id;
    if (target == TypeId::Dynamic || target == TypeId::Object) {
        return value;
    }
    if (value.isNull()) {
        switch (target) {
        case TypeId::Bool:
        case TypeId::Int32:
        case TypeId::Int64:
        case TypeId::Double:
        case TypeId::Decimal:
        case TypeId::Char:
        case TypeId::DateTime:
        case TypeId::TimeSpan:
        case TypeId::Guid:
            if (type.nullable) {
                return value;
            }
            failNull();
        default:
            return value;
        }
    }
    const TypeId v = value.type();
    if (v == TypeId::JValue && !isJsonType(target)) {
        if (value.as<JNode>()->kind == JNode::Kind::Null) {
            if (target == TypeId::String || type.nullable) {
                return {};
            }
        }
        return jsonTo(value, type);
    }
    if (isJsonType(v) && (target == TypeId::String || target == TypeId::Bool || target == TypeId::Int32 ||
                          target == TypeId::Int64 || target == TypeId::Double || target == TypeId::Decimal ||
                          target == TypeId::DateTime || target == TypeId::Guid)) {
        return jsonTo(value, type);
    }
    switch (target) {
    case TypeId::Int32:
    case TypeId::Int64:
        if (value.isNumber() || v == TypeId::Char ||
            (int(v) >= int(TypeId::StringComparison) && int(v) <= int(TypeId::UriPartial))) {
            std::int64_t n =
                value.isIntegral() || !value.isNumber() ? value.integer() : truncateToInt64(std::trunc(value.real()));
            if (target == TypeId::Int32) {
                return Value::int32(std::int32_t(std::uint32_t(std::uint64_t(n))));
            }
            return Value::int64(n);
        }
        break;
    case TypeId::Double:
    case TypeId::Decimal:
        if (value.isNumber() || v == TypeId::Char) {
            return Value::floating(v == TypeId::Char ? double(value.integer()) : value.number(), target);
        }
        break;
    case TypeId::Char:
        if (value.isIntegral() || v == TypeId::Char) {
            return Value::character(char32_t(value.integer() & 0xFFFF));
        }
        break;
    case TypeId::Enumerable:
    case TypeId::Array:
    case TypeId::List:
    case TypeId::Dictionary:
        if (isInstance(value, type) || (target == TypeId::Enumerable && isCollection(v))) {
            return value;
        }
        break;
    default:
        if (isInstance(value, type)) {
            return value;
        }
        if (int(target) >= int(TypeId::StringComparison) && int(target) <= int(TypeId::UriPartial) &&
            value.isIntegral()) {
            return Value::enumValue(target, value.integer());
        }
        break;
    }
    failCast(value,
             type.id == TypeId::Array && type.elem == TypeId::String ? "System.String[]" : typeDisplayName(type.id));
}

Value convertForAssignment(const Value &value, const TypeRef &type)
{
    // Implicit conversions only: numeric widening and string/number -> JToken.
    switch (type.id) {
    case TypeId::Int64:
        if (value.is(TypeId::Int32) || value.is(TypeId::Char)) {
            return Value::int64(value.integer());
        }
        break;
    case TypeId::Double:
    case TypeId::Decimal:
        if (value.isIntegral() || value.is(TypeId::Char)) {
            return Value::floating(double(value.integer()), type.id);
        }
        if (value.isNumber()) {
            return Value::floating(value.real(), type.id);
        }
        break;
    case TypeId::Int32:
        if (value.is(TypeId::Char)) {
            return Value::int32(std::int32_t(value.integer()));
        }
        break;
    case TypeId::JToken:
    case TypeId::JValue:
        if (!value.isNull() && !isJsonType(value.type())) {
            return makeJson(toJson(value));
        }
        break;
    default:
        break;
    }
    return value;
}

// --- JSON ---

namespace {

using ojson = nlohmann::ordered_json;

JRef fromNlohmann(const ojson &j, int depth)
{
    if (depth > 256) {
        fail("The JSON text nests too deeply.", "Newtonsoft.Json.JsonReaderException");
    }
    using K = JNode::Kind;
    switch (j.type()) {
    case ojson::value_t::object: {
        auto node = std::make_shared<JNode>(K::Object);
        for (auto it = j.begin(); it != j.end(); ++it) {
            node->set(it.key(), fromNlohmann(it.value(), depth + 1));
        }
        return node;
    }
    case ojson::value_t::array: {
        auto node = std::make_shared<JNode>(K::Array);
        for (const auto &item : j) {
            node->append(fromNlohmann(item, depth + 1));
        }
        return node;
    }
    case ojson::value_t::string: {
        auto node = std::make_shared<JNode>(K::String);
        node->text = j.get<std::string>();
        return node;
    }
    case ojson::value_t::boolean: {
        auto node = std::make_shared<JNode>(K::Bool);
        node->boolean = j.get<bool>();
        return node;
    }
    case ojson::value_t::number_integer: {
        auto node = std::make_shared<JNode>(K::Integer);
        node->integer = j.get<std::int64_t>();
        return node;
    }
    case ojson::value_t::number_unsigned: {
        const auto u = j.get<std::uint64_t>();
        if (u <= std::uint64_t(INT64_MAX)) {
            auto node = std::make_shared<JNode>(K::Integer);
            node->integer = std::int64_t(u);
            return node;
        }
        auto node = std::make_shared<JNode>(K::Float);
        node->real = double(u);
        return node;
    }
    case ojson::value_t::number_float: {
        auto node = std::make_shared<JNode>(K::Float);
        node->real = j.get<double>();
        return node;
    }
    default:
        return std::make_shared<JNode>(K::Null);
    }
}

void writeString(std::string &out, std::string_view text)
{
    out += '"';
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

constexpr int maxJsonDepth = 512;

[[noreturn]] void tooDeep()
{
    fail("The JSON nests more than 512 levels deep.", "Newtonsoft.Json.JsonWriterException");
}

void writeNode(std::string &out, const JNode &node, bool indented, int level)
{
    if (level > maxJsonDepth) {
        tooDeep();
    }
    auto newline = [&](int l) {
        if (indented) {
            out += '\n';
            out.append(std::size_t(l) * 2, ' ');
        }
    };
    switch (node.kind) {
    case JNode::Kind::Null:
        out += "null";
        break;
    case JNode::Kind::Bool:
        out += node.boolean ? "true" : "false";
        break;
    case JNode::Kind::Integer:
        out += std::to_string(node.integer);
        break;
    case JNode::Kind::Float: {
        if (std::isnan(node.real)) {
            out += "NaN";
        } else if (std::isinf(node.real)) {
            out += node.real > 0 ? "Infinity" : "-Infinity";
        } else {
            std::string text = formatDouble(node.real);
            if (text.find_first_of(".E") == std::string::npos) {
                text += ".0"; // Newtonsoft keeps floats recognisable
            }
            out += text;
        }
        break;
    }
    case JNode::Kind::String:
        writeString(out, node.text);
        break;
    case JNode::Kind::Property:
        writeString(out, node.text);
        out += indented ? ": " : ":";
        if (!node.children.empty()) {
            writeNode(out, *node.children[0], indented, level);
        }
        break;
    case JNode::Kind::Object:
    case JNode::Kind::Array: {
        const bool object = node.kind == JNode::Kind::Object;
        out += object ? '{' : '[';
        if (node.children.empty()) {
            out += object ? '}' : ']';
            break;
        }
        bool first = true;
        for (const auto &child : node.children) {
            if (!first) {
                out += ',';
            }
            first = false;
            newline(level + 1);
            writeNode(out, *child, indented, level + 1);
        }
        newline(level);
        out += object ? '}' : ']';
        break;
    }
    }
}

} // namespace

JRef parseJson(std::string_view text)
{
    // Refuse absurd nesting before the recursive conversion sees it.
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > 256) {
                fail("The JSON text nests too deeply.", "Newtonsoft.Json.JsonReaderException");
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    ojson parsed = ojson::parse(text, nullptr, false);
    if (parsed.is_discarded()) {
        std::size_t at = 0;
        while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t')) {
            ++at;
        }
        if (at == text.size()) {
            fail("Error reading JToken from JsonReader. Path '', line 0, position 0.",
                 "Newtonsoft.Json.JsonReaderException");
        }
        fail("Unexpected character encountered while parsing value: " + std::string(1, text[at]) +
                 ". Path '', line 1, position " + std::to_string(at + 1) + ".",
             "Newtonsoft.Json.JsonReaderException");
    }
    return fromNlohmann(parsed, 0);
}

std::string writeJson(const JNode &node, bool indented)
{
    std::string out;
    writeNode(out, node, indented, 0);
    return out;
}

static JRef cloneAt(const JNode &node, int depth);

JRef cloneJson(const JNode &node)
{
    return cloneAt(node, 0);
}

static JRef cloneAt(const JNode &node, int depth)
{
    if (depth > maxJsonDepth) {
        tooDeep();
    }
    auto copy = std::make_shared<JNode>(node.kind);
    copy->boolean = node.boolean;
    copy->integer = node.integer;
    copy->real = node.real;
    copy->text = node.text;
    copy->children.reserve(node.children.size());
    for (const auto &child : node.children) {
        auto c = cloneAt(*child, depth + 1);
        c->parent = copy.get();
        copy->children.push_back(std::move(c));
    }
    return copy;
}

static JRef toJsonAt(const Value &value, int depth);

JRef toJson(const Value &value)
{
    return toJsonAt(value, 0);
}

static JRef toJsonAt(const Value &value, int depth)
{
    using K = JNode::Kind;
    if (depth > maxJsonDepth) {
        tooDeep();
    }
    switch (value.type()) {
    case TypeId::Null:
        return std::make_shared<JNode>(K::Null);
    case TypeId::JObject:
    case TypeId::JArray:
    case TypeId::JValue:
    case TypeId::JProperty:
        return std::static_pointer_cast<JNode>(value.object());
    case TypeId::Bool: {
        auto n = std::make_shared<JNode>(K::Bool);
        n->boolean = value.flag();
        return n;
    }
    case TypeId::Int32:
    case TypeId::Int64: {
        auto n = std::make_shared<JNode>(K::Integer);
        n->integer = value.integer();
        return n;
    }
    case TypeId::Double:
    case TypeId::Decimal: {
        auto n = std::make_shared<JNode>(K::Float);
        n->real = value.real();
        return n;
    }
    case TypeId::Array:
    case TypeId::List:
    case TypeId::HashSet:
    case TypeId::Enumerable: {
        auto n = std::make_shared<JNode>(K::Array);
        for (const auto &item : value.as<ListBox>()->items) {
            n->append(toJsonAt(item, depth + 1));
        }
        return n;
    }
    case TypeId::Dictionary: {
        auto n = std::make_shared<JNode>(K::Object);
        for (const auto &[k, v] : value.as<DictBox>()->entries) {
            n->set(toText(k), toJsonAt(v, depth + 1));
        }
        return n;
    }
    case TypeId::DateTime: {
        auto n = std::make_shared<JNode>(K::String);
        n->text = formatValue(value, "yyyy-MM-ddTHH:mm:ss.FFFFFFFK");
        return n;
    }
    case TypeId::Bytes: {
        auto n = std::make_shared<JNode>(K::String);
        n->text = formatValue(value, "base64");
        return n;
    }
    default: {
        auto n = std::make_shared<JNode>(K::String);
        n->text = toText(value);
        return n;
    }
    }
}

Value fromJsonValue(const JNode &node, TypeId target)
{
    using K = JNode::Kind;
    const std::string_view targetName = typeDisplayName(target);
    auto cannot = [&]() -> Value {
        static const char *kinds[] = {"Object", "Array", "Property", "Null", "Boolean", "Integer", "Float", "String"};
        fail("Can not convert " + std::string(kinds[int(node.kind)]) + " to " +
                 std::string(targetName.substr(targetName.find('.') + 1)) + ".",
             "System.ArgumentException");
    };
    switch (target) {
    case TypeId::String:
        if (node.kind == K::Null) {
            return {};
        }
        if (node.isContainer() || node.kind == K::Property) {
            return cannot();
        }
        return Value::string(node.kind == K::Bool ? (node.boolean ? "True" : "False")
                                                  : toText(makeJson(cloneJson(node))));
    case TypeId::Bool:
        if (node.kind == K::Bool) {
            return Value::boolean(node.boolean);
        }
        if (node.kind == K::Integer) {
            return Value::boolean(node.integer != 0);
        }
        if (node.kind == K::String) {
            if (auto b = toBool(Value::string(node.text))) {
                return Value::boolean(*b);
            }
            failFormat("String '" + node.text + "' was not recognized as a valid Boolean.");
        }
        return cannot();
    case TypeId::Int32:
    case TypeId::Int64: {
        std::int64_t n = 0;
        if (node.kind == K::Integer) {
            n = node.integer;
        } else if (node.kind == K::Float) {
            n = std::int64_t(std::llround(node.real));
        } else if (node.kind == K::Bool) {
            n = node.boolean;
        } else if (node.kind == K::String) {
            if (!parseInt64(node.text, n)) {
                failFormat();
            }
        } else {
            return cannot();
        }
        return target == TypeId::Int32 ? Value::int32(std::int32_t(n)) : Value::int64(n);
    }
    case TypeId::Double:
    case TypeId::Decimal: {
        if (node.kind == K::Integer) {
            return Value::floating(double(node.integer), target);
        }
        if (node.kind == K::Float) {
            return Value::floating(node.real, target);
        }
        double d = 0;
        if (node.kind == K::String && parseDouble(node.text, d)) {
            return Value::floating(d, target);
        }
        return cannot();
    }
    case TypeId::DateTime: {
        std::int64_t ticks = 0;
        int kind = 0;
        if (node.kind == K::String && parseDateTime(node.text, ticks, kind)) {
            return makeDateTime(ticks, kind);
        }
        return cannot();
    }
    case TypeId::Guid:
        if (node.kind == K::String) {
            return makeGuid(node.text);
        }
        return cannot();
    default:
        return cannot();
    }
}

} // namespace gw::expr
