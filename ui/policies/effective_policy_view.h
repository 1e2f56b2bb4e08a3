#pragma once

#include "effective_policy_model.h"

#include <ui/workspace/policy_target.h>

#include <QWidget>

class QComboBox;
class QLabel;

namespace gh::policies {

class EffectivePolicyTextView;

// The policy an operation (or an API) really runs: global → product → API → operation merged at <base/>, each
// element tinted and tagged with the scope it comes from, in a product context chosen above it. Read-only;
// clicking an element (or Enter on it) asks to open it where it is written. Follows every edit of the workspace.
class EffectivePolicyView : public QWidget {
    Q_OBJECT
public:
    // `operation` empty: the API's own effective policy.
    EffectivePolicyView(workspace::WorkspaceDocument &document, const QString &api, const QString &operation,
                        QWidget *parent = nullptr);

    // The product context: a product's name, or empty for none.
    QString product() const;
    void setProduct(const QString &product);
    const EffectivePolicyText &current() const { return m_current; }

signals:
    void openSource(const gh::workspace::PolicyTarget &target, int line, int column);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void fillProducts();
    void updateLegend();

    workspace::WorkspaceDocument &m_document;
    std::string m_api;
    std::string m_operation;
    EffectivePolicyText m_current;
    QComboBox *m_products = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_problems = nullptr;
    EffectivePolicyTextView *m_text = nullptr;
};

} // namespace gh::policies
