#include "workspace_document.h"

#include <store/workspace_store.h>

#include <QDir>
#include <QFileInfo>
#include <QSet>

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

// One undo step that swaps the whole model (a recovered copy, a reload that keeps edits).
class ModelCommand : public QUndoCommand {
public:
    ModelCommand(WorkspaceDocument &document, const QString &text, gw::model::Workspace after)
        : QUndoCommand(text), m_document(document), m_before(document.m_model), m_after(std::move(after))
    {
    }
    void redo() override { set(m_after, m_before); }
    void undo() override { set(m_before, m_after); }

private:
    template<class T>
    void announce(const gw::model::Workspace &a, const gw::model::Workspace &b)
    {
        QSet<QString> names;
        for (const auto *workspace : {&a, &b})
            for (const T &entity : collectionOf<T>(*workspace))
                names.insert(QString::fromStdString(entity.name));
        for (const QString &name : names)
            emit m_document.entityChanged(kindOf<T>(), name, name);
    }
    void set(const gw::model::Workspace &to, const gw::model::Workspace &from)
    {
        m_document.m_model = to;
        announce<gw::model::Api>(to, from);
        announce<gw::model::VersionSet>(to, from);
        announce<gw::model::Product>(to, from);
        announce<gw::model::Group>(to, from);
        announce<gw::model::Subscription>(to, from);
        announce<gw::model::NamedValue>(to, from);
        announce<gw::model::Backend>(to, from);
        announce<gw::model::PolicyFragment>(to, from);
        emit m_document.entityChanged(EntityKind::ServicePolicy, {}, {});
        emit m_document.modelChanged();
    }

    WorkspaceDocument &m_document;
    gw::model::Workspace m_before;
    gw::model::Workspace m_after;
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
    emit aboutToSave();
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

bool WorkspaceDocument::saveCopyTo(const QString &folder) const
{
    if (!m_loaded)
        return false;
    return gw::store::saveWorkspaceAs(*m_loaded, m_model, folder.toStdString()).ok();
}

bool WorkspaceDocument::replaceModelFrom(const QString &folder, const QString &text)
{
    if (!m_loaded)
        return false;
    auto copy = gw::store::readWorkspace(folder.toStdString());
    if (copy.root.empty())
        return false;
    replaceModel(text, std::move(copy.workspace));
    return true;
}

void WorkspaceDocument::replaceModel(const QString &text, gw::model::Workspace model)
{
    m_undoStack.push(new ModelCommand(*this, text, std::move(model)));
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
