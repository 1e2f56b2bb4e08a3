#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gw {

// Appends the UTF-8 encoding of a Unicode code point (at most U+10FFFF).
void appendUtf8(std::string &out, std::uint32_t codePoint);

// The value of a hexadecimal digit, or -1.
int hexValue(char c);

// A query-string name or value decoded: %XX escapes and '+' for a space (malformed escapes stay as they are).
std::string decodeQueryComponent(std::string_view raw);

// One reference token of a JSON pointer (RFC 6901): '~' becomes "~0", '/' becomes "~1".
std::string escapeJsonPointerToken(std::string_view token);

// Without leading and trailing spaces, tabs, CRs and LFs.
std::string_view trimSpace(std::string_view text);

// ASCII letters in lower or upper case; other bytes unchanged.
std::string lowerAscii(std::string_view text);
std::string upperAscii(std::string_view text);

// Levenshtein distance, for "did you mean" suggestions; ASCII letters compare without case when asked.
std::size_t editDistance(std::string_view a, std::string_view b, bool ignoreCase = false);

} // namespace gw
