#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>

#include <QObject>
#include <QUndoStack>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gw::store {
struct LoadedWorkspace;
}

namespace gh::workspace {

// The kinds of entity an editor can change, one per collection of model::Entities.
enum class EntityKind {
    ServicePolicy,
    Api,
    VersionSet,
    Product,
    Group,
    Subscription,
    NamedValue,
    Backend,
    PolicyFragment
};

// T's collection in a workspace, and its kind.
template<class T>
std::vector<T> &collectionOf(gw::model::Entities &entities);
template<class T>
const std::vector<T> &collectionOf(const gw::model::Entities &entities);
template<class T>
constexpr EntityKind kindOf();

#define GH_ENTITY_COLLECTION(Type, member, kind)                                                                       \
    template<>                                                                                                         \
    inline std::vector<gw::model::Type> &collectionOf<gw::model::Type>(gw::model::Entities & entities)                 \
    {                                                                                                                  \
        return entities.member;                                                                                        \
    }                                                                                                                  \
    template<>                                                                                                         \
    inline const std::vector<gw::model::Type> &collectionOf<gw::model::Type>(const gw::model::Entities &entities)      \
    {                                                                                                                  \
        return entities.member;                                                                                        \
    }                                                                                                                  \
    template<>                                                                                                         \
    constexpr EntityKind kindOf<gw::model::Type>()                                                                     \
    {                                                                                                                  \
        return EntityKind::kind;                                                                                       \
    }
GH_ENTITY_COLLECTION(Api, apis, Api)
GH_ENTITY_COLLECTION(VersionSet, versionSets, VersionSet)
GH_ENTITY_COLLECTION(Product, products, Product)
GH_ENTITY_COLLECTION(Group, groups, Group)
GH_ENTITY_COLLECTION(Subscription, subscriptions, Subscription)
GH_ENTITY_COLLECTION(NamedValue, namedValues, NamedValue)
GH_ENTITY_COLLECTION(Backend, backends, Backend)
GH_ENTITY_COLLECTION(PolicyFragment, policyFragments, PolicyFragment)
#undef GH_ENTITY_COLLECTION

// The open workspace: the model read from an APIOps folder, its problems, and
// the undo stack every edit goes through. Lives on the UI thread.
//
// Editing: an editor never changes the model in place; it builds the entity's
// new value and hands it to putEntity() (or setServicePolicy()), which pushes
// one QUndoCommand holding the value before and after. Undo and redo swap them
// back and emit entityChanged(), so every editor showing that entity refreshes
// from the model, whichever editor made the change. Saving writes only what
// differs from the files as read (store::saveWorkspace) and marks the stack clean.
class WorkspaceDocument : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceDocument(QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    // Reads the folder (an artifacts root or a repository holding one). Returns
    // false when there is no workspace there; problems in single files do not
    // fail the load, they land in diagnostics().
    bool open(const QString &folder);
    void close();

    bool isOpen() const { return !m_root.isEmpty(); }
    QString folder() const { return m_folder; }
    QString root() const { return m_root; } // the artifacts root actually read
    QString displayName() const;
    const gw::model::Workspace &model() const { return m_model; }
    const gw::Diagnostics &diagnostics() const { return m_diagnostics; }
    QUndoStack *undoStack() { return &m_undoStack; }
    bool isModified() const { return !m_undoStack.isClean(); }

    // Writes every changed file. Returns false (and problems() says why) when a
    // file could not be written; the others were.
    bool save();
    // Forgets every edit and reads the folder again.
    bool revert();
    const gw::Diagnostics &saveProblems() const { return m_saveProblems; }

    // Writes the workspace as edited (every file of the root, changed or not) into `folder`, leaving the
    // document's own files and state alone: a recovery copy. Returns false when a file could not be written.
    bool saveCopyTo(const QString &folder) const;
    // Makes the workspace read from `folder` (a copy written by saveCopyTo) the document's unsaved state, in one
    // undo step called `text`; the files stay as they are until save(). Returns false when there is none there.
    bool replaceModelFrom(const QString &folder, const QString &text);
    // Replaces the whole model by `model` in one undo step called `text`: entityChanged() is emitted for every
    // entity of every kind in either model, then modelChanged() once.
    void replaceModel(const QString &text, gw::model::Workspace model);

    // Replaces the entity called `name` with `value`: `value` absent removes it,
    // an unknown `name` adds `value` (at the end, or before `insertBefore`). A
    // rename is a value whose name differs from `name`. One undo step called
    // `text`; consecutive steps with the same non-empty `mergeKey` (typing in one
    // field) become one.
    template<class T>
    void putEntity(const QString &text, const std::string &name, std::optional<T> value, const QString &mergeKey = {},
                   const std::string &insertBefore = {});
    void setServicePolicy(const QString &text, std::optional<gw::model::PolicyText> policy,
                          const QString &mergeKey = {});

    template<class T>
    const T *find(const std::string &name) const
    {
        for (const T &entity : collectionOf<T>(m_model))
            if (entity.name == name)
                return &entity;
        return nullptr;
    }

signals:
    void workspaceOpened();
    void workspaceClosed();
    // After any edit, undo or redo of one entity. `oldName`/`newName` differ on a
    // rename; one of them is empty when the entity was added or removed.
    void entityChanged(gh::workspace::EntityKind kind, const QString &oldName, const QString &newName);
    // After any change of the model (edits, undo, redo, revert); connect slow work to a timer.
    void modelChanged();
    void modifiedChanged(bool modified);
    // At the start of save(), before any file is written: editors that hold typing back (a secret written when
    // typing pauses) commit it now, so what the user typed before saving is part of the save.
    void aboutToSave();
    void saved();

private:
    template<class T>
    friend class EntityCommand;
    friend class ServicePolicyCommand;
    friend class ModelCommand;
    void notifyChanged(EntityKind kind, const std::string &oldName, const std::string &newName);

    QString m_folder;
    QString m_root;
    std::unique_ptr<gw::store::LoadedWorkspace> m_loaded;
    gw::model::Workspace m_model;
    gw::Diagnostics m_diagnostics;
    gw::Diagnostics m_saveProblems;
    QUndoStack m_undoStack;
};

// One undo step that swaps one entity's value.
template<class T>
class EntityCommand : public QUndoCommand {
public:
    EntityCommand(WorkspaceDocument &document, const QString &text, std::string name, std::optional<T> value,
                  QString mergeKey, std::string insertBefore)
        : QUndoCommand(text), m_document(document), m_afterName(value ? value->name : std::string()),
          m_after(std::move(value)), m_mergeKey(std::move(mergeKey))
    {
        auto &entities = collectionOf<T>(m_document.m_model);
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if (entities[i].name == name) {
                m_before = entities[i];
                m_position = i;
            }
            if (!m_before && !insertBefore.empty() && entities[i].name == insertBefore)
                m_position = i;
        }
        if (!m_before && m_position == kEnd)
            m_position = entities.size();
        m_beforeName = m_before ? name : std::string();
    }

    void redo() override { swap(m_beforeName, m_after, m_afterName); }
    void undo() override { swap(m_afterName, m_before, m_beforeName); }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *next = dynamic_cast<const EntityCommand<T> *>(other);
        if (!next || next->m_mergeKey != m_mergeKey || next->m_beforeName != m_afterName)
            return false;
        m_after = next->m_after;
        m_afterName = next->m_afterName;
        return true;
    }

private:
    static constexpr std::size_t kEnd = static_cast<std::size_t>(-1);

    // Replaces the entity called `from` (absent when empty) with `to`.
    void swap(const std::string &from, const std::optional<T> &to, const std::string &toName)
    {
        auto &entities = collectionOf<T>(m_document.m_model);
        auto it = from.empty() ? entities.end() : std::find_if(entities.begin(), entities.end(), [&](const T &entity) {
            return entity.name == from;
        });
        if (it != entities.end()) {
            if (to)
                *it = *to;
            else
                entities.erase(it);
        } else if (to) {
            entities.insert(entities.begin() + static_cast<std::ptrdiff_t>(std::min(m_position, entities.size())), *to);
        }
        m_document.notifyChanged(kindOf<T>(), from, toName);
    }

    WorkspaceDocument &m_document;
    std::string m_beforeName;
    std::optional<T> m_before;
    std::string m_afterName;
    std::optional<T> m_after;
    QString m_mergeKey;
    std::size_t m_position = kEnd;
};

template<class T>
void WorkspaceDocument::putEntity(const QString &text, const std::string &name, std::optional<T> value,
                                  const QString &mergeKey, const std::string &insertBefore)
{
    m_undoStack.push(new EntityCommand<T>(*this, text, name, std::move(value), mergeKey, insertBefore));
}

} // namespace gh::workspace
