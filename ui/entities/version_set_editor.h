#pragma once

#include "entity_editor.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QStringListModel;

namespace gh::entities {

// A version set: its name and description, how callers pick a version (a
// path segment, a header or a query parameter, with the header's or
// parameter's name), and the APIs that belong to it (read from their
// apiVersionSetId; the set itself lists none).
class VersionSetEditor : public EntityEditor {
    Q_OBJECT
public:
    VersionSetEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent = nullptr);

protected:
    void refresh() override;
    bool exists() const override;

private:
    QLineEdit *m_displayName = nullptr;
    QLabel *m_displayNameMessage = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_scheme = nullptr;
    QLineEdit *m_headerName = nullptr;
    QLineEdit *m_queryName = nullptr;
    QLabel *m_schemeMessage = nullptr;
    QLabel *m_example = nullptr;
    QStringListModel *m_apis = nullptr;
    QListView *m_apiList = nullptr;
    QLabel *m_apisEmpty = nullptr;
};

} // namespace gh::entities
