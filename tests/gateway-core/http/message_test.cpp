#include <http/message.h>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace gw::http {

TEST(ErrorResponse, IsApimsJsonShapeWhateverTheMessage)
{
    const std::string message = "Body of the request does not conform to the definition.\n\n\"id\" \\ missing\t\x01";
    const Response response = errorResponse(400, message);
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.headers.get("Content-Type"), "application/json");
    const auto body = nlohmann::json::parse(response.body); // throws when the escaping is wrong
    EXPECT_EQ(body["statusCode"], 400);
    EXPECT_EQ(body["message"], message);
    EXPECT_EQ(errorResponse(404, "Resource not found").body, R"({"statusCode": 404, "message": "Resource not found"})");
}

} // namespace gw::http
