#pragma once

#include "policy_completion.h"
#include "policy_diagnostics.h"

#include <ui/workspace/policy_target.h>

#include <common/diagnostic.h>

#include <QElapsedTimer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QsciScintilla;

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::policies {

class PolicyLexer;

// The document a policy file of the layout holds ("apis/orders/operations/get/policy.xml" -> the operation's),
// relative to the artifacts root with '/' separators; nullopt when the path is not a policy document's.
std::optional<workspace::PolicyTarget> policyTargetOfFile(const std::string &relativePath);

// The text of one policy document (global, product, API, operation or fragment), edited in place: XML with the
// engine's own colouring of expressions and {{named values}}, completion and help from the policy catalogue and
// the expression bindings, and the engine's diagnostics underlined as you type.
//
// The workspace document holds the text: every change becomes a step of its undo stack (typing bursts merge into
// one), and a change from anywhere else (undo, another view, a reload) shows here at once. The editor keeps no
// undo history of its own.
class PolicyEditor : public QWidget {
    Q_OBJECT
public:
    // Indicators of the text: where diagnostics are underlined.
    static constexpr int ErrorIndicator = 8;
    static constexpr int WarningIndicator = 9;

    PolicyEditor(workspace::WorkspaceDocument &document, workspace::PolicyTarget target, QWidget *parent = nullptr);
    ~PolicyEditor() override;

    const workspace::PolicyTarget &target() const { return m_target; }
    QsciScintilla *textEdit() const { return m_text; }
    bool hasPolicy() const;

    // Gives an entity without a policy the usual skeleton (<base /> in each section) and shows it.
    void createPolicy();
    // Puts the cursor at a line and column (from 1, columns in bytes as diagnostics count them) and shows it.
    void goTo(int line, int column);
    // Re-indents the document (whitespace only), in one undo step.
    void formatDocument();
    // Comments the selected lines (or the current one) out, or back in when they all are comments.
    void toggleComment();
    // Inserts a snippet of policySnippets() at the cursor, indented like the line.
    void insertSnippet(const QString &id);

    // Opens the completion list for the text at the cursor (Ctrl+Space does this); false when nothing fits.
    bool showCompletions();
    bool isCompletionActive() const;
    // The items of the list shown last.
    QStringList completionItems() const { return m_completionTexts; }
    // What hovering at a byte position shows: the diagnostic there, else the help for the name there.
    QString hoverText(int position) const;
    // Shows that tip under the character at `position` (the cursor's when negative), as hovering would.
    void showHoverAt(int position = -1);

    // A document that is a snippet of any root (documentation examples) rather than a whole policy file.
    void setSnippetMode(bool snippet);
    // The diagnostics of the text shown, as the last check found them.
    const gw::Diagnostics &diagnostics() const { return m_diagnostics; }
    // True while a check of the current text is pending or running.
    bool isChecking() const;
    PolicyChecker *checker() const { return m_checker; }

signals:
    // The editor's own check of its text finished: `file` is the target's relative path.
    void diagnosticsChanged(const QString &file, const gw::Diagnostics &diagnostics);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setupText();
    void setupActions();
    void applyPalette();
    void refreshFromDocument();
    void replaceRange(std::size_t begin, std::size_t end, const std::string &text);
    void setWholeText(const std::string &text, const QString &undoText);
    void onTextChanged();
    void onCharAdded(int ch);
    void onCompleted(const char *selection, int position);
    void onSelectionChange(const char *selection);
    void scheduleCheck();
    void showDiagnostics(const QString &text, const gw::Diagnostics &diagnostics);
    void showHover(int position, int x, int y);
    void hideHover();
    void updateStatus();
    void setDetail(const QString &text);
    std::string currentText() const;
    int cursorPosition() const;
    CompletionSources sources() const;
    std::shared_ptr<const gw::model::Workspace> references();

    workspace::WorkspaceDocument &m_document;
    workspace::PolicyTarget m_target;
    QLabel *m_title = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLabel *m_emptyMessage = nullptr;
    QPushButton *m_createButton = nullptr;
    QsciScintilla *m_text = nullptr;
    PolicyLexer *m_lexer = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_detail = nullptr;
    QToolButton *m_snippetsButton = nullptr;
    QLabel *m_hover = nullptr;
    PolicyChecker *m_checker = nullptr;

    bool m_syncing = false; // the text is being set from the document
    bool m_snippetMode = false;
    gw::Diagnostics m_diagnostics;
    struct Mark {
        std::size_t begin;
        std::size_t end;
        std::size_t diagnostic;
    };
    std::vector<Mark> m_marks;
    std::vector<CompletionItem> m_completion;
    QStringList m_completionTexts;
    CompletionContext::Kind m_completionKind = CompletionContext::Kind::None;
    std::shared_ptr<const gw::model::Workspace> m_references;
    // Typing bursts: consecutive edits close in time and place become one undo step.
    QElapsedTimer m_lastEdit;
    int m_lastEditPosition = -1;
    int m_burst = 0;
};

} // namespace gh::policies
