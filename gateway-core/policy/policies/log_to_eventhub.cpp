#include "log_to_eventhub.h"

#include <policy/run.h>
#include <telemetry/event_sinks.h>

#include <algorithm>

namespace gw::policy {

PolicyDescription LogToEventHubPolicy::describe()
{
    return {
        .name = "log-to-eventhub",
        .sections = AllSections,
        .help = "Logs the element's text (usually an expression) to a logger. Here a logger is a local JSON-lines "
                "file, <state folder>/logs/<logger-id>.jsonl, one line per message.",
        .attributes = {{.name = "logger-id",
                        .required = true,
                        .expressions = false,
                        .help = "A logger of the workspace (loggers/<id>)."},
                       {.name = "partition-id", .expressions = false, .help = "Recorded with the message."},
                       {.name = "partition-key", .help = "Recorded with the message."}},
        .hasText = true,
    };
}

std::shared_ptr<const Policy> LogToEventHubPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    config.loggerId = compiler.literal(element, "logger-id");
    config.partitionId = compiler.literal(element, "partition-id");
    config.partitionKey = compiler.attribute(element, "partition-key");
    config.message = compiler.text(element);
    if (config.loggerId.empty()) {
        compiler.error(element.range, "'log-to-eventhub' needs the attribute 'logger-id'");
        return nullptr;
    }
    if (const model::Workspace *workspace = compiler.workspace()) {
        const auto &loggers = workspace->loggers;
        if (std::none_of(loggers.begin(), loggers.end(),
                         [&](const model::Logger &logger) { return logger.name == config.loggerId; }))
            compiler.warning(element.range, "unknown logger '" + config.loggerId +
                                                "' (loggers/ has no such folder); the messages still go to " +
                                                config.loggerId + ".jsonl");
    }
    return std::make_shared<LogToEventHubPolicy>(std::move(config));
}

Flow LogToEventHubPolicy::apply(Run &run) const
{
    auto message = run.text(m_config.message);
    if (!message)
        return Flow::Fail;
    std::optional<std::string> partitionKey;
    if (m_config.partitionKey) {
        partitionKey = run.text(*m_config.partitionKey);
        if (!partitionKey)
            return Flow::Fail;
    }
    telemetry::EventSinks &sinks = run.services().events();
    const bool written = sinks.log(m_config.loggerId, *message, m_config.partitionId, partitionKey.value_or(""));
    if (run.tracing()) {
        const auto file = sinks.logFile(m_config.loggerId);
        run.note("logger " + m_config.loggerId + ": " + std::to_string(message->size()) + " bytes" +
                 (file.empty() ? std::string(" (kept in memory)") : " to " + file.string()) +
                 (written ? "" : " (the file could not be written)"));
    }
    // As in APIM, a logging failure never fails the request.
    return Flow::Continue;
}

} // namespace gw::policy
