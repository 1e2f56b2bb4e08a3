#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gw::model {

// What an API offers, as its specification describes it: operations with their
// parameters, requests and responses. Read from specification.yaml|json (the
// source of truth, as APIOps expects) and written back to it.

struct Parameter {
    std::string name;
    std::string description;
    std::string type; // "string", "integer", ... ("" when the schema gives none)
    bool required = false;
    std::optional<std::string> defaultValue;
    std::vector<std::string> values; // enum
    nlohmann::ordered_json schema;   // the parameter's schema, $refs resolved (null when none)
};

struct Representation {
    std::string contentType;        // application/json, ...
    nlohmann::ordered_json schema;  // $refs resolved, cycles cut with {"$ref": ...} left in place
    nlohmann::ordered_json example; // null when none
    std::vector<std::pair<std::string, nlohmann::ordered_json>> examples; // named examples (value only)
};

struct Request {
    std::string description;
    bool required = false;
    std::vector<Representation> representations;
};

struct Response {
    std::string statusCode; // "200", "4XX", "default"
    std::string description;
    std::vector<Parameter> headers;
    std::vector<Representation> representations;
};

struct Operation {
    std::string name;        // operationId: the APIM operation name and operations/<name>/ folder
    std::string displayName; // summary, else the name
    std::string method;      // upper case: GET, POST, ...
    std::string urlTemplate; // APIM syntax: /sessions/{id}
    std::string description;
    std::vector<Parameter> templateParameters;
    std::vector<Parameter> queryParameters;
    std::vector<Parameter> headers;
    std::optional<Request> request;
    std::vector<Response> responses;
};

struct ApiContract {
    std::string openApiVersion; // "2.0", "3.0.1", "3.1.0", ... as declared
    std::string title;
    std::string description;
    std::string version;
    std::vector<std::string> servers; // server URLs with variables substituted by their defaults
    std::vector<Operation> operations;

    const Operation *findOperation(const std::string &name) const;
};

} // namespace gw::model
