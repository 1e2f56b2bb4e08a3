#include <secrets/secret_store.h>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using gw::secrets::KeySource;
using gw::secrets::OpenOptions;
using gw::secrets::SecretStore;

namespace {

// A fresh folder under the system temporary folder, removed afterwards.
class TempDir {
public:
    TempDir()
    {
        std::string pattern = (fs::temp_directory_path() / "gw-secrets-test-XXXXXX").string();
        char *made = ::mkdtemp(pattern.data());
        if (!made) {
            throw std::runtime_error("mkdtemp failed");
        }
        m_path = made;
    }
    ~TempDir()
    {
        std::error_code ignored;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const fs::path &path() const { return m_path; }

private:
    fs::path m_path;
};

// The unit tests never use the OS keyring: it would be the real user's.
OpenOptions fileOnly()
{
    return OpenOptions{.useKeyring = false};
}

SecretStore openStore(const fs::path &folder)
{
    auto store = SecretStore::open(folder, fileOnly());
    if (!store) {
        throw std::runtime_error("open failed: " + store.error().message);
    }
    return std::move(store.value());
}

std::string readAll(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path &path, const std::string &content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

mode_t modeOf(const fs::path &path)
{
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 07777;
}

bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

const std::string kScope = "/home/dev/repos/contoso/apimartifacts";
const std::string kOtherScope = "/home/dev/repos/fabrikam/apimartifacts";

} // namespace

TEST(SecretStore, SetGetRemoveAndKeysSurviveReopen)
{
    TempDir temp;
    fs::path folder = temp.path() / "store";
    {
        SecretStore store = openStore(folder);
        EXPECT_EQ(store.keySource(), KeySource::KeyFile);
        EXPECT_EQ(store.get(kScope, "namedValue/backend-secret"), std::nullopt);
        ASSERT_TRUE(store.set(kScope, "namedValue/backend-secret", "s3cr3t-value"));
        ASSERT_TRUE(store.set(kScope, "subscription/starter/primaryKey", "primary-0123"));
        ASSERT_TRUE(store.set(kScope, "subscription/starter/secondaryKey", "secondary-4567"));
        ASSERT_TRUE(store.set(kScope, "token/tenant", "contoso.onmicrosoft.com"));
        EXPECT_EQ(store.get(kScope, "namedValue/backend-secret"), "s3cr3t-value");
    }
    {
        SecretStore store = openStore(folder);
        EXPECT_EQ(store.get(kScope, "namedValue/backend-secret"), "s3cr3t-value");
        EXPECT_EQ(store.get(kScope, "subscription/starter/primaryKey"), "primary-0123");
        EXPECT_EQ(store.keys(kScope),
                  (std::vector<std::string>{"namedValue/backend-secret", "subscription/starter/primaryKey",
                                            "subscription/starter/secondaryKey", "token/tenant"}));
        ASSERT_TRUE(store.set(kScope, "namedValue/backend-secret", "rotated"));
        ASSERT_TRUE(store.remove(kScope, "token/tenant"));
        ASSERT_TRUE(store.remove(kScope, "token/not-there"));
        EXPECT_EQ(store.get(kScope, "token/tenant"), std::nullopt);
    }
    {
        SecretStore store = openStore(folder);
        EXPECT_EQ(store.get(kScope, "namedValue/backend-secret"), "rotated");
        EXPECT_EQ(store.get(kScope, "token/tenant"), std::nullopt);
        EXPECT_EQ(store.keys(kScope).size(), 3u);
        EXPECT_EQ(store.scopes(), std::vector<std::string>{kScope});
        ASSERT_TRUE(store.removeScope(kScope));
    }
    SecretStore store = openStore(folder);
    EXPECT_TRUE(store.keys(kScope).empty());
    EXPECT_TRUE(store.scopes().empty());
}

TEST(SecretStore, EmptyAndUnusualValuesRoundTrip)
{
    TempDir temp;
    const std::string unusual = "line 1\nline \"2\"\t\\ \xc3\xa9\xe2\x82\xac {#token#} \x01";
    {
        SecretStore store = openStore(temp.path());
        ASSERT_TRUE(store.set(kScope, "namedValue/empty", ""));
        ASSERT_TRUE(store.set(kScope, "namedValue/unusual", unusual));
        ASSERT_TRUE(store.set(kScope, "namedValue/long", std::string(100000, 'x')));
    }
    SecretStore store = openStore(temp.path());
    EXPECT_EQ(store.get(kScope, "namedValue/empty"), "");
    EXPECT_EQ(store.get(kScope, "namedValue/unusual"), unusual);
    EXPECT_EQ(store.get(kScope, "namedValue/long"), std::string(100000, 'x'));
}

TEST(SecretStore, RejectsEmptyNamesAndInvalidUtf8WithoutChangingAnything)
{
    TempDir temp;
    SecretStore store = openStore(temp.path());
    ASSERT_TRUE(store.set(kScope, "namedValue/a", "1"));
    EXPECT_FALSE(store.set("", "namedValue/a", "x"));
    EXPECT_FALSE(store.set(kScope, "", "x"));
    auto invalid = store.set(kScope, "namedValue/b", "\xff\xfe");
    ASSERT_FALSE(invalid);
    EXPECT_TRUE(contains(invalid.error().message, "UTF-8")) << invalid.error().message;
    EXPECT_EQ(store.get(kScope, "namedValue/b"), std::nullopt);
    EXPECT_EQ(store.keys(kScope), std::vector<std::string>{"namedValue/a"});
    SecretStore reopened = openStore(temp.path());
    EXPECT_EQ(reopened.keys(kScope), std::vector<std::string>{"namedValue/a"});
}

TEST(SecretStore, ScopesAreIsolated)
{
    TempDir temp;
    SecretStore store = openStore(temp.path());
    ASSERT_TRUE(store.set(kScope, "namedValue/shared-name", "contoso-value"));
    ASSERT_TRUE(store.set(kOtherScope, "namedValue/shared-name", "fabrikam-value"));
    ASSERT_TRUE(store.set(kOtherScope, "token/only-fabrikam", "f"));
    EXPECT_EQ(store.get(kScope, "namedValue/shared-name"), "contoso-value");
    EXPECT_EQ(store.get(kOtherScope, "namedValue/shared-name"), "fabrikam-value");
    EXPECT_EQ(store.get(kScope, "token/only-fabrikam"), std::nullopt);
    EXPECT_EQ(store.keys(kScope), std::vector<std::string>{"namedValue/shared-name"});
    EXPECT_EQ(store.keys("/somewhere/else"), std::vector<std::string>{});

    ASSERT_TRUE(store.remove(kScope, "namedValue/shared-name"));
    EXPECT_EQ(store.get(kOtherScope, "namedValue/shared-name"), "fabrikam-value");
    ASSERT_TRUE(store.removeScope(kOtherScope));
    EXPECT_TRUE(store.scopes().empty());
}

TEST(SecretStore, FilesArePrivateAndHoldNoPlaintext)
{
    TempDir temp;
    fs::path folder = temp.path() / "nested" / "gatehouse";
    const std::string secret = "TopSecretValue-1234567890";
    const std::string name = "namedValue/DistinctiveSecretName";
    {
        SecretStore store = openStore(folder);
        ASSERT_TRUE(store.set(kScope, name, secret));
        EXPECT_EQ(store.folder(), fs::canonical(folder));
        EXPECT_EQ(store.filePath(), fs::canonical(folder) / "secrets.bin");
    }
    EXPECT_EQ(modeOf(folder), 0700u);
    EXPECT_EQ(modeOf(folder / "secrets.bin"), 0600u);
    EXPECT_EQ(modeOf(folder / "secrets.key"), 0600u);
    EXPECT_EQ(fs::file_size(folder / "secrets.key"), 32u);

    std::string cipher = readAll(folder / "secrets.bin");
    EXPECT_EQ(cipher.substr(0, 8), "GHSECRET");
    EXPECT_FALSE(contains(cipher, secret));
    EXPECT_FALSE(contains(cipher, "TopSecret"));
    EXPECT_FALSE(contains(cipher, "DistinctiveSecretName"));
    EXPECT_FALSE(contains(cipher, "namedValue"));
    EXPECT_FALSE(contains(cipher, "contoso"));
    EXPECT_FALSE(contains(cipher, "apimartifacts"));

    // No temporary files are left behind.
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(folder)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"secrets.bin", "secrets.key"}));
}

TEST(SecretStore, EveryWriteUsesAFreshNonce)
{
    TempDir temp;
    SecretStore store = openStore(temp.path());
    ASSERT_TRUE(store.set(kScope, "namedValue/a", "1"));
    std::string first = readAll(temp.path() / "secrets.bin");
    ASSERT_TRUE(store.set(kScope, "namedValue/a", "2"));
    ASSERT_TRUE(store.set(kScope, "namedValue/a", "1"));
    std::string second = readAll(temp.path() / "secrets.bin");
    ASSERT_EQ(first.size(), second.size());
    EXPECT_NE(first.substr(12, 12), second.substr(12, 12)); // the nonce
    EXPECT_NE(first.substr(24), second.substr(24));
}

TEST(SecretStore, TamperingAnyByteIsDetected)
{
    TempDir temp;
    {
        SecretStore store = openStore(temp.path());
        ASSERT_TRUE(store.set(kScope, "namedValue/a", "value-a"));
    }
    const fs::path file = temp.path() / "secrets.bin";
    const std::string original = readAll(file);
    ASSERT_GT(original.size(), 40u);
    // Magic, version, key source, reserved, nonce, ciphertext start and end, tag.
    std::vector<std::size_t> positions = {0,
                                          7,
                                          8,
                                          9,
                                          10,
                                          11,
                                          12,
                                          23,
                                          24,
                                          25,
                                          original.size() / 2,
                                          original.size() - 17,
                                          original.size() - 16,
                                          original.size() - 1};
    for (std::size_t position : positions) {
        std::string tampered = original;
        tampered[position] = static_cast<char>(tampered[position] ^ 0x01);
        writeAll(file, tampered);
        auto store = SecretStore::open(temp.path(), fileOnly());
        ASSERT_FALSE(store) << "byte " << position;
        EXPECT_FALSE(store.error().message.empty());
        EXPECT_TRUE(contains(store.error().message, "secrets.bin")) << store.error().message;
    }
    // A change in the ciphertext or the tag is reported as a file that cannot be decrypted.
    std::string tampered = original;
    tampered[original.size() / 2] ^= 0x40;
    writeAll(file, tampered);
    auto store = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(store);
    EXPECT_TRUE(contains(store.error().message, "cannot be decrypted")) << store.error().message;

    writeAll(file, original);
    EXPECT_TRUE(SecretStore::open(temp.path(), fileOnly()));
}

TEST(SecretStore, TamperingWhileOpenIsReportedBySetAndReload)
{
    TempDir temp;
    SecretStore store = openStore(temp.path());
    ASSERT_TRUE(store.set(kScope, "namedValue/a", "value-a"));
    const fs::path file = temp.path() / "secrets.bin";
    std::string tampered = readAll(file);
    tampered[tampered.size() - 3] ^= 0x10;
    writeAll(file, tampered);

    // get() keeps answering from the last good contents...
    EXPECT_EQ(store.get(kScope, "namedValue/a"), "value-a");
    // ...while writes and reload() refuse the damaged file (and do not overwrite it).
    auto set = store.set(kScope, "namedValue/b", "value-b");
    ASSERT_FALSE(set);
    EXPECT_TRUE(contains(set.error().message, "cannot be decrypted")) << set.error().message;
    auto reload = store.reload();
    ASSERT_FALSE(reload);
    EXPECT_TRUE(contains(reload.error().message, "cannot be decrypted")) << reload.error().message;
    EXPECT_EQ(readAll(file), tampered);
}

TEST(SecretStore, TruncatedOrForeignFilesAreRefused)
{
    TempDir temp;
    {
        SecretStore store = openStore(temp.path());
        ASSERT_TRUE(store.set(kScope, "namedValue/a", "value-a"));
    }
    const fs::path file = temp.path() / "secrets.bin";
    const std::string original = readAll(file);
    for (std::size_t length : {std::size_t(0), std::size_t(5), std::size_t(8), std::size_t(23), std::size_t(39),
                               std::size_t(40), original.size() / 2, original.size() - 1}) {
        writeAll(file, original.substr(0, length));
        auto store = SecretStore::open(temp.path(), fileOnly());
        ASSERT_FALSE(store) << "length " << length;
        EXPECT_TRUE(contains(store.error().message, "secrets.bin")) << store.error().message;
    }
    writeAll(file, "{\"not\": \"a secret store\"}");
    auto foreign = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(foreign);
    EXPECT_TRUE(contains(foreign.error().message, "not a Gatehouse secret store")) << foreign.error().message;

    std::string future = original;
    future[8] = 9;
    writeAll(file, future);
    auto newer = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(newer);
    EXPECT_TRUE(contains(newer.error().message, "format version 9")) << newer.error().message;
}

TEST(SecretStore, WrongKeyFileIsRefused)
{
    TempDir temp;
    {
        SecretStore store = openStore(temp.path());
        ASSERT_TRUE(store.set(kScope, "namedValue/a", "value-a"));
    }
    const fs::path keyFile = temp.path() / "secrets.key";
    std::string key = readAll(keyFile);
    key[0] = static_cast<char>(key[0] ^ 0x80);
    writeAll(keyFile, key);
    auto store = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(store);
    EXPECT_TRUE(contains(store.error().message, "cannot be decrypted")) << store.error().message;
    EXPECT_TRUE(contains(store.error().message, "secrets.key")) << store.error().message;

    writeAll(keyFile, "short");
    auto shortKey = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(shortKey);
    EXPECT_TRUE(contains(shortKey.error().message, "not a secret store key")) << shortKey.error().message;

    fs::remove(keyFile);
    auto missing = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(missing);
    EXPECT_TRUE(contains(missing.error().message, "missing")) << missing.error().message;
    // Refusing did not replace the key or the secrets.
    EXPECT_FALSE(fs::exists(keyFile));
}

TEST(SecretStore, FilesOpenToOtherUsersAreRefused)
{
    TempDir temp;
    {
        SecretStore store = openStore(temp.path());
        ASSERT_TRUE(store.set(kScope, "namedValue/a", "value-a"));
    }
    const fs::path keyFile = temp.path() / "secrets.key";
    const fs::path dataFile = temp.path() / "secrets.bin";

    ASSERT_EQ(::chmod(keyFile.c_str(), 0640), 0);
    auto groupReadable = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(groupReadable);
    EXPECT_TRUE(contains(groupReadable.error().message, "secrets.key")) << groupReadable.error().message;
    EXPECT_TRUE(contains(groupReadable.error().message, "readable by other users")) << groupReadable.error().message;
    EXPECT_TRUE(contains(groupReadable.error().message, "0640")) << groupReadable.error().message;

    ASSERT_EQ(::chmod(keyFile.c_str(), 0604), 0);
    EXPECT_FALSE(SecretStore::open(temp.path(), fileOnly()));
    ASSERT_EQ(::chmod(keyFile.c_str(), 0620), 0);
    EXPECT_FALSE(SecretStore::open(temp.path(), fileOnly()));
    ASSERT_EQ(::chmod(keyFile.c_str(), 0600), 0);
    ASSERT_TRUE(SecretStore::open(temp.path(), fileOnly()));

    ASSERT_EQ(::chmod(dataFile.c_str(), 0644), 0);
    auto worldReadable = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(worldReadable);
    EXPECT_TRUE(contains(worldReadable.error().message, "secrets.bin")) << worldReadable.error().message;
    ASSERT_EQ(::chmod(dataFile.c_str(), 0600), 0);

    // A key file that is a symbolic link is refused too.
    fs::rename(keyFile, temp.path() / "elsewhere.key");
    fs::create_symlink(temp.path() / "elsewhere.key", keyFile);
    auto link = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(link);
    EXPECT_TRUE(contains(link.error().message, "symbolic link")) << link.error().message;
}

TEST(SecretStore, AnExistingKeyFileIsUsedForANewStore)
{
    TempDir temp;
    {
        SecretStore store = openStore(temp.path());
        ASSERT_TRUE(store.set(kScope, "namedValue/a", "value-a"));
    }
    std::string key = readAll(temp.path() / "secrets.key");
    fs::remove(temp.path() / "secrets.bin");
    SecretStore store = openStore(temp.path());
    EXPECT_EQ(store.keySource(), KeySource::KeyFile);
    EXPECT_TRUE(store.keys(kScope).empty());
    EXPECT_EQ(readAll(temp.path() / "secrets.key"), key);
}

TEST(SecretStore, AStoreKeptInTheKeyringIsNotOpenedWithoutIt)
{
    TempDir temp;
    {
        SecretStore store = openStore(temp.path());
        ASSERT_TRUE(store.set(kScope, "namedValue/a", "value-a"));
    }
    // Pretend the header says the key is in the keyring (the header is authenticated, so this could never
    // decrypt; the point is the message when the keyring is not to be used).
    const fs::path file = temp.path() / "secrets.bin";
    std::string content = readAll(file);
    content[9] = 1;
    writeAll(file, content);
    auto store = SecretStore::open(temp.path(), fileOnly());
    ASSERT_FALSE(store);
    EXPECT_TRUE(contains(store.error().message, "OS keyring")) << store.error().message;
}

TEST(SecretStore, ManySetsSurviveAReopen)
{
    TempDir temp;
    constexpr int kCount = 300;
    {
        SecretStore store = openStore(temp.path());
        for (int i = 0; i < kCount; ++i) {
            std::string scope = i % 2 ? kScope : kOtherScope;
            ASSERT_TRUE(store.set(scope, "namedValue/nv-" + std::to_string(i), "value-" + std::to_string(i)));
        }
    }
    SecretStore store = openStore(temp.path());
    EXPECT_EQ(store.keys(kScope).size() + store.keys(kOtherScope).size(), std::size_t(kCount));
    for (int i = 0; i < kCount; ++i) {
        std::string scope = i % 2 ? kScope : kOtherScope;
        EXPECT_EQ(store.get(scope, "namedValue/nv-" + std::to_string(i)), "value-" + std::to_string(i));
    }
}

TEST(SecretStore, TwoStoresOnOneFolderSeeEachOthersChanges)
{
    TempDir temp;
    SecretStore first = openStore(temp.path());
    SecretStore second = openStore(temp.path());
    ASSERT_TRUE(first.set(kScope, "namedValue/from-first", "1"));
    ASSERT_TRUE(second.set(kScope, "namedValue/from-second", "2"));
    EXPECT_EQ(first.get(kScope, "namedValue/from-second"), "2");
    EXPECT_EQ(second.get(kScope, "namedValue/from-first"), "1");
    ASSERT_TRUE(first.remove(kScope, "namedValue/from-second"));
    EXPECT_EQ(second.keys(kScope), std::vector<std::string>{"namedValue/from-first"});
    SecretStore third = openStore(temp.path());
    EXPECT_EQ(third.keys(kScope), std::vector<std::string>{"namedValue/from-first"});
}

TEST(SecretStore, ConcurrentWritersInOneProcessLoseNothing)
{
    TempDir temp;
    SecretStore shared = openStore(temp.path());
    constexpr int kThreads = 4;
    constexpr int kPerThread = 25;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            // Half the threads share one store, the others each open their own.
            std::optional<SecretStore> own;
            if (t % 2) {
                own.emplace(openStore(temp.path()));
            }
            SecretStore &store = own ? *own : shared;
            for (int i = 0; i < kPerThread; ++i) {
                std::string key = "token/t" + std::to_string(t) + "-" + std::to_string(i);
                EXPECT_TRUE(store.set(kScope, key, key + "-value"));
                EXPECT_EQ(store.get(kScope, key), key + "-value");
            }
        });
    }
    for (auto &thread : threads) {
        thread.join();
    }
    SecretStore store = openStore(temp.path());
    EXPECT_EQ(store.keys(kScope).size(), std::size_t(kThreads * kPerThread));
    EXPECT_EQ(shared.keys(kScope).size(), std::size_t(kThreads * kPerThread));
}

TEST(SecretStore, ConcurrentWriterProcessesLoseNothing)
{
    TempDir temp;
    {
        openStore(temp.path());
    }
    constexpr int kChildren = 3;
    constexpr int kPerChild = 20;
    std::vector<pid_t> children;
    for (int c = 0; c < kChildren; ++c) {
        pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            auto store = SecretStore::open(temp.path(), fileOnly());
            int failures = store ? 0 : 1;
            for (int i = 0; store && i < kPerChild; ++i) {
                std::string key = "namedValue/p" + std::to_string(c) + "-" + std::to_string(i);
                failures += store->set(kScope, key, "v") ? 0 : 1;
            }
            ::_exit(failures == 0 ? 0 : 1);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    SecretStore store = openStore(temp.path());
    EXPECT_EQ(store.keys(kScope).size(), std::size_t(kChildren * kPerChild));
}

TEST(SecretStore, MovedStoresKeepWorking)
{
    TempDir temp;
    SecretStore store = openStore(temp.path());
    ASSERT_TRUE(store.set(kScope, "namedValue/a", "1"));
    SecretStore moved = std::move(store);
    EXPECT_EQ(moved.get(kScope, "namedValue/a"), "1");
    SecretStore other = openStore(temp.path() / "other");
    other = std::move(moved);
    ASSERT_TRUE(other.set(kScope, "namedValue/b", "2"));
    EXPECT_EQ(openStore(temp.path()).keys(kScope).size(), 2u);
}

TEST(SecretStore, OpenFailsCleanlyWhereNoFolderCanBeMade)
{
    TempDir temp;
    writeAll(temp.path() / "a-file", "x");
    auto store = SecretStore::open(temp.path() / "a-file", fileOnly());
    ASSERT_FALSE(store);
    EXPECT_TRUE(contains(store.error().message, "a-file")) << store.error().message;
    EXPECT_FALSE(SecretStore::open("", fileOnly()));
}

TEST(SecretStore, DefaultFolderFollowsXdgDataHome)
{
    const char *savedData = std::getenv("XDG_DATA_HOME");
    const char *savedHome = std::getenv("HOME");
    std::optional<std::string> data = savedData ? std::optional<std::string>(savedData) : std::nullopt;
    std::optional<std::string> home = savedHome ? std::optional<std::string>(savedHome) : std::nullopt;

    ::setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
    ::setenv("HOME", "/tmp/some-home", 1);
    EXPECT_EQ(SecretStore::defaultFolder(), fs::path("/tmp/xdg-data/gatehouse"));
    ::setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
    EXPECT_EQ(SecretStore::defaultFolder(), fs::path("/tmp/some-home/.local/share/gatehouse"));
    ::unsetenv("XDG_DATA_HOME");
    EXPECT_EQ(SecretStore::defaultFolder(), fs::path("/tmp/some-home/.local/share/gatehouse"));

    data ? ::setenv("XDG_DATA_HOME", data->c_str(), 1) : ::unsetenv("XDG_DATA_HOME");
    home ? ::setenv("HOME", home->c_str(), 1) : ::unsetenv("HOME");
}

// --- the OS keyring, against a real Secret Service ---
//
// KeyringIntegration.* start this same test program again inside `dbus-run-session`, with HOME and the XDG folders
// in a temporary folder, once with a gnome-keyring-daemon whose login keyring is unlocked and once with no keyring
// set up at all. The DISABLED_KeyringInside.* tests run only in there (GW_SECRETS_KEYRING_INNER says which) and
// leave a marker file when they pass.

namespace {

std::optional<std::string> findProgram(const std::string &name)
{
    const char *path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!dir.empty()) {
            std::string candidate = dir + "/" + name;
            if (::access(candidate.c_str(), X_OK) == 0) {
                return candidate;
            }
        }
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return std::nullopt;
}

std::string innerMode()
{
    const char *mode = std::getenv("GW_SECRETS_KEYRING_INNER");
    return mode ? mode : "";
}

fs::path innerFolder()
{
    return fs::path(std::getenv("GW_SECRETS_KEYRING_FOLDER"));
}

void markPassed(const std::string &name)
{
    if (!::testing::Test::HasFailure()) {
        writeAll(innerFolder() / (name + ".passed"), "ok");
    }
}

// Runs `script` with sh inside dbus-run-session, with $1 this test program; returns the exit status.
int runInSession(const fs::path &home, const std::string &mode, const std::string &script)
{
    std::string self = fs::read_symlink("/proc/self/exe").string();
    pid_t pid = ::fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        fs::create_directories(home / "run");
        ::chmod((home / "run").c_str(), 0700);
        ::setenv("HOME", home.c_str(), 1);
        ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
        ::setenv("XDG_CACHE_HOME", (home / "cache").c_str(), 1);
        ::setenv("XDG_RUNTIME_DIR", (home / "run").c_str(), 1);
        ::setenv("GW_SECRETS_KEYRING_INNER", mode.c_str(), 1);
        ::setenv("GW_SECRETS_KEYRING_FOLDER", home.c_str(), 1);
        ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
        ::unsetenv("DISPLAY");
        ::unsetenv("WAYLAND_DISPLAY");
        ::execlp("dbus-run-session", "dbus-run-session", "--", "sh", "-c", script.c_str(), "sh", self.c_str(),
                 static_cast<char *>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) {
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool haveSessionTools()
{
    return gw::secrets::keyringSupported() && findProgram("dbus-run-session") && findProgram("gnome-keyring-daemon");
}

std::string secretToolLookup(const fs::path &folder)
{
    if (!findProgram("secret-tool")) {
        return "";
    }
    std::string command = "secret-tool lookup xdg:schema io.gatehouse.SecretStore folder '" + folder.string() + "'";
    std::string output;
    if (FILE *pipe = ::popen(command.c_str(), "r")) {
        std::array<char, 256> buffer{};
        while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
            output.append(buffer.data(), n);
        }
        ::pclose(pipe);
    }
    return output;
}

} // namespace

TEST(KeyringIntegration, UnlockedGnomeKeyringHoldsTheKey)
{
    if (!haveSessionTools()) {
        GTEST_SKIP() << "needs libsecret, dbus-run-session and gnome-keyring-daemon";
    }
    TempDir temp;
    int status = runInSession(temp.path(), "unlocked",
                              "printf %s test-password | gnome-keyring-daemon --unlock --components=secrets "
                              ">/dev/null 2>&1; exec \"$1\" --gtest_also_run_disabled_tests "
                              "--gtest_filter=DISABLED_KeyringInside.KeyTravelsThroughTheKeyring");
    EXPECT_EQ(status, 0);
    EXPECT_TRUE(fs::exists(temp.path() / "KeyTravelsThroughTheKeyring.passed"));
}

TEST(KeyringIntegration, SessionWithoutAKeyringFallsBackToAKeyFile)
{
    if (!haveSessionTools()) {
        GTEST_SKIP() << "needs libsecret, dbus-run-session and gnome-keyring-daemon";
    }
    TempDir temp;
    int status = runInSession(temp.path(), "nokeyring",
                              "exec \"$1\" --gtest_also_run_disabled_tests "
                              "--gtest_filter=DISABLED_KeyringInside.FallsBackToAKeyFile");
    EXPECT_EQ(status, 0);
    EXPECT_TRUE(fs::exists(temp.path() / "FallsBackToAKeyFile.passed"));
}

TEST(KeyringIntegration, NoSessionBusMeansAKeyFileAtOnce)
{
    // With no session bus at all the keyring is not even tried (and nothing waits for it).
    const char *saved = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    std::optional<std::string> address = saved ? std::optional<std::string>(saved) : std::nullopt;
    const char *savedRuntime = std::getenv("XDG_RUNTIME_DIR");
    std::optional<std::string> runtime = savedRuntime ? std::optional<std::string>(savedRuntime) : std::nullopt;
    ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
    ::unsetenv("XDG_RUNTIME_DIR");
    TempDir temp;
    auto started = std::chrono::steady_clock::now();
    auto store = SecretStore::open(temp.path());
    auto elapsed = std::chrono::steady_clock::now() - started;
    address ? ::setenv("DBUS_SESSION_BUS_ADDRESS", address->c_str(), 1) : ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
    runtime ? ::setenv("XDG_RUNTIME_DIR", runtime->c_str(), 1) : ::unsetenv("XDG_RUNTIME_DIR");
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ(store->keySource(), KeySource::KeyFile);
    EXPECT_TRUE(fs::exists(temp.path() / "secrets.key"));
    EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(DISABLED_KeyringInside, KeyTravelsThroughTheKeyring)
{
    if (innerMode() != "unlocked") {
        GTEST_SKIP() << "runs inside KeyringIntegration.UnlockedGnomeKeyringHoldsTheKey";
    }
    fs::path folder = innerFolder() / "data" / "gatehouse";
    {
        auto store = SecretStore::open(folder);
        ASSERT_TRUE(store) << store.error().message;
        EXPECT_EQ(store->keySource(), KeySource::Keyring);
        ASSERT_TRUE(store->set(kScope, "namedValue/a", "kept-by-the-keyring"));
    }
    EXPECT_TRUE(fs::exists(folder / "secrets.bin"));
    EXPECT_FALSE(fs::exists(folder / "secrets.key"));
    EXPECT_FALSE(contains(readAll(folder / "secrets.bin"), "kept-by-the-keyring"));
    if (findProgram("secret-tool")) {
        std::string stored = secretToolLookup(fs::canonical(folder));
        EXPECT_EQ(stored.size(), 44u) << stored; // 32 bytes in base64
    }
    {
        auto store = SecretStore::open(folder);
        ASSERT_TRUE(store) << store.error().message;
        EXPECT_EQ(store->keySource(), KeySource::Keyring);
        EXPECT_EQ(store->get(kScope, "namedValue/a"), "kept-by-the-keyring");
    }
    // Told not to use the keyring, the store says why it cannot open.
    auto withoutKeyring = SecretStore::open(folder, fileOnly());
    ASSERT_FALSE(withoutKeyring);
    EXPECT_TRUE(contains(withoutKeyring.error().message, "OS keyring")) << withoutKeyring.error().message;

    // A store that already has a key file keeps using it even with a keyring about.
    fs::path fileStore = innerFolder() / "file-store";
    {
        SecretStore store = openStore(fileStore);
        ASSERT_TRUE(store.set(kScope, "namedValue/b", "in-a-file-store"));
    }
    {
        auto store = SecretStore::open(fileStore);
        ASSERT_TRUE(store) << store.error().message;
        EXPECT_EQ(store->keySource(), KeySource::KeyFile);
        EXPECT_EQ(store->get(kScope, "namedValue/b"), "in-a-file-store");
    }

    // When the keyring loses the key, the store cannot be decrypted and says so.
    if (findProgram("secret-tool")) {
        std::string command =
            "secret-tool clear xdg:schema io.gatehouse.SecretStore folder '" + fs::canonical(folder).string() + "'";
        ASSERT_EQ(std::system(command.c_str()), 0);
        auto lost = SecretStore::open(folder);
        ASSERT_FALSE(lost);
        EXPECT_TRUE(contains(lost.error().message, "has no key")) << lost.error().message;
    }
    markPassed("KeyTravelsThroughTheKeyring");
}

TEST(DISABLED_KeyringInside, FallsBackToAKeyFile)
{
    if (innerMode() != "nokeyring") {
        GTEST_SKIP() << "runs inside KeyringIntegration.SessionWithoutAKeyringFallsBackToAKeyFile";
    }
    // A session bus where the Secret Service can be started but has no usable (unlocked) default collection, and
    // no display for an unlock prompt.
    fs::path folder = innerFolder() / "data" / "gatehouse";
    auto started = std::chrono::steady_clock::now();
    auto store = SecretStore::open(folder, OpenOptions{.keyringTimeout = std::chrono::seconds(10)});
    auto elapsed = std::chrono::steady_clock::now() - started;
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ(store->keySource(), KeySource::KeyFile);
    EXPECT_TRUE(fs::exists(folder / "secrets.key"));
    EXPECT_LT(elapsed, std::chrono::seconds(12));
    ASSERT_TRUE(store->set(kScope, "namedValue/a", "in-a-key-file-store"));
    auto reopened = SecretStore::open(folder);
    ASSERT_TRUE(reopened) << reopened.error().message;
    EXPECT_EQ(reopened->get(kScope, "namedValue/a"), "in-a-key-file-store");
    markPassed("FallsBackToAKeyFile");
}
