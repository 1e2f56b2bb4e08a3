// System: object, String, Char, numbers, Boolean, DateTime, TimeSpan, Guid, Math, Convert, BitConverter, Random,
// Exception and the enums policies pass around.

#include <expr/bindings_impl.h>
#include <expr/utf16.h>

#include <common/text.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace gw::expr {

std::string base64Encode(std::string_view data);                    // bindings_text.cpp
bool base64Decode(std::string_view text, std::string &out);         // bindings_text.cpp
std::int64_t ticksFromCivil(std::int64_t year, int month, int day); // format.cpp
void civilFromTicks(std::int64_t ticks, std::int64_t &year, int &month, int &day, int &dayOfWeek);

namespace {

struct EnumEntry {
    TypeId type;
    std::string_view name;
    std::int64_t value;
};

constexpr EnumEntry enumEntries[] = {
    {TypeId::StringComparison, "CurrentCulture", 0},
    {TypeId::StringComparison, "CurrentCultureIgnoreCase", 1},
    {TypeId::StringComparison, "InvariantCulture", 2},
    {TypeId::StringComparison, "InvariantCultureIgnoreCase", 3},
    {TypeId::StringComparison, "Ordinal", 4},
    {TypeId::StringComparison, "OrdinalIgnoreCase", 5},
    {TypeId::StringSplitOptions, "None", 0},
    {TypeId::StringSplitOptions, "RemoveEmptyEntries", 1},
    {TypeId::StringSplitOptions, "TrimEntries", 2},
    {TypeId::RegexOptions, "None", 0},
    {TypeId::RegexOptions, "IgnoreCase", 1},
    {TypeId::RegexOptions, "Multiline", 2},
    {TypeId::RegexOptions, "ExplicitCapture", 4},
    {TypeId::RegexOptions, "Compiled", 8},
    {TypeId::RegexOptions, "Singleline", 16},
    {TypeId::RegexOptions, "IgnorePatternWhitespace", 32},
    {TypeId::RegexOptions, "CultureInvariant", 512},
    {TypeId::Formatting, "None", 0},
    {TypeId::Formatting, "Indented", 1},
    {TypeId::DateTimeKind, "Unspecified", 0},
    {TypeId::DateTimeKind, "Utc", 1},
    {TypeId::DateTimeKind, "Local", 2},
    {TypeId::DayOfWeek, "Sunday", 0},
    {TypeId::DayOfWeek, "Monday", 1},
    {TypeId::DayOfWeek, "Tuesday", 2},
    {TypeId::DayOfWeek, "Wednesday", 3},
    {TypeId::DayOfWeek, "Thursday", 4},
    {TypeId::DayOfWeek, "Friday", 5},
    {TypeId::DayOfWeek, "Saturday", 6},
    {TypeId::MidpointRounding, "ToEven", 0},
    {TypeId::MidpointRounding, "AwayFromZero", 1},
    {TypeId::JTokenType, "None", 0},
    {TypeId::JTokenType, "Object", 1},
    {TypeId::JTokenType, "Array", 2},
    {TypeId::JTokenType, "Constructor", 3},
    {TypeId::JTokenType, "Property", 4},
    {TypeId::JTokenType, "Comment", 5},
    {TypeId::JTokenType, "Integer", 6},
    {TypeId::JTokenType, "Float", 7},
    {TypeId::JTokenType, "String", 8},
    {TypeId::JTokenType, "Boolean", 9},
    {TypeId::JTokenType, "Null", 10},
    {TypeId::JTokenType, "Undefined", 11},
    {TypeId::JTokenType, "Date", 12},
    {TypeId::HashAlgorithmName, "MD5", 0},
    {TypeId::HashAlgorithmName, "SHA1", 1},
    {TypeId::HashAlgorithmName, "SHA256", 2},
    {TypeId::HashAlgorithmName, "SHA384", 3},
    {TypeId::HashAlgorithmName, "SHA512", 4},
    {TypeId::RSASignaturePadding, "Pkcs1", 0},
    {TypeId::RSASignaturePadding, "Pss", 1},
    {TypeId::UriPartial, "Scheme", 0},
    {TypeId::UriPartial, "Authority", 1},
    {TypeId::UriPartial, "Path", 2},
    {TypeId::UriPartial, "Query", 3},
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::size_t find(std::string_view hay, std::string_view needle, std::size_t from, bool ic)
{
    if (!ic) {
        return hay.find(needle, from);
    }
    const std::string h = rows::lower(hay);
    const std::string n = rows::lower(needle);
    return h.find(n, from);
}

std::size_t rfind(std::string_view hay, std::string_view needle, std::size_t from, bool ic)
{
    if (!ic) {
        return hay.rfind(needle, from);
    }
    return rows::lower(hay).rfind(rows::lower(needle), from);
}

// A string or char argument as text.
std::string textArg(const Call &c, std::size_t i)
{
    const Value &v = c.arg(i);
    if (v.is(TypeId::Char)) {
        std::string s;
        appendUtf8(s, std::uint32_t(v.integer()));
        return s;
    }
    return rows::str(c, i);
}

bool comparisonArg(const Call &c, std::size_t i)
{
    return c.argc() > i && (c.arg(i).is(TypeId::StringComparison) ? rows::ignoreCase(c.arg(i))
                                                                  : c.arg(i).is(TypeId::Bool) && c.arg(i).flag());
}

std::string trimChars(const Call &c, std::size_t from)
{
    std::string chars;
    for (std::size_t i = from; i < c.argc(); ++i) {
        const Value &v = c.arg(i);
        if (v.is(TypeId::Char)) {
            appendUtf8(chars, std::uint32_t(v.integer()));
        } else if (v.is(TypeId::Array)) {
            for (const auto &item : v.as<ListBox>()->items) {
                appendUtf8(chars, std::uint32_t(item.integer()));
            }
        } else if (v.isString()) {
            chars += v.text();
        }
    }
    return chars;
}

Value trim(Call &c, bool start, bool end)
{
    const std::string &s = rows::self(c);
    const std::string chars = trimChars(c, 0);
    auto strip = [&](char ch) { return chars.empty() ? isSpace(ch) : chars.find(ch) != std::string::npos; };
    std::size_t b = 0;
    std::size_t e = s.size();
    while (start && b < e && strip(s[b])) {
        ++b;
    }
    while (end && e > b && strip(s[e - 1])) {
        --e;
    }
    return Value::string(s.substr(b, e - b));
}

Value split(Call &c)
{
    const std::string &s = rows::self(c);
    std::vector<std::string> separators;
    std::int64_t options = 0;
    std::int64_t count = INT32_MAX;
    for (std::size_t i = 0; i < c.argc(); ++i) {
        const Value &v = c.arg(i);
        if (v.is(TypeId::Char) || v.isString()) {
            separators.push_back(textArg(c, i));
        } else if (v.is(TypeId::Array) || v.is(TypeId::List)) {
            for (const auto &item : v.as<ListBox>()->items) {
                if (item.is(TypeId::Char)) {
                    std::string t;
                    appendUtf8(t, std::uint32_t(item.integer()));
                    separators.push_back(t);
                } else if (!item.isNull()) {
                    separators.push_back(toText(item));
                }
            }
        } else if (v.is(TypeId::StringSplitOptions)) {
            options = v.integer();
        } else if (v.isIntegral()) {
            count = v.integer();
        } else if (v.isNull()) {
            continue;
        }
    }
    std::vector<std::string> parts;
    const bool whitespace =
        separators.empty() || std::all_of(separators.begin(), separators.end(), [](auto &x) { return x.empty(); });
    std::size_t start = 0;
    std::size_t i = 0;
    auto push = [&](std::string part) {
        if (options & 2) {
            std::size_t b = 0;
            std::size_t e = part.size();
            while (b < e && isSpace(part[b])) {
                ++b;
            }
            while (e > b && isSpace(part[e - 1])) {
                --e;
            }
            part = part.substr(b, e - b);
        }
        if ((options & 1) && part.empty()) {
            return;
        }
        parts.push_back(std::move(part));
    };
    if (count <= 1) {
        if (count == 1) {
            push(s);
        }
        return rows::stringArray(std::move(parts));
    }
    while (i < s.size()) {
        std::size_t matched = 0;
        if (whitespace) {
            matched = isSpace(s[i]) ? 1 : 0;
        } else {
            for (const auto &sep : separators) {
                if (!sep.empty() && s.compare(i, sep.size(), sep) == 0) {
                    matched = sep.size();
                    break;
                }
            }
        }
        if (matched > 0 && std::int64_t(parts.size()) + 1 < count) {
            push(s.substr(start, i - start));
            i += matched;
            start = i;
        } else {
            ++i;
        }
    }
    push(s.substr(start));
    c.st.charge(s.size() + parts.size() * 32);
    return rows::stringArray(std::move(parts));
}

Value pad(Call &c, bool left)
{
    const std::string &s = rows::self(c);
    const std::int64_t width = rows::integer(c, 0);
    if (width < 0) {
        rows::failOutOfRange("totalWidth");
    }
    std::string fill;
    appendUtf8(fill, c.argc() > 1 ? std::uint32_t(c.arg(1).integer()) : std::uint32_t(' '));
    const std::int64_t length = std::int64_t(utf16::length(s));
    if (length >= width) {
        return Value::string(s);
    }
    c.st.charge(std::size_t(width) * fill.size());
    std::string padding;
    for (std::int64_t i = length; i < width; ++i) {
        padding += fill;
    }
    return Value::string(left ? padding + s : s + padding);
}

Value join(Call &c)
{
    const std::string separator = c.arg(0).isNull() ? "" : textArg(c, 0);
    std::vector<Value> items;
    if (c.argc() == 2 && !c.arg(1).isString() && !c.arg(1).isNull() && !c.arg(1).isNumber()) {
        items = enumerate(c.st, c.arg(1));
    } else {
        items.assign(c.args.begin() + 1, c.args.end());
    }
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += toText(items[i]);
        c.st.charge(0);
        if (out.size() > c.st.memoryLimit) {
            c.st.charge(out.size());
        }
    }
    c.st.charge(out.size());
    return Value::string(std::move(out));
}

Value concat(Call &c)
{
    std::vector<Value> items;
    if (c.argc() == 1 && !c.arg(0).isString() && !c.arg(0).isNull()) {
        items = enumerate(c.st, c.arg(0));
    } else {
        items.assign(c.args.begin(), c.args.end());
    }
    std::string out;
    for (const auto &v : items) {
        out += toText(v);
    }
    c.st.charge(out.size());
    return Value::string(std::move(out));
}

Value format(Call &c)
{
    const std::string fmt = rows::str(c, 0);
    std::vector<Value> args;
    if (c.argc() == 2 && c.arg(1).is(TypeId::Array) && c.arg(1).as<ListBox>()->elem == TypeId::Dynamic) {
        args = c.arg(1).as<ListBox>()->items;
    } else {
        args.assign(c.args.begin() + 1, c.args.end());
    }
    return Value::string(formatComposite(c.st, fmt, args));
}

Value parseNumber(Call &c, TypeId type)
{
    if (c.arg(0).isNull()) {
        rows::failArgumentNull("s");
    }
    const std::string text = rows::str(c, 0);
    if (type == TypeId::Double || type == TypeId::Decimal) {
        double d = 0;
        if (!parseDouble(text, d)) {
            failFormat();
        }
        return Value::floating(d, type);
    }
    std::int64_t n = 0;
    if (!parseInt64(text, n)) {
        failFormat();
    }
    if (type == TypeId::Int32) {
        if (n < INT32_MIN || n > INT32_MAX) {
            fail("Value was either too large or too small for an Int32.", "System.OverflowException");
        }
        return Value::int32(std::int32_t(n));
    }
    return Value::int64(n);
}

template<TypeId type>
Value parseImpl(Call &c)
{
    return parseNumber(c, type);
}

template<TypeId type>
Value tryParseImpl(Call &c)
{
    const std::size_t out = c.argc() - 1;
    try {
        if (c.arg(0).isNull()) {
            throw EvalError{};
        }
        c.args[out] = parseNumber(c, type);
        return Value::boolean(true);
    } catch (const EvalError &) {
        c.args[out] = rows::defaultOf(TypeRef{type});
        return Value::boolean(false);
    }
}

std::int64_t checkedTicks(double ticks)
{
    if (!(ticks >= -9.2e18 && ticks <= 9.2e18)) {
        fail("TimeSpan overflowed because the duration is too long.", "System.OverflowException");
    }
    return std::int64_t(ticks);
}

Value addTicks(const Call &c, std::int64_t ticks)
{
    std::int64_t result = 0;
    if (__builtin_add_overflow(c.self.integer(), ticks, &result) || result < 0 || result > 3155378975999999999) {
        fail("The added or subtracted value results in an un-representable DateTime.",
             "System.ArgumentOutOfRangeException");
    }
    return makeDateTime(result, c.self.flags());
}

template<std::int64_t unit>
Value addUnits(Call &c)
{
    return addTicks(c, checkedTicks(rows::number(c, 0) * double(unit)));
}

Value addMonths(Call &c, std::int64_t months)
{
    std::int64_t year = 0;
    int month = 0;
    int day = 0;
    int dow = 0;
    civilFromTicks(c.self.integer(), year, month, day, dow);
    if (months < -120000 || months > 120000) {
        fail("The added or subtracted value results in an un-representable DateTime.",
             "System.ArgumentOutOfRangeException");
    }
    std::int64_t total = year * 12 + (month - 1) + months;
    year = total / 12;
    month = int(total % 12) + 1;
    if (year < 1 || year > 9999) {
        fail("The added or subtracted value results in an un-representable DateTime.",
             "System.ArgumentOutOfRangeException");
    }
    static constexpr int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = month == 2 && leap ? 29 : monthDays[month - 1];
    day = std::min(day, maxDay);
    const std::int64_t timeOfDay = c.self.integer() % ticksPerDay;
    return makeDateTime(ticksFromCivil(year, month, day) + timeOfDay, c.self.flags());
}

int datePart(const Call &c, int which)
{
    std::int64_t year = 0;
    int month = 0;
    int day = 0;
    int dow = 0;
    civilFromTicks(c.self.integer(), year, month, day, dow);
    switch (which) {
    case 0:
        return int(year);
    case 1:
        return month;
    case 2:
        return day;
    default:
        return dow;
    }
}

Value parseDate(Call &c)
{
    std::int64_t ticks = 0;
    int kind = 0;
    if (!parseDateTime(rows::str(c, 0), ticks, kind)) {
        failFormat("String '" + rows::str(c, 0) + "' was not recognized as a valid DateTime.");
    }
    return makeDateTime(ticks, kind);
}

Value unixEpoch()
{
    return makeDateTime(621355968000000000, 1);
}

} // namespace

std::optional<std::int64_t> enumValue(TypeId owner, std::string_view name)
{
    for (const auto &e : enumEntries) {
        if (e.type == owner && e.name == name) {
            return e.value;
        }
    }
    return std::nullopt;
}

std::string_view enumName(TypeId type, std::int64_t value)
{
    for (const auto &e : enumEntries) {
        if (e.type == type && e.value == value) {
            return e.name;
        }
    }
    return {};
}

namespace rows {

void addSystemMembers(std::vector<Member> &t)
{
    using enum TypeId;
    // enums: one static property per member
    for (const auto &e : enumEntries) {
        Impl impl = nullptr;
        // one function per (type, value) cannot be a capture-less lambda; the evaluator special-cases enum rows
        t.push_back(Member{
            e.type, e.name, MemberKind::StaticProperty, 0, 0, {}, T(e.type), ResultRule::Fixed, impl, nullptr, {}});
    }
    t.push_back(sprop(StringComparison, "OrdinalIgnoreCaseComparer", T(StringComparison),
                      [](Call &) { return Value::enumValue(TypeId::StringComparison, 5); }));

    // object
    t.push_back(method(Object, "ToString", 0, 2, "format,provider", T(String), [](Call &c) {
        if (c.argc() > 0 && c.arg(0).isString()) {
            return Value::string(formatValue(c.self, c.arg(0).text()));
        }
        if (c.argc() > 0 && c.arg(0).is(TypeId::Formatting) && derivesFrom(c.self.type(), TypeId::JToken)) {
            return Value::string(writeJson(*c.self.as<JNode>(), c.arg(0).integer() == 1));
        }
        if (int(c.self.type()) >= int(TypeId::StringComparison) && int(c.self.type()) <= int(TypeId::UriPartial)) {
            return Value::string(std::string(enumName(c.self.type(), c.self.integer())));
        }
        return Value::string(toText(c.self));
    }));
    t.push_back(method(Object, "Equals", 1, 2, "value,comparisonType", T(Bool), [](Call &c) {
        if (c.self.isString() && c.arg(0).isString() && comparisonArg(c, 1)) {
            return Value::boolean(equalsIgnoreCase(c.self.text(), c.arg(0).text()));
        }
        return Value::boolean(valueEquals(c.self, c.arg(0)));
    }));
    t.push_back(method(Object, "GetHashCode", 0, 0, {}, T(Int32),
                       [](Call &c) { return Value::int32(std::int32_t(std::hash<std::string>{}(toText(c.self)))); }));
    t.push_back(method(Object, "CompareTo", 1, 1, "value", T(Int32),
                       [](Call &c) { return Value::int32(compareValues(c.self, c.arg(0))); }));
    t.push_back(prop(Object, "HasValue", T(Bool), [](Call &c) { return Value::boolean(!c.self.isNull()); }));
    t.push_back(prop(Object, "Value", T(Dynamic), [](Call &c) { return c.self; }));
    t.push_back(method(Object, "GetValueOrDefault", 0, 1, "defaultValue", T(Dynamic),
                       [](Call &c) { return c.self.isNull() && c.argc() > 0 ? c.arg(0) : c.self; }));

    // String
    // Lengths and indexes count UTF-16 code units, as in .NET (utf16.h); ASCII text takes the byte fast path.
    t.push_back(prop(String, "Length", T(Int32), [](Call &c) { return Value::int32(int(utf16::length(self(c)))); }));
    t.push_back(indexer(String, 1, T(Char), [](Call &c) {
        const std::string &s = self(c);
        const std::int64_t i = integer(c, 0);
        const bool ascii = utf16::isAscii(s);
        if (i < 0 || i >= std::int64_t(ascii ? s.size() : utf16::length(s))) {
            fail("Index was outside the bounds of the array.", "System.IndexOutOfRangeException");
        }
        if (ascii) {
            return Value::character(static_cast<unsigned char>(s[std::size_t(i)]));
        }
        return Value::character(utf16::units(s)[std::size_t(i)]);
    }));
    t.push_back(method(String, "Substring", 1, 2, "startIndex,length", T(String), [](Call &c) {
        const std::string &s = self(c);
        const std::int64_t size = std::int64_t(utf16::length(s));
        const std::int64_t start = integer(c, 0);
        if (start < 0 || start > size) {
            fail("startIndex cannot be larger than length of string. (Parameter 'startIndex')",
                 "System.ArgumentOutOfRangeException");
        }
        std::int64_t length = size - start;
        if (c.argc() > 1) {
            length = integer(c, 1);
            if (length < 0 || length > size - start) {
                fail("Index and length must refer to a location within the string. (Parameter 'length')",
                     "System.ArgumentOutOfRangeException");
            }
        }
        const std::size_t from = utf16::byteOffset(s, std::size_t(start));
        const std::size_t to = utf16::byteOffset(s, std::size_t(start + length));
        return Value::string(s.substr(from, to - from));
    }));
    t.push_back(method(String, "IndexOf", 1, 3, "value,startIndex,comparisonType", T(Int32), [](Call &c) {
        const std::string &s = self(c);
        std::size_t from = 0;
        bool ic = false;
        for (std::size_t i = 1; i < c.argc(); ++i) {
            if (c.arg(i).is(TypeId::StringComparison)) {
                ic = ignoreCase(c.arg(i));
            } else {
                const std::int64_t f = integer(c, i);
                if (f < 0 || f > std::int64_t(utf16::length(s))) {
                    failOutOfRange("startIndex");
                }
                from = utf16::byteOffset(s, std::size_t(f));
            }
        }
        const auto at = find(s, textArg(c, 0), from, ic);
        return Value::int32(at == std::string::npos ? -1 : int(utf16::unitIndex(s, at)));
    }));
    t.push_back(method(String, "IndexOfAny", 1, 2, "anyOf,startIndex", T(Int32), [](Call &c) {
        const std::string &s = self(c);
        const std::string chars = trimChars(c, 0);
        const auto at = s.find_first_of(chars, c.argc() > 1 ? utf16::byteOffset(s, std::size_t(integer(c, 1))) : 0);
        return Value::int32(at == std::string::npos ? -1 : int(utf16::unitIndex(s, at)));
    }));
    t.push_back(method(String, "LastIndexOf", 1, 3, "value,startIndex,comparisonType", T(Int32), [](Call &c) {
        const std::string &s = self(c);
        std::size_t from = std::string::npos;
        bool ic = false;
        for (std::size_t i = 1; i < c.argc(); ++i) {
            if (c.arg(i).is(TypeId::StringComparison)) {
                ic = ignoreCase(c.arg(i));
            } else {
                from = utf16::byteOffset(s, std::size_t(integer(c, i)));
            }
        }
        const auto at = rfind(s, textArg(c, 0), from, ic);
        return Value::int32(at == std::string::npos ? -1 : int(utf16::unitIndex(s, at)));
    }));
    t.push_back(method(String, "Replace", 2, 3, "oldValue,newValue,comparisonType", T(String), [](Call &c) {
        const std::string &s = self(c);
        const std::string from = textArg(c, 0);
        const std::string to = c.arg(1).isNull() ? "" : textArg(c, 1);
        if (from.empty()) {
            fail("String cannot be of zero length. (Parameter 'oldValue')", "System.ArgumentException");
        }
        const bool ic = comparisonArg(c, 2);
        std::string out;
        std::size_t pos = 0;
        while (true) {
            const auto at = find(s, from, pos, ic);
            if (at == std::string::npos) {
                break;
            }
            out.append(s, pos, at - pos);
            out += to;
            pos = at + from.size();
            c.st.charge(to.size());
        }
        out.append(s, pos);
        return Value::string(std::move(out));
    }));
    t.push_back(method(String, "Trim", 0, -1, "trimChars", T(String), [](Call &c) { return trim(c, true, true); }));
    t.push_back(
        method(String, "TrimStart", 0, -1, "trimChars", T(String), [](Call &c) { return trim(c, true, false); }));
    t.push_back(method(String, "TrimEnd", 0, -1, "trimChars", T(String), [](Call &c) { return trim(c, false, true); }));
    t.push_back(method(String, "ToUpper", 0, 1, "culture", T(String),
                       [](Call &c) { return Value::string(utf16::upper(self(c))); }));
    t.push_back(method(String, "ToLower", 0, 1, "culture", T(String),
                       [](Call &c) { return Value::string(utf16::lower(self(c))); }));
    t.push_back(method(String, "ToUpperInvariant", 0, 0, {}, T(String),
                       [](Call &c) { return Value::string(utf16::upper(self(c))); }));
    t.push_back(method(String, "ToLowerInvariant", 0, 0, {}, T(String),
                       [](Call &c) { return Value::string(utf16::lower(self(c))); }));
    t.push_back(method(String, "StartsWith", 1, 2, "value,comparisonType", T(Bool), [](Call &c) {
        const std::string &s = self(c);
        const std::string p = textArg(c, 0);
        if (p.size() > s.size()) {
            return Value::boolean(false);
        }
        const std::string_view head(s.data(), p.size());
        return Value::boolean(comparisonArg(c, 1) ? equalsIgnoreCase(head, p) : head == p);
    }));
    t.push_back(method(String, "EndsWith", 1, 2, "value,comparisonType", T(Bool), [](Call &c) {
        const std::string &s = self(c);
        const std::string p = textArg(c, 0);
        if (p.size() > s.size()) {
            return Value::boolean(false);
        }
        const std::string_view tail(s.data() + s.size() - p.size(), p.size());
        return Value::boolean(comparisonArg(c, 1) ? equalsIgnoreCase(tail, p) : tail == p);
    }));
    t.push_back(method(String, "Contains", 1, 2, "value,comparisonType", T(Bool), [](Call &c) {
        return Value::boolean(find(self(c), textArg(c, 0), 0, comparisonArg(c, 1)) != std::string::npos);
    }));
    t.push_back(method(String, "Split", 0, -1, "separator,options", T(Array, String), split));
    t.push_back(
        method(String, "PadLeft", 1, 2, "totalWidth,paddingChar", T(String), [](Call &c) { return pad(c, true); }));
    t.push_back(
        method(String, "PadRight", 1, 2, "totalWidth,paddingChar", T(String), [](Call &c) { return pad(c, false); }));
    t.push_back(method(String, "Insert", 2, 2, "startIndex,value", T(String), [](Call &c) {
        std::string s = self(c);
        const std::int64_t at = integer(c, 0);
        if (at < 0 || at > std::int64_t(utf16::length(s))) {
            failOutOfRange("startIndex");
        }
        s.insert(utf16::byteOffset(s, std::size_t(at)), str(c, 1));
        return Value::string(std::move(s));
    }));
    t.push_back(method(String, "Remove", 1, 2, "startIndex,count", T(String), [](Call &c) {
        std::string s = self(c);
        const std::int64_t size = std::int64_t(utf16::length(s));
        const std::int64_t at = integer(c, 0);
        const std::int64_t n = c.argc() > 1 ? integer(c, 1) : size - at;
        if (at < 0 || n < 0 || at > size || n > size - at) {
            failOutOfRange("count");
        }
        const std::size_t from = utf16::byteOffset(s, std::size_t(at));
        s.erase(from, utf16::byteOffset(s, std::size_t(at + n)) - from);
        return Value::string(std::move(s));
    }));
    t.push_back(method(String, "ToCharArray", 0, 0, {}, T(Array, Char), [](Call &c) {
        std::vector<Value> chars;
        for (std::uint32_t unit : utf16::units(self(c))) {
            chars.push_back(Value::character(unit));
        }
        return listOf(std::move(chars), TypeId::Char);
    }));
    t.push_back(smethod(String, "IsNullOrEmpty", 1, 1, "value", T(Bool), [](Call &c) {
        return Value::boolean(c.arg(0).isNull() || (c.arg(0).isString() && c.arg(0).text().empty()));
    }));
    t.push_back(smethod(String, "IsNullOrWhiteSpace", 1, 1, "value", T(Bool), [](Call &c) {
        if (c.arg(0).isNull()) {
            return Value::boolean(true);
        }
        const std::string s = toText(c.arg(0));
        return Value::boolean(std::all_of(s.begin(), s.end(), isSpace));
    }));
    t.push_back(smethod(String, "Join", 2, -1, "separator,values", T(String), join));
    t.push_back(smethod(String, "Concat", 1, -1, "values", T(String), concat));
    t.push_back(smethod(String, "Format", 1, -1, "format,args", T(String), format));
    t.push_back(smethod(String, "Equals", 2, 3, "a,b,comparisonType", T(Bool), [](Call &c) {
        if (c.arg(0).isString() && c.arg(1).isString() && comparisonArg(c, 2)) {
            return Value::boolean(equalsIgnoreCase(c.arg(0).text(), c.arg(1).text()));
        }
        return Value::boolean(valueEquals(c.arg(0), c.arg(1)));
    }));
    t.push_back(smethod(String, "Compare", 2, 3, "strA,strB,comparisonType", T(Int32), [](Call &c) {
        if (comparisonArg(c, 2) && c.arg(0).isString() && c.arg(1).isString()) {
            return Value::int32(
                compareValues(Value::string(lower(c.arg(0).text())), Value::string(lower(c.arg(1).text()))));
        }
        return Value::int32(compareValues(c.arg(0), c.arg(1)));
    }));
    t.push_back(smethod(String, "CompareOrdinal", 2, 2, "strA,strB", T(Int32), [](Call &c) {
        const int r = strOrEmpty(c, 0).compare(strOrEmpty(c, 1));
        return Value::int32(r < 0 ? -1 : r > 0 ? 1 : 0);
    }));
    t.push_back(sprop(String, "Empty", T(String), [](Call &) { return Value::string(std::string()); }));
    t.push_back(ctor(String, 1, 2, "c,count", [](Call &c) {
        if (c.argc() == 2) {
            const std::int64_t n = integer(c, 1);
            if (n < 0) {
                failOutOfRange("count");
            }
            c.st.charge(std::size_t(n));
            std::string s;
            for (std::int64_t i = 0; i < n; ++i) {
                appendUtf8(s, std::uint32_t(c.arg(0).integer()));
            }
            return Value::string(std::move(s));
        }
        std::vector<std::uint32_t> units;
        for (const auto &ch : enumerate(c.st, c.arg(0))) {
            units.push_back(std::uint32_t(ch.integer()));
        }
        std::string s;
        utf16::appendUnits(s, units);
        return Value::string(std::move(s));
    }));

    // Char
    auto charTest = [](std::vector<Member> &table, std::string_view name, Impl impl) {
        table.push_back(smethod(Char, name, 1, 2, "c", T(Bool), impl));
    };
    charTest(t, "IsDigit", [](Call &c) {
        const auto ch = c.arg(0).integer();
        return Value::boolean(ch >= '0' && ch <= '9');
    });
    charTest(t, "IsLetter", [](Call &c) { return Value::boolean(utf16::isLetter(std::uint32_t(c.arg(0).integer()))); });
    charTest(t, "IsLetterOrDigit", [](Call &c) {
        const auto ch = std::uint32_t(c.arg(0).integer());
        return Value::boolean((ch >= '0' && ch <= '9') || utf16::isLetter(ch));
    });
    charTest(t, "IsWhiteSpace", [](Call &c) { return Value::boolean(isSpace(char(c.arg(0).integer()))); });
    charTest(t, "IsUpper", [](Call &c) { return Value::boolean(utf16::isUpper(std::uint32_t(c.arg(0).integer()))); });
    charTest(t, "IsLower", [](Call &c) { return Value::boolean(utf16::isLower(std::uint32_t(c.arg(0).integer()))); });
    charTest(t, "IsPunctuation",
             [](Call &c) { return Value::boolean(utf16::isPunctuation(std::uint32_t(c.arg(0).integer()))); });
    t.push_back(smethod(Char, "ToUpper", 1, 1, "c", T(Char), [](Call &c) {
        return Value::character(char32_t(utf16::upper(std::uint32_t(c.arg(0).integer()))));
    }));
    t.push_back(smethod(Char, "ToLower", 1, 1, "c", T(Char), [](Call &c) {
        return Value::character(char32_t(utf16::lower(std::uint32_t(c.arg(0).integer()))));
    }));

    // numbers and Boolean
    t.push_back(smethod(Int32, "Parse", 1, 3, "s,style,provider", T(Int32), parseImpl<TypeId::Int32>));
    t.push_back(smethod(Int32, "TryParse", 2, 4, "s,result", T(Bool), tryParseImpl<TypeId::Int32>));
    t.push_back(sprop(Int32, "MaxValue", T(Int32), [](Call &) { return Value::int32(INT32_MAX); }));
    t.push_back(sprop(Int32, "MinValue", T(Int32), [](Call &) { return Value::int32(INT32_MIN); }));
    t.push_back(smethod(Int64, "Parse", 1, 3, "s,style,provider", T(Int64), parseImpl<TypeId::Int64>));
    t.push_back(smethod(Int64, "TryParse", 2, 4, "s,result", T(Bool), tryParseImpl<TypeId::Int64>));
    t.push_back(sprop(Int64, "MaxValue", T(Int64), [](Call &) { return Value::int64(INT64_MAX); }));
    t.push_back(sprop(Int64, "MinValue", T(Int64), [](Call &) { return Value::int64(INT64_MIN); }));
    t.push_back(smethod(Double, "Parse", 1, 3, "s,style,provider", T(Double), parseImpl<TypeId::Double>));
    t.push_back(smethod(Double, "TryParse", 2, 4, "s,result", T(Bool), tryParseImpl<TypeId::Double>));
    t.push_back(
        smethod(Double, "IsNaN", 1, 1, "d", T(Bool), [](Call &c) { return Value::boolean(std::isnan(number(c, 0))); }));
    t.push_back(sprop(Double, "MaxValue", T(Double), [](Call &) { return Value::floating(1.7976931348623157E+308); }));
    t.push_back(sprop(Double, "MinValue", T(Double), [](Call &) { return Value::floating(-1.7976931348623157E+308); }));
    t.push_back(smethod(Decimal, "Parse", 1, 3, "s,style,provider", T(Decimal), parseImpl<TypeId::Decimal>));
    t.push_back(smethod(Decimal, "TryParse", 2, 4, "s,result", T(Bool), tryParseImpl<TypeId::Decimal>));
    t.push_back(smethod(Bool, "Parse", 1, 1, "value", T(Bool), [](Call &c) {
        const auto b = toBool(Value::string(str(c, 0)));
        if (!b) {
            failFormat("String '" + str(c, 0) + "' was not recognized as a valid Boolean.");
        }
        return Value::boolean(*b);
    }));
    t.push_back(smethod(Bool, "TryParse", 2, 2, "value,result", T(Bool), [](Call &c) {
        const auto b = c.arg(0).isString() ? toBool(c.arg(0)) : std::nullopt;
        c.args[1] = Value::boolean(b.value_or(false));
        return Value::boolean(b.has_value());
    }));
    t.push_back(sprop(Bool, "TrueString", T(String), [](Call &) { return Value::string("True"); }));
    t.push_back(sprop(Bool, "FalseString", T(String), [](Call &) { return Value::string("False"); }));

    // DateTime (DateTimeOffset maps here)
    t.push_back(sprop(DateTime, "UtcNow", T(DateTime), [](Call &) { return makeDateTime(nowTicks(true), 1); }));
    t.push_back(sprop(DateTime, "Now", T(DateTime), [](Call &) { return makeDateTime(nowTicks(false), 2); }));
    t.push_back(sprop(DateTime, "Today", T(DateTime), [](Call &) {
        const auto now = nowTicks(false);
        return makeDateTime(now - now % ticksPerDay, 2);
    }));
    t.push_back(sprop(DateTime, "MinValue", T(DateTime), [](Call &) { return makeDateTime(0, 0); }));
    t.push_back(sprop(DateTime, "MaxValue", T(DateTime), [](Call &) { return makeDateTime(3155378975999999999, 0); }));
    t.push_back(sprop(DateTime, "UnixEpoch", T(DateTime), [](Call &) { return unixEpoch(); }));
    t.push_back(smethod(DateTime, "Parse", 1, 3, "s,provider,styles", T(DateTime), parseDate));
    t.push_back(smethod(DateTime, "ParseExact", 2, 4, "s,format,provider,style", T(DateTime), parseDate));
    t.push_back(smethod(DateTime, "TryParse", 2, 4, "s,result", T(Bool), [](Call &c) {
        std::int64_t ticks = 0;
        int kind = 0;
        const bool ok = c.arg(0).isString() && parseDateTime(c.arg(0).text(), ticks, kind);
        c.args[c.argc() - 1] = makeDateTime(ok ? ticks : 0, kind);
        return Value::boolean(ok);
    }));
    t.push_back(smethod(DateTime, "IsLeapYear", 1, 1, "year", T(Bool), [](Call &c) {
        const auto y = integer(c, 0);
        return Value::boolean((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
    }));
    t.push_back(smethod(DateTime, "DaysInMonth", 2, 2, "year,month", T(Int32), [](Call &c) {
        const auto y = integer(c, 0);
        const auto m = integer(c, 1);
        if (m < 1 || m > 12) {
            failOutOfRange("month");
        }
        static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return Value::int32(m == 2 && leap ? 29 : days[m - 1]);
    }));
    t.push_back(smethod(DateTime, "FromUnixTimeSeconds", 1, 1, "seconds", T(DateTime), [](Call &c) {
        return makeDateTimeChecked(
            unixEpoch().integer() + checkedTicks(double(integer(c, 0)) * double(ticksPerSecond) / 2) * 2, 1);
    }));
    t.push_back(smethod(DateTime, "FromUnixTimeMilliseconds", 1, 1, "milliseconds", T(DateTime), [](Call &c) {
        return makeDateTimeChecked(unixEpoch().integer() + checkedTicks(double(integer(c, 0)) * 1e4 / 2) * 2, 1);
    }));
    t.push_back(smethod(DateTime, "SpecifyKind", 2, 2, "value,kind", T(DateTime),
                        [](Call &c) { return makeDateTime(c.arg(0).integer(), int(c.arg(1).integer())); }));
    t.push_back(ctor(DateTime, 3, 8, "year,month,day,hour,minute,second,millisecond,kind", [](Call &c) {
        std::int64_t parts[7] = {1, 1, 1, 0, 0, 0, 0};
        int kind = 0;
        std::size_t n = 0;
        for (std::size_t i = 0; i < c.argc(); ++i) {
            if (c.arg(i).is(TypeId::DateTimeKind)) {
                kind = int(c.arg(i).integer());
            } else if (n < 7) {
                parts[n++] = integer(c, i);
            }
        }
        if (parts[0] < 1 || parts[0] > 9999 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31 ||
            parts[3] < 0 || parts[3] > 23 || parts[4] < 0 || parts[4] > 59 || parts[5] < 0 || parts[5] > 59 ||
            parts[6] < 0 || parts[6] > 999) {
            fail("Year, Month, and Day parameters describe an un-representable DateTime.",
                 "System.ArgumentOutOfRangeException");
        }
        return makeDateTime(ticksFromCivil(parts[0], int(parts[1]), int(parts[2])) +
                                (parts[3] * 3600 + parts[4] * 60 + parts[5]) * ticksPerSecond +
                                parts[6] * ticksPerMillisecond,
                            kind);
    }));
    t.push_back(prop(DateTime, "Year", T(Int32), [](Call &c) { return Value::int32(datePart(c, 0)); }));
    t.push_back(prop(DateTime, "Month", T(Int32), [](Call &c) { return Value::int32(datePart(c, 1)); }));
    t.push_back(prop(DateTime, "Day", T(Int32), [](Call &c) { return Value::int32(datePart(c, 2)); }));
    t.push_back(prop(DateTime, "DayOfWeek", T(DayOfWeek),
                     [](Call &c) { return Value::enumValue(TypeId::DayOfWeek, datePart(c, 3)); }));
    t.push_back(prop(DateTime, "DayOfYear", T(Int32), [](Call &c) {
        const std::int64_t jan1 = ticksFromCivil(datePart(c, 0), 1, 1);
        return Value::int32(int((c.self.integer() - jan1) / ticksPerDay) + 1);
    }));
    t.push_back(prop(DateTime, "Hour", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / (3600 * ticksPerSecond) % 24)); }));
    t.push_back(prop(DateTime, "Minute", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / (60 * ticksPerSecond) % 60)); }));
    t.push_back(prop(DateTime, "Second", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / ticksPerSecond % 60)); }));
    t.push_back(prop(DateTime, "Millisecond", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / ticksPerMillisecond % 1000)); }));
    t.push_back(prop(DateTime, "Ticks", T(Int64), [](Call &c) { return Value::int64(c.self.integer()); }));
    t.push_back(prop(DateTime, "Kind", T(DateTimeKind),
                     [](Call &c) { return Value::enumValue(TypeId::DateTimeKind, c.self.flags()); }));
    t.push_back(prop(DateTime, "Date", T(DateTime), [](Call &c) {
        return makeDateTime(c.self.integer() - c.self.integer() % ticksPerDay, c.self.flags());
    }));
    t.push_back(
        prop(DateTime, "TimeOfDay", T(TimeSpan), [](Call &c) { return makeTimeSpan(c.self.integer() % ticksPerDay); }));
    t.push_back(prop(DateTime, "UtcDateTime", T(DateTime), [](Call &c) { return makeDateTime(c.self.integer(), 1); }));
    t.push_back(prop(DateTime, "DateTime", T(DateTime), [](Call &c) { return c.self; }));
    t.push_back(method(DateTime, "AddDays", 1, 1, "value", T(DateTime), addUnits<ticksPerDay>));
    t.push_back(method(DateTime, "AddHours", 1, 1, "value", T(DateTime), addUnits<3600 * ticksPerSecond>));
    t.push_back(method(DateTime, "AddMinutes", 1, 1, "value", T(DateTime), addUnits<60 * ticksPerSecond>));
    t.push_back(method(DateTime, "AddSeconds", 1, 1, "value", T(DateTime), addUnits<ticksPerSecond>));
    t.push_back(method(DateTime, "AddMilliseconds", 1, 1, "value", T(DateTime), addUnits<ticksPerMillisecond>));
    t.push_back(
        method(DateTime, "AddTicks", 1, 1, "value", T(DateTime), [](Call &c) { return addTicks(c, integer(c, 0)); }));
    t.push_back(method(DateTime, "AddMonths", 1, 1, "months", T(DateTime),
                       [](Call &c) { return addMonths(c, integer(c, 0)); }));
    t.push_back(method(DateTime, "AddYears", 1, 1, "value", T(DateTime),
                       [](Call &c) { return addMonths(c, integer(c, 0) * 12); }));
    t.push_back(
        method(DateTime, "Add", 1, 1, "value", T(DateTime), [](Call &c) { return addTicks(c, c.arg(0).integer()); }));
    t.push_back(method(DateTime, "Subtract", 1, 1, "value", T(Dynamic), [](Call &c) {
        if (c.arg(0).is(TypeId::DateTime)) {
            return makeTimeSpan(c.self.integer() - c.arg(0).integer());
        }
        if (!c.arg(0).is(TypeId::TimeSpan)) {
            failCast(c.arg(0), "System.TimeSpan");
        }
        return addTicks(c, -c.arg(0).integer());
    }));
    t.push_back(method(DateTime, "ToUniversalTime", 0, 0, {}, T(DateTime),
                       [](Call &c) { return makeDateTime(c.self.integer(), 1); }));
    t.push_back(method(DateTime, "ToLocalTime", 0, 0, {}, T(DateTime),
                       [](Call &c) { return makeDateTime(c.self.integer(), 2); }));
    t.push_back(method(DateTime, "ToUnixTimeSeconds", 0, 0, {}, T(Int64), [](Call &c) {
        const std::int64_t d = c.self.integer() - unixEpoch().integer();
        return Value::int64(d >= 0 ? d / ticksPerSecond : -((-d + ticksPerSecond - 1) / ticksPerSecond));
    }));
    t.push_back(method(DateTime, "ToUnixTimeMilliseconds", 0, 0, {}, T(Int64), [](Call &c) {
        return Value::int64((c.self.integer() - unixEpoch().integer()) / ticksPerMillisecond);
    }));
    t.push_back(method(DateTime, "ToString", 0, 2, "format,provider", T(String), [](Call &c) {
        return Value::string(formatValue(c.self, c.argc() > 0 && c.arg(0).isString() ? c.arg(0).text() : ""));
    }));
    t.push_back(method(DateTime, "ToShortDateString", 0, 0, {}, T(String),
                       [](Call &c) { return Value::string(formatValue(c.self, "d")); }));
    t.push_back(method(DateTime, "ToLongDateString", 0, 0, {}, T(String),
                       [](Call &c) { return Value::string(formatValue(c.self, "D")); }));
    t.push_back(method(DateTime, "ToShortTimeString", 0, 0, {}, T(String),
                       [](Call &c) { return Value::string(formatValue(c.self, "t")); }));
    t.push_back(method(DateTime, "ToFileTimeUtc", 0, 0, {}, T(Int64),
                       [](Call &c) { return Value::int64(c.self.integer() - 504911232000000000); }));

    // TimeSpan
    auto from = [](std::vector<Member> &table, std::string_view name, Impl impl) {
        table.push_back(smethod(TimeSpan, name, 1, 1, "value", T(TimeSpan), impl));
    };
    from(t, "FromDays", [](Call &c) { return makeTimeSpan(checkedTicks(number(c, 0) * double(ticksPerDay))); });
    from(t, "FromHours", [](Call &c) { return makeTimeSpan(checkedTicks(number(c, 0) * 3600e7)); });
    from(t, "FromMinutes", [](Call &c) { return makeTimeSpan(checkedTicks(number(c, 0) * 60e7)); });
    from(t, "FromSeconds", [](Call &c) { return makeTimeSpan(checkedTicks(number(c, 0) * 1e7)); });
    from(t, "FromMilliseconds", [](Call &c) { return makeTimeSpan(checkedTicks(number(c, 0) * 1e4)); });
    from(t, "FromTicks", [](Call &c) { return makeTimeSpan(integer(c, 0)); });
    t.push_back(sprop(TimeSpan, "Zero", T(TimeSpan), [](Call &) { return makeTimeSpan(0); }));
    t.push_back(sprop(TimeSpan, "MaxValue", T(TimeSpan), [](Call &) { return makeTimeSpan(INT64_MAX); }));
    t.push_back(smethod(TimeSpan, "Parse", 1, 2, "s,provider", T(TimeSpan), [](Call &c) {
        std::int64_t ticks = 0;
        if (!parseTimeSpan(str(c, 0), ticks)) {
            failFormat("String '" + str(c, 0) + "' was not recognized as a valid TimeSpan.");
        }
        return makeTimeSpan(ticks);
    }));
    t.push_back(smethod(TimeSpan, "TryParse", 2, 3, "s,result", T(Bool), [](Call &c) {
        std::int64_t ticks = 0;
        const bool ok = c.arg(0).isString() && parseTimeSpan(c.arg(0).text(), ticks);
        c.args[c.argc() - 1] = makeTimeSpan(ok ? ticks : 0);
        return Value::boolean(ok);
    }));
    t.push_back(ctor(TimeSpan, 1, 5, "days,hours,minutes,seconds,milliseconds", [](Call &c) {
        if (c.argc() == 1) {
            return makeTimeSpan(integer(c, 0));
        }
        std::int64_t p[5] = {0, 0, 0, 0, 0};
        const std::size_t offset = c.argc() == 3 ? 1 : 0; // (h, m, s) or (d, h, m, s[, ms])
        for (std::size_t i = 0; i < c.argc(); ++i) {
            p[i + offset] = integer(c, i);
        }
        return makeTimeSpan(checkedTicks(double(p[0]) * double(ticksPerDay) + double(p[1]) * 3600e7 +
                                         double(p[2]) * 60e7 + double(p[3]) * 1e7 + double(p[4]) * 1e4));
    }));
    t.push_back(prop(TimeSpan, "TotalDays", T(Double),
                     [](Call &c) { return Value::floating(double(c.self.integer()) / double(ticksPerDay)); }));
    t.push_back(prop(TimeSpan, "TotalHours", T(Double),
                     [](Call &c) { return Value::floating(double(c.self.integer()) / 3600e7); }));
    t.push_back(prop(TimeSpan, "TotalMinutes", T(Double),
                     [](Call &c) { return Value::floating(double(c.self.integer()) / 60e7); }));
    t.push_back(prop(TimeSpan, "TotalSeconds", T(Double),
                     [](Call &c) { return Value::floating(double(c.self.integer()) / 1e7); }));
    t.push_back(prop(TimeSpan, "TotalMilliseconds", T(Double),
                     [](Call &c) { return Value::floating(double(c.self.integer()) / 1e4); }));
    t.push_back(
        prop(TimeSpan, "Days", T(Int32), [](Call &c) { return Value::int32(int(c.self.integer() / ticksPerDay)); }));
    t.push_back(prop(TimeSpan, "Hours", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / 36000000000 % 24)); }));
    t.push_back(prop(TimeSpan, "Minutes", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / 600000000 % 60)); }));
    t.push_back(prop(TimeSpan, "Seconds", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / ticksPerSecond % 60)); }));
    t.push_back(prop(TimeSpan, "Milliseconds", T(Int32),
                     [](Call &c) { return Value::int32(int(c.self.integer() / ticksPerMillisecond % 1000)); }));
    t.push_back(prop(TimeSpan, "Ticks", T(Int64), [](Call &c) { return Value::int64(c.self.integer()); }));
    t.push_back(method(TimeSpan, "Add", 1, 1, "ts", T(TimeSpan), [](Call &c) {
        std::int64_t r = 0;
        if (__builtin_add_overflow(c.self.integer(), c.arg(0).integer(), &r)) {
            fail("TimeSpan overflowed because the duration is too long.", "System.OverflowException");
        }
        return makeTimeSpan(r);
    }));
    t.push_back(method(TimeSpan, "Subtract", 1, 1, "ts", T(TimeSpan), [](Call &c) {
        std::int64_t r = 0;
        if (__builtin_sub_overflow(c.self.integer(), c.arg(0).integer(), &r)) {
            fail("TimeSpan overflowed because the duration is too long.", "System.OverflowException");
        }
        return makeTimeSpan(r);
    }));
    t.push_back(method(TimeSpan, "Negate", 0, 0, {}, T(TimeSpan), [](Call &c) {
        if (c.self.integer() == INT64_MIN) {
            fail("Negating the minimum value of a twos complement number is invalid.", "System.OverflowException");
        }
        return makeTimeSpan(-c.self.integer());
    }));
    t.push_back(method(TimeSpan, "Duration", 0, 0, {}, T(TimeSpan), [](Call &c) {
        if (c.self.integer() == INT64_MIN) {
            fail("The duration cannot be returned for TimeSpan.MinValue because the absolute value "
                 "of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.",
                 "System.OverflowException");
        }
        return makeTimeSpan(std::abs(c.self.integer()));
    }));

    // Guid
    t.push_back(smethod(Guid, "NewGuid", 0, 0, {}, T(Guid), [](Call &) { return makeGuid(newGuid()); }));
    t.push_back(sprop(Guid, "Empty", T(Guid), [](Call &) { return makeGuid("00000000-0000-0000-0000-000000000000"); }));
    auto parseGuid = [](std::string text, std::string &out) {
        std::string hex;
        for (char ch : text) {
            if (hexValue(ch) >= 0) {
                hex += char(std::tolower(static_cast<unsigned char>(ch)));
            } else if (ch != '-' && ch != '{' && ch != '}' && ch != '(' && ch != ')') {
                return false;
            }
        }
        if (hex.size() != 32) {
            return false;
        }
        out = hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
              hex.substr(20);
        return true;
    };
    static bool (*const parseGuidFn)(std::string, std::string &) = parseGuid;
    t.push_back(smethod(Guid, "Parse", 1, 1, "input", T(Guid), [](Call &c) {
        std::string g;
        if (!parseGuidFn(str(c, 0), g)) {
            failFormat("Unrecognized Guid format.");
        }
        return makeGuid(g);
    }));
    t.push_back(smethod(Guid, "TryParse", 2, 2, "input,result", T(Bool), [](Call &c) {
        std::string g;
        const bool ok = c.arg(0).isString() && parseGuidFn(c.arg(0).text(), g);
        c.args[1] = makeGuid(ok ? g : "00000000-0000-0000-0000-000000000000");
        return Value::boolean(ok);
    }));
    t.push_back(ctor(Guid, 1, 1, "g", [](Call &c) {
        std::string g;
        if (!parseGuidFn(str(c, 0), g)) {
            failFormat("Unrecognized Guid format.");
        }
        return makeGuid(g);
    }));

    // Math
    auto unaryMath = [](std::vector<Member> &table, std::string_view name, Impl impl) {
        table.push_back(smethod(Math, name, 1, 1, "d", T(Double), impl));
    };
    unaryMath(t, "Floor", [](Call &c) {
        return Value::floating(std::floor(number(c, 0)),
                               c.arg(0).is(TypeId::Decimal) ? TypeId::Decimal : TypeId::Double);
    });
    unaryMath(t, "Ceiling", [](Call &c) {
        return Value::floating(std::ceil(number(c, 0)),
                               c.arg(0).is(TypeId::Decimal) ? TypeId::Decimal : TypeId::Double);
    });
    unaryMath(t, "Truncate", [](Call &c) { return Value::floating(std::trunc(number(c, 0))); });
    unaryMath(t, "Sqrt", [](Call &c) { return Value::floating(std::sqrt(number(c, 0))); });
    unaryMath(t, "Log10", [](Call &c) { return Value::floating(std::log10(number(c, 0))); });
    unaryMath(t, "Exp", [](Call &c) { return Value::floating(std::exp(number(c, 0))); });
    t.push_back(smethod(Math, "Log", 1, 2, "a,newBase", T(Double), [](Call &c) {
        const double v = std::log(number(c, 0));
        return Value::floating(c.argc() > 1 ? v / std::log(number(c, 1)) : v);
    }));
    t.push_back(smethod(Math, "Abs", 1, 1, "value", T(Dynamic), [](Call &c) {
        const Value &v = c.arg(0);
        if (v.isIntegral()) {
            if (v.integer() == INT64_MIN || (v.is(TypeId::Int32) && v.integer() == INT32_MIN)) {
                fail("Negating the minimum value of a twos complement number is invalid.", "System.OverflowException");
            }
            return v.is(TypeId::Int32) ? Value::int32(std::int32_t(std::abs(v.integer())))
                                       : Value::int64(std::abs(v.integer()));
        }
        return Value::floating(std::abs(number(c, 0)), v.is(TypeId::Decimal) ? TypeId::Decimal : TypeId::Double);
    }));
    t.push_back(smethod(Math, "Sign", 1, 1, "value", T(Int32), [](Call &c) {
        const double v = number(c, 0);
        return Value::int32(v > 0 ? 1 : v < 0 ? -1 : 0);
    }));
    t.push_back(smethod(Math, "Pow", 2, 2, "x,y", T(Double),
                        [](Call &c) { return Value::floating(std::pow(number(c, 0), number(c, 1))); }));
    auto minMax = [](Call &c, bool max) {
        const Value &a = c.arg(0);
        const Value &b = c.arg(1);
        if (a.isIntegral() && b.isIntegral()) {
            const std::int64_t r = max ? std::max(a.integer(), b.integer()) : std::min(a.integer(), b.integer());
            return a.is(TypeId::Int64) || b.is(TypeId::Int64) ? Value::int64(r) : Value::int32(std::int32_t(r));
        }
        const double r =
            max ? std::max(requireNumber(a), requireNumber(b)) : std::min(requireNumber(a), requireNumber(b));
        return Value::floating(r, a.is(TypeId::Decimal) || b.is(TypeId::Decimal) ? TypeId::Decimal : TypeId::Double);
    };
    static Value (*const minMaxFn)(Call &, bool) = minMax;
    t.push_back(smethod(Math, "Max", 2, 2, "val1,val2", T(Dynamic), [](Call &c) { return minMaxFn(c, true); }));
    t.push_back(smethod(Math, "Min", 2, 2, "val1,val2", T(Dynamic), [](Call &c) { return minMaxFn(c, false); }));
    t.push_back(smethod(Math, "Round", 1, 3, "value,digits,mode", T(Double), [](Call &c) {
        const double v = number(c, 0);
        int digits = 0;
        bool away = false;
        for (std::size_t i = 1; i < c.argc(); ++i) {
            if (c.arg(i).is(TypeId::MidpointRounding)) {
                away = c.arg(i).integer() == 1;
            } else {
                digits = int(integer(c, i));
            }
        }
        const double scale = std::pow(10.0, digits);
        double scaled = v * scale;
        double r = away ? std::round(scaled) : std::nearbyint(scaled); // nearbyint: banker's rounding by default
        return Value::floating(r / scale, c.arg(0).is(TypeId::Decimal) ? TypeId::Decimal : TypeId::Double);
    }));
    t.push_back(sprop(Math, "PI", T(Double), [](Call &) { return Value::floating(3.141592653589793); }));
    t.push_back(sprop(Math, "E", T(Double), [](Call &) { return Value::floating(2.718281828459045); }));

    // Convert
    t.push_back(smethod(Convert, "ToBase64String", 1, 3, "inArray,offset,length", T(String), [](Call &c) {
        const std::string &bytes = bytesOf(c.arg(0));
        if (c.argc() == 3) {
            const auto off = integer(c, 1);
            const auto len = integer(c, 2);
            if (off < 0 || len < 0 || off > std::int64_t(bytes.size()) || len > std::int64_t(bytes.size()) - off) {
                failOutOfRange("length");
            }
            return Value::string(base64Encode(std::string_view(bytes).substr(std::size_t(off), std::size_t(len))));
        }
        return Value::string(base64Encode(bytes));
    }));
    t.push_back(smethod(Convert, "FromBase64String", 1, 1, "s", T(Bytes), [](Call &c) {
        std::string out;
        if (!base64Decode(str(c, 0), out)) {
            failFormat("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two "
                       "padding characters, or an illegal character among the padding characters.");
        }
        return makeBytes(std::move(out));
    }));
    t.push_back(smethod(Convert, "ToHexString", 1, 1, "inArray", T(String), [](Call &c) {
        static const char hex[] = "0123456789ABCDEF";
        std::string out;
        for (unsigned char b : bytesOf(c.arg(0))) {
            out += hex[b >> 4];
            out += hex[b & 15];
        }
        return Value::string(std::move(out));
    }));
    auto toIntegral = [](Call &c, TypeId type) -> Value {
        const Value &v = c.arg(0);
        if (v.isNull()) {
            return type == TypeId::Int32 ? Value::int32(0) : Value::int64(0);
        }
        std::int64_t n = 0;
        if (v.isString()) {
            if (c.argc() > 1 && c.arg(1).isIntegral() && c.arg(1).integer() == 16) {
                n = std::strtoll(v.text().c_str(), nullptr, 16);
            } else if (!parseInt64(v.text(), n)) {
                failFormat();
            }
        } else if (v.is(TypeId::Double) || v.is(TypeId::Decimal)) {
            const double rounded = std::nearbyint(v.real()); // Convert rounds to even
            if (!(rounded >= -9.2e18 && rounded <= 9.2e18)) {
                fail("Value was either too large or too small for an Int64.", "System.OverflowException");
            }
            n = std::int64_t(rounded);
        } else if (v.is(TypeId::Bool)) {
            n = v.flag();
        } else {
            n = requireInteger(v);
        }
        return type == TypeId::Int32 ? Value::int32(std::int32_t(n)) : Value::int64(n);
    };
    static Value (*const toIntegralFn)(Call &, TypeId) = toIntegral;
    t.push_back(smethod(Convert, "ToInt32", 1, 2, "value,fromBase", T(Int32),
                        [](Call &c) { return toIntegralFn(c, TypeId::Int32); }));
    t.push_back(smethod(Convert, "ToInt16", 1, 2, "value,fromBase", T(Int32),
                        [](Call &c) { return toIntegralFn(c, TypeId::Int32); }));
    t.push_back(smethod(Convert, "ToByte", 1, 2, "value,fromBase", T(Int32),
                        [](Call &c) { return toIntegralFn(c, TypeId::Int32); }));
    t.push_back(smethod(Convert, "ToInt64", 1, 2, "value,fromBase", T(Int64),
                        [](Call &c) { return toIntegralFn(c, TypeId::Int64); }));
    t.push_back(smethod(Convert, "ToDouble", 1, 2, "value,provider", T(Double), [](Call &c) {
        const Value &v = c.arg(0);
        if (v.isNull()) {
            return Value::floating(0);
        }
        if (v.isString()) {
            double d = 0;
            if (!parseDouble(v.text(), d)) {
                failFormat();
            }
            return Value::floating(d);
        }
        return Value::floating(requireNumber(v));
    }));
    t.push_back(smethod(Convert, "ToDecimal", 1, 2, "value,provider", T(Decimal), [](Call &c) {
        const Value &v = c.arg(0);
        double d = 0;
        if (v.isString()) {
            if (!parseDouble(v.text(), d)) {
                failFormat();
            }
        } else if (!v.isNull()) {
            d = requireNumber(v);
        }
        return Value::floating(d, TypeId::Decimal);
    }));
    t.push_back(smethod(Convert, "ToString", 1, 2, "value,provider", T(String), [](Call &c) {
        if (c.argc() == 2 && c.arg(1).isIntegral() && c.arg(0).isIntegral()) {
            const int base = int(c.arg(1).integer());
            std::uint64_t n = std::uint64_t(c.arg(0).integer());
            if (c.arg(0).is(TypeId::Int32)) {
                n &= 0xFFFFFFFFull;
            }
            if (base != 2 && base != 8 && base != 10 && base != 16) {
                failArgument("Invalid Base.");
            }
            if (base == 10) {
                return Value::string(std::to_string(c.arg(0).integer()));
            }
            std::string out;
            do {
                out.insert(out.begin(), "0123456789abcdef"[n % std::uint64_t(base)]);
                n /= std::uint64_t(base);
            } while (n != 0);
            return Value::string(std::move(out));
        }
        return Value::string(toText(c.arg(0)));
    }));
    t.push_back(smethod(Convert, "ToBoolean", 1, 2, "value,provider", T(Bool), [](Call &c) {
        const Value &v = c.arg(0);
        if (v.isNull()) {
            return Value::boolean(false);
        }
        if (v.isNumber()) {
            return Value::boolean(v.number() != 0);
        }
        return Value::boolean(boolean(c, 0));
    }));
    t.push_back(smethod(Convert, "ToDateTime", 1, 2, "value,provider", T(DateTime), [](Call &c) {
        if (c.arg(0).is(TypeId::DateTime)) {
            return c.arg(0);
        }
        return parseDate(c);
    }));
    t.push_back(smethod(Convert, "ToChar", 1, 1, "value", T(Char),
                        [](Call &c) { return Value::character(char32_t(requireInteger(c.arg(0)) & 0xFFFF)); }));

    // BitConverter
    t.push_back(smethod(BitConverter, "ToString", 1, 3, "value,startIndex,length", T(String), [](Call &c) {
        static const char hex[] = "0123456789ABCDEF";
        std::string out;
        for (unsigned char b : bytesOf(c.arg(0))) {
            if (!out.empty()) {
                out += '-';
            }
            out += hex[b >> 4];
            out += hex[b & 15];
        }
        return Value::string(std::move(out));
    }));
    t.push_back(smethod(BitConverter, "GetBytes", 1, 1, "value", T(Bytes), [](Call &c) {
        const Value &v = c.arg(0);
        std::string out;
        const std::int64_t n = requireInteger(v);
        const int size = v.is(TypeId::Int64) ? 8 : v.is(TypeId::Bool) ? 1 : 4;
        for (int i = 0; i < size; ++i) {
            out += char((std::uint64_t(n) >> (8 * i)) & 0xFF);
        }
        return makeBytes(std::move(out));
    }));
    t.push_back(sprop(BitConverter, "IsLittleEndian", T(Bool), [](Call &) { return Value::boolean(true); }));

    // Random
    struct RandomBox final : gw::expr::Object {
        std::mt19937_64 engine;
    };
    t.push_back(ctor(Random, 0, 1, "seed", [](Call &c) {
        auto box = std::make_shared<RandomBox>();
        box->engine.seed(c.argc() > 0 ? std::uint64_t(integer(c, 0)) : std::random_device{}());
        return Value(TypeId::Random, 0, std::move(box));
    }));
    t.push_back(method(Random, "Next", 0, 2, "minValue,maxValue", T(Int32), [](Call &c) {
        std::int64_t lo = 0;
        std::int64_t hi = INT32_MAX;
        if (c.argc() == 1) {
            hi = integer(c, 0);
        } else if (c.argc() == 2) {
            lo = integer(c, 0);
            hi = integer(c, 1);
        }
        if (hi < lo) {
            failOutOfRange("minValue");
        }
        if (hi == lo) {
            return Value::int32(std::int32_t(lo));
        }
        std::uniform_int_distribution<std::int64_t> dist(lo, hi - 1);
        return Value::int32(std::int32_t(dist(c.self.as<RandomBox>()->engine)));
    }));
    t.push_back(method(Random, "NextDouble", 0, 0, {}, T(Double), [](Call &c) {
        std::uniform_real_distribution<double> dist(0, 1);
        return Value::floating(dist(c.self.as<RandomBox>()->engine));
    }));

    // Exception
    t.push_back(ctor(Exception, 0, 2, "message,innerException", [](Call &c) {
        auto box = std::make_shared<ExceptionBox>();
        box->message = c.argc() > 0 ? strOrEmpty(c, 0) : "Exception of type 'System.Exception' was thrown.";
        box->type = "System.Exception";
        return Value(TypeId::Exception, 0, std::move(box));
    }));
    t.push_back(prop(Exception, "Message", T(String),
                     [](Call &c) { return Value::string(c.self.as<ExceptionBox>()->message); }));
}

} // namespace rows

} // namespace gw::expr
