#pragma once

#include "entity_editor.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace gh::entities {

// A subscription: its name, what it opens (a product, one API or all APIs),
// its state (Suspend / Activate / Cancel as in APIM), tracing, and its two
// keys. Keys written in the subscription's file (the sample's demo keys) are
// edited there; otherwise they are local to this computer, in the per-user
// secret store where the embedded gateway reads them, and never reach the folder.
class SubscriptionEditor : public EntityEditor {
    Q_OBJECT
public:
    SubscriptionEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent = nullptr);

    // A new random key: 32 hexadecimal digits from the system's cryptographic generator, like APIM's.
    static QString generateKey();

protected:
    void refresh() override;
    bool exists() const override;

private:
    struct KeyRow {
        QString which; // "primaryKey" | "secondaryKey"
        QLineEdit *field = nullptr;
        QToolButton *show = nullptr;
        QPushButton *copy = nullptr;
        QPushButton *regenerate = nullptr;
    };
    void addKeyRow(QFormLayout *form, KeyRow &row, const QString &label, const QString &objectPrefix);
    std::optional<QString> currentKey(const QString &which) const;
    bool keysInFile() const;
    void regenerate(const QString &which);
    void setState(const char *state, const QString &text);

    QLineEdit *m_displayName = nullptr;
    QComboBox *m_scope = nullptr;
    QLabel *m_stateLabel = nullptr;
    QPushButton *m_activate = nullptr;
    QPushButton *m_suspend = nullptr;
    QPushButton *m_cancel = nullptr;
    QCheckBox *m_allowTracing = nullptr;
    QLabel *m_owner = nullptr;
    KeyRow m_primary;
    KeyRow m_secondary;
    QLabel *m_keysNote = nullptr;
    QLabel *m_keysMessage = nullptr;
};

} // namespace gh::entities
