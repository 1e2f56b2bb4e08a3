#pragma once

#include <ui/workspace/policy_target.h>

#include <policy/scopes.h>

#include <QWidget>

#include <array>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace gh::policies {

class FlowLaneWidget;
class PolicyFlowForm;
class PolicyFlowModel;

// A policy document drawn as its pipeline: four lanes (inbound, backend, outbound, on error) with a card per
// policy, <base /> as the point where the broader scopes come in. A card opens its settings as a form beside the
// lanes; the palette adds policies valid in a section; cards are reordered by dragging or with Alt+Up/Down and
// removed with Delete. Every change is an edit of the XML text through PolicyFlowModel, so undo covers the flow
// and the text editor alike.
class PolicyFlowView : public QWidget {
    Q_OBJECT
public:
    PolicyFlowView(workspace::WorkspaceDocument &document, workspace::PolicyTarget target, QWidget *parent = nullptr);
    ~PolicyFlowView() override;

    PolicyFlowModel &model() const { return *m_model; }
    PolicyFlowForm *form() const { return m_form; }
    // The card widget of a policy (null when there is none) and the card whose form is shown.
    QWidget *card(gw::policy::Section section, int index) const;
    void selectCard(gw::policy::Section section, int index);
    // Moves a card (as a drag does) and keeps it selected; false when nothing moved.
    bool moveCard(gw::policy::Section section, int from, int to);
    void deleteCard(gw::policy::Section section, int index);
    // Shows the palette, set to add to `section`.
    void showPalette(gw::policy::Section section);

signals:
    void openSource(const gh::workspace::PolicyTarget &target, int line, int column);

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class FlowCardWidget;
    friend class FlowLaneWidget;

    void rebuild();
    void fillPalette();
    void addFromPalette();
    void focusCard(gw::policy::Section section, int index);
    gw::policy::Scope scope() const;

    PolicyFlowModel *m_model = nullptr;
    std::array<FlowLaneWidget *, 4> m_lanes{};
    QStackedWidget *m_pages = nullptr; // the lanes, or a message when there is nothing to draw
    QLabel *m_message = nullptr;
    QPushButton *m_createButton = nullptr;
    QLabel *m_title = nullptr;
    QTabWidget *m_side = nullptr;
    PolicyFlowForm *m_form = nullptr;
    QComboBox *m_paletteSection = nullptr;
    QLineEdit *m_paletteFilter = nullptr;
    QListWidget *m_paletteList = nullptr;
    QPushButton *m_paletteAdd = nullptr;
    gw::policy::Section m_selectedSection = gw::policy::Section::Inbound;
    int m_selectedIndex = -1;
    bool m_focusAfterRebuild = false;
    bool m_rebuilding = false; // cards come and go: focus moving between them selects nothing
};

} // namespace gh::policies
