#include "utf16.h"

#include <common/text.h>

#include <clocale>
#include <cstring>
#include <cwctype>
#include <locale.h>

namespace gw::expr::utf16 {

namespace {

// One decoded code point and how many bytes it took; invalid sequences decode as U+FFFD of one byte.
struct Decoded {
    std::uint32_t codePoint;
    std::size_t bytes;
};

Decoded decode(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = 0;
    std::uint32_t cp = 0;
    std::uint32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, minimum = 0x10000;
    } else {
        return {0xFFFD, 1};
    }
    if (at + length > text.size())
        return {0xFFFD, 1};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return {0xFFFD, 1};
        cp = (cp << 6) | (byte(at + i) & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return {0xFFFD, 1};
    return {cp, length};
}

std::size_t unitsOf(std::uint32_t codePoint)
{
    return codePoint > 0xFFFF ? 2 : 1;
}

// glibc's built-in C.UTF-8 locale gives towupper/towlower the Unicode tables, without touching the process locale.
locale_t unicodeLocale()
{
    static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return locale;
}

template<class Map>
std::string mapCase(std::string_view text, char (*ascii)(char), Map map)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x80) {
            out += ascii(char(c));
            ++at;
            continue;
        }
        const Decoded d = decode(text, at);
        if (d.codePoint == 0xFFFD && d.bytes == 1) {
            out += text[at]; // not UTF-8: left as it was
        } else {
            appendUtf8(out, std::uint32_t(map(wint_t(d.codePoint))));
        }
        at += d.bytes;
    }
    return out;
}

char upperAsciiChar(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

char lowerAsciiChar(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

} // namespace

bool isAscii(std::string_view text)
{
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (word & 0x8080808080808080ull)
            return false;
    }
    for (; i < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) >= 0x80)
            return false;
    return true;
}

std::size_t length(std::string_view text)
{
    if (isAscii(text))
        return text.size();
    std::size_t units = 0;
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        units += unitsOf(d.codePoint);
        at += d.bytes;
    }
    return units;
}

std::size_t byteOffset(std::string_view text, std::size_t unit)
{
    if (isAscii(text))
        return std::min(unit, text.size());
    std::size_t units = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        const Decoded d = decode(text, at);
        if (units + unitsOf(d.codePoint) > unit)
            return at;
        units += unitsOf(d.codePoint);
        at += d.bytes;
    }
    return text.size();
}

std::size_t unitIndex(std::string_view text, std::size_t byte)
{
    byte = std::min(byte, text.size());
    const std::string_view head = text.substr(0, byte);
    return length(head);
}

std::vector<std::uint32_t> units(std::string_view text)
{
    std::vector<std::uint32_t> out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        if (d.codePoint > 0xFFFF) {
            const std::uint32_t v = d.codePoint - 0x10000;
            out.push_back(0xD800 + (v >> 10));
            out.push_back(0xDC00 + (v & 0x3FF));
        } else {
            out.push_back(d.codePoint);
        }
        at += d.bytes;
    }
    return out;
}

void appendUnits(std::string &out, const std::vector<std::uint32_t> &units)
{
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::uint32_t u = units[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
            appendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            appendUtf8(out, 0xFFFD); // a lone surrogate has no UTF-8 form
        } else {
            appendUtf8(out, u);
        }
    }
}

std::string upper(std::string_view text)
{
    return mapCase(text, upperAsciiChar, [](wint_t c) { return towupper_l(c, unicodeLocale()); });
}

std::string lower(std::string_view text)
{
    return mapCase(text, lowerAsciiChar, [](wint_t c) { return towlower_l(c, unicodeLocale()); });
}

bool isLetter(std::uint32_t c)
{
    return iswalpha_l(wint_t(c), unicodeLocale()) != 0;
}

bool isUpper(std::uint32_t c)
{
    return iswupper_l(wint_t(c), unicodeLocale()) != 0;
}

bool isLower(std::uint32_t c)
{
    return iswlower_l(wint_t(c), unicodeLocale()) != 0;
}

bool isPunctuation(std::uint32_t c)
{
    // iswpunct also says yes to symbols (+, $, <); .NET's IsPunctuation does not.
    static constexpr std::string_view symbols = "$+<=>^`|~";
    if (c < 0x80 && symbols.find(char(c)) != std::string_view::npos)
        return false;
    return iswpunct_l(wint_t(c), unicodeLocale()) != 0;
}

std::uint32_t upper(std::uint32_t c)
{
    return std::uint32_t(towupper_l(wint_t(c), unicodeLocale()));
}

std::uint32_t lower(std::uint32_t c)
{
    return std::uint32_t(towlower_l(wint_t(c), unicodeLocale()));
}

} // namespace gw::expr::utf16
