#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Expression strings are UTF-8 bytes; .NET counts and indexes strings in UTF-16 code units. These functions give
// the .NET view of a UTF-8 string, so Length, indexes and widths agree with APIM for every text, not only ASCII.
// ASCII strings (nearly all of them: headers, paths, keys) take a fast path where a unit is a byte.
// Bytes that are not valid UTF-8 count as one unit each (U+FFFD, as .NET decodes them).
namespace gw::expr::utf16 {

bool isAscii(std::string_view text);
// The number of UTF-16 code units.
std::size_t length(std::string_view text);
// The byte offset where code unit `unit` starts (text.size() at or past the end). An index between the two halves
// of a surrogate pair maps to the start of the pair's code point.
std::size_t byteOffset(std::string_view text, std::size_t unit);
// The code-unit index of the byte offset `byte` (which should start a code point).
std::size_t unitIndex(std::string_view text, std::size_t byte);
// The code units themselves (surrogate pairs for code points above U+FFFF).
std::vector<std::uint32_t> units(std::string_view text);
// Appends code units as UTF-8, joining surrogate pairs back into one code point.
void appendUnits(std::string &out, const std::vector<std::uint32_t> &units);
// Upper and lower case of every letter (simple case mapping, invariant culture).
std::string upper(std::string_view text);
std::string lower(std::string_view text);

// One character (a code unit or code point) classified and mapped with the Unicode tables, as System.Char does.
bool isLetter(std::uint32_t c);
bool isUpper(std::uint32_t c);
bool isLower(std::uint32_t c);
bool isPunctuation(std::uint32_t c);
std::uint32_t upper(std::uint32_t c);
std::uint32_t lower(std::uint32_t c);

} // namespace gw::expr::utf16
