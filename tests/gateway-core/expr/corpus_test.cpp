// Every expression of the real corpus must compile: APIM's documentation examples (MANIFEST kinds `example` and
// `concept`) and the conformance workspaces. Those that cannot are listed below with the reason; the counts are
// printed for the record.

#include <expr/program.h>
#include <policy/document.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace gw::expr::test {
namespace {

namespace fs = std::filesystem;

// file:line of the expression's '@' -> why it does not compile (the documentation's own mistakes, mostly).
const std::map<std::string, std::string> expectedFailures = {
    {"set-body-3.xml:2", "assigns to a string's indexer (inBody[0] = 'm'): strings are immutable in C#"},
    {"set-body-4.xml:2", "pseudo-code in the docs: `inBody.attribute == <tag>` is not C#"},
    {"http-data-source-4.xml:8", "a statement misses its ';' (jsonObject.Add(...) before return)"},
    {"validate-graphql-request-3.xml:3", "uses `<>`, which is not a C# operator (`!=` is)"},
};

struct Found {
    std::string file;
    int line = 0;
    int column = 0;
    policy::Expression expression;
};

void collect(const policy::Element &element, const std::string &file, std::vector<Found> &out)
{
    for (const auto &a : element.attributes) {
        if (a.value.isExpression()) {
            const auto &e = a.value.expression();
            out.push_back({file, e.range.line, e.range.column, e});
        }
    }
    if (element.text && element.text->value.isExpression()) {
        const auto &e = element.text->value.expression();
        out.push_back({file, e.range.line, e.range.column, e});
    }
    for (const auto &child : element.children) {
        collect(child, file, out);
    }
}

void collectFile(const fs::path &path, const std::string &name, std::vector<Found> &out, int &unreadable)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = policy::parseDocument(text.str(), name, {.anyRoot = true});
    if (!parsed.document) {
        ++unreadable;
        return;
    }
    collect(parsed.document->root(), name, out);
}

// Named values are substituted by the policy engine before compiling; a placeholder stands in for them here.
std::string substituteNamedValues(std::string source)
{
    for (auto open = source.find("{{"); open != std::string::npos; open = source.find("{{", open)) {
        const auto close = source.find("}}", open + 2);
        if (close == std::string::npos) {
            break;
        }
        source.replace(open, close + 2 - open, "named-value");
    }
    return source;
}

TEST(ExprCorpus, EveryExpressionCompiles)
{
    std::vector<Found> found;
    int unreadable = 0;
    const fs::path docs = fs::path(GW_POLICY_CORPUS_DIR) / "policy-doc-examples";
    std::ifstream manifest(docs / "MANIFEST.tsv");
    ASSERT_TRUE(manifest) << docs;
    std::string line;
    std::getline(manifest, line);
    while (std::getline(manifest, line)) {
        std::istringstream fields(line);
        std::string file, source, commit, date, kind;
        std::getline(fields, file, '\t');
        std::getline(fields, source, '\t');
        std::getline(fields, commit, '\t');
        std::getline(fields, date, '\t');
        std::getline(fields, kind, '\t');
        if (kind == "example" || kind == "concept") {
            collectFile(docs / file, file, found, unreadable);
        }
    }
    const fs::path workspaces = fs::path(GW_CONFORMANCE_DIR) / "workspaces";
    for (const auto &entry : fs::recursive_directory_iterator(workspaces)) {
        if (entry.path().extension() == ".xml") {
            collectFile(entry.path(), fs::relative(entry.path(), workspaces).string(), found, unreadable);
        }
    }
    ASSERT_GT(found.size(), 100u);
    int compiled = 0;
    int excused = 0;
    std::set<std::string> seenExcuses;
    for (const auto &f : found) {
        const std::string key = fs::path(f.file).filename().string() + ":" + std::to_string(f.line);
        const Origin origin{f.file, f.line, f.column + 2};
        const auto result = Program::compile(substituteNamedValues(f.expression.source),
                                             f.expression.block ? Form::Block : Form::Single, origin);
        const auto excuse = expectedFailures.find(key);
        if (result.program) {
            ++compiled;
            EXPECT_EQ(excuse, expectedFailures.end()) << key << " compiles now: take it off the list";
            continue;
        }
        if (excuse != expectedFailures.end()) {
            ++excused;
            seenExcuses.insert(key);
            continue;
        }
        ADD_FAILURE() << key << ": " << format(result.diagnostics.front()) << "\n    in: " << f.expression.source;
    }
    for (const auto &[key, reason] : expectedFailures) {
        EXPECT_TRUE(seenExcuses.count(key)) << key << " is listed but was not seen";
    }
    std::cout << "[ corpus   ] " << compiled << " / " << found.size() << " expressions compile, " << excused
              << " listed as not compiling, " << unreadable << " documents not well-formed\n";
}

} // namespace
} // namespace gw::expr::test
