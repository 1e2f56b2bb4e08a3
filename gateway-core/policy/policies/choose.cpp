#include "choose.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription ChoosePolicy::describe()
{
    return {
        .name = "choose",
        .sections = AllSections,
        .help = "Runs the statements of the first <when> whose condition holds, else those of <otherwise>.",
        .children = {{.name = "when", .required = true, .repeated = true, .help = "condition=\"@(...)\": a branch."},
                     {.name = "otherwise", .help = "The branch when no condition holds."}},
    };
}

std::shared_ptr<const Policy> ChoosePolicy::create(const Element &element, Compiler &compiler)
{
    std::vector<Branch> branches;
    std::size_t whens = 0;
    bool ok = true;
    for (const Element &child : element.children) {
        Branch branch;
        if (child.name == "when") {
            ++whens;
            const Attribute *condition = child.attribute("condition");
            if (!condition) {
                compiler.error(child.range, "<when> needs a condition attribute");
                ok = false;
                continue;
            }
            for (const Attribute &attribute : child.attributes) {
                if (attribute.name != "condition")
                    compiler.error(attribute.nameRange, "<when> has no attribute '" + attribute.name + "'");
            }
            branch.condition = compiler.attribute(child, "condition");
            ok = ok && branch.condition.has_value();
            branch.steps = compiler.statements(child, "when[" + std::to_string(whens) + "]");
        } else {
            branch.steps = compiler.statements(child, "otherwise[1]");
        }
        branches.push_back(std::move(branch));
    }
    if (!ok)
        return nullptr;
    return std::make_shared<ChoosePolicy>(std::move(branches));
}

Flow ChoosePolicy::apply(Run &run) const
{
    for (const Branch &branch : m_branches) {
        if (!branch.condition)
            return run.enter(branch.steps);
        auto holds = run.boolean(*branch.condition);
        if (!holds)
            return Flow::Fail;
        if (*holds) {
            if (run.tracing())
                run.note("condition " + branch.condition->text() + " holds");
            return run.enter(branch.steps);
        }
    }
    return Flow::Continue;
}

} // namespace gw::policy
