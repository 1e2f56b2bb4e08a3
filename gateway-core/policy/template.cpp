#include "template.h"

namespace gw::policy {

Template Template::literal(std::string text)
{
    Template t;
    t.m_text = std::move(text);
    return t;
}

Template Template::expression(expr::Program program)
{
    Template t;
    t.m_text = program.source();
    t.m_program = std::move(program);
    return t;
}

} // namespace gw::policy
