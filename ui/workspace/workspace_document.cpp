#include "workspace_document.h"

#include <store/workspace_store.h>

#include <QDir>
#include <QFileInfo>

namespace gh::workspace {

// One undo step that swaps the service (global) policy.
class ServicePolicyCommand : public QUndoCommand {
public:
    ServicePolicyCommand(WorkspaceDocument &document, const QString &text, std::optional<gw::model::PolicyText> after,
                         QString mergeKey)
        : QUndoCommand(text), m_document(document), m_before(document.m_model.policy), m_after(std::move(after)),
          m_mergeKey(std::move(mergeKey))
    {
    }
    void redo() override { set(m_after); }
    void undo() override { set(m_before); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 2; }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *next = dynamic_cast<const ServicePolicyCommand *>(other);
        if (!next || next->m_mergeKey != m_mergeKey)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    void set(const std::optional<gw::model::PolicyText> &policy)
    {
        m_document.m_model.policy = policy;
        m_document.notifyChanged(EntityKind::ServicePolicy, {}, {});
    }

    WorkspaceDocument &m_document;
    std::optional<gw::model::PolicyText> m_before;
    std::optional<gw::model::PolicyText> m_after;
    QString m_mergeKey;
};

WorkspaceDocument::WorkspaceDocument(QObject *parent) : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

WorkspaceDocument::~WorkspaceDocument() = default;

bool WorkspaceDocument::open(const QString &folder)
{
    auto loaded = std::make_unique<gw::store::LoadedWorkspace>(
        gw::store::readWorkspace(QDir(folder).absolutePath().toStdString()));
    if (loaded->root.empty()) {
        m_diagnostics = std::move(loaded->diagnostics);
        return false;
    }
    m_folder = QDir(folder).absolutePath();
    m_root = QString::fromStdString(loaded->root.string());
    m_model = loaded->workspace;
    m_diagnostics = loaded->diagnostics;
    m_loaded = std::move(loaded);
    m_saveProblems.clear();
    m_undoStack.clear();
    emit workspaceOpened();
    emit modelChanged();
    return true;
}

void WorkspaceDocument::close()
{
    m_folder.clear();
    m_root.clear();
    m_loaded.reset();
    m_model = {};
    m_diagnostics.clear();
    m_saveProblems.clear();
    m_undoStack.clear();
    emit workspaceClosed();
}

QString WorkspaceDocument::displayName() const
{
    return QFileInfo(m_folder).fileName();
}

bool WorkspaceDocument::save()
{
    if (!m_loaded)
        return false;
    auto report = gw::store::saveWorkspace(*m_loaded, m_model);
    m_saveProblems = std::move(report.problems);
    if (!m_saveProblems.empty())
        return false;
    m_undoStack.setClean();
    emit saved();
    return true;
}

bool WorkspaceDocument::revert()
{
    if (m_folder.isEmpty())
        return false;
    return open(m_folder);
}

void WorkspaceDocument::setServicePolicy(const QString &text, std::optional<gw::model::PolicyText> policy,
                                         const QString &mergeKey)
{
    m_undoStack.push(new ServicePolicyCommand(*this, text, std::move(policy), mergeKey));
}

void WorkspaceDocument::notifyChanged(EntityKind kind, const std::string &oldName, const std::string &newName)
{
    emit entityChanged(kind, QString::fromStdString(oldName), QString::fromStdString(newName));
    emit modelChanged();
}

} // namespace gh::workspace
