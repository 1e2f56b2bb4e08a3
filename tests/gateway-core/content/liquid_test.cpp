// The LiquidTemplate contract beyond the data-driven cases: error positions as
// numbers, limits on hostile templates, sharing across threads, XML models.
#include <content/liquid.h>

#include <gtest/gtest.h>

#include <thread>

namespace {

using gw::content::LiquidError;
using gw::content::LiquidTemplate;
using Json = nlohmann::ordered_json;

std::string renderText(std::string_view text, const Json &model)
{
    auto parsed = LiquidTemplate::parse(text);
    EXPECT_TRUE(parsed.ok()) << parsed.error().message;
    return parsed.ok() ? parsed->render(model) : std::string();
}

TEST(Liquid, ErrorPositionAsNumbers)
{
    LiquidError where;
    const auto parsed = LiquidTemplate::parse("ab\ncd {% for x in y %}\n", &where);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(where.offset, 6u);
    EXPECT_EQ(where.line, 2);
    EXPECT_EQ(where.column, 4);
    EXPECT_EQ(where.message, "'for' is not closed with {% endfor %}");
    EXPECT_EQ(parsed.error().message, "line 2, column 4: 'for' is not closed with {% endfor %}");
}

TEST(Liquid, EmptyTemplateRendersNothing)
{
    EXPECT_EQ(renderText("", Json::object()), "");
}

TEST(Liquid, TemplateIsReusableAndCopyable)
{
    auto parsed = LiquidTemplate::parse("{{ a }}-{% assign a = 'x' %}{{ a }}");
    ASSERT_TRUE(parsed.ok());
    const LiquidTemplate copy = parsed.value();
    EXPECT_EQ(copy.render({{"a", 1}}), "1-x");
    // Assignments do not leak from one render into the next.
    EXPECT_EQ(copy.render({{"a", 2}}), "2-x");
    EXPECT_EQ(parsed->render({{"a", 3}}), "3-x");
}

TEST(Liquid, RendersConcurrently)
{
    auto parsed = LiquidTemplate::parse("{% for i in items %}{{ i | Times: k }},{% endfor %}");
    ASSERT_TRUE(parsed.ok());
    const LiquidTemplate &t = parsed.value();
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (int n = 0; n < 8; ++n) {
        threads.emplace_back([&, n] {
            const Json model = {{"items", {1, 2, 3}}, {"k", n}};
            const std::string expected =
                std::to_string(n) + "," + std::to_string(2 * n) + "," + std::to_string(3 * n) + ",";
            for (int i = 0; i < 2000; ++i)
                failures[static_cast<std::size_t>(n)] += t.render(model) != expected;
        });
    }
    for (auto &thread : threads)
        thread.join();
    for (int f : failures)
        EXPECT_EQ(f, 0);
}

TEST(Liquid, DeeplyNestedTagsAreAParseError)
{
    std::string text;
    for (int i = 0; i < 100000; ++i)
        text += "{% if true %}";
    LiquidError where;
    const auto parsed = LiquidTemplate::parse(text, &where);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(where.message, "tags are nested too deeply");
}

TEST(Liquid, DeeplyNestedExpressionsAreAParseError)
{
    std::string text = "{{ a";
    for (int i = 0; i < 100000; ++i)
        text += "[a";
    text += " }}";
    const auto parsed = LiquidTemplate::parse(text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().message.find("nested too deeply"), std::string::npos);
}

TEST(Liquid, NestingJustUnderTheLimitWorks)
{
    std::string text;
    for (int i = 0; i < 50; ++i)
        text += "{% if true %}";
    text += "x";
    for (int i = 0; i < 50; ++i)
        text += "{% endif %}";
    EXPECT_EQ(renderText(text, Json::object()), "x");
}

TEST(Liquid, RunawayLoopsStopWithAnError)
{
    const std::string out = renderText("{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..10) %}"
                                       "{% endfor %}{% endfor %}{% endfor %}done",
                                       Json::object());
    EXPECT_EQ(out, "Liquid error: more than 1000000 loop iterations");
    EXPECT_EQ(renderText("{% for i in (1..100000000000) %}x{% endfor %}", Json::object()),
              "Liquid error: the range is longer than 1000000");
}

TEST(Liquid, DeeplyNestedModelDoesNotOverflowTheStack)
{
    // A model from elsewhere may be deeper than the library's parsers allow: output stays bounded.
    const std::string text = "{\"body\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
    const Json model = Json::parse(text);
    EXPECT_EQ(renderText("[{{ body }}]{{ body.size }}", model), "[]1");
}

TEST(Liquid, JsonBodyModel)
{
    const auto model = gw::content::jsonToLiquidModel(R"({"a": [1, {"b": "c"}]})");
    ASSERT_TRUE(model.ok());
    EXPECT_EQ(renderText("{{ body.a[1].b }}", {{"body", model.value()}}), "c");
    EXPECT_FALSE(gw::content::jsonToLiquidModel("{").ok());
    const auto deep = gw::content::jsonToLiquidModel(std::string(100000, '[') + std::string(100000, ']'));
    ASSERT_FALSE(deep.ok());
    EXPECT_NE(deep.error().message.find("nested deeper than 512"), std::string::npos);
}

TEST(Liquid, UnknownVariablesAndPropertiesAreEmpty)
{
    const Json model = {{"a", {{"b", 1}}}, {"s", "text"}, {"n", 5}};
    EXPECT_EQ(renderText("[{{ x.y.z }}][{{ a.c }}][{{ s.b }}][{{ n.b }}][{{ a[5] }}][{{ s[0] }}]", model),
              "[][][][][][]");
}

TEST(Liquid, XmlBodyModel)
{
    const auto model = gw::content::xmlToLiquidModel(
        R"(<?xml version="1.0"?><order id="7" xmlns:p="urn:p"><p:customer>Ann</p:customer>)"
        R"(<line><sku>A</sku></line><line><sku>B</sku></line><empty/></order>)");
    ASSERT_TRUE(model.ok()) << model.error().message;
    const Json root = {{"body", model.value()}};
    EXPECT_EQ(renderText("{{ body.order.customer }}", root), "Ann");
    EXPECT_EQ(renderText("{{ body.order['@id'] }} {{ body.order.line.size }} "
                         "{% for l in body.order.line %}{{ l.sku }}{% endfor %} [{{ body.order.empty }}]",
                         root),
              "7 2 AB []");
}

TEST(Liquid, XmlBodyModelRejectsMalformedXml)
{
    EXPECT_FALSE(gw::content::xmlToLiquidModel("<a><b></a>").ok());
    EXPECT_FALSE(gw::content::xmlToLiquidModel("").ok());
}

} // namespace
