#pragma once

#include <expr/program.h>

#include <optional>
#include <string>

namespace gw::policy {

// A policy value as compiled: literal text or an expression, named values already substituted. Immutable.
class Template {
public:
    Template() = default; // the empty literal
    static Template literal(std::string text);
    static Template expression(expr::Program program);

    bool isLiteral() const { return !m_program; }
    const std::string &text() const { return m_text; } // the literal (or the expression's source)
    const expr::Program *program() const { return m_program ? &*m_program : nullptr; }

    // Made with a secret named value: traces show {{name}} in place of its value (Run masks every secret).
    bool secret() const { return m_secret; }
    void markSecret() { m_secret = true; }

private:
    std::string m_text;
    std::optional<expr::Program> m_program;
    bool m_secret = false;
};

} // namespace gw::policy
