#pragma once

#include <expr/ast.h>
#include <expr/runtime.h>

namespace gw::expr {

// Walks a checked tree against one request's state. Runtime failures are EvalErrors carrying the location of the
// failing node; the caller (Program::evaluate) turns them into Evaluation::error.
Value run(const Tree &tree, EvalState &state);

} // namespace gw::expr
