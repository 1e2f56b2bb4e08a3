#pragma once

#include "entity_editor.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace gh::entities {

// A named value: the display name policies refer to as {{name}}, its value,
// whether it is secret, and its tags. A secret value is kept in the per-user
// secret store (where the embedded gateway reads it), shown masked until
// revealed, and never written to the folder: the model's value stays absent.
// A Key Vault reference shows its secret identifier; a local value for runs
// on this computer can be set beside it.
class NamedValueEditor : public EntityEditor {
    Q_OBJECT
public:
    NamedValueEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent = nullptr);
    ~NamedValueEditor() override;

    // APIM's rule for display names: 1–256 of A–Z, a–z, 0–9, '-', '.', '_'. Empty when valid.
    static QString checkDisplayName(const QString &displayName);

protected:
    void refresh() override;
    bool exists() const override;

private:
    bool isSecret() const;
    void editValue(const QString &text);
    // Writes the secret value typed so far to the store (one undo step, merged with the typing before it).
    void commitSecret();
    void setSecret(bool secret);

    QLineEdit *m_displayName = nullptr;
    QLabel *m_displayNameMessage = nullptr;
    QLabel *m_usage = nullptr;
    QCheckBox *m_secret = nullptr;
    QLineEdit *m_value = nullptr;
    QToolButton *m_reveal = nullptr;
    // A secret is written when typing pauses or the field is left, not at every keystroke: each write rewrites
    // the encrypted store.
    QTimer *m_secretTimer = nullptr;
    QLabel *m_valueNote = nullptr;
    QLabel *m_valueMessage = nullptr;
    QLabel *m_keyVaultLabel = nullptr;
    QLineEdit *m_keyVault = nullptr;
    QLineEdit *m_tags = nullptr;
};

} // namespace gh::entities
