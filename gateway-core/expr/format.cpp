// .NET formatting and parsing in the invariant culture: numbers (standard and custom format strings), DateTime,
// TimeSpan, Guid, and composite formats ("{0,5:N2}").

#include <expr/runtime.h>

#include <openssl/rand.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace gw::expr {

std::string_view enumName(TypeId type, std::int64_t value); // bindings_system.cpp
std::string base64Encode(std::string_view data);            // bindings_text.cpp

namespace {

constexpr std::int64_t unixEpochDays = 719162; // 0001-01-01 to 1970-01-01

// Howard Hinnant's days_from_civil / civil_from_days, counted from 0001-01-01.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468 + unixEpochDays;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
    int hour, minute, second;
    std::int64_t fraction; // ticks within the second
    int dayOfWeek;         // 0 = Sunday
};

Civil civil(std::int64_t ticks)
{
    std::int64_t days = ticks / ticksPerDay;
    std::int64_t rest = ticks % ticksPerDay;
    if (rest < 0) {
        rest += ticksPerDay;
        --days;
    }
    Civil c{};
    c.dayOfWeek = int((days + 1) % 7); // 0001-01-01 was a Monday
    std::int64_t z = days - unixEpochDays + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    c.day = doy - (153 * mp + 2) / 5 + 1;
    c.month = mp < 10 ? mp + 3 : mp - 9;
    c.year = std::int64_t(yoe) + era * 400 + (c.month <= 2);
    c.hour = int(rest / (3600 * ticksPerSecond));
    c.minute = int(rest / (60 * ticksPerSecond) % 60);
    c.second = int(rest / ticksPerSecond % 60);
    c.fraction = rest % ticksPerSecond;
    return c;
}

void pad(std::string &out, std::int64_t value, int width)
{
    const std::uint64_t magnitude = value < 0 ? 0ull - std::uint64_t(value) : std::uint64_t(value);
    std::string digits = std::to_string(magnitude);
    if (value < 0) {
        out += '-';
    }
    if (int(digits.size()) < width) {
        out.append(std::size_t(width) - digits.size(), '0');
    }
    out += digits;
}

constexpr const char *monthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};
constexpr const char *dayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string formatDateCustom(std::int64_t ticks, int kind, std::string_view f)
{
    const Civil c = civil(ticks);
    std::string out;
    for (std::size_t i = 0; i < f.size();) {
        const char ch = f[i];
        std::size_t n = 1;
        while (i + n < f.size() && f[i + n] == ch) {
            ++n;
        }
        switch (ch) {
        case 'y':
            if (n <= 2) {
                pad(out, c.year % 100, int(n));
            } else {
                pad(out, c.year, int(n));
            }
            break;
        case 'M':
            if (n <= 2) {
                pad(out, c.month, int(n));
            } else if (n == 3) {
                out += std::string(monthNames[c.month - 1]).substr(0, 3);
            } else {
                out += monthNames[c.month - 1];
            }
            break;
        case 'd':
            if (n <= 2) {
                pad(out, c.day, int(n));
            } else if (n == 3) {
                out += std::string(dayNames[c.dayOfWeek]).substr(0, 3);
            } else {
                out += dayNames[c.dayOfWeek];
            }
            break;
        case 'H':
            pad(out, c.hour, int(std::min<std::size_t>(n, 2)));
            break;
        case 'h':
            pad(out, c.hour % 12 == 0 ? 12 : c.hour % 12, int(std::min<std::size_t>(n, 2)));
            break;
        case 'm':
            pad(out, c.minute, int(std::min<std::size_t>(n, 2)));
            break;
        case 's':
            pad(out, c.second, int(std::min<std::size_t>(n, 2)));
            break;
        case 'f':
        case 'F': {
            std::string digits;
            pad(digits, c.fraction, 7);
            digits = digits.substr(0, std::min<std::size_t>(n, 7));
            if (ch == 'F') {
                while (!digits.empty() && digits.back() == '0') {
                    digits.pop_back();
                }
                if (digits.empty() && !out.empty() && out.back() == '.') {
                    out.pop_back();
                }
            }
            out += digits;
            break;
        }
        case 't':
            out += (c.hour < 12 ? std::string("AM") : std::string("PM")).substr(0, n == 1 ? 1 : 2);
            break;
        case 'K':
            if (kind == 1) {
                out += 'Z';
            } else if (kind == 2) {
                out += "+00:00";
            }
            break;
        case 'z':
            out += n == 1 ? "+0" : n == 2 ? "+00" : "+00:00";
            break;
        case 'g':
            out += "A.D.";
            break;
        case '\'':
        case '"': {
            std::size_t j = i + 1;
            while (j < f.size() && f[j] != ch) {
                out += f[j++];
            }
            n = j + 1 - i;
            break;
        }
        case '\\':
            if (i + 1 < f.size()) {
                out += f[i + 1];
            }
            n = 2;
            break;
        case '%':
            n = 1;
            break;
        default:
            out.append(n, ch);
            break;
        }
        i += n;
    }
    return out;
}

std::string formatDate(std::int64_t ticks, int kind, std::string_view f)
{
    if (f.empty() || f == "G") {
        return formatDateCustom(ticks, kind, "MM/dd/yyyy HH:mm:ss");
    }
    if (f.size() == 1) {
        switch (f[0]) {
        case 'o':
        case 'O':
            return formatDateCustom(ticks, kind, "yyyy-MM-ddTHH:mm:ss.fffffffK");
        case 's':
            return formatDateCustom(ticks, kind, "yyyy-MM-ddTHH:mm:ss");
        case 'u':
            return formatDateCustom(ticks, kind, "yyyy-MM-dd HH:mm:ssZ");
        case 'U':
            return formatDateCustom(ticks, kind, "dddd, dd MMMM yyyy HH:mm:ss");
        case 'r':
        case 'R':
            return formatDateCustom(ticks, kind, "ddd, dd MMM yyyy HH:mm:ss 'GMT'");
        case 'd':
            return formatDateCustom(ticks, kind, "MM/dd/yyyy");
        case 'D':
            return formatDateCustom(ticks, kind, "dddd, dd MMMM yyyy");
        case 't':
            return formatDateCustom(ticks, kind, "HH:mm");
        case 'T':
            return formatDateCustom(ticks, kind, "HH:mm:ss");
        case 'f':
            return formatDateCustom(ticks, kind, "dddd, dd MMMM yyyy HH:mm");
        case 'F':
            return formatDateCustom(ticks, kind, "dddd, dd MMMM yyyy HH:mm:ss");
        case 'g':
            return formatDateCustom(ticks, kind, "MM/dd/yyyy HH:mm");
        case 'M':
        case 'm':
            return formatDateCustom(ticks, kind, "MMMM dd");
        case 'Y':
        case 'y':
            return formatDateCustom(ticks, kind, "yyyy MMMM");
        default:
            failFormat();
        }
    }
    return formatDateCustom(ticks, kind, f);
}

std::string formatTimeSpan(std::int64_t ticks, std::string_view f)
{
    std::string out;
    if (ticks == INT64_MIN) {
        ticks = INT64_MAX; // TimeSpan.MinValue prints one tick short: no positive value mirrors it
        out += '-';
    } else if (ticks < 0) {
        out += '-';
        ticks = -ticks;
    }
    const std::int64_t days = ticks / ticksPerDay;
    const std::int64_t hours = ticks / (3600 * ticksPerSecond) % 24;
    const std::int64_t minutes = ticks / (60 * ticksPerSecond) % 60;
    const std::int64_t seconds = ticks / ticksPerSecond % 60;
    const std::int64_t fraction = ticks % ticksPerSecond;
    if (f.empty() || f == "c" || f == "t" || f == "T" || f == "g" || f == "G") {
        if (days != 0 || f == "G") {
            out += std::to_string(days);
            out += f == "g" || f == "G" ? ':' : '.';
        }
        pad(out, hours, f == "g" ? 1 : 2);
        out += ':';
        pad(out, minutes, 2);
        out += ':';
        pad(out, seconds, 2);
        if (fraction != 0 || f == "G") {
            out += '.';
            pad(out, fraction, 7);
        }
        return out;
    }
    // custom: d, hh, mm, ss, fff with \ escapes
    for (std::size_t i = 0; i < f.size();) {
        const char ch = f[i];
        std::size_t n = 1;
        while (i + n < f.size() && f[i + n] == ch) {
            ++n;
        }
        switch (ch) {
        case 'd':
            pad(out, days, int(n));
            break;
        case 'h':
            pad(out, hours, int(n));
            break;
        case 'm':
            pad(out, minutes, int(n));
            break;
        case 's':
            pad(out, seconds, int(n));
            break;
        case 'f':
        case 'F': {
            std::string digits;
            pad(digits, fraction, 7);
            out += digits.substr(0, std::min<std::size_t>(n, 7));
            break;
        }
        case '\\':
            if (i + 1 < f.size()) {
                out += f[i + 1];
            }
            n = 2;
            break;
        case '\'': {
            std::size_t j = i + 1;
            while (j < f.size() && f[j] != '\'') {
                out += f[j++];
            }
            n = j + 1 - i;
            break;
        }
        default:
            failFormat();
        }
        i += n;
    }
    return out;
}

std::string groupThousands(const std::string &integerDigits)
{
    std::string out;
    const std::size_t n = integerDigits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += integerDigits[i];
        if ((n - i - 1) % 3 == 0 && i + 1 < n) {
            out += ',';
        }
    }
    return out;
}

// Fixed-point text of |value| with `decimals` digits, rounded half away from zero as .NET Core does for
// formatting.
std::string fixed(double value, int decimals)
{
    char buffer[512];
    const double scale = std::pow(10.0, decimals);
    double rounded = value;
    if (decimals <= 15 && std::abs(value) < 1e15) {
        rounded = std::round(std::abs(value) * scale) / scale;
        if (value < 0) {
            rounded = -rounded;
        }
    }
    std::snprintf(buffer, sizeof buffer, "%.*f", std::min(decimals, 100), rounded);
    return buffer;
}

std::string formatCustomNumber(double value, std::string_view f)
{
    // sections: positive;negative;zero
    std::vector<std::string_view> sections;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= f.size(); ++i) {
        if (i == f.size() || f[i] == ';') {
            sections.push_back(f.substr(start, i - start));
            start = i + 1;
        }
    }
    std::string_view section = sections[0];
    bool negativeSection = false;
    if (value < 0 && sections.size() > 1 && !sections[1].empty()) {
        section = sections[1];
        negativeSection = true;
    } else if (value == 0 && sections.size() > 2) {
        section = sections[2];
    }
    // analyse the pattern
    int minInteger = 0;
    int minDecimals = 0;
    int maxDecimals = 0;
    bool grouping = false;
    bool percent = false;
    bool seenPoint = false;
    std::size_t firstPlaceholder = std::string::npos;
    std::size_t lastPlaceholder = 0;
    for (std::size_t i = 0; i < section.size(); ++i) {
        const char ch = section[i];
        if (ch == '\\') {
            ++i;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            const auto end = section.find(ch, i + 1);
            i = end == std::string_view::npos ? section.size() : end;
            continue;
        }
        if (ch == '0' || ch == '#') {
            if (firstPlaceholder == std::string::npos) {
                firstPlaceholder = i;
            }
            lastPlaceholder = i;
            if (seenPoint) {
                ++maxDecimals;
                if (ch == '0') {
                    minDecimals = maxDecimals;
                }
            } else if (ch == '0') {
                ++minInteger;
            }
        } else if (ch == '.') {
            seenPoint = true;
        } else if (ch == ',' && !seenPoint) {
            grouping = true;
        } else if (ch == '%') {
            percent = true;
        }
    }
    double v = std::abs(value) * (percent ? 100 : 1);
    std::string digits = fixed(v, maxDecimals);
    std::string integerPart = digits.substr(0, digits.find('.'));
    std::string decimalPart = digits.find('.') == std::string::npos ? "" : digits.substr(digits.find('.') + 1);
    while (int(decimalPart.size()) > minDecimals && !decimalPart.empty() && decimalPart.back() == '0') {
        decimalPart.pop_back();
    }
    if (integerPart == "0" && minInteger == 0) {
        integerPart.clear();
    }
    while (int(integerPart.size()) < minInteger) {
        integerPart.insert(integerPart.begin(), '0');
    }
    if (grouping) {
        integerPart = groupThousands(integerPart);
    }
    std::string number = integerPart;
    if (!decimalPart.empty()) {
        number += '.' + decimalPart;
    }
    std::string out;
    if (value < 0 && !negativeSection && (number.find_first_not_of("0.,") != std::string::npos)) {
        out += '-';
    }
    bool emitted = false;
    for (std::size_t i = 0; i < section.size(); ++i) {
        const char ch = section[i];
        if (ch == '\\' && i + 1 < section.size()) {
            out += section[++i];
            continue;
        }
        if (ch == '\'' || ch == '"') {
            const auto end = section.find(ch, i + 1);
            const auto stop = end == std::string_view::npos ? section.size() : end;
            out += section.substr(i + 1, stop - i - 1);
            i = stop;
            continue;
        }
        if (firstPlaceholder != std::string::npos && i >= firstPlaceholder && i <= lastPlaceholder) {
            if (!emitted) {
                out += number;
                emitted = true;
            }
            continue;
        }
        out += ch;
    }
    if (!emitted && firstPlaceholder == std::string::npos) {
        return out;
    }
    return out;
}

std::string formatNumber(const Value &value, std::string_view f)
{
    const bool integral = value.isIntegral();
    const double d = value.number();
    if (f.empty() || ((f[0] == 'G' || f[0] == 'g') && f.size() == 1) || f == "R" || f == "r") {
        return integral ? std::to_string(value.integer()) : formatDouble(d);
    }
    const char kind = char(f[0] & ~0x20);
    const bool standard =
        std::isalpha(static_cast<unsigned char>(f[0])) &&
        (f.size() == 1 || std::all_of(f.begin() + 1, f.end(), [](char c) { return c >= '0' && c <= '9'; }));
    if (!standard) {
        return formatCustomNumber(d, f);
    }
    const int precision = f.size() > 1 ? clampedNumber(f.substr(1), 100) : -1;
    switch (kind) {
    case 'D': {
        if (!integral) {
            failFormat("Format specifier was invalid.");
        }
        std::string out;
        pad(out, value.integer(), std::max(precision, 1));
        return out;
    }
    case 'X': {
        if (!integral) {
            failFormat("Format specifier was invalid.");
        }
        std::uint64_t u = std::uint64_t(value.integer());
        if (value.is(TypeId::Int32)) {
            u &= 0xFFFFFFFFull;
        }
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, f[0] == 'X' ? "%llX" : "%llx", static_cast<unsigned long long>(u));
        std::string out = buffer;
        while (int(out.size()) < precision) {
            out.insert(out.begin(), '0');
        }
        return out;
    }
    case 'F':
    case 'N':
    case 'P': {
        const int decimals = precision < 0 ? 2 : precision;
        const double v = kind == 'P' ? d * 100 : d;
        std::string text = fixed(std::abs(v), decimals);
        if (kind != 'F') {
            const auto dot = text.find('.');
            text = groupThousands(text.substr(0, dot)) + (dot == std::string::npos ? "" : text.substr(dot));
        }
        const bool negative = v < 0 && text.find_first_not_of("0.,") != std::string::npos;
        return (negative ? "-" : "") + text + (kind == 'P' ? " %" : "");
    }
    case 'E': {
        const int decimals = precision < 0 ? 6 : precision;
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*E", decimals, d);
        std::string text = buffer; // 1.234500E+003 style: .NET uses at least 3 exponent digits
        const auto e = text.find('E');
        std::string exponent = text.substr(e + 2);
        while (exponent.size() < 3) {
            exponent.insert(exponent.begin(), '0');
        }
        text = text.substr(0, e + 2) + exponent;
        if (f[0] == 'e') {
            text[e] = 'e';
        }
        return text;
    }
    case 'C': {
        const int decimals = precision < 0 ? 2 : precision;
        std::string text = fixed(std::abs(d), decimals);
        const auto dot = text.find('.');
        text = groupThousands(text.substr(0, dot)) + (dot == std::string::npos ? "" : text.substr(dot));
        return (d < 0 ? "(¤" : "¤") + text + (d < 0 ? ")" : "");
    }
    case 'G': {
        if (integral) {
            return std::to_string(value.integer());
        }
        char buffer[160];
        std::snprintf(buffer, sizeof buffer, "%.*G", precision <= 0 ? 15 : std::min(precision, 100), d);
        return buffer;
    }
    default:
        failFormat("Format specifier was invalid.");
    }
}

} // namespace

std::string formatDouble(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "∞" : "-∞";
    }
    if (value == 0) {
        return std::signbit(value) ? "-0" : "0";
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string sci(buffer, result.ptr);
    // mantissa digits and exponent from the shortest round-trip form
    const auto e = sci.find('e');
    std::string mantissa = sci.substr(0, e);
    const int exponent = std::atoi(sci.c_str() + e + 1);
    const bool negative = mantissa[0] == '-';
    if (negative) {
        mantissa.erase(0, 1);
    }
    std::string digits;
    for (char c : mantissa) {
        if (c != '.') {
            digits += c;
        }
    }
    std::string out = negative ? "-" : "";
    if (exponent >= 15 || exponent < -4) {
        out += digits.substr(0, 1);
        if (digits.size() > 1) {
            out += '.' + digits.substr(1);
        }
        out += 'E';
        out += exponent < 0 ? '-' : '+';
        std::string ex = std::to_string(std::abs(exponent));
        if (ex.size() < 2) {
            ex.insert(ex.begin(), '0');
        }
        out += ex;
        return out;
    }
    if (exponent >= 0) {
        if (int(digits.size()) <= exponent + 1) {
            out += digits + std::string(std::size_t(exponent + 1) - digits.size(), '0');
        } else {
            out += digits.substr(0, std::size_t(exponent + 1)) + '.' + digits.substr(std::size_t(exponent + 1));
        }
    } else {
        out += "0." + std::string(std::size_t(-exponent - 1), '0') + digits;
    }
    return out;
}

std::string formatValue(const Value &value, std::string_view format)
{
    switch (value.type()) {
    case TypeId::Int32:
    case TypeId::Int64:
    case TypeId::Double:
    case TypeId::Decimal:
        return formatNumber(value, format);
    case TypeId::DateTime:
        return formatDate(value.integer(), value.flags(), format);
    case TypeId::TimeSpan:
        return formatTimeSpan(value.integer(), format);
    case TypeId::Guid: {
        const std::string &g = value.text();
        if (format.empty() || format == "D" || format == "d") {
            return g;
        }
        std::string plain;
        for (char c : g) {
            if (c != '-') {
                plain += c;
            }
        }
        if (format == "N" || format == "n") {
            return plain;
        }
        if (format == "B" || format == "b") {
            return "{" + g + "}";
        }
        if (format == "P" || format == "p") {
            return "(" + g + ")";
        }
        failFormat("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
    }
    case TypeId::Bytes:
        if (format == "base64") {
            return base64Encode(value.as<BytesBox>()->data);
        }
        return "System.Byte[]";
    default:
        if (int(value.type()) >= int(TypeId::StringComparison) && int(value.type()) <= int(TypeId::UriPartial)) {
            if (format == "D" || format == "d") {
                return std::to_string(value.integer());
            }
        }
        return toText(value);
    }
}

std::string formatComposite(EvalState &st, std::string_view format, std::span<const Value> args)
{
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c == '{') {
            if (i + 1 < format.size() && format[i + 1] == '{') {
                out += '{';
                ++i;
                continue;
            }
            const auto close = format.find('}', i);
            if (close == std::string_view::npos) {
                failFormat();
            }
            std::string_view spec = format.substr(i + 1, close - i - 1);
            std::string_view fmt;
            const auto colon = spec.find(':');
            if (colon != std::string_view::npos) {
                fmt = spec.substr(colon + 1);
                spec = spec.substr(0, colon);
            }
            int alignment = 0;
            const auto comma = spec.find(',');
            if (comma != std::string_view::npos) {
                alignment = clampedNumber(spec.substr(comma + 1), 1'000'000);
                spec = spec.substr(0, comma);
            }
            while (!spec.empty() && spec.back() == ' ') {
                spec.remove_suffix(1);
            }
            std::size_t index = 0;
            const auto parsed = std::from_chars(spec.data(), spec.data() + spec.size(), index);
            if (spec.empty() || parsed.ec != std::errc() || parsed.ptr != spec.data() + spec.size()) {
                failFormat();
            }
            if (index >= args.size()) {
                failFormat("Index (zero based) must be greater than or equal to zero and less than the size of the "
                           "argument list.");
            }
            std::string text = fmt.empty() ? toText(args[index]) : formatValue(args[index], fmt);
            const std::size_t width = std::size_t(std::abs(alignment));
            if (text.size() < width) {
                st.charge(width);
                if (alignment > 0) {
                    text.insert(0, width - text.size(), ' ');
                } else {
                    text.append(width - text.size(), ' ');
                }
            }
            out += text;
            i = close;
        } else if (c == '}') {
            if (i + 1 < format.size() && format[i + 1] == '}') {
                ++i;
            } else {
                failFormat();
            }
            out += '}';
        } else {
            out += c;
        }
    }
    st.charge(out.size());
    return out;
}

bool parseInt64(std::string_view text, std::int64_t &out)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    if (text.empty()) {
        return false;
    }
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

bool parseDouble(std::string_view text, double &out)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    std::string cleaned;
    for (char c : text) {
        if (c != ',') { // thousands separators of the invariant culture
            cleaned += c;
        }
    }
    if (cleaned.empty()) {
        return false;
    }
    const auto r = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), out);
    return r.ec == std::errc() && r.ptr == cleaned.data() + cleaned.size();
}

bool parseDateTime(std::string_view text, std::int64_t &ticks, int &kind)
{
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    std::size_t pos = 0;
    auto number = [&](int minDigits, int maxDigits, int &value) {
        int count = 0;
        value = 0;
        while (pos < text.size() && count < maxDigits && text[pos] >= '0' && text[pos] <= '9') {
            value = value * 10 + (text[pos] - '0');
            ++pos;
            ++count;
        }
        return count >= minDigits;
    };
    auto expect = [&](char c) {
        if (pos < text.size() && text[pos] == c) {
            ++pos;
            return true;
        }
        return false;
    };
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::int64_t fraction = 0;
    kind = 0;
    std::int64_t offsetTicks = 0;
    bool hasOffset = false;
    // RFC 1123: "Tue, 15 Nov 1994 08:12:31 GMT"
    if (text.size() >= 5 && text[3] == ',' && std::isalpha(static_cast<unsigned char>(text[0]))) {
        pos = 5;
        if (!number(1, 2, day) || !expect(' ')) {
            return false;
        }
        const std::string_view mon = text.substr(pos, 3);
        static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < 12; ++i) {
            if (mon == months[i]) {
                month = i + 1;
            }
        }
        pos += 3;
        if (month == 0 || !expect(' ') || !number(4, 4, year) || !expect(' ') || !number(1, 2, hour) || !expect(':') ||
            !number(2, 2, minute) || !expect(':') || !number(2, 2, second)) {
            return false;
        }
        const std::string_view zone = text.substr(pos);
        if (zone == " GMT" || zone == " UTC" || zone == " Z") {
            kind = 2; // .NET parses "GMT" into local time; with a UTC machine clock the value is the same
        } else if (!zone.empty()) {
            return false;
        }
    } else {
        if (!number(1, 4, year)) {
            return false;
        }
        if (expect('-')) {
            if (!number(1, 2, month) || !expect('-') || !number(1, 2, day)) {
                return false;
            }
        } else if (expect('/')) {
            // invariant culture: MM/dd/yyyy
            month = year;
            if (!number(1, 2, day) || !expect('/') || !number(4, 4, year)) {
                return false;
            }
        } else {
            return false;
        }
        if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
            ++pos;
            if (!number(1, 2, hour) || !expect(':') || !number(2, 2, minute)) {
                return false;
            }
            if (expect(':') && !number(2, 2, second)) {
                return false;
            }
            if (expect('.')) {
                int digits = 0;
                while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                    if (digits < 7) {
                        fraction = fraction * 10 + (text[pos] - '0');
                        ++digits;
                    }
                    ++pos;
                }
                while (digits++ < 7) {
                    fraction *= 10;
                }
            }
            if (pos + 2 <= text.size() && (text.substr(pos) == " AM" || text.substr(pos) == " PM")) {
                if (text.substr(pos) == " PM" && hour < 12) {
                    hour += 12;
                } else if (text.substr(pos) == " AM" && hour == 12) {
                    hour = 0;
                }
                pos = text.size();
            }
        }
        if (expect('Z')) {
            kind = 1;
        } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
            const int sign = text[pos] == '-' ? -1 : 1;
            ++pos;
            int oh = 0;
            int om = 0;
            if (!number(2, 2, oh)) {
                return false;
            }
            expect(':');
            number(0, 2, om);
            offsetTicks = sign * (std::int64_t(oh) * 3600 + om * 60) * ticksPerSecond;
            hasOffset = true;
            kind = 2;
        }
        if (pos != text.size()) {
            return false;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 || year < 1) {
        return false;
    }
    static constexpr int monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > monthDays[month - 1] || (month == 2 && day == 29 && !leap)) {
        return false;
    }
    ticks = daysFromCivil(year, unsigned(month), unsigned(day)) * ticksPerDay +
            (std::int64_t(hour) * 3600 + minute * 60 + second) * ticksPerSecond + fraction;
    if (hasOffset) {
        ticks -= offsetTicks; // to UTC, shown as local time of a UTC machine
    }
    return true;
}

bool parseTimeSpan(std::string_view text, std::int64_t &ticks)
{
    // [-][d.]hh:mm[:ss[.fffffff]] or d
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    std::int64_t parts[5] = {0, 0, 0, 0, 0};
    int count = 0;
    std::int64_t days = 0;
    std::int64_t fraction = 0;
    std::size_t pos = 0;
    auto readNumber = [&](std::int64_t &v) {
        const std::size_t start = pos;
        v = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 9) {
            v = v * 10 + (text[pos] - '0');
            ++pos;
        }
        return pos > start;
    };
    std::int64_t first = 0;
    if (!readNumber(first)) {
        return false;
    }
    if (pos == text.size()) {
        if (first > 10675199) {
            return false;
        }
        ticks = first * ticksPerDay * (negative ? -1 : 1);
        return true;
    }
    if (text[pos] == '.') {
        days = first;
        ++pos;
        if (!readNumber(parts[0])) {
            return false;
        }
    } else {
        parts[0] = first;
    }
    count = 1;
    while (pos < text.size() && text[pos] == ':' && count < 3) {
        ++pos;
        if (!readNumber(parts[count++])) {
            return false;
        }
    }
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 7) {
            fraction = fraction * 10 + (text[pos++] - '0');
            ++digits;
        }
        while (digits++ < 7) {
            fraction *= 10;
        }
    }
    if (pos != text.size() || count < 2 || parts[0] > 23 || parts[1] > 59 || parts[2] > 59 || days > 10675198) {
        return false;
    }
    ticks = days * ticksPerDay + (parts[0] * 3600 + parts[1] * 60 + parts[2]) * ticksPerSecond + fraction;
    if (negative) {
        ticks = -ticks;
    }
    return true;
}

std::int64_t toTicks(std::chrono::system_clock::time_point time)
{
    const auto sinceEpoch = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
    return unixEpochDays * ticksPerDay + sinceEpoch * 10;
}

std::int64_t nowTicks(bool utc)
{
    (void)utc; // the gateway runs on UTC: local time and UTC agree
    return toTicks(std::chrono::system_clock::now());
}

std::string newGuid()
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        for (auto &b : bytes) {
            b = static_cast<unsigned char>(std::rand());
        }
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 15];
    }
    return out;
}

// Exposed for the bindings: calendar arithmetic.
std::int64_t ticksFromCivil(std::int64_t year, int month, int day)
{
    return daysFromCivil(year, unsigned(month), unsigned(day)) * ticksPerDay;
}

void civilFromTicks(std::int64_t ticks, std::int64_t &year, int &month, int &day, int &dayOfWeek)
{
    const Civil c = civil(ticks);
    year = c.year;
    month = int(c.month);
    day = int(c.day);
    dayOfWeek = c.dayOfWeek;
}

} // namespace gw::expr
