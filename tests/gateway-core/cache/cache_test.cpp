#include <cache/cache.h>
#include <expr/runtime.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace gw;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct ManualClock {
    std::shared_ptr<std::atomic<cache::Clock::rep>> ticks = std::make_shared<std::atomic<cache::Clock::rep>>(0);
    std::function<cache::Clock::time_point()> function() const
    {
        auto t = ticks;
        return [t] { return cache::Clock::time_point(cache::Clock::duration(t->load())); };
    }
    void advance(cache::Clock::duration by) { *ticks += by.count(); }
};

cache::StoredResponse response(std::string body, int status = 200)
{
    cache::StoredResponse r;
    r.status = status;
    r.reason = "OK";
    r.headers = {{"Content-Type", "application/json"}};
    r.body = std::move(body);
    return r;
}

std::size_t charge(std::string_view key, const cache::StoredResponse &r)
{
    return cache::Cache::chargeFor(key.size(), cache::Cache::responseBytes(r));
}

} // namespace

TEST(Cache, StoresAndFindsResponses)
{
    cache::Cache cache;
    EXPECT_FALSE(cache.lookupResponse("a"));
    EXPECT_TRUE(cache.storeResponse("a", response("{\"x\":1}", 203), 10s));
    const auto hit = cache.lookupResponse("a");
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->response->status, 203);
    EXPECT_EQ(hit->response->body, "{\"x\":1}");
    ASSERT_EQ(hit->response->headers.size(), 1u);
    EXPECT_EQ(hit->response->headers[0].value, "application/json");
    EXPECT_GT(hit->remaining, 9s);
    // Responses and values do not share keys.
    EXPECT_FALSE(cache.lookupValue("a"));
}

// Three entries fit; using the oldest makes the second the least recently used one, which the fourth evicts.
TEST(Cache, EvictsTheLeastRecentlyUsed)
{
    const auto one = response(std::string(100, 'x'));
    const std::size_t each = charge("k1", one);
    cache::Cache cache({.capacityBytes = 3 * each + each / 2, .shards = 1});
    ASSERT_TRUE(cache.storeResponse("k1", one, 60s));
    ASSERT_TRUE(cache.storeResponse("k2", one, 60s));
    ASSERT_TRUE(cache.storeResponse("k3", one, 60s));
    EXPECT_EQ(cache.statistics().entries, 3u);
    ASSERT_TRUE(cache.lookupResponse("k1"));
    ASSERT_TRUE(cache.storeResponse("k4", one, 60s));
    EXPECT_TRUE(cache.lookupResponse("k1"));
    EXPECT_FALSE(cache.lookupResponse("k2"));
    EXPECT_TRUE(cache.lookupResponse("k3"));
    EXPECT_TRUE(cache.lookupResponse("k4"));
    EXPECT_EQ(cache.statistics().bytes, 3 * each);
}

TEST(Cache, NeverHoldsMoreBytesThanItsCapacity)
{
    const std::size_t capacity = 64 * 1024;
    cache::Cache cache({.capacityBytes = capacity, .shards = 4});
    for (int i = 0; i < 2000; ++i) {
        cache.storeResponse("key-" + std::to_string(i),
                            response(std::string(static_cast<std::size_t>(i * 7 % 5000), 'b')), 60s);
        cache.storeValue("value-" + std::to_string(i),
                         expr::makeString(std::string(static_cast<std::size_t>(i % 900), 'v')), 60s);
        ASSERT_LE(cache.statistics().bytes, capacity) << i;
    }
    EXPECT_GT(cache.statistics().entries, 0u);
}

// An entry larger than the whole cache is refused, and does not empty the cache to make room.
TEST(Cache, RefusesAnEntryLargerThanTheCache)
{
    cache::Cache cache({.capacityBytes = 4096, .shards = 1});
    ASSERT_TRUE(cache.storeResponse("small", response("tiny"), 60s));
    EXPECT_FALSE(cache.storeResponse("huge", response(std::string(10000, 'h')), 60s));
    EXPECT_FALSE(cache.lookupResponse("huge"));
    EXPECT_TRUE(cache.lookupResponse("small"));
    EXPECT_LE(cache.statistics().bytes, 4096u);
    EXPECT_FALSE(cache.storeValue("huge", expr::makeString(std::string(10000, 'h')), 60s));
}

// Key, headers and body all count.
TEST(Cache, CountsKeysHeadersAndBodies)
{
    cache::Cache cache({.capacityBytes = 1 << 20, .shards = 1});
    auto r = response("body");
    const std::string key(300, 'k');
    r.headers.push_back({"X-Long", std::string(500, 'h')});
    const std::size_t expected = charge(key, r);
    EXPECT_GE(expected, 300u + 500u + 4u);
    cache.storeResponse(key, r, 60s);
    EXPECT_EQ(cache.statistics().bytes, expected);
    cache.storeResponse(key, response("b"), 60s); // a store replaces the entry and its charge
    EXPECT_EQ(cache.statistics().bytes, charge(key, response("b")));
}

TEST(Cache, ExpiredEntriesAreGone)
{
    ManualClock clock;
    cache::Cache cache({.capacityBytes = 1 << 20, .now = clock.function()});
    cache.storeResponse("r", response("x"), 10s);
    cache.storeValue("v", expr::makeInteger(5), 2s);
    clock.advance(1s);
    EXPECT_TRUE(cache.lookupValue("v"));
    ASSERT_TRUE(cache.lookupResponse("r"));
    EXPECT_EQ(cache.lookupResponse("r")->remaining, 9s);
    clock.advance(1s);
    EXPECT_FALSE(cache.lookupValue("v"));
    clock.advance(8s);
    EXPECT_FALSE(cache.lookupResponse("r"));
    EXPECT_EQ(cache.statistics().entries, 0u);
    EXPECT_FALSE(cache.storeResponse("z", response("x"), 0s));
}

TEST(Cache, ValuesComeBackWithTheirType)
{
    cache::Cache cache;
    cache.storeValue("s", expr::makeString("text"), 60s);
    cache.storeValue("i", expr::makeInteger(42), 60s);
    cache.storeValue("b", expr::makeBool(true), 60s);
    cache.storeValue("d", expr::Value::floating(2.5), 60s);
    cache.storeValue("n", expr::Value(), 60s);
    EXPECT_EQ(expr::typeName(*cache.lookupValue("s")), "System.String");
    EXPECT_EQ(expr::toText(*cache.lookupValue("s")), "text");
    EXPECT_EQ(cache.lookupValue("i")->type(), expr::makeInteger(42).type());
    EXPECT_EQ(cache.lookupValue("i")->integer(), 42);
    EXPECT_EQ(expr::typeName(*cache.lookupValue("b")), "System.Boolean");
    EXPECT_EQ(expr::typeName(*cache.lookupValue("d")), "System.Double");
    EXPECT_EQ(cache.lookupValue("d")->real(), 2.5);
    ASSERT_TRUE(cache.lookupValue("n"));
    EXPECT_TRUE(cache.lookupValue("n")->isNull());
    EXPECT_TRUE(cache.removeValue("s"));
    EXPECT_FALSE(cache.removeValue("s"));
    EXPECT_FALSE(cache.lookupValue("s"));
}

// Several threads store, read and remove at once over a small cache: nothing breaks, the bound holds, and what is
// read is what was stored under that key.
TEST(Cache, ManyThreadsAtOnce)
{
    const std::size_t capacity = 256 * 1024;
    cache::Cache cache({.capacityBytes = capacity, .shards = 8});
    std::atomic<int> wrong = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20000; ++i) {
                const int n = (i * 31 + t) % 500;
                const std::string key = "k" + std::to_string(n);
                switch (i % 4) {
                case 0:
                    cache.storeResponse(key, response(std::to_string(n) + std::string(n, '.')), 60s);
                    break;
                case 1:
                    if (auto hit = cache.lookupResponse(key);
                        hit && !hit->response->body.starts_with(std::to_string(n)))
                        ++wrong;
                    break;
                case 2:
                    cache.storeValue(key, expr::makeInteger(n), 60s);
                    break;
                default:
                    if (auto value = cache.lookupValue(key); value && value->integer() != n)
                        ++wrong;
                    if (n % 7 == 0)
                        cache.removeValue(key);
                }
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_LE(cache.statistics().bytes, capacity);
}

// A JObject is a reference type: changing it after cache-store-value, or changing what cache-lookup-value gave,
// must not change what the cache holds; and it comes back as a JObject.
TEST(Cache, JsonValuesAreKeptAsCopies)
{
    cache::Cache cache;
    auto object = std::make_shared<expr::JNode>(expr::JNode::Kind::Object);
    auto name = std::make_shared<expr::JNode>(expr::JNode::Kind::String);
    name->text = "before";
    object->set("name", name);
    const expr::Value value = expr::makeJson(object);
    ASSERT_TRUE(cache.storeValue("profile", value, 60s));
    name->text = "after";

    auto first = cache.lookupValue("profile");
    ASSERT_TRUE(first);
    EXPECT_EQ(expr::typeName(*first), "Newtonsoft.Json.Linq.JObject");
    EXPECT_EQ(first->as<expr::JNode>()->get("name")->text, "before");
    first->as<expr::JNode>()->get("name")->text = "changed by a reader";
    EXPECT_EQ(cache.lookupValue("profile")->as<expr::JNode>()->get("name")->text, "before");

    const expr::Value list =
        expr::makeList({expr::makeString("a"), expr::makeInteger(1)}, expr::TypeId::Object, expr::TypeId::List);
    ASSERT_TRUE(cache.storeValue("list", list, 60s));
    list.as<expr::ListBox>()->items.clear();
    auto kept = cache.lookupValue("list");
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->type(), expr::TypeId::List);
    EXPECT_EQ(kept->as<expr::ListBox>()->items.size(), 2u);
}
