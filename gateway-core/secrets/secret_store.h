#pragma once

#include <common/result.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw::secrets {

// Where the 32-byte key that encrypts secrets.bin is kept.
enum class KeySource {
    Keyring, // the OS keyring (the freedesktop Secret Service: gnome-keyring, KWallet)
    KeyFile, // <folder>/secrets.key, mode 0600
};

const char *toString(KeySource source);

struct OpenOptions {
    // Whether the key may live in the OS keyring. When false (or when no Secret Service is reachable) a new store
    // keeps its key in secrets.key; a store whose key is in the keyring then cannot be opened.
    bool useKeyring = true;
    // The longest one keyring call may take (an unlock prompt counts) before a new store falls back to the key
    // file. Checking whether a Secret Service is there at all takes at most a second.
    std::chrono::milliseconds keyringTimeout{25000};
};

// Secrets of all workspaces of one user, in one encrypted file. `scope` identifies a workspace
// (callers pass the artifacts root's absolute path); `key` names a secret inside it
// ("namedValue/<name>", "subscription/<name>/primaryKey", "token/<name>").
//
// The store lives outside any workspace folder: secrets never go into the artifacts root, which is kept in git.
// On disk, <folder>/secrets.bin holds a versioned header and the JSON object scope -> key -> value encrypted with
// AES-256-GCM under a fresh nonce at every write; the header says where the key is. Both secrets.bin and
// secrets.key are created with mode 0600 (the folder 0700 when created here) and are refused when other users
// could read them. Every write replaces secrets.bin atomically (temporary file, fsync, rename, fsync of the folder).
//
// Threading: one SecretStore may be used from several threads (calls are serialised inside). Several stores open
// on the same folder, in this process or in others, do not lose each other's changes: set() and remove() lock the
// folder (flock), read the file again, apply the one change and write it back. get() and keys() answer from memory,
// read again first when secrets.bin changed on disk; when that read fails they keep answering from the last good
// contents, and set(), remove() and reload() report the error.
class SecretStore {
public:
    // The default folder: $XDG_DATA_HOME/gatehouse, else ~/.local/share/gatehouse.
    static std::filesystem::path defaultFolder();

    // Opens (or creates) <folder>/secrets.bin; the key comes from the OS keyring when a Secret Service is
    // reachable, else from <folder>/secrets.key (created with 0600, 32 random bytes). An existing store keeps the
    // key source it was created with.
    static Result<SecretStore> open(const std::filesystem::path &folder);
    static Result<SecretStore> open(const std::filesystem::path &folder, const OpenOptions &options);

    SecretStore(SecretStore &&other) noexcept;
    SecretStore &operator=(SecretStore &&other) noexcept;
    SecretStore(const SecretStore &) = delete;
    SecretStore &operator=(const SecretStore &) = delete;
    ~SecretStore(); // wipes the secrets and the key held in memory

    std::optional<std::string> get(std::string_view scope, std::string_view key) const;
    // Persists at once. Scope, key and value must be UTF-8; scope and key must not be empty.
    Result<void> set(std::string_view scope, std::string_view key, std::string_view value);
    // Removing a key that is not there succeeds (and does not write).
    Result<void> remove(std::string_view scope, std::string_view key);
    // Removes every secret of a workspace.
    Result<void> removeScope(std::string_view scope);
    // The keys of one scope, sorted.
    std::vector<std::string> keys(std::string_view scope) const;
    // Every scope that holds at least one secret, sorted.
    std::vector<std::string> scopes() const;
    // Reads secrets.bin again; the error says why it cannot be used (changed key, modified file).
    Result<void> reload();

    KeySource keySource() const;
    std::filesystem::path folder() const;
    std::filesystem::path filePath() const; // <folder>/secrets.bin

    struct Impl;

private:
    explicit SecretStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// Whether this build can use the OS keyring at all (libsecret was found when it was configured).
bool keyringSupported();

} // namespace gw::secrets
