// Runs every case file in cases/ (format: cases/README.md) against the fixture context.

#include "fixture.h"

#include <expr/program.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gw::expr::test {
namespace {

struct Case {
    int line = 0;
    int column = 1;
    Form form = Form::Single;
    std::string source;
    std::string expected;
};

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) {
        return {};
    }
    const auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

std::string unescape(const std::string &s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[i + 1];
            if (n == 'n') {
                out += '\n';
                ++i;
                continue;
            }
            if (n == 't') {
                out += '\t';
                ++i;
                continue;
            }
            if (n == '\\') {
                out += '\\';
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::vector<Case> readCases(const std::filesystem::path &file)
{
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    std::vector<Case> cases;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string &line = lines[i];
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#') {
            continue;
        }
        Case c;
        c.line = int(i + 1);
        if (t.rfind("@{", 0) == 0 && line.find(" ==> ") == std::string::npos) {
            // a block: up to a line that starts with "}" and carries the expectation
            const auto brace = line.find("@{");
            c.form = Form::Block;
            c.column = int(brace + 3);
            std::string source = line.substr(brace + 2);
            std::size_t j = i + 1;
            for (; j < lines.size(); ++j) {
                const std::string &l = lines[j];
                const auto arrow = l.find(" ==> ");
                if (!l.empty() && l[0] == '}' && arrow != std::string::npos) {
                    c.expected = trim(l.substr(arrow + 5));
                    break;
                }
                source += "\n" + l;
            }
            c.source = source + "\n";
            i = j;
        } else {
            const auto arrow = line.find(" ==> ");
            if (arrow == std::string::npos) {
                ADD_FAILURE() << file.filename().string() << ":" << c.line << ": no ' ==> ' in the case";
                continue;
            }
            std::string source = line.substr(0, arrow);
            if (source.rfind("@{", 0) == 0 && trim(source).back() == '}') {
                c.form = Form::Block;
                c.column = 3;
                source = source.substr(2, trim(source).size() - 3);
            }
            c.source = source;
            c.expected = trim(line.substr(arrow + 5));
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// "@L:C" at the end of an error expectation: the location the diagnostic must carry.
bool splitLocation(std::string &expected, int &line, int &column)
{
    const auto at = expected.rfind(" @");
    if (at == std::string::npos) {
        return false;
    }
    const std::string loc = expected.substr(at + 2);
    const auto colon = loc.find(':');
    if (colon == std::string::npos || loc.find_first_not_of("0123456789:") != std::string::npos) {
        return false;
    }
    line = std::stoi(loc.substr(0, colon));
    column = std::stoi(loc.substr(colon + 1));
    expected.resize(at);
    return true;
}

std::string describe(const Diagnostics &diagnostics)
{
    std::string out;
    for (const auto &d : diagnostics) {
        out += format(d) + "\n";
    }
    return out;
}

class CaseFile : public ::testing::TestWithParam<std::string> {};

TEST_P(CaseFile, Passes)
{
    const std::filesystem::path file = std::filesystem::path(GW_EXPR_CASES_DIR) / GetParam();
    const auto cases = readCases(file);
    ASSERT_FALSE(cases.empty()) << file;
    int passed = 0;
    for (const auto &c : cases) {
        const std::string where = file.filename().string() + ":" + std::to_string(c.line);
        std::string expected = c.expected;
        const Origin origin{file.filename().string(), c.line, c.column};
        auto compiled = Program::compile(c.source, c.form, origin);
        if (expected.rfind("compile error:", 0) == 0) {
            std::string message = trim(expected.substr(14));
            int line = 0;
            int column = 0;
            const bool located = splitLocation(message, line, column);
            if (compiled.program) {
                ADD_FAILURE() << where << ": compiled, expected compile error '" << message << "'";
                continue;
            }
            const auto &d = compiled.diagnostics.front();
            if (d.message.find(message) == std::string::npos) {
                ADD_FAILURE() << where << ": compile error '" << d.message << "', expected '" << message << "'";
                continue;
            }
            if (located && (d.location.line != line || d.location.column != column)) {
                ADD_FAILURE() << where << ": compile error at " << d.location.line << ":" << d.location.column
                              << ", expected " << line << ":" << column;
                continue;
            }
            ++passed;
            continue;
        }
        if (!compiled.program) {
            ADD_FAILURE() << where << ": does not compile:\n" << describe(compiled.diagnostics);
            continue;
        }
        Context context = makeContext();
        const Evaluation result = compiled.program->evaluate(context);
        if (expected.rfind("error:", 0) == 0) {
            std::string message = trim(expected.substr(6));
            int line = 0;
            int column = 0;
            const bool located = splitLocation(message, line, column);
            if (result.ok()) {
                ADD_FAILURE() << where << ": evaluated to '" << toText(result.value) << "', expected error '" << message
                              << "'";
                continue;
            }
            if (result.error->message.find(message) == std::string::npos) {
                ADD_FAILURE() << where << ": error '" << result.error->message << "', expected '" << message << "'";
                continue;
            }
            if (located && (result.error->location.line != line || result.error->location.column != column)) {
                ADD_FAILURE() << where << ": error at " << result.error->location.line << ":"
                              << result.error->location.column << ", expected " << line << ":" << column;
                continue;
            }
            ++passed;
            continue;
        }
        if (!result.ok()) {
            ADD_FAILURE() << where << ": error " << result.error->location.line << ":" << result.error->location.column
                          << ": " << result.error->message;
            continue;
        }
        // "[System.Int32] 42": the value's type name, then its text
        if (expected.size() > 2 && expected[0] == '[' &&
            (expected.rfind("[System.", 0) == 0 || expected.rfind("[Newtonsoft.", 0) == 0 ||
             expected.rfind("[I", 0) == 0 || expected.rfind("[Jwt", 0) == 0)) {
            const auto close = expected.find(']');
            const std::string type = expected.substr(1, close - 1);
            expected = trim(expected.substr(close + 1));
            if (typeName(result.value) != type) {
                ADD_FAILURE() << where << ": type " << typeName(result.value) << ", expected " << type;
                continue;
            }
        }
        std::string actual;
        if (expected == "<null>") {
            if (!isNull(result.value)) {
                ADD_FAILURE() << where << ": '" << toText(result.value) << "' (" << typeName(result.value)
                              << "), expected null";
                continue;
            }
            ++passed;
            continue;
        }
        actual = toText(result.value);
        const std::string want = expected == "<empty>" ? std::string() : unescape(expected);
        if (isNull(result.value) && !want.empty()) {
            ADD_FAILURE() << where << ": null, expected '" << want << "'";
            continue;
        }
        if (actual != want) {
            ADD_FAILURE() << where << ": '" << actual << "', expected '" << want << "'";
            continue;
        }
        ++passed;
    }
    std::printf("[ cases    ] %s: %d/%zu passed\n", GetParam().c_str(), passed, cases.size());
}

std::vector<std::string> caseFiles()
{
    std::vector<std::string> files;
    for (const auto &entry : std::filesystem::directory_iterator(GW_EXPR_CASES_DIR)) {
        if (entry.path().extension() == ".txt") {
            files.push_back(entry.path().filename().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

INSTANTIATE_TEST_SUITE_P(Cases, CaseFile, ::testing::ValuesIn(caseFiles()), [](const auto &info) {
    std::string name = info.param.substr(0, info.param.find('.'));
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
});

} // namespace
} // namespace gw::expr::test
