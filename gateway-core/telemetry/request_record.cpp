#include <telemetry/request_record.h>

#include <charconv>
#include <string_view>

namespace gw::telemetry {

namespace {

// Length of the valid UTF-8 sequence (RFC 3629) starting at the non-ASCII
// byte `p`, or 0 when it is not one (stray continuation byte, overlong form,
// surrogate, beyond U+10FFFF, truncated).
std::size_t utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    const auto left = static_cast<std::size_t>(end - p);
    auto continuation = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) {
        return left >= 2 && continuation(p[1]) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !continuation(p[1]) || !continuation(p[2])) {
            return 0;
        }
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F)) {
            return 0;
        }
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) {
            return 0;
        }
        if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) {
            return 0;
        }
        return 4;
    }
    return 0;
}

void appendString(std::string &out, std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = p + text.size();
    const auto *run = p; // start of the bytes not yet copied
    auto flush = [&](const unsigned char *to) { out.append(reinterpret_cast<const char *>(run), to - run); };
    while (p < end) {
        const unsigned char c = *p;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++p;
            continue;
        }
        if (c >= 0x80) {
            if (const std::size_t length = utf8SequenceLength(p, end)) {
                p += length;
                continue;
            }
            flush(p);
            out.append("\\ufffd");
            run = ++p;
            continue;
        }
        flush(p);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escape, sizeof escape);
        }
        }
        run = ++p;
    }
    flush(p);
    out.push_back('"');
}

template<typename Integer>
void appendNumber(std::string &out, Integer value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// Zero-padded decimal of `width` digits (the value is known to fit).
char *putDigits(char *p, unsigned value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return p + width;
}

void appendTimeText(std::string &out, RequestRecord::TimePoint time)
{
    using namespace std::chrono;
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999) { // not a time a request was received at; keep the output parseable
        appendString(out, "invalid");
        return;
    }
    auto inDay = static_cast<std::uint64_t>((time - day).count()); // microseconds since midnight
    const auto micros = static_cast<unsigned>(inDay % 1'000'000);
    inDay /= 1'000'000;
    char text[32];
    char *p = text;
    *p++ = '"';
    p = putDigits(p, static_cast<unsigned>(year), 4);
    *p++ = '-';
    p = putDigits(p, static_cast<unsigned>(date.month()), 2);
    *p++ = '-';
    p = putDigits(p, static_cast<unsigned>(date.day()), 2);
    *p++ = 'T';
    p = putDigits(p, static_cast<unsigned>(inDay / 3600), 2);
    *p++ = ':';
    p = putDigits(p, static_cast<unsigned>(inDay / 60 % 60), 2);
    *p++ = ':';
    p = putDigits(p, static_cast<unsigned>(inDay % 60), 2);
    *p++ = '.';
    p = putDigits(p, micros, 6);
    *p++ = 'Z';
    *p++ = '"';
    out.append(text, p);
}

} // namespace

void appendJsonLine(std::string &out, const RequestRecord &record)
{
    out.append("{\"startTime\":");
    appendTimeText(out, record.startTime);
    out.append(",\"requestId\":");
    appendString(out, record.requestId);
    out.append(",\"api\":");
    appendString(out, record.api);
    out.append(",\"operation\":");
    appendString(out, record.operation);
    out.append(",\"product\":");
    appendString(out, record.product);
    out.append(",\"subscription\":");
    appendString(out, record.subscription);
    out.append(",\"method\":");
    appendString(out, record.method);
    out.append(",\"path\":");
    appendString(out, record.path);
    out.append(",\"query\":");
    appendString(out, record.query);
    out.append(",\"status\":");
    appendNumber(out, record.status);
    out.append(",\"bytesIn\":");
    appendNumber(out, record.bytesIn);
    out.append(",\"bytesOut\":");
    appendNumber(out, record.bytesOut);
    out.append(",\"totalLatencyUs\":");
    appendNumber(out, record.totalLatency.count());
    out.append(",\"backendLatencyUs\":");
    appendNumber(out, record.backendLatency.count());
    out.append(",\"clientAddress\":");
    appendString(out, record.clientAddress);
    out.append(",\"errorReason\":");
    appendString(out, record.errorReason);
    out.append(record.cacheHit ? ",\"cacheHit\":true" : ",\"cacheHit\":false");
    out.append(",\"ioThread\":");
    appendNumber(out, record.ioThread);
    out.append(",\"requestHeaders\":");
    appendString(out, record.requestHeaders);
    out.append(",\"responseHeaders\":");
    appendString(out, record.responseHeaders);
    out.push_back('}');
}

std::string toJsonLine(const RequestRecord &record)
{
    std::string line;
    line.reserve(320 + record.path.size() + record.query.size());
    appendJsonLine(line, record);
    return line;
}

void appendQuotedTime(std::string &out, RequestRecord::TimePoint time)
{
    appendTimeText(out, time);
}

} // namespace gw::telemetry
