#include <store/workspace_reader.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace fs = std::filesystem;

namespace gw::store {

namespace {

class TempFolder {
public:
    TempFolder()
    {
        std::string pattern = (fs::temp_directory_path() / "gw-store-XXXXXX").string();
        m_path = ::mkdtemp(pattern.data());
    }
    ~TempFolder() { fs::remove_all(m_path); }
    const fs::path &path() const { return m_path; }
    void write(const std::string &relative, const std::string &text) const
    {
        fs::create_directories((m_path / relative).parent_path());
        std::ofstream(m_path / relative, std::ios::binary) << text;
    }

private:
    fs::path m_path;
};

} // namespace

TEST(WorkspaceReader, ReadsTheBundledSample)
{
    const LoadedWorkspace loaded = readWorkspace(GW_SAMPLE_WORKSPACE);
    EXPECT_TRUE(loaded.diagnostics.empty()) << format(loaded.diagnostics.front());
    const model::Workspace &ws = loaded.workspace;
    EXPECT_TRUE(ws.hasServicePolicy);
    ASSERT_EQ(ws.apis.size(), 2u);
    const model::Api *conference = ws.findApi("conference-api");
    ASSERT_NE(conference, nullptr);
    EXPECT_EQ(conference->path, "conference");
    EXPECT_EQ(conference->version, "v1");
    EXPECT_EQ(conference->versionSetId, "/apiVersionSets/conference");
    EXPECT_EQ(conference->operations.size(), 4u);
    const auto getSession = std::find_if(conference->operations.begin(), conference->operations.end(),
                                         [](const model::Operation &op) { return op.name == "get-session"; });
    ASSERT_NE(getSession, conference->operations.end());
    EXPECT_EQ(getSession->method, "GET");
    EXPECT_EQ(getSession->urlTemplate, "/sessions/{id}");
    ASSERT_NE(ws.findProduct("starter"), nullptr);
    EXPECT_EQ(ws.findProduct("starter")->apis, (std::vector<std::string>{"conference-api", "petstore-api"}));
    EXPECT_EQ(ws.subscriptions.size(), 2u);
    EXPECT_EQ(ws.namedValues.size(), 2u);
    EXPECT_EQ(ws.policyFragments.size(), 1u);
    EXPECT_EQ(ws.versionSets.at(0).versioningScheme, "Segment");
}

// The folder APIOps' own extractor wrote: spaces and ';rev=' in folder names.
TEST(WorkspaceReader, ReadsAnExtractedApiopsFolder)
{
    const fs::path folder = fs::path(GW_SOURCE_DIR) / "../shared/samples/apiops-example/v7";
    if (!fs::exists(folder))
        GTEST_SKIP() << "no shared samples beside the project";
    const LoadedWorkspace loaded = readWorkspace(folder); // the repository folder, not the root
    EXPECT_EQ(loaded.root.filename(), "apimartifacts");
    const model::Api *revision = loaded.workspace.findApi("revisioned-api;rev=2");
    ASSERT_NE(revision, nullptr);
    EXPECT_EQ(revision->revision, 2);
    EXPECT_FALSE(revision->isCurrent);
    EXPECT_GE(loaded.workspace.namedValues.size(), 4u);
}

TEST(WorkspaceReader, ReportsBadFilesWithPositionAndKeepsGoing)
{
    TempFolder folder;
    folder.write("apis/broken/apiInformation.json", "{\n  \"properties\": {\n    \"path\": orders\n  }\n}\n");
    folder.write("apis/good/apiInformation.json", R"({"properties": {"path": "good", "apiRevision": "1"}})");
    folder.write("apis/bad-revision/apiInformation.json", R"({"properties": {"path": "x", "apiRevision": "one"}})");

    const LoadedWorkspace loaded = readWorkspace(folder.path());
    ASSERT_EQ(loaded.diagnostics.size(), 2u);
    const Diagnostic &json = loaded.diagnostics[1]; // folders are read in name order: bad-revision, broken, good
    EXPECT_EQ(json.location.file, "apis/broken/apiInformation.json");
    EXPECT_EQ(json.location.line, 3);
    EXPECT_EQ(json.location.column, 13);
    EXPECT_NE(loaded.diagnostics[0].message.find("apiRevision"), std::string::npos);
    EXPECT_NE(loaded.workspace.findApi("good"), nullptr) << "one bad file does not stop the load";
}

TEST(WorkspaceReader, ReportsASpecificationThatIsNotYaml)
{
    TempFolder folder;
    folder.write("apis/a/apiInformation.json", R"({"properties": {"path": "a", "apiRevision": "1"}})");
    folder.write("apis/a/specification.yaml", "openapi: 3.0.1\npaths:\n  /x: [unclosed\n");
    const LoadedWorkspace loaded = readWorkspace(folder.path());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].location.file, "apis/a/specification.yaml");
    EXPECT_GT(loaded.diagnostics[0].location.line, 0);
}

TEST(WorkspaceReader, RefusesAFolderThatIsNoWorkspace)
{
    TempFolder folder;
    folder.write("notes.txt", "hello");
    LoadedWorkspace loaded = readWorkspace(folder.path());
    EXPECT_TRUE(loaded.root.empty());
    ASSERT_FALSE(loaded.diagnostics.empty());
    EXPECT_TRUE(hasErrors(loaded.diagnostics));

    loaded = readWorkspace(folder.path() / "missing");
    EXPECT_TRUE(loaded.root.empty());
    EXPECT_NE(loaded.diagnostics.at(0).message.find("does not exist"), std::string::npos);
}

} // namespace gw::store
