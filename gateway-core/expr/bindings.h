#pragma once

// The members expressions can reach: the `context` object model (apim-policies.md §4.2) and the .NET surface that
// policies use, as ONE table. The checker resolves names against it, the evaluator calls through it, and the editor
// completes from it (members(), findType()). Each row is a member of one type: its kind, arity, parameter names
// (for named arguments and signature help), static result type and implementation.

#include <expr/runtime.h>

#include <optional>
#include <string_view>
#include <vector>

namespace gw::expr {

enum class MemberKind : std::uint8_t {
    Property,       // obj.Name
    Method,         // obj.Name(...)
    StaticProperty, // Type.Name (enum members included)
    StaticMethod,   // Type.Name(...)
    Constructor,    // new Type(...)
    Indexer,        // obj[...]
};

// How the checker derives the static result type of a call.
enum class ResultRule : std::uint8_t {
    Fixed,        // Member::result
    TypeArgument, // As<T>(), GetValueOrDefault<T>(): T, else Member::result
    Element,      // First(), list[i]: the receiver's element type
    Sequence,     // Where(), ToList(): Member::result.id of the receiver's element type
    Projection,   // Select(x => ...): Member::result.id of the lambda's result type
    LambdaResult, // Max(x => ...): the lambda's result type
    PairKey,      // KeyValuePair.Key
    PairValue,    // KeyValuePair.Value
};

using Impl = Value (*)(Call &);

struct Member {
    TypeId owner;
    std::string_view name;
    MemberKind kind;
    std::int8_t minArgs = 0;
    std::int8_t maxArgs = 0; // -1: any number (params arrays)
    std::string_view params; // "name,defaultValue"
    TypeRef result;
    ResultRule rule = ResultRule::Fixed;
    Impl impl = nullptr;
    Impl setter = nullptr; // settable properties and indexers: args = [index..., value]
    std::string_view doc;
};

// The whole table, in a stable order (the editor lists it).
const std::vector<Member> &members();

// The member `name` of `owner` or of one of its base types (JObject -> JToken -> IEnumerable -> object), of one
// kind: Property (also finds indexers named "[]"), Method, StaticProperty, StaticMethod or Constructor (".ctor").
const Member *findMember(TypeId owner, std::string_view name, MemberKind kind);
// Any member of any type with that name: the checker accepts it on a receiver whose type it cannot know.
bool anyMemberNamed(std::string_view name);
// The closest names (edit distance) among `owner`'s members, or among all members for TypeId::Dynamic.
std::string suggestMember(TypeId owner, std::string_view name, bool isStatic);
// The value of an enum member (StringComparison.OrdinalIgnoreCase), when `owner` is an enum that has it.
std::optional<std::int64_t> enumValue(TypeId owner, std::string_view name);
std::string_view enumName(TypeId type, std::int64_t value);

TypeId baseType(TypeId type);
bool derivesFrom(TypeId type, TypeId base);

// The element type that foreach and LINQ see for a static type (KeyValuePair for dictionaries).
TypeRef elementType(const TypeRef &type);

// Resolves a type name as written in an expression: "string", "String", "System.String", "JObject",
// "Newtonsoft.Json.Linq.JObject", "IResponse", ... nullopt when the type is not one policies may use.
std::optional<TypeId> findType(std::string_view name);
// True for the namespaces an allowed type lives in ("System", "System.Text", "Newtonsoft.Json.Linq", ...).
bool isNamespace(std::string_view name);
// Names of .NET types that exist but are not allowed (System.IO.File, Environment, ...), for a clear message.
bool isKnownForbiddenType(std::string_view name);

// Evaluator hooks for the objects the bindings own.
std::string hostText(const Value &value);
std::vector<Value> enumerateHost(EvalState &st, const Value &value);
Value constructAnonymous(std::vector<std::pair<std::string, Value>> fields);

} // namespace gw::expr
