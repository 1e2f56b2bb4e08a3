#include "policy_diagnostics.h"

#include <policy/document.h>
#include <policy/expression_scanner.h>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace gh::policies {

namespace {

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == ':' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

gw::Diagnostics checkPolicyText(const CheckRequest &request)
{
    gw::policy::ParseResult parsed =
        gw::policy::parseDocument(request.text, request.fileName, {.anyRoot = request.anyRoot});
    if (!parsed.document)
        return std::move(parsed.diagnostics);
    gw::Diagnostics diagnostics = std::move(parsed.diagnostics);
    gw::Diagnostics checked = gw::policy::checkPolicyDocument(*parsed.document, request.kind, request.references.get());
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(checked.begin()),
                       std::make_move_iterator(checked.end()));
    return diagnostics;
}

std::shared_ptr<const gw::model::Workspace> referenceSnapshot(const gw::model::Workspace &workspace)
{
    auto snapshot = std::make_shared<gw::model::Workspace>();
    snapshot->namedValues = workspace.namedValues;
    snapshot->backends = workspace.backends;
    snapshot->policyFragments = workspace.policyFragments;
    snapshot->loggers = workspace.loggers;
    return snapshot;
}

std::size_t offsetOf(std::string_view text, int line, int column)
{
    std::size_t offset = 0;
    for (int l = 1; l < line; ++l) {
        const std::size_t newline = text.find('\n', offset);
        if (newline == std::string_view::npos)
            return text.size();
        offset = newline + 1;
    }
    std::size_t lineEnd = text.find('\n', offset);
    if (lineEnd == std::string_view::npos)
        lineEnd = text.size();
    return std::min(offset + static_cast<std::size_t>(std::max(column, 1) - 1), lineEnd);
}

CharacterRange diagnosticRange(std::string_view text, int line, int column)
{
    const std::size_t n = text.size();
    if (n == 0)
        return {0, 0};
    std::size_t at = offsetOf(text, line, column);
    if (at >= n || text[at] == '\n' || text[at] == '\r') {
        // At the end of a line: the character before it, so that something shows.
        if (at > 0 && at <= n)
            return {at - 1, at};
        return {0, std::min<std::size_t>(1, n)};
    }
    std::size_t end = at + 1;
    const char c = text[at];
    if (c == '<') {
        end = at + 1;
        if (end < n && (text[end] == '/' || text[end] == '?' || text[end] == '!'))
            ++end;
        while (end < n && isWordChar(text[end]))
            ++end;
    } else if (c == '@' && at + 1 < n && (text[at + 1] == '(' || text[at + 1] == '{')) {
        const auto scan = gw::policy::scanExpression(text, at);
        end = scan.ok() ? scan.end : at + 2;
    } else if (c == '{' && at + 1 < n && text[at + 1] == '{') {
        const std::size_t close = text.find("}}", at + 2);
        const std::size_t newline = text.find('\n', at);
        end = close != std::string_view::npos && close < newline ? close + 2 : at + 2;
    } else if (c == '"' || c == '\'') {
        const std::size_t close = text.find(c, at + 1);
        const std::size_t newline = text.find('\n', at);
        end = close != std::string_view::npos && close < newline ? close + 1 : at + 1;
    } else if (isWordChar(c)) {
        while (end < n && isWordChar(text[end]) && !(text[end] == '.' && c != '.'))
            ++end;
    }
    return {at, std::min(end, n)};
}

PolicyChecker::PolicyChecker(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &PolicyChecker::start);
}

PolicyChecker::~PolicyChecker() = default;

void PolicyChecker::check(CheckRequest request)
{
    m_pending = std::move(request);
    ++m_revision; // whatever is running now describes an older text
    m_timer.start();
}

void PolicyChecker::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        start();
    }
}

void PolicyChecker::start()
{
    const quint64 revision = m_revision;
    auto *watcher = new QFutureWatcher<gw::Diagnostics>(this);
    const QString text = QString::fromStdString(m_pending.text);
    ++m_running;
    connect(watcher, &QFutureWatcher<gw::Diagnostics>::finished, this, [this, watcher, revision, text] {
        --m_running;
        watcher->deleteLater();
        if (revision == m_revision)
            emit checked(text, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([request = m_pending] { return checkPolicyText(request); }));
}

} // namespace gh::policies
