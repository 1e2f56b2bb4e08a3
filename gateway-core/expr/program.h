#pragma once

#include <common/diagnostic.h>
#include <expr/value.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gw::expr {

struct Context;

// Where an expression's first source character stands in its policy file, so that every diagnostic and runtime
// error points at the right line and column of the file, not of the snippet.
struct Origin {
    std::string file;
    int line = 1;
    int column = 1;
};

enum class Form {
    Single, // @( expression )
    Block,  // @{ statements; every path ends in return }
};

// What a policy needs the value as; the checker reports a mismatch it can prove at compile time.
enum class Expected { Any, String, Bool, Integer };

struct CompileResult;

// Why an evaluation failed, in .NET's words, with the position of the failing expression part.
struct EvaluationError {
    std::string message; // e.g. "Object reference not set to an instance of an object."
    SourceLocation location;
};

struct Evaluation {
    Value value;
    std::optional<EvaluationError> error; // set when the expression threw (APIM's ExpressionValueEvaluationFailure)
    bool ok() const { return !error; }
};

// A compiled policy expression. compile() once when a configuration is built (it parses and checks names, members,
// arity and the types it can know); evaluate() per request. Immutable after compile: one Program may be evaluated
// by any number of threads at once, each with its own Context. Copies share the compiled form.
class Program {
public:
    // `source` is the text between the brackets, exactly as written in the file.
    static CompileResult compile(std::string_view source, Form form, const Origin &origin,
                                 Expected expected = Expected::Any);

    // Runs the program against one request. Never throws; loops and allocations run on a budget, and exceeding it
    // is an evaluation error like any other.
    Evaluation evaluate(Context &context) const;

    const std::string &source() const;
    Form form() const;

private:
    struct Impl;
    std::shared_ptr<const Impl> m_impl;
    friend struct ProgramAccess;
};

struct CompileResult {
    std::optional<Program> program; // set when there is no error
    Diagnostics diagnostics;        // errors and warnings, located in the policy file
};

} // namespace gw::expr
