#include <secrets/secret_store.h>

#include "keyring.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <system_error>

namespace gw::secrets {

namespace fs = std::filesystem;

namespace {

// secrets.bin: header (magic, format version, key source, two reserved zero bytes, nonce), then the AES-256-GCM
// ciphertext of the JSON text, then the 16-byte tag. The whole header is authenticated as associated data.
constexpr std::array<unsigned char, 8> kMagic = {'G', 'H', 'S', 'E', 'C', 'R', 'E', 'T'};
constexpr std::uint8_t kFormatVersion = 1;
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kHeaderSize = kMagic.size() + 4 + kNonceSize;
constexpr std::size_t kTagSize = 16;
constexpr std::size_t kKeySize = 32;
constexpr std::size_t kMaxFileSize = 64u * 1024 * 1024;
constexpr std::size_t kPaddingBlock = 256; // the plaintext is padded so the file size says little about it
constexpr std::uint8_t kSourceKeyring = 1;
constexpr std::uint8_t kSourceKeyFile = 2;

constexpr const char *kDataFileName = "secrets.bin";
constexpr const char *kKeyFileName = "secrets.key";

constexpr std::chrono::milliseconds kProbeTimeout{1000};

using Bytes = std::vector<unsigned char>;
using Key = std::array<unsigned char, kKeySize>;
using ScopeSecrets = std::map<std::string, std::string, std::less<>>;
using Data = std::map<std::string, ScopeSecrets, std::less<>>;

void wipe(std::string &text)
{
    if (!text.empty()) {
        OPENSSL_cleanse(text.data(), text.size());
    }
}

void wipe(Bytes &bytes)
{
    if (!bytes.empty()) {
        OPENSSL_cleanse(bytes.data(), bytes.size());
    }
}

void wipe(Key &key)
{
    OPENSSL_cleanse(key.data(), key.size());
}

void wipe(Data &data)
{
    for (auto &[scope, secrets] : data) {
        for (auto &[key, value] : secrets) {
            wipe(value);
        }
    }
}

// Wipes the string values inside a JSON document (object keys are names, not secrets).
void wipe(nlohmann::json &json)
{
    if (json.is_string()) {
        wipe(json.get_ref<std::string &>());
    } else if (json.is_structured()) {
        for (auto &element : json) {
            wipe(element);
        }
    }
}

template<typename T>
class WipeOnExit {
public:
    explicit WipeOnExit(T &value) : m_value(value) {}
    ~WipeOnExit() { wipe(m_value); }
    WipeOnExit(const WipeOnExit &) = delete;
    WipeOnExit &operator=(const WipeOnExit &) = delete;

private:
    T &m_value;
};

std::string errnoText(int error)
{
    return std::system_category().message(error);
}

std::string quoted(const fs::path &path)
{
    std::string text = path.string();
    text.insert(text.begin(), '\'');
    text.push_back('\'');
    return text;
}

std::string octalMode(mode_t mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

class FileDescriptor {
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(FileDescriptor &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    FileDescriptor &operator=(FileDescriptor &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_fd = std::exchange(other.m_fd, -1);
        }
        return *this;
    }

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    // Closes now and reports whether the close succeeded (a late write error shows up here).
    bool close()
    {
        int fd = std::exchange(m_fd, -1);
        return fd < 0 || ::close(fd) == 0;
    }
    void reset()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }

private:
    int m_fd = -1;
};

// flock() on the store folder, between stores in this process and in others. Best effort: a file system without
// locks (some network mounts) still works, just without protection against concurrent writers.
class FolderLock {
public:
    FolderLock(int dirFd, int operation) : m_fd(dirFd)
    {
        int rc = 0;
        do {
            rc = ::flock(m_fd, operation);
        } while (rc != 0 && errno == EINTR);
        m_locked = rc == 0;
    }
    ~FolderLock()
    {
        if (m_locked) {
            ::flock(m_fd, LOCK_UN);
        }
    }
    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;

private:
    int m_fd;
    bool m_locked = false;
};

// What secrets.bin was when last read or written, to notice a change by another store.
struct FileIdentity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    std::int64_t mtimeNs = 0;
    std::int64_t ctimeNs = 0;

    static FileIdentity of(const struct stat &info)
    {
        return {.exists = true,
                .device = info.st_dev,
                .inode = info.st_ino,
                .size = info.st_size,
                .mtimeNs = std::int64_t(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec,
                .ctimeNs = std::int64_t(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec};
    }
    bool operator==(const FileIdentity &) const = default;
};

struct PrivateFile {
    Bytes content;
    FileIdentity identity;
};

// Reads a file of the store, refusing one that is not a regular file of this user closed to group and others.
// Gives an empty optional when the file does not exist.
Result<std::optional<PrivateFile>> readPrivateFile(int dirFd, const char *name, const fs::path &shown)
{
    FileDescriptor fd(::openat(dirFd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY));
    if (!fd.valid()) {
        int error = errno;
        if (error == ENOENT) {
            return std::optional<PrivateFile>{};
        }
        if (error == ELOOP) {
            return Error{quoted(shown) + " is a symbolic link; the secret store only uses regular files"};
        }
        return Error{"cannot open " + quoted(shown) + ": " + errnoText(error)};
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        return Error{"cannot inspect " + quoted(shown) + ": " + errnoText(errno)};
    }
    if (!S_ISREG(info.st_mode)) {
        return Error{quoted(shown) + " is not a regular file"};
    }
    if (info.st_uid != ::geteuid()) {
        return Error{quoted(shown) + " belongs to another user (uid " + std::to_string(info.st_uid) +
                     "); refusing to use it"};
    }
    if ((info.st_mode & 077) != 0) {
        const char *what = (info.st_mode & 044) != 0 ? "readable" : "accessible";
        return Error{quoted(shown) + " is " + what + " by other users (mode " + octalMode(info.st_mode) +
                     "); refusing to use it. Make it private with: chmod 600 " + shown.string()};
    }
    if (static_cast<std::uint64_t>(info.st_size) > kMaxFileSize) {
        return Error{quoted(shown) + " is too large to be a secret store file"};
    }
    PrivateFile file{.identity = FileIdentity::of(info)};
    file.content.resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (done < file.content.size()) {
        ssize_t n = ::read(fd.get(), file.content.data() + done, file.content.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            int error = errno;
            wipe(file.content);
            return Error{"cannot read " + quoted(shown) + ": " + errnoText(error)};
        }
        if (n == 0) {
            break; // shrank while reading: the checks below see a short file
        }
        done += static_cast<std::size_t>(n);
    }
    file.content.resize(done);
    return std::optional<PrivateFile>(std::move(file));
}

std::string randomHex(std::size_t bytes)
{
    std::vector<unsigned char> random(bytes);
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
        // Only names a temporary file; the process id keeps it unique enough.
        return std::to_string(::getpid());
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    for (unsigned char byte : random) {
        text += kDigits[byte >> 4];
        text += kDigits[byte & 15];
    }
    return text;
}

enum class Replace { Yes, No };

// Writes a file of the store with mode 0600: a temporary file in the same folder, fsync, then rename over the old
// one (Replace::Yes) or link to a name that must not exist yet (Replace::No), then fsync of the folder.
Result<FileIdentity> writePrivateFile(int dirFd, const char *name, const fs::path &shown, const unsigned char *data,
                                      std::size_t size, Replace replace)
{
    std::string temporary = std::string(".") + name + ".tmp-" + randomHex(8);
    FileDescriptor fd(
        ::openat(dirFd, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600));
    if (!fd.valid()) {
        return Error{"cannot create a file in " + quoted(shown.parent_path()) + ": " + errnoText(errno)};
    }
    auto fail = [&](std::string message) -> Result<FileIdentity> {
        fd.reset();
        ::unlinkat(dirFd, temporary.c_str(), 0);
        return Error{std::move(message)};
    };
    if (::fchmod(fd.get(), 0600) != 0) {
        return fail("cannot set the mode of a file in " + quoted(shown.parent_path()) + ": " + errnoText(errno));
    }
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = ::write(fd.get(), data + done, size - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return fail("cannot write " + quoted(shown) + ": " + errnoText(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) {
        return fail("cannot write " + quoted(shown) + " to disk: " + errnoText(errno));
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        return fail("cannot inspect " + quoted(shown) + ": " + errnoText(errno));
    }
    if (!fd.close()) {
        return fail("cannot write " + quoted(shown) + ": " + errnoText(errno));
    }
    if (replace == Replace::Yes) {
        if (::renameat(dirFd, temporary.c_str(), dirFd, name) != 0) {
            return fail("cannot replace " + quoted(shown) + ": " + errnoText(errno));
        }
    } else {
        if (::linkat(dirFd, temporary.c_str(), dirFd, name, 0) != 0) {
            int error = errno;
            return fail(error == EEXIST ? quoted(shown) + " appeared while it was being created"
                                        : "cannot create " + quoted(shown) + ": " + errnoText(error));
        }
        ::unlinkat(dirFd, temporary.c_str(), 0);
    }
    if (::fsync(dirFd) != 0) {
        return Error{"cannot write the folder " + quoted(shown.parent_path()) + " to disk: " + errnoText(errno)};
    }
    return FileIdentity::of(info);
}

// --- encryption ---

struct CipherContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

Result<Bytes> encrypt(const Key &key, KeySource source, const std::string &plaintext)
{
    if (plaintext.size() > kMaxFileSize) {
        return Error{"the secrets are too large to store"};
    }
    Bytes out(kHeaderSize + plaintext.size() + kTagSize);
    std::copy(kMagic.begin(), kMagic.end(), out.begin());
    out[kMagic.size()] = kFormatVersion;
    out[kMagic.size() + 1] = source == KeySource::Keyring ? kSourceKeyring : kSourceKeyFile;
    out[kMagic.size() + 2] = 0;
    out[kMagic.size() + 3] = 0;
    unsigned char *nonce = out.data() + kMagic.size() + 4;
    if (RAND_bytes(nonce, static_cast<int>(kNonceSize)) != 1) {
        return Error{"cannot get random bytes from OpenSSL"};
    }
    CipherContext context(EVP_CIPHER_CTX_new());
    int length = 0;
    int finalLength = 0;
    unsigned char *cipher = out.data() + kHeaderSize;
    if (!context || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) != 1 ||
        EVP_EncryptInit_ex(context.get(), nullptr, nullptr, key.data(), nonce) != 1 ||
        EVP_EncryptUpdate(context.get(), nullptr, &length, out.data(), static_cast<int>(kHeaderSize)) != 1 ||
        EVP_EncryptUpdate(context.get(), cipher, &length, reinterpret_cast<const unsigned char *>(plaintext.data()),
                          static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), cipher + length, &finalLength) != 1 ||
        static_cast<std::size_t>(length + finalLength) != plaintext.size() ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize),
                            cipher + plaintext.size()) != 1) {
        return Error{"OpenSSL failed to encrypt the secrets"};
    }
    return out;
}

// The key source a file says it was written with, after checking its header.
Result<KeySource> readHeader(const Bytes &file, const fs::path &shown)
{
    if (file.size() < kMagic.size() || !std::equal(kMagic.begin(), kMagic.end(), file.begin())) {
        return Error{quoted(shown) + " is not a Gatehouse secret store (or it is damaged)"};
    }
    if (file.size() < kHeaderSize + kTagSize) {
        return Error{quoted(shown) + " is truncated; the secret store is damaged"};
    }
    std::uint8_t version = file[kMagic.size()];
    if (version != kFormatVersion) {
        return Error{quoted(shown) + " has format version " + std::to_string(version) +
                     ", which this version of Gatehouse cannot read"};
    }
    std::uint8_t source = file[kMagic.size() + 1];
    if ((source != kSourceKeyring && source != kSourceKeyFile) || file[kMagic.size() + 2] != 0 ||
        file[kMagic.size() + 3] != 0) {
        return Error{quoted(shown) + " has a damaged header; the secret store cannot be read"};
    }
    return source == kSourceKeyring ? KeySource::Keyring : KeySource::KeyFile;
}

Result<std::string> decrypt(const Key &key, const Bytes &file, const fs::path &shown, const std::string &keyOrigin)
{
    std::size_t cipherSize = file.size() - kHeaderSize - kTagSize;
    std::string plaintext(cipherSize, '\0');
    CipherContext context(EVP_CIPHER_CTX_new());
    const unsigned char *nonce = file.data() + kMagic.size() + 4;
    const unsigned char *cipher = file.data() + kHeaderSize;
    Bytes tag(cipher + cipherSize, cipher + cipherSize + kTagSize);
    int length = 0;
    int finalLength = 0;
    auto *out = reinterpret_cast<unsigned char *>(plaintext.data());
    bool ready =
        context && EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) == 1 &&
        EVP_DecryptInit_ex(context.get(), nullptr, nullptr, key.data(), nonce) == 1 &&
        EVP_DecryptUpdate(context.get(), nullptr, &length, file.data(), static_cast<int>(kHeaderSize)) == 1 &&
        EVP_DecryptUpdate(context.get(), out, &length, cipher, static_cast<int>(cipherSize)) == 1 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) == 1;
    if (!ready) {
        wipe(plaintext);
        return Error{"OpenSSL failed to decrypt " + quoted(shown)};
    }
    if (EVP_DecryptFinal_ex(context.get(), out + length, &finalLength) != 1) {
        wipe(plaintext);
        return Error{quoted(shown) + " cannot be decrypted with the key from " + keyOrigin +
                     ": the key is not the one it was written with, or the file was modified or damaged"};
    }
    return plaintext;
}

// --- the JSON inside ---

Result<std::string> serialize(const Data &data)
{
    nlohmann::json json = nlohmann::json::object();
    for (const auto &[scope, secrets] : data) {
        nlohmann::json &object = json[scope];
        object = nlohmann::json::object();
        for (const auto &[key, value] : secrets) {
            object[key] = value;
        }
    }
    WipeOnExit wipeJson(json);
    std::string text;
    try {
        text = json.dump();
    } catch (const nlohmann::json::exception &) {
        return Error{"secret scopes, names and values must be valid UTF-8 text"};
    }
    WipeOnExit wipeText(text);
    std::size_t padded = (text.size() / kPaddingBlock + 1) * kPaddingBlock;
    std::string result;
    result.reserve(padded);
    result.append(text);
    result.append(padded - text.size(), ' '); // JSON allows trailing white space
    return result;
}

Result<Data> parse(std::string &text, const fs::path &shown)
{
    nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    WipeOnExit wipeJson(json);
    wipe(text);
    auto damaged = [&] { return Error{quoted(shown) + " decrypts, but its contents are not a secret store"}; };
    if (!json.is_object()) {
        return damaged();
    }
    Data data;
    for (auto &[scope, secrets] : json.items()) {
        if (!secrets.is_object()) {
            wipe(data);
            return damaged();
        }
        ScopeSecrets &target = data[scope];
        for (auto &[key, value] : secrets.items()) {
            if (!value.is_string()) {
                wipe(data);
                return damaged();
            }
            target[key] = value.get_ref<const std::string &>();
        }
    }
    return data;
}

// --- keys ---

Result<Key> generateKey()
{
    Key key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
        return Error{"cannot get random bytes from OpenSSL to make a key"};
    }
    return key;
}

std::string encodeKey(const Key &key)
{
    std::string text(4 * ((kKeySize + 2) / 3) + 1, '\0');
    int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(text.data()), key.data(), int(key.size()));
    text.resize(static_cast<std::size_t>(length));
    return text;
}

std::optional<Key> decodeKey(const std::string &text)
{
    // 32 bytes are 44 base64 characters, the last one '=' padding.
    if (text.size() != 4 * ((kKeySize + 2) / 3) || text.back() != '=' || text[text.size() - 2] == '=') {
        return std::nullopt;
    }
    Bytes decoded(text.size() / 4 * 3);
    int length = EVP_DecodeBlock(decoded.data(), reinterpret_cast<const unsigned char *>(text.data()),
                                 static_cast<int>(text.size()));
    std::optional<Key> key;
    if (length == static_cast<int>(decoded.size())) {
        key.emplace();
        std::copy_n(decoded.begin(), kKeySize, key->begin());
    }
    wipe(decoded);
    return key;
}

Result<std::optional<Key>> readKeyFile(int dirFd, const fs::path &shown)
{
    auto file = readPrivateFile(dirFd, kKeyFileName, shown);
    if (!file) {
        return file.error();
    }
    if (!file.value()) {
        return std::optional<Key>{};
    }
    Bytes &content = file.value()->content;
    WipeOnExit wipeContent(content);
    if (content.size() != kKeySize) {
        return Error{quoted(shown) + " is not a secret store key (it must hold " + std::to_string(kKeySize) +
                     " bytes, it holds " + std::to_string(content.size()) + ")"};
    }
    std::optional<Key> key(std::in_place);
    std::copy(content.begin(), content.end(), key->begin());
    return key;
}

Result<fs::path> prepareFolder(const fs::path &folder)
{
    if (folder.empty()) {
        return Error{"no folder given for the secret store"};
    }
    std::error_code error;
    fs::path absolute = fs::absolute(folder, error).lexically_normal();
    if (error) {
        return Error{"cannot resolve the secret store folder " + quoted(folder) + ": " + error.message()};
    }
    if (!absolute.has_filename() && absolute.has_parent_path() && absolute != absolute.root_path()) {
        absolute = absolute.parent_path(); // "/a/b/" -> "/a/b"
    }
    if (!fs::exists(absolute, error)) {
        fs::create_directories(absolute.parent_path(), error);
        if (error) {
            return Error{"cannot create the folder " + quoted(absolute.parent_path()) + ": " + error.message()};
        }
        if (::mkdir(absolute.c_str(), 0700) != 0 && errno != EEXIST) {
            return Error{"cannot create the secret store folder " + quoted(absolute) + ": " + errnoText(errno)};
        }
    }
    if (!fs::is_directory(absolute, error)) {
        return Error{"the secret store folder " + quoted(absolute) + " is not a folder"};
    }
    fs::path canonical = fs::canonical(absolute, error);
    return error ? absolute : canonical;
}

std::optional<std::string> homeFolder()
{
    const char *home = std::getenv("HOME");
    if (home && *home) {
        return std::string(home);
    }
    long bufferSize = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(bufferSize > 0 ? static_cast<std::size_t>(bufferSize) : 16384);
    struct passwd entry {};
    struct passwd *found = nullptr;
    if (::getpwuid_r(::geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_dir) {
        return std::string(found->pw_dir);
    }
    return std::nullopt;
}

} // namespace

const char *toString(KeySource source)
{
    switch (source) {
    case KeySource::Keyring:
        return "OS keyring";
    case KeySource::KeyFile:
        return "key file";
    }
    return "?";
}

bool keyringSupported()
{
    return keyring::compiledIn();
}

struct SecretStore::Impl {
    fs::path folder;
    fs::path dataPath;
    fs::path keyPath;
    FileDescriptor dirFd;
    Key key{};
    KeySource source = KeySource::KeyFile;
    Data data;
    FileIdentity identity; // of secrets.bin as last read or written
    mutable std::mutex mutex;

    ~Impl()
    {
        wipe(data);
        wipe(key);
    }

    std::string keyOrigin() const
    {
        return source == KeySource::Keyring ? std::string("the OS keyring") : quoted(keyPath);
    }

    // Reads and decrypts secrets.bin (absent: empty). The caller holds the folder lock.
    Result<std::pair<Data, FileIdentity>> readFromDisk() const
    {
        auto file = readPrivateFile(dirFd.get(), kDataFileName, dataPath);
        if (!file) {
            return file.error();
        }
        if (!file.value()) {
            return std::pair<Data, FileIdentity>{};
        }
        const Bytes &content = file.value()->content;
        auto header = readHeader(content, dataPath);
        if (!header) {
            return header.error();
        }
        if (header.value() != source) {
            return Error{quoted(dataPath) + " now uses a key from the " + toString(header.value()) +
                         "; open the secret store again"};
        }
        auto plaintext = decrypt(key, content, dataPath, keyOrigin());
        if (!plaintext) {
            return plaintext.error();
        }
        auto parsed = parse(plaintext.value(), dataPath);
        if (!parsed) {
            return parsed.error();
        }
        return std::pair<Data, FileIdentity>{std::move(parsed.value()), file.value()->identity};
    }

    // Encrypts and writes `contents` as secrets.bin. The caller holds the folder lock.
    Result<FileIdentity> writeToDisk(const Data &contents) const
    {
        auto text = serialize(contents);
        if (!text) {
            return text.error();
        }
        WipeOnExit wipeText(text.value());
        auto encrypted = encrypt(key, source, text.value());
        if (!encrypted) {
            return encrypted.error();
        }
        return writePrivateFile(dirFd.get(), kDataFileName, dataPath, encrypted->data(), encrypted->size(),
                                Replace::Yes);
    }

    void replaceData(Data &&fresh, FileIdentity freshIdentity)
    {
        wipe(data);
        data = std::move(fresh);
        identity = freshIdentity;
    }

    // Reads the file again when another store changed it. Keeps the last good contents when that fails.
    void refreshIfChanged()
    {
        struct stat info {};
        FileIdentity current;
        if (::fstatat(dirFd.get(), kDataFileName, &info, AT_SYMLINK_NOFOLLOW) == 0) {
            current = FileIdentity::of(info);
        }
        if (current == identity) {
            return;
        }
        FolderLock lock(dirFd.get(), LOCK_SH);
        auto fresh = readFromDisk();
        if (fresh) {
            replaceData(std::move(fresh->first), fresh->second);
        }
    }

    // Reads the file under the folder lock, lets `change` edit the contents (it says whether it changed anything),
    // and writes them back.
    template<typename Change>
    Result<void> modify(Change change)
    {
        std::lock_guard guard(mutex);
        FolderLock lock(dirFd.get(), LOCK_EX);
        auto fresh = readFromDisk();
        if (!fresh) {
            return fresh.error();
        }
        Data contents = std::move(fresh->first);
        FileIdentity contentsIdentity = fresh->second;
        if (!change(contents)) {
            replaceData(std::move(contents), contentsIdentity);
            return {};
        }
        auto written = writeToDisk(contents);
        if (!written) {
            wipe(contents);
            return written.error();
        }
        replaceData(std::move(contents), written.value());
        return {};
    }
};

SecretStore::SecretStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{
}
SecretStore::SecretStore(SecretStore &&other) noexcept = default;
SecretStore &SecretStore::operator=(SecretStore &&other) noexcept = default;
SecretStore::~SecretStore() = default;

fs::path SecretStore::defaultFolder()
{
    const char *dataHome = std::getenv("XDG_DATA_HOME");
    if (dataHome && *dataHome && fs::path(dataHome).is_absolute()) {
        return fs::path(dataHome) / "gatehouse";
    }
    auto home = homeFolder();
    if (!home) {
        return {};
    }
    return fs::path(*home) / ".local" / "share" / "gatehouse";
}

Result<SecretStore> SecretStore::open(const fs::path &folder)
{
    return open(folder, OpenOptions{});
}

Result<SecretStore> SecretStore::open(const fs::path &folder, const OpenOptions &options)
{
    auto prepared = prepareFolder(folder);
    if (!prepared) {
        return prepared.error();
    }
    auto impl = std::make_unique<Impl>();
    impl->folder = prepared.value();
    impl->dataPath = impl->folder / kDataFileName;
    impl->keyPath = impl->folder / kKeyFileName;
    impl->dirFd = FileDescriptor(::open(impl->folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!impl->dirFd.valid()) {
        return Error{"cannot open the secret store folder " + quoted(impl->folder) + ": " + errnoText(errno)};
    }
    const std::string keyringFolder = impl->folder.string();
    auto keyringTimeout = std::max(options.keyringTimeout, std::chrono::milliseconds(1));

    FolderLock lock(impl->dirFd.get(), LOCK_EX);
    auto file = readPrivateFile(impl->dirFd.get(), kDataFileName, impl->dataPath);
    if (!file) {
        return file.error();
    }

    if (file.value()) {
        // An existing store: its header says where the key is.
        auto header = readHeader(file.value()->content, impl->dataPath);
        if (!header) {
            return header.error();
        }
        impl->source = header.value();
        if (impl->source == KeySource::Keyring) {
            std::string prefix = quoted(impl->dataPath) + " is encrypted with a key kept in the OS keyring";
            if (!options.useKeyring) {
                return Error{prefix + ", and the keyring is not to be used here"};
            }
            if (!keyring::compiledIn()) {
                return Error{prefix + ", and this build of Gatehouse has no keyring support"};
            }
            if (!keyring::available(std::min(keyringTimeout, kProbeTimeout))) {
                return Error{prefix + ", and no keyring (Secret Service) is reachable on the D-Bus session bus"};
            }
            auto found = keyring::lookup(keyringFolder, keyringTimeout);
            WipeOnExit wipeSecret(found.secret);
            if (found.status == keyring::LookupStatus::Failed) {
                return Error{prefix + ", which cannot be read: " + found.message};
            }
            if (found.status == keyring::LookupStatus::NotFound) {
                return Error{prefix + ", and the keyring has no key for " + quoted(impl->folder) +
                             " any more; the secrets cannot be decrypted"};
            }
            auto key = decodeKey(found.secret);
            if (!key) {
                return Error{"the OS keyring's key for " + quoted(impl->folder) + " is malformed"};
            }
            impl->key = *key;
            wipe(*key);
        } else {
            auto key = readKeyFile(impl->dirFd.get(), impl->keyPath);
            if (!key) {
                return key.error();
            }
            if (!key.value()) {
                return Error{quoted(impl->dataPath) + " is encrypted with the key in " + quoted(impl->keyPath) +
                             ", which is missing; the secrets cannot be decrypted without it"};
            }
            impl->key = *key.value();
            wipe(*key.value());
        }
        auto plaintext = decrypt(impl->key, file.value()->content, impl->dataPath, impl->keyOrigin());
        if (!plaintext) {
            return plaintext.error();
        }
        auto parsed = parse(plaintext.value(), impl->dataPath);
        if (!parsed) {
            return parsed.error();
        }
        impl->replaceData(std::move(parsed.value()), file.value()->identity);
        return SecretStore(std::move(impl));
    }

    // A new store: an existing key file wins, then the keyring, then a new key file.
    auto keyFile = readKeyFile(impl->dirFd.get(), impl->keyPath);
    if (!keyFile) {
        return keyFile.error();
    }
    bool haveKey = false;
    if (keyFile.value()) {
        impl->key = *keyFile.value();
        impl->source = KeySource::KeyFile;
        wipe(*keyFile.value());
        haveKey = true;
    } else if (options.useKeyring && keyring::compiledIn() &&
               keyring::available(std::min(keyringTimeout, kProbeTimeout))) {
        auto found = keyring::lookup(keyringFolder, keyringTimeout);
        WipeOnExit wipeSecret(found.secret);
        if (found.status == keyring::LookupStatus::Found) {
            if (auto key = decodeKey(found.secret)) {
                impl->key = *key;
                wipe(*key);
                impl->source = KeySource::Keyring;
                haveKey = true;
            }
        }
        if (!haveKey && found.status != keyring::LookupStatus::Failed) {
            auto key = generateKey();
            if (!key) {
                return key.error();
            }
            std::string encoded = encodeKey(key.value());
            WipeOnExit wipeEncoded(encoded);
            if (keyring::store(keyringFolder, encoded, keyringTimeout)) {
                impl->key = key.value();
                impl->source = KeySource::Keyring;
                haveKey = true;
            }
            wipe(key.value());
        }
        // Otherwise the keyring did not work out: fall back to a key file without a word.
    }
    if (!haveKey) {
        auto key = generateKey();
        if (!key) {
            return key.error();
        }
        WipeOnExit wipeKey(key.value());
        auto written =
            writePrivateFile(impl->dirFd.get(), kKeyFileName, impl->keyPath, key->data(), key->size(), Replace::No);
        if (!written) {
            return written.error();
        }
        impl->key = key.value();
        impl->source = KeySource::KeyFile;
    }
    auto written = impl->writeToDisk(Data{});
    if (!written) {
        return written.error();
    }
    impl->identity = written.value();
    return SecretStore(std::move(impl));
}

std::optional<std::string> SecretStore::get(std::string_view scope, std::string_view key) const
{
    std::lock_guard guard(m_impl->mutex);
    m_impl->refreshIfChanged();
    auto secrets = m_impl->data.find(scope);
    if (secrets == m_impl->data.end()) {
        return std::nullopt;
    }
    auto found = secrets->second.find(key);
    if (found == secrets->second.end()) {
        return std::nullopt;
    }
    return found->second;
}

Result<void> SecretStore::set(std::string_view scope, std::string_view key, std::string_view value)
{
    if (scope.empty() || key.empty()) {
        return Error{"a secret needs a scope and a name"};
    }
    return m_impl->modify([&](Data &contents) {
        ScopeSecrets &secrets = contents[std::string(scope)];
        auto found = secrets.find(key);
        if (found != secrets.end() && found->second == value) {
            return false;
        }
        if (found == secrets.end()) {
            found = secrets.emplace(std::string(key), std::string()).first;
        }
        wipe(found->second);
        found->second.assign(value);
        return true;
    });
}

Result<void> SecretStore::remove(std::string_view scope, std::string_view key)
{
    return m_impl->modify([&](Data &contents) {
        auto secrets = contents.find(scope);
        if (secrets == contents.end()) {
            return false;
        }
        auto found = secrets->second.find(key);
        if (found == secrets->second.end()) {
            return false;
        }
        wipe(found->second);
        secrets->second.erase(found);
        if (secrets->second.empty()) {
            contents.erase(secrets);
        }
        return true;
    });
}

Result<void> SecretStore::removeScope(std::string_view scope)
{
    return m_impl->modify([&](Data &contents) {
        auto secrets = contents.find(scope);
        if (secrets == contents.end()) {
            return false;
        }
        for (auto &[key, value] : secrets->second) {
            wipe(value);
        }
        contents.erase(secrets);
        return true;
    });
}

std::vector<std::string> SecretStore::keys(std::string_view scope) const
{
    std::lock_guard guard(m_impl->mutex);
    m_impl->refreshIfChanged();
    std::vector<std::string> result;
    auto secrets = m_impl->data.find(scope);
    if (secrets != m_impl->data.end()) {
        for (const auto &[key, value] : secrets->second) {
            result.push_back(key);
        }
    }
    return result;
}

std::vector<std::string> SecretStore::scopes() const
{
    std::lock_guard guard(m_impl->mutex);
    m_impl->refreshIfChanged();
    std::vector<std::string> result;
    for (const auto &[scope, secrets] : m_impl->data) {
        if (!secrets.empty()) {
            result.push_back(scope);
        }
    }
    return result;
}

Result<void> SecretStore::reload()
{
    std::lock_guard guard(m_impl->mutex);
    FolderLock lock(m_impl->dirFd.get(), LOCK_SH);
    auto fresh = m_impl->readFromDisk();
    if (!fresh) {
        return fresh.error();
    }
    m_impl->replaceData(std::move(fresh->first), fresh->second);
    return {};
}

KeySource SecretStore::keySource() const
{
    return m_impl->source;
}

fs::path SecretStore::folder() const
{
    return m_impl->folder;
}

fs::path SecretStore::filePath() const
{
    return m_impl->dataPath;
}

} // namespace gw::secrets
