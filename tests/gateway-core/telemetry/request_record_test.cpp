#include <telemetry/request_record.h>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <random>
#include <type_traits>

using gw::telemetry::RequestRecord;
using gw::telemetry::toJsonLine;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

RequestRecord::TimePoint at(year_month_day date, microseconds sinceMidnight)
{
    return RequestRecord::TimePoint(sys_days(date).time_since_epoch() + sinceMidnight);
}

RequestRecord sample()
{
    RequestRecord record;
    record.startTime = at(2024y / May / 1, 12h + 34min + 56s + 123456us);
    record.requestId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    record.api = "echo-api";
    record.operation = "retrieve-resource";
    record.product = "starter";
    record.subscription = "sub-contoso-1";
    record.method = "GET";
    record.path = "/echo/resource";
    record.query = "param1=sample&param2=%20x";
    record.status = 404;
    record.bytesIn = 1234;
    record.bytesOut = 18'446'744'073'709'551'615ull;
    record.totalLatency = 15'432us;
    record.backendLatency = 12'001us;
    record.clientAddress = "[2001:db8::1]";
    record.errorReason = "OperationNotFound";
    record.cacheHit = true;
    record.ioThread = 3;
    record.requestHeaders = "User-Agent: curl/8.0\nAccept: */*";
    return record;
}

nlohmann::json parse(const std::string &line)
{
    return nlohmann::json::parse(line); // throws on anything that is not one valid JSON document
}

std::string pathThroughJson(const std::string &path)
{
    RequestRecord record;
    record.path = path;
    return parse(toJsonLine(record)).at("path").get<std::string>();
}

} // namespace

static_assert(std::is_nothrow_move_constructible_v<RequestRecord>);
static_assert(std::is_nothrow_move_assignable_v<RequestRecord>);

TEST(RequestRecordJson, EveryFieldParsesBack)
{
    const RequestRecord record = sample();
    const std::string line = toJsonLine(record);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    // Compact: no space after the separators (values may hold spaces, the logged headers do).
    EXPECT_EQ(line.find("\": "), std::string::npos) << line;
    EXPECT_EQ(line.find(", \""), std::string::npos) << line;
    const nlohmann::json json = parse(line);
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json.size(), 20u);
    EXPECT_EQ(json.at("startTime"), "2024-05-01T12:34:56.123456Z");
    EXPECT_EQ(json.at("requestId"), record.requestId);
    EXPECT_EQ(json.at("api"), record.api);
    EXPECT_EQ(json.at("operation"), record.operation);
    EXPECT_EQ(json.at("product"), record.product);
    EXPECT_EQ(json.at("subscription"), record.subscription);
    EXPECT_EQ(json.at("method"), record.method);
    EXPECT_EQ(json.at("path"), record.path);
    EXPECT_EQ(json.at("query"), record.query);
    EXPECT_EQ(json.at("status").get<int>(), 404);
    EXPECT_EQ(json.at("bytesIn").get<std::uint64_t>(), 1234u);
    EXPECT_EQ(json.at("bytesOut").get<std::uint64_t>(), record.bytesOut);
    EXPECT_EQ(json.at("totalLatencyUs").get<std::int64_t>(), 15'432);
    EXPECT_EQ(json.at("backendLatencyUs").get<std::int64_t>(), 12'001);
    EXPECT_EQ(json.at("clientAddress"), record.clientAddress);
    EXPECT_EQ(json.at("errorReason"), "OperationNotFound");
    EXPECT_EQ(json.at("cacheHit"), true);
    EXPECT_EQ(json.at("ioThread").get<int>(), 3);
    EXPECT_EQ(json.at("requestHeaders"), record.requestHeaders);
    EXPECT_EQ(json.at("responseHeaders"), "");
}

TEST(RequestRecordJson, EmptyRecordKeepsEveryMember)
{
    const nlohmann::json json = parse(toJsonLine(RequestRecord{}));
    EXPECT_EQ(json.size(), 20u);
    EXPECT_EQ(json.at("startTime"), "1970-01-01T00:00:00.000000Z");
    EXPECT_EQ(json.at("api"), "");
    EXPECT_EQ(json.at("errorReason"), "");
    EXPECT_EQ(json.at("status").get<int>(), 0);
    EXPECT_EQ(json.at("backendLatencyUs").get<int>(), 0);
    EXPECT_EQ(json.at("cacheHit"), false);
}

TEST(RequestRecordJson, TimesAreRfc3339UtcWithMicroseconds)
{
    auto timeOf = [](RequestRecord::TimePoint time) {
        RequestRecord record;
        record.startTime = time;
        return parse(toJsonLine(record)).at("startTime").get<std::string>();
    };
    EXPECT_EQ(timeOf(at(2024y / February / 29, 23h + 59min + 59s + 999999us)), "2024-02-29T23:59:59.999999Z");
    EXPECT_EQ(timeOf(at(2000y / January / 1, 7us)), "2000-01-01T00:00:00.000007Z");
    EXPECT_EQ(timeOf(at(2099y / December / 31, 1h + 2min + 3s)), "2099-12-31T01:02:03.000000Z");
    EXPECT_EQ(timeOf(RequestRecord::TimePoint(-1us)), "1969-12-31T23:59:59.999999Z");
    // From the system clock: the same as the standard library's own formatting of the seconds.
    const auto now = floor<microseconds>(system_clock::now());
    const std::time_t seconds = system_clock::to_time_t(floor<std::chrono::seconds>(now));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char expected[32];
    std::strftime(expected, sizeof expected, "%Y-%m-%dT%H:%M:%S", &utc);
    EXPECT_EQ(timeOf(now).substr(0, 19), expected);
}

TEST(RequestRecordJson, OddCharactersInPathsAreEscaped)
{
    const std::string odd = std::string("/a\"b\\c/d\te\nf\rg\bh\fi/\x01\x1f\x7f/") + '\0' + "/end";
    EXPECT_EQ(pathThroughJson(odd), odd);
    const std::string line = toJsonLine([&] {
        RequestRecord record;
        record.path = odd;
        return record;
    }());
    EXPECT_NE(line.find(R"(\"b\\c/d\te\nf\rg\bh\fi/\u0001\u001f)"), std::string::npos) << line;
    EXPECT_NE(line.find(R"(\u0000/end)"), std::string::npos) << line;
}

TEST(RequestRecordJson, Utf8IsKeptAndInvalidBytesBecomeReplacementCharacters)
{
    const std::string unicode = "/caf\xC3\xA9/\xE2\x82\xAC/\xF0\x9F\x98\x80/\xEF\xBF\xBF"; // é € 😀 U+FFFF
    EXPECT_EQ(pathThroughJson(unicode), unicode);
    const std::string replacement = "\xEF\xBF\xBD";
    EXPECT_EQ(pathThroughJson("/a\xFF"
                              "b"),
              "/a" + replacement + "b");
    EXPECT_EQ(pathThroughJson("/\x80"), "/" + replacement);                   // lone continuation byte
    EXPECT_EQ(pathThroughJson("/\xC0\xAF"), "/" + replacement + replacement); // overlong '/'
    EXPECT_EQ(pathThroughJson("/\xED\xA0\x80"), "/" + replacement + replacement + replacement); // surrogate
    EXPECT_EQ(pathThroughJson("/\xF4\x90\x80\x80"), "/" + replacement + replacement + replacement + replacement);
    EXPECT_EQ(pathThroughJson("/\xE2\x82"), "/" + replacement + replacement); // truncated at the end
}

TEST(RequestRecordJson, RandomBytesAlwaysGiveValidJson)
{
    std::mt19937 random(20240501);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 40);
    for (int i = 0; i < 5000; ++i) {
        RequestRecord record;
        for (std::string *field : {&record.path, &record.query, &record.clientAddress, &record.requestId}) {
            const int n = length(random);
            for (int k = 0; k < n; ++k) {
                field->push_back(static_cast<char>(byte(random)));
            }
        }
        const std::string line = toJsonLine(record);
        ASSERT_NO_THROW(parse(line)) << line;
        // Where the input happens to be valid UTF-8, it comes back unchanged.
        const nlohmann::json json = parse(line);
        try {
            (void)nlohmann::json(record.path).dump(); // throws on invalid UTF-8
            EXPECT_EQ(json.at("path"), record.path);
        } catch (const nlohmann::json::type_error &) {
        }
    }
}

TEST(RequestRecordJson, AppendAddsToWhatIsThere)
{
    std::string out = "prefix";
    gw::telemetry::appendJsonLine(out, sample());
    EXPECT_EQ(out, "prefix" + toJsonLine(sample()));
}
