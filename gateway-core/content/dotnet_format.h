#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Number and date text as the .NET runtime writes it (invariant culture, a
// gateway whose local time zone is UTC). Shared by the body conversions and the
// Liquid filters; not part of the library's contract.
namespace gw::content::detail {

// Double.ToString(): shortest round-trip digits, "E+XX" notation from 1E+15 and below 1E-04.
std::string formatDouble(double value);

// A DateTime: 100-ns ticks since 0001-01-01 and its Kind. An offset given in
// the input is applied (the instant moves to UTC) and the Kind becomes Local,
// as DateTime.Parse does on a UTC machine.
struct DateTime {
    enum class Kind { Unspecified, Utc, Local };
    std::int64_t ticks = 0;
    Kind kind = Kind::Unspecified;
};

inline constexpr std::int64_t ticksPerSecond = 10'000'000;
inline constexpr std::int64_t ticksPerDay = 86'400 * ticksPerSecond;

// "yyyy-MM-ddTHH:mm:ss[.fffffff][Z|+HH:mm|-HH:mm]", the form a JSON reader takes for a date.
std::optional<DateTime> parseIsoDateTime(std::string_view text);

// What the Liquid Date filter accepts: the ISO forms above (date only, time
// without seconds, a space for the 'T'), "yyyy/MM/dd[ HH:mm[:ss]]" and "MM/dd/yyyy[ HH:mm[:ss]]".
std::optional<DateTime> parseDateLoose(std::string_view text);

DateTime utcNow();
DateTime fromUnixSeconds(double seconds);

// XmlConvert.ToString(DateTime, RoundtripKind): "yyyy-MM-ddTHH:mm:ss[.FFFFFFF][Z|+00:00]".
std::string formatRoundTrip(const DateTime &value);

// DateTime.ToString(format, InvariantCulture): custom patterns (yyyy, MMM, dd,
// HH, hh, mm, ss, fff, FFF, tt, zzz, K, quoted literals, '\' escapes) and the
// standard one-letter formats (d D f F g G M o r s t T u Y).
std::string formatDateTime(const DateTime &value, std::string_view format);

} // namespace gw::content::detail
