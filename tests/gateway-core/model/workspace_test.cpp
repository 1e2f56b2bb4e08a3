#include <model/workspace.h>

#include <gtest/gtest.h>

namespace gw::model {

TEST(Workspace, FindsEntitiesByArmName)
{
    Workspace workspace;
    workspace.apis.push_back({.name = "orders", .displayName = "Orders"});
    workspace.apis.push_back({.name = "orders;rev=2", .displayName = "Orders", .revision = 2, .isCurrent = false});
    workspace.products.push_back({.name = "starter", .displayName = "Starter"});

    ASSERT_NE(workspace.findApi("orders;rev=2"), nullptr);
    EXPECT_EQ(workspace.findApi("orders;rev=2")->revision, 2);
    EXPECT_EQ(workspace.findApi("Orders"), nullptr) << "display names are not names";
    EXPECT_EQ(workspace.findProduct("starter")->displayName, "Starter");
    EXPECT_EQ(workspace.findProduct("gold"), nullptr);
}

} // namespace gw::model
