// json-to-xml and xml-to-json: one row per behaviour (input, options, expected
// output), the conformance kit's expectations, and malformed or hostile input.
#include <content/json_xml.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

using gw::content::JsonToXmlOptions;
using gw::content::XmlToJsonKind;
using gw::content::XmlToJsonOptions;
using Json = nlohmann::ordered_json;

// The bodies the conformance echo backend answers for .../__json and .../__xml.
constexpr const char *echoJson = R"({"fixed": "fixed-value", "number": 42, "flag": true, "items": ["alpha", "beta"], )"
                                 R"("nested": {"key": "nested-value"}})";
constexpr const char *echoXml = R"(<?xml version="1.0" encoding="utf-8"?>)"
                                "<order><id>42</id><item>widget</item><note>fixed-xml</note></order>";

struct JsonToXmlRow {
    const char *name;
    const char *json;
    const char *xml;
    JsonToXmlOptions options = {};
};

const JsonToXmlRow jsonToXmlRows[] = {
    {"echo body", echoJson,
     "<Document><fixed>fixed-value</fixed><number>42</number><flag>true</flag><items>alpha</items><items>beta</items>"
     "<nested><key>nested-value</key></nested></Document>"},
    {"null is an empty element", R"({"a":null})", "<Document><a /></Document>"},
    {"empty string keeps both tags", R"({"a":""})", "<Document><a></a></Document>"},
    {"attribute and text", R"({"a":{"@id":"1","#text":"x"}})", R"(<Document><a id="1">x</a></Document>)"},
    {"only attributes", R"({"a":{"@id":1,"@ok":true,"@none":null}})",
     R"(<Document><a id="1" ok="true" none="" /></Document>)"},
    {"text escaping", R"({"a":"<&>\"'"})", R"(<Document><a>&lt;&amp;&gt;"'</a></Document>)"},
    {"attribute escaping", R"({"a":{"@t":"\"<&\n\t"}})", R"(<Document><a t="&quot;&lt;&amp;&#xA;&#x9;" /></Document>)"},
    {"numbers as .NET writes them", R"({"i":-5,"f":1.5,"e":1e20,"s":0.00001,"z":0.0,"u":18446744073709551615})",
     "<Document><i>-5</i><f>1.5</f><e>1E+20</e><s>1E-05</s><z>0</z><u>18446744073709551615</u></Document>"},
    {"names made valid", R"({"first name":1,"1st":2,"a$b":3,"_x0041_":4,"ok-name.x":5})",
     "<Document><first_x0020_name>1</first_x0020_name><_x0031_st>2</_x0031_st><a_x0024_b>3</a_x0024_b>"
     "<_x005F_x0041_>4</_x005F_x0041_><ok-name.x>5</ok-name.x></Document>"},
    {"dates are normalised",
     R"({"d":"2024-03-05T14:07:09.1230000Z","o":"2024-03-05T14:07:09+02:00",)"
     R"("u":"2024-03-05T14:07:09","n":"2024-03-05","bad":"2024-02-30T00:00:00"})",
     "<Document><d>2024-03-05T14:07:09.123Z</d><o>2024-03-05T12:07:09+00:00</o><u>2024-03-05T14:07:09</u>"
     "<n>2024-03-05</n><bad>2024-02-30T00:00:00</bad></Document>"},
    {"dates copied without parse-date",
     R"({"d":"2024-03-05T14:07:09.1230000Z","o":"2024-03-05T14:07:09+02:00"})",
     "<Document><d>2024-03-05T14:07:09.1230000Z</d><o>2024-03-05T14:07:09+02:00</o></Document>",
     {.parseDate = false}},
    {"array of objects", R"({"p":[{"n":1},{"n":2}]})", "<Document><p><n>1</n></p><p><n>2</n></p></Document>"},
    {"nested arrays", R"({"m":[[1,2],[3]]})", "<Document><m><m>1</m><m>2</m></m><m><m>3</m></m></Document>"},
    {"empty array writes nothing", R"({"a":[],"b":1})", "<Document><b>1</b></Document>"},
    {"top-level array", R"([1,{"a":2}])", "<Document><Item>1</Item><Item><a>2</a></Item></Document>"},
    {"top-level scalar", R"("x")", "<Document>x</Document>"},
    {"empty object", R"({})", "<Document />"},
    {"declaration alone", R"({"?xml":{"@version":"1.0"}})", R"(<?xml version="1.0"?><Document />)"},
    {"declaration", R"({"?xml":{"@version":"1.0","@encoding":"utf-8"},"a":1})",
     R"(<?xml version="1.0" encoding="utf-8"?><Document><a>1</a></Document>)"},
    {"cdata and comment", R"({"a":{"#cdata-section":"x<y","#comment":" c "}})",
     "<Document><a><![CDATA[x<y]]><!-- c --></a></Document>"},
    {"mixed text", R"({"p":{"#text":["Hello "," !"],"b":"W"}})", "<Document><p>Hello  !<b>W</b></p></Document>"},
    {"namespace prefix and separator",
     R"({"Envelope":{"xmlns_soap":"urn:s","xmlns":"urn:d","soap_Body":{"x":1},"plain_name":2,"@soap_role":"r"}})",
     R"(<Document><Envelope xmlns:soap="urn:s" xmlns="urn:d" soap:role="r"><soap:Body><x>1</x></soap:Body>)"
     "<plain_name>2</plain_name></Envelope></Document>",
     {.namespacePrefix = "xmlns"}},
    {"namespace separator of the policy",
     R"({"xmlns-p":"urn:p","p-a":1,"q-b":2})",
     R"(<Document xmlns:p="urn:p"><p:a>1</p:a><q-b>2</q-b></Document>)",
     {.namespaceSeparator = "-", .namespacePrefix = "xmlns"}},
    {"separator alone changes nothing", R"({"p_a":1})", "<Document><p_a>1</p_a></Document>"},
    {"attribute block",
     R"({"a":{"#attrs":{"id":"1","lang":"en"},"b":2}})",
     R"(<Document><a id="1" lang="en"><b>2</b></a></Document>)",
     {.attributeBlockName = "#attrs"}},
    {"attribute block name unset", R"({"a":{"attrs":{"id":"1"}}})",
     "<Document><a><attrs><id>1</id></attrs></a></Document>"},
    {"prefixed names pass through", R"({"a":{"@xmlns:p":"urn:p","p:b":1}})",
     R"(<Document><a xmlns:p="urn:p"><p:b>1</p:b></a></Document>)"},
    {"unicode text", R"({"city":"Zürich 東京"})", "<Document><city>Zürich 東京</city></Document>"},
};

TEST(JsonToXml, Rows)
{
    for (const JsonToXmlRow &row : jsonToXmlRows) {
        SCOPED_TRACE(row.name);
        const auto xml = gw::content::jsonToXml(row.json, row.options);
        ASSERT_TRUE(xml.ok()) << xml.error().message;
        EXPECT_EQ(xml.value(), row.xml);
    }
}

struct XmlToJsonRow {
    const char *name;
    const char *xml;
    const char *json; // compact; the output is compared as JSON text after re-dumping
    XmlToJsonOptions options = {};
};

constexpr XmlToJsonOptions friendly{.kind = XmlToJsonKind::JavascriptFriendly};

const XmlToJsonRow xmlToJsonRows[] = {
    {"echo body", echoXml,
     R"({"version":"1.0","encoding":"utf-8","order":{"id":"42","item":"widget","note":"fixed-xml"}})"},
    {"echo body, javascript-friendly", echoXml, R"({"order":{"id":"42","item":"widget","note":"fixed-xml"}})",
     friendly},
    {"attributes and text", R"(<a id="1" b="x &amp; y">t</a>)", R"({"a":{"@id":"1","@b":"x & y","#text":"t"}})"},
    {"repeated children become an array", "<r><i>1</i><x/><i>2</i></r>", R"({"r":{"i":["1","2"],"x":null}})"},
    {"empty element pair is empty text", "<r><e></e><s/><t a='/>'/></r>", R"({"r":{"e":"","s":null,"t":{"@a":"/>"}}})"},
    {"empty root", "<r/>", R"({"r":null})"},
    {"namespaces, direct", R"(<s:E xmlns:s="urn:s"><s:B>1</s:B></s:E>)", R"({"s$E":{"@xmlns$s":"urn:s","s$B":"1"}})"},
    {"namespaces, javascript-friendly",
     R"(<?xml version="1.0"?><s:E xmlns:s="urn:s" xmlns="urn:d" s:k="v"><s:B>1</s:B></s:E>)",
     R"({"E":{"@k":"v","B":"1"}})", friendly},
    {"always array child elements",
     "<r><i>1</i><j><k>2</k></j></r>",
     R"({"r":{"i":["1"],"j":[{"k":["2"]}]}})",
     {.alwaysArrayChildElements = true}},
    {"mixed content", "<p>Hello <b>W</b> !</p>", R"({"p":{"#text":["Hello "," !"],"b":"W"}})"},
    {"cdata, direct", "<a><![CDATA[x<y]]></a>", R"({"a":{"#cdata-section":"x<y"}})"},
    {"cdata, javascript-friendly", "<a><![CDATA[x<y]]></a>", R"({"a":"x<y"})", friendly},
    {"comments, direct", "<a><!--c--><b>1</b></a>", R"({"a":{"#comment":"c","b":"1"}})"},
    {"comments, javascript-friendly", "<a><!--c--><b>1</b></a>", R"({"a":{"b":"1"}})", friendly},
    {"entities", "<a>&lt;&amp;&#x41;&#66;</a>", R"({"a":"<&AB"})"},
    {"whitespace between elements", "<r>\n  <i>1</i>\n  <j> 2 </j>\n</r>", R"({"r":{"i":"1","j":" 2 "}})"},
    {"values stay text", "<n><i>42</i><b>true</b></n>", R"({"n":{"i":"42","b":"true"}})"},
    {"unicode", "<city>Zürich 東京</city>", R"({"city":"Zürich 東京"})"},
};

TEST(XmlToJson, Rows)
{
    for (const XmlToJsonRow &row : xmlToJsonRows) {
        SCOPED_TRACE(row.name);
        const auto json = gw::content::xmlToJson(row.xml, row.options);
        ASSERT_TRUE(json.ok()) << json.error().message;
        EXPECT_EQ(Json::parse(json.value()).dump(), row.json);
    }
}

TEST(XmlToJson, IndentedByTwoSpaces)
{
    const auto json = gw::content::xmlToJson(echoXml, {});
    ASSERT_TRUE(json.ok());
    EXPECT_EQ(json.value(), "{\n  \"version\": \"1.0\",\n  \"encoding\": \"utf-8\",\n  \"order\": {\n"
                            "    \"id\": \"42\",\n    \"item\": \"widget\",\n    \"note\": \"fixed-xml\"\n  }\n}");
}

// The expectations of the conformance cases json-to-xml and xml-to-json, applied to
// the same bodies the echo backend sends.
TEST(ConformanceTransformBody, ConversionsMeetTheCases)
{
    std::ifstream in(GW_CONFORMANCE_DIR "/cases/transform-body.json");
    ASSERT_TRUE(in) << "conformance kit not found";
    std::stringstream text;
    text << in.rdbuf();
    const Json cases = Json::parse(text.str());
    int checked = 0;
    for (const Json &c : cases.at("cases")) {
        const Json &expect = c.at("expect");
        if (c.at("name") == "json-to-xml") {
            const auto xml = gw::content::jsonToXml(echoJson, {});
            ASSERT_TRUE(xml.ok());
            EXPECT_NE(xml->find(expect.at("bodyContains").get<std::string>()), std::string::npos) << xml.value();
            ++checked;
        } else if (c.at("name") == "xml-to-json") {
            const auto json = gw::content::xmlToJson(echoXml, {.kind = XmlToJsonKind::Direct});
            ASSERT_TRUE(json.ok());
            const Json doc = Json::parse(json.value());
            for (const auto &[path, want] : expect.at("json").items()) {
                const Json *cur = &doc;
                std::stringstream parts(path);
                std::string part;
                while (cur && std::getline(parts, part, '.'))
                    cur = cur->is_object() && cur->contains(part) ? &(*cur)[part] : nullptr;
                ASSERT_NE(cur, nullptr) << path;
                EXPECT_EQ(*cur, want) << path;
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 2);
}

TEST(JsonToXml, RejectsBadInput)
{
    const struct {
        const char *json;
        const char *messageStart;
    } rows[] = {
        {R"({"a":)", "the body is not valid JSON"},
        {"", "the body is not valid JSON"},
        {R"({"a":1} x)", "the body is not valid JSON"},
        {R"({"a":"\u0001"})", "the character U+0001 cannot be written in XML"},
        {R"({"":1})", "a JSON property with an empty name"},
        {R"({"a":{"@x":{}}})", "the attribute 'x' must have"},
    };
    for (const auto &row : rows) {
        SCOPED_TRACE(row.json);
        const auto xml = gw::content::jsonToXml(row.json, {});
        ASSERT_FALSE(xml.ok());
        EXPECT_EQ(xml.error().message.rfind(row.messageStart, 0), 0u) << xml.error().message;
    }
}

TEST(JsonToXml, DeepNestingIsReportedNotFollowed)
{
    const std::string arrays = std::string(100000, '[') + std::string(100000, ']');
    const auto a = gw::content::jsonToXml(arrays, {});
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.error().message, "the JSON is nested deeper than 512 levels");

    std::string objects;
    for (int i = 0; i < 100000; ++i)
        objects += R"({"a":)";
    objects += '1';
    objects.append(100000, '}');
    EXPECT_FALSE(gw::content::jsonToXml(objects, {}).ok());

    // Brackets inside strings do not count.
    std::string inString = R"({"a":")";
    inString.append(1000, '[');
    inString += R"("})";
    EXPECT_TRUE(gw::content::jsonToXml(inString, {}).ok());

    std::string limit;
    for (int i = 0; i < gw::content::maxNestingDepth; ++i)
        limit += R"({"a":)";
    limit += '1';
    limit.append(gw::content::maxNestingDepth, '}');
    EXPECT_TRUE(gw::content::jsonToXml(limit, {}).ok());
}

TEST(XmlToJson, RejectsBadInput)
{
    for (const char *xml : {"<a><b></a>", "", "just text", "<a>", "<a></a><b></b>", "<a x='1' x='2'/>"}) {
        SCOPED_TRACE(xml);
        const auto json = gw::content::xmlToJson(xml, {});
        ASSERT_FALSE(json.ok());
        EXPECT_EQ(json.error().message.rfind("the body is not well-formed XML", 0), 0u) << json.error().message;
    }
}

TEST(XmlToJson, DeepNestingIsReportedNotFollowed)
{
    std::string xml;
    for (int i = 0; i < 100000; ++i)
        xml += "<a>";
    for (int i = 0; i < 100000; ++i)
        xml += "</a>";
    const auto json = gw::content::xmlToJson(xml, {});
    ASSERT_FALSE(json.ok());
    EXPECT_EQ(json.error().message, "the XML is nested deeper than 512 elements");
}

} // namespace
