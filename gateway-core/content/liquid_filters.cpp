#include "dotnet_format.h"
#include "json_xml.h"
#include "liquid_internal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

// The standard filters of DotLiquid in C# mode. Each takes the piped value and
// the evaluated arguments and returns a new value; arguments were counted at parse time.
namespace gw::content::detail {

namespace {

// Whether a value nests deeper than `limit`, looking no deeper than that.
bool deeperThan(const Json &value, int limit)
{
    if (!value.is_structured())
        return false;
    if (limit <= 0)
        return true;
    for (const Json &item : value) {
        if (deeperThan(item, limit - 1))
            return true;
    }
    return false;
}

std::string toTextAt(const Json &value, int depth);

} // namespace

std::string toText(const Json &value)
{
    return toTextAt(value, 0);
}

namespace {

// A value nested too deeply renders as nothing rather than exhausting the stack.
std::string toTextAt(const Json &value, int depth)
{
    switch (value.type()) {
    case Json::value_t::string:
        return value.get<std::string>();
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
        return std::to_string(value.get<std::int64_t>());
    case Json::value_t::number_unsigned:
        return std::to_string(value.get<std::uint64_t>());
    case Json::value_t::number_float:
        return formatDouble(value.get<double>());
    case Json::value_t::array: {
        std::string out;
        if (depth >= maxNestingDepth)
            return out;
        for (const Json &item : value)
            out += toTextAt(item, depth + 1);
        return out;
    }
    case Json::value_t::object:
        if (deeperThan(value, maxNestingDepth - depth))
            return {};
        return value.dump(-1, ' ', false, Json::error_handler_t::replace);
    default:
        return {};
    }
}

} // namespace

bool isTruthy(const Json &value)
{
    return !value.is_null() && !(value.is_boolean() && !value.get<bool>());
}

std::optional<double> toNumber(const Json &value)
{
    if (value.is_number())
        return value.get<double>();
    if (value.is_string()) {
        const std::string &s = value.get_ref<const std::string &>();
        if (s.empty())
            return std::nullopt;
        char *end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (end && *end == '\0' && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

std::int64_t clampToInt(double value)
{
    // Casting a double outside the range of the integer is undefined: clamp first.
    constexpr double limit = 9.0e15;
    if (!(value == value))
        return 0;
    return static_cast<std::int64_t>(std::clamp(value, -limit, limit));
}

bool isInteger(const Json &value)
{
    if (value.is_number_integer())
        return true;
    if (value.is_string()) {
        const std::string &s = value.get_ref<const std::string &>();
        std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
        return i < s.size() && s.size() - i < 19 &&
               std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                           [](char c) { return c >= '0' && c <= '9'; });
    }
    return false;
}

namespace {

using Args = std::vector<Json>;

std::int64_t toInt(const Json &value)
{
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    const auto d = toNumber(value);
    return d ? clampToInt(*d) : 0;
}

// ---- UTF-8 by code points, so that lengths and slices never split a character ----

std::vector<std::size_t> codePointStarts(const std::string &s)
{
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            starts.push_back(i);
    }
    return starts;
}

std::string substrCodePoints(const std::string &s, std::size_t start, std::size_t count)
{
    const auto starts = codePointStarts(s);
    if (start >= starts.size())
        return {};
    const std::size_t end = start + count >= starts.size() ? s.size() : starts[start + count];
    return s.substr(starts[start], end - starts[start]);
}

bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string replaceAll(std::string s, const std::string &from, const std::string &to, bool firstOnly)
{
    if (from.empty())
        return s;
    std::size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
        if (firstOnly)
            break;
    }
    return s;
}

// ---- Numbers ----

// Integer arithmetic when both sides are integers (as .NET does), else double.
template<typename IntOp, typename DoubleOp>
Json arithmetic(const Json &a, const Json &b, IntOp intOp, DoubleOp doubleOp)
{
    if (isInteger(a) && isInteger(b)) {
        std::int64_t result = 0;
        if (intOp(toInt(a), toInt(b), result))
            return result;
    }
    const auto x = toNumber(a);
    const auto y = toNumber(b);
    if (!x || !y)
        return x ? Json(*x) : Json(0);
    return doubleOp(*x, *y);
}

Json fAbs(const Json &in, const Args &)
{
    if (isInteger(in)) {
        const std::int64_t v = toInt(in);
        if (v == INT64_MIN)
            return -static_cast<double>(v);
        return v < 0 ? -v : v;
    }
    const auto d = toNumber(in);
    return d ? Json(std::fabs(*d)) : Json(0);
}

Json fPlus(const Json &in, const Args &a)
{
    if (in.is_string() && !toNumber(in))
        return in.get<std::string>() + toText(a[0]);
    return arithmetic(
        in, a[0], [](std::int64_t x, std::int64_t y, std::int64_t &r) { return !__builtin_add_overflow(x, y, &r); },
        [](double x, double y) { return x + y; });
}

Json fMinus(const Json &in, const Args &a)
{
    return arithmetic(
        in, a[0], [](std::int64_t x, std::int64_t y, std::int64_t &r) { return !__builtin_sub_overflow(x, y, &r); },
        [](double x, double y) { return x - y; });
}

Json fTimes(const Json &in, const Args &a)
{
    if (in.is_string() && !toNumber(in) && isInteger(a[0])) {
        std::string out;
        const std::int64_t n = toInt(a[0]);
        if (n > 0 && in.get_ref<const std::string &>().size() * static_cast<std::uint64_t>(n) > maxLiquidOutputBytes)
            throw std::runtime_error("the repeated text is too long");
        for (std::int64_t i = 0; i < n; ++i)
            out += in.get_ref<const std::string &>();
        return out;
    }
    return arithmetic(
        in, a[0], [](std::int64_t x, std::int64_t y, std::int64_t &r) { return !__builtin_mul_overflow(x, y, &r); },
        [](double x, double y) { return x * y; });
}

Json fDividedBy(const Json &in, const Args &a)
{
    const auto divisor = toNumber(a[0]);
    if (!divisor || *divisor == 0)
        throw std::runtime_error("divided by 0");
    return arithmetic(
        in, a[0],
        [](std::int64_t x, std::int64_t y, std::int64_t &r) {
            if (y == -1 && x == INT64_MIN)
                return false;
            r = x / y;
            return true;
        },
        [](double x, double y) { return x / y; });
}

Json fModulo(const Json &in, const Args &a)
{
    const auto divisor = toNumber(a[0]);
    if (!divisor || *divisor == 0)
        throw std::runtime_error("divided by 0");
    return arithmetic(
        in, a[0],
        [](std::int64_t x, std::int64_t y, std::int64_t &r) {
            if (y == -1)
                return r = 0, true;
            r = x % y;
            return true;
        },
        [](double x, double y) { return std::fmod(x, y); });
}

Json fAtLeast(const Json &in, const Args &a)
{
    const auto x = toNumber(in);
    const auto y = toNumber(a[0]);
    if (!x || !y)
        return in;
    return *x < *y ? a[0] : in;
}

Json fAtMost(const Json &in, const Args &a)
{
    const auto x = toNumber(in);
    const auto y = toNumber(a[0]);
    if (!x || !y)
        return in;
    return *x > *y ? a[0] : in;
}

Json fRound(const Json &in, const Args &a)
{
    const auto x = toNumber(in);
    if (!x)
        return in;
    const std::int64_t places = a.empty() ? 0 : std::clamp<std::int64_t>(toInt(a[0]), 0, 15);
    const double scale = std::pow(10.0, static_cast<double>(places));
    // Away from zero at the midpoint; the scaled value is nudged to undo binary error (2.675 -> 2.68).
    const double scaled = *x * scale;
    double rounded = std::round(scaled + (scaled > 0 ? 1e-9 : -1e-9)) / scale;
    if (places == 0)
        return std::fabs(rounded) < 9.0e15 ? Json(clampToInt(rounded)) : Json(rounded);
    return rounded;
}

// decimal.ToString("C") in en-US: "$1,234.50", "-$3.00".
Json fCurrency(const Json &in, const Args &)
{
    const auto x = toNumber(in);
    if (!x)
        return in;
    const double rounded = std::round(std::fabs(*x) * 100.0) / 100.0;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
    std::string digits(buffer);
    const std::size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += ',';
        grouped += whole[i];
    }
    return std::string(*x < 0 && rounded != 0 ? "-$" : "$") + grouped + digits.substr(dot);
}

// ---- Strings ----

Json fAppend(const Json &in, const Args &a)
{
    return in.is_null() ? in : Json(toText(in) + toText(a[0]));
}

Json fPrepend(const Json &in, const Args &a)
{
    return in.is_null() ? in : Json(toText(a[0]) + toText(in));
}

Json fCapitalize(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string s = toText(in);
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

Json fDowncase(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string s = toText(in);
    std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    return s;
}

Json fUpcase(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string s = toText(in);
    std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; });
    return s;
}

// WebUtility.HtmlEncode.
Json fEscape(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string out;
    for (char c : toText(in)) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
            break;
        }
    }
    return out;
}

Json fLstrip(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string s = toText(in);
    std::size_t i = 0;
    while (i < s.size() && isWs(s[i]))
        ++i;
    return s.substr(i);
}

Json fRstrip(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string s = toText(in);
    while (!s.empty() && isWs(s.back()))
        s.pop_back();
    return s;
}

Json fStrip(const Json &in, const Args &a)
{
    return fLstrip(fRstrip(in, a), a);
}

Json fNewlineToBr(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string out;
    for (char c : toText(in)) {
        if (c == '\n') {
            if (!out.empty() && out.back() == '\r') {
                out.pop_back();
                out += "<br />\r\n";
            } else {
                out += "<br />\n";
            }
        } else {
            out += c;
        }
    }
    return out;
}

Json fStripNewlines(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    std::string s = toText(in);
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r'; }), s.end());
    return s;
}

// Drops <script> and <style> elements with their content, comments, then every tag.
Json fStripHtml(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    const std::string s = toText(in);
    std::string lower = s;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '<') {
            out += s[i++];
            continue;
        }
        std::size_t end = std::string::npos;
        if (lower.compare(i, 4, "<!--") == 0) {
            end = lower.find("-->", i + 4);
            end = end == std::string::npos ? end : end + 3;
        } else if (lower.compare(i, 7, "<script") == 0 || lower.compare(i, 6, "<style") == 0) {
            const std::string close = lower.compare(i, 7, "<script") == 0 ? "</script>" : "</style>";
            end = lower.find(close, i);
            end = end == std::string::npos ? end : end + close.size();
        } else {
            end = s.find('>', i);
            end = end == std::string::npos ? end : end + 1;
        }
        if (end == std::string::npos) {
            out += s.substr(i);
            break;
        }
        i = end;
    }
    return out;
}

Json fRemove(const Json &in, const Args &a)
{
    return in.is_null() ? in : Json(replaceAll(toText(in), toText(a[0]), "", false));
}

Json fRemoveFirst(const Json &in, const Args &a)
{
    return in.is_null() ? in : Json(replaceAll(toText(in), toText(a[0]), "", true));
}

Json fReplace(const Json &in, const Args &a)
{
    return in.is_null() ? in : Json(replaceAll(toText(in), toText(a[0]), a.size() > 1 ? toText(a[1]) : "", false));
}

Json fReplaceFirst(const Json &in, const Args &a)
{
    return in.is_null() ? in : Json(replaceAll(toText(in), toText(a[0]), a.size() > 1 ? toText(a[1]) : "", true));
}

Json fTruncate(const Json &in, const Args &a)
{
    if (in.is_null())
        return in;
    const std::string s = toText(in);
    const std::int64_t length = a.empty() ? 50 : toInt(a[0]);
    const std::string ellipsis = a.size() > 1 ? toText(a[1]) : "...";
    const std::size_t count = codePointStarts(s).size();
    if (static_cast<std::int64_t>(count) <= length)
        return s;
    const std::int64_t keep =
        std::max<std::int64_t>(0, length - static_cast<std::int64_t>(codePointStarts(ellipsis).size()));
    return substrCodePoints(s, 0, static_cast<std::size_t>(keep)) + ellipsis;
}

Json fTruncateWords(const Json &in, const Args &a)
{
    if (in.is_null())
        return in;
    const std::string s = toText(in);
    const std::int64_t words = std::max<std::int64_t>(1, a.empty() ? 15 : toInt(a[0]));
    const std::string ellipsis = a.size() > 1 ? toText(a[1]) : "...";
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ')
            ++j;
        if (j > i)
            parts.push_back(s.substr(i, j - i));
        i = j;
    }
    if (static_cast<std::int64_t>(parts.size()) <= words)
        return s;
    std::string out;
    for (std::int64_t w = 0; w < words; ++w)
        out += (w ? " " : "") + parts[static_cast<std::size_t>(w)];
    return out + ellipsis;
}

Json fSplit(const Json &in, const Args &a)
{
    Json out = Json::array();
    if (in.is_null())
        return out;
    const std::string s = toText(in);
    const std::string sep = toText(a[0]);
    if (sep.empty()) {
        const auto starts = codePointStarts(s);
        for (std::size_t i = 0; i < starts.size(); ++i)
            out.push_back(s.substr(starts[i], (i + 1 < starts.size() ? starts[i + 1] : s.size()) - starts[i]));
        return out;
    }
    // Empty pieces are dropped (StringSplitOptions.RemoveEmptyEntries).
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(sep, start);
        const std::string piece = s.substr(start, at == std::string::npos ? std::string::npos : at - start);
        if (!piece.empty())
            out.push_back(piece);
        if (at == std::string::npos)
            break;
        start = at + sep.size();
    }
    return out;
}

Json fUrlEncode(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : toText(in)) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            std::string_view("-_.!*()").find(static_cast<char>(c)) != std::string_view::npos) {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

Json fUrlDecode(const Json &in, const Args &)
{
    if (in.is_null())
        return in;
    const std::string s = toText(in);
    const auto hexValue = [](char c) {
        return c >= '0' && c <= '9'   ? c - '0'
               : c >= 'a' && c <= 'f' ? c - 'a' + 10
               : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                      : -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() + 0 && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

Json fDefault(const Json &in, const Args &a)
{
    const bool useDefault = in.is_null() || (in.is_boolean() && !in.get<bool>()) ||
                            (in.is_string() && in.get_ref<const std::string &>().empty()) ||
                            (in.is_array() && in.empty());
    return useDefault ? a[0] : in;
}

// .NET date format strings; "now" and "today" are the current time, a number is Unix seconds.
Json fDate(const Json &in, const Args &a)
{
    if (in.is_null())
        return in;
    const std::string format = a.empty() ? std::string() : toText(a[0]);
    if (format.empty())
        return toText(in);
    std::optional<DateTime> date;
    const std::string text = toText(in);
    if (text == "now" || text == "Now") {
        date = utcNow();
    } else if (text == "today" || text == "Today") {
        DateTime now = utcNow();
        now.ticks -= now.ticks % ticksPerDay;
        date = now;
    } else if (in.is_number()) {
        // Years 1 to 9999, what a DateTime holds.
        const double seconds = in.get<double>();
        if (!(seconds >= -62135596800.0 && seconds <= 253402300799.0))
            return in;
        date = fromUnixSeconds(seconds);
    } else {
        date = parseDateLoose(text);
    }
    if (!date)
        return in;
    return formatDateTime(*date, format);
}

// ---- Arrays ----

Json fSize(const Json &in, const Args &)
{
    if (in.is_string())
        return codePointStarts(in.get_ref<const std::string &>()).size();
    if (in.is_array() || in.is_object())
        return in.size();
    return 0;
}

Json fFirst(const Json &in, const Args &)
{
    if (in.is_array())
        return in.empty() ? Json() : in.front();
    if (in.is_string())
        return substrCodePoints(in.get_ref<const std::string &>(), 0, 1);
    return Json();
}

Json fLast(const Json &in, const Args &)
{
    if (in.is_array())
        return in.empty() ? Json() : in.back();
    if (in.is_string()) {
        const std::string &s = in.get_ref<const std::string &>();
        const auto starts = codePointStarts(s);
        return starts.empty() ? std::string() : s.substr(starts.back());
    }
    return Json();
}

Json fJoin(const Json &in, const Args &a)
{
    if (!in.is_array())
        return in.is_null() ? in : Json(toText(in));
    const std::string glue = a.empty() ? " " : toText(a[0]);
    std::string out;
    bool first = true;
    for (const Json &item : in) {
        if (!first)
            out += glue;
        out += toText(item);
        first = false;
    }
    return out;
}

Json propertyOf(const Json &item, const std::string &name)
{
    if (item.is_object()) {
        if (auto it = item.find(name); it != item.end())
            return *it;
    }
    return Json();
}

Json fMap(const Json &in, const Args &a)
{
    if (!in.is_array())
        return in.is_object() ? Json::array({propertyOf(in, toText(a[0]))}) : Json::array();
    Json out = Json::array();
    const std::string name = toText(a[0]);
    for (const Json &item : in)
        out.push_back(propertyOf(item, name));
    return out;
}

bool lessForSort(const Json &x, const Json &y)
{
    if (x.is_number() && y.is_number())
        return x.get<double>() < y.get<double>();
    if (x.is_null() != y.is_null())
        return x.is_null();
    return toText(x) < toText(y);
}

Json fSort(const Json &in, const Args &a)
{
    if (!in.is_array())
        return in;
    Json out = in;
    auto &items = out.get_ref<Json::array_t &>();
    if (a.empty()) {
        std::stable_sort(items.begin(), items.end(), lessForSort);
    } else {
        const std::string name = toText(a[0]);
        std::stable_sort(items.begin(), items.end(), [&](const Json &x, const Json &y) {
            return lessForSort(propertyOf(x, name), propertyOf(y, name));
        });
    }
    return out;
}

Json fUniq(const Json &in, const Args &)
{
    if (!in.is_array())
        return in;
    Json out = Json::array();
    for (const Json &item : in) {
        if (std::find(out.begin(), out.end(), item) == out.end())
            out.push_back(item);
    }
    return out;
}

Json fCompact(const Json &in, const Args &)
{
    if (!in.is_array())
        return in;
    Json out = Json::array();
    for (const Json &item : in) {
        if (!item.is_null())
            out.push_back(item);
    }
    return out;
}

Json fSlice(const Json &in, const Args &a)
{
    std::int64_t start = toInt(a[0]);
    const std::int64_t length = a.size() > 1 ? toInt(a[1]) : 1;
    if (in.is_array()) {
        const auto size = static_cast<std::int64_t>(in.size());
        if (start < 0)
            start = std::max<std::int64_t>(0, size + start);
        Json out = Json::array();
        const std::int64_t end = length <= 0 ? start : (length > size - start ? size : start + length);
        for (std::int64_t i = start; i < end; ++i)
            out.push_back(in[static_cast<std::size_t>(i)]);
        return out;
    }
    if (in.is_null())
        return in;
    const std::string s = toText(in);
    const auto size = static_cast<std::int64_t>(codePointStarts(s).size());
    if (start < 0)
        start = std::max<std::int64_t>(0, size + start);
    if (start >= size || length <= 0)
        return std::string();
    return substrCodePoints(s, static_cast<std::size_t>(start), static_cast<std::size_t>(length));
}

constexpr FilterInfo filters[] = {
    {"Abs", fAbs, 0, 0},
    {"Append", fAppend, 1, 1},
    {"AtLeast", fAtLeast, 1, 1},
    {"AtMost", fAtMost, 1, 1},
    {"Capitalize", fCapitalize, 0, 0},
    {"Compact", fCompact, 0, 0},
    {"Currency", fCurrency, 0, 1},
    {"Date", fDate, 1, 1},
    {"Default", fDefault, 1, 1},
    {"DividedBy", fDividedBy, 1, 1},
    {"Downcase", fDowncase, 0, 0},
    {"Escape", fEscape, 0, 0},
    {"First", fFirst, 0, 0},
    {"H", fEscape, 0, 0},
    {"Join", fJoin, 0, 1},
    {"Last", fLast, 0, 0},
    {"Lstrip", fLstrip, 0, 0},
    {"Map", fMap, 1, 1},
    {"Minus", fMinus, 1, 1},
    {"Modulo", fModulo, 1, 1},
    {"NewlineToBr", fNewlineToBr, 0, 0},
    {"Plus", fPlus, 1, 1},
    {"Prepend", fPrepend, 1, 1},
    {"Remove", fRemove, 1, 1},
    {"RemoveFirst", fRemoveFirst, 1, 1},
    {"Replace", fReplace, 1, 2},
    {"ReplaceFirst", fReplaceFirst, 1, 2},
    {"Round", fRound, 0, 1},
    {"Rstrip", fRstrip, 0, 0},
    {"Size", fSize, 0, 0},
    {"Slice", fSlice, 1, 2},
    {"Sort", fSort, 0, 1},
    {"Split", fSplit, 1, 1},
    {"Strip", fStrip, 0, 0},
    {"StripHtml", fStripHtml, 0, 0},
    {"StripNewlines", fStripNewlines, 0, 0},
    {"Times", fTimes, 1, 1},
    {"Truncate", fTruncate, 0, 2},
    {"TruncateWords", fTruncateWords, 0, 2},
    {"Uniq", fUniq, 0, 0},
    {"Upcase", fUpcase, 0, 0},
    {"UrlDecode", fUrlDecode, 0, 0},
    {"UrlEncode", fUrlEncode, 0, 0},
};

} // namespace

const FilterInfo *findFilter(std::string_view name)
{
    for (const FilterInfo &f : filters) {
        if (name == f.name)
            return &f;
    }
    return nullptr;
}

} // namespace gw::content::detail
