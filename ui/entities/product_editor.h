#pragma once

#include "entity_editor.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QSpinBox;

namespace gh::entities {

class CheckListModel;

// A product: its names and texts, which APIs it holds (product–API links),
// whether subscribing needs a key and an approval, how many subscriptions a
// user may have, whether it is published, and which groups see it.
class ProductEditor : public EntityEditor {
    Q_OBJECT
public:
    ProductEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent = nullptr);

signals:
    // "Edit Policy…": the shell opens the product's policy document.
    void policyRequested(const QString &product);

protected:
    void refresh() override;
    bool exists() const override;

private:
    void toggleApi(const QString &api, bool checked);
    void toggleGroup(const QString &group, bool checked);

    QLineEdit *m_displayName = nullptr;
    QLabel *m_displayNameMessage = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_state = nullptr;
    QCheckBox *m_subscriptionRequired = nullptr;
    QCheckBox *m_approvalRequired = nullptr;
    QSpinBox *m_subscriptionsLimit = nullptr;
    QPlainTextEdit *m_terms = nullptr;
    CheckListModel *m_apis = nullptr;
    QFormLayout *m_contents = nullptr;
    QListView *m_apiList = nullptr;
    QLabel *m_apisEmpty = nullptr;
    CheckListModel *m_groups = nullptr;
    QListView *m_groupList = nullptr;
};

} // namespace gh::entities
