#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gw {

// Appends the UTF-8 encoding of a Unicode code point (at most U+10FFFF).
void appendUtf8(std::string &out, std::uint32_t codePoint);

// One reference token of a JSON pointer (RFC 6901): '~' becomes "~0", '/' becomes "~1".
std::string escapeJsonPointerToken(std::string_view token);

} // namespace gw
