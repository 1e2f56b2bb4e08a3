#include <policy/expression_scanner.h>

#include <gtest/gtest.h>

#include <string>

namespace {

using gw::policy::scanExpression;

// The expression starts at the first '@'; returns what it spans.
std::string spanned(const std::string &text)
{
    const std::size_t at = text.find('@');
    const auto scan = scanExpression(text, at);
    EXPECT_TRUE(scan.ok()) << scan.error << " in " << text;
    return scan.ok() ? text.substr(at, scan.end - at) : std::string();
}

TEST(ExpressionScanner, BalancesNestedParentheses)
{
    EXPECT_EQ(spanned(R"(@(a(b(c))(d)) tail)"), "@(a(b(c))(d))");
    EXPECT_EQ(spanned(R"(@{ if (x) { return [1]; } return 2; }" rest)"), R"(@{ if (x) { return [1]; } return 2; })");
}

TEST(ExpressionScanner, SkipsStringsHoldingBrackets)
{
    EXPECT_EQ(spanned(R"~(@(x.Replace(")", "}")))~"), R"~(@(x.Replace(")", "}")))~");
    EXPECT_EQ(spanned(R"(@("a\")b"))"), R"(@("a\")b"))");
    EXPECT_EQ(spanned(R"~(@{ return @"c:\"")"; })~"), R"~(@{ return @"c:\"")"; })~");
    EXPECT_EQ(spanned("@(x.Replace(&quot;)&quot;, &quot;}&quot;)) tail"), "@(x.Replace(&quot;)&quot;, &quot;}&quot;))");
}

TEST(ExpressionScanner, InterpolatedStringsNest)
{
    EXPECT_EQ(spanned(R"~(@($"{a.Get("}")}-{{x}}-{(b ? "(" : ")")}") after)~"),
              R"~(@($"{a.Get("}")}-{{x}}-{(b ? "(" : ")")}"))~");
    EXPECT_EQ(spanned(R"(@($@"x""{y}""){{"))"), R"(@($@"x""{y}""){{"))");
    EXPECT_EQ(spanned(R"(@($"{$"{(1)}"}"))"), R"(@($"{$"{(1)}"}"))");
}

TEST(ExpressionScanner, CharLiteralsAndComments)
{
    EXPECT_EQ(spanned(R"(@(s.Split(')', '\'', '(', '\u0029')))"), R"(@(s.Split(')', '\'', '(', '\u0029')))");
    EXPECT_EQ(spanned("@{ // a ) comment }\n return 1; /* } ) */ }x"), "@{ // a ) comment }\n return 1; /* } ) */ }");
}

TEST(ExpressionScanner, GenericsAndOperatorsAreJustText)
{
    EXPECT_EQ(spanned(R"(@(b.As<JObject>(preserveContent: true)["a"] != null && x < 3 || y > 2))"),
              R"(@(b.As<JObject>(preserveContent: true)["a"] != null && x < 3 || y > 2))");
}

TEST(ExpressionScanner, ReportsUnbalancedAndUnterminated)
{
    auto scan = scanExpression("@(a(b)", 0);
    EXPECT_FALSE(scan.ok());
    EXPECT_EQ(scan.errorOffset, 0u);

    scan = scanExpression("xx@(\"abc)", 2);
    EXPECT_FALSE(scan.ok());
    EXPECT_EQ(scan.errorOffset, 4u);
    EXPECT_NE(scan.error.find("unterminated string"), std::string::npos);

    scan = scanExpression("@(a]", 0);
    EXPECT_FALSE(scan.ok());
    EXPECT_EQ(scan.errorOffset, 3u);

    scan = scanExpression("@{ /* never closed }", 0);
    EXPECT_FALSE(scan.ok());
    EXPECT_NE(scan.error.find("comment"), std::string::npos);

    scan = scanExpression("@(x == 'ab)", 0);
    EXPECT_FALSE(scan.ok());

    scan = scanExpression("@($\"{x\")", 0);
    EXPECT_FALSE(scan.ok());
}

TEST(ExpressionScanner, DeepNestingIsReportedNotFollowed)
{
    const std::string text = "@" + std::string(100000, '(');
    const auto scan = scanExpression(text, 0);
    EXPECT_FALSE(scan.ok());
    EXPECT_NE(scan.error.find("nested too deeply"), std::string::npos);
}

} // namespace
