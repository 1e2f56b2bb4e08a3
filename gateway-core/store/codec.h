#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>

#include <string>

namespace gw::store {

using Json = model::Json;

// Information files <-> model entities. One field table per kind, in the
// extractor's order (apiops-layout.md section 4): the same table decodes a
// file, encodes a new one, and tells which keys an edit changed. Only the
// fields the model knows appear in an encoded document; the rest of a file is
// left to the text editor that applies the differences (see writer).

// Decoders report fields of the wrong JSON type to `problems` (file and JSON
// pointer in the message's location) and leave them absent.
struct DecodeContext {
    std::string file;
    Diagnostics *problems = nullptr;
    void wrongType(const std::string &pointer, const char *expected) const;
};

void decode(const Json &document, model::Api &api, const DecodeContext &context);
void decode(const Json &document, model::VersionSet &set, const DecodeContext &context);
void decode(const Json &document, model::Product &product, const DecodeContext &context);
void decode(const Json &document, model::ProductGroupLink &link, const DecodeContext &context);
void decode(const Json &document, model::Link &link, const DecodeContext &context);
void decode(const Json &document, model::Group &group, const DecodeContext &context);
void decode(const Json &document, model::Subscription &subscription, const DecodeContext &context);
void decode(const Json &document, model::NamedValue &value, const DecodeContext &context);
void decode(const Json &document, model::Backend &backend, const DecodeContext &context);
void decode(const Json &document, model::PolicyFragment &fragment, const DecodeContext &context);
void decode(const Json &document, model::Tag &tag, const DecodeContext &context);
void decode(const Json &document, model::Logger &logger, const DecodeContext &context);
void decode(const Json &document, model::DiagnosticSetting &setting, const DecodeContext &context);
void decode(const Json &document, model::Release &release, const DecodeContext &context);
void decode(const Json &document, model::Gateway &gateway, const DecodeContext &context);

// The document for an entity: {"properties": {...}} (plus "name" for link resources).
Json encode(const model::Api &api);
Json encode(const model::VersionSet &set);
Json encode(const model::Product &product);
Json encode(const model::ProductGroupLink &link);
Json encode(const model::Link &link, const char *idKey); // idKey: "apiId" or "productId"
Json encode(const model::Group &group);
Json encode(const model::Subscription &subscription);
Json encode(const model::NamedValue &value);
Json encode(const model::Backend &backend);
Json encode(const model::PolicyFragment &fragment);
Json encode(const model::Tag &tag);
Json encode(const model::Logger &logger);
Json encode(const model::DiagnosticSetting &setting);
Json encode(const model::Release &release);
Json encode(const model::Gateway &gateway);

} // namespace gw::store
