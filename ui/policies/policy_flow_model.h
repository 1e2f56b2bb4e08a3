#pragma once

#include <ui/workspace/policy_target.h>

#include <common/diagnostic.h>
#include <policy/document.h>
#include <policy/scopes.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace gh::policies {

// One policy statement of a section, as the flow shows it.
struct FlowCard {
    std::string name;    // the element: "rate-limit"; "base" for <base/>
    QString summary;     // its key settings in one line: "calls 5 · renewal-period 60"
    bool isBase = false; // where the broader scopes' policies run
    bool known = true;   // the catalogue describes it
    int line = 0;        // where it starts in the file
    int column = 0;
};

// A section of the document: inbound, backend, outbound or on-error.
struct FlowLane {
    gw::policy::Section section = gw::policy::Section::Inbound;
    bool present = false; // the document has the section element
    std::vector<FlowCard> cards;
};

// The policy document of one PolicyTarget as lanes of cards, and every change the flow makes to it. Reads the text
// through policyText() and writes it through setPolicyText(), one undo step per change, each a text edit that
// leaves every other byte alone (policy_text_edits.h). Follows the document: undo, redo and edits made elsewhere
// (the text editor) come back as changed().
class PolicyFlowModel : public QObject {
    Q_OBJECT
public:
    PolicyFlowModel(workspace::WorkspaceDocument &document, workspace::PolicyTarget target, QObject *parent = nullptr);

    const workspace::PolicyTarget &target() const { return m_target; }
    workspace::WorkspaceDocument &workspaceDocument() const { return m_document; }

    // The entity exists and has a policy document.
    bool hasPolicy() const { return m_text.has_value(); }
    // The text parsed as a <policies> document (the lanes are empty otherwise; problems() says why).
    bool isValid() const { return m_parsed.has_value() && m_parsed->root().name == "policies"; }
    const gw::Diagnostics &problems() const { return m_problems; }
    const gw::policy::Document *parsed() const { return m_parsed ? &*m_parsed : nullptr; }

    const FlowLane &lane(gw::policy::Section section) const { return m_lanes[static_cast<std::size_t>(section)]; }
    // The element behind a card; null when there is none.
    const gw::policy::Element *element(gw::policy::Section section, int index) const;

    // The policies a user may add to a section (the catalogue's, by name), with their one-line help.
    struct PaletteEntry {
        QString name;
        QString help;
        bool runsHere = true; // false: APIM has it, this gateway skips it
    };
    static std::vector<PaletteEntry> palette(gw::policy::Section section);

    // What the broader scopes bring in at <base/> for this document (no product context at operation scope):
    // "global: include-fragment · api: choose". Empty at global scope.
    QString inheritedSummary(gw::policy::Section section) const;

    // Changes; each is one undo step and returns false when it changed nothing.
    bool move(gw::policy::Section section, int from, int to);
    bool remove(gw::policy::Section section, int index);
    bool setAttribute(gw::policy::Section section, int index, const std::string &name, const std::string &value);
    bool setText(gw::policy::Section section, int index, const std::string &text);
    // Adds a new `policyName` element at `index` (-1: the end) and returns its index, -1 when nothing was added.
    int add(gw::policy::Section section, int index, const std::string &policyName);

    // Reads the document again (done on every change of its entity).
    void reload();

    static QString sectionTitle(gw::policy::Section section);
    static constexpr std::array<gw::policy::Section, 4> sections{
        gw::policy::Section::Inbound, gw::policy::Section::Backend, gw::policy::Section::Outbound,
        gw::policy::Section::OnError};

signals:
    void changed();

private:
    const gw::policy::Element *sectionElement(gw::policy::Section section) const;
    bool apply(std::string text, const QString &undoText);

    workspace::WorkspaceDocument &m_document;
    workspace::PolicyTarget m_target;
    std::optional<std::string> m_text;
    std::optional<gw::policy::Document> m_parsed;
    gw::Diagnostics m_problems;
    std::array<FlowLane, 4> m_lanes;
    bool m_loaded = false;
    QString m_inherited; // the broader scopes' steps when last read
};

// A card's one-line summary: the attributes that say what it does, literal values shortened.
QString summarize(const gw::policy::Document &document, const gw::policy::Element &element);

} // namespace gh::policies
