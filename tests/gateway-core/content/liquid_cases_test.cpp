// Runs the Liquid cases in data/liquid/*.txt: each case is a template, an
// optional model (else data/liquid/model.json) and the expected output or
// parse error. Format:
//
//   === name
//   --- model            (optional: JSON)
//   --- template
//   --- expected         (the rendered text)   or   --- error   (the parse error message)
//
// Trailing newlines of a section are not part of it.
#include <content/liquid.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

struct LiquidCase {
    std::string file;
    std::string name;
    std::optional<std::string> model;
    std::string templ;
    std::optional<std::string> expected;
    std::optional<std::string> error;
};

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<LiquidCase> loadCases()
{
    std::vector<LiquidCase> cases;
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(GW_CONTENT_TEST_DATA "/liquid")) {
        if (entry.path().extension() == ".txt")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto &path : files) {
        std::istringstream in(readFile(path));
        std::string line;
        std::string *section = nullptr;
        std::string buffer;
        std::string current;
        const auto flush = [&]() {
            if (!section)
                return;
            while (!buffer.empty() && buffer.back() == '\n')
                buffer.pop_back();
            *section = buffer;
            buffer.clear();
            section = nullptr;
        };
        while (std::getline(in, line)) {
            if (line.rfind("=== ", 0) == 0) {
                flush();
                cases.push_back({path.filename().string(), line.substr(4)});
                continue;
            }
            if (line.rfind("--- ", 0) == 0 && !cases.empty()) {
                flush();
                const std::string kind = line.substr(4);
                LiquidCase &c = cases.back();
                if (kind == "model")
                    section = &c.model.emplace();
                else if (kind == "template")
                    section = &c.templ;
                else if (kind == "expected")
                    section = &c.expected.emplace();
                else if (kind == "error")
                    section = &c.error.emplace();
                else
                    ADD_FAILURE() << path << ": unknown section " << kind;
                continue;
            }
            if (section)
                buffer += line + "\n";
        }
        flush();
    }
    return cases;
}

TEST(LiquidCases, AllFilesPass)
{
    const nlohmann::ordered_json defaultModel =
        nlohmann::ordered_json::parse(readFile(GW_CONTENT_TEST_DATA "/liquid/model.json"));
    const std::vector<LiquidCase> cases = loadCases();
    ASSERT_GT(cases.size(), 100u);
    for (const LiquidCase &c : cases) {
        SCOPED_TRACE(c.file + ": " + c.name);
        if (c.expected.has_value() == c.error.has_value()) {
            ADD_FAILURE() << "a case needs exactly one of expected/error";
            continue;
        }
        const auto parsed = gw::content::LiquidTemplate::parse(c.templ);
        if (c.error) {
            EXPECT_FALSE(parsed.ok());
            if (!parsed.ok()) {
                EXPECT_EQ(parsed.error().message, *c.error);
            }
            continue;
        }
        if (!parsed.ok()) {
            ADD_FAILURE() << parsed.error().message;
            continue;
        }
        const nlohmann::ordered_json model = c.model ? nlohmann::ordered_json::parse(*c.model) : defaultModel;
        EXPECT_EQ(parsed->render(model), *c.expected);
    }
}

} // namespace
