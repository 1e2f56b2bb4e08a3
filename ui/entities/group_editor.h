#pragma once

#include "entity_editor.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gh::entities {

// A group of developers: names, description, type (custom, or external with
// the directory group's id), and the products that grant it visibility.
class GroupEditor : public EntityEditor {
    Q_OBJECT
public:
    GroupEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent = nullptr);

protected:
    void refresh() override;
    bool exists() const override;

private:
    QLineEdit *m_displayName = nullptr;
    QLabel *m_displayNameMessage = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_externalId = nullptr;
    QLabel *m_externalIdMessage = nullptr;
    QLabel *m_products = nullptr;
};

} // namespace gh::entities
