#include "keyring.h"

#include <libsecret/secret.h>

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

namespace gw::secrets::keyring {

namespace {

const SecretSchema *schema()
{
    static const SecretSchema kSchema = {
        "io.gatehouse.SecretStore",
        SECRET_SCHEMA_NONE,
        {
            {"folder", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING},
        },
        0,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
    };
    return &kSchema;
}

// A GCancellable that a watchdog thread cancels when the time is up, so that no synchronous GLib call waits longer.
class Deadline {
public:
    explicit Deadline(std::chrono::milliseconds timeout) : m_cancellable(g_cancellable_new())
    {
        m_thread = std::thread([this, timeout] {
            std::unique_lock lock(m_mutex);
            if (!m_condition.wait_for(lock, timeout, [this] { return m_done; })) {
                g_cancellable_cancel(m_cancellable);
            }
        });
    }
    ~Deadline()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_condition.notify_all();
        m_thread.join();
        g_object_unref(m_cancellable);
    }
    Deadline(const Deadline &) = delete;
    Deadline &operator=(const Deadline &) = delete;

    GCancellable *cancellable() const { return m_cancellable; }
    bool expired() const { return g_cancellable_is_cancelled(m_cancellable); }

private:
    GCancellable *m_cancellable;
    std::mutex m_mutex;
    std::condition_variable m_condition;
    bool m_done = false;
    std::thread m_thread;
};

// Takes ownership of a GError and gives its message.
std::string takeMessage(GError *error, const Deadline &deadline, const char *fallback)
{
    std::string message = fallback;
    if (deadline.expired()) {
        message = "the OS keyring did not answer in time";
    } else if (error && error->message) {
        message = error->message;
    }
    if (error) {
        g_error_free(error);
    }
    return message;
}

// Whether a session bus is configured. GLib would otherwise try to autolaunch one (dbus-launch), which is slow and
// pointless without a desktop session.
bool sessionBusConfigured()
{
    const char *address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    if (address && *address) {
        return true;
    }
    const char *runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime && *runtime) {
        std::string socket = std::string(runtime) + "/bus";
        struct stat info {};
        if (::stat(socket.c_str(), &info) == 0 && S_ISSOCK(info.st_mode)) {
            return true;
        }
    }
    return false;
}

// The shared session bus connection (the one libsecret uses too), set not to terminate the process when the bus
// goes away: GLib's default for that connection is to raise SIGTERM then.
class SessionBus {
public:
    explicit SessionBus(const Deadline &deadline)
    {
        if (!sessionBusConfigured()) {
            m_message = "no D-Bus session bus";
            return;
        }
        GError *error = nullptr;
        m_connection = g_bus_get_sync(G_BUS_TYPE_SESSION, deadline.cancellable(), &error);
        if (!m_connection) {
            m_message = takeMessage(error, deadline, "cannot connect to the D-Bus session bus");
            return;
        }
        g_dbus_connection_set_exit_on_close(m_connection, FALSE);
    }
    ~SessionBus()
    {
        if (m_connection) {
            g_object_unref(m_connection);
        }
    }
    SessionBus(const SessionBus &) = delete;
    SessionBus &operator=(const SessionBus &) = delete;

    GDBusConnection *connection() const { return m_connection; }
    const std::string &message() const { return m_message; }

private:
    GDBusConnection *m_connection = nullptr;
    std::string m_message;
};

constexpr const char *kSecretsName = "org.freedesktop.secrets";

bool nameHasOwner(GDBusConnection *bus, const Deadline &deadline, int timeoutMs)
{
    GError *error = nullptr;
    GVariant *reply =
        g_dbus_connection_call_sync(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                    "NameHasOwner", g_variant_new("(s)", kSecretsName), G_VARIANT_TYPE("(b)"),
                                    G_DBUS_CALL_FLAGS_NONE, timeoutMs, deadline.cancellable(), &error);
    if (!reply) {
        g_clear_error(&error);
        return false;
    }
    gboolean owned = FALSE;
    g_variant_get(reply, "(b)", &owned);
    g_variant_unref(reply);
    return owned;
}

bool nameActivatable(GDBusConnection *bus, const Deadline &deadline, int timeoutMs)
{
    GError *error = nullptr;
    GVariant *reply = g_dbus_connection_call_sync(
        bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListActivatableNames", nullptr,
        G_VARIANT_TYPE("(as)"), G_DBUS_CALL_FLAGS_NONE, timeoutMs, deadline.cancellable(), &error);
    if (!reply) {
        g_clear_error(&error);
        return false;
    }
    bool found = false;
    GVariantIter *names = nullptr;
    g_variant_get(reply, "(as)", &names);
    const gchar *name = nullptr;
    while (g_variant_iter_loop(names, "&s", &name)) {
        if (std::strcmp(name, kSecretsName) == 0) {
            found = true;
        }
    }
    g_variant_iter_free(names);
    g_variant_unref(reply);
    return found;
}

} // namespace

bool compiledIn()
{
    return true;
}

bool available(std::chrono::milliseconds timeout)
{
    if (!sessionBusConfigured()) {
        return false;
    }
    auto limit = std::clamp(timeout, std::chrono::milliseconds(1), std::chrono::milliseconds(1000));
    Deadline deadline(limit);
    SessionBus bus(deadline);
    if (!bus.connection()) {
        return false;
    }
    int timeoutMs = static_cast<int>(limit.count());
    return nameHasOwner(bus.connection(), deadline, timeoutMs) ||
           nameActivatable(bus.connection(), deadline, timeoutMs);
}

Lookup lookup(const std::string &folder, std::chrono::milliseconds timeout)
{
    Deadline deadline(timeout);
    SessionBus bus(deadline);
    if (!bus.connection()) {
        return {.status = LookupStatus::Failed, .message = bus.message()};
    }
    GError *error = nullptr;
    gchar *password = secret_password_lookup_nonpageable_sync(schema(), deadline.cancellable(), &error, "folder",
                                                              folder.c_str(), static_cast<const char *>(nullptr));
    if (error) {
        if (password) {
            secret_password_free(password);
        }
        return {.status = LookupStatus::Failed, .message = takeMessage(error, deadline, "keyring lookup failed")};
    }
    if (!password) {
        return {.status = LookupStatus::NotFound};
    }
    Lookup result{.status = LookupStatus::Found};
    result.secret.assign(password);
    secret_password_free(password); // wipes it
    return result;
}

Result<void> store(const std::string &folder, std::string_view secret, std::chrono::milliseconds timeout)
{
    Deadline deadline(timeout);
    SessionBus bus(deadline);
    if (!bus.connection()) {
        return Error{bus.message()};
    }
    std::string password(secret);
    std::string label = "Gatehouse secret store key (" + folder + ")";
    GError *error = nullptr;
    gboolean stored = secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), password.c_str(),
                                                 deadline.cancellable(), &error, "folder", folder.c_str(),
                                                 static_cast<const char *>(nullptr));
    std::fill(password.begin(), password.end(), '\0');
    if (!stored || error) {
        return Error{takeMessage(error, deadline, "the OS keyring refused to store the key")};
    }
    return {};
}

Result<void> clear(const std::string &folder, std::chrono::milliseconds timeout)
{
    Deadline deadline(timeout);
    SessionBus bus(deadline);
    if (!bus.connection()) {
        return Error{bus.message()};
    }
    GError *error = nullptr;
    secret_password_clear_sync(schema(), deadline.cancellable(), &error, "folder", folder.c_str(),
                               static_cast<const char *>(nullptr));
    if (error) {
        return Error{takeMessage(error, deadline, "cannot remove the key from the OS keyring")};
    }
    return {};
}

} // namespace gw::secrets::keyring
