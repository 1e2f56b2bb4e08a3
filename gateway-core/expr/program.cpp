#include <expr/ast.h>
#include <expr/checker.h>
#include <expr/context.h>
#include <expr/evaluator.h>
#include <expr/lexer.h>
#include <expr/parser.h>
#include <expr/program.h>

#include <new>

namespace gw::expr {

struct Program::Impl {
    std::string source;
    Form form = Form::Single;
    Origin origin;
    Tree tree;
};

struct ProgramAccess {
    static Program make(std::shared_ptr<const Program::Impl> impl)
    {
        Program p;
        p.m_impl = std::move(impl);
        return p;
    }
};

CompileResult Program::compile(std::string_view source, Form form, const Origin &origin, Expected expected)
{
    CompileResult result;
    auto impl = std::make_shared<Impl>();
    impl->source = std::string(source);
    impl->form = form;
    impl->origin = origin;
    try {
        const SourceText text(impl->source, origin);
        if (!parse(text, form, impl->tree, result.diagnostics)) {
            return result;
        }
        if (!check(impl->tree, form, expected, origin.file, result.diagnostics)) {
            return result;
        }
    } catch (const std::bad_alloc &) {
        SourceLocation loc{origin.file, origin.line, origin.column, {}};
        result.diagnostics.push_back(Diagnostic{loc, Severity::Error, "The expression is too large to compile."});
        return result;
    }
    result.program = ProgramAccess::make(std::move(impl));
    return result;
}

Evaluation Program::evaluate(Context &context) const
{
    Evaluation evaluation;
    EvalState state{context};
    try {
        evaluation.value = run(m_impl->tree, state);
    } catch (const EvalError &error) {
        SourceLocation loc;
        loc.file = m_impl->origin.file;
        loc.line = error.line ? error.line : m_impl->origin.line;
        loc.column = error.line ? error.column : m_impl->origin.column;
        evaluation.error = EvaluationError{error.message, loc};
        evaluation.value = Value();
    } catch (const std::bad_alloc &) {
        evaluation.error =
            EvaluationError{"Insufficient memory to continue the execution of the program.",
                            SourceLocation{m_impl->origin.file, m_impl->origin.line, m_impl->origin.column, {}}};
    } catch (const std::exception &error) {
        evaluation.error =
            EvaluationError{std::string("Internal error: ") + error.what(),
                            SourceLocation{m_impl->origin.file, m_impl->origin.line, m_impl->origin.column, {}}};
    }
    return evaluation;
}

const std::string &Program::source() const
{
    return m_impl->source;
}

Form Program::form() const
{
    return m_impl->form;
}

} // namespace gw::expr
