#pragma once

#include <expr/ast.h>
#include <expr/lexer.h>
#include <expr/program.h>

#include <common/diagnostic.h>

namespace gw::expr {

// Builds the syntax tree of @(...) (one expression) or @{...} (statements). Precedence comes from one rule table
// (parser.cpp). The first syntax error ends parsing; it is reported with its line and column in the policy file.
bool parse(const SourceText &source, Form form, Tree &tree, Diagnostics &diagnostics);

} // namespace gw::expr
