#pragma once

#include <string>
#include <string_view>

namespace gh::policies {

// Re-indents a policy document by element depth: lines that start with a tag, a comment, an expression that is a
// whole value, or an attribute continuing a start tag get `indent` once per level; trailing blanks after markup go,
// and so does the blank of lines that hold nothing. Only whitespace outside expressions, comments, CDATA and
// literal texts changes, so what the document means stays exactly the same.
std::string formatPolicy(std::string_view text, std::string_view indent);

// The indentation a document already uses: a tab when its indented lines mostly start with one, else four spaces.
std::string detectIndent(std::string_view text);

} // namespace gh::policies
