#include <engine/engine.h>

#include <http_client.h>

#include <gtest/gtest.h>

namespace gw::engine {

TEST(Engine, ServesTheHealthEndpointForAWorkspace)
{
    Engine engine({.workspace = GW_SAMPLE_WORKSPACE, .threads = 1});
    ASSERT_TRUE(engine.start().ok());
    EXPECT_TRUE(engine.isRunning());
    EXPECT_EQ(engine.workspace().apis.size(), 2u);
    EXPECT_TRUE(engine.diagnostics().empty());

    EXPECT_EQ(test::get(engine.port(), kHealthPath).status, 200);
    const auto unknown = test::get(engine.port(), "/nowhere");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.headers.at("content-type"), "application/json");
    EXPECT_EQ(unknown.body, R"({"statusCode": 404, "message": "Resource not found"})");

    engine.stop();
    EXPECT_FALSE(engine.isRunning());
    EXPECT_EQ(engine.port(), 0);
}

TEST(Engine, RefusesToStartWithoutAWorkspace)
{
    Engine engine({.workspace = "/nonexistent/gatehouse/workspace"});
    const auto started = engine.start();
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find("does not exist"), std::string::npos);
    EXPECT_FALSE(engine.isRunning());
}

} // namespace gw::engine
