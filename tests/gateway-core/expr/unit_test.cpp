// Behaviour that the case files cannot show: body consumption, diagnostics of compile(), sharing one Program
// between threads, budgets, the value contract.

#include "fixture.h"

#include <expr/lexer.h>
#include <expr/program.h>

#include <gtest/gtest.h>

#include <thread>

namespace gw::expr::test {
namespace {

Program compileOk(std::string_view source, Form form = Form::Single)
{
    auto result = Program::compile(source, form, Origin{"policy.xml", 3, 20});
    if (!result.program) {
        ADD_FAILURE() << source << ": " << (result.diagnostics.empty() ? "" : format(result.diagnostics[0]));
        return Program::compile("null", Form::Single, Origin{}).program.value();
    }
    return *result.program;
}

// APIM hands the body to the expression: read without preserveContent, the backend gets none.
TEST(ExprBody, ReadingWithoutPreserveContentConsumesTheBody)
{
    Context context = makeContext();
    const Program program = compileOk("context.Request.Body.As<JObject>()[\"name\"].ToString()");
    const Evaluation first = program.evaluate(context);
    ASSERT_TRUE(first.ok()) << first.error->message;
    EXPECT_EQ(toText(first.value), "Widget");
    ASSERT_TRUE(context.request.body.has_value());
    EXPECT_EQ(*context.request.body, "");
}

TEST(ExprBody, PreserveContentKeepsTheBody)
{
    Context context = makeContext();
    const std::string before = *context.request.body;
    const Program program = compileOk("context.Request.Body.As<string>(preserveContent: true)");
    const Evaluation result = program.evaluate(context);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(toText(result.value), before);
    EXPECT_EQ(*context.request.body, before);
}

TEST(ExprBody, MissingBodyIsNull)
{
    Context context = makeContext();
    context.request.body.reset();
    const Evaluation result = compileOk("context.Request.Body == null").evaluate(context);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(toText(result.value), "True");
    const Evaluation error = compileOk("context.Request.Body.As<string>()").evaluate(context);
    ASSERT_FALSE(error.ok());
    EXPECT_EQ(error.error->message, "Object reference not set to an instance of an object.");
}

// context.User is the subscription's owner: present when the subscription names one.
TEST(ExprContext, UserIsTheSubscriptionsOwner)
{
    Context context = makeContext();
    EXPECT_EQ(toText(compileOk("context.User == null").evaluate(context).value), "True");
    model::Subscription owned = *context.subscription;
    owned.ownerId = "/users/alice-smith";
    context.subscription = &owned;
    const Evaluation result = compileOk("context.User.Id + \"|\" + (context.User.Email ?? \"?\")").evaluate(context);
    ASSERT_TRUE(result.ok()) << result.error->message;
    EXPECT_EQ(toText(result.value), "alice-smith|?");
}

TEST(ExprTrace, TraceAppendsToTheContext)
{
    Context context = makeContext();
    const Evaluation result =
        compileOk(" context.Trace(\"one\"); context.Trace(\"two\"); return 1; ", Form::Block).evaluate(context);
    ASSERT_TRUE(result.ok()) << result.error->message;
    ASSERT_EQ(context.traceMessages.size(), 2u);
    EXPECT_EQ(context.traceMessages[1], "two");
}

TEST(ExprCompile, DiagnosticsPointIntoThePolicyFile)
{
    // the snippet starts at line 3, column 20 of policy.xml
    auto result = Program::compile("context.Request.Heders", Form::Single, Origin{"policy.xml", 3, 20});
    ASSERT_FALSE(result.program);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const auto &d = result.diagnostics[0];
    EXPECT_EQ(d.location.file, "policy.xml");
    EXPECT_EQ(d.location.line, 3);
    EXPECT_EQ(d.location.column, 36);
    EXPECT_NE(d.message.find("did you mean Headers?"), std::string::npos) << d.message;

    auto block = Program::compile("\n  var x = 1;\n  return y;\n", Form::Block, Origin{"policy.xml", 10, 5});
    ASSERT_FALSE(block.program);
    EXPECT_EQ(block.diagnostics[0].location.line, 12);
    EXPECT_EQ(block.diagnostics[0].location.column, 10);
}

TEST(ExprCompile, XmlReferencesInAttributesReadAsCharacters)
{
    // condition="@(context.Response.StatusCode &gt;= 500 &amp;&amp; true)"
    Context context = makeContext();
    context.response.statusCode = 503;
    const Evaluation result =
        compileOk("context.Response.StatusCode &gt;= 500 &amp;&amp; &quot;a&quot; == \"a\"").evaluate(context);
    ASSERT_TRUE(result.ok()) << result.error->message;
    EXPECT_EQ(toText(result.value), "True");
}

TEST(ExprCompile, SuggestsTheClosestMember)
{
    auto result = Program::compile("context.Request.Headers.GetValueOrDefalt(\"a\", \"\")", Form::Single, Origin{});
    ASSERT_FALSE(result.program);
    EXPECT_NE(result.diagnostics[0].message.find("did you mean GetValueOrDefault?"), std::string::npos)
        << result.diagnostics[0].message;
}

TEST(ExprCompile, ExpectedTypeMismatchIsReported)
{
    auto result = Program::compile("context.Response.StatusCode", Form::Single, Origin{}, Expected::Bool);
    EXPECT_FALSE(result.program);
    auto ok = Program::compile("context.Response.StatusCode > 1", Form::Single, Origin{}, Expected::Bool);
    EXPECT_TRUE(ok.program);
}

TEST(ExprLexer, TokensCarryFilePositions)
{
    const LexResult result = lex("a.B(\"x\")\n  + 1", Origin{"f.xml", 7, 12});
    ASSERT_EQ(result.tokens.size(), 9u);
    EXPECT_EQ(result.tokens[0].kind, TokenKind::Identifier);
    EXPECT_EQ(result.tokens[0].column, 12);
    EXPECT_EQ(result.tokens[4].kind, TokenKind::String);
    EXPECT_EQ(result.tokens[4].text, "x");
    EXPECT_EQ(result.tokens[6].text, "+");
    EXPECT_EQ(result.tokens[6].line, 8);
    EXPECT_EQ(result.tokens[6].column, 3);
    EXPECT_EQ(result.tokens.back().kind, TokenKind::End);
}

// One compiled Program serves every request of a configuration, on any thread.
TEST(ExprThreads, OneProgramEvaluatesOnTwoThreadsAtOnce)
{
    const Program program = compileOk(R"(
        var body = context.Request.Body.As<JObject>(preserveContent: true);
        body["seen"] = context.Request.Headers.GetValueOrDefault("X-Thread", "");
        var sum = 0;
        for (var i = 0; i < 50; i++) { sum += i; }
        return (string)body["seen"] + ":" + sum;
    )",
                                      Form::Block);
    auto work = [&](std::string name, int &failures) {
        for (int i = 0; i < 2000; ++i) {
            Context context = makeContext();
            context.request.headers.add("X-Thread", name);
            const Evaluation result = program.evaluate(context);
            if (!result.ok() || toText(result.value) != name + ":1225") {
                ++failures;
            }
        }
    };
    int failuresA = 0;
    int failuresB = 0;
    std::thread a(work, "a", std::ref(failuresA));
    std::thread b(work, "b", std::ref(failuresB));
    a.join();
    b.join();
    EXPECT_EQ(failuresA, 0);
    EXPECT_EQ(failuresB, 0);
}

TEST(ExprBudget, EndlessLoopsStopWithAnError)
{
    Context context = makeContext();
    const Evaluation result = compileOk("while (true) { } return 1;", Form::Block).evaluate(context);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error->message.find("step budget"), std::string::npos);
}

TEST(ExprBudget, BudgetErrorsCannotBeCaught)
{
    Context context = makeContext();
    const Evaluation result =
        compileOk("try { var s = \"x\"; while (true) { s += s; } } catch (Exception) { return \"caught\"; } return 1;",
                  Form::Block)
            .evaluate(context);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error->message.find("memory"), std::string::npos) << result.error->message;
}

TEST(ExprBudget, DeepRecursionStops)
{
    Context context = makeContext();
    const Evaluation result =
        compileOk("int F(int n) { return F(n + 1); } return F(0);", Form::Block).evaluate(context);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error->message.find("recursed too deeply"), std::string::npos) << result.error->message;
}

// A lambda that a policy smuggles out in a collection must not run against another program's tree.
TEST(ExprBudget, EscapedLambdasCannotRunElsewhere)
{
    Context context = makeContext();
    const Evaluation stored =
        compileOk("var l = new List<object>(); l.Add((Func<int, int>)(x => x + 1)); return l;", Form::Block)
            .evaluate(context);
    ASSERT_TRUE(stored.ok()) << stored.error->message;
    context.variables["fns"] = stored.value;
    const Evaluation used =
        compileOk("new[] { 1 }.Select(((List<object>)context.Variables[\"fns\"])[0]).First()").evaluate(context);
    ASSERT_FALSE(used.ok());
    EXPECT_NE(used.error->message.find("another evaluation"), std::string::npos) << used.error->message;
}

// Trees built in loops can nest far deeper than any parser would allow; they are refused or released without
// running off the stack.
TEST(ExprBudget, DeeplyNestedValuesAreSafe)
{
    Context context = makeContext();
    const Evaluation json = compileOk(R"(
        var root = new JObject();
        var current = root;
        for (var i = 0; i < 100000; i++) { var next = new JObject(); current["a"] = next; current = next; }
        return root.ToString();
    )",
                                      Form::Block)
                                .evaluate(context);
    ASSERT_FALSE(json.ok());
    EXPECT_NE(json.error->message.find("512 levels"), std::string::npos) << json.error->message;

    std::string deepXml;
    for (int i = 0; i < 20000; ++i) {
        deepXml += "<a>";
    }
    deepXml += "x";
    for (int i = 0; i < 20000; ++i) {
        deepXml += "</a>";
    }
    context.request.body = deepXml;
    const Evaluation xml = compileOk("context.Request.Body.As<XElement>(true).Value + "
                                     "context.Request.Body.As<XDocument>(true).Root.Descendants(\"a\").Count()")
                               .evaluate(context);
    ASSERT_TRUE(xml.ok()) << xml.error->message;
}

TEST(ExprCompile, LongChainsAreRefusedNotOverflowed)
{
    std::string chain = "1";
    for (int i = 0; i < 5000; ++i) {
        chain += "+1";
    }
    auto result = Program::compile(chain, Form::Single, Origin{"f.xml", 1, 1});
    ASSERT_FALSE(result.program);
    EXPECT_NE(result.diagnostics[0].message.find("nests too deeply"), std::string::npos);
}

TEST(ExprValue, ContractFunctions)
{
    EXPECT_EQ(toText(makeBool(true)), "True");
    EXPECT_EQ(toText(makeInteger(42)), "42");
    EXPECT_EQ(typeName(makeInteger(42)), "System.Int32");
    EXPECT_EQ(typeName(makeInteger(1ll << 40)), "System.Int64");
    EXPECT_EQ(typeName(makeString("x")), "System.String");
    EXPECT_TRUE(isNull(Value()));
    EXPECT_EQ(toText(Value()), "");
    EXPECT_EQ(toBool(makeString(" TRUE ")), std::optional<bool>(true));
    EXPECT_EQ(toBool(makeString("yes")), std::nullopt);
    EXPECT_EQ(toInteger(makeString("17")), std::optional<std::int64_t>(17));
    EXPECT_EQ(toInteger(makeString("1.5")), std::nullopt);
    auto response = std::make_shared<ResponseState>();
    const Value stored = makeResponse(response);
    EXPECT_EQ(toResponse(stored), response);
    EXPECT_EQ(typeName(stored), "IResponse");
    EXPECT_EQ(toResponse(makeString("x")), nullptr);
    EXPECT_EQ(toText(Value::floating(0.1)), "0.1");
    EXPECT_EQ(toText(Value::floating(1e20)), "1E+20");
    EXPECT_EQ(toText(Value::floating(2.0)), "2");
}

TEST(ExprValue, JsonTokensAreIndentedAsNewtonsoftWritesThem)
{
    Context context = makeContext();
    const Evaluation result = compileOk("new JObject(new JProperty(\"a\", 1), new JProperty(\"b\", new JArray(1, 2)), "
                                        "new JProperty(\"c\", new JObject()))")
                                  .evaluate(context);
    ASSERT_TRUE(result.ok()) << result.error->message;
    EXPECT_EQ(toText(result.value), "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {}\n}");
    EXPECT_EQ(typeName(result.value), "Newtonsoft.Json.Linq.JObject");
}

} // namespace
} // namespace gw::expr::test
