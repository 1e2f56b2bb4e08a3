#include <policy/document.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace {

using namespace gw::policy;
namespace fs = std::filesystem;

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string describe(const gw::Diagnostics &diagnostics)
{
    std::string out;
    for (const auto &d : diagnostics)
        out += gw::format(d) + "\n";
    return out;
}

std::vector<fs::path> filesUnder(const fs::path &root, const std::string &fileName, const std::string &extension)
{
    std::vector<fs::path> files;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file())
            continue;
        if ((!fileName.empty() && entry.path().filename() == fileName) ||
            (!extension.empty() && entry.path().extension() == extension))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Document parseOk(const std::string &text, ParseOptions options = {})
{
    ParseResult result = parseDocument(text, "test.xml", options);
    EXPECT_TRUE(result.document.has_value()) << describe(result.diagnostics) << text;
    EXPECT_TRUE(result.diagnostics.empty()) << describe(result.diagnostics);
    if (!result.document)
        return parseDocument("<policies/>", "empty.xml").document.value();
    return std::move(*result.document);
}

gw::Diagnostic parseError(const std::string &text)
{
    ParseResult result = parseDocument(text, "bad.xml");
    EXPECT_FALSE(result.document.has_value()) << text;
    EXPECT_TRUE(gw::hasErrors(result.diagnostics)) << text;
    if (result.diagnostics.empty())
        return {};
    EXPECT_EQ(result.diagnostics.front().location.file, "bad.xml");
    return result.diagnostics.front();
}

const Element &child(const Element &element, std::size_t index)
{
    EXPECT_LT(index, element.children.size()) << element.name;
    return element.children.at(index);
}

// --- the shared files -----------------------------------------------------------------------------------------------

TEST(PolicyDocument, EveryConformancePolicyParses)
{
    const auto files = filesUnder(fs::path(GW_CONFORMANCE_DIR) / "workspaces", "policy.xml", "");
    EXPECT_EQ(files.size(), 98u);
    for (const auto &file : files) {
        const std::string text = readFile(file);
        ParseResult result = parseDocument(text, file.string());
        EXPECT_TRUE(result.document.has_value()) << file << "\n" << describe(result.diagnostics);
        EXPECT_TRUE(result.diagnostics.empty()) << file << "\n" << describe(result.diagnostics);
        if (result.document) {
            EXPECT_EQ(result.document->text(), text);
            const std::string_view root = result.document->source(result.document->root());
            EXPECT_TRUE(root.starts_with("<" + result.document->root().name)) << file;
        }
    }
}

// Documentation examples: most are snippets (one policy element) rather than documents, so those are read with
// ParseOptions::anyRoot; the ones rooted in <policies> or <fragment> must also pass the strict reading.
// Examples that are not XML even with expressions cut out: typos and placeholders in the documentation.
// Each must be rejected with a located diagnostic.
const std::map<std::string, std::string> invalidCorpusFiles = {
    {"azure-openai-semantic-cache-lookup-1.xml", "start tag never closed before <vary-by> (syntax block)"},
    {"choose-1.xml", "comment written <!— with an em dash"},
    {"concept-backends-1.xml", "\"[...]\" elision, closed with <policies/>"},
    {"concept-backends-2.xml", "\"[...]\" elision, closed with <policies/>"},
    {"concept-fragments-2.xml", "\"[...]\" elision, </policies> missing"},
    {"cosmosdb-data-source-3.xml", "<read-request> opened twice, never closed"},
    {"cross-domain-1.xml", "comment written <!- with one dash"},
    {"http-data-source-1.xml", "<forward-request> left open inside <http-request>"},
    {"limit-concurrency-1.xml", "comment written <!— with an em dash"},
    {"proxy-2.xml", "unquoted attribute values username={{username}}"},
    {"set-backend-service-3.xml", "expression @(...GetValueOrDefault(\"userId\",\"\") lacks its closing ')'"},
    {"set-method-1.xml", "placeholder <HTTP METHOD> as content"},
    {"validate-azure-ad-token-1.xml", "double quotes inside a double-quoted literal attribute (syntax block)"},
    {"validate-client-certificate-2.xml", "double quotes inside a double-quoted literal attribute O=\"Contoso, Inc.\""},
    {"validate-content-1.xml", "placeholder <type from | when=...> (syntax block)"},
};

TEST(PolicyDocument, EveryCorpusFileParses)
{
    const auto files = filesUnder(fs::path(GW_POLICY_CORPUS_DIR), "", ".xml");
    EXPECT_GE(files.size(), 200u);
    int documents = 0;
    std::set<std::string> rejected;
    for (const auto &file : files) {
        const std::string text = readFile(file);
        if (invalidCorpusFiles.contains(file.filename().string())) {
            ParseResult result = parseDocument(text, file.string(), {.anyRoot = true});
            EXPECT_FALSE(result.document.has_value()) << file;
            ASSERT_FALSE(result.diagnostics.empty()) << file;
            EXPECT_GE(result.diagnostics[0].location.line, 1);
            EXPECT_GE(result.diagnostics[0].location.column, 1);
            rejected.insert(file.filename().string());
            continue;
        }
        ParseResult result = parseDocument(text, file.string(), {.anyRoot = true});
        EXPECT_TRUE(result.document.has_value()) << file << "\n" << describe(result.diagnostics);
        EXPECT_TRUE(result.diagnostics.empty()) << file << "\n" << describe(result.diagnostics);
        if (!result.document)
            continue;
        const std::string &rootName = result.document->root().name;
        if (rootName == "policies" || rootName == "fragment") {
            ++documents;
            ParseResult strict = parseDocument(text, file.string());
            EXPECT_TRUE(strict.document.has_value()) << file << "\n" << describe(strict.diagnostics);
        }
    }
    EXPECT_GE(documents, 30);
    EXPECT_EQ(rejected.size(), invalidCorpusFiles.size());
}

TEST(PolicyDocument, PositionsInAConformanceFile)
{
    const fs::path file =
        fs::path(GW_CONFORMANCE_DIR) / "workspaces/expressions/apis/expr-api/operations/linq-array/policy.xml";
    const Document document = parseOk(readFile(file));
    const Element &root = document.root();
    EXPECT_EQ(root.name, "policies");
    EXPECT_EQ(root.range, (SourceRange{1, 1, 20, 12}));

    const Element &inbound = child(root, 0);
    EXPECT_EQ(inbound.name, "inbound");
    EXPECT_EQ(inbound.range, (SourceRange{2, 2, 10, 12}));
    EXPECT_EQ(child(inbound, 0).range, (SourceRange{3, 3, 3, 11})); // <base />

    const Element &setHeader = child(inbound, 1);
    EXPECT_EQ(setHeader.name, "set-header");
    EXPECT_EQ(setHeader.range, (SourceRange{4, 3, 6, 16}));
    ASSERT_EQ(setHeader.attributes.size(), 2u);
    const Attribute &name = setHeader.attributes[0];
    EXPECT_EQ(name.name, "name");
    EXPECT_EQ(name.nameRange, (SourceRange{4, 15, 4, 19}));
    EXPECT_EQ(name.valueRange, (SourceRange{4, 21, 4, 26}));
    EXPECT_EQ(name.value.literal(), "X-Big");
    EXPECT_EQ(setHeader.attributes[1].name, "exists-action");
    EXPECT_EQ(setHeader.attributes[1].nameRange, (SourceRange{4, 28, 4, 41}));

    const Element &value = child(setHeader, 0);
    EXPECT_EQ(value.range, (SourceRange{5, 4, 5, 174}));
    ASSERT_TRUE(value.text.has_value());
    ASSERT_TRUE(value.text->value.isExpression());
    const Expression &expression = value.text->value.expression();
    EXPECT_FALSE(expression.block);
    EXPECT_EQ(expression.range, (SourceRange{5, 11, 5, 166}));
    EXPECT_TRUE(expression.source.starts_with(R"(string.Join(",", ((JArray)context.Request.Body.As<JObject>()"));
    EXPECT_TRUE(expression.source.ends_with(R"(.Select(i => (string)i["sku"])))"));
    EXPECT_EQ(document.source(expression.range), "@(" + expression.source + ")");
    EXPECT_EQ(document.source(value), "<value>@(" + expression.source + ")</value>");
}

TEST(PolicyDocument, BlockPositionsSpanLines)
{
    const fs::path file =
        fs::path(GW_CONFORMANCE_DIR) / "workspaces/expressions/apis/expr-api/operations/block/policy.xml";
    const Document document = parseOk(readFile(file));
    const Element &value = child(child(child(document.root(), 0), 1), 0);
    ASSERT_TRUE(value.text && value.text->value.isExpression());
    const Expression &block = value.text->value.expression();
    EXPECT_TRUE(block.block);
    EXPECT_EQ(block.range, (SourceRange{5, 11, 11, 5}));
    EXPECT_TRUE(block.source.starts_with("\n\t\t\t\tvar tier = context.Request.Headers.GetValueOrDefault(\"X-Tier\""));
    EXPECT_TRUE(block.source.ends_with("return \"standard\";\n\t\t\t"));
}

TEST(PolicyDocument, NamedValueInsideAnExpression)
{
    const fs::path file =
        fs::path(GW_CONFORMANCE_DIR) / "workspaces/named-values/apis/nv/operations/in-expression/policy.xml";
    const Document document = parseOk(readFile(file));
    ASSERT_EQ(document.namedValues().size(), 1u);
    EXPECT_EQ(document.namedValues()[0].name, "greeting-text");
    EXPECT_EQ(document.namedValues()[0].range, (SourceRange{5, 14, 5, 31}));
}

// --- expressions ----------------------------------------------------------------------------------------------------

TEST(PolicyDocument, RawExpressionsInAttributesAndText)
{
    const std::string text = "<policies>\n"
                             "  <inbound>\n"
                             "    <choose>\n"
                             "      <when condition=\"@(context.Request.Headers.GetValueOrDefault(\"X\",\"\") != \"\" "
                             "&& x < 3)\">\n"
                             "        <set-body>@{ var b = context.Request.Body.As<JObject>(preserveContent: true); "
                             "return b.ToString(); }</set-body>\n"
                             "      </when>\n"
                             "    </choose>\n"
                             "  </inbound>\n"
                             "</policies>\n";
    const Document document = parseOk(text);
    const Element &when = child(child(child(document.root(), 0), 0), 0);
    ASSERT_EQ(when.attributes.size(), 1u);
    const Attribute &condition = when.attributes[0];
    ASSERT_TRUE(condition.value.isExpression());
    EXPECT_EQ(condition.value.expression().source,
              R"(context.Request.Headers.GetValueOrDefault("X","") != "" && x < 3)");
    EXPECT_EQ(condition.value.expression().range, (SourceRange{4, 24, 4, 91}));
    EXPECT_EQ(condition.valueRange, (SourceRange{4, 24, 4, 91}));
    EXPECT_EQ(condition.nameRange, (SourceRange{4, 13, 4, 22}));

    const Element &setBody = child(when, 0);
    ASSERT_TRUE(setBody.text && setBody.text->value.isExpression());
    const Expression &block = setBody.text->value.expression();
    EXPECT_TRUE(block.block);
    EXPECT_EQ(block.source, " var b = context.Request.Body.As<JObject>(preserveContent: true); return b.ToString(); ");
    EXPECT_EQ(block.range.line, 5);
    EXPECT_EQ(block.range.column, 19);
    EXPECT_EQ(setBody.range, (SourceRange{5, 9, 5, 19 + 2 + static_cast<int>(block.source.size()) + 1 + 11}));
    EXPECT_EQ(document.text(), text);
}

TEST(PolicyDocument, TrickyLiteralsInsideExpressions)
{
    const std::string text = "<policies><inbound>"
                             "<set-variable name=\"a\" value=\"@(x.Replace(&quot;)&quot;, &quot;}&quot;))\" />"
                             "<set-variable name=\"b\" value=\"@(s.Split(')', '\\'', '}'))\" />"
                             "<set-variable name=\"c\" value=\"@(@&quot;x&quot;&quot;y&quot;)\" />"
                             "<set-variable name=\"d\" value='@($\"{a}-{(b ? \")\" : \"}\")}-{{x}}\")' />"
                             "<set-variable name=\"e\" value=\"@(@\"c:\\\"\")\")\" />"
                             "<set-body>@{ // ) }\n return /* } ) */ \")}\"; }</set-body>"
                             "</inbound></policies>";
    const Document document = parseOk(text);
    const Element &inbound = child(document.root(), 0);
    ASSERT_EQ(inbound.children.size(), 6u);
    EXPECT_EQ(inbound.children[1].attributes[1].value.expression().source, R"(s.Split(')', '\'', '}'))");
    EXPECT_EQ(inbound.children[3].attributes[1].value.expression().source, R"~($"{a}-{(b ? ")" : "}")}-{{x}}")~");
    EXPECT_EQ(inbound.children[4].attributes[1].value.expression().source, R"~(@"c:\"")")~");
    EXPECT_EQ(inbound.children[0].attributes[1].value.expression().source, "x.Replace(&quot;)&quot;, &quot;}&quot;)");
    EXPECT_EQ(inbound.children[5].text->value.expression().source, " // ) }\n return /* } ) */ \")}\"; ");
}

TEST(PolicyDocument, AtSignElsewhereIsLiteral)
{
    const Document document = parseOk("<policies><inbound>"
                                      "<set-header name=\"From\"><value>admin@contoso.com</value></set-header>"
                                      "<set-header name=\"X\"><value>mail @(not an expression</value></set-header>"
                                      "<set-variable name=\"v\" value=\"a@(b)\" />"
                                      "</inbound></policies>");
    const Element &inbound = child(document.root(), 0);
    EXPECT_EQ(child(inbound.children[0], 0).text->value.literal(), "admin@contoso.com");
    EXPECT_EQ(child(inbound.children[1], 0).text->value.literal(), "mail @(not an expression");
    EXPECT_EQ(inbound.children[2].attributes[1].value.literal(), "a@(b)");
}

TEST(PolicyDocument, LeadingWhitespaceBeforeAnExpressionIsAllowed)
{
    const Document document = parseOk("<policies><inbound><set-body>\n  @(1 + 2)\n</set-body></inbound></policies>");
    const Element &setBody = child(child(document.root(), 0), 0);
    ASSERT_TRUE(setBody.text && setBody.text->value.isExpression());
    EXPECT_EQ(setBody.text->value.expression().range, (SourceRange{2, 3, 2, 11}));
    EXPECT_EQ(setBody.text->range, (SourceRange{1, 30, 3, 1}));
}

TEST(PolicyDocument, EntitiesInLiteralsAreDecodedAndCrlfKeepsColumns)
{
    const std::string text = "\xEF\xBB\xBF<fragment>\r\n\t<set-header name=\"a&amp;b\"><value>&lt;x&gt;</value>"
                             "</set-header>\r\n</fragment>";
    const Document document = parseOk(text);
    EXPECT_EQ(document.root().name, "fragment");
    EXPECT_EQ(document.root().range, (SourceRange{1, 4, 3, 12}));
    const Element &setHeader = child(document.root(), 0);
    EXPECT_EQ(setHeader.range.line, 2);
    EXPECT_EQ(setHeader.range.column, 2);
    EXPECT_EQ(setHeader.attributes[0].value.literal(), "a&b");
    EXPECT_EQ(setHeader.attributes[0].valueRange, (SourceRange{2, 20, 2, 27}));
    EXPECT_EQ(child(setHeader, 0).text->value.literal(), "<x>");
    EXPECT_EQ(document.text(), text);
}

TEST(PolicyDocument, CdataTextAndComments)
{
    const Document document = parseOk("<policies><!-- </policies> @( --><inbound>"
                                      "<set-body><![CDATA[a < b]]></set-body></inbound></policies>");
    const Element &setBody = child(child(document.root(), 0), 0);
    EXPECT_EQ(setBody.text->value.literal(), "a < b");
    EXPECT_EQ(setBody.text->range, (SourceRange{1, 53, 1, 70}));
    EXPECT_EQ(document.source(setBody.text->range), "<![CDATA[a < b]]>");
}

TEST(PolicyDocument, NamedValuesInAttributesTextAndExpressions)
{
    const Document document =
        parseOk("<policies>\n<inbound>\n"
                "<set-header name=\"{{header-name}}\"><value>Bearer {{token}}</value></set-header>\n"
                "<set-variable name=\"x\" value=\"@(&quot;{{a.b_c}}&quot; + 1)\" />\n"
                "<set-body>{{ not a name }}</set-body>\n"
                "</inbound>\n</policies>");
    const auto &refs = document.namedValues();
    ASSERT_EQ(refs.size(), 3u);
    EXPECT_EQ(refs[0].name, "header-name");
    EXPECT_EQ(refs[0].range, (SourceRange{3, 19, 3, 34}));
    EXPECT_EQ(refs[1].name, "token");
    EXPECT_EQ(refs[1].range, (SourceRange{3, 50, 3, 59}));
    EXPECT_EQ(refs[2].name, "a.b_c");
    EXPECT_EQ(refs[2].range, (SourceRange{4, 39, 4, 48}));
}

// --- errors ---------------------------------------------------------------------------------------------------------

TEST(PolicyDocument, UnbalancedExpressionIsLocated)
{
    const auto d = parseError("<policies>\n  <inbound>\n    <set-body>@(foo(1)</set-body>\n  </inbound>\n</policies>");
    EXPECT_EQ(d.location.line, 3);
    EXPECT_EQ(d.location.column, 15);
    EXPECT_NE(d.message.find("unbalanced"), std::string::npos) << d.message;
}

TEST(PolicyDocument, UnterminatedStringIsLocated)
{
    const auto d = parseError("<policies>\n<inbound>\n<set-variable name=\"x\" value=\"@(\"abc\n)\" />\n</inbound>\n"
                              "</policies>");
    EXPECT_EQ(d.location.line, 3);
    EXPECT_EQ(d.location.column, 33);
    EXPECT_NE(d.message.find("unterminated string"), std::string::npos) << d.message;
}

TEST(PolicyDocument, MalformedXmlIsLocated)
{
    const auto d = parseError("<policies>\n  <inbound>\n    <base />\n  </outbound>\n</policies>");
    EXPECT_EQ(d.location.line, 4);
    EXPECT_GE(d.location.column, 3);
    EXPECT_NE(d.message.find("malformed XML"), std::string::npos) << d.message;

    const auto lt = parseError("<policies>\n<inbound>\n<set-body>a < b</set-body>\n</inbound>\n</policies>");
    EXPECT_EQ(lt.location.line, 3);
}

TEST(PolicyDocument, WrongRootIsLocated)
{
    const auto d = parseError("<?xml version=\"1.0\"?>\n<policy>\n</policy>");
    EXPECT_EQ(d.location.line, 2);
    EXPECT_NE(d.message.find("<policies>"), std::string::npos) << d.message;
    EXPECT_TRUE(parseDocument("<policy/>", "ok.xml", {.anyRoot = true}).document.has_value());
    EXPECT_FALSE(parseDocument("", "empty.xml").document.has_value());
    EXPECT_FALSE(parseDocument("   ", "blank.xml").document.has_value());
}

TEST(PolicyDocument, TextAfterAnExpressionIsLocated)
{
    const auto d = parseError("<policies><inbound><set-body>@(1) tail</set-body></inbound></policies>");
    EXPECT_EQ(d.location.line, 1);
    EXPECT_EQ(d.location.column, 30);
    const auto a = parseError("<policies><inbound><set-variable name=\"v\" value=\"@(1) + 2\" /></inbound></policies>");
    EXPECT_EQ(a.location.column, 54);
}

TEST(PolicyDocument, DeepNestingIsReported)
{
    std::string text = "<policies>";
    for (int i = 0; i < 1000; ++i)
        text += "<a>";
    for (int i = 0; i < 1000; ++i)
        text += "</a>";
    text += "</policies>";
    const ParseResult result = parseDocument(text, "deep.xml");
    EXPECT_FALSE(result.document.has_value());
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_NE(result.diagnostics[0].message.find("nested"), std::string::npos);

    const ParseResult brackets =
        parseDocument("<policies><inbound><set-body>@" + std::string(200000, '(') + "</set-body></inbound></policies>",
                      "brackets.xml");
    EXPECT_FALSE(brackets.document.has_value());
}

// --- robustness -----------------------------------------------------------------------------------------------------

TEST(PolicyDocument, RandomMutationsNeverCrash)
{
    std::vector<std::string> texts;
    for (const auto &file : filesUnder(fs::path(GW_POLICY_CORPUS_DIR), "", ".xml"))
        texts.push_back(readFile(file));
    for (const auto &file : filesUnder(fs::path(GW_CONFORMANCE_DIR) / "workspaces", "policy.xml", ""))
        texts.push_back(readFile(file));
    ASSERT_FALSE(texts.empty());
    static const std::vector<std::string> pieces = {"@(", "@{", ")",  "}",         "\"",   "'",   "<",
                                                    ">",  "/>", "</", "&",         "$\"",  "@\"", "{{",
                                                    "}}", "//", "/*", "<![CDATA[", "<!--", "\n"};
    std::mt19937 random(12345);
    int documents = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string text = texts[random() % texts.size()];
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = random() % text.size();
            switch (random() % 5) {
            case 0:
                text.erase(at, 1 + random() % 8);
                break;
            case 1:
                text.insert(at, pieces[random() % pieces.size()]);
                break;
            case 2:
                text[at] = static_cast<char>(random() % 256);
                break;
            case 3:
                text.resize(at);
                break;
            default:
                text.insert(at, text.substr(random() % text.size(), random() % 40));
                break;
            }
        }
        const ParseResult result = parseDocument(text, "mutant.xml", {.anyRoot = (round % 2) == 0});
        if (result.document) {
            ++documents;
            EXPECT_EQ(result.document->text(), text);
            (void)result.document->source(result.document->root());
        }
        for (const auto &d : result.diagnostics) {
            EXPECT_GE(d.location.line, 1) << d.message;
            EXPECT_GE(d.location.column, 1) << d.message;
        }
        EXPECT_EQ(result.document.has_value(), !gw::hasErrors(result.diagnostics));
    }
    EXPECT_GT(documents, 0);
}

} // namespace
