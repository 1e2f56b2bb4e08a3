#pragma once

#include <expr/ast.h>
#include <expr/program.h>

#include <common/diagnostic.h>

namespace gw::expr {

// Resolves names (locals, `context`, types, local functions), binds members against the bindings table, checks
// arity and the types it can know, assigns local slots and reports everything before anything runs. Types outside
// the allowed list are errors naming the type. Annotates the tree in place.
bool check(Tree &tree, Form form, Expected expected, const std::string &file, Diagnostics &diagnostics);

// The C# name of a type for messages: "string", "int", "JObject", "IResponse".
std::string displayName(const TypeRef &type);

} // namespace gw::expr
