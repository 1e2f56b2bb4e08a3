// Body transformations on typical sizes: a 10-line Liquid template over a 2 KB
// JSON body, json-to-xml and xml-to-json of a 10 KB document. Build in Release;
// run with --benchmark_repetitions=N --benchmark_report_aggregates_only=true for medians.
#include <content/json_xml.h>
#include <content/liquid.h>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

namespace {

using Json = nlohmann::ordered_json;

// An order with `lines` lines.
Json order(int lines)
{
    Json body = {
        {"orderId", "ORD-2024-000123"},
        {"createdAt", "2024-03-05T14:07:09.123Z"},
        {"customer", {{"id", 4711}, {"firstName", "Grace"}, {"lastName", "Hopper"}, {"email", "grace@example.test"}}},
        {"lines", Json::array()}};
    for (int i = 0; i < lines; ++i) {
        body["lines"].push_back({{"sku", "SKU-" + std::to_string(1000 + i)},
                                 {"description", "A widget of the ordinary kind, number " + std::to_string(i)},
                                 {"quantity", i % 5 + 1},
                                 {"price", 9.99 + i},
                                 {"tags", {"red", "large"}}});
    }
    return body;
}

// The smallest order whose JSON text is at least `bytes` long.
Json orderOfSize(std::size_t bytes)
{
    int lines = 1;
    while (order(lines).dump().size() < bytes)
        ++lines;
    return order(lines);
}

constexpr const char *templateText = R"({
  "id": "{{ body.orderId }}",
  "customer": "{{ body.customer.firstName }} {{ body.customer.lastName | Upcase }}",
  "email": "{{ body.customer.email | Downcase }}",
  "placed": "{{ body.createdAt | Date: "yyyy-MM-dd" }}",
  "lines": [{% for l in body.lines %}{% if l.quantity > 0 %}
    {"sku": "{{ l.sku }}", "qty": {{ l.quantity }}, "total": {{ l.price | Times: l.quantity | Round: 2 }}}{% unless forloop.last %},{% endunless %}{% endif %}{% endfor %}
  ],
  "count": {{ body.lines.size }}
})";

void setBytes(benchmark::State &state, std::size_t bytes)
{
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * static_cast<std::int64_t>(state.iterations()));
    state.counters["input_bytes"] = static_cast<double>(bytes);
}

void liquidRender2KB(benchmark::State &state)
{
    const Json body = orderOfSize(2048);
    const std::string bodyText = body.dump();
    const auto parsed = gw::content::LiquidTemplate::parse(templateText);
    if (!parsed.ok()) {
        state.SkipWithError(parsed.error().message.c_str());
        return;
    }
    const Json model = {{"body", body}};
    for (auto _ : state) {
        std::string out = parsed->render(model);
        benchmark::DoNotOptimize(out);
    }
    setBytes(state, bodyText.size());
}

// The per-request path of set-body with a JSON body: parse the body, then render.
void liquidParseBodyAndRender2KB(benchmark::State &state)
{
    const std::string bodyText = orderOfSize(2048).dump();
    const auto parsed = gw::content::LiquidTemplate::parse(templateText);
    for (auto _ : state) {
        auto body = gw::content::jsonToLiquidModel(bodyText);
        Json model = Json::object();
        model["body"] = std::move(body.value());
        std::string out = parsed->render(model);
        benchmark::DoNotOptimize(out);
    }
    setBytes(state, bodyText.size());
}

void jsonToXml10KB(benchmark::State &state)
{
    const std::string json = orderOfSize(10240).dump();
    for (auto _ : state) {
        auto xml = gw::content::jsonToXml(json, {});
        benchmark::DoNotOptimize(xml);
    }
    setBytes(state, json.size());
}

void xmlToJson10KB(benchmark::State &state)
{
    // The smallest order whose XML is at least 10 KB.
    int lines = 1;
    auto xml = gw::content::jsonToXml(order(lines).dump(), {});
    while (xml.ok() && xml->size() < 10240)
        xml = gw::content::jsonToXml(order(++lines).dump(), {});
    if (!xml.ok()) {
        state.SkipWithError(xml.error().message.c_str());
        return;
    }
    for (auto _ : state) {
        auto json = gw::content::xmlToJson(xml.value(), {});
        benchmark::DoNotOptimize(json);
    }
    setBytes(state, xml->size());
}

} // namespace

BENCHMARK(liquidRender2KB);
BENCHMARK(liquidParseBodyAndRender2KB);
BENCHMARK(jsonToXml10KB);
BENCHMARK(xmlToJson10KB);
BENCHMARK_MAIN();
