// Newtonsoft.Json: JToken, JObject, JArray, JValue, JProperty, JsonConvert. Tokens are shared nodes, so
// `obj["a"]["b"]` and later changes through it affect the same tree, as in Newtonsoft.

#include <expr/bindings_impl.h>

#include <algorithm>

namespace gw::expr::rows {

namespace {

using K = JNode::Kind;

JNode &node(const Call &c)
{
    return *c.self.as<JNode>();
}

JRef nodeRef(const Call &c)
{
    return std::static_pointer_cast<JNode>(c.self.object());
}

// An argument as a token: tokens as they are, plain values wrapped (implicit conversions of JToken).
JRef tokenArg(const Call &c, std::size_t i)
{
    return toJson(c.arg(i));
}

[[noreturn]] void cannotAccess(const JNode &n, std::string_view key)
{
    static const char *kinds[] = {"Newtonsoft.Json.Linq.JObject",   "Newtonsoft.Json.Linq.JArray",
                                  "Newtonsoft.Json.Linq.JProperty", "Newtonsoft.Json.Linq.JValue",
                                  "Newtonsoft.Json.Linq.JValue",    "Newtonsoft.Json.Linq.JValue",
                                  "Newtonsoft.Json.Linq.JValue",    "Newtonsoft.Json.Linq.JValue"};
    fail("Cannot access child value on " + std::string(kinds[int(n.kind)]) + "." + (key.empty() ? std::string() : ""),
         "System.InvalidOperationException");
}

Value getChild(EvalState &, const JNode &n, const Value &key)
{
    if (n.kind == K::Object) {
        if (!key.isString()) {
            fail("Accessed JObject values with invalid key value: " + toText(key) + ". Object property name expected.",
                 "System.ArgumentException");
        }
        return makeJson(n.get(key.text()));
    }
    if (n.kind == K::Array) {
        if (!key.isIntegral()) {
            fail("Accessed JArray values with invalid key value: \"" + toText(key) + "\". Int32 array index expected.",
                 "System.ArgumentException");
        }
        const std::int64_t i = key.integer();
        if (i < 0 || i >= std::int64_t(n.children.size())) {
            fail("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter "
                 "'index')",
                 "System.ArgumentOutOfRangeException");
        }
        return makeJson(n.children[std::size_t(i)]);
    }
    if (n.kind == K::Property && !n.children.empty()) {
        cannotAccess(n, "");
    }
    cannotAccess(n, "");
}

void setChild(Call &c, const JNode &, const Value &key, const Value &value)
{
    JNode &n = node(c);
    c.st.charge(64);
    if (n.kind == K::Object) {
        if (!key.isString()) {
            fail("Set JObject values with invalid key value: " + toText(key) + ". Object property name expected.",
                 "System.ArgumentException");
        }
        n.set(key.text(), toJson(value));
        return;
    }
    if (n.kind == K::Array) {
        const std::int64_t i = requireInteger(key);
        if (i < 0 || i >= std::int64_t(n.children.size())) {
            fail("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter "
                 "'index')",
                 "System.ArgumentOutOfRangeException");
        }
        JRef child = toJson(value);
        if (child->parent != nullptr) {
            child = cloneJson(*child);
        }
        n.children[std::size_t(i)]->parent = nullptr;
        child->parent = &n;
        n.children[std::size_t(i)] = std::move(child);
        return;
    }
    fail("Cannot set child value on " + typeNameOf(c.self) + ".", "System.InvalidOperationException");
}

// JSONPath as SelectToken understands it: $.a.b[0]['c'], a.b, [*] and .. are not supported.
JRef selectToken(const JRef &root, std::string_view path)
{
    JRef current = root;
    std::size_t i = 0;
    if (!path.empty() && path[0] == '$') {
        i = 1;
    }
    while (i < path.size() && current) {
        const char c = path[i];
        if (c == '.') {
            ++i;
            continue;
        }
        if (c == '[') {
            const auto close = path.find(']', i);
            if (close == std::string_view::npos) {
                fail("Unterminated JSONPath index: " + std::string(path), "Newtonsoft.Json.JsonException");
            }
            std::string_view inner = path.substr(i + 1, close - i - 1);
            if (!inner.empty() && (inner.front() == '\'' || inner.front() == '"')) {
                inner = inner.substr(1, inner.size() >= 2 ? inner.size() - 2 : 0);
                current = current->kind == K::Object ? current->get(inner) : nullptr;
            } else if (inner == "*") {
                fail("Path returned multiple tokens.", "Newtonsoft.Json.JsonException");
            } else {
                std::int64_t index = 0;
                if (!parseInt64(inner, index)) {
                    fail("Unexpected character while parsing path indexer: " + std::string(inner),
                         "Newtonsoft.Json.JsonException");
                }
                if (current->kind != K::Array || index < 0 || index >= std::int64_t(current->children.size())) {
                    current = nullptr;
                } else {
                    current = current->children[std::size_t(index)];
                }
            }
            i = close + 1;
            continue;
        }
        std::size_t end = i;
        while (end < path.size() && path[end] != '.' && path[end] != '[') {
            ++end;
        }
        const std::string_view name = path.substr(i, end - i);
        current = current->kind == K::Object ? current->get(name) : nullptr;
        i = end;
    }
    return current;
}

JRef containerFromArgs(Call &c, K kind)
{
    auto n = std::make_shared<JNode>(kind);
    auto addOne = [&](const Value &v) {
        if (kind == K::Object) {
            if (v.is(TypeId::JProperty)) {
                const JNode &p = *v.as<JNode>();
                n->set(p.text, p.children.empty() ? nullptr : p.children[0]);
            } else if (v.is(TypeId::JObject)) {
                for (const auto &p : v.as<JNode>()->children) {
                    n->set(p->text, p->children[0]);
                }
            } else if (!v.isNull()) {
                failArgument("Can not add " + typeNameOf(v) + " to Newtonsoft.Json.Linq.JObject.");
            }
        } else {
            n->append(toJson(v));
        }
    };
    for (std::size_t i = 0; i < c.argc(); ++i) {
        const Value &v = c.arg(i);
        // params object[] content: a collection argument contributes its items
        if ((v.is(TypeId::Array) || v.is(TypeId::List) || v.is(TypeId::Enumerable)) ||
            (kind == K::Array && v.is(TypeId::JArray) && c.argc() == 1)) {
            for (const auto &item : enumerate(c.st, v)) {
                addOne(item);
            }
        } else {
            addOne(v);
        }
    }
    return n;
}

Value parseAs(Call &c, K kind, std::string_view typeName)
{
    const std::string text = str(c, 0);
    c.st.charge(text.size() * 2);
    auto n = parseJson(text);
    if (kind != K::Null && n->kind != kind) {
        fail("Error reading " + std::string(typeName) + " from JsonReader. Current JsonReader item is not " +
                 (kind == K::Object ? "an object" : "an array") + ". Path '', line 1, position 1.",
             "Newtonsoft.Json.JsonReaderException");
    }
    return makeJson(std::move(n));
}

// ToObject<T> / DeserializeObject<T> / Value<T>: a token converted to a .NET type.
Value tokenTo(EvalState &st, const JRef &n, const TypeRef &target, int depth = 0)
{
    if (depth > 512) {
        fail("The JSON nests more than 512 levels deep.", "Newtonsoft.Json.JsonSerializationException");
    }
    if (!n) {
        return defaultOf(target);
    }
    switch (target.id) {
    case TypeId::Dynamic:
    case TypeId::Object:
    case TypeId::JToken:
        return makeJson(n);
    case TypeId::JObject:
    case TypeId::JArray:
    case TypeId::JValue:
    case TypeId::JProperty: {
        Value v = makeJson(n);
        if (!isInstance(v, target)) {
            failCast(v, typeDisplayName(target.id));
        }
        return v;
    }
    case TypeId::Array:
    case TypeId::List:
    case TypeId::Enumerable:
    case TypeId::HashSet: {
        if (n->kind != K::Array) {
            fail("Cannot deserialize the current JSON object into type '" + std::string(typeDisplayName(target.id)) +
                     "'.",
                 "Newtonsoft.Json.JsonSerializationException");
        }
        std::vector<Value> items;
        for (const auto &child : n->children) {
            items.push_back(tokenTo(st, child, TypeRef{target.elem}, depth + 1));
        }
        return makeList(std::move(items), target.elem, target.id == TypeId::Enumerable ? TypeId::List : target.id);
    }
    case TypeId::Dictionary: {
        if (n->kind != K::Object) {
            fail("Cannot deserialize the current JSON array into type 'Dictionary'.",
                 "Newtonsoft.Json.JsonSerializationException");
        }
        auto box = std::make_shared<DictBox>();
        box->valueType = target.elem;
        for (const auto &p : n->children) {
            box->entries.push_back(
                {Value::string(p->text), tokenTo(st, p->children[0], TypeRef{target.elem}, depth + 1)});
        }
        return Value(TypeId::Dictionary, 0, std::move(box));
    }
    default:
        if (n->kind == K::Null) {
            return defaultOf(target);
        }
        return fromJsonValue(*n, target.id);
    }
}

Value jvalueOf(const JNode &n)
{
    switch (n.kind) {
    case K::Null:
        return {};
    case K::Bool:
        return Value::boolean(n.boolean);
    case K::Integer:
        return Value::int64(n.integer);
    case K::Float:
        return Value::floating(n.real);
    case K::String:
        return Value::string(n.text);
    default:
        return {};
    }
}

std::string jsonPath(const JNode &n)
{
    std::vector<std::string> parts;
    const JNode *cur = &n;
    while (cur->parent) {
        const JNode *parent = cur->parent;
        if (parent->kind == K::Property) {
            parts.push_back(parent->text);
            cur = parent->parent ? parent->parent : parent;
            if (!parent->parent) {
                break;
            }
            continue;
        }
        if (parent->kind == K::Array) {
            for (std::size_t i = 0; i < parent->children.size(); ++i) {
                if (parent->children[i].get() == cur) {
                    parts.push_back("[" + std::to_string(i) + "]");
                }
            }
        }
        cur = parent;
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty() && (*it)[0] != '[') {
            out += '.';
        }
        out += *it;
    }
    return out;
}

// Where a token sits in its parent, for Remove() and Replace().
void removeFromParent(JNode &n)
{
    JNode *parent = n.parent;
    if (!parent) {
        fail("The parent is missing.", "System.InvalidOperationException");
    }
    if (parent->kind == K::Property) {
        // removing a property's value removes the property (Newtonsoft refuses; being lenient keeps policies going)
        JNode *object = parent->parent;
        if (!object) {
            fail("The parent is missing.", "System.InvalidOperationException");
        }
        object->removeChild(parent);
        return;
    }
    parent->removeChild(&n);
}

} // namespace

void addJsonMembers(std::vector<Member> &t)
{
    using enum TypeId;
    // JToken
    t.push_back(indexer(
        JToken, 1, T(JToken), [](Call &c) { return getChild(c.st, node(c), c.arg(0)); },
        [](Call &c) {
            setChild(c, node(c), c.arg(0), c.arg(1));
            return Value();
        }));
    t.push_back(method(
        JToken, "Value", 0, 1, "key", T(Dynamic),
        [](Call &c) {
            const Value child = c.argc() == 0 ? c.self : getChild(c.st, node(c), c.arg(0));
            if (child.isNull()) {
                return c.typeArgs.empty() ? Value() : defaultOf(c.typeArgs[0]);
            }
            return c.typeArgs.empty() ? child
                                      : tokenTo(c.st, std::static_pointer_cast<JNode>(child.object()), c.typeArgs[0]);
        },
        ResultRule::TypeArgument));
    t.push_back(method(JToken, "Values", 0, 1, "key", T(Enumerable), [](Call &c) {
        std::vector<Value> out;
        const TypeRef target = c.typeArgs.empty() ? TypeRef{TypeId::JToken} : c.typeArgs[0];
        for (const auto &child : node(c).children) {
            const JRef value = child->kind == K::Property ? child->children[0] : child;
            out.push_back(tokenTo(c.st, value, target));
        }
        return makeList(std::move(out), target.id, TypeId::Enumerable);
    }));
    t.push_back(method(
        JToken, "ToObject", 0, 0, {}, T(Dynamic),
        [](Call &c) { return tokenTo(c.st, nodeRef(c), c.typeArgs.empty() ? TypeRef{} : c.typeArgs[0]); },
        ResultRule::TypeArgument));
    t.push_back(method(JToken, "SelectToken", 1, 2, "path,errorWhenNoMatch", T(JToken), [](Call &c) {
        JRef found = selectToken(nodeRef(c), str(c, 0));
        if (!found && c.argc() > 1 && boolean(c, 1)) {
            fail("Path '" + str(c, 0) + "' does not exist.", "Newtonsoft.Json.JsonException");
        }
        return makeJson(std::move(found));
    }));
    t.push_back(method(JToken, "SelectTokens", 1, 1, "path", T(Enumerable, JToken), [](Call &c) {
        JRef found = selectToken(nodeRef(c), str(c, 0));
        std::vector<Value> out;
        if (found) {
            out.push_back(makeJson(found));
        }
        return makeList(std::move(out), TypeId::JToken, TypeId::Enumerable);
    }));
    t.push_back(prop(JToken, "Type", T(JTokenType), [](Call &c) {
        static const int kinds[] = {1, 2, 4, 10, 9, 6, 7, 8};
        return Value::enumValue(TypeId::JTokenType, kinds[int(node(c).kind)]);
    }));
    t.push_back(prop(JToken, "HasValues", T(Bool), [](Call &c) { return Value::boolean(!node(c).children.empty()); }));
    t.push_back(prop(JToken, "Parent", T(JToken), [](Call &c) {
        JNode *p = node(c).parent;
        if (!p) {
            return Value();
        }
        // find the owning shared pointer through the grandparent, or give up
        JNode *gp = p->parent;
        if (gp) {
            for (const auto &child : gp->children) {
                if (child.get() == p) {
                    return makeJson(child);
                }
            }
        }
        return Value();
    }));
    t.push_back(prop(JToken, "Path", T(String), [](Call &c) { return Value::string(jsonPath(node(c))); }));
    t.push_back(prop(JToken, "First", T(JToken), [](Call &c) {
        const auto &ch = node(c).children;
        return ch.empty() ? Value() : makeJson(ch.front());
    }));
    t.push_back(prop(JToken, "Last", T(JToken), [](Call &c) {
        const auto &ch = node(c).children;
        return ch.empty() ? Value() : makeJson(ch.back());
    }));
    t.push_back(method(JToken, "Children", 0, 0, {}, T(Enumerable, JToken), [](Call &c) {
        std::vector<Value> out;
        for (const auto &child : node(c).children) {
            out.push_back(makeJson(child));
        }
        return makeList(std::move(out), TypeId::JToken, TypeId::Enumerable);
    }));
    t.push_back(method(JToken, "Remove", 0, 1, "propertyName", T(Dynamic), [](Call &c) {
        if (c.argc() == 1) {
            JNode &n = node(c);
            if (n.kind == K::Object) {
                const auto p = n.property(str(c, 0));
                return Value::boolean(p && n.removeChild(p.get()));
            }
            if (n.kind == K::Array) {
                // JArray.Remove(item)
                const Value &item = c.arg(0);
                for (const auto &child : n.children) {
                    if (valueEquals(makeJson(child), item)) {
                        return Value::boolean(n.removeChild(child.get()));
                    }
                }
                return Value::boolean(false);
            }
            fail("Cannot remove from " + typeNameOf(c.self) + ".");
        }
        removeFromParent(node(c));
        return Value();
    }));
    t.push_back(method(JToken, "Replace", 1, 1, "value", T(Void), [](Call &c) {
        JNode &n = node(c);
        JNode *parent = n.parent;
        if (!parent) {
            fail("The parent is missing.", "System.InvalidOperationException");
        }
        JRef replacement = tokenArg(c, 0);
        if (replacement->parent) {
            replacement = cloneJson(*replacement);
        }
        for (auto &child : parent->children) {
            if (child.get() == &n) {
                n.parent = nullptr;
                replacement->parent = parent;
                child = replacement;
                break;
            }
        }
        return Value();
    }));
    t.push_back(method(JToken, "DeepClone", 0, 0, {}, T(JToken), [](Call &c) { return makeJson(cloneJson(node(c))); }));
    t.push_back(
        smethod(JToken, "Parse", 1, 1, "json", T(JToken), [](Call &c) { return parseAs(c, K::Null, "JToken"); }));
    t.push_back(smethod(JToken, "FromObject", 1, 1, "o", T(JToken), [](Call &c) {
        JRef n = toJson(c.arg(0));
        return makeJson(n->parent ? cloneJson(*n) : n);
    }));
    t.push_back(smethod(JToken, "DeepEquals", 2, 2, "t1,t2", T(Bool), [](Call &c) {
        const JRef a = toJson(c.arg(0));
        const JRef b = toJson(c.arg(1));
        return Value::boolean(writeJson(*a, false) == writeJson(*b, false));
    }));

    // JObject
    t.push_back(ctor(JObject, 0, -1, "content", [](Call &c) { return makeJson(containerFromArgs(c, K::Object)); }));
    t.push_back(
        smethod(JObject, "Parse", 1, 1, "json", T(JObject), [](Call &c) { return parseAs(c, K::Object, "JObject"); }));
    t.push_back(smethod(JObject, "FromObject", 1, 1, "o", T(JObject), [](Call &c) {
        JRef n = toJson(c.arg(0));
        if (n->kind != K::Object) {
            failArgument("Object serialized to " + std::string(n->kind == K::Array ? "Array" : "String") +
                         ". JObject instance expected.");
        }
        return makeJson(n->parent ? cloneJson(*n) : n);
    }));
    t.push_back(method(JObject, "Add", 1, 2, "propertyName,value", T(Void), [](Call &c) {
        JNode &n = node(c);
        c.st.charge(64);
        if (c.argc() == 1) {
            if (!c.arg(0).is(TypeId::JProperty)) {
                failArgument("Can not add " + typeNameOf(c.arg(0)) + " to Newtonsoft.Json.Linq.JObject.");
            }
            const JNode &p = *c.arg(0).as<JNode>();
            if (n.property(p.text)) {
                failArgument("Can not add property " + p.text +
                             " to Newtonsoft.Json.Linq.JObject. Property with the "
                             "same name already exists on object.");
            }
            n.set(p.text, p.children.empty() ? nullptr : p.children[0]);
            return Value();
        }
        const std::string name = str(c, 0);
        if (n.property(name)) {
            failArgument("Can not add property " + name +
                         " to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.");
        }
        n.set(name, tokenArg(c, 1));
        return Value();
    }));
    t.push_back(method(JObject, "ContainsKey", 1, 1, "propertyName", T(Bool),
                       [](Call &c) { return Value::boolean(node(c).property(str(c, 0)) != nullptr); }));
    t.push_back(method(JObject, "TryGetValue", 2, 2, "propertyName,value", T(Bool), [](Call &c) {
        JRef v = node(c).get(str(c, 0));
        c.args[1] = makeJson(v);
        return Value::boolean(v != nullptr);
    }));
    t.push_back(method(JObject, "GetValue", 1, 2, "propertyName,comparison", T(JToken), [](Call &c) {
        const std::string name = str(c, 0);
        if (c.argc() > 1 && ignoreCase(c.arg(1))) {
            for (const auto &p : node(c).children) {
                if (equalsIgnoreCase(p->text, name)) {
                    return makeJson(p->children[0]);
                }
            }
            return Value();
        }
        return makeJson(node(c).get(name));
    }));
    t.push_back(method(JObject, "Property", 1, 2, "name,comparison", T(JProperty), [](Call &c) {
        const std::string name = str(c, 0);
        if (c.argc() > 1 && ignoreCase(c.arg(1))) {
            for (const auto &p : node(c).children) {
                if (equalsIgnoreCase(p->text, name)) {
                    return makeJson(p);
                }
            }
            return Value();
        }
        return makeJson(node(c).property(name));
    }));
    t.push_back(method(JObject, "Properties", 0, 0, {}, T(Enumerable, JProperty), [](Call &c) {
        std::vector<Value> out;
        for (const auto &p : node(c).children) {
            out.push_back(makeJson(p));
        }
        return makeList(std::move(out), TypeId::JProperty, TypeId::Enumerable);
    }));
    t.push_back(prop(JObject, "Count", T(Int32), [](Call &c) { return Value::int32(int(node(c).children.size())); }));
    t.push_back(method(JObject, "Merge", 1, 2, "content,settings", T(Void), [](Call &c) {
        if (!c.arg(0).is(TypeId::JObject)) {
            return Value();
        }
        // Newtonsoft's default merge: objects merge recursively, everything else replaces
        struct Merger {
            static void merge(JNode &into, const JNode &from, int depth = 0)
            {
                if (depth > 512) {
                    fail("The JSON nests more than 512 levels deep.", "Newtonsoft.Json.JsonWriterException");
                }
                for (const auto &p : from.children) {
                    const JRef value = p->children[0];
                    JRef existing = into.get(p->text);
                    if (existing && existing->kind == K::Object && value->kind == K::Object) {
                        merge(*existing, *value, depth + 1);
                    } else {
                        into.set(p->text, cloneJson(*value));
                    }
                }
            }
        };
        Merger::merge(node(c), *c.arg(0).as<JNode>());
        return Value();
    }));
    t.push_back(method(JObject, "RemoveAll", 0, 0, {}, T(Void), [](Call &c) {
        for (auto &child : node(c).children) {
            child->parent = nullptr;
        }
        node(c).children.clear();
        return Value();
    }));

    // JArray
    t.push_back(ctor(JArray, 0, -1, "content", [](Call &c) { return makeJson(containerFromArgs(c, K::Array)); }));
    t.push_back(
        smethod(JArray, "Parse", 1, 1, "json", T(JArray), [](Call &c) { return parseAs(c, K::Array, "JArray"); }));
    t.push_back(smethod(JArray, "FromObject", 1, 1, "o", T(JArray), [](Call &c) {
        JRef n = toJson(c.arg(0));
        if (n->kind != K::Array) {
            failArgument("Object serialized to " + std::string(n->kind == K::Object ? "Object" : "String") +
                         ". JArray instance expected.");
        }
        return makeJson(n->parent ? cloneJson(*n) : n);
    }));
    t.push_back(method(JArray, "Add", 1, 1, "item", T(Void), [](Call &c) {
        c.st.charge(64);
        node(c).append(tokenArg(c, 0));
        return Value();
    }));
    t.push_back(method(JArray, "Insert", 2, 2, "index,item", T(Void), [](Call &c) {
        JNode &n = node(c);
        const std::int64_t i = integer(c, 0);
        if (i < 0 || i > std::int64_t(n.children.size())) {
            failOutOfRange("index");
        }
        JRef item = tokenArg(c, 1);
        if (item->parent) {
            item = cloneJson(*item);
        }
        item->parent = &n;
        n.children.insert(n.children.begin() + i, std::move(item));
        return Value();
    }));
    t.push_back(method(JArray, "RemoveAt", 1, 1, "index", T(Void), [](Call &c) {
        JNode &n = node(c);
        const std::int64_t i = integer(c, 0);
        if (i < 0 || i >= std::int64_t(n.children.size())) {
            failOutOfRange("index");
        }
        n.children[std::size_t(i)]->parent = nullptr;
        n.children.erase(n.children.begin() + i);
        return Value();
    }));
    t.push_back(method(JArray, "Clear", 0, 0, {}, T(Void), [](Call &c) {
        for (auto &child : node(c).children) {
            child->parent = nullptr;
        }
        node(c).children.clear();
        return Value();
    }));
    t.push_back(method(JArray, "IndexOf", 1, 1, "item", T(Int32), [](Call &c) {
        const auto &ch = node(c).children;
        for (std::size_t i = 0; i < ch.size(); ++i) {
            if (c.arg(0).object() == ch[i]) {
                return Value::int32(int(i));
            }
        }
        return Value::int32(-1);
    }));
    t.push_back(prop(JArray, "Count", T(Int32), [](Call &c) { return Value::int32(int(node(c).children.size())); }));

    // JValue
    t.push_back(ctor(JValue, 1, 1, "value", [](Call &c) {
        JRef n = toJson(c.arg(0));
        if (n->isContainer() || n->kind == K::Property) {
            failArgument("Could not determine JSON object type for type " + typeNameOf(c.arg(0)) + ".");
        }
        return makeJson(n->parent ? cloneJson(*n) : n);
    }));
    t.push_back(smethod(JValue, "CreateNull", 0, 0, {}, T(JValue),
                        [](Call &) { return makeJson(std::make_shared<JNode>(K::Null)); }));
    t.push_back(smethod(JValue, "CreateString", 1, 1, "value", T(JValue), [](Call &c) {
        auto n = std::make_shared<JNode>(K::String);
        n->text = strOrEmpty(c, 0);
        return makeJson(n);
    }));
    t.push_back(Member{JValue,
                       "Value",
                       MemberKind::Property,
                       0,
                       0,
                       {},
                       T(Dynamic),
                       ResultRule::Fixed,
                       [](Call &c) { return jvalueOf(node(c)); },
                       nullptr,
                       {}});

    // JProperty
    t.push_back(ctor(JProperty, 1, -1, "name,content", [](Call &c) {
        auto p = std::make_shared<JNode>(K::Property);
        p->text = str(c, 0);
        JRef value;
        if (c.argc() == 2) {
            value = toJson(c.arg(1));
        } else if (c.argc() > 2) {
            value = std::make_shared<JNode>(K::Array);
            for (std::size_t i = 1; i < c.argc(); ++i) {
                value->append(toJson(c.arg(i)));
            }
        } else {
            value = std::make_shared<JNode>(K::Null);
        }
        if (value->parent) {
            value = cloneJson(*value);
        }
        value->parent = p.get();
        p->children.push_back(std::move(value));
        return makeJson(p);
    }));
    t.push_back(prop(JProperty, "Name", T(String), [](Call &c) { return Value::string(node(c).text); }));
    t.push_back(Member{JProperty,
                       "Value",
                       MemberKind::Property,
                       0,
                       0,
                       {},
                       T(JToken),
                       ResultRule::Fixed,
                       [](Call &c) { return makeJson(node(c).children.empty() ? nullptr : node(c).children[0]); },
                       [](Call &c) {
                           JNode &p = node(c);
                           JRef value = toJson(c.arg(0));
                           if (value->parent) {
                               value = cloneJson(*value);
                           }
                           for (auto &old : p.children) {
                               old->parent = nullptr;
                           }
                           value->parent = &p;
                           p.children.assign(1, std::move(value));
                           return Value();
                       },
                       {}});

    // JsonConvert
    t.push_back(smethod(JsonConvert, "SerializeObject", 1, 3, "value,formatting,settings", T(String), [](Call &c) {
        const Value &v = c.arg(0);
        bool indented = false;
        for (std::size_t i = 1; i < c.argc(); ++i) {
            if (c.arg(i).is(TypeId::Formatting)) {
                indented = c.arg(i).integer() == 1;
            }
        }
        const JRef n = toJson(v);
        std::string text = writeJson(*n, indented);
        c.st.charge(text.size());
        return Value::string(std::move(text));
    }));
    t.push_back(smethod(
        JsonConvert, "DeserializeObject", 1, 3, "value,type,settings", T(Dynamic),
        [](Call &c) {
            if (c.arg(0).isNull()) {
                failArgumentNull("value");
            }
            JRef n = parseJson(str(c, 0));
            return tokenTo(c.st, n, c.typeArgs.empty() ? TypeRef{} : c.typeArgs[0]);
        },
        ResultRule::TypeArgument));
}

} // namespace gw::expr::rows
