// Collections: LINQ over anything enumerable (evaluated eagerly), arrays, List<T>, Dictionary<K,V>, HashSet<T>,
// KeyValuePair<K,V>.

#include <expr/bindings_impl.h>

#include <algorithm>

namespace gw::expr::rows {

namespace {

std::vector<Value> items(Call &c)
{
    return enumerate(c.st, c.self);
}

bool truthy(const Value &v)
{
    if (v.is(TypeId::Bool)) {
        return v.flag();
    }
    if (auto b = toBool(v)) {
        return *b;
    }
    failCast(v, "System.Boolean");
}

bool test(Call &c, std::size_t arg, const Value &item, std::size_t index)
{
    const Value args[2] = {item, Value::int32(int(index))};
    c.st.step();
    return truthy(invokeLambda(c.st, c.arg(arg), args));
}

Value apply(Call &c, std::size_t arg, const Value &item, std::size_t index = 0)
{
    const Value args[2] = {item, Value::int32(int(index))};
    c.st.step();
    return invokeLambda(c.st, c.arg(arg), args);
}

TypeId elemOf(const Value &v)
{
    if (v.is(TypeId::Array) || v.is(TypeId::List) || v.is(TypeId::HashSet) || v.is(TypeId::Enumerable)) {
        return v.as<ListBox>()->elem;
    }
    if (v.is(TypeId::JArray) || v.is(TypeId::JObject)) {
        return TypeId::JToken;
    }
    if (v.isString()) {
        return TypeId::Char;
    }
    return TypeId::Dynamic;
}

Value sequence(std::vector<Value> values, TypeId elem)
{
    return makeList(std::move(values), elem, TypeId::Enumerable);
}

TypeId commonType(const std::vector<Value> &values)
{
    TypeId t = TypeId::Dynamic;
    for (const auto &v : values) {
        if (v.isNull()) {
            continue;
        }
        TypeId vt = v.type();
        if (vt == TypeId::JObject || vt == TypeId::JArray || vt == TypeId::JValue || vt == TypeId::JProperty) {
            vt = TypeId::JToken;
        }
        if (t == TypeId::Dynamic) {
            t = vt;
        } else if (t != vt) {
            return TypeId::Dynamic;
        }
    }
    return t;
}

[[noreturn]] void noElements()
{
    fail("Sequence contains no elements", "System.InvalidOperationException");
}

[[noreturn]] void noMatch()
{
    fail("Sequence contains no matching element", "System.InvalidOperationException");
}

Value firstImpl(Call &c, bool orDefault, bool last)
{
    auto all = items(c);
    const bool hasPredicate = c.argc() > 0 && c.arg(0).is(TypeId::Lambda);
    if (last) {
        std::reverse(all.begin(), all.end());
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (!hasPredicate || test(c, 0, all[i], i)) {
            return all[i];
        }
    }
    if (orDefault) {
        if (c.argc() > 0 && !hasPredicate) {
            return c.arg(0);
        }
        if (c.argc() > 1) {
            return c.arg(1);
        }
        return defaultOf(TypeRef{elemOf(c.self)});
    }
    if (hasPredicate) {
        noMatch();
    }
    noElements();
}

Value singleImpl(Call &c, bool orDefault)
{
    auto all = items(c);
    const bool hasPredicate = c.argc() > 0;
    std::optional<Value> found;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (!hasPredicate || test(c, 0, all[i], i)) {
            if (found) {
                fail(hasPredicate ? "Sequence contains more than one matching element"
                                  : "Sequence contains more than one element");
            }
            found = all[i];
        }
    }
    if (!found) {
        if (orDefault) {
            return defaultOf(TypeRef{elemOf(c.self)});
        }
        hasPredicate ? noMatch() : noElements();
    }
    return *found;
}

Value orderBy(Call &c, bool descending)
{
    auto all = items(c);
    std::vector<std::pair<Value, std::size_t>> keyed;
    keyed.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        keyed.push_back({c.argc() > 0 ? apply(c, 0, all[i]) : all[i], i});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto &a, const auto &b) {
        const int r = compareValues(a.first, b.first);
        return descending ? r > 0 : r < 0;
    });
    std::vector<Value> out;
    out.reserve(all.size());
    for (const auto &[key, index] : keyed) {
        out.push_back(all[index]);
    }
    return sequence(std::move(out), elemOf(c.self));
}

Value aggregateNumbers(Call &c, int mode) // 0 sum, 1 max, 2 min, 3 average
{
    auto all = items(c);
    std::vector<Value> values;
    for (std::size_t i = 0; i < all.size(); ++i) {
        Value v = c.argc() > 0 ? apply(c, 0, all[i], i) : all[i];
        if (v.is(TypeId::JValue)) {
            const JNode &n = *v.as<JNode>();
            v = n.kind == JNode::Kind::Integer ? makeInteger(n.integer) : Value::floating(requireNumber(v));
        }
        if (!v.isNull()) {
            values.push_back(v);
        }
    }
    if (mode == 0) {
        bool integral = true;
        bool wide = false;
        std::int64_t si = 0;
        double sd = 0;
        for (const auto &v : values) {
            if (v.isIntegral()) {
                si += v.integer();
                wide = wide || v.is(TypeId::Int64);
            } else {
                integral = false;
            }
            sd += requireNumber(v);
        }
        if (integral) {
            return wide ? Value::int64(si) : Value::int32(std::int32_t(si));
        }
        return Value::floating(sd);
    }
    if (values.empty()) {
        noElements();
    }
    if (mode == 3) {
        double sum = 0;
        for (const auto &v : values) {
            sum += requireNumber(v);
        }
        return Value::floating(sum / double(values.size()));
    }
    Value best = values[0];
    for (const auto &v : values) {
        const int r = compareValues(v, best);
        if ((mode == 1 && r > 0) || (mode == 2 && r < 0)) {
            best = v;
        }
    }
    return best;
}

DictBox &dict(const Call &c)
{
    return *c.self.as<DictBox>();
}

ListBox &list(const Call &c)
{
    return *c.self.as<ListBox>();
}

[[noreturn]] void keyNotFound(const Value &key)
{
    fail("The given key '" + toText(key) + "' was not present in the dictionary.",
         "System.Collections.Generic.KeyNotFoundException");
}

std::size_t checkIndex(const Call &c, std::size_t arg, std::size_t size, bool inclusive = false)
{
    const std::int64_t i = requireInteger(c.arg(arg));
    if (i < 0 || i > std::int64_t(size) || (!inclusive && i == std::int64_t(size))) {
        if (c.self.is(TypeId::Array)) {
            fail("Index was outside the bounds of the array.", "System.IndexOutOfRangeException");
        }
        failOutOfRange("index");
    }
    return std::size_t(i);
}

Value newList(Call &c, TypeId kind)
{
    auto box = std::make_shared<ListBox>();
    box->elem = c.typeArgs.empty() ? TypeId::Dynamic : c.typeArgs[0].id;
    if (c.argc() > 0 && !c.arg(0).isIntegral() && !c.arg(0).is(TypeId::StringComparison)) {
        for (auto &v : enumerate(c.st, c.arg(0))) {
            if (kind == TypeId::HashSet &&
                std::any_of(box->items.begin(), box->items.end(), [&](const Value &x) { return valueEquals(x, v); })) {
                continue;
            }
            box->items.push_back(std::move(v));
        }
    }
    c.st.charge(box->items.size() * sizeof(Value));
    return Value(kind, 0, std::move(box));
}

bool setContains(const ListBox &box, const Value &v, bool ignoreCase)
{
    return std::any_of(box.items.begin(), box.items.end(), [&](const Value &x) {
        if (ignoreCase && x.isString() && v.isString()) {
            return equalsIgnoreCase(x.text(), v.text());
        }
        return valueEquals(x, v);
    });
}

} // namespace

void addCollectionMembers(std::vector<Member> &t)
{
    using enum TypeId;
    const TypeId E = Enumerable;
    // LINQ
    t.push_back(method(E, "Any", 0, 1, "predicate", T(Bool), [](Call &c) {
        auto all = items(c);
        if (c.argc() == 0) {
            return Value::boolean(!all.empty());
        }
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (test(c, 0, all[i], i)) {
                return Value::boolean(true);
            }
        }
        return Value::boolean(false);
    }));
    t.push_back(method(E, "All", 1, 1, "predicate", T(Bool), [](Call &c) {
        auto all = items(c);
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (!test(c, 0, all[i], i)) {
                return Value::boolean(false);
            }
        }
        return Value::boolean(true);
    }));
    t.push_back(method(
        E, "Where", 1, 1, "predicate", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            std::vector<Value> out;
            for (std::size_t i = 0; i < all.size(); ++i) {
                if (test(c, 0, all[i], i)) {
                    out.push_back(all[i]);
                }
            }
            return sequence(std::move(out), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Select", 1, 1, "selector", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            std::vector<Value> out;
            out.reserve(all.size());
            for (std::size_t i = 0; i < all.size(); ++i) {
                out.push_back(apply(c, 0, all[i], i));
            }
            const TypeId elem = commonType(out);
            return sequence(std::move(out), elem);
        },
        ResultRule::Projection));
    t.push_back(method(E, "SelectMany", 1, 1, "selector", T(Enumerable), [](Call &c) {
        std::vector<Value> out;
        for (const auto &item : items(c)) {
            for (auto &inner : enumerate(c.st, apply(c, 0, item))) {
                out.push_back(std::move(inner));
            }
        }
        const TypeId elem = commonType(out);
        return sequence(std::move(out), elem);
    }));
    t.push_back(method(
        E, "First", 0, 1, "predicate", T(Dynamic), [](Call &c) { return firstImpl(c, false, false); },
        ResultRule::Element));
    t.push_back(method(
        E, "FirstOrDefault", 0, 2, "predicate,defaultValue", T(Dynamic),
        [](Call &c) { return firstImpl(c, true, false); }, ResultRule::Element));
    t.push_back(method(
        E, "Last", 0, 1, "predicate", T(Dynamic), [](Call &c) { return firstImpl(c, false, true); },
        ResultRule::Element));
    t.push_back(method(
        E, "LastOrDefault", 0, 2, "predicate,defaultValue", T(Dynamic),
        [](Call &c) { return firstImpl(c, true, true); }, ResultRule::Element));
    t.push_back(method(
        E, "Single", 0, 1, "predicate", T(Dynamic), [](Call &c) { return singleImpl(c, false); }, ResultRule::Element));
    t.push_back(method(
        E, "SingleOrDefault", 0, 1, "predicate", T(Dynamic), [](Call &c) { return singleImpl(c, true); },
        ResultRule::Element));
    t.push_back(method(
        E, "ElementAt", 1, 1, "index", T(Dynamic),
        [](Call &c) {
            auto all = items(c);
            return all[checkIndex(c, 0, all.size())];
        },
        ResultRule::Element));
    t.push_back(method(
        E, "ElementAtOrDefault", 1, 1, "index", T(Dynamic),
        [](Call &c) {
            auto all = items(c);
            const std::int64_t i = integer(c, 0);
            return i >= 0 && i < std::int64_t(all.size()) ? all[std::size_t(i)] : Value();
        },
        ResultRule::Element));
    t.push_back(method(E, "Count", 0, 1, "predicate", T(Int32), [](Call &c) {
        auto all = items(c);
        if (c.argc() == 0) {
            return Value::int32(int(all.size()));
        }
        int n = 0;
        for (std::size_t i = 0; i < all.size(); ++i) {
            n += test(c, 0, all[i], i) ? 1 : 0;
        }
        return Value::int32(n);
    }));
    t.push_back(method(E, "LongCount", 0, 0, {}, T(Int64),
                       [](Call &c) { return Value::int64(std::int64_t(items(c).size())); }));
    t.push_back(method(E, "Contains", 1, 2, "value,comparer", T(Bool), [](Call &c) {
        const bool ic = c.argc() > 1 && ignoreCase(c.arg(1));
        ListBox box;
        box.items = items(c);
        return Value::boolean(setContains(box, c.arg(0), ic));
    }));
    t.push_back(method(
        E, "OrderBy", 0, 1, "keySelector", T(Enumerable), [](Call &c) { return orderBy(c, false); },
        ResultRule::Sequence));
    t.push_back(method(
        E, "OrderByDescending", 0, 1, "keySelector", T(Enumerable), [](Call &c) { return orderBy(c, true); },
        ResultRule::Sequence));
    t.push_back(method(
        E, "ThenBy", 1, 1, "keySelector", T(Enumerable), [](Call &c) { return orderBy(c, false); },
        ResultRule::Sequence));
    t.push_back(method(
        E, "ToArray", 0, 0, {}, T(Array), [](Call &c) { return makeList(items(c), elemOf(c.self), TypeId::Array); },
        ResultRule::Sequence));
    t.push_back(method(
        E, "ToList", 0, 0, {}, T(List), [](Call &c) { return makeList(items(c), elemOf(c.self), TypeId::List); },
        ResultRule::Sequence));
    t.push_back(method(
        E, "ToHashSet", 0, 1, "comparer", T(HashSet),
        [](Call &c) {
            auto box = std::make_shared<ListBox>();
            box->elem = elemOf(c.self);
            for (auto &v : items(c)) {
                if (!setContains(*box, v, false)) {
                    box->items.push_back(std::move(v));
                }
            }
            return Value(TypeId::HashSet, 0, std::move(box));
        },
        ResultRule::Sequence));
    t.push_back(method(E, "ToDictionary", 1, 3, "keySelector,elementSelector,comparer", T(Dictionary), [](Call &c) {
        auto box = std::make_shared<DictBox>();
        for (std::size_t i = 1; i < c.argc(); ++i) {
            if (c.arg(i).is(TypeId::StringComparison)) {
                box->ignoreCase = ignoreCase(c.arg(i));
            }
        }
        for (const auto &item : items(c)) {
            Value key = apply(c, 0, item);
            Value value = c.argc() > 1 && c.arg(1).is(TypeId::Lambda) ? apply(c, 1, item) : item;
            if (key.isNull()) {
                failArgumentNull("key");
            }
            if (box->find(key) >= 0) {
                failArgument("An item with the same key has already been added. Key: " + toText(key));
            }
            box->entries.push_back({std::move(key), std::move(value)});
        }
        return Value(TypeId::Dictionary, 0, std::move(box));
    }));
    t.push_back(method(E, "Aggregate", 1, 3, "seed,func,resultSelector", T(Dynamic), [](Call &c) {
        auto all = items(c);
        std::size_t start = 0;
        Value acc;
        std::size_t fn = 0;
        if (c.argc() == 1) {
            if (all.empty()) {
                noElements();
            }
            acc = all[0];
            start = 1;
        } else {
            acc = c.arg(0);
            fn = 1;
        }
        for (std::size_t i = start; i < all.size(); ++i) {
            const Value args[2] = {acc, all[i]};
            c.st.step();
            acc = invokeLambda(c.st, c.arg(fn), args);
        }
        if (c.argc() == 3) {
            const Value args[1] = {acc};
            acc = invokeLambda(c.st, c.arg(2), args);
        }
        return acc;
    }));
    t.push_back(method(
        E, "Sum", 0, 1, "selector", T(Dynamic), [](Call &c) { return aggregateNumbers(c, 0); },
        ResultRule::LambdaResult));
    t.push_back(method(
        E, "Max", 0, 1, "selector", T(Dynamic), [](Call &c) { return aggregateNumbers(c, 1); },
        ResultRule::LambdaResult));
    t.push_back(method(
        E, "Min", 0, 1, "selector", T(Dynamic), [](Call &c) { return aggregateNumbers(c, 2); },
        ResultRule::LambdaResult));
    t.push_back(method(E, "Average", 0, 1, "selector", T(Double), [](Call &c) { return aggregateNumbers(c, 3); }));
    t.push_back(method(
        E, "Skip", 1, 1, "count", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            const std::int64_t n = std::clamp<std::int64_t>(integer(c, 0), 0, std::int64_t(all.size()));
            return sequence(std::vector<Value>(all.begin() + n, all.end()), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Take", 1, 1, "count", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            const std::int64_t n = std::clamp<std::int64_t>(integer(c, 0), 0, std::int64_t(all.size()));
            return sequence(std::vector<Value>(all.begin(), all.begin() + n), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "SkipWhile", 1, 1, "predicate", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            std::size_t i = 0;
            while (i < all.size() && test(c, 0, all[i], i)) {
                ++i;
            }
            return sequence(std::vector<Value>(all.begin() + std::ptrdiff_t(i), all.end()), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "TakeWhile", 1, 1, "predicate", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            std::size_t i = 0;
            while (i < all.size() && test(c, 0, all[i], i)) {
                ++i;
            }
            return sequence(std::vector<Value>(all.begin(), all.begin() + std::ptrdiff_t(i)), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Distinct", 0, 1, "comparer", T(Enumerable),
        [](Call &c) {
            const bool ic = c.argc() > 0 && ignoreCase(c.arg(0));
            ListBox box;
            for (auto &v : items(c)) {
                c.st.step();
                if (!setContains(box, v, ic)) {
                    box.items.push_back(std::move(v));
                }
            }
            return sequence(std::move(box.items), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Reverse", 0, 0, {}, T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            std::reverse(all.begin(), all.end());
            if (c.self.is(TypeId::List)) {
                c.self.as<ListBox>()->items = all; // List<T>.Reverse() reverses in place
                return Value();
            }
            return sequence(std::move(all), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Concat", 1, 1, "second", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            for (auto &v : enumerate(c.st, c.arg(0))) {
                all.push_back(std::move(v));
            }
            c.st.charge(all.size() * sizeof(Value));
            return sequence(std::move(all), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Union", 1, 1, "second", T(Enumerable),
        [](Call &c) {
            ListBox box;
            auto all = items(c);
            for (auto &v : enumerate(c.st, c.arg(0))) {
                all.push_back(std::move(v));
            }
            for (auto &v : all) {
                c.st.step();
                if (!setContains(box, v, false)) {
                    box.items.push_back(std::move(v));
                }
            }
            return sequence(std::move(box.items), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Intersect", 1, 1, "second", T(Enumerable),
        [](Call &c) {
            ListBox other;
            other.items = enumerate(c.st, c.arg(0));
            std::vector<Value> out;
            for (auto &v : items(c)) {
                c.st.step(std::int64_t(other.items.size()));
                if (setContains(other, v, false)) {
                    out.push_back(std::move(v));
                }
            }
            return sequence(std::move(out), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "Except", 1, 1, "second", T(Enumerable),
        [](Call &c) {
            ListBox other;
            other.items = enumerate(c.st, c.arg(0));
            std::vector<Value> out;
            for (auto &v : items(c)) {
                c.st.step(std::int64_t(other.items.size()));
                if (!setContains(other, v, false)) {
                    out.push_back(std::move(v));
                }
            }
            return sequence(std::move(out), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(
        E, "DefaultIfEmpty", 0, 1, "defaultValue", T(Enumerable),
        [](Call &c) {
            auto all = items(c);
            if (all.empty()) {
                all.push_back(c.argc() > 0 ? c.arg(0) : Value());
            }
            return sequence(std::move(all), elemOf(c.self));
        },
        ResultRule::Sequence));
    t.push_back(method(E, "SequenceEqual", 1, 1, "second", T(Bool), [](Call &c) {
        auto a = items(c);
        auto b = enumerate(c.st, c.arg(0));
        return Value::boolean(a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                                                 [](auto &x, auto &y) { return valueEquals(x, y); }));
    }));
    t.push_back(method(E, "Cast", 0, 0, {}, T(Enumerable), [](Call &c) {
        std::vector<Value> out;
        const TypeRef target = c.typeArgs.empty() ? TypeRef{} : c.typeArgs[0];
        for (auto &v : items(c)) {
            out.push_back(castTo(v, target));
        }
        return sequence(std::move(out), target.id);
    }));
    t.push_back(method(E, "OfType", 0, 0, {}, T(Enumerable), [](Call &c) {
        std::vector<Value> out;
        const TypeRef target = c.typeArgs.empty() ? TypeRef{} : c.typeArgs[0];
        for (auto &v : items(c)) {
            if (isInstance(v, target)) {
                out.push_back(std::move(v));
            }
        }
        return sequence(std::move(out), target.id);
    }));
    t.push_back(method(E, "GroupBy", 1, 1, "keySelector", T(Enumerable), [](Call &c) {
        // groups are KeyValuePairs of key and the items: enough for g.Key, g.Count() via g.Value
        auto box = std::make_shared<DictBox>();
        for (auto &v : items(c)) {
            Value key = apply(c, 0, v);
            const int at = box->find(key);
            if (at < 0) {
                box->entries.push_back({key, makeList({v}, elemOf(c.self), TypeId::List)});
            } else {
                box->entries[std::size_t(at)].second.as<ListBox>()->items.push_back(v);
            }
        }
        std::vector<Value> out;
        for (auto &[k, v] : box->entries) {
            out.push_back(makePair(k, v));
        }
        return sequence(std::move(out), TypeId::KeyValuePair);
    }));

    // byte[]
    t.push_back(prop(Bytes, "Length", T(Int32), [](Call &c) { return Value::int32(int(bytesOf(c.self).size())); }));
    t.push_back(indexer(
        Bytes, 1, T(Int32),
        [](Call &c) {
            const std::string &b = bytesOf(c.self);
            const std::int64_t i = integer(c, 0);
            if (i < 0 || i >= std::int64_t(b.size())) {
                fail("Index was outside the bounds of the array.", "System.IndexOutOfRangeException");
            }
            return Value::int32(std::uint8_t(b[std::size_t(i)]));
        },
        [](Call &c) {
            auto &b = c.self.as<BytesBox>()->data;
            const std::int64_t i = integer(c, 0);
            if (i < 0 || i >= std::int64_t(b.size())) {
                fail("Index was outside the bounds of the array.", "System.IndexOutOfRangeException");
            }
            b[std::size_t(i)] = char(integer(c, 1) & 0xFF);
            return Value();
        }));

    // arrays, List<T>, HashSet<T>
    t.push_back(prop(Array, "Length", T(Int32), [](Call &c) { return Value::int32(int(list(c).items.size())); }));
    t.push_back(prop(Array, "Count", T(Int32), [](Call &c) { return Value::int32(int(list(c).items.size())); }));
    t.push_back(indexer(
        Array, 1, T(Dynamic),
        [](Call &c) {
            auto &l = list(c);
            return l.items[checkIndex(c, 0, l.items.size())];
        },
        [](Call &c) {
            auto &l = list(c);
            l.items[checkIndex(c, 0, l.items.size())] = c.arg(1);
            return Value();
        },
        ResultRule::Element));
    t.push_back(method(Array, "Add", 1, 1, "item", T(Dynamic), [](Call &c) {
        auto &l = list(c);
        c.st.charge(sizeof(Value));
        if (c.self.is(TypeId::HashSet)) {
            if (setContains(l, c.arg(0), false)) {
                return Value::boolean(false);
            }
            l.items.push_back(c.arg(0));
            return Value::boolean(true);
        }
        if (c.self.is(TypeId::Array)) {
            fail("Collection was of a fixed size.", "System.NotSupportedException");
        }
        l.items.push_back(c.arg(0));
        return Value();
    }));
    t.push_back(method(Array, "AddRange", 1, 1, "collection", T(Void), [](Call &c) {
        auto more = enumerate(c.st, c.arg(0));
        c.st.charge(more.size() * sizeof(Value));
        auto &l = list(c);
        l.items.insert(l.items.end(), more.begin(), more.end());
        return Value();
    }));
    t.push_back(method(Array, "Insert", 2, 2, "index,item", T(Void), [](Call &c) {
        auto &l = list(c);
        const std::size_t at = checkIndex(c, 0, l.items.size(), true);
        l.items.insert(l.items.begin() + std::ptrdiff_t(at), c.arg(1));
        return Value();
    }));
    t.push_back(method(Array, "Remove", 1, 1, "item", T(Bool), [](Call &c) {
        auto &l = list(c);
        for (auto it = l.items.begin(); it != l.items.end(); ++it) {
            if (valueEquals(*it, c.arg(0))) {
                l.items.erase(it);
                return Value::boolean(true);
            }
        }
        return Value::boolean(false);
    }));
    t.push_back(method(Array, "RemoveAt", 1, 1, "index", T(Void), [](Call &c) {
        auto &l = list(c);
        l.items.erase(l.items.begin() + std::ptrdiff_t(checkIndex(c, 0, l.items.size())));
        return Value();
    }));
    t.push_back(method(Array, "RemoveAll", 1, 1, "match", T(Int32), [](Call &c) {
        auto &l = list(c);
        std::vector<Value> kept;
        int removed = 0;
        for (std::size_t i = 0; i < l.items.size(); ++i) {
            if (test(c, 0, l.items[i], i)) {
                ++removed;
            } else {
                kept.push_back(l.items[i]);
            }
        }
        l.items = std::move(kept);
        return Value::int32(removed);
    }));
    t.push_back(method(Array, "Clear", 0, 0, {}, T(Void), [](Call &c) {
        list(c).items.clear();
        return Value();
    }));
    t.push_back(method(Array, "IndexOf", 1, 1, "item", T(Int32), [](Call &c) {
        const auto &l = list(c);
        for (std::size_t i = 0; i < l.items.size(); ++i) {
            if (valueEquals(l.items[i], c.arg(0))) {
                return Value::int32(int(i));
            }
        }
        return Value::int32(-1);
    }));
    t.push_back(method(Array, "Sort", 0, 0, {}, T(Void), [](Call &c) {
        auto &l = list(c);
        std::stable_sort(l.items.begin(), l.items.end(), [](auto &a, auto &b) { return compareValues(a, b) < 0; });
        return Value();
    }));
    t.push_back(method(Array, "Exists", 1, 1, "match", T(Bool), [](Call &c) {
        const auto all = list(c).items;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (test(c, 0, all[i], i)) {
                return Value::boolean(true);
            }
        }
        return Value::boolean(false);
    }));
    t.push_back(method(
        Array, "Find", 1, 1, "match", T(Dynamic),
        [](Call &c) {
            const auto all = list(c).items;
            for (std::size_t i = 0; i < all.size(); ++i) {
                if (test(c, 0, all[i], i)) {
                    return all[i];
                }
            }
            return Value();
        },
        ResultRule::Element));
    t.push_back(method(
        Array, "FindAll", 1, 1, "match", T(List),
        [](Call &c) {
            const auto all = list(c).items;
            std::vector<Value> out;
            for (std::size_t i = 0; i < all.size(); ++i) {
                if (test(c, 0, all[i], i)) {
                    out.push_back(all[i]);
                }
            }
            return makeList(std::move(out), list(c).elem, TypeId::List);
        },
        ResultRule::Sequence));
    t.push_back(method(Array, "ForEach", 1, 1, "action", T(Void), [](Call &c) {
        const auto all = list(c).items;
        for (std::size_t i = 0; i < all.size(); ++i) {
            apply(c, 0, all[i], i);
        }
        return Value();
    }));
    t.push_back(ctor(List, 0, 1, "collection", [](Call &c) { return newList(c, TypeId::List); }));
    t.push_back(ctor(HashSet, 0, 2, "collection,comparer", [](Call &c) { return newList(c, TypeId::HashSet); }));
    t.push_back(smethod(Array, "Empty", 0, 0, {}, T(Array),
                        [](Call &c) { return makeList({}, c.typeArgs.empty() ? TypeId::Dynamic : c.typeArgs[0].id); }));
    t.push_back(smethod(Array, "IndexOf", 2, 2, "array,value", T(Int32), [](Call &c) {
        const auto all = enumerate(c.st, c.arg(0));
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (valueEquals(all[i], c.arg(1))) {
                return Value::int32(int(i));
            }
        }
        return Value::int32(-1);
    }));
    t.push_back(smethod(Array, "Reverse", 1, 1, "array", T(Void), [](Call &c) {
        if (!c.arg(0).is(TypeId::Array) && !c.arg(0).is(TypeId::List)) {
            failCast(c.arg(0), "System.Array");
        }
        auto &items = c.arg(0).as<ListBox>()->items;
        std::reverse(items.begin(), items.end());
        return Value();
    }));

    // Dictionary<K,V>
    t.push_back(ctor(Dictionary, 0, 2, "dictionary,comparer", [](Call &c) {
        auto box = std::make_shared<DictBox>();
        if (c.typeArgs.size() == 2) {
            box->keyType = c.typeArgs[0].id;
            box->valueType = c.typeArgs[1].id;
        }
        for (std::size_t i = 0; i < c.argc(); ++i) {
            if (c.arg(i).is(TypeId::StringComparison)) {
                box->ignoreCase = ignoreCase(c.arg(i));
            } else if (c.arg(i).is(TypeId::Dictionary)) {
                box->entries = c.arg(i).as<DictBox>()->entries;
            }
        }
        return Value(TypeId::Dictionary, 0, std::move(box));
    }));
    t.push_back(indexer(
        Dictionary, 1, T(Dynamic),
        [](Call &c) {
            const auto &d = dict(c);
            if (c.arg(0).isNull()) {
                failArgumentNull("key");
            }
            const int at = d.find(c.arg(0));
            if (at < 0) {
                keyNotFound(c.arg(0));
            }
            return d.entries[std::size_t(at)].second;
        },
        [](Call &c) {
            auto &d = dict(c);
            if (c.arg(0).isNull()) {
                failArgumentNull("key");
            }
            const int at = d.find(c.arg(0));
            if (at < 0) {
                c.st.charge(2 * sizeof(Value));
                d.entries.push_back({c.arg(0), c.arg(1)});
            } else {
                d.entries[std::size_t(at)].second = c.arg(1);
            }
            return Value();
        },
        ResultRule::Element));
    t.push_back(method(Dictionary, "Add", 2, 2, "key,value", T(Void), [](Call &c) {
        auto &d = dict(c);
        if (c.arg(0).isNull()) {
            failArgumentNull("key");
        }
        if (d.find(c.arg(0)) >= 0) {
            failArgument("An item with the same key has already been added. Key: " + toText(c.arg(0)));
        }
        c.st.charge(2 * sizeof(Value));
        d.entries.push_back({c.arg(0), c.arg(1)});
        return Value();
    }));
    t.push_back(method(Dictionary, "TryAdd", 2, 2, "key,value", T(Bool), [](Call &c) {
        auto &d = dict(c);
        if (d.find(c.arg(0)) >= 0) {
            return Value::boolean(false);
        }
        d.entries.push_back({c.arg(0), c.arg(1)});
        return Value::boolean(true);
    }));
    t.push_back(method(Dictionary, "ContainsKey", 1, 1, "key", T(Bool),
                       [](Call &c) { return Value::boolean(dict(c).find(c.arg(0)) >= 0); }));
    t.push_back(method(Dictionary, "ContainsValue", 1, 1, "value", T(Bool), [](Call &c) {
        for (const auto &[k, v] : dict(c).entries) {
            if (valueEquals(v, c.arg(0))) {
                return Value::boolean(true);
            }
        }
        return Value::boolean(false);
    }));
    t.push_back(method(Dictionary, "TryGetValue", 2, 2, "key,value", T(Bool), [](Call &c) {
        const auto &d = dict(c);
        const int at = d.find(c.arg(0));
        c.args[1] = at < 0 ? defaultOf(TypeRef{d.valueType}) : d.entries[std::size_t(at)].second;
        return Value::boolean(at >= 0);
    }));
    t.push_back(method(
        Dictionary, "GetValueOrDefault", 1, 2, "key,defaultValue", T(Dynamic),
        [](Call &c) {
            const auto &d = dict(c);
            const int at = d.find(c.arg(0));
            if (at < 0) {
                return c.argc() > 1 ? c.arg(1) : Value();
            }
            const Value &v = d.entries[std::size_t(at)].second;
            // IReadOnlyDictionary<string, string[]> (JWT claims): APIM's extension joins the values
            if (v.is(TypeId::Array) && v.as<ListBox>()->elem == TypeId::String) {
                std::string joined;
                for (const auto &s : v.as<ListBox>()->items) {
                    if (!joined.empty()) {
                        joined += ',';
                    }
                    joined += toText(s);
                }
                return Value::string(std::move(joined));
            }
            return v;
        },
        ResultRule::Element));
    t.push_back(method(Dictionary, "Remove", 1, 1, "key", T(Bool), [](Call &c) {
        auto &d = dict(c);
        const int at = d.find(c.arg(0));
        if (at < 0) {
            return Value::boolean(false);
        }
        d.entries.erase(d.entries.begin() + at);
        return Value::boolean(true);
    }));
    t.push_back(method(Dictionary, "Clear", 0, 0, {}, T(Void), [](Call &c) {
        dict(c).entries.clear();
        return Value();
    }));
    t.push_back(prop(Dictionary, "Count", T(Int32), [](Call &c) { return Value::int32(int(dict(c).entries.size())); }));
    t.push_back(prop(Dictionary, "Keys", T(Enumerable), [](Call &c) {
        std::vector<Value> keys;
        for (const auto &[k, v] : dict(c).entries) {
            keys.push_back(k);
        }
        return makeList(std::move(keys), dict(c).keyType, TypeId::Enumerable);
    }));
    t.push_back(prop(Dictionary, "Values", T(Enumerable), [](Call &c) {
        std::vector<Value> values;
        for (const auto &[k, v] : dict(c).entries) {
            values.push_back(v);
        }
        return makeList(std::move(values), dict(c).valueType, TypeId::Enumerable);
    }));
    t.push_back(method(Dictionary, "ToFormUrlEncodedContent", 0, 0, {}, T(String), [](Call &c) {
        std::string out;
        auto encode = [](const std::string &s) {
            std::string r;
            static const char hex[] = "0123456789ABCDEF";
            for (unsigned char ch : s) {
                if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '*') {
                    r += char(ch);
                } else if (ch == ' ') {
                    r += '+';
                } else {
                    r += '%';
                    r += hex[ch >> 4];
                    r += hex[ch & 15];
                }
            }
            return r;
        };
        for (const auto &[k, v] : dict(c).entries) {
            std::vector<Value> values = v.isString() ? std::vector<Value>{v} : enumerate(c.st, v);
            for (const auto &one : values) {
                if (!out.empty()) {
                    out += '&';
                }
                out += encode(toText(k)) + "=" + encode(toText(one));
            }
        }
        return Value::string(std::move(out));
    }));

    // KeyValuePair<K,V>
    t.push_back(Member{KeyValuePair,
                       "Key",
                       MemberKind::Property,
                       0,
                       0,
                       {},
                       T(Dynamic),
                       ResultRule::PairKey,
                       [](Call &c) { return c.self.as<PairBox>()->key; },
                       nullptr,
                       {}});
    t.push_back(Member{KeyValuePair,
                       "Value",
                       MemberKind::Property,
                       0,
                       0,
                       {},
                       T(Dynamic),
                       ResultRule::PairValue,
                       [](Call &c) { return c.self.as<PairBox>()->value; },
                       nullptr,
                       {}});
}

} // namespace gw::expr::rows
