// Text and bytes: StringBuilder, Encoding, Regex (PCRE2), Uri, WebUtility, hashes and HMACs (OpenSSL), XML
// (pugixml), and the ToString() of the objects the bindings own.

#include <expr/bindings_impl.h>
#include <expr/context.h>

#include <common/text.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <pugixml.hpp>

#include <algorithm>
#include <mutex>
#include <sstream>
#include <unordered_map>

namespace gw::expr {

Value parseXmlDocument(const std::string &text, bool element);
std::string boxedUrlText(const Value &value); // bindings_context.cpp

namespace {

pugi::xml_node rootElement(pugi::xml_node node)
{
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element) {
            return child;
        }
    }
    return {};
}

} // namespace

std::string base64Encode(std::string_view data)
{
    static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t(std::uint8_t(data[i])) << 16) |
                                (std::uint32_t(std::uint8_t(data[i + 1])) << 8) | std::uint8_t(data[i + 2]);
        out += chars[(n >> 18) & 63];
        out += chars[(n >> 12) & 63];
        out += chars[(n >> 6) & 63];
        out += chars[n & 63];
    }
    if (i + 1 == data.size()) {
        const std::uint32_t n = std::uint32_t(std::uint8_t(data[i])) << 16;
        out += chars[(n >> 18) & 63];
        out += chars[(n >> 12) & 63];
        out += "==";
    } else if (i + 2 == data.size()) {
        const std::uint32_t n =
            (std::uint32_t(std::uint8_t(data[i])) << 16) | (std::uint32_t(std::uint8_t(data[i + 1])) << 8);
        out += chars[(n >> 18) & 63];
        out += chars[(n >> 12) & 63];
        out += chars[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

bool base64Decode(std::string_view text, std::string &out)
{
    std::string clean;
    for (char c : text) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            clean += c;
        }
    }
    if (clean.size() % 4 != 0) {
        return false;
    }
    out.clear();
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        int v = -1;
        if (c >= 'A' && c <= 'Z') {
            v = c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            v = c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            v = c - '0' + 52;
        } else if (c == '+') {
            v = 62;
        } else if (c == '/') {
            v = 63;
        } else if (c == '=' && i >= clean.size() - 2) {
            ++padding;
            continue;
        }
        if (v < 0 || padding > 0) {
            return false;
        }
        buffer = (buffer << 6) | std::uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((buffer >> bits) & 0xFF);
        }
    }
    return true;
}

namespace rows {

namespace {

// --- Regex ---

struct RegexBox final : Object {
    pcre2_code *code = nullptr;
    std::string pattern;
    std::vector<std::string> groupNames; // by group number, "" when unnamed
    ~RegexBox() override { pcre2_code_free(code); }
};

struct MatchBox final : Object {
    std::shared_ptr<RegexBox> regex;
    std::shared_ptr<const std::string> subject;
    std::vector<std::pair<std::int64_t, std::int64_t>>
        groups; // start, length; start -1 when the group did not take part
    bool success = false;
    std::size_t next = 0; // where NextMatch() continues
};

std::shared_ptr<RegexBox> compileRegex(const std::string &pattern, std::int64_t options)
{
    static std::mutex mutex;
    static std::unordered_map<std::string, std::shared_ptr<RegexBox>> cache;
    const std::string key = std::to_string(options) + '\n' + pattern;
    {
        std::lock_guard lock(mutex);
        const auto it = cache.find(key);
        if (it != cache.end()) {
            return it->second;
        }
    }
    std::uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_ALT_BSUX;
    if (options & 1) {
        flags |= PCRE2_CASELESS;
    }
    if (options & 2) {
        flags |= PCRE2_MULTILINE;
    }
    if (options & 4) {
        flags |= PCRE2_NO_AUTO_CAPTURE;
    }
    if (options & 16) {
        flags |= PCRE2_DOTALL;
    }
    if (options & 32) {
        flags |= PCRE2_EXTENDED;
    }
    int error = 0;
    PCRE2_SIZE offset = 0;
    auto box = std::make_shared<RegexBox>();
    box->pattern = pattern;
    box->code =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), flags, &error, &offset, nullptr);
    if (!box->code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error, message, sizeof message);
        fail("Invalid pattern '" + pattern + "' at offset " + std::to_string(offset) + ". " +
                 reinterpret_cast<const char *>(message),
             "System.Text.RegularExpressions.RegexParseException");
    }
    std::uint32_t captures = 0;
    pcre2_pattern_info(box->code, PCRE2_INFO_CAPTURECOUNT, &captures);
    box->groupNames.assign(captures + 1, std::string());
    std::uint32_t nameCount = 0;
    std::uint32_t entrySize = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(box->code, PCRE2_INFO_NAMECOUNT, &nameCount);
    pcre2_pattern_info(box->code, PCRE2_INFO_NAMEENTRYSIZE, &entrySize);
    pcre2_pattern_info(box->code, PCRE2_INFO_NAMETABLE, &table);
    for (std::uint32_t i = 0; i < nameCount; ++i) {
        const auto *entry = table + i * entrySize;
        const int number = (entry[0] << 8) | entry[1];
        box->groupNames[std::size_t(number)] = reinterpret_cast<const char *>(entry + 2);
    }
    std::lock_guard lock(mutex);
    if (cache.size() > 512) {
        cache.clear();
    }
    cache.emplace(key, box);
    return box;
}

std::shared_ptr<MatchBox> runMatch(EvalState &st, const std::shared_ptr<RegexBox> &re,
                                   std::shared_ptr<const std::string> subject, std::size_t start)
{
    auto m = std::make_shared<MatchBox>();
    m->regex = re;
    m->subject = subject;
    if (start > subject->size()) {
        return m;
    }
    pcre2_match_data *data = pcre2_match_data_create_from_pattern(re->code, nullptr);
    pcre2_match_context *context = pcre2_match_context_create(nullptr);
    pcre2_set_match_limit(context, 200'000);
    pcre2_set_depth_limit(context, 10'000);
    const int rc =
        pcre2_match(re->code, reinterpret_cast<PCRE2_SPTR>(subject->data()), subject->size(), start, 0, data, context);
    st.step(100 + std::int64_t(subject->size() - std::min(start, subject->size())) / 16);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) {
        pcre2_match_context_free(context);
        pcre2_match_data_free(data);
        fail("The regular expression ran longer than its budget allows.",
             "System.Text.RegularExpressions.RegexMatchTimeoutException");
    }
    if (rc > 0) {
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(data);
        const std::uint32_t pairs = pcre2_get_ovector_count(data);
        m->success = true;
        for (std::uint32_t i = 0; i < pairs && i < re->groupNames.size(); ++i) {
            if (ov[2 * i] == PCRE2_UNSET) {
                m->groups.push_back({-1, 0});
            } else {
                m->groups.push_back({std::int64_t(ov[2 * i]), std::int64_t(ov[2 * i + 1] - ov[2 * i])});
            }
        }
        m->next = ov[1] == ov[0] ? ov[1] + 1 : ov[1];
    }
    pcre2_match_context_free(context);
    pcre2_match_data_free(data);
    return m;
}

std::string groupText(const MatchBox &m, std::size_t group)
{
    if (group >= m.groups.size() || m.groups[group].first < 0) {
        return {};
    }
    return m.subject->substr(std::size_t(m.groups[group].first), std::size_t(m.groups[group].second));
}

std::vector<std::shared_ptr<MatchBox>> allMatches(EvalState &st, const std::shared_ptr<RegexBox> &re,
                                                  const std::string &input)
{
    auto subject = std::make_shared<const std::string>(input);
    std::vector<std::shared_ptr<MatchBox>> out;
    std::size_t start = 0;
    while (start <= subject->size()) {
        auto m = runMatch(st, re, subject, start);
        if (!m->success) {
            break;
        }
        start = m->next;
        out.push_back(std::move(m));
    }
    return out;
}

std::string expandReplacement(const MatchBox &m, const std::string &replacement)
{
    std::string out;
    for (std::size_t i = 0; i < replacement.size(); ++i) {
        const char c = replacement[i];
        if (c != '$' || i + 1 >= replacement.size()) {
            out += c;
            continue;
        }
        const char n = replacement[i + 1];
        if (n == '$') {
            out += '$';
            ++i;
        } else if (n == '&') {
            out += groupText(m, 0);
            ++i;
        } else if (n == '{') {
            const auto close = replacement.find('}', i);
            if (close == std::string::npos) {
                out += c;
                continue;
            }
            const std::string name = replacement.substr(i + 2, close - i - 2);
            bool found = false;
            for (std::size_t g = 0; g < m.regex->groupNames.size(); ++g) {
                if (m.regex->groupNames[g] == name || std::to_string(g) == name) {
                    out += groupText(m, g);
                    found = true;
                    break;
                }
            }
            if (!found) {
                out += replacement.substr(i, close - i + 1);
            }
            i = close;
        } else if (n >= '0' && n <= '9') {
            std::size_t j = i + 1;
            std::size_t group = 0;
            while (j < replacement.size() && replacement[j] >= '0' && replacement[j] <= '9' &&
                   group * 10 + std::size_t(replacement[j] - '0') < m.regex->groupNames.size()) {
                group = group * 10 + std::size_t(replacement[j] - '0');
                ++j;
            }
            if (j == i + 1) {
                out += c;
                continue;
            }
            out += groupText(m, group);
            i = j - 1;
        } else {
            out += c;
        }
    }
    return out;
}

Value matchValue(std::shared_ptr<MatchBox> m)
{
    return Value(TypeId::Match, 0, std::move(m));
}

std::int64_t optionsArg(const Call &c, std::size_t i)
{
    return c.argc() > i && c.arg(i).is(TypeId::RegexOptions) ? c.arg(i).integer() : 0;
}

// Regex members work as statics (input, pattern, ...) and on an instance (input, ...): `regexOf` finds the regex and
// the index of the first argument after it.
std::shared_ptr<RegexBox> regexOf(Call &c, std::size_t &next, std::size_t optionsAt)
{
    if (c.self.is(TypeId::Regex)) {
        next = 1;
        return std::static_pointer_cast<RegexBox>(c.self.object());
    }
    next = 2;
    return compileRegex(str(c, 1), optionsArg(c, optionsAt));
}

Value regexReplace(Call &c)
{
    std::size_t next = 0;
    const bool instance = c.self.is(TypeId::Regex);
    auto re = regexOf(c, next, 3);
    const std::string input = str(c, 0);
    const Value &replacement = c.arg(next);
    std::string out;
    std::size_t last = 0;
    for (auto &m : allMatches(c.st, re, input)) {
        out.append(input, last, std::size_t(m->groups[0].first) - last);
        if (replacement.is(TypeId::Lambda)) {
            const Value args[1] = {matchValue(m)};
            out += toText(invokeLambda(c.st, replacement, args));
        } else {
            out += expandReplacement(*m, replacement.isNull() ? std::string() : toText(replacement));
        }
        last = std::size_t(m->groups[0].first + m->groups[0].second);
        c.st.charge(16);
    }
    (void)instance;
    out.append(input, std::min(last, input.size()));
    c.st.charge(out.size());
    return Value::string(std::move(out));
}

Value regexSplit(Call &c)
{
    std::size_t next = 0;
    auto re = regexOf(c, next, 2);
    const std::string input = str(c, 0);
    std::vector<std::string> parts;
    std::size_t last = 0;
    for (auto &m : allMatches(c.st, re, input)) {
        parts.push_back(input.substr(last, std::size_t(m->groups[0].first) - last));
        for (std::size_t g = 1; g < m->groups.size(); ++g) {
            if (m->groups[g].first >= 0) {
                parts.push_back(groupText(*m, g));
            }
        }
        last = std::size_t(m->groups[0].first + m->groups[0].second);
    }
    parts.push_back(input.substr(std::min(last, input.size())));
    return stringArray(std::move(parts));
}

MatchBox &matchOf(const Call &c)
{
    return *c.self.as<MatchBox>();
}

std::size_t groupIndex(const Call &c, const MatchBox &m, const Value &key)
{
    if (key.isIntegral()) {
        return std::size_t(std::max<std::int64_t>(0, key.integer()));
    }
    const std::string name = toText(key);
    for (std::size_t g = 0; g < m.regex->groupNames.size(); ++g) {
        if (m.regex->groupNames[g] == name || std::to_string(g) == name) {
            return g;
        }
    }
    (void)c;
    return std::size_t(-1);
}

// --- Encoding ---

enum EncodingKind : std::int64_t { Utf8 = 0, Ascii = 1, Unicode = 2, Latin1 = 3, Utf8Bom = 4 };

std::string encode(std::int64_t kind, const std::string &text)
{
    if (kind == Ascii) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (c < 0x80) {
                out += char(c);
            } else if ((c & 0xC0) != 0x80) {
                out += '?';
            }
        }
        return out;
    }
    if (kind == Unicode || kind == Latin1) {
        std::string out;
        for (std::size_t i = 0; i < text.size();) {
            std::uint32_t cp = static_cast<unsigned char>(text[i]);
            int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
            if (extra) {
                cp &= 0x3Fu >> extra;
            }
            ++i;
            for (int k = 0; k < extra && i < text.size(); ++k, ++i) {
                cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
            }
            if (kind == Latin1) {
                out += cp < 256 ? char(cp) : '?';
            } else if (cp >= 0x10000) {
                cp -= 0x10000;
                const std::uint32_t hi = 0xD800 + (cp >> 10);
                const std::uint32_t lo = 0xDC00 + (cp & 0x3FF);
                out += char(hi & 0xFF);
                out += char(hi >> 8);
                out += char(lo & 0xFF);
                out += char(lo >> 8);
            } else {
                out += char(cp & 0xFF);
                out += char(cp >> 8);
            }
        }
        return out;
    }
    return text;
}

std::string decode(std::int64_t kind, const std::string &bytes)
{
    if (kind == Unicode) {
        std::string out;
        for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
            std::uint32_t unit = std::uint8_t(bytes[i]) | (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8);
            if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
                const std::uint32_t lo = std::uint8_t(bytes[i + 2]) | (std::uint32_t(std::uint8_t(bytes[i + 3])) << 8);
                unit = 0x10000 + ((unit - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
            appendUtf8(out, std::min<std::uint32_t>(unit, 0x10FFFF));
        }
        return out;
    }
    if (kind == Ascii) {
        std::string out;
        for (unsigned char c : bytes) {
            out += c < 0x80 ? char(c) : '?';
        }
        return out;
    }
    if (kind == Latin1) {
        std::string out;
        for (unsigned char c : bytes) {
            appendUtf8(out, c);
        }
        return out;
    }
    return bytes;
}

// --- URLs ---

std::string percentEncode(std::string_view text, std::string_view keep, bool spaceAsPlus)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || keep.find(char(c)) != std::string_view::npos) {
            out += char(c);
        } else if (spaceAsPlus && c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string percentDecode(std::string_view text, bool plusAsSpace)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else if (plusAsSpace && text[i] == '+') {
            out += ' ';
        } else {
            out += text[i];
        }
    }
    return out;
}

struct UriBox final : Object {
    std::string original;
    Url url;
    std::string fragment;
    bool absolute = true;
};

Value makeUri(const std::string &text)
{
    auto box = std::make_shared<UriBox>();
    box->original = text;
    const auto scheme = text.find("://");
    if (scheme == std::string::npos || scheme == 0) {
        fail("Invalid URI: The format of the URI could not be determined.", "System.UriFormatException");
    }
    for (std::size_t i = 0; i < scheme; ++i) {
        if (!std::isalnum(static_cast<unsigned char>(text[i])) && text[i] != '+' && text[i] != '-' && text[i] != '.') {
            fail("Invalid URI: The URI scheme is not valid.", "System.UriFormatException");
        }
    }
    std::string withoutFragment = text;
    const auto hash = withoutFragment.find('#');
    if (hash != std::string::npos) {
        box->fragment = withoutFragment.substr(hash);
        withoutFragment.resize(hash);
    }
    box->url = Url::parse(withoutFragment);
    if (box->url.host.empty()) {
        fail("Invalid URI: The hostname could not be parsed.", "System.UriFormatException");
    }
    return Value(TypeId::Uri, 0, std::move(box));
}

const UriBox &uri(const Call &c)
{
    return *c.self.as<UriBox>();
}

std::string authority(const Url &u)
{
    const bool defaultPort = (u.scheme == "http" && u.port == 80) || (u.scheme == "https" && u.port == 443);
    return u.host + (defaultPort ? "" : ":" + std::to_string(u.port));
}

// --- hashes ---

struct HashBox final : Object {
    std::string algorithm; // SHA256, SHA1, SHA384, SHA512, MD5
    bool hmac = false;
    std::string key;
};

const EVP_MD *digestOf(const std::string &algorithm)
{
    if (algorithm == "SHA1") {
        return EVP_sha1();
    }
    if (algorithm == "SHA384") {
        return EVP_sha384();
    }
    if (algorithm == "SHA512") {
        return EVP_sha512();
    }
    if (algorithm == "MD5") {
        return EVP_md5();
    }
    return EVP_sha256();
}

Value makeHash(std::string_view writtenName, const Value *key)
{
    auto box = std::make_shared<HashBox>();
    std::string name(
        writtenName.substr(writtenName.rfind('.') == std::string_view::npos ? 0 : writtenName.rfind('.') + 1));
    if (name.starts_with("HMAC")) {
        box->hmac = true;
        name = name.substr(4);
    }
    if (name.ends_with("Managed")) {
        name.resize(name.size() - 7);
    }
    if (name.empty() || name == "HashAlgorithm" || name == "KeyedHashAlgorithm") {
        name = "SHA256";
    }
    box->algorithm = name;
    if (key) {
        box->key = bytesOf(*key);
    }
    return Value(TypeId::HashAlgorithm, 0, std::move(box));
}

std::string computeHash(const HashBox &h, const std::string &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (h.hmac) {
        HMAC(digestOf(h.algorithm), h.key.data(), int(h.key.size()),
             reinterpret_cast<const unsigned char *>(data.data()), data.size(), out, &length);
    } else {
        EVP_Digest(data.data(), data.size(), out, &length, digestOf(h.algorithm), nullptr);
    }
    return std::string(reinterpret_cast<const char *>(out), length);
}

// --- symmetric encryption: byte[].Encrypt(alg, key, iv) / Decrypt, CBC with PKCS7 padding as .NET defaults ---

const EVP_CIPHER *cipherOf(const std::string &algorithm, std::size_t keySize)
{
    const std::string name = lower(algorithm);
    if (name == "aes" || name == "rijndael" || name.starts_with("aes")) {
        switch (keySize) {
        case 16:
            return EVP_aes_128_cbc();
        case 24:
            return EVP_aes_192_cbc();
        case 32:
            return EVP_aes_256_cbc();
        default:
            fail("Specified key is not a valid size for this algorithm.",
                 "System.Security.Cryptography.CryptographicException");
        }
    }
    if (name == "tripledes" || name == "3des") {
        if (keySize != 24 && keySize != 16) {
            fail("Specified key is not a valid size for this algorithm.",
                 "System.Security.Cryptography.CryptographicException");
        }
        return keySize == 24 ? EVP_des_ede3_cbc() : EVP_des_ede_cbc();
    }
    fail("Algorithm '" + algorithm + "' is not supported: use Aes, Rijndael or TripleDES.",
         "System.Security.Cryptography.CryptographicException");
}

Value crypt(Call &c, bool encrypt)
{
    const std::string &data = bytesOf(c.self);
    const std::string algorithm = str(c, 0);
    const std::string &key = bytesOf(c.arg(1));
    const std::string &iv = bytesOf(c.arg(2));
    const EVP_CIPHER *cipher = cipherOf(algorithm, key.size());
    if (iv.size() != std::size_t(EVP_CIPHER_get_iv_length(cipher))) {
        fail("Specified initialization vector (IV) does not match the block size for this algorithm.",
             "System.Security.Cryptography.CryptographicException");
    }
    c.st.charge(data.size() + 32);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    std::string out(data.size() + std::size_t(EVP_CIPHER_get_block_size(cipher)) + 16, '\0');
    int length = 0;
    int final = 0;
    const auto *k = reinterpret_cast<const unsigned char *>(key.data());
    const auto *v = reinterpret_cast<const unsigned char *>(iv.data());
    bool ok = EVP_CipherInit_ex(ctx, cipher, nullptr, k, v, encrypt ? 1 : 0) == 1 &&
              EVP_CipherUpdate(ctx, reinterpret_cast<unsigned char *>(out.data()), &length,
                               reinterpret_cast<const unsigned char *>(data.data()), int(data.size())) == 1 &&
              EVP_CipherFinal_ex(ctx, reinterpret_cast<unsigned char *>(out.data()) + length, &final) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        fail("Padding is invalid and cannot be removed.", "System.Security.Cryptography.CryptographicException");
    }
    out.resize(std::size_t(length + final));
    return makeBytes(std::move(out));
}

// --- RSA signatures: certificate.GetRSAPublicKey().VerifyData/VerifyHash ---

struct RsaBox final : Object {
    std::shared_ptr<EVP_PKEY> key;
};

const EVP_MD *digestOf(const Value &name)
{
    static constexpr const char *names[] = {"MD5", "SHA1", "SHA256", "SHA384", "SHA512"};
    if (!name.is(TypeId::HashAlgorithmName) || name.integer() < 0 || name.integer() > 4) {
        fail("The hash algorithm name cannot be null or empty. (Parameter 'hashAlgorithm')",
             "System.ArgumentException");
    }
    return digestOf(names[name.integer()]);
}

// Checks `signature` over `input`: the data itself (hashed here) or, with `prehashed`, its digest.
bool rsaVerify(Call &c, bool prehashed)
{
    const auto &key = c.self.as<RsaBox>()->key;
    const std::string &input = bytesOf(c.arg(0));
    const std::string &signature = bytesOf(c.arg(1));
    const EVP_MD *digest = digestOf(c.arg(2));
    const bool pss = c.arg(3).is(TypeId::RSASignaturePadding) && c.arg(3).integer() == 1;
    c.st.charge(input.size() + signature.size());
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new(key.get(), nullptr),
                                                                        EVP_PKEY_CTX_free);
    if (!context || EVP_PKEY_verify_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(context.get(), pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING) != 1 ||
        EVP_PKEY_CTX_set_signature_md(context.get(), digest) != 1 ||
        (pss && EVP_PKEY_CTX_set_rsa_pss_saltlen(context.get(), RSA_PSS_SALTLEN_DIGEST) != 1)) {
        return false;
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int hashLength = 0;
    std::string_view toCheck = input;
    if (!prehashed) {
        EVP_Digest(input.data(), input.size(), hash, &hashLength, digest, nullptr);
        toCheck = std::string_view(reinterpret_cast<const char *>(hash), hashLength);
    }
    return EVP_PKEY_verify(context.get(), reinterpret_cast<const unsigned char *>(signature.data()), signature.size(),
                           reinterpret_cast<const unsigned char *>(toCheck.data()), toCheck.size()) == 1;
}

// --- XML ---

struct XmlBox final : Object {
    std::shared_ptr<pugi::xml_document> doc;
    pugi::xml_node node;
    pugi::xml_attribute attribute;
};

Value xmlValue(std::shared_ptr<pugi::xml_document> doc, pugi::xml_node node, TypeId type = TypeId::XElement)
{
    if (!node) {
        return {};
    }
    auto box = std::make_shared<XmlBox>();
    box->doc = std::move(doc);
    box->node = node;
    return Value(type, 0, std::move(box));
}

XmlBox &xml(const Call &c)
{
    return *c.self.as<XmlBox>();
}

pugi::xml_node elementOf(const Call &c)
{
    const XmlBox &x = xml(c);
    return c.self.is(TypeId::XDocument) ? rootElement(x.node) : x.node;
}

// The concatenated text of an element and its descendants, walked without recursion (bodies may nest deeply).
std::string innerText(pugi::xml_node node)
{
    std::string out;
    pugi::xml_node n = node.first_child();
    while (n && n != node) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            out += n.value();
        }
        if (n.type() == pugi::node_element && n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) {
            n = n.parent();
        }
        if (n && n != node) {
            n = n.next_sibling();
        }
    }
    return out;
}

std::string xmlText(pugi::xml_node node)
{
    std::ostringstream stream;
    node.print(stream, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    std::string out = stream.str();
    while (!out.empty() && out.back() == '\n') {
        out.pop_back();
    }
    return out;
}

void addXmlContent(EvalState &st, pugi::xml_node target, const Value &content, int depth = 0)
{
    if (content.isNull()) {
        return;
    }
    if (depth > 64) {
        fail("The XML content nests collections too deeply.", "System.InvalidOperationException");
    }
    if (content.is(TypeId::XElement) || content.is(TypeId::XDocument)) {
        const XmlBox &x = *content.as<XmlBox>();
        target.append_copy(content.is(TypeId::XDocument) ? rootElement(x.node) : x.node);
    } else if (content.is(TypeId::XAttribute)) {
        const XmlBox &x = *content.as<XmlBox>();
        target.append_attribute(x.attribute.name()).set_value(x.attribute.value());
    } else if (content.is(TypeId::Array) || content.is(TypeId::List) || content.is(TypeId::Enumerable)) {
        for (const auto &item : enumerate(st, content)) {
            addXmlContent(st, target, item, depth + 1);
        }
    } else {
        target.append_child(pugi::node_pcdata).set_value(toText(content).c_str());
    }
}

Value elements(Call &c, bool descendants)
{
    const std::string name = c.argc() > 0 ? toText(c.arg(0)) : std::string();
    std::vector<Value> out;
    const auto doc = xml(c).doc;
    const pugi::xml_node root = c.self.is(TypeId::XDocument) ? xml(c).node : elementOf(c);
    // document order, without recursion
    pugi::xml_node n = root.first_child();
    while (n && n != root) {
        if (n.type() == pugi::node_element && (name.empty() || name == n.name())) {
            out.push_back(xmlValue(doc, n));
        }
        if (descendants && n.type() == pugi::node_element && n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != root && !n.next_sibling()) {
            n = n.parent();
        }
        if (n && n != root) {
            n = n.next_sibling();
        }
    }
    return makeList(std::move(out), TypeId::XElement, TypeId::Enumerable);
}

} // namespace

Value rsaPublicKeyOf(const std::string &certificateDer)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(certificateDer.data());
    std::unique_ptr<X509, decltype(&X509_free)> x509(d2i_X509(nullptr, &bytes, long(certificateDer.size())), X509_free);
    if (!x509) {
        fail("The certificate could not be read.", "System.Security.Cryptography.CryptographicException");
    }
    std::shared_ptr<EVP_PKEY> key(X509_get_pubkey(x509.get()), EVP_PKEY_free);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
        return {};
    }
    auto box = std::make_shared<RsaBox>();
    box->key = std::move(key);
    return Value(TypeId::Rsa, 0, std::move(box));
}

void addTextMembers(std::vector<Member> &t)
{
    using enum TypeId;
    // StringBuilder
    t.push_back(ctor(StringBuilder, 0, 2, "value,capacity", [](Call &c) {
        auto box = std::make_shared<StringBuilderBox>();
        if (c.argc() > 0 && c.arg(0).isString()) {
            box->text = c.arg(0).text();
        }
        return Value(TypeId::StringBuilder, 0, std::move(box));
    }));
    t.push_back(method(StringBuilder, "Append", 1, 3, "value", T(StringBuilder), [](Call &c) {
        std::string text = toText(c.arg(0));
        if (c.argc() == 2 && c.arg(0).is(TypeId::Char)) {
            const std::int64_t n = std::max<std::int64_t>(0, integer(c, 1));
            c.st.charge(std::size_t(n) * text.size());
            std::string repeated;
            for (std::int64_t i = 0; i < n; ++i) {
                repeated += text;
            }
            text = std::move(repeated);
        }
        c.st.charge(text.size());
        c.self.as<StringBuilderBox>()->text += text;
        return c.self;
    }));
    t.push_back(method(StringBuilder, "AppendLine", 0, 1, "value", T(StringBuilder), [](Call &c) {
        std::string text = c.argc() > 0 ? toText(c.arg(0)) : std::string();
        text += '\n';
        c.st.charge(text.size());
        c.self.as<StringBuilderBox>()->text += text;
        return c.self;
    }));
    t.push_back(method(StringBuilder, "AppendFormat", 1, -1, "format,args", T(StringBuilder), [](Call &c) {
        std::vector<Value> args(c.args.begin() + 1, c.args.end());
        c.self.as<StringBuilderBox>()->text += formatComposite(c.st, str(c, 0), args);
        return c.self;
    }));
    t.push_back(method(StringBuilder, "Insert", 2, 2, "index,value", T(StringBuilder), [](Call &c) {
        auto &text = c.self.as<StringBuilderBox>()->text;
        const std::int64_t at = integer(c, 0);
        if (at < 0 || at > std::int64_t(text.size())) {
            failOutOfRange("index");
        }
        const std::string value = toText(c.arg(1));
        c.st.charge(value.size());
        text.insert(std::size_t(at), value);
        return c.self;
    }));
    t.push_back(method(StringBuilder, "Replace", 2, 2, "oldValue,newValue", T(StringBuilder), [](Call &c) {
        auto &text = c.self.as<StringBuilderBox>()->text;
        const std::string from = toText(c.arg(0));
        const std::string to = toText(c.arg(1));
        if (from.empty()) {
            failArgument("String cannot be of zero length. (Parameter 'oldValue')");
        }
        std::string out;
        std::size_t pos = 0;
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, pos)) {
            out.append(text, pos, at - pos);
            out += to;
            pos = at + from.size();
            c.st.charge(to.size());
        }
        out.append(text, pos);
        text = std::move(out);
        return c.self;
    }));
    t.push_back(method(StringBuilder, "Remove", 2, 2, "startIndex,length", T(StringBuilder), [](Call &c) {
        auto &text = c.self.as<StringBuilderBox>()->text;
        const std::int64_t at = integer(c, 0);
        const std::int64_t n = integer(c, 1);
        if (at < 0 || n < 0 || at > std::int64_t(text.size()) || n > std::int64_t(text.size()) - at) {
            failOutOfRange("length");
        }
        text.erase(std::size_t(at), std::size_t(n));
        return c.self;
    }));
    t.push_back(method(StringBuilder, "Clear", 0, 0, {}, T(StringBuilder), [](Call &c) {
        c.self.as<StringBuilderBox>()->text.clear();
        return c.self;
    }));
    t.push_back(Member{StringBuilder,
                       "Length",
                       MemberKind::Property,
                       0,
                       0,
                       {},
                       T(Int32),
                       ResultRule::Fixed,
                       [](Call &c) { return Value::int32(int(c.self.as<StringBuilderBox>()->text.size())); },
                       [](Call &c) {
                           auto &text = c.self.as<StringBuilderBox>()->text;
                           const std::int64_t n = integer(c, 0);
                           if (n < 0) {
                               failOutOfRange("value");
                           }
                           c.st.charge(std::size_t(n));
                           text.resize(std::size_t(n), '\0');
                           return Value();
                       },
                       {}});

    // Encoding
    t.push_back(sprop(Encoding, "UTF8", T(Encoding), [](Call &) { return Value(TypeId::Encoding, Utf8); }));
    t.push_back(sprop(Encoding, "ASCII", T(Encoding), [](Call &) { return Value(TypeId::Encoding, Ascii); }));
    t.push_back(sprop(Encoding, "Unicode", T(Encoding), [](Call &) { return Value(TypeId::Encoding, Unicode); }));
    t.push_back(sprop(Encoding, "Default", T(Encoding), [](Call &) { return Value(TypeId::Encoding, Utf8); }));
    t.push_back(sprop(Encoding, "Latin1", T(Encoding), [](Call &) { return Value(TypeId::Encoding, Latin1); }));
    t.push_back(smethod(Encoding, "GetEncoding", 1, 1, "name", T(Encoding), [](Call &c) {
        const std::string name = lower(toText(c.arg(0)));
        if (name == "utf-8" || name == "utf8") {
            return Value(TypeId::Encoding, Utf8);
        }
        if (name == "us-ascii" || name == "ascii") {
            return Value(TypeId::Encoding, Ascii);
        }
        if (name == "utf-16" || name == "unicode") {
            return Value(TypeId::Encoding, Unicode);
        }
        if (name == "iso-8859-1" || name == "latin1") {
            return Value(TypeId::Encoding, Latin1);
        }
        failArgument("'" + name + "' is not a supported encoding name.");
    }));
    t.push_back(method(Encoding, "GetBytes", 1, 1, "s", T(Bytes), [](Call &c) {
        std::string bytes = encode(c.self.integer(), str(c, 0));
        c.st.charge(bytes.size());
        return makeBytes(std::move(bytes));
    }));
    t.push_back(method(Encoding, "GetString", 1, 3, "bytes,index,count", T(String), [](Call &c) {
        std::string bytes = bytesOf(c.arg(0));
        if (c.argc() == 3) {
            const std::int64_t at = integer(c, 1);
            const std::int64_t n = integer(c, 2);
            if (at < 0 || n < 0 || at > std::int64_t(bytes.size()) || n > std::int64_t(bytes.size()) - at) {
                failOutOfRange("count");
            }
            bytes = bytes.substr(std::size_t(at), std::size_t(n));
        }
        return Value::string(decode(c.self.integer(), bytes));
    }));
    t.push_back(method(Encoding, "GetByteCount", 1, 1, "s", T(Int32),
                       [](Call &c) { return Value::int32(int(encode(c.self.integer(), str(c, 0)).size())); }));
    t.push_back(prop(Encoding, "WebName", T(String), [](Call &c) {
        static const char *names[] = {"utf-8", "us-ascii", "utf-16", "iso-8859-1", "utf-8"};
        return Value::string(names[std::clamp<std::int64_t>(c.self.integer(), 0, 4)]);
    }));

    // Regex
    t.push_back(ctor(Regex, 1, 3, "pattern,options,matchTimeout",
                     [](Call &c) { return Value(TypeId::Regex, 0, compileRegex(str(c, 0), optionsArg(c, 1))); }));
    auto isMatch = [](Call &c) {
        std::size_t next = 0;
        auto re = regexOf(c, next, 2);
        auto subject = std::make_shared<const std::string>(str(c, 0));
        return Value::boolean(runMatch(c.st, re, subject, 0)->success);
    };
    auto match = [](Call &c) {
        std::size_t next = 0;
        auto re = regexOf(c, next, 2);
        auto subject = std::make_shared<const std::string>(str(c, 0));
        std::size_t start = 0;
        if (c.self.is(TypeId::Regex) && c.argc() > 1) {
            start = std::size_t(std::max<std::int64_t>(0, integer(c, 1)));
        }
        return matchValue(runMatch(c.st, re, subject, start));
    };
    auto matches = [](Call &c) {
        std::size_t next = 0;
        auto re = regexOf(c, next, 2);
        std::vector<Value> out;
        for (auto &m : allMatches(c.st, re, str(c, 0))) {
            out.push_back(matchValue(std::move(m)));
        }
        return makeList(std::move(out), TypeId::Match, TypeId::Array);
    };
    t.push_back(smethod(Regex, "IsMatch", 2, 4, "input,pattern,options,matchTimeout", T(Bool), isMatch));
    t.push_back(method(Regex, "IsMatch", 1, 2, "input,startat", T(Bool), isMatch));
    t.push_back(smethod(Regex, "Match", 2, 4, "input,pattern,options,matchTimeout", T(Match), match));
    t.push_back(method(Regex, "Match", 1, 2, "input,startat", T(Match), match));
    t.push_back(smethod(Regex, "Matches", 2, 4, "input,pattern,options,matchTimeout", T(Array, Match), matches));
    t.push_back(method(Regex, "Matches", 1, 2, "input,startat", T(Array, Match), matches));
    t.push_back(
        smethod(Regex, "Replace", 3, 5, "input,pattern,replacement,options,matchTimeout", T(String), regexReplace));
    t.push_back(method(Regex, "Replace", 2, 3, "input,replacement,count", T(String), regexReplace));
    t.push_back(smethod(Regex, "Split", 2, 4, "input,pattern,options,matchTimeout", T(Array, String), regexSplit));
    t.push_back(method(Regex, "Split", 1, 2, "input,count", T(Array, String), regexSplit));
    t.push_back(smethod(Regex, "Escape", 1, 1, "str", T(String), [](Call &c) {
        std::string out;
        for (char ch : str(c, 0)) {
            if (std::string_view("\\*+?|{[()^$.# ").find(ch) != std::string_view::npos) {
                out += '\\';
            }
            if (ch == '\t') {
                out += "\\t";
            } else if (ch == '\n') {
                out += "\\n";
            } else {
                out += ch;
            }
        }
        return Value::string(std::move(out));
    }));
    t.push_back(smethod(Regex, "Unescape", 1, 1, "str", T(String), [](Call &c) {
        std::string out;
        const std::string s = str(c, 0);
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\\' && i + 1 < s.size()) {
                ++i;
                out += s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : s[i] == 'r' ? '\r' : s[i];
            } else {
                out += s[i];
            }
        }
        return Value::string(std::move(out));
    }));
    t.push_back(prop(Match, "Success", T(Bool), [](Call &c) { return Value::boolean(matchOf(c).success); }));
    t.push_back(prop(Match, "Value", T(String), [](Call &c) { return Value::string(groupText(matchOf(c), 0)); }));
    t.push_back(prop(Match, "Index", T(Int32), [](Call &c) {
        const auto &m = matchOf(c);
        return Value::int32(m.success ? int(m.groups[0].first) : 0);
    }));
    t.push_back(prop(Match, "Length", T(Int32), [](Call &c) {
        const auto &m = matchOf(c);
        return Value::int32(m.success ? int(m.groups[0].second) : 0);
    }));
    t.push_back(prop(Match, "Groups", T(GroupCollection),
                     [](Call &c) { return Value(TypeId::GroupCollection, 0, c.self.object()); }));
    t.push_back(method(Match, "NextMatch", 0, 0, {}, T(Match), [](Call &c) {
        const auto &m = matchOf(c);
        if (!m.success) {
            return c.self;
        }
        return matchValue(runMatch(c.st, m.regex, m.subject, m.next));
    }));
    t.push_back(method(Match, "Result", 1, 1, "replacement", T(String),
                       [](Call &c) { return Value::string(expandReplacement(matchOf(c), str(c, 0))); }));
    t.push_back(indexer(GroupCollection, 1, T(RegexGroup), [](Call &c) {
        const auto &m = matchOf(c);
        const std::size_t g = groupIndex(c, m, c.arg(0));
        // .NET returns an unsuccessful group for unknown names and numbers
        return Value(TypeId::RegexGroup, std::int64_t(g == std::size_t(-1) ? INT32_MAX : g), c.self.object());
    }));
    t.push_back(prop(GroupCollection, "Count", T(Int32),
                     [](Call &c) { return Value::int32(int(matchOf(c).regex->groupNames.size())); }));
    auto groupOk = [](const Call &c) {
        const auto &m = matchOf(c);
        const auto g = std::size_t(c.self.integer());
        return m.success && g < m.groups.size() && m.groups[g].first >= 0;
    };
    static bool (*const groupOkFn)(const Call &) = groupOk;
    t.push_back(prop(RegexGroup, "Success", T(Bool), [](Call &c) { return Value::boolean(groupOkFn(c)); }));
    t.push_back(prop(RegexGroup, "Value", T(String), [](Call &c) {
        return Value::string(groupOkFn(c) ? groupText(matchOf(c), std::size_t(c.self.integer())) : std::string());
    }));
    t.push_back(prop(RegexGroup, "Index", T(Int32), [](Call &c) {
        return Value::int32(groupOkFn(c) ? int(matchOf(c).groups[std::size_t(c.self.integer())].first) : 0);
    }));
    t.push_back(prop(RegexGroup, "Length", T(Int32), [](Call &c) {
        return Value::int32(groupOkFn(c) ? int(matchOf(c).groups[std::size_t(c.self.integer())].second) : 0);
    }));
    t.push_back(prop(RegexGroup, "Name", T(String), [](Call &c) {
        const auto &m = matchOf(c);
        const auto g = std::size_t(c.self.integer());
        if (g < m.regex->groupNames.size()) {
            return Value::string(m.regex->groupNames[g].empty() ? std::to_string(g) : m.regex->groupNames[g]);
        }
        return Value::string(std::string());
    }));

    // Uri
    t.push_back(ctor(Uri, 1, 2, "uriString,relativeUri", [](Call &c) {
        if (c.argc() == 2 && c.arg(0).is(TypeId::Uri)) {
            const UriBox &base = *c.arg(0).as<UriBox>();
            const std::string rel = str(c, 1);
            if (rel.find("://") != std::string::npos) {
                return makeUri(rel);
            }
            std::string path = base.url.path;
            if (!rel.empty() && rel[0] == '/') {
                path = rel;
            } else {
                path = path.substr(0, path.rfind('/') + 1) + rel;
            }
            return makeUri(base.url.scheme + "://" + authority(base.url) + path);
        }
        return makeUri(str(c, 0));
    }));
    t.push_back(prop(Uri, "AbsoluteUri", T(String),
                     [](Call &c) { return Value::string(uri(c).url.toString() + uri(c).fragment); }));
    t.push_back(prop(Uri, "OriginalString", T(String), [](Call &c) { return Value::string(uri(c).original); }));
    t.push_back(prop(Uri, "AbsolutePath", T(String), [](Call &c) { return Value::string(uri(c).url.path); }));
    t.push_back(prop(Uri, "LocalPath", T(String),
                     [](Call &c) { return Value::string(percentDecode(uri(c).url.path, false)); }));
    t.push_back(prop(Uri, "PathAndQuery", T(String),
                     [](Call &c) { return Value::string(uri(c).url.path + uri(c).url.queryString()); }));
    t.push_back(prop(Uri, "Query", T(String), [](Call &c) { return Value::string(uri(c).url.queryString()); }));
    t.push_back(prop(Uri, "Fragment", T(String), [](Call &c) { return Value::string(uri(c).fragment); }));
    t.push_back(prop(Uri, "Host", T(String), [](Call &c) { return Value::string(uri(c).url.host); }));
    t.push_back(prop(Uri, "Port", T(Int32), [](Call &c) { return Value::int32(uri(c).url.port); }));
    t.push_back(prop(Uri, "Scheme", T(String), [](Call &c) { return Value::string(uri(c).url.scheme); }));
    t.push_back(prop(Uri, "Authority", T(String), [](Call &c) { return Value::string(authority(uri(c).url)); }));
    t.push_back(prop(Uri, "IsAbsoluteUri", T(Bool), [](Call &c) { return Value::boolean(uri(c).absolute); }));
    t.push_back(prop(Uri, "IsDefaultPort", T(Bool), [](Call &c) {
        const gw::expr::Url &u = uri(c).url;
        return Value::boolean((u.scheme == "http" && u.port == 80) || (u.scheme == "https" && u.port == 443));
    }));
    t.push_back(prop(Uri, "Segments", T(Array, String), [](Call &c) {
        std::vector<std::string> segments;
        const std::string &path = uri(c).url.path;
        std::size_t start = 0;
        while (start < path.size()) {
            const auto slash = path.find('/', start);
            if (slash == std::string::npos) {
                segments.push_back(path.substr(start));
                break;
            }
            segments.push_back(path.substr(start, slash - start + 1));
            start = slash + 1;
        }
        return stringArray(std::move(segments));
    }));
    t.push_back(method(Uri, "GetLeftPart", 1, 1, "part", T(String), [](Call &c) {
        const gw::expr::Url &u = uri(c).url;
        switch (c.arg(0).integer()) {
        case 0:
            return Value::string(u.scheme + "://");
        case 1:
            return Value::string(u.scheme + "://" + authority(u));
        case 2:
            return Value::string(u.scheme + "://" + authority(u) + u.path);
        default:
            return Value::string(u.toString());
        }
    }));
    t.push_back(smethod(Uri, "EscapeDataString", 1, 1, "stringToEscape", T(String),
                        [](Call &c) { return Value::string(percentEncode(str(c, 0), "-_.~", false)); }));
    t.push_back(smethod(Uri, "EscapeUriString", 1, 1, "stringToEscape", T(String), [](Call &c) {
        return Value::string(percentEncode(str(c, 0), "-_.~:/?#[]@!$&'()*+,;=%", false));
    }));
    t.push_back(smethod(Uri, "UnescapeDataString", 1, 1, "stringToUnescape", T(String),
                        [](Call &c) { return Value::string(percentDecode(str(c, 0), false)); }));
    t.push_back(smethod(Uri, "IsWellFormedUriString", 2, 2, "uriString,uriKind", T(Bool), [](Call &c) {
        try {
            makeUri(strOrEmpty(c, 0));
            return Value::boolean(strOrEmpty(c, 0).find(' ') == std::string::npos);
        } catch (const EvalError &) {
            return Value::boolean(false);
        }
    }));
    t.push_back(smethod(Uri, "TryCreate", 3, 3, "uriString,uriKind,result", T(Bool), [](Call &c) {
        try {
            c.args[2] = makeUri(strOrEmpty(c, 0));
            return Value::boolean(true);
        } catch (const EvalError &) {
            c.args[2] = Value();
            return Value::boolean(false);
        }
    }));

    // WebUtility
    t.push_back(smethod(WebUtility, "UrlEncode", 1, 1, "value", T(String), [](Call &c) {
        return c.arg(0).isNull() ? Value() : Value::string(percentEncode(str(c, 0), "-_.!*()", true));
    }));
    t.push_back(smethod(WebUtility, "UrlDecode", 1, 1, "encodedValue", T(String), [](Call &c) {
        return c.arg(0).isNull() ? Value() : Value::string(percentDecode(str(c, 0), true));
    }));
    t.push_back(smethod(WebUtility, "HtmlEncode", 1, 1, "value", T(String), [](Call &c) {
        if (c.arg(0).isNull()) {
            return Value();
        }
        std::string out;
        for (char ch : str(c, 0)) {
            switch (ch) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += ch;
            }
        }
        return Value::string(std::move(out));
    }));
    t.push_back(smethod(WebUtility, "HtmlDecode", 1, 1, "value", T(String), [](Call &c) {
        if (c.arg(0).isNull()) {
            return Value();
        }
        std::string s = str(c, 0);
        std::string out;
        static constexpr std::pair<std::string_view, char> entities[] = {
            {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
        for (std::size_t i = 0; i < s.size();) {
            bool replaced = false;
            for (const auto &[e, ch] : entities) {
                if (s.compare(i, e.size(), e) == 0) {
                    out += ch;
                    i += e.size();
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                out += s[i++];
            }
        }
        return Value::string(std::move(out));
    }));

    // hashes and HMACs: the type written decides the algorithm (the evaluator passes its name first)
    t.push_back(ctor(HashAlgorithm, 0, 1, "key",
                     [](Call &c) { return makeHash(c.writtenType, c.argc() > 0 ? &c.arg(0) : nullptr); }));
    t.push_back(smethod(HashAlgorithm, "Create", 0, 1, "hashName", T(HashAlgorithm), [](Call &c) {
        return makeHash(c.argc() > 0 ? toText(c.arg(0)) : std::string(c.writtenType), nullptr);
    }));
    t.push_back(smethod(HashAlgorithm, "HashData", 1, 2, "key,source", T(Bytes), [](Call &c) {
        Value h = makeHash(c.writtenType, c.argc() > 1 ? &c.arg(0) : nullptr);
        return makeBytes(computeHash(*h.as<HashBox>(), bytesOf(c.arg(c.argc() - 1))));
    }));
    t.push_back(method(HashAlgorithm, "ComputeHash", 1, 3, "buffer,offset,count", T(Bytes), [](Call &c) {
        std::string data = bytesOf(c.arg(0));
        if (c.argc() == 3) {
            const std::int64_t at = integer(c, 1);
            const std::int64_t n = integer(c, 2);
            if (at < 0 || n < 0 || at > std::int64_t(data.size()) || n > std::int64_t(data.size()) - at) {
                failOutOfRange("count");
            }
            data = data.substr(std::size_t(at), std::size_t(n));
        }
        return makeBytes(computeHash(*c.self.as<HashBox>(), data));
    }));
    t.push_back(Member{HashAlgorithm,
                       "Key",
                       MemberKind::Property,
                       0,
                       0,
                       {},
                       T(Bytes),
                       ResultRule::Fixed,
                       [](Call &c) { return makeBytes(c.self.as<HashBox>()->key); },
                       [](Call &c) {
                           c.self.as<HashBox>()->key = bytesOf(c.arg(0));
                           return Value();
                       },
                       {}});
    t.push_back(method(HashAlgorithm, "Dispose", 0, 0, {}, T(Void), [](Call &) { return Value(); }));

    // byte[].Encrypt / Decrypt (APIM's extension methods)
    t.push_back(method(Rsa, "VerifyData", 4, 4, "data,signature,hashAlgorithm,padding", T(Bool),
                       [](Call &c) { return Value::boolean(rsaVerify(c, false)); }));
    t.push_back(method(Rsa, "VerifyHash", 4, 4, "hash,signature,hashAlgorithm,padding", T(Bool),
                       [](Call &c) { return Value::boolean(rsaVerify(c, true)); }));
    t.push_back(prop(Rsa, "KeySize", T(Int32),
                     [](Call &c) { return Value::int32(EVP_PKEY_get_bits(c.self.as<RsaBox>()->key.get())); }));
    t.push_back(method(Bytes, "Encrypt", 3, 3, "algorithm,key,iv", T(Bytes), [](Call &c) { return crypt(c, true); }));
    t.push_back(method(Bytes, "Decrypt", 3, 3, "algorithm,key,iv", T(Bytes), [](Call &c) { return crypt(c, false); }));

    // XML
    t.push_back(smethod(XDocument, "Parse", 1, 2, "text,options", T(XDocument),
                        [](Call &c) { return parseXmlDocument(str(c, 0), false); }));
    t.push_back(smethod(XElement, "Parse", 1, 2, "text,options", T(XElement),
                        [](Call &c) { return parseXmlDocument(str(c, 0), true); }));
    t.push_back(ctor(XElement, 1, -1, "name,content", [](Call &c) {
        auto doc = std::make_shared<pugi::xml_document>();
        const std::string name = str(c, 0);
        pugi::xml_node element = doc->append_child(name.c_str());
        for (std::size_t i = 1; i < c.argc(); ++i) {
            addXmlContent(c.st, element, c.arg(i));
        }
        return xmlValue(doc, element);
    }));
    t.push_back(ctor(XAttribute, 2, 2, "name,value", [](Call &c) {
        auto doc = std::make_shared<pugi::xml_document>();
        pugi::xml_node holder = doc->append_child("attribute-holder");
        auto box = std::make_shared<XmlBox>();
        box->doc = doc;
        box->node = holder;
        box->attribute = holder.append_attribute(str(c, 0).c_str());
        box->attribute.set_value(toText(c.arg(1)).c_str());
        return Value(TypeId::XAttribute, 0, std::move(box));
    }));
    t.push_back(
        prop(XDocument, "Root", T(XElement), [](Call &c) { return xmlValue(xml(c).doc, rootElement(xml(c).node)); }));
    for (TypeId owner : {XDocument, XElement}) {
        t.push_back(method(owner, "Element", 1, 1, "name", T(XElement), [](Call &c) {
            const std::string name = toText(c.arg(0));
            const pugi::xml_node parent = c.self.is(TypeId::XDocument) ? xml(c).node : elementOf(c);
            return xmlValue(xml(c).doc, parent.child(name.c_str()));
        }));
        t.push_back(method(owner, "Elements", 0, 1, "name", T(Enumerable, XElement),
                           [](Call &c) { return elements(c, false); }));
        t.push_back(method(owner, "Descendants", 0, 1, "name", T(Enumerable, XElement),
                           [](Call &c) { return elements(c, true); }));
        t.push_back(method(owner, "ToString", 0, 1, "options", T(String),
                           [](Call &c) { return Value::string(hostText(c.self)); }));
    }
    t.push_back(prop(XElement, "Name", T(String), [](Call &c) { return Value::string(elementOf(c).name()); }));
    t.push_back(Member{XElement,
                       "Value",
                       MemberKind::Property,
                       0,
                       0,
                       {},
                       T(String),
                       ResultRule::Fixed,
                       [](Call &c) { return Value::string(innerText(elementOf(c))); },
                       [](Call &c) {
                           pugi::xml_node n = elementOf(c);
                           while (n.first_child()) {
                               n.remove_child(n.first_child());
                           }
                           n.append_child(pugi::node_pcdata).set_value(toText(c.arg(0)).c_str());
                           return Value();
                       },
                       {}});
    t.push_back(method(XElement, "Attribute", 1, 1, "name", T(XAttribute), [](Call &c) {
        pugi::xml_attribute a = elementOf(c).attribute(toText(c.arg(0)).c_str());
        if (!a) {
            return Value();
        }
        auto box = std::make_shared<XmlBox>();
        box->doc = xml(c).doc;
        box->node = elementOf(c);
        box->attribute = a;
        return Value(TypeId::XAttribute, 0, std::move(box));
    }));
    t.push_back(method(XElement, "Attributes", 0, 0, {}, T(Enumerable, XAttribute), [](Call &c) {
        std::vector<Value> out;
        for (pugi::xml_attribute a : elementOf(c).attributes()) {
            auto box = std::make_shared<XmlBox>();
            box->doc = xml(c).doc;
            box->node = elementOf(c);
            box->attribute = a;
            out.push_back(Value(TypeId::XAttribute, 0, std::move(box)));
        }
        return makeList(std::move(out), TypeId::XAttribute, TypeId::Enumerable);
    }));
    t.push_back(method(XElement, "SetAttributeValue", 2, 2, "name,value", T(Void), [](Call &c) {
        pugi::xml_node n = elementOf(c);
        const std::string name = toText(c.arg(0));
        if (c.arg(1).isNull()) {
            n.remove_attribute(name.c_str());
        } else {
            pugi::xml_attribute a = n.attribute(name.c_str());
            if (!a) {
                a = n.append_attribute(name.c_str());
            }
            a.set_value(toText(c.arg(1)).c_str());
        }
        return Value();
    }));
    t.push_back(method(XElement, "SetElementValue", 2, 2, "name,value", T(Void), [](Call &c) {
        pugi::xml_node n = elementOf(c);
        const std::string name = toText(c.arg(0));
        pugi::xml_node child = n.child(name.c_str());
        if (c.arg(1).isNull()) {
            n.remove_child(child);
            return Value();
        }
        if (!child) {
            child = n.append_child(name.c_str());
        }
        while (child.first_child()) {
            child.remove_child(child.first_child());
        }
        child.append_child(pugi::node_pcdata).set_value(toText(c.arg(1)).c_str());
        return Value();
    }));
    t.push_back(method(XElement, "Add", 1, -1, "content", T(Void), [](Call &c) {
        for (std::size_t i = 0; i < c.argc(); ++i) {
            addXmlContent(c.st, elementOf(c), c.arg(i));
        }
        return Value();
    }));
    t.push_back(method(XElement, "Remove", 0, 0, {}, T(Void), [](Call &c) {
        pugi::xml_node n = elementOf(c);
        n.parent().remove_child(n);
        return Value();
    }));
    t.push_back(prop(XAttribute, "Name", T(String), [](Call &c) { return Value::string(xml(c).attribute.name()); }));
    t.push_back(prop(XAttribute, "Value", T(String), [](Call &c) { return Value::string(xml(c).attribute.value()); }));
}

} // namespace rows

Value parseXmlDocument(const std::string &text, bool element)
{
    auto doc = std::make_shared<pugi::xml_document>();
    const pugi::xml_parse_result result =
        doc->load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!result || !doc->document_element()) {
        fail(std::string("Data at the root level is invalid. ") + result.description(), "System.Xml.XmlException");
    }
    if (element) {
        return rows::xmlValue(doc, doc->document_element(), TypeId::XElement);
    }
    auto box = std::make_shared<rows::XmlBox>();
    box->doc = doc;
    box->node = *doc;
    return Value(TypeId::XDocument, 0, std::move(box));
}

std::string hostText(const Value &value)
{
    switch (value.type()) {
    case TypeId::Url:
        return boxedUrlText(value); // a context URL needs its Context: the evaluator writes those
    case TypeId::Uri:
        return value.as<rows::UriBox>()->original;
    case TypeId::Match:
        return rows::groupText(*value.as<rows::MatchBox>(), 0);
    case TypeId::RegexGroup: {
        const auto &m = *value.as<rows::MatchBox>();
        return rows::groupText(m, std::size_t(value.integer()));
    }
    case TypeId::Regex:
        return value.as<rows::RegexBox>()->pattern;
    case TypeId::XDocument: {
        const auto &x = *value.as<rows::XmlBox>();
        return rows::xmlText(rootElement(x.node));
    }
    case TypeId::XElement:
        return rows::xmlText(value.as<rows::XmlBox>()->node);
    case TypeId::XAttribute: {
        const auto &a = value.as<rows::XmlBox>()->attribute;
        return std::string(a.name()) + "=\"" + a.value() + "\"";
    }
    case TypeId::Exception:
        return "System.Exception: " + value.as<ExceptionBox>()->message;
    case TypeId::KeyValuePair:
        return "[" + toText(value.as<PairBox>()->key) + ", " + toText(value.as<PairBox>()->value) + "]";
    case TypeId::List:
        return "System.Collections.Generic.List`1[" + std::string(typeDisplayName(value.as<ListBox>()->elem)) + "]";
    case TypeId::HashSet:
        return "System.Collections.Generic.HashSet`1[" + std::string(typeDisplayName(value.as<ListBox>()->elem)) + "]";
    case TypeId::Dictionary: {
        const auto &d = *value.as<DictBox>();
        return "System.Collections.Generic.Dictionary`2[" + std::string(typeDisplayName(d.keyType)) + "," +
               std::string(typeDisplayName(d.valueType)) + "]";
    }
    case TypeId::Encoding:
        return "System.Text.UTF8Encoding";
    default:
        if (int(value.type()) >= int(TypeId::StringComparison) && int(value.type()) <= int(TypeId::UriPartial)) {
            const auto name = enumName(value.type(), value.integer());
            return name.empty() ? std::to_string(value.integer()) : std::string(name);
        }
        return typeNameOf(value);
    }
}

Value constructAnonymous(std::vector<std::pair<std::string, Value>> fields)
{
    auto box = std::make_shared<DictBox>();
    for (auto &[name, value] : fields) {
        box->entries.push_back({Value::string(std::move(name)), std::move(value)});
    }
    return Value(TypeId::Dictionary, 0, std::move(box));
}

} // namespace gw::expr
