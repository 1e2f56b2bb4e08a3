// Loading and saving the real folders we have: APIOps' own samples (v7 and the
// older v5/v6 shapes), the bundled sample, and the conformance kit's workspaces.

#include "store_fixture.h"

#include <model/workspace.h>

namespace gw::store::test {

namespace {

std::vector<fs::path> realFolders()
{
    std::vector<fs::path> folders = {fs::path(GW_SAMPLE_WORKSPACE)};
    if (fs::exists(kShared / "samples/apiops-example/v7")) {
        folders.push_back(kShared / "samples/apiops-example/v7");
        for (const auto &entry : fs::directory_iterator(kShared / "conformance/workspaces"))
            folders.push_back(entry.path());
    }
    return folders;
}

} // namespace

TEST(RoundTrip, RealFoldersLoadWithoutErrorsAndSaveByteForByte)
{
    for (const fs::path &folder : realFolders()) {
        SCOPED_TRACE(folder.string());
        const LoadedWorkspace loaded = readWorkspace(folder);
        ASSERT_FALSE(loaded.root.empty());
        EXPECT_EQ(errorsOf(loaded.diagnostics), "");

        TempFolder copy;
        const SaveReport report = saveWorkspaceAs(loaded, loaded.workspace, copy / "out");
        EXPECT_TRUE(report.ok());
        EXPECT_TRUE(report.written.empty()) << report.written.front();
        EXPECT_EQ(readTree(copy / "out"), readTree(loaded.root));

        // In place: nothing is written at all.
        LoadedWorkspace inPlace = readWorkspace(copy / "out");
        const auto before = fs::last_write_time(inPlace.root / "apis");
        const SaveReport again = saveWorkspace(inPlace, model::Workspace(inPlace.workspace));
        EXPECT_TRUE(again.written.empty());
        EXPECT_TRUE(again.removed.empty());
        EXPECT_EQ(fs::last_write_time(inPlace.root / "apis"), before);
    }
}

TEST(RoundTrip, TheApiopsSampleHasEveryKindItShows)
{
    if (!fs::exists(kShared / "samples"))
        GTEST_SKIP() << "no shared samples beside the project";
    const LoadedWorkspace loaded = readWorkspace(kShared / "samples/apiops-example/v7");
    const model::Workspace &ws = loaded.workspace;
    EXPECT_EQ(loaded.root.filename(), "apimartifacts") << "a repository folder opens its artifacts root";
    EXPECT_TRUE(ws.policy.has_value());

    const model::Api *revision = ws.findApi("revisioned-api;rev=2");
    ASSERT_NE(revision, nullptr);
    EXPECT_EQ(revision->revision(), 2);
    EXPECT_EQ(revision->rootName(), "revisioned-api");
    ASSERT_EQ(revision->operationPolicies.size(), 1u);
    EXPECT_EQ(revision->operationPolicies[0].operation, "get-revision-v2");

    const model::Api *v2 = ws.findApi("versioned-api-v2");
    ASSERT_NE(v2, nullptr);
    EXPECT_EQ(v2->specificationFormat, "json");
    ASSERT_TRUE(v2->apiVersionSetId);
    EXPECT_TRUE(model::refersTo(*v2->apiVersionSetId, "apiVersionSets", "versionSet1"));
    EXPECT_NE(ws.findVersionSet("versionSet1"), nullptr);

    const model::Api *basic = ws.findApi("basic-api");
    ASSERT_NE(basic, nullptr);
    EXPECT_FALSE(basic->contract.operations.empty());
    ASSERT_EQ(basic->diagnostics.size(), 1u);
    EXPECT_EQ(basic->diagnostics[0].name, "azuremonitor");
    EXPECT_EQ(ws.findApi("wadl-api")->specificationFormat, "wadl");
    EXPECT_FALSE(ws.findApi("soap-api")->specificationFormat.has_value());

    const model::Product *product1 = ws.findProduct("product1");
    ASSERT_NE(product1, nullptr);
    EXPECT_EQ(product1->apis.size(), 3u);
    EXPECT_TRUE(product1->policy.has_value());
    EXPECT_EQ(ws.tags.size(), 2u);
    EXPECT_EQ(ws.policyFragments.size(), 2u);
    EXPECT_EQ(ws.namedValues.size(), 4u);
    EXPECT_EQ(ws.backends.size(), 2u);
    EXPECT_EQ(ws.loggers.size(), 1u);
    EXPECT_EQ(ws.diagnostics.size(), 1u);
    EXPECT_EQ(ws.subscriptions.size(), 2u);
}

TEST(RoundTrip, LegacyFoldersImportAndUpgradeToV7)
{
    const fs::path legacy = kShared / "samples/apiops-example/legacy-v5-v6";
    if (!fs::exists(legacy))
        GTEST_SKIP() << "no shared samples beside the project";
    const LoadedWorkspace loaded = readWorkspace(legacy);
    ASSERT_FALSE(loaded.root.empty());
    EXPECT_TRUE(loaded.isLegacyLayout());

    // The sample's README predicts what is wrong with it: it is "a collection of
    // shapes, not a consistent instance", so some references dangle (warnings) and
    // the revision folder testapi;rev=2 came without its root API (an error).
    for (const auto &d : loaded.diagnostics) {
        if (d.severity == Severity::Error) {
            EXPECT_EQ(format(d), "apis/testapi;rev=2/apiInformation.json: error: revision folder 'testapi;rev=2' "
                                 "has no root API folder 'apis/testapi'");
        }
    }

    const model::Product *starter = loaded.workspace.findProduct("starter");
    ASSERT_NE(starter, nullptr);
    ASSERT_EQ(starter->apis.size(), 1u);
    EXPECT_EQ(starter->apis[0].target, "myversionedapi-v2");
    EXPECT_EQ(starter->groups.size(), 4u) << "v5 groups.json, built-in groups included";
    bool tagged = false;
    for (const auto &tag : loaded.workspace.tags)
        tagged = tagged || (tag.name == "booking" && !tag.apis.empty() && tag.apis[0].target == "demo-conference-api");
    EXPECT_TRUE(tagged) << "v6 apis/<api>/tags/<t>/apiTagInformation.json";

    // Unchanged and not upgraded: byte for byte.
    TempFolder copy;
    EXPECT_TRUE(saveWorkspaceAs(loaded, loaded.workspace, copy / "same").written.empty());
    EXPECT_EQ(readTree(copy / "same"), readTree(loaded.root));

    // Upgraded: the v7 link files replace the old ones.
    const SaveReport report = saveWorkspaceAs(loaded, loaded.workspace, copy / "v7", {.upgradeLayout = true});
    ASSERT_TRUE(report.ok());
    const auto tree = readTree(copy / "v7");
    EXPECT_FALSE(tree.count("products/starter/apis.json"));
    EXPECT_FALSE(tree.count("products/starter/groups.json"));
    EXPECT_FALSE(tree.count("apis/demo-conference-api/tags/booking/apiTagInformation.json"));
    EXPECT_EQ(tree.at("products/starter/apis/myversionedapi-v2/productApiInformation.json"), "{}");
    EXPECT_EQ(tree.at("products/starter/groups/test/productGroupInformation.json"),
              "{\n  \"name\": \"test\",\n  \"properties\": {\n    \"groupId\": \"/groups/test\"\n  }\n}");
    EXPECT_TRUE(tree.count("tags/booking/apis/demo-conference-api/tagApiInformation.json"));

    // The upgraded folder reads back to the same links, with no legacy file left.
    const LoadedWorkspace upgraded = readWorkspace(copy / "v7");
    EXPECT_FALSE(upgraded.isLegacyLayout());
    EXPECT_EQ(upgraded.workspace.findProduct("starter")->groups.size(), 4u);
}

} // namespace gw::store::test
