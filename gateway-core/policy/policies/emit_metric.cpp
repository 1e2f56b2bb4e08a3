#include "emit_metric.h"

#include <expr/value.h>
#include <policy/run.h>
#include <telemetry/event_sinks.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace gw::policy {

namespace {

// The dimensions APIM fills in when the policy gives no value.
constexpr std::array<std::string_view, 8> kDefaultDimensions = {
    "API ID", "Operation ID", "Product ID", "User ID", "Subscription ID", "Location", "Gateway ID", "Backend ID"};

// APIM allows at most this many dimensions per metric.
constexpr std::size_t kMaxDimensions = 5;

std::string defaultDimension(std::string_view name, const expr::Context &context)
{
    if (name == "API ID")
        return context.api ? context.api->name : std::string();
    if (name == "Operation ID")
        return context.operation ? context.operation->name : std::string();
    if (name == "Product ID")
        return context.product ? context.product->name : std::string();
    if (name == "Subscription ID")
        return context.subscription ? context.subscription->name : std::string();
    if (name == "User ID")
        return context.subscription && context.subscription->ownerId ? *context.subscription->ownerId : std::string();
    if (name == "Location" || name == "Gateway ID")
        return "local";
    return std::string(); // Backend ID: known once the request went out; APIM leaves it empty in inbound too
}

} // namespace

PolicyDescription EmitMetricPolicy::describe()
{
    return {
        .name = "emit-metric",
        .sections = AllSections,
        .help = "Adds a value to a custom metric with up to five dimensions; the gateway's analytics show it.",
        .attributes = {{.name = "name", .required = true, .expressions = false, .help = "The metric."},
                       {.name = "namespace", .expressions = false, .defaultValue = "API Management"},
                       {.name = "value", .type = AttributeType::Number, .defaultValue = "1", .help = "A number."}},
        .children = {{.name = "dimension",
                      .required = true,
                      .repeated = true,
                      .help = "name, and value (an expression; without it API ID, Operation ID, Product ID, User "
                              "ID, Subscription ID, Location and Gateway ID get their usual values)."}},
    };
}

std::shared_ptr<const Policy> EmitMetricPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    config.name = compiler.literal(element, "name");
    config.metricNamespace = compiler.literal(element, "namespace");
    auto value = compiler.attribute(element, "value");
    if (config.name.empty() || !value)
        return nullptr;
    config.value = std::move(*value);
    bool valid = true;
    for (const Element &child : element.children) {
        Dimension dimension;
        dimension.name = compiler.literal(child, "name");
        dimension.value = compiler.attribute(child, "value");
        if (dimension.name.empty()) {
            compiler.error(child.range, "a dimension needs a name");
            valid = false;
        } else if (!dimension.value && std::find(kDefaultDimensions.begin(), kDefaultDimensions.end(),
                                                 dimension.name) == kDefaultDimensions.end()) {
            compiler.error(child.range, "dimension '" + dimension.name +
                                            "' needs a value (only API ID, Operation ID, Product ID, User ID, "
                                            "Subscription ID, Location, Gateway ID and Backend ID have defaults)");
            valid = false;
        }
        config.dimensions.push_back(std::move(dimension));
    }
    if (config.dimensions.size() > kMaxDimensions) {
        compiler.error(element.range, "emit-metric takes at most 5 dimensions");
        valid = false;
    }
    if (!valid)
        return nullptr;
    return std::make_shared<EmitMetricPolicy>(std::move(config));
}

Flow EmitMetricPolicy::apply(Run &run) const
{
    auto value = run.value(m_config.value);
    if (!value)
        return Flow::Fail;
    telemetry::Metric metric;
    metric.metricNamespace = m_config.metricNamespace;
    metric.name = m_config.name;
    if (value->isNumber()) {
        metric.value = value->number();
    } else {
        const std::string text = expr::toText(*value);
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), metric.value);
        if (error != std::errc() || end != text.data() + text.size())
            return run.fail("ExpressionValueEvaluationFailure", "emit-metric value '" + text + "' is not a number");
    }
    for (const Dimension &dimension : m_config.dimensions) {
        std::string text;
        if (dimension.value) {
            auto evaluated = run.text(*dimension.value);
            if (!evaluated)
                return Flow::Fail;
            text = std::move(*evaluated);
        } else {
            text = defaultDimension(dimension.name, run.context());
        }
        metric.dimensions.emplace_back(dimension.name, std::move(text));
    }
    if (run.tracing())
        run.note("metric " + metric.metricNamespace + "/" + metric.name + " += " + std::to_string(metric.value));
    run.services().events().addMetric(metric);
    return Flow::Continue;
}

} // namespace gw::policy
