#pragma once

// Row builders and helpers shared by the files that fill the bindings table. Internal to gw::expr.

#include <expr/bindings.h>

#include <string>
#include <vector>

namespace gw::expr::rows {

inline TypeRef T(TypeId id, TypeId elem = TypeId::Dynamic, TypeId key = TypeId::Dynamic)
{
    return TypeRef{id, elem, key, false};
}

inline Member prop(TypeId owner, std::string_view name, TypeRef result, Impl impl, std::string_view doc = {})
{
    return Member{owner, name, MemberKind::Property, 0, 0, {}, result, ResultRule::Fixed, impl, nullptr, doc};
}

inline Member sprop(TypeId owner, std::string_view name, TypeRef result, Impl impl, std::string_view doc = {})
{
    return Member{owner, name, MemberKind::StaticProperty, 0, 0, {}, result, ResultRule::Fixed, impl, nullptr, doc};
}

inline Member method(TypeId owner, std::string_view name, int minArgs, int maxArgs, std::string_view params,
                     TypeRef result, Impl impl, ResultRule rule = ResultRule::Fixed, std::string_view doc = {})
{
    return Member{
        owner,   name, MemberKind::Method, std::int8_t(minArgs), std::int8_t(maxArgs), params, result, rule, impl,
        nullptr, doc};
}

inline Member smethod(TypeId owner, std::string_view name, int minArgs, int maxArgs, std::string_view params,
                      TypeRef result, Impl impl, ResultRule rule = ResultRule::Fixed, std::string_view doc = {})
{
    return Member{
        owner,   name, MemberKind::StaticMethod, std::int8_t(minArgs), std::int8_t(maxArgs), params, result, rule, impl,
        nullptr, doc};
}

inline Member ctor(TypeId owner, int minArgs, int maxArgs, std::string_view params, Impl impl)
{
    return Member{owner,
                  ".ctor",
                  MemberKind::Constructor,
                  std::int8_t(minArgs),
                  std::int8_t(maxArgs),
                  params,
                  T(owner),
                  ResultRule::Fixed,
                  impl,
                  nullptr,
                  {}};
}

inline Member indexer(TypeId owner, int args, TypeRef result, Impl get, Impl set = nullptr,
                      ResultRule rule = ResultRule::Fixed)
{
    return Member{owner, "[]", MemberKind::Indexer, std::int8_t(args), std::int8_t(args), "index", result, rule, get,
                  set,   {}};
}

// Argument helpers: .NET semantics for the common parameter types.
std::string str(const Call &c, std::size_t i);        // string parameter: null -> ArgumentNullException
std::string strOrEmpty(const Call &c, std::size_t i); // null -> ""
std::int64_t integer(const Call &c, std::size_t i);
double number(const Call &c, std::size_t i);
bool boolean(const Call &c, std::size_t i);
const std::string &self(const Call &c);   // the receiver as a string
bool ignoreCase(const Value &comparison); // StringComparison / StringComparer argument
Value stringArray(std::vector<std::string> items);
Value defaultOf(const TypeRef &type);
Value listOf(std::vector<Value> items, TypeId elem, TypeId kind = TypeId::Array);
std::string lower(std::string_view text);
std::string upper(std::string_view text);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
[[noreturn]] void failArgumentNull(std::string_view name);
[[noreturn]] void failOutOfRange(std::string_view name);

// The RSA public key of a DER certificate (.NET's GetRSAPublicKey()), null when its key is not RSA.
Value rsaPublicKeyOf(const std::string &certificateDer);

void addContextMembers(std::vector<Member> &table);
void addSystemMembers(std::vector<Member> &table);
void addCollectionMembers(std::vector<Member> &table);
void addJsonMembers(std::vector<Member> &table);
void addTextMembers(std::vector<Member> &table);

} // namespace gw::expr::rows
