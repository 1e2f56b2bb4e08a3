#include <policy/scopes.h>

#include <gtest/gtest.h>

#include <cctype>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace gw::policy;
namespace fs = std::filesystem;

std::string describe(const gw::Diagnostics &diagnostics)
{
    std::string out;
    for (const auto &d : diagnostics)
        out += gw::format(d) + "\n";
    return out;
}

std::unique_ptr<Document> parse(const std::string &text, const std::string &fileName)
{
    ParseResult result = parseDocument(text, fileName);
    EXPECT_TRUE(result.document.has_value()) << describe(result.diagnostics) << text;
    if (!result.document)
        return std::make_unique<Document>(parseDocument("<policies/>", fileName).document.value());
    return std::make_unique<Document>(std::move(*result.document));
}

char scopeLetter(Scope scope)
{
    return static_cast<char>(std::toupper(static_cast<unsigned char>(toString(scope).front())));
}

// "G:set-header:X-Global-In" — scope letter, element name, and the name attribute (or id) when present.
std::string describe(const EffectiveStep &step)
{
    std::string out = std::string(1, scopeLetter(step.scope)) + ":" + step.element->name;
    const Attribute *attribute = step.element->attribute("name");
    if (!attribute)
        attribute = step.element->attribute("id");
    if (attribute && !attribute->value.isExpression())
        out += ":" + attribute->value.literal();
    return out;
}

std::vector<std::string> steps(const EffectivePolicy &policy, Section section)
{
    std::vector<std::string> out;
    for (const EffectiveStep &step : policy.section(section))
        out.push_back(describe(step));
    return out;
}

using Names = std::vector<std::string>;

// Inline documents: each statement is <x id="..."/> so the order is visible in the description.
struct Inline {
    std::unique_ptr<Document> global, product, api, operation;

    EffectivePolicy merge() const { return mergeScopes(global.get(), product.get(), api.get(), operation.get()); }
};

std::unique_ptr<Document> doc(const std::string &body, const std::string &fileName = "test.xml")
{
    return parse("<policies>" + body + "</policies>", fileName);
}

const std::string allBaseFirst = "<inbound><base/><s id='{}'/></inbound><backend><base/></backend>"
                                 "<outbound><base/><s id='{}'/></outbound><on-error><base/><s id='{}'/></on-error>";

std::string fill(std::string pattern, const std::string &id)
{
    for (std::size_t pos; (pos = pattern.find("{}")) != std::string::npos;)
        pattern.replace(pos, 2, id);
    return pattern;
}

TEST(Scopes, BaseFirstInEverySectionChainsBroadestFirst)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound><backend><forward-request/></backend>"
                    "<outbound><s id='g'/></outbound><on-error><s id='g'/></on-error>");
    in.product = doc(fill(allBaseFirst, "p"));
    in.api = doc(fill(allBaseFirst, "a"));
    in.operation = doc(fill(allBaseFirst, "o"));
    EffectivePolicy policy = in.merge();
    EXPECT_TRUE(policy.diagnostics.empty()) << describe(policy.diagnostics);
    const Names chain = {"G:s:g", "P:s:p", "A:s:a", "O:s:o"};
    EXPECT_EQ(steps(policy, Section::Inbound), chain);
    EXPECT_EQ(steps(policy, Section::Backend), Names({"G:forward-request"}));
    EXPECT_EQ(steps(policy, Section::Outbound), chain);
    EXPECT_EQ(steps(policy, Section::OnError), chain);

    // Steps point into the input documents.
    const EffectiveStep &first = policy.section(Section::Inbound).front();
    EXPECT_EQ(first.document, in.global.get());
    EXPECT_EQ(first.element, &in.global->root().children[0].children[0]);
    EXPECT_EQ(policy.section(Section::Inbound).back().document, in.operation.get());
}

TEST(Scopes, BasePositionFixesTheOrder)
{
    Inline in;
    in.global = doc("<inbound><s id='g1'/><s id='g2'/></inbound>");
    in.api = doc("<inbound><s id='a'/><base/></inbound>");                    // last
    in.operation = doc("<inbound><s id='o1'/><base/><s id='o2'/></inbound>"); // middle
    EffectivePolicy policy = in.merge();
    EXPECT_TRUE(policy.diagnostics.empty()) << describe(policy.diagnostics);
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"O:s:o1", "A:s:a", "G:s:g1", "G:s:g2", "O:s:o2"}));
}

TEST(Scopes, SectionWithoutBaseDropsBroaderScopes)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound><backend><forward-request/></backend>"
                    "<outbound><s id='g'/></outbound><on-error><s id='g'/></on-error>");
    in.api = doc("<inbound><base/><s id='a'/></inbound><backend><base/></backend>"
                 "<outbound><base/><s id='a'/></outbound><on-error><base/><s id='a'/></on-error>");
    in.operation = doc("<inbound><s id='o'/></inbound><backend><send-request name='x'/></backend>"
                       "<outbound><base/></outbound><on-error><return-response id='r'/></on-error>");
    EffectivePolicy policy = in.merge();
    EXPECT_TRUE(policy.diagnostics.empty()) << describe(policy.diagnostics);
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"O:s:o"}));
    EXPECT_EQ(steps(policy, Section::Backend), Names({"O:send-request:x"}));
    EXPECT_EQ(steps(policy, Section::Outbound), Names({"G:s:g", "A:s:a"}));
    EXPECT_EQ(steps(policy, Section::OnError), Names({"O:return-response:r"}));
}

TEST(Scopes, EmptySectionDropsBroaderScopes)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound>");
    in.operation = doc("<inbound/>");
    EffectivePolicy policy = in.merge();
    EXPECT_TRUE(policy.diagnostics.empty()) << describe(policy.diagnostics);
    EXPECT_TRUE(policy.section(Section::Inbound).empty());
}

TEST(Scopes, MissingSectionContributesNothingAndWarnsWhenItDropsSomething)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound><backend><forward-request/></backend>");
    in.api = doc("<inbound><base/><s id='a'/></inbound>", "api.xml"); // no backend, outbound, on-error
    EffectivePolicy policy = in.merge();
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"G:s:g", "A:s:a"}));
    EXPECT_TRUE(policy.section(Section::Backend).empty());
    EXPECT_TRUE(policy.section(Section::Outbound).empty());
    EXPECT_TRUE(policy.section(Section::OnError).empty());
    // Only the backend section loses something (global outbound and on-error are empty).
    ASSERT_EQ(policy.diagnostics.size(), 1u) << describe(policy.diagnostics);
    EXPECT_EQ(policy.diagnostics[0].severity, gw::Severity::Warning);
    EXPECT_EQ(policy.diagnostics[0].location.file, "api.xml");
    EXPECT_NE(policy.diagnostics[0].message.find("backend"), std::string::npos);
}

TEST(Scopes, NullScopesPassBroaderScopesThrough)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound><on-error><s id='g'/></on-error>");
    in.operation = doc("<inbound><base/><s id='o'/></inbound><on-error><base/></on-error>");
    EffectivePolicy policy = in.merge(); // no product (not in product context), no API policy
    EXPECT_TRUE(policy.diagnostics.empty()) << describe(policy.diagnostics);
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"G:s:g", "O:s:o"}));
    EXPECT_EQ(steps(policy, Section::OnError), Names({"G:s:g"}));

    Inline onlyGlobal;
    onlyGlobal.global = doc("<inbound><s id='g'/></inbound>");
    policy = onlyGlobal.merge();
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"G:s:g"}));

    Inline onlyOperation;
    onlyOperation.operation = doc("<inbound><base/><s id='o'/></inbound>");
    policy = onlyOperation.merge();
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"O:s:o"}));

    policy = mergeScopes(nullptr, nullptr, nullptr, nullptr);
    for (const auto &section : policy.sections)
        EXPECT_TRUE(section.empty());
    EXPECT_TRUE(policy.diagnostics.empty());
}

TEST(Scopes, ProductScopeOnlyWhenGiven)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound>");
    in.product = doc("<inbound><base/><s id='p'/></inbound>");
    in.api = doc("<inbound><base/><s id='a'/></inbound>");
    EXPECT_EQ(steps(in.merge(), Section::Inbound), Names({"G:s:g", "P:s:p", "A:s:a"}));
    in.product.reset();
    EXPECT_EQ(steps(in.merge(), Section::Inbound), Names({"G:s:g", "A:s:a"}));
}

TEST(Scopes, DuplicateBaseIsAnErrorAndOnlyTheFirstExpands)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound>");
    in.api = doc("<inbound>\n<base/>\n<s id='a'/>\n<base/>\n</inbound>", "api.xml");
    EffectivePolicy policy = in.merge();
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"G:s:g", "A:s:a"}));
    ASSERT_EQ(policy.diagnostics.size(), 1u) << describe(policy.diagnostics);
    EXPECT_EQ(policy.diagnostics[0].severity, gw::Severity::Error);
    EXPECT_EQ(policy.diagnostics[0].location.file, "api.xml");
    EXPECT_EQ(policy.diagnostics[0].location.line, 4);
    EXPECT_EQ(policy.diagnostics[0].location.column, 1);
}

TEST(Scopes, NestedBaseIsAnErrorWithLocation)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound>");
    in.operation =
        doc("<inbound>\n<choose>\n<when condition='@(true)'>\n  <base/>\n</when>\n</choose>\n</inbound>", "op.xml");
    EffectivePolicy policy = in.merge();
    // The <choose> is one step; its children stay inside it, and the nested <base/> is not expanded.
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"O:choose"}));
    ASSERT_EQ(policy.diagnostics.size(), 1u) << describe(policy.diagnostics);
    EXPECT_EQ(policy.diagnostics[0].severity, gw::Severity::Error);
    EXPECT_EQ(policy.diagnostics[0].location.file, "op.xml");
    EXPECT_EQ(policy.diagnostics[0].location.line, 4);
    EXPECT_EQ(policy.diagnostics[0].location.column, 3);
    EXPECT_NE(policy.diagnostics[0].message.find("when"), std::string::npos);
}

TEST(Scopes, OnlyDirectChildrenBecomeSteps)
{
    Inline in;
    in.operation = doc("<inbound><retry condition='@(true)' count='2' interval='1'><s id='x'/><s id='y'/></retry>"
                       "<include-fragment fragment-id='f'/></inbound>");
    EffectivePolicy policy = in.merge();
    EXPECT_TRUE(policy.diagnostics.empty()) << describe(policy.diagnostics);
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"O:retry", "O:include-fragment"}));
}

TEST(Scopes, BaseAtGlobalScopeIsIgnoredWithAWarning)
{
    Inline in;
    in.global = doc("<inbound>\n  <base/>\n  <s id='g'/>\n</inbound>", "global.xml");
    EffectivePolicy policy = in.merge();
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"G:s:g"}));
    ASSERT_EQ(policy.diagnostics.size(), 1u) << describe(policy.diagnostics);
    EXPECT_EQ(policy.diagnostics[0].severity, gw::Severity::Warning);
    EXPECT_EQ(policy.diagnostics[0].location.file, "global.xml");
    EXPECT_EQ(policy.diagnostics[0].location.line, 2);
    EXPECT_EQ(policy.diagnostics[0].location.column, 3);
}

TEST(Scopes, UnknownAndDuplicateSectionsAreErrors)
{
    Inline in;
    in.global = doc("<inbound><s id='g'/></inbound>");
    in.operation = doc("<inbound><base/><s id='o1'/></inbound><inbound><s id='o2'/></inbound>"
                       "<outbund><s id='x'/></outbund><base/>");
    EffectivePolicy policy = in.merge();
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"G:s:g", "O:s:o1"}));
    ASSERT_EQ(policy.diagnostics.size(), 3u) << describe(policy.diagnostics);
    for (const auto &d : policy.diagnostics)
        EXPECT_EQ(d.severity, gw::Severity::Error) << gw::format(d);
    EXPECT_NE(policy.diagnostics[0].message.find("duplicate"), std::string::npos);
    EXPECT_NE(policy.diagnostics[1].message.find("outbund"), std::string::npos);
    EXPECT_NE(policy.diagnostics[2].message.find("base"), std::string::npos);
}

TEST(Scopes, FragmentRootIsNotAPolicyDocument)
{
    ParseResult fragment = parseDocument("<fragment><s id='f'/></fragment>", "frag.xml");
    ASSERT_TRUE(fragment.document.has_value()) << describe(fragment.diagnostics);
    auto global = doc("<inbound><s id='g'/></inbound>");
    EffectivePolicy policy = mergeScopes(global.get(), nullptr, &*fragment.document, nullptr);
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"G:s:g"})); // ignored like a missing policy
    ASSERT_EQ(policy.diagnostics.size(), 1u) << describe(policy.diagnostics);
    EXPECT_EQ(policy.diagnostics[0].severity, gw::Severity::Error);
    EXPECT_EQ(policy.diagnostics[0].location.file, "frag.xml");
}

TEST(Scopes, Names)
{
    EXPECT_EQ(toString(Section::Inbound), "inbound");
    EXPECT_EQ(toString(Section::Backend), "backend");
    EXPECT_EQ(toString(Section::Outbound), "outbound");
    EXPECT_EQ(toString(Section::OnError), "on-error");
    EXPECT_EQ(toString(Scope::Global), "global");
    EXPECT_EQ(toString(Scope::Product), "product");
    EXPECT_EQ(toString(Scope::Api), "api");
    EXPECT_EQ(toString(Scope::Operation), "operation");
}

// --- The scopes conformance workspace (cases/scopes.json) ---

const fs::path workspace = fs::path(GW_CONFORMANCE_DIR) / "workspaces" / "scopes";

std::unique_ptr<Document> parseFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << path;
    std::ostringstream out;
    out << in.rdbuf();
    return parse(out.str(), path.string());
}

struct Workspace {
    std::unique_ptr<Document> global = parseFile(workspace / "policy.xml");
    std::unique_ptr<Document> product = parseFile(workspace / "products" / "scoped-product" / "policy.xml");
    std::unique_ptr<Document> api = parseFile(workspace / "apis" / "scopes-api" / "policy.xml");

    EffectivePolicy merge(const std::string &operationName, bool productContext, std::unique_ptr<Document> &holder)
    {
        holder = parseFile(workspace / "apis" / "scopes-api" / "operations" / operationName / "policy.xml");
        EffectivePolicy policy =
            mergeScopes(global.get(), productContext ? product.get() : nullptr, api.get(), holder.get());
        EXPECT_TRUE(policy.diagnostics.empty()) << describe(policy.diagnostics);
        return policy;
    }
};

// The letters the set-variable steps append to a variable, in order, up to the first set-header named `header`
// (what the backend or the caller sees in that header).
std::string order(const EffectivePolicy &policy, Section section, const std::string &variable,
                  const std::string &header)
{
    std::string letters;
    for (const EffectiveStep &step : policy.section(section)) {
        const Attribute *name = step.element->attribute("name");
        if (!name || name->value.isExpression())
            continue;
        if (step.element->name == "set-header" && name->value.literal() == header)
            return letters;
        if (step.element->name != "set-variable" || name->value.literal() != variable)
            continue;
        const Attribute *value = step.element->attribute("value");
        if (!value || !value->value.isExpression())
            continue;
        const std::string &source = value->value.expression().source; // ... + "G"
        if (source.size() >= 2 && source.back() == '"')
            letters += source[source.size() - 2];
    }
    ADD_FAILURE() << "no set-header " << header;
    return letters;
}

const Names globalInbound = {"G:set-variable:order", "G:set-header:X-Global-In"};
const Names globalOutbound = {"G:set-variable:out-order", "G:set-header:X-Global-Out"};

Names concat(std::initializer_list<Names> parts)
{
    Names out;
    for (const Names &part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

TEST(ScopesConformance, ChainInProductContext) // inbound-order-base-first, outbound-order-base-first
{
    Workspace ws;
    std::unique_ptr<Document> op;
    EffectivePolicy policy = ws.merge("chain", true, op);
    EXPECT_EQ(steps(policy, Section::Inbound), concat({globalInbound,
                                                       {"P:set-variable:order", "A:set-variable:order",
                                                        "O:set-variable:order", "O:set-header:X-Order"}}));
    EXPECT_EQ(steps(policy, Section::Backend), Names({"G:forward-request"}));
    EXPECT_EQ(steps(policy, Section::Outbound), concat({globalOutbound,
                                                        {"P:set-variable:out-order", "A:set-variable:out-order",
                                                         "O:set-variable:out-order", "O:set-header:X-Out-Order"}}));
    EXPECT_EQ(steps(policy, Section::OnError),
              Names({"G:set-variable:global-on-error", "A:set-variable:api-on-error"}));
    EXPECT_EQ(order(policy, Section::Inbound, "order", "X-Order"), "GPAO");
    EXPECT_EQ(order(policy, Section::Outbound, "out-order", "X-Out-Order"), "GPAO");
}

TEST(ScopesConformance, ChainWithApiKeySkipsProduct) // api-key-skips-product-scope
{
    Workspace ws;
    std::unique_ptr<Document> op;
    EffectivePolicy policy = ws.merge("chain", false, op);
    EXPECT_EQ(steps(policy, Section::Inbound),
              concat({globalInbound, {"A:set-variable:order", "O:set-variable:order", "O:set-header:X-Order"}}));
    EXPECT_EQ(order(policy, Section::Inbound, "order", "X-Order"), "GAO");
    EXPECT_EQ(order(policy, Section::Outbound, "out-order", "X-Out-Order"), "GAO");
}

TEST(ScopesConformance, BasePlacedLast) // base-placed-last
{
    Workspace ws;
    std::unique_ptr<Document> op;
    EffectivePolicy policy = ws.merge("base-last", true, op);
    EXPECT_EQ(steps(policy, Section::Inbound),
              concat({{"O:set-variable:order"},
                      globalInbound,
                      {"P:set-variable:order", "A:set-variable:order", "O:set-header:X-Order"}}));
    EXPECT_EQ(order(policy, Section::Inbound, "order", "X-Order"), "OGPA");
}

TEST(ScopesConformance, BasePlacedBetween) // base-placed-between
{
    Workspace ws;
    std::unique_ptr<Document> op;
    EffectivePolicy policy = ws.merge("base-middle", true, op);
    EXPECT_EQ(steps(policy, Section::Inbound), concat({{"O:set-variable:order"},
                                                       globalInbound,
                                                       {"P:set-variable:order", "A:set-variable:order",
                                                        "O:set-variable:order", "O:set-header:X-Order"}}));
    EXPECT_EQ(order(policy, Section::Inbound, "order", "X-Order"), "1GPA2");
}

TEST(ScopesConformance, SectionWithoutBase) // section-without-base
{
    Workspace ws;
    std::unique_ptr<Document> op;
    EffectivePolicy policy = ws.merge("no-base", true, op);
    EXPECT_EQ(steps(policy, Section::Inbound), Names({"O:set-variable:order", "O:set-header:X-Order"}));
    EXPECT_EQ(order(policy, Section::Inbound, "order", "X-Order"), "O"); // and no X-Global-In
    EXPECT_EQ(steps(policy, Section::Backend), Names({"G:forward-request"}));
}

TEST(ScopesConformance, OnErrorInheritedThroughBase) // on-error-inherited-through-base
{
    Workspace ws;
    std::unique_ptr<Document> op;
    EffectivePolicy policy = ws.merge("error-inherit", true, op);
    EXPECT_EQ(steps(policy, Section::Inbound),
              concat({globalInbound, {"P:set-variable:order", "A:set-variable:order", "O:check-header:X-Required"}}));
    // Both variables are set before the return-response reads them: X-Global-OnError and X-Api-OnError are "ran".
    EXPECT_EQ(steps(policy, Section::OnError),
              Names({"G:set-variable:global-on-error", "A:set-variable:api-on-error", "O:return-response"}));
}

TEST(ScopesConformance, OnErrorWithoutBase) // on-error-without-base
{
    Workspace ws;
    std::unique_ptr<Document> op;
    EffectivePolicy policy = ws.merge("error-no-base", true, op);
    EXPECT_EQ(steps(policy, Section::Inbound),
              concat({globalInbound, {"P:set-variable:order", "A:set-variable:order", "O:check-header:X-Required"}}));
    // Neither variable is set: both headers fall back to "no".
    EXPECT_EQ(steps(policy, Section::OnError), Names({"O:return-response"}));
}

} // namespace
