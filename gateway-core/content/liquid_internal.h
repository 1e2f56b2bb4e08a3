#pragma once

#include "liquid.h"

#include <optional>
#include <string>
#include <vector>

// The parsed form of a Liquid template and the filter table; shared by the
// parser, the renderer and the filters, not part of the library's contract.
namespace gw::content::detail {

using Json = nlohmann::ordered_json;

// A value read from the model or the locals without copying it, or one made
// by a literal or a filter.
class Val {
public:
    Val() = default;
    static Val ref(const Json &json)
    {
        Val v;
        v.m_ref = &json;
        return v;
    }
    static Val own(Json json)
    {
        Val v;
        v.m_owned = std::move(json);
        return v;
    }
    const Json &get() const { return m_ref ? *m_ref : m_owned; }
    bool isRef() const { return m_ref != nullptr; }

private:
    const Json *m_ref = nullptr;
    Json m_owned;
};

struct Expr {
    enum class Kind { Literal, Variable, Range, Empty, Blank };
    struct Step {
        std::string key;             // .key
        std::unique_ptr<Expr> index; // [expr], when set
    };
    Kind kind = Kind::Literal;
    Json literal;
    std::string root; // a Variable's first name
    std::vector<Step> path;
    std::unique_ptr<Expr> from, to; // a Range's bounds
};

using FilterFn = Json (*)(const Json &input, const std::vector<Json> &args);

struct FilterInfo {
    const char *name;
    FilterFn fn;
    int minArgs;
    int maxArgs;
};

// The filter of that (PascalCase) name, or null.
const FilterInfo *findFilter(std::string_view name);

struct FilterCall {
    const FilterInfo *filter = nullptr;
    std::vector<Expr> args;
};

struct Output {
    Expr expr;
    std::vector<FilterCall> filters;
};

struct Comparison {
    Expr left;
    std::string op; // empty: the truth of `left`
    Expr right;
};

// Terms joined by and/or, evaluated from the right as Liquid does.
struct Condition {
    std::vector<Comparison> terms;
    std::vector<bool> joinedByAnd; // between terms[i] and terms[i + 1]
};

struct Node;
using Block = std::vector<Node>;

struct Node {
    enum class Kind { Text, Output, If, Unless, Case, For, JsonArrayFor, Assign, Capture, Break, Continue };
    Kind kind = Kind::Text;
    std::string text;                                       // Text: the text; For/Assign/Capture: the variable name
    Output output;                                          // Output; Assign: the value; Case: the subject
    std::vector<std::pair<Condition, Block>> branches;      // If/Unless
    std::vector<std::pair<std::vector<Expr>, Block>> whens; // Case
    Block body;                                             // For, Capture
    Block elseBlock;                                        // If, Unless, Case, For
    std::optional<Expr> limit, offset;
    bool reversed = false;
    Expr collection;
};

// Text of a value as {{ }} writes it.
std::string toText(const Json &value);
bool isTruthy(const Json &value);
// A number from a number or numeric text; nullopt otherwise.
std::optional<double> toNumber(const Json &value);
bool isInteger(const Json &value);
// A double as an integer, clamped to +-9e15 (NaN is 0).
std::int64_t clampToInt(double value);

} // namespace gw::content::detail

namespace gw::content {
struct LiquidTemplate::Program {
    detail::Block root;
};
} // namespace gw::content
