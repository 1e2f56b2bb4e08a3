#include <jsontext/json_text.h>

#include <common/diagnostic.h>

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace gw::jsontext {

namespace {

namespace fs = std::filesystem;

const fs::path kData = JSONTEXT_TEST_DATA;

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

JsonText parsed(const std::string &text)
{
    auto result = JsonText::parse(text);
    if (const auto *error = std::get_if<ParseError>(&result))
        throw std::runtime_error("does not parse: " + std::to_string(error->line) + ":" +
                                 std::to_string(error->column) + ": " + error->message);
    return std::get<JsonText>(std::move(result));
}

ParseError failure(const std::string &text)
{
    auto result = JsonText::parse(text);
    if (!std::holds_alternative<ParseError>(result))
        throw std::runtime_error("parses, but should not: " + text);
    return std::get<ParseError>(result);
}

std::string crlf(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

// Equal as JSON values, objects regardless of member order.

// Sets and checks that the result parses and holds the value.
std::string edited(const std::string &text, std::string_view pointer, const Json &value)
{
    JsonText doc = parsed(text);
    EXPECT_TRUE(doc.trySet(pointer, value)) << pointer;
    const JsonText again = parsed(doc.text());
    if (!pointer.ends_with("/-")) {
        EXPECT_EQ(again.get(pointer), value) << pointer;
    }
    return doc.text();
}

std::string removed(const std::string &text, std::string_view pointer)
{
    JsonText doc = parsed(text);
    doc.remove(pointer);
    parsed(doc.text());
    if (!pointer.empty() && !std::isdigit(static_cast<unsigned char>(pointer.back()))) { // array elements move up
        EXPECT_FALSE(doc.contains(pointer)) << pointer;
    }
    return doc.text();
}

const std::string kTwoSpaces = R"({
  "properties": {
    "displayName": "Echo",
    "path": "echo"
  }
})";

const std::string kFourSpaces = R"({
    "properties": {
        "displayName": "Echo",
        "path": "echo"
    }
}
)";

const std::string kTabs = "{\n\t\"properties\": {\n\t\t\"displayName\": \"Echo\",\n\t\t\"path\": \"echo\"\n\t}\n}\n";

// Escapes, number spellings and inline arrays that a re-serialiser would change.
const std::string kQuirky = R"({
  "properties": {
    "description": "say \u0022hi\u0022 \/ \u00e9t\u00E9",
    "samplingPercentage": 100.0,
    "big": 1E+2,
    "negativeZero": -0,
    "protocols": [ "https" ],
    "displayName": "Echo",
    "emptyObject": { },
    "emptyArray": [ ]
  }
}
)";

} // namespace

// --- reading ------------------------------------------------------------------------------------------------------

TEST(JsonText, RoundTripsByteForByteWithoutEdits)
{
    std::vector<std::string> texts = {
        kTwoSpaces,
        kFourSpaces,
        kTabs,
        kQuirky,
        crlf(kQuirky),
        "\xEF\xBB\xBF{\"a\": 1}\r\n",
        "{}",
        "[]",
        "  42  ",
        "\"just a string\"\n",
        "null",
        "{\"a\":{\"b\":[1,2,{\"c\":null}]}}",
        "{ \"a\" : 1 , \"b\" :\n\n  [\t]\r\n}\n\n\n",
        "{\"unicode\": \"日本語 😀\", \"escaped\": \"\\ud83d\\ude00\"}",
    };
    for (const auto &entry : fs::directory_iterator(kData))
        texts.push_back(readFile(entry.path()));
    for (const std::string &text : texts) {
        SCOPED_TRACE(text);
        const JsonText doc = parsed(text);
        EXPECT_EQ(doc.text(), text);
        EXPECT_EQ(doc.value(), Json::parse(text));
        JsonText copy = doc;
        copy.set("", doc.value()); // the same value: nothing changes
        EXPECT_EQ(copy.text(), text);
    }
}

TEST(JsonText, GetsValuesByJsonPointer)
{
    const JsonText doc = parsed(kQuirky);
    EXPECT_EQ(doc.get("/properties/description"), Json("say \"hi\" / été"));
    EXPECT_EQ(doc.get("/properties/samplingPercentage"), Json(100.0));
    EXPECT_EQ(doc.get("/properties/protocols/0"), Json("https"));
    EXPECT_EQ(doc.get("/properties/protocols"), Json::array({"https"}));
    EXPECT_EQ(doc.get(""), Json::parse(kQuirky));
    EXPECT_EQ(doc.get("/properties/protocols/1"), std::nullopt);
    EXPECT_EQ(doc.get("/properties/protocols/00"), std::nullopt);
    EXPECT_EQ(doc.get("/properties/missing"), std::nullopt);
    EXPECT_EQ(doc.get("/properties/displayName/x"), std::nullopt);
    EXPECT_EQ(doc.get("properties"), std::nullopt); // not a pointer
    EXPECT_EQ(doc.get("/properties/~2"), std::nullopt);
    EXPECT_TRUE(doc.contains("/properties/emptyArray"));
    EXPECT_FALSE(doc.contains("/nope"));

    const JsonText escaped = parsed(R"({"a/b": 1, "m~n": 2, "": 3, "q\"": 4})");
    EXPECT_EQ(escaped.get("/a~1b"), Json(1));
    EXPECT_EQ(escaped.get("/m~0n"), Json(2));
    EXPECT_EQ(escaped.get("/"), Json(3));
    EXPECT_EQ(escaped.get("/q\""), Json(4));

    // A repeated key: the last one counts, as in Json.
    EXPECT_EQ(parsed(R"({"a": 1, "a": 2})").get("/a"), Json(2));
}

TEST(JsonText, PositionsForDiagnostics)
{
    const JsonText doc = parsed(readFile(kData / "apiInformation.json"));
    EXPECT_EQ(doc.position(""), std::pair(1, 1));
    EXPECT_EQ(doc.position("/properties"), std::pair(2, 17));
    EXPECT_EQ(doc.position("/properties/displayName"), std::pair(7, 20));
    EXPECT_EQ(doc.keyPosition("/properties/displayName"), std::pair(7, 5));
    EXPECT_EQ(doc.position("/properties/protocols/0"), std::pair(9, 7));
    EXPECT_EQ(doc.keyPosition("/properties/protocols/0"), std::nullopt);
    EXPECT_EQ(doc.keyPosition(""), std::nullopt);
    EXPECT_EQ(doc.position("/properties/nope"), std::nullopt);

    const auto span = doc.span("/properties/displayName");
    ASSERT_TRUE(span);
    EXPECT_EQ(doc.text().substr(span->first, span->second - span->first), "\"basic-api\"");

    // CRLF counts as one line break; columns are bytes, as gw::locate counts them (the BOM included).
    EXPECT_EQ(parsed(crlf(kTwoSpaces)).position("/properties/path"), std::pair(4, 13));
    EXPECT_EQ(parsed("\xEF\xBB\xBF{\"a\": 1}").position("/a"), std::pair(1, 10));
}

// --- parse errors -------------------------------------------------------------------------------------------------

TEST(JsonText, ParseErrorsPointAtTheProblem)
{
    struct Case {
        std::string text;
        int line;
        int column;
        std::string message; // a part of it
    };
    const std::vector<Case> cases = {
        {"{\n  \"a\": 1", 2, 9, "unexpected end of input"},
        {"{\n  \"a\": \"unfinished", 2, 19, "closing '\"' is missing"},
        {"{\n  \"a\": [1, 2", 2, 13, "expected ',' or ']'"},
        {"{\n  \"a\": ", 2, 8, "expected a JSON value"},
        {"{\n  \"a\": 1,\n}", 2, 9, "trailing comma"},
        {"[1, 2,]", 1, 6, "trailing comma"},
        {"{\n  // the name\n  \"a\": 1\n}", 2, 3, "comments are not allowed"},
        {"/* header */ {}", 1, 1, "comments are not allowed"},
        {"{\"a\": 1} // done", 1, 10, "comments are not allowed"},
        {"{\"a\": \"\\x\"}", 1, 8, "invalid escape '\\x'"},
        {"{\"a\": \"\\u12G4\"}", 1, 8, "four hexadecimal digits"},
        {"{\"a\": \"\\u12\"}", 1, 8, "four hexadecimal digits"},
        {"{\"a\": \"\\uD800\"}", 1, 8, "high surrogate"},
        {"{\"a\": \"\\uD800\\u0041\"}", 1, 14, "low surrogate"},
        {"{\"a\": \"\\uDC00\"}", 1, 8, "lone low surrogate"},
        {"{\"a\": \"tab\there\"}", 1, 11, "control character"},
        {"{\"a\": \"line\nbreak\"}", 1, 12, "line break in a string"},
        {"{\"a\": \"\xC3\x28\"}", 1, 8, "invalid UTF-8"},
        {"{\"a\": \"\xED\xA0\x80\"}", 1, 8, "invalid UTF-8"}, // an encoded surrogate
        {"{\"a\": 01}", 1, 7, "leading zero"},
        {"{\"a\": 1.}", 1, 9, "digit after the decimal point"},
        {"{\"a\": -}", 1, 8, "digit after '-'"},
        {"{\"a\": 1e}", 1, 9, "digit in the exponent"},
        {"{\"a\": +1}", 1, 7, "expected a JSON value"},
        {"{\"a\": NaN}", 1, 7, "expected a JSON value"},
        {"{\"a\": tru}", 1, 7, "expected 'true'"},
        {"{\"a\": 1e400}", 1, 7, "out of the range"},
        {"{'a': 1}", 1, 2, "double quotes"},
        {"{a: 1}", 1, 2, "member name"},
        {"{\"a\" 1}", 1, 6, "':'"},
        {"{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"},
        {"", 1, 1, "empty"},
        {"  \n ", 2, 2, "empty"},
        {"{} x", 1, 4, "after the JSON value"},
        {"{}}", 1, 3, "after the JSON value"},
        {"\xEF\xBB{}", 1, 1, "byte 0xEF"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        const ParseError error = failure(c.text);
        EXPECT_EQ(error.line, c.line);
        EXPECT_EQ(error.column, c.column);
        EXPECT_NE(error.message.find(c.message), std::string::npos) << error.message;
        const SourceLocation where = locate({}, c.text, error.offset);
        EXPECT_EQ(where.line, error.line);
        EXPECT_EQ(where.column, error.column);
    }

    const ParseError deep =
        failure(std::string(JsonText::maxDepth + 1, '[') + std::string(JsonText::maxDepth + 1, ']'));
    EXPECT_NE(deep.message.find("nested"), std::string::npos);
    parsed(std::string(JsonText::maxDepth, '[') + std::string(JsonText::maxDepth, ']'));

    EXPECT_EQ(format(toDiagnostic(failure("{\n  \"a\": 1,\n}"), "apiInformation.json")),
              "apiInformation.json:2:9: error: trailing comma before '}' is not allowed");
}

// --- changing values ----------------------------------------------------------------------------------------------

TEST(JsonText, ChangingOneFieldTouchesOnlyItsValue)
{
    const std::string original = readFile(kData / "apiInformation.json");
    const std::string expected = R"({
  "properties": {
    "path": "basic-api",
    "apiRevision": "1",
    "authenticationSettings": {},
    "description": "Basic OpenAPI YAML API with operation policies.",
    "displayName": "Basic API \"v1\"",
    "protocols": [
      "https"
    ],
    "serviceUrl": "https://httpbin.org",
    "subscriptionRequired": false
  }
}
)";
    std::string text = edited(original, "/properties/displayName", "Basic API \"v1\"");
    text = edited(text, "/properties/subscriptionRequired", false);
    EXPECT_EQ(text, expected);

    // CRLF and a missing final newline stay as they were.
    std::string crlfText = edited(crlf(original), "/properties/displayName", "Basic API \"v1\"");
    crlfText = edited(crlfText, "/properties/subscriptionRequired", false);
    EXPECT_EQ(crlfText, crlf(expected));
    const std::string noNewline = original.substr(0, original.size() - 1);
    text = edited(noNewline, "/properties/displayName", "Basic API \"v1\"");
    text = edited(text, "/properties/subscriptionRequired", false);
    EXPECT_EQ(text, expected.substr(0, expected.size() - 1));
}

TEST(JsonText, LeavesEscapesNumbersAndInlineArraysOfOtherValuesAlone)
{
    std::string expected = kQuirky;
    expected.replace(expected.find("\"Echo\""), 6, "\"Écho / ☃\"");
    EXPECT_EQ(edited(kQuirky, "/properties/displayName", "Écho / ☃"), expected);

    // Values equal to what is there already (100 == 100.0, the decoded escapes) change nothing.
    JsonText doc = parsed(kQuirky);
    doc.set("/properties/samplingPercentage", 100);
    doc.set("/properties/big", 100.0);
    doc.set("/properties/description", "say \"hi\" / été");
    doc.set("/properties/protocols", Json::array({"https"}));
    doc.set("/properties/emptyObject", Json::object());
    doc.set("/properties/negativeZero", 0);
    EXPECT_EQ(doc.text(), kQuirky);

    // An object given in another member order is the same value.
    Json reordered = Json::object();
    const Json properties = doc.get("/properties").value();
    for (auto it = properties.items().begin(); it != properties.items().end(); ++it)
        reordered[it.key()] = it.value();
    Json reversed = Json::object();
    for (auto it = properties.rbegin(); it != properties.rend(); ++it)
        reversed[it.key()] = *it;
    doc.set("/properties", reversed);
    EXPECT_EQ(doc.text(), kQuirky);

    // A changed number is written the way Json writes it.
    std::string number = kQuirky;
    number.replace(number.find("100.0"), 5, "12.5");
    EXPECT_EQ(edited(kQuirky, "/properties/samplingPercentage", 12.5), number);
}

TEST(JsonText, ReplacesArrayElementsAndArrays)
{
    const std::string original = readFile(kData / "apiInformation.json");
    std::string expected = original;
    expected.replace(expected.find("\"https\""), 7, "\"http\"");
    EXPECT_EQ(edited(original, "/properties/protocols/0", "http"), expected);

    // A longer array: the new element is laid out like the others.
    expected = original;
    expected.replace(expected.find("\"https\""), 7, "\"https\",\n      \"ws\"");
    EXPECT_EQ(edited(original, "/properties/protocols", Json::array({"https", "ws"})), expected);
    EXPECT_EQ(edited(original, "/properties/protocols/-", "ws"), expected);
    EXPECT_EQ(edited(original, "/properties/protocols/1", "ws"), expected);

    // Inline arrays stay inline.
    expected = kQuirky;
    expected.replace(expected.find("[ \"https\" ]"), 11, "[ \"https\", \"http\", \"ws\" ]");
    const std::string longer = edited(kQuirky, "/properties/protocols", Json::array({"https", "http", "ws"}));
    EXPECT_EQ(longer, expected);
    // ... and shrink back.
    EXPECT_EQ(edited(longer, "/properties/protocols", Json::array({"https"})), kQuirky);
    expected = kQuirky;
    expected.replace(expected.find("[ \"https\" ]"), 11, "[]");
    EXPECT_EQ(edited(kQuirky, "/properties/protocols", Json::array()), expected);

    // Into an empty array: spread over lines.
    expected = original;
    expected.replace(expected.find("\"authenticationSettings\": {}"), 28,
                     "\"authenticationSettings\": [\n      1,\n      {\n        \"a\": [\n          true\n        ]\n"
                     "      }\n    ]");
    EXPECT_EQ(edited(original, "/properties/authenticationSettings", Json::parse(R"([1, {"a": [true]}])")), expected);

    JsonText doc = parsed(original);
    EXPECT_FALSE(doc.trySet("/properties/protocols/2", "x")); // beyond the end
    EXPECT_FALSE(doc.trySet("/properties/protocols/x", "x"));
    EXPECT_FALSE(doc.trySet("/properties/path/x", "x")); // the parent is a string
    EXPECT_FALSE(doc.trySet("properties", "x"));         // not a pointer
    doc.set("/properties/path/x", "x");
    EXPECT_EQ(doc.text(), original);
}

TEST(JsonText, MergesObjectsMemberByMember)
{
    const std::string original = readFile(kData / "productInformation.json");
    Json properties = parsed(original).get("/properties").value();
    properties["state"] = "notPublished";
    properties.erase("terms");
    properties.erase("displayName");
    properties["groups"] = Json::array({"developers"});
    const std::string expected = R"({
  "properties": {
    "description": "Product for HTTP-style scenario APIs.",
    "state": "notPublished",
    "subscriptionRequired": true,
    "approvalRequired": false,
    "subscriptionsLimit": 10,
    "groups": [
      "developers"
    ]
  }
}
)";
    EXPECT_EQ(edited(original, "/properties", properties), expected);
}

TEST(JsonText, ReplacesTheRoot)
{
    EXPECT_EQ(edited("  42\n", "", 43), "  43\n");
    EXPECT_EQ(edited("\"a\"", "", Json::object({{"a", 1}})), "{\n  \"a\": 1\n}");
    EXPECT_EQ(edited("{\"a\": 1}", "", Json::array()), "[]");
}

// --- inserting ----------------------------------------------------------------------------------------------------

TEST(JsonText, InsertsIntoEmptyObjects)
{
    EXPECT_EQ(edited("{}", "/a", "x"), "{\n  \"a\": \"x\"\n}");
    EXPECT_EQ(edited("{ }\n", "/a", "x"), "{\n  \"a\": \"x\"\n}\n");
    EXPECT_EQ(edited("\xEF\xBB\xBF{}\r\n", "/a", 1), "\xEF\xBB\xBF{\r\n  \"a\": 1\r\n}\r\n");
    EXPECT_EQ(edited("{}", "/properties/displayName", "x"),
              "{\n  \"properties\": {\n    \"displayName\": \"x\"\n  }\n}");

    // A nested inline {} expands at its own indentation.
    const std::string original = readFile(kData / "apiInformation.json");
    std::string expected = original;
    expected.replace(expected.find("{},"), 3,
                     "{\n      \"openid\": {\n        \"openidProviderId\": \"p1\"\n      }\n    },");
    EXPECT_EQ(edited(original, "/properties/authenticationSettings/openid/openidProviderId", "p1"), expected);

    // The document's indentation unit, found elsewhere, is used.
    const std::string fourSpaces = "{\n    \"properties\": {},\n    \"b\": 1\n}\n";
    EXPECT_EQ(edited(fourSpaces, "/properties/a", "x"),
              "{\n    \"properties\": {\n        \"a\": \"x\"\n    },\n    \"b\": 1\n}\n");
    const std::string tabs = "{\n\t\"properties\": {},\n\t\"b\": 1\n}";
    EXPECT_EQ(edited(tabs, "/properties/a", "x"), "{\n\t\"properties\": {\n\t\t\"a\": \"x\"\n\t},\n\t\"b\": 1\n}");
}

TEST(JsonText, AppendsAsTheLastMemberInTheSiblingsLayout)
{
    EXPECT_EQ(edited(kTwoSpaces, "/properties/type", "http"), R"({
  "properties": {
    "displayName": "Echo",
    "path": "echo",
    "type": "http"
  }
})");
    EXPECT_EQ(edited(kFourSpaces, "/properties/type", "http"), R"({
    "properties": {
        "displayName": "Echo",
        "path": "echo",
        "type": "http"
    }
}
)");
    EXPECT_EQ(edited(kTabs, "/properties/type", "http"),
              "{\n\t\"properties\": {\n\t\t\"displayName\": \"Echo\",\n\t\t\"path\": \"echo\",\n\t\t\"type\": "
              "\"http\"\n\t}\n}"
              "\n");
    EXPECT_EQ(edited(crlf(kFourSpaces), "/properties/type", "http"), crlf(R"({
    "properties": {
        "displayName": "Echo",
        "path": "echo",
        "type": "http"
    }
}
)"));
    // A single member on its own line.
    EXPECT_EQ(edited("{\n   \"a\": 1\n}", "/b", 2), "{\n   \"a\": 1,\n   \"b\": 2\n}");
    // A repeated key: the last occurrence, the one that counts, changes.
    EXPECT_EQ(edited(R"({"a": 1, "a": 2})", "/a", 3), R"({"a": 1, "a": 3})");
    // Keys that need escapes.
    EXPECT_EQ(edited("{\"a\": 1}", "/x~1\"y", 2), "{\"a\": 1, \"x/\\\"y\": 2}");
}

TEST(JsonText, InsertsMissingParentsAndPrettyPrintsNewContainers)
{
    const std::string expected = R"({
    "properties": {
        "displayName": "Echo",
        "path": "echo",
        "authenticationSettings": {
            "oAuth2": {
                "scopes": [
                    "read",
                    "write"
                ],
                "empty": {},
                "none": []
            }
        }
    }
}
)";
    const Json oauth = Json::parse(R"({"scopes": ["read", "write"], "empty": {}, "none": []})");
    EXPECT_EQ(edited(kFourSpaces, "/properties/authenticationSettings/oAuth2", oauth), expected);
    EXPECT_EQ(edited(crlf(kFourSpaces), "/properties/authenticationSettings/oAuth2", oauth), crlf(expected));

    // Missing parents of a top-level member.
    EXPECT_EQ(edited(kTwoSpaces, "/tags/0", "x"), R"({
  "properties": {
    "displayName": "Echo",
    "path": "echo"
  },
  "tags": {
    "0": "x"
  }
})");
}

TEST(JsonText, FollowsInlineAndCompactLayouts)
{
    // One-line documents stay on one line, in their own spacing.
    EXPECT_EQ(edited(R"({"a":1,"b":[1,2]})", "/c", Json::parse(R"({"x":[1],"y":{}})")),
              R"({"a":1,"b":[1,2],"c":{"x":[1],"y":{}}})");
    EXPECT_EQ(edited(R"({"a":1,"b":[1,2]})", "/b/-", 3), R"({"a":1,"b":[1,2,3]})");
    EXPECT_EQ(edited(R"({"a":1,"b":{}})", "/b/c", true), R"({"a":1,"b":{"c":true}})");
    EXPECT_EQ(edited(R"({ "a": 1 })", "/b", Json::array({1, 2})), R"({ "a": 1, "b": [1, 2] })");
    // An inline object inside a spread-out document stays inline.
    EXPECT_EQ(edited("{\n  \"o\": { \"a\": 1, \"b\": 2 }\n}", "/o/c", Json::object({{"d", 1}})),
              "{\n  \"o\": { \"a\": 1, \"b\": 2, \"c\": {\"d\": 1} }\n}");
    EXPECT_EQ(edited("{\n  \"o\": { \"a\": 1 }\n}", "/o/a", Json::array({1, 2})), "{\n  \"o\": { \"a\": [1, 2] }\n}");
}

// --- removing -----------------------------------------------------------------------------------------------------

TEST(JsonText, RemovesMembersTidily)
{
    const std::string three = "{\n  \"a\": 1,\n  \"b\": {\n    \"x\": [1]\n  },\n  \"c\": 3\n}\n";
    EXPECT_EQ(removed(three, "/a"), "{\n  \"b\": {\n    \"x\": [1]\n  },\n  \"c\": 3\n}\n");
    EXPECT_EQ(removed(three, "/b"), "{\n  \"a\": 1,\n  \"c\": 3\n}\n");
    EXPECT_EQ(removed(three, "/c"), "{\n  \"a\": 1,\n  \"b\": {\n    \"x\": [1]\n  }\n}\n");
    EXPECT_EQ(removed(three, "/b/x"), "{\n  \"a\": 1,\n  \"b\": {},\n  \"c\": 3\n}\n");
    EXPECT_EQ(removed(crlf(three), "/b"), crlf("{\n  \"a\": 1,\n  \"c\": 3\n}\n"));
    EXPECT_EQ(removed("{\n  \"only\": true\n}", "/only"), "{}");

    EXPECT_EQ(removed(three, "/nope"), three);
    EXPECT_EQ(removed(three, "/b/x/5"), three);
    EXPECT_EQ(removed(three, "/a/deeper"), three);
    EXPECT_EQ(removed(three, "not a pointer"), three);
    JsonText root = parsed(three);
    root.remove("");
    EXPECT_EQ(root.text(), three);

    EXPECT_EQ(removed(R"({ "a": 1, "b": 2, "c": 3 })", "/a"), R"({ "b": 2, "c": 3 })");
    EXPECT_EQ(removed(R"({ "a": 1, "b": 2, "c": 3 })", "/b"), R"({ "a": 1, "c": 3 })");
    EXPECT_EQ(removed(R"({ "a": 1, "b": 2, "c": 3 })", "/c"), R"({ "a": 1, "b": 2 })");
    EXPECT_EQ(removed(R"([ "https", "http" ])", "/0"), R"([ "http" ])");
    EXPECT_EQ(removed(R"({"a": 1, "b": 2, "a": 3})", "/a"), R"({"b": 2})"); // every occurrence

    // Removed, then added back: where it was, the same bytes.
    const std::string original = readFile(kData / "namedValueInformation.json");
    const std::string without = removed(original, "/properties/value");
    EXPECT_EQ(edited(without, "/properties/value", "scenario"), original);
}

// --- formatting new documents -------------------------------------------------------------------------------------

TEST(JsonText, FormatsNewDocumentsInApiOpsStyle)
{
    const Json value = Json::parse(R"({"properties": {"displayName": "Écho \"1\"", "protocols": ["https"],
        "authenticationSettings": {}, "tags": [], "n": 100.0, "i": -3, "nested": [{"a": null}, [true, false]]}})");
    const std::string text = JsonText::format(value);
    EXPECT_EQ(text, value.dump(2));
    EXPECT_TRUE(text.starts_with("{\n  \"properties\": {\n    \"displayName\": "));
    EXPECT_NE(text.find("\"displayName\": \"Écho \\\"1\\\"\""), std::string::npos);
    EXPECT_NE(text.find("\"n\": 100.0"), std::string::npos);
    EXPECT_EQ(text.back(), '}');
    EXPECT_EQ(JsonText::format(Json::object()), "{}");
    EXPECT_EQ(JsonText::format("x"), "\"x\"");
    EXPECT_EQ(parsed(text).value(), value);
}

// --- robustness ---------------------------------------------------------------------------------------------------

namespace {

// Every pointer of a value, the root included.
void pointersOf(const Json &value, const std::string &prefix, std::vector<std::string> &out)
{
    out.push_back(prefix);
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            std::string token;
            for (char c : it.key())
                token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
            pointersOf(*it, prefix + "/" + token, out);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            pointersOf(value[i], prefix + "/" + std::to_string(i), out);
    }
}

void checkEdits(const JsonText &doc, std::mt19937 &rng)
{
    static const std::vector<Json> values = {
        Json(7),       Json("s\"x\\u0022"), Json::parse(R"({"k": [1, {"z": null}], "e": {}})"),
        Json::array(), Json::object(),      Json::array({1, "two", 3.5}),
        Json(true),
    };
    std::vector<std::string> pointers;
    pointersOf(doc.value(), "", pointers);
    const std::string &pointer = pointers[rng() % pointers.size()];
    const Json &value = values[rng() % values.size()];
    SCOPED_TRACE("pointer " + pointer + ", value " + value.dump());

    // Replacing: the bytes around the value do not change.
    JsonText changed = doc;
    ASSERT_TRUE(changed.trySet(pointer, value));
    const auto span = doc.span(pointer).value();
    const std::string &before = doc.text();
    const std::string &after = changed.text();
    ASSERT_GE(after.size(), span.first + before.size() - span.second);
    EXPECT_EQ(after.substr(0, span.first), before.substr(0, span.first));
    EXPECT_EQ(after.substr(after.size() - (before.size() - span.second)), before.substr(span.second));
    Json expected = doc.value();
    expected[Json::json_pointer(pointer)] = value;
    EXPECT_TRUE(sameValue(parsed(after).value(), expected)) << after;

    // Adding a member to an object.
    const Json target = doc.get(pointer).value();
    if (target.is_object()) {
        JsonText added = doc;
        ASSERT_TRUE(added.trySet(pointer + "/new~1member", value));
        Json grown = doc.value();
        grown[Json::json_pointer(pointer)]["new/member"] = value;
        EXPECT_TRUE(sameValue(parsed(added.text()).value(), grown)) << added.text();
    }

    // Removing.
    if (!pointer.empty()) {
        JsonText smaller = doc;
        smaller.remove(pointer);
        const Json::json_pointer where(pointer);
        Json shrunk = doc.value();
        Json &parent = shrunk[where.parent_pointer()];
        if (parent.is_object())
            parent.erase(where.back());
        else
            parent.erase(std::stoul(where.back()));
        EXPECT_TRUE(sameValue(parsed(smaller.text()).value(), shrunk)) << smaller.text();
    }
}

} // namespace

TEST(JsonTextFuzz, MutatedDocumentsParseOrFailWithAPosition)
{
    std::vector<std::string> seeds = {kQuirky, crlf(kTwoSpaces), kTabs, "\xEF\xBB\xBF{\"a\": [1, -2.5e-3, true]}",
                                      R"([{"a": "\ud83d\ude00", "b": {"c": [[], {}]}}, null, "x/y"])"};
    for (const auto &entry : fs::directory_iterator(kData))
        seeds.push_back(readFile(entry.path()));
    const std::string alphabet = "{}[],:\"\\/ \t\r\n0123456789.eE+-tfnulrsu\xC3\xA9\x80\xFF";

    std::mt19937 rng(20240611);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = seeds[rng() % seeds.size()];
        const int mutations = 1 + static_cast<int>(rng() % 3);
        for (int m = 0; m < mutations; ++m) {
            const std::size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
            switch (rng() % 6) {
            case 0:
                if (at < text.size())
                    text.erase(at, 1);
                break;
            case 1:
                text.insert(at, 1, alphabet[rng() % alphabet.size()]);
                break;
            case 2:
                if (at < text.size())
                    text[at] = alphabet[rng() % alphabet.size()];
                break;
            case 3:
                text.resize(at);
                break;
            case 4: {
                const std::size_t length = rng() % 12;
                const std::string piece = text.substr(at, length);
                text.insert(rng() % (text.size() + 1), piece);
                break;
            }
            default:
                if (at < text.size())
                    text[at] = static_cast<char>(rng() % 256);
                break;
            }
        }
        SCOPED_TRACE(text);
        auto result = JsonText::parse(text);
        // nlohmann::json stops at a NUL byte; otherwise both must agree on what is JSON.
        const bool reference = !Json::parse(text, nullptr, false).is_discarded();
        const bool hasNul = text.find('\0') != std::string::npos;
        if (const auto *error = std::get_if<ParseError>(&result)) {
            EXPECT_TRUE(!reference || hasNul);
            EXPECT_LE(error->offset, text.size());
            EXPECT_FALSE(error->message.empty());
            const SourceLocation where = locate({}, text, error->offset);
            EXPECT_EQ(error->line, where.line);
            EXPECT_EQ(error->column, where.column);
        } else {
            ++accepted;
            ASSERT_TRUE(reference);
            const JsonText &doc = std::get<JsonText>(result);
            EXPECT_EQ(doc.text(), text);
            EXPECT_EQ(doc.value(), Json::parse(text));
            checkEdits(doc, rng);
        }
        if (HasFailure())
            break;
    }
    EXPECT_GT(accepted, 1000); // the mutations leave enough valid documents to edit
}

TEST(JsonTextFuzz, EditsOnRealFilesKeepEverythingElse)
{
    std::mt19937 rng(7);
    for (const auto &entry : fs::directory_iterator(kData)) {
        const std::string text = readFile(entry.path());
        for (const std::string &variant : {text, crlf(text)}) {
            const JsonText doc = parsed(variant);
            for (int i = 0; i < 200 && !HasFailure(); ++i)
                checkEdits(doc, rng);
        }
    }
}

} // namespace gw::jsontext
