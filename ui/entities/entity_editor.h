#pragma once

#include <ui/workspace/workspace_document.h>

#include <QString>
#include <QWidget>

#include <optional>
#include <string>

class QAbstractItemView;
class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QVBoxLayout;

namespace gh::entities {

QString toQString(const std::string &text);
QString toQString(const std::optional<std::string> &text);
// An edited text as an optional: empty text leaves an absent value absent (so saving does not add a key the
// file did not have) and empties a present one.
std::optional<std::string> fromEdit(const QString &text, const std::optional<std::string> &before);
// Sizes a list or table to show `rows` rows (at least `minimumRows`, at most `maximumRows`, then it scrolls), so
// short lists do not leave empty boxes and long ones do not push the form off the screen.
void fitHeight(QAbstractItemView *view, int rows, int minimumRows = 2, int maximumRows = 8);

// What every entity form shares: a scrolling page with a heading, sections
// with form layouts, and the editing contract of WorkspaceDocument. Edits
// build the entity's new value from the model and hand it to putEntity(), so
// every change is one undo step (keystrokes in one field merge into one);
// refresh() reads the model again after any change, whoever made it (undo,
// another editor), and sets only the controls whose value differs, so typing
// keeps its cursor.
class EntityEditor : public QWidget {
    Q_OBJECT
public:
    // `kind` is the document's kind of the entity (renames and removals of it are followed); users, which the
    // document does not hold, pass none. `keyPrefix` starts merge keys: "product".
    EntityEditor(workspace::WorkspaceDocument &document, std::optional<workspace::EntityKind> kind,
                 const QString &keyPrefix, const QString &name, QWidget *parent = nullptr);

    QString entityName() const { return m_name; }
    workspace::WorkspaceDocument &document() const { return m_document; }

protected:
    // Sets every control from the model; called once the form is built and after every change.
    virtual void refresh() = 0;
    // Whether the edited entity (still) exists; when it does not, the form is replaced by a note.
    virtual bool exists() const = 0;

    void setHeading(const QString &title, const QString &subtitle);
    // A titled section holding a form; `description` (optional) is shown above the fields.
    QFormLayout *addSection(const QString &title, const QString &objectName, const QString &description = {});
    QVBoxLayout *body() const { return m_body; }
    // Adds a label under a field for validation messages; hidden while empty.
    QLabel *addMessage(QFormLayout *form, const QString &objectName);
    // Adds a quiet explanatory text under a field, in the field column.
    QLabel *addNote(QFormLayout *form, const QString &objectName, const QString &text = {});
    static void showMessage(QLabel *label, const QString &message);

    // Undo-stack key for typing into `field` of this entity: "product/starter/displayName".
    QString mergeKey(const QString &field) const;
    // Fires refresh() through the guard so programmatic updates do not echo back as edits.
    void reload();
    bool updating() const { return m_updating; }

    // Applies `change` to a copy of the entity and pushes it as one undo step.
    template<class T, class F>
    void edit(const QString &text, const QString &field, F &&change)
    {
        if (m_updating)
            return;
        const T *current = m_document.find<T>(m_name.toStdString());
        if (!current)
            return;
        T value = *current;
        change(value);
        m_document.putEntity<T>(text, current->name, std::optional<T>(std::move(value)),
                                field.isEmpty() ? QString() : mergeKey(field));
    }

    // Control setters that leave a control alone when it already shows the value.
    static void setText(QLineEdit *edit, const QString &text);
    static void setText(QPlainTextEdit *edit, const QString &text);
    static void setChecked(QCheckBox *box, bool checked);

    workspace::WorkspaceDocument &m_document;
    std::optional<workspace::EntityKind> m_kind;
    QString m_keyPrefix;
    QString m_name;

private:
    void alignLabels();
    void onEntityChanged(workspace::EntityKind kind, const QString &oldName, const QString &newName);

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QWidget *m_form = nullptr;
    QLabel *m_missing = nullptr;
    QVBoxLayout *m_body = nullptr;
    bool m_updating = false;
    bool m_aligned = false;
    // Notes and messages span the form's row and are indented to the field column: a word-wrapped label in the
    // field column itself gets too much height from QFormLayout.
    QList<std::pair<QLabel *, QFormLayout *>> m_indented;
};

} // namespace gh::entities
