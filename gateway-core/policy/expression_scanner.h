#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gw::policy {

// Where a policy expression that starts at an '@' ends, found by balancing its
// brackets while skipping C# string literals (regular, verbatim @"...",
// interpolated $"..{..}.." and $@"..."), character literals and comments.
struct ExpressionScan {
    std::size_t end = 0; // one past the closing ')' or '}' when ok()
    std::string error;   // empty when the expression is balanced
    std::size_t errorOffset = 0;
    bool ok() const { return error.empty(); }
};

// Nesting deeper than this is reported rather than followed.
inline constexpr std::size_t maxExpressionNesting = 256;

// `text[begin]` is '@' and `text[begin + 1]` is '(' or '{'. Linear in the length scanned.
ExpressionScan scanExpression(std::string_view text, std::size_t begin);

} // namespace gw::policy
