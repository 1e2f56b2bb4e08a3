#include "dotnet_format.h"

#include <common/calendar.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace gw::content::detail {

namespace {

constexpr std::int64_t unixEpochTicks = 621'355'968'000'000'000;
constexpr std::int64_t ticksPerMinute = 60 * ticksPerSecond;
constexpr std::int64_t ticksPerHour = 60 * ticksPerMinute;
constexpr std::int64_t maxTicks = 3'155'378'975'999'999'999; // 9999-12-31T23:59:59.9999999

constexpr std::array<const char *, 12> monthNames = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};
constexpr std::array<const char *, 7> dayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

struct Civil {
    int year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int fraction = 0;  // ticks within the second, 0..9999999
    int dayOfWeek = 0; // 0 = Sunday
};

Civil toCivil(std::int64_t ticks)
{
    Civil c;
    std::int64_t days = ticks / ticksPerDay;
    std::int64_t rest = ticks % ticksPerDay;
    c.dayOfWeek = static_cast<int>((days + 1) % 7); // 0001-01-01 was a Monday
    std::int64_t z = days - 719162 + 719468;        // shift to days since 0000-03-01
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    c.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (c.month <= 2));
    c.hour = static_cast<int>(rest / ticksPerHour);
    rest %= ticksPerHour;
    c.minute = static_cast<int>(rest / ticksPerMinute);
    rest %= ticksPerMinute;
    c.second = static_cast<int>(rest / ticksPerSecond);
    c.fraction = static_cast<int>(rest % ticksPerSecond);
    return c;
}

bool validDate(int y, int m, int d)
{
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= lengths[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<std::int64_t> makeTicks(int y, int mo, int d, int h, int mi, int s, int fraction)
{
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) + 719162;
    return days * ticksPerDay + h * ticksPerHour + mi * ticksPerMinute + s * ticksPerSecond + fraction;
}

// A small cursor over the text being parsed as a date.
struct Scanner {
    std::string_view text;
    std::size_t pos = 0;

    bool done() const { return pos >= text.size(); }
    char peek() const { return done() ? '\0' : text[pos]; }
    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++pos;
        return true;
    }
    // Exactly `count` digits (or between min and max when count is 0).
    bool digits(int minCount, int maxCount, int &out)
    {
        int n = 0;
        out = 0;
        while (n < maxCount && !done() && text[pos] >= '0' && text[pos] <= '9') {
            out = out * 10 + (text[pos] - '0');
            ++pos;
            ++n;
        }
        return n >= minCount;
    }
};

// Fraction digits after '.', rounded to ticks (7 digits; further digits are dropped).
bool fractionTicks(Scanner &s, int &ticks)
{
    ticks = 0;
    int n = 0;
    while (!s.done() && s.peek() >= '0' && s.peek() <= '9') {
        if (n < 7) {
            ticks = ticks * 10 + (s.peek() - '0');
        }
        ++n;
        ++s.pos;
    }
    if (n == 0)
        return false;
    for (int i = n; i < 7; ++i)
        ticks *= 10;
    return true;
}

// Parses the zone suffix and applies it: Z -> Utc, an offset -> moved to UTC, Local.
bool applyZone(Scanner &s, std::int64_t ticks, DateTime &out)
{
    out.ticks = ticks;
    out.kind = DateTime::Kind::Unspecified;
    if (s.done())
        return true;
    if (s.eat('Z') || s.eat('z')) {
        out.kind = DateTime::Kind::Utc;
        return s.done();
    }
    const char sign = s.peek();
    if (sign != '+' && sign != '-')
        return false;
    ++s.pos;
    int hh = 0;
    int mm = 0;
    if (!s.digits(2, 2, hh))
        return false;
    if (s.eat(':')) {
        if (!s.digits(2, 2, mm))
            return false;
    } else {
        s.digits(0, 2, mm);
    }
    if (!s.done() || hh > 14 || mm > 59)
        return false;
    const std::int64_t offset = hh * ticksPerHour + mm * ticksPerMinute;
    out.ticks = sign == '+' ? ticks - offset : ticks + offset;
    out.kind = DateTime::Kind::Local;
    return out.ticks >= 0 && out.ticks <= maxTicks; // the offset may not leave the years 1 to 9999
}

void pad(std::string &out, long long value, int width)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%0*lld", width, value);
    out += buffer;
}

} // namespace

std::string formatDouble(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string sci(buffer, end);
    const std::size_t e = sci.find('e');
    const int exponent = std::atoi(sci.c_str() + e + 1);
    if (exponent >= 15 || exponent < -4) {
        std::string out = sci.substr(0, e);
        out += exponent < 0 ? "E-" : "E+";
        const int magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10)
            out += '0';
        out += std::to_string(magnitude);
        return out;
    }
    auto [fixedEnd, fixedEc] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return std::string(buffer, fixedEnd);
}

std::optional<DateTime> parseIsoDateTime(std::string_view text)
{
    Scanner s{text};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, fraction = 0;
    if (!s.digits(4, 4, y) || !s.eat('-') || !s.digits(2, 2, mo) || !s.eat('-') || !s.digits(2, 2, d) || !s.eat('T') ||
        !s.digits(2, 2, h) || !s.eat(':') || !s.digits(2, 2, mi) || !s.eat(':') || !s.digits(2, 2, sec))
        return std::nullopt;
    if (s.eat('.') && !fractionTicks(s, fraction))
        return std::nullopt;
    const auto ticks = makeTicks(y, mo, d, h, mi, sec, fraction);
    DateTime out;
    if (!ticks || !applyZone(s, *ticks, out))
        return std::nullopt;
    return out;
}

std::optional<DateTime> parseDateLoose(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    Scanner s{text};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, fraction = 0;
    int first = 0;
    if (!s.digits(1, 4, first))
        return std::nullopt;
    if (s.pos == 4 && (s.peek() == '-' || s.peek() == '/')) {
        const char sep = s.peek();
        y = first;
        ++s.pos;
        if (!s.digits(1, 2, mo) || !s.eat(sep) || !s.digits(1, 2, d))
            return std::nullopt;
    } else if (s.pos <= 2 && s.eat('/')) {
        mo = first;
        if (!s.digits(1, 2, d) || !s.eat('/') || !s.digits(4, 4, y))
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!s.done() && (s.peek() == 'T' || s.peek() == ' ')) {
        ++s.pos;
        if (!s.digits(1, 2, h) || !s.eat(':') || !s.digits(2, 2, mi))
            return std::nullopt;
        if (s.eat(':') && !s.digits(2, 2, sec))
            return std::nullopt;
        if (s.eat('.') && !fractionTicks(s, fraction))
            return std::nullopt;
        if (s.eat(' ')) {
            // "10:00:00 PM"
            if (s.text.substr(s.pos) == "PM" || s.text.substr(s.pos) == "pm") {
                if (h < 12)
                    h += 12;
                s.pos += 2;
            } else if (s.text.substr(s.pos) == "AM" || s.text.substr(s.pos) == "am") {
                if (h == 12)
                    h = 0;
                s.pos += 2;
            }
        }
    }
    const auto ticks = makeTicks(y, mo, d, h, mi, sec, fraction);
    DateTime out;
    if (!ticks || !applyZone(s, *ticks, out))
        return std::nullopt;
    return out;
}

DateTime utcNow()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto ticks = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() / 100;
    return {unixEpochTicks + ticks, DateTime::Kind::Local};
}

DateTime fromUnixSeconds(double seconds)
{
    return {unixEpochTicks + static_cast<std::int64_t>(std::llround(seconds * ticksPerSecond)), DateTime::Kind::Local};
}

std::string formatRoundTrip(const DateTime &value)
{
    std::string out = formatDateTime(value, "yyyy-MM-ddTHH:mm:ss.FFFFFFF");
    if (value.kind == DateTime::Kind::Utc)
        out += 'Z';
    else if (value.kind == DateTime::Kind::Local)
        out += "+00:00";
    return out;
}

std::string formatDateTime(const DateTime &value, std::string_view format)
{
    if (format.size() == 1) {
        switch (format[0]) {
        case 'd':
            return formatDateTime(value, "MM/dd/yyyy");
        case 'D':
            return formatDateTime(value, "dddd, dd MMMM yyyy");
        case 'f':
            return formatDateTime(value, "dddd, dd MMMM yyyy HH:mm");
        case 'F':
        case 'U':
            return formatDateTime(value, "dddd, dd MMMM yyyy HH:mm:ss");
        case 'g':
            return formatDateTime(value, "MM/dd/yyyy HH:mm");
        case 'G':
            return formatDateTime(value, "MM/dd/yyyy HH:mm:ss");
        case 'm':
        case 'M':
            return formatDateTime(value, "MMMM dd");
        case 'o':
        case 'O':
            return formatDateTime(value, "yyyy-MM-ddTHH:mm:ss.fffffffK");
        case 'r':
        case 'R':
            return formatDateTime(value, "ddd, dd MMM yyyy HH:mm:ss 'GMT'");
        case 's':
            return formatDateTime(value, "yyyy-MM-ddTHH:mm:ss");
        case 't':
            return formatDateTime(value, "HH:mm");
        case 'T':
            return formatDateTime(value, "HH:mm:ss");
        case 'u':
            return formatDateTime(value, "yyyy-MM-dd HH:mm:ss'Z'");
        case 'y':
        case 'Y':
            return formatDateTime(value, "yyyy MMMM");
        default:
            break;
        }
    }
    const Civil c = toCivil(value.ticks);
    std::string out;
    std::size_t i = 0;
    while (i < format.size()) {
        const char ch = format[i];
        std::size_t run = 1;
        while (i + run < format.size() && format[i + run] == ch)
            ++run;
        switch (ch) {
        case 'y':
            if (run <= 2)
                pad(out, c.year % 100, static_cast<int>(run));
            else
                pad(out, c.year, static_cast<int>(run));
            break;
        case 'M':
            if (run <= 2)
                pad(out, c.month, static_cast<int>(run));
            else
                out += run == 3 ? std::string(monthNames[c.month - 1]).substr(0, 3) : monthNames[c.month - 1];
            break;
        case 'd':
            if (run <= 2)
                pad(out, c.day, static_cast<int>(run));
            else
                out += run == 3 ? std::string(dayNames[c.dayOfWeek]).substr(0, 3) : dayNames[c.dayOfWeek];
            break;
        case 'H':
            pad(out, c.hour, run >= 2 ? 2 : 1);
            break;
        case 'h':
            pad(out, c.hour % 12 == 0 ? 12 : c.hour % 12, run >= 2 ? 2 : 1);
            break;
        case 'm':
            pad(out, c.minute, run >= 2 ? 2 : 1);
            break;
        case 's':
            pad(out, c.second, run >= 2 ? 2 : 1);
            break;
        case 't':
            out += run == 1 ? (c.hour < 12 ? "A" : "P") : (c.hour < 12 ? "AM" : "PM");
            break;
        case 'f':
        case 'F': {
            const std::size_t width = run > 7 ? 7 : run;
            std::string digits;
            pad(digits, c.fraction, 7);
            digits.resize(width);
            if (ch == 'F') {
                while (!digits.empty() && digits.back() == '0')
                    digits.pop_back();
                // An empty F fraction takes its '.' with it.
                if (digits.empty() && !out.empty() && out.back() == '.')
                    out.pop_back();
            }
            out += digits;
            break;
        }
        case 'z':
            out += run == 1 ? "+0" : run == 2 ? "+00" : "+00:00";
            break;
        case 'K':
            out += value.kind == DateTime::Kind::Utc ? "Z" : value.kind == DateTime::Kind::Local ? "+00:00" : "";
            run = 1;
            break;
        case 'g':
            out += "A.D.";
            break;
        case '\'':
        case '"': {
            std::size_t j = i + 1;
            while (j < format.size() && format[j] != ch) {
                if (format[j] == '\\' && j + 1 < format.size())
                    ++j;
                out += format[j];
                ++j;
            }
            run = j - i + 1;
            break;
        }
        case '\\':
            if (i + 1 < format.size())
                out += format[i + 1];
            run = 2;
            break;
        case '%':
            run = 1;
            break;
        default:
            out.append(run, ch);
            break;
        }
        i += run;
    }
    return out;
}

} // namespace gw::content::detail
