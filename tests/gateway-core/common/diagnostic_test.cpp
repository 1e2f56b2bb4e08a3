#include <common/diagnostic.h>
#include <common/result.h>

#include <gtest/gtest.h>

namespace gw {

TEST(Diagnostic, FormatsLikeACompiler)
{
    Diagnostic d{{"apis/a/policy.xml", 12, 5}, Severity::Error, "unknown element 'set-headr'"};
    EXPECT_EQ(format(d), "apis/a/policy.xml:12:5: error: unknown element 'set-headr'");
}

TEST(Diagnostic, LeavesOutUnknownPositions)
{
    EXPECT_EQ(format({{"policy.xml", 0, 0}, Severity::Warning, "empty"}), "policy.xml: warning: empty");
    EXPECT_EQ(format({{"a.json", 3, 0}, Severity::Note, "here"}), "a.json:3: note: here");
}

TEST(Diagnostic, LocatesOffsetsInLinesAndColumns)
{
    const std::string text = "ab\ncde\n\nf";
    EXPECT_EQ(locate("x", text, 0).line, 1);
    EXPECT_EQ(locate("x", text, 1).column, 2);
    const SourceLocation d = locate("x", text, 5); // 'e'
    EXPECT_EQ(d.line, 2);
    EXPECT_EQ(d.column, 3);
    const SourceLocation f = locate("x", text, 8);
    EXPECT_EQ(f.line, 4);
    EXPECT_EQ(f.column, 1);
    EXPECT_EQ(locate("x", text, 999).line, 4); // clamped to the end
}

TEST(Diagnostic, HasErrorsIgnoresWarnings)
{
    Diagnostics list{{{}, Severity::Warning, "w"}};
    EXPECT_FALSE(hasErrors(list));
    list.push_back({{}, Severity::Error, "e"});
    EXPECT_TRUE(hasErrors(list));
}

TEST(Result, CarriesAValueOrAnError)
{
    Result<int> good = 42;
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good.value(), 42);
    Result<int> bad = Error{"port in use"};
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "port in use");
    Result<void> done;
    EXPECT_TRUE(done.ok());
    Result<void> failed = Error{"no"};
    EXPECT_FALSE(failed.ok());
}

} // namespace gw
