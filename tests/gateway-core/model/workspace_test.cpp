#include <model/workspace.h>

#include <gtest/gtest.h>

namespace gw::model {

TEST(Workspace, FindsEntitiesByArmNameAndNamedValuesByDisplayName)
{
    Workspace workspace;
    workspace.apis.push_back({.name = "orders", .displayName = "Orders"});
    workspace.apis.push_back({.name = "orders;rev=2", .apiRevision = "2", .displayName = "Orders"});
    workspace.products.push_back({.name = "starter", .displayName = "Starter"});
    workspace.namedValues.push_back({.name = "64f1c0ffee", .displayName = "backend-key"});

    ASSERT_NE(workspace.findApi("orders;rev=2"), nullptr);
    EXPECT_EQ(workspace.findApi("orders;rev=2")->revision(), 2);
    EXPECT_EQ(workspace.findApi("Orders"), nullptr) << "display names are not names";
    EXPECT_EQ(workspace.findProduct("starter")->displayName, "Starter");
    EXPECT_EQ(workspace.findProduct("gold"), nullptr);
    EXPECT_EQ(workspace.findNamedValueByDisplayName("backend-key")->name, "64f1c0ffee");
}

TEST(Api, RevisionsAndKeyNames)
{
    Api api{.name = "orders;rev=12", .apiRevision = "12"};
    EXPECT_TRUE(api.isRevisionFolder());
    EXPECT_EQ(api.rootName(), "orders");
    EXPECT_EQ(api.revision(), 12);
    for (const char *bad : {"", "0", "-1", "1.5", "one", " 1", "99999999999"}) {
        api.apiRevision = bad;
        EXPECT_FALSE(api.revision().has_value()) << bad;
    }
    EXPECT_EQ(api.headerName(), "Ocp-Apim-Subscription-Key");
    EXPECT_EQ(api.queryName(), "subscription-key");
    api.subscriptionKeyHeader = "X-Key";
    EXPECT_EQ(api.headerName(), "X-Key");
}

TEST(References, ResolveRelativeAndAbsoluteIdsByTheirLastSegments)
{
    const std::string absolute =
        "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/apiVersionSets/orders";
    EXPECT_TRUE(refersTo("/apiVersionSets/orders", "apiVersionSets", "orders"));
    EXPECT_TRUE(refersTo(absolute, "apiVersionSets", "orders"));
    EXPECT_TRUE(refersTo("/apiVersionSets/Orders", "apiVersionSets", "orders")) << "ARM names ignore case";
    EXPECT_FALSE(refersTo("/apiVersionSets/orders-v2", "apiVersionSets", "orders"));
    EXPECT_FALSE(refersTo("/apiVersionSets/xorders", "apiVersionSets", "orders"));
    EXPECT_FALSE(refersTo("/loggers/orders", "apiVersionSets", "orders"));
    EXPECT_EQ(lastSegment(absolute), "orders");
    EXPECT_EQ(lastSegment("plain"), "plain");
}

} // namespace gw::model
