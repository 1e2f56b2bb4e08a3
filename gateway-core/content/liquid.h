#pragma once

#include <common/result.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace gw::content {

// Where a template is wrong: a byte offset into the template text and the same
// place as line and column (from 1, columns in bytes). A caller that took the
// template out of a larger file shifts it to the file's position.
struct LiquidError {
    std::string message; // without the position
    std::size_t offset = 0;
    int line = 0;
    int column = 0;
};

// Limits that keep one request from taking the gateway down: tags and
// expressions nested deeper than this are a parse error, and a render stops
// (with a "Liquid error" in the output) after this many loop iterations.
inline constexpr int maxLiquidNesting = 100;
inline constexpr std::size_t maxLiquidLoopIterations = 1'000'000;
inline constexpr std::size_t maxLiquidOutputBytes = 64 * 1024 * 1024;

// A Liquid template as the set-body policy runs it: DotLiquid in C# mode
// (PascalCase filter names, .NET date format strings). Parsed once when the
// configuration is compiled; rendered per request against a model such as
// {"body": ..., "context": {...}}. Immutable after parse: copies share the
// parsed form, and render() may run on many threads at once.
//
// Tags: {{ }} with filters, if/elsif/else, unless, case/when, for (limit,
// offset, reversed, forloop.*, else), break, continue, assign, capture, comment,
// raw, and JSONArrayFor (a for whose iterations are joined with commas inside
// [ ]). Whitespace control with {{- -}} and {%- -%}.
class LiquidTemplate {
public:
    // Every syntax error (unclosed tag or output, unknown tag or filter, bad
    // expression) is an Error whose message starts "line L, column C: "; pass
    // `where` to get the position as numbers too.
    static Result<LiquidTemplate> parse(std::string_view text, LiquidError *where = nullptr);

    // Never throws. A problem at render time (a loop past the iteration limit)
    // is written into the output as "Liquid error: ...", as DotLiquid does.
    std::string render(const nlohmann::ordered_json &model) const;

    struct Program; // the parsed form (liquid.cpp)

private:
    explicit LiquidTemplate(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}
    std::shared_ptr<const Program> m_program;
};

// The Liquid model of a JSON body (what "body" is bound to), parsed with the
// same nesting limit as the conversions. Build models this way (or with
// xmlToLiquidModel): render() relies on values nested at most maxNestingDepth deep.
Result<nlohmann::ordered_json> jsonToLiquidModel(std::string_view json);

// The Liquid model of an XML body, so that body.root.child reads it: elements
// are objects keyed by local name, a text-only element is its text, repeated
// children are arrays, attributes are "@name". Malformed or too deeply nested XML is an Error.
Result<nlohmann::ordered_json> xmlToLiquidModel(std::string_view xml);

} // namespace gw::content
