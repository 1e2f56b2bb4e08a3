#pragma once

// What the four content validation policies share (validate-content, validate-parameters, validate-headers,
// validate-status-code): their actions, the errors they log, how a `prevent` ends the request, and JSON schemas
// from the API's specification compiled once per configuration.

#include <policy/compiler.h>
#include <policy/policy.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::model {
struct Api;
struct Parameter;
struct Operation;
struct Response;
} // namespace gw::model

namespace gw::policy::validation {

enum class Action { Ignore, Prevent, Detect };

// "ignore" | "prevent" | "detect" (any case); nullopt otherwise.
std::optional<Action> parseAction(std::string_view text);
std::string_view toString(Action action);
inline const std::vector<std::string_view> actionChoices = {"ignore", "prevent", "detect"};
inline constexpr std::string_view actionHelp = "ignore: skip the check; prevent: reject (400 in inbound, 502 in "
                                               "outbound); detect: log into the errors variable and go on.";

// An action attribute as compiled: absent (inherit the parent's) or a value, possibly an expression.
using ActionTemplate = std::optional<Template>;
// Reads an optional action attribute; a literal that is not an action is reported where it stands.
ActionTemplate actionAttribute(const Element &element, std::string_view name, Compiler &compiler);
// The action of the innermost level that sets one; nullopt when the run failed evaluating it.
std::optional<Action> resolve(Run &run, std::initializer_list<const ActionTemplate *> innermostFirst);

// The public text of every response-side problem.
inline constexpr std::string_view internalErrorMessage =
    "The request could not be processed due to an internal error. Contact the API owner.";

// One logged problem, as APIM's errors variable holds it.
struct Error {
    std::string name;           // the parameter, header, content type or status code
    std::string type;           // RequestBody, ResponseBody, ApiSchema, QueryParameter, ..., StatusCode
    std::string validationRule; // SizeLimit, Unspecified, MissingDefinition, IncorrectMessage, ...
    std::string details;        // for the variable and context.LastError.Message
    std::string publicMessage;  // for the caller
    Action action = Action::Detect;
};

// The errors one policy found in one request.
class Report {
public:
    // Keeps `error` unless its action is ignore.
    void add(Error error);
    bool empty() const { return m_errors.empty(); }
    bool prevents() const;

    // Writes the errors to the variable (when named; a list that one earlier validation policy left there grows),
    // then, when one of them prevents, fails the run as APIM does: 400 "Bad request" in inbound, 502 "Response not
    // allowed" on the response, with the first preventing error's public message.
    Flow finish(Run &run, const std::string &errorsVariable) const;

private:
    std::vector<Error> m_errors;
};

// Whether the policy works on the response (outbound, on-error) rather than the request.
bool onResponse(const Run &run);

// A JSON schema of the API's specification compiled by valijson. Immutable: any number of threads may validate with
// one at once.
class JsonSchema {
public:
    enum class AdditionalProperties { AsSchema, Allow, Forbid }; // allow-additional-properties absent | true | false

    // Compiles `schema` ($refs already expanded by the contract; the cut ones point into the API's specification,
    // which is read for them). Never throws: a schema valijson refuses comes back with error() set.
    static std::shared_ptr<const JsonSchema> compile(const nlohmann::ordered_json &schema, const model::Api *api,
                                                     AdditionalProperties additional);
    ~JsonSchema();

    const std::string &error() const { return m_error; }

    struct Problem {
        std::string message;
        std::vector<std::string> path; // JSON pointer segments of the failing value
    };
    // The first problem of `value`, or nullopt when it conforms.
    std::optional<Problem> validate(const nlohmann::json &value) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_error;
};

// Schemas compiled the first time a request needs them, shared by the requests after it. `owner` is the contract
// element the schema belongs to (stable for the configuration's lifetime), `key` what else shaped it.
class SchemaCache {
public:
    std::shared_ptr<const JsonSchema> get(const void *owner, const std::string &key,
                                          const std::function<std::shared_ptr<const JsonSchema>()> &make) const;

private:
    mutable std::shared_mutex m_mutex;
    mutable std::map<std::pair<const void *, std::string>, std::shared_ptr<const JsonSchema>> m_schemas;
};

// What is wrong with a parameter's or header's value, checked against its definition: converted to the type the
// specification gives (integer, number, boolean, array, string), then validated by its schema (enum, pattern,
// minimum, maximum, lengths).
struct ValueProblem {
    bool unparsable = false; // the text is not of the declared type
    std::string message;
};
std::optional<ValueProblem> checkValue(const model::Parameter &parameter, std::string_view text, const model::Api *api,
                                       const SchemaCache &cache);

// The response the operation declares for `status`: the exact code, else its class ("4XX"), else "default"; null
// when none (or without an operation).
const model::Response *findResponse(const model::Operation *operation, int status);
// Whether the operation's responses allow `status` (a "default" response allows every code).
bool declaresStatus(const model::Operation *operation, int status);

// Line and position (both from 1) of the byte at `offset` of `text`, for "Line: L, Position: P" in messages.
std::pair<int, int> lineAndPosition(const std::string &text, std::size_t offset);
// The same for the value at `path` (JSON pointer segments) in JSON `text`.
std::pair<int, int> locateInJson(const std::string &text, const std::vector<std::string> &path);

} // namespace gw::policy::validation
