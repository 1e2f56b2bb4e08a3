#include <telemetry/access_log.h>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <unistd.h>

using gw::telemetry::AccessLog;
using gw::telemetry::LogBus;
using gw::telemetry::RequestRecord;
namespace fs = std::filesystem;

namespace {

class AccessLogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "gw-access-log-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_folder = pattern;
    }
    void TearDown() override { fs::remove_all(m_folder); }

    fs::path m_folder;
};

std::vector<std::string> readLines(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

RequestRecord numbered(unsigned thread, int sequence)
{
    RequestRecord record;
    record.requestId = std::to_string(thread) + ":" + std::to_string(sequence);
    record.method = "POST";
    record.path = "/orders/" + std::to_string(sequence) + "/\"quoted\"";
    record.status = 201;
    record.ioThread = thread;
    return record;
}

} // namespace

TEST_F(AccessLogTest, WritesEveryRecordExactlyOnce)
{
    constexpr unsigned threads = 3;
    constexpr int perThread = 5000;
    const fs::path file = m_folder / "access.jsonl";
    LogBus bus(threads, 8192); // a ring holds a thread's whole share: nothing can be dropped
    auto log = AccessLog::open(bus, file.string(), {.interval = std::chrono::milliseconds(5)});
    ASSERT_TRUE(log) << log.error().message;
    EXPECT_EQ(log.value()->target(), file.string());

    std::vector<std::thread> publishers;
    for (unsigned t = 0; t < threads; ++t) {
        publishers.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i) {
                bus.publish(t, numbered(t, i));
                if (i % 500 == 0) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(2)); // let some batches go out meanwhile
                }
            }
        });
    }
    for (auto &publisher : publishers) {
        publisher.join();
    }
    log.value().reset(); // stops: the last records are written and flushed

    std::map<std::string, int> seen;
    const auto lines = readLines(file);
    for (const std::string &line : lines) {
        const auto json = nlohmann::json::parse(line);
        ++seen[json.at("requestId").get<std::string>()];
        EXPECT_EQ(json.at("status").get<int>(), 201);
    }
    EXPECT_EQ(lines.size(), threads * perThread);
    EXPECT_EQ(seen.size(), threads * perThread);
    for (unsigned t = 0; t < threads; ++t) {
        for (int i = 0; i < perThread; ++i) {
            EXPECT_EQ(seen[std::to_string(t) + ":" + std::to_string(i)], 1) << t << ":" << i;
        }
    }
    EXPECT_EQ(bus.subscriberCount(), 0u);
}

TEST_F(AccessLogTest, ReportsDropsInALastLine)
{
    const fs::path file = m_folder / "access.jsonl";
    LogBus bus(1, 16);
    auto opened = AccessLog::open(bus, file.string(), {.interval = std::chrono::hours(1)}); // only the stop drains
    ASSERT_TRUE(opened);
    AccessLog &log = *opened.value();
    for (int i = 0; i < 100; ++i) {
        bus.publish(0, numbered(0, i));
    }
    log.stop();
    log.stop(); // idempotent
    EXPECT_EQ(log.written(), 16u);
    EXPECT_EQ(log.dropped(), 84u);
    EXPECT_EQ(log.failed(), 0u);

    const auto lines = readLines(file);
    ASSERT_EQ(lines.size(), 17u);
    for (int i = 0; i < 16; ++i) {
        EXPECT_EQ(nlohmann::json::parse(lines[i]).at("requestId"), "0:" + std::to_string(i));
    }
    const auto summary = nlohmann::json::parse(lines.back());
    EXPECT_EQ(summary.at("accessLogDropped").get<int>(), 84);
    EXPECT_EQ(summary.at("accessLogWritten").get<int>(), 16);
}

TEST_F(AccessLogTest, AppendsToAnExistingFile)
{
    const fs::path file = m_folder / "access.jsonl";
    std::ofstream(file) << "{\"old\":true}\n";
    LogBus bus(1, 16);
    {
        auto log = AccessLog::open(bus, file.string());
        ASSERT_TRUE(log);
        bus.publish(0, numbered(0, 1));
    }
    const auto lines = readLines(file);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "{\"old\":true}");
    EXPECT_EQ(nlohmann::json::parse(lines[1]).at("requestId"), "0:1");
}

TEST_F(AccessLogTest, OpeningFailureIsAnError)
{
    LogBus bus(1, 16);
    const fs::path file = m_folder / "missing-folder" / "access.jsonl";
    auto log = AccessLog::open(bus, file.string());
    ASSERT_FALSE(log);
    EXPECT_NE(log.error().message.find(file.string()), std::string::npos) << log.error().message;
    EXPECT_NE(log.error().message.find("No such file"), std::string::npos) << log.error().message;
    EXPECT_EQ(bus.subscriberCount(), 0u);
}

TEST_F(AccessLogTest, WritesToStandardOutput)
{
    LogBus bus(1, 16);
    ::testing::internal::CaptureStdout();
    {
        auto log = AccessLog::open(bus, "-");
        ASSERT_TRUE(log);
        bus.publish(0, numbered(0, 7));
    }
    const std::string output = ::testing::internal::GetCapturedStdout();
    ASSERT_FALSE(output.empty());
    EXPECT_EQ(output.back(), '\n');
    EXPECT_EQ(nlohmann::json::parse(output).at("requestId"), "0:7");
}
