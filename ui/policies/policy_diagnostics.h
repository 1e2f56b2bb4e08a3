#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>
#include <policy/compiler.h>

#include <QObject>
#include <QTimer>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace gh::policies {

// What the editor checks a policy text against.
struct CheckRequest {
    std::string text;
    std::string fileName; // relative to the artifacts root, as the workspace's diagnostics name it
    gw::policy::DocumentKind kind = gw::policy::DocumentKind::Operation;
    std::shared_ptr<const gw::model::Workspace> references; // named values, backends, fragments; may be null
    bool anyRoot = false;                                   // a snippet whose root is any element, not a whole document
};

// The engine's verdict on one document: its parser, then checkPolicyDocument. Pure; safe on any thread.
gw::Diagnostics checkPolicyText(const CheckRequest &request);

// The part of a workspace a single document's check reads (named values, backends, fragments, loggers), copied so
// that a check on another thread never reads the model the UI thread edits.
std::shared_ptr<const gw::model::Workspace> referenceSnapshot(const gw::model::Workspace &workspace);

// The characters a diagnostic at (line, column) is about, as byte offsets [begin, end) into `text`: the name, the
// quoted value, the expression or the {{named value}} that starts there, else the one character.
struct CharacterRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};
CharacterRange diagnosticRange(std::string_view text, int line, int column);
// Byte offset of a line and column (from 1), clamped to the text.
std::size_t offsetOf(std::string_view text, int line, int column);

// Checks texts off the UI thread: check() restarts a short debounce, then the text is checked on the global thread
// pool; a result that a newer check() made stale is dropped, so checked() always describes the latest text.
class PolicyChecker : public QObject {
    Q_OBJECT
public:
    explicit PolicyChecker(QObject *parent = nullptr);
    ~PolicyChecker() override;

    void setDelay(int ms) { m_timer.setInterval(ms); }
    int delay() const { return m_timer.interval(); }
    void check(CheckRequest request);
    // Starts the check of the pending request now (no debounce).
    void flush();
    bool isBusy() const { return m_timer.isActive() || m_running > 0; }

signals:
    // The diagnostics of `text`, the latest text handed to check().
    void checked(const QString &text, const gw::Diagnostics &diagnostics);

private:
    void start();

    QTimer m_timer;
    CheckRequest m_pending;
    quint64 m_revision = 0;
    int m_running = 0;
};

} // namespace gh::policies
