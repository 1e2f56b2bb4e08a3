#pragma once

#include "validation.h"

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent"
//                   errors-variable-name="errors">
//     <content-type-map missing-content-type-value="application/json">
//         <type from="application/hal+json" to="application/json" />
//     </content-type-map>
//     <content type="application/json" validate-as="json" action="prevent" allow-additional-properties="false" />
// </validate-content>
class ValidateContentPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    enum class Engine { Json, Xml, Soap };
    struct Mapping {
        std::optional<Template> from; // a content type, compared without case
        std::optional<Template> when; // or a condition
        Template to;
    };
    struct Content {
        std::string type; // lower case without parameters; empty: every content type of the specification
        Engine engine = Engine::Json;
        bool schemaResource = false; // schema-id given: not available here (see describe())
        validation::ActionTemplate action;
        validation::JsonSchema::AdditionalProperties additional =
            validation::JsonSchema::AdditionalProperties::AsSchema;
    };
    struct Config {
        validation::ActionTemplate unspecifiedAction;
        std::int64_t maxSize = 0;
        validation::ActionTemplate sizeExceededAction;
        std::string errorsVariable;
        std::optional<Template> anyContentType;
        std::optional<Template> missingContentType;
        std::vector<Mapping> mappings;
        std::vector<Content> contents;
    };
    explicit ValidateContentPolicy(Config config) : m_config(std::move(config)) {}

    // APIM's ceiling for max-size.
    static constexpr std::int64_t maxSizeLimit = 102400;

private:
    std::optional<std::string> mappedContentType(Run &run, const std::string &received) const;

    Config m_config;
    validation::SchemaCache m_schemas;
};

} // namespace gw::policy
