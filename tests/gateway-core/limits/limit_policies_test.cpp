// Compile-time checks of rate-limit, rate-limit-by-key, quota, quota-by-key and limit-concurrency: each mistake is
// an error with its location, never a crash or a silent default.
#include <policy/compiler.h>

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace gw::policy;

gw::Diagnostics check(const std::string &inbound, DocumentKind kind = DocumentKind::Operation)
{
    const std::string text = "<policies>\n<inbound>\n" + inbound + "\n</inbound>\n</policies>";
    ParseResult parsed = parseDocument(text, "policy.xml");
    if (!parsed.document)
        return parsed.diagnostics;
    return checkPolicyDocument(*parsed.document, kind);
}

std::string bySeverity(const gw::Diagnostics &diagnostics, gw::Severity severity)
{
    std::string out;
    for (const auto &d : diagnostics) {
        if (d.severity == severity)
            out += gw::format(d) + "\n";
    }
    return out;
}

std::string errors(const gw::Diagnostics &diagnostics)
{
    return bySeverity(diagnostics, gw::Severity::Error);
}

TEST(LimitPolicies, ValidDocumentsCompileClean)
{
    EXPECT_EQ(errors(check(R"~(<rate-limit calls="20" renewal-period="90" remaining-calls-header-name="X-Left">
        <api name="orders" calls="10" renewal-period="60"><operation id="get" calls="5" renewal-period="60" /></api>
      </rate-limit>)~")),
              "");
    EXPECT_EQ(
        errors(check(R"~(<rate-limit-by-key calls="@(10)" renewal-period="60" counter-key="@(context.Request.IpAddress)"
        increment-condition="@(context.Response.StatusCode == 200)" increment-count="2" />)~",
                     DocumentKind::Global)),
        "");
    EXPECT_EQ(errors(check(R"~(<quota calls="100" bandwidth="4000" renewal-period="0">
        <api id="orders" bandwidth="10" renewal-period="3600" /></quota>)~",
                           DocumentKind::Product)),
              "");
    EXPECT_EQ(errors(check(R"~(<quota-by-key calls="10" renewal-period="3600" counter-key="k"
        first-period-start="2024-03-01T06:00:00Z" />)~")),
              "");
    EXPECT_EQ(errors(check(R"~(<limit-concurrency key="@(context.Request.IpAddress)" max-count="3">
        <set-header name="X-A" exists-action="override"><value>1</value></set-header></limit-concurrency>)~")),
              "");
}

TEST(LimitPolicies, RateLimitIsNotAllowedInTheGlobalPolicy)
{
    const auto text = errors(check(R"~(<rate-limit calls="2" renewal-period="60" />)~", DocumentKind::Global));
    EXPECT_NE(text.find("policy.xml:3:1: error: 'rate-limit' is not allowed in the global policy"), std::string::npos)
        << text;
}

TEST(LimitPolicies, RenewalPeriodOfRateLimitsIsAtMost300Seconds)
{
    EXPECT_NE(errors(check(R"~(<rate-limit calls="2" renewal-period="301" />)~")).find("at most 300"),
              std::string::npos);
    EXPECT_NE(
        errors(check(R"~(<rate-limit-by-key calls="2" renewal-period="600" counter-key="k" />)~")).find("at most 300"),
        std::string::npos);
}

TEST(LimitPolicies, LiteralOnlyAttributesRefuseExpressions)
{
    EXPECT_NE(
        errors(check(R"~(<rate-limit calls="@(2)" renewal-period="60" />)~")).find("does not take a policy expression"),
        std::string::npos);
    EXPECT_NE(errors(check(R"~(<limit-concurrency key="k" max-count="@(2)"><base /></limit-concurrency>)~"))
                  .find("expression"),
              std::string::npos);
}

TEST(LimitPolicies, ApiAndOperationChildrenAreChecked)
{
    const auto noName = errors(
        check(R"~(<rate-limit calls="2" renewal-period="60"><api calls="1" renewal-period="60" /></rate-limit>)~"));
    EXPECT_NE(noName.find("<api> needs the attribute 'name' or 'id'"), std::string::npos) << noName;
    const auto unknown = errors(check(
        R"~(<rate-limit calls="2" renewal-period="60"><api name="a" calls="1" renewal-period="60" bandwidth="3" /></rate-limit>)~"));
    EXPECT_NE(unknown.find("<api> has no attribute 'bandwidth'"), std::string::npos) << unknown;
    const auto expression = errors(check(
        R"~(<rate-limit calls="2" renewal-period="60"><api name="a" calls="1" renewal-period="60"><operation name="o" calls="@(1)" renewal-period="60" /></api></rate-limit>)~"));
    EXPECT_NE(expression.find("does not take a policy expression"), std::string::npos) << expression;
    const auto notANumber = errors(
        check(R"~(<quota calls="2" renewal-period="60"><api name="a" calls="many" renewal-period="60" /></quota>)~",
              DocumentKind::Product));
    EXPECT_NE(notANumber.find("must be a whole number, not 'many'"), std::string::npos) << notANumber;
    const auto wrongChild =
        errors(check(R"~(<rate-limit calls="2" renewal-period="60"><product name="p" /></rate-limit>)~"));
    EXPECT_NE(wrongChild.find("has no child element 'product'"), std::string::npos) << wrongChild;
}

TEST(LimitPolicies, QuotaNeedsCallsOrBandwidth)
{
    EXPECT_NE(
        errors(check(R"~(<quota renewal-period="60" />)~", DocumentKind::Product)).find("needs 'calls' or 'bandwidth'"),
        std::string::npos);
    EXPECT_NE(
        errors(check(R"~(<quota-by-key renewal-period="60" counter-key="k" />)~")).find("needs 'calls' or 'bandwidth'"),
        std::string::npos);
}

TEST(LimitPolicies, QuotaOutsideProductsIsAWarning)
{
    const auto diagnostics = check(R"~(<quota calls="2" renewal-period="60" />)~", DocumentKind::Api);
    EXPECT_EQ(errors(diagnostics), "");
    EXPECT_NE(bySeverity(diagnostics, gw::Severity::Warning).find("product policies only"), std::string::npos);
}

TEST(LimitPolicies, FirstPeriodStartMustBeAnIsoTime)
{
    const auto text = errors(
        check(R"~(<quota-by-key calls="1" renewal-period="60" counter-key="k" first-period-start="yesterday" />)~"));
    EXPECT_NE(text.find("policy.xml:3:81: error: first-period-start must be an ISO 8601 UTC time"), std::string::npos)
        << text;
}

TEST(LimitPolicies, MaxCountMustBePositive)
{
    const auto text = errors(check(R"~(<limit-concurrency key="k" max-count="0"><base /></limit-concurrency>)~"));
    EXPECT_NE(text.find("max-count must be a whole number of at least 1"), std::string::npos) << text;
}

TEST(LimitPolicies, RequiredAttributes)
{
    EXPECT_NE(errors(check(R"~(<rate-limit-by-key calls="1" renewal-period="60" />)~"))
                  .find("needs the attribute 'counter-key'"),
              std::string::npos);
    EXPECT_NE(errors(check(R"~(<limit-concurrency max-count="1"><base /></limit-concurrency>)~"))
                  .find("needs the attribute 'key'"),
              std::string::npos);
}

} // namespace
