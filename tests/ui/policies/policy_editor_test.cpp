// The policy text editor, driven as a user drives it: real widgets, keys typed into QScintilla, the sample
// workspace (copied), the engine's own parser and checker as the reference.
#include "long_policy.h"

#include <ui/policies/policy_completion.h>
#include <ui/policies/policy_diagnostics.h>
#include <ui/policies/policy_editor.h>
#include <ui/policies/policy_format.h>
#include <ui/policies/policy_lexer.h>
#include <ui/policies/policy_snippets.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/workspace/policy_target.h>
#include <ui/workspace/problems_model.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <policy/compiler.h>
#include <policy/document.h>
#include <policy/registry.h>
#include <temp_folder.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <fstream>
#include <set>
#include <sstream>

using gh::policies::PolicyEditor;
using gh::workspace::PolicyTarget;
using gh::workspace::WorkspaceDocument;
using Sci = QsciScintillaBase;

namespace {

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string withoutWhitespace(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            out += c;
    return out;
}

std::string editorText(const PolicyEditor &editor)
{
    return editor.textEdit()->text().toStdString();
}

long sci(const PolicyEditor &editor, unsigned int message, unsigned long w = 0, long l = 0)
{
    return editor.textEdit()->SendScintilla(message, w, l);
}

// Puts the cursor just after the first occurrence of `marker`.
void placeAfter(PolicyEditor &editor, const std::string &marker)
{
    const std::string text = editorText(editor);
    const std::size_t at = text.find(marker);
    QVERIFY2(at != std::string::npos, marker.c_str());
    sci(editor, Sci::SCI_GOTOPOS, static_cast<unsigned long>(at + marker.size()));
}

// What the engine reports for a text as the editor's document: parser, then checkPolicyDocument.
gw::Diagnostics engineDiagnostics(const std::string &text, const std::string &file, gw::policy::DocumentKind kind,
                                  const gw::model::Workspace &model, bool anyRoot)
{
    auto parsed = gw::policy::parseDocument(text, file, {.anyRoot = anyRoot});
    if (!parsed.document)
        return parsed.diagnostics;
    auto diagnostics = gw::policy::checkPolicyDocument(*parsed.document, kind, &model);
    parsed.diagnostics.insert(parsed.diagnostics.end(), diagnostics.begin(), diagnostics.end());
    return parsed.diagnostics;
}

// Every expression the engine's document holds, as the byte range from its '@' to past its bracket.
void collectExpressions(const gw::policy::Document &document, const gw::policy::Element &element,
                        std::vector<std::pair<std::size_t, std::size_t>> &out)
{
    auto add = [&](const gw::policy::Value &value) {
        if (!value.isExpression())
            return;
        const auto &range = value.expression().range;
        out.emplace_back(document.offsetOf(range.line, range.column),
                         document.offsetOf(range.endLine, range.endColumn));
    };
    for (const auto &attribute : element.attributes)
        add(attribute.value);
    if (element.text)
        add(element.text->value);
    for (const auto &child : element.children)
        collectExpressions(document, child, out);
}

// Until the editor's check of its current text has been shown (polling would round the measured run to 50 ms).
void waitForCheck(PolicyEditor &editor)
{
    QSignalSpy shown(&editor, &PolicyEditor::diagnosticsChanged);
    editor.checker()->flush();
    QElapsedTimer timer;
    timer.start();
    while (editor.isChecking() && timer.elapsed() < 10000)
        shown.wait(20);
    QVERIFY(!editor.isChecking());
}

} // namespace

class PolicyEditorTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<gw::test::TempFolder> m_temp;
    std::unique_ptr<WorkspaceDocument> m_document;

    std::unique_ptr<PolicyEditor> openEditor(const PolicyTarget &target)
    {
        auto editor = std::make_unique<PolicyEditor>(*m_document, target);
        editor->resize(900, 600);
        editor->show();
        if (!QTest::qWaitForWindowExposed(editor.get()))
            return nullptr;
        editor->textEdit()->setFocus();
        return editor;
    }

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
        QApplication::setApplicationName(QStringLiteral("PolicyEditorTest"));
        QSettings().clear();
    }

    void init()
    {
        m_temp = std::make_unique<gw::test::TempFolder>();
        m_document = std::make_unique<WorkspaceDocument>();
        QVERIFY(m_document->open(QString::fromStdString(m_temp->copySample().string())));
    }

    void cleanup()
    {
        m_document.reset();
        m_temp.reset();
    }

    void showsTheDocumentText()
    {
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        QCOMPARE(editorText(*editor), *gh::workspace::policyText(m_document->model(), PolicyTarget::global()));
        // The text edit keeps no history of its own: the document's stack is the only one.
        QCOMPARE(sci(*editor, Sci::SCI_GETUNDOCOLLECTION), 0L);
    }

    void completesElementsOfTheSection()
    {
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        placeAfter(*editor, "<inbound>");
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("<set-h"));
        QVERIFY(editor->isCompletionActive());
        QVERIFY2(editor->completionItems().contains(QStringLiteral("set-header")),
                 qPrintable(editor->completionItems().join(' ')));
        // Only what the inbound section allows: forward-request belongs to the backend section.
        QVERIFY(!editor->completionItems().contains(QStringLiteral("forward-request")));
        for (const QString &item : editor->completionItems()) {
            const auto *policy = gw::policy::findPolicy(item.toStdString());
            QVERIFY2(policy && (policy->description.sections & gw::policy::Inbound), qPrintable(item));
        }
        // The list has the typed prefix selected on set-header; Enter takes it, and the document has it.
        QByteArray current(256, '\0');
        sci(*editor, Sci::SCI_AUTOCGETCURRENTTEXT, 0, reinterpret_cast<long>(current.data()));
        QCOMPARE(QByteArray(current.constData()), QByteArray("set-header"));
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QVERIFY(editorText(*editor).find("<set-header") != std::string::npos);
        QVERIFY(gh::workspace::policyText(m_document->model(), PolicyTarget::global())->find("<set-header") !=
                std::string::npos);
        // A space in the tag offers the attributes of set-header, with their help.
        QTest::keyClick(editor->textEdit(), Qt::Key_Space);
        QVERIFY(editor->isCompletionActive());
        QVERIFY(editor->completionItems().contains(QStringLiteral("exists-action")));
        QVERIFY(editor->completionItems().contains(QStringLiteral("name")));
    }

    void completesAttributeValuesAndReferences()
    {
        const std::string text =
            "<policies>\n\t<inbound>\n\t\t<set-header name=\"a\" exists-action=\"\" />\n"
            "\t\t<include-fragment fragment-id=\"\" />\n\t\t<set-backend-service backend-id=\"\" />\n"
            "\t\t<set-header name=\"b\"><value></value></set-header>\n"
            "\t</inbound>\n</policies>\n";
        using gh::policies::completionContext;
        using gh::policies::completions;
        gh::policies::CompletionSources sources{{"environment-name"}, {"correlation-id"}, {"conference-west"}};
        auto itemsAt = [&](const std::string &marker, std::size_t extra = 0) {
            const std::size_t at = text.find(marker) + marker.size() + extra;
            QStringList out;
            for (const auto &item : completions(completionContext(text, at), sources))
                out << QString::fromStdString(item.text);
            return out;
        };
        QCOMPARE(itemsAt("exists-action=\""), (QStringList{"override", "skip", "append", "delete"}));
        QCOMPARE(itemsAt("fragment-id=\""), QStringList{"correlation-id"});
        QVERIFY(itemsAt("backend-id=\"").contains("conference-west"));
        // {{ in a text completes named values.
        std::string typed = text;
        typed.insert(typed.find("<value>") + 7, "{{env");
        const std::size_t cursor = typed.find("{{env") + 5;
        const auto context = completionContext(typed, cursor);
        QCOMPARE(int(context.kind), int(gh::policies::CompletionContext::Kind::NamedValue));
        QCOMPARE(context.prefix, std::string("env"));
        QCOMPARE(completions(context, sources).front().text, std::string("environment-name}}"));
    }

    void completesContextMembers()
    {
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        placeAfter(*editor, "<value>");
        QTest::keyClicks(editor->textEdit(), QStringLiteral("@("));
        const std::size_t inside = static_cast<std::size_t>(sci(*editor, Sci::SCI_GETCURRENTPOS));
        QTest::keyClicks(editor->textEdit(), QStringLiteral(")"));
        sci(*editor, Sci::SCI_GOTOPOS, inside);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("context."));
        QVERIFY(editor->isCompletionActive());
        QVERIFY(editor->completionItems().contains(QStringLiteral("Request")));
        QVERIFY(editor->completionItems().contains(QStringLiteral("Variables")));
        QTest::keyClicks(editor->textEdit(), QStringLiteral("Request."));
        QVERIFY(editor->isCompletionActive());
        QVERIFY2(editor->completionItems().contains(QStringLiteral("Headers")),
                 qPrintable(editor->completionItems().join(' ')));
        QVERIFY(editor->completionItems().contains(QStringLiteral("Method")));
        QVERIFY(!editor->completionItems().contains(QStringLiteral("Request")));
        // Members of a member: Headers' methods, with their signature as help.
        const std::string text = "<set-body>@(context.Request.Headers.GetValueOrDefault(\"a\", \"\"))</set-body>";
        const std::size_t afterHeaders = text.find("Headers.") + 8;
        const auto items = gh::policies::completions(gh::policies::completionContext(text, afterHeaders), {});
        const auto found =
            std::find_if(items.begin(), items.end(), [](const auto &item) { return item.text == "GetValueOrDefault"; });
        QVERIFY(found != items.end());
        QVERIFY2(found->detail.find("GetValueOrDefault(name") != std::string::npos, found->detail.c_str());
        // Signature help inside the argument list, and hover help on the member.
        QVERIFY(gh::policies::signatureAt(text, text.find("\"a\"")).find("GetValueOrDefault(") != std::string::npos);
        QVERIFY(gh::policies::hoverHelp(text, text.find("Headers")).find("Headers") != std::string::npos);
    }

    void underlinesAnUnknownAttribute()
    {
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        editor->checker()->setDelay(0);
        const std::string text = "<policies>\n\t<inbound>\n\t\t<set-header name=\"X-A\" exists-action=\"override\" "
                                 "colour=\"red\">\n\t\t\t<value>a</value>\n\t\t</set-header>\n\t</inbound>\n"
                                 "\t<backend>\n\t\t<forward-request />\n\t</backend>\n\t<outbound />\n"
                                 "\t<on-error />\n</policies>\n";
        editor->textEdit()->setText(QString::fromStdString(text));
        waitForCheck(*editor);
        const auto engine =
            engineDiagnostics(text, "policy.xml", gw::policy::DocumentKind::Global, m_document->model(), false);
        QVERIFY(!engine.empty());
        QCOMPARE(editor->diagnostics().size(), engine.size());
        const gw::Diagnostic &d = editor->diagnostics().front();
        QVERIFY2(d.message.find("colour") != std::string::npos, d.message.c_str());
        const auto begin = static_cast<long>(text.find("colour"));
        QCOMPARE(d.location.line, 3);
        QCOMPARE(static_cast<long>(gh::policies::offsetOf(text, d.location.line, d.location.column)), begin);
        const int indicator =
            d.severity == gw::Severity::Error ? PolicyEditor::ErrorIndicator : PolicyEditor::WarningIndicator;
        // Exactly the attribute's name, nothing before or after it.
        QCOMPARE(sci(*editor, Sci::SCI_INDICATORVALUEAT, indicator, begin), 1L);
        QCOMPARE(sci(*editor, Sci::SCI_INDICATORSTART, indicator, begin), begin);
        QCOMPARE(sci(*editor, Sci::SCI_INDICATOREND, indicator, begin), begin + 6);
        QCOMPARE(sci(*editor, Sci::SCI_INDICATORVALUEAT, indicator, begin - 1), 0L);
        QVERIFY(editor->hoverText(static_cast<int>(begin + 2)).contains(QStringLiteral("colour")));
        // Fixing it clears the underline.
        editor->textEdit()->setText(QString::fromStdString(text).remove(QStringLiteral(" colour=\"red\"")));
        waitForCheck(*editor);
        QVERIFY(editor->diagnostics().empty());
        QCOMPARE(sci(*editor, Sci::SCI_INDICATORVALUEAT, indicator, begin), 0L);
    }

    void hoverExplainsPoliciesAndAttributes()
    {
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        const std::string text = editorText(*editor);
        const QString onTag = editor->hoverText(static_cast<int>(text.find("set-header") + 3));
        QVERIFY2(onTag.contains(QString::fromStdString(
                     std::string(gw::policy::findPolicy("set-header")->description.help.substr(0, 20)))),
                 qPrintable(onTag));
        const QString onAttribute = editor->hoverText(static_cast<int>(text.find("exists-action") + 2));
        QVERIFY2(onAttribute.contains(QStringLiteral("override")) && onAttribute.contains(QStringLiteral("skip")),
                 qPrintable(onAttribute));
    }

    void documentationExamplesAgreeWithTheEngine()
    {
        const PolicyTarget target = PolicyTarget::operationOf("conference-api", "get-session");
        auto editor = openEditor(target);
        QVERIFY(editor);
        editor->setSnippetMode(true);
        editor->checker()->setDelay(0);
        const std::filesystem::path folder = std::filesystem::path(GW_SHARED_DIR) / "corpus" / "policy-doc-examples";
        std::ifstream manifest(folder / "MANIFEST.tsv");
        QVERIFY2(manifest, folder.c_str());
        std::string line;
        std::getline(manifest, line);
        int files = 0, withDiagnostics = 0, expressions = 0;
        while (std::getline(manifest, line)) {
            const std::string file = line.substr(0, line.find('\t'));
            const std::string text = readFile(folder / file);
            editor->textEdit()->setText(QString::fromStdString(text));
            QCOMPARE(editorText(*editor), text);
            waitForCheck(*editor);
            const auto engine = engineDiagnostics(text, target.relativePath(), gw::policy::DocumentKind::Operation,
                                                  m_document->model(), true);
            std::set<std::string> reported;
            for (const auto &d : engine)
                reported.insert(gw::format(d));
            for (const auto &d : editor->diagnostics())
                QVERIFY2(reported.count(gw::format(d)), (file + ": " + gw::format(d)).c_str());
            std::size_t engineCount = 0;
            for (const auto &d : engine)
                engineCount += d.location.file == target.relativePath();
            QCOMPARE(editor->diagnostics().size(), engineCount);
            withDiagnostics += !engine.empty();
            // The colouring finds exactly the expressions the engine compiles.
            auto parsed = gw::policy::parseDocument(text, file, {.anyRoot = true});
            if (parsed.document) {
                std::vector<std::pair<std::size_t, std::size_t>> spans;
                collectExpressions(*parsed.document, parsed.document->root(), spans);
                const auto styling = gh::policies::stylePolicy(text);
                for (const auto &[begin, end] : spans) {
                    const bool found = std::any_of(styling.expressions.begin(), styling.expressions.end(),
                                                   [&](const auto &s) { return s.begin == begin && s.end == end; });
                    QVERIFY2(found, (file + ": expression at " + std::to_string(begin)).c_str());
                    ++expressions;
                }
            }
            ++files;
        }
        QVERIFY(files > 200);
        qInfo("%d documents, %d with diagnostics (the same as the engine's), %d expressions coloured as compiled",
              files, withDiagnostics, expressions);
    }

    void typingThenUndoRestoresTheText()
    {
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        QUndoStack *stack = m_document->undoStack();
        const std::string original = editorText(*editor);
        const int steps = stack->count();
        placeAfter(*editor, "<outbound>");
        QTest::keyClicks(editor->textEdit(), QStringLiteral("<!-- typed -->"));
        QVERIFY(editorText(*editor) != original);
        QCOMPARE(*gh::workspace::policyText(m_document->model(), PolicyTarget::global()), editorText(*editor));
        QCOMPARE(stack->count(), steps + 1); // one burst of typing, one step
        stack->undo();
        QCOMPARE(editorText(*editor), original);
        stack->redo();
        QVERIFY(editorText(*editor).find("<!-- typed -->") != std::string::npos);
        // The cursor stays where the change is, not at the start of the text.
        QVERIFY(sci(*editor, Sci::SCI_GETCURRENTPOS) > static_cast<long>(original.find("<outbound>")));

        // Enter after a start tag indents the new line one level deeper; undo takes the line and its indentation
        // back in one step.
        QTest::qWait(60);
        const std::string before = editorText(*editor);
        placeAfter(*editor, "<inbound>");
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        const std::string after = editorText(*editor);
        QVERIFY2(after.find("<inbound>\n\t\t\n") != std::string::npos, after.c_str());
        stack->undo();
        QCOMPARE(editorText(*editor), before);
    }

    void formatChangesWhitespaceOnly()
    {
        const std::string messy = "<policies>\n<inbound>\n      <base />\n<set-variable name=\"x\"   \n"
                                  "value=\"@{\n   var a = 1;\n      return a.ToString();\n}\" />   \n"
                                  "  <set-body>  keep   this\n     text  </set-body>\n"
                                  "<!-- a\n      comment -->\n</inbound>\n\n  \n<backend>\n<base />\n</backend>\n"
                                  "</policies>\n";
        const std::string formatted = gh::policies::formatPolicy(messy, "\t");
        QCOMPARE(withoutWhitespace(formatted), withoutWhitespace(messy));
        QCOMPARE(gh::policies::formatPolicy(formatted, "\t"), formatted); // stable
        const std::string expected = "<policies>\n\t<inbound>\n\t\t<base />\n\t\t<set-variable name=\"x\"   \n"
                                     "\t\t\tvalue=\"@{\n   var a = 1;\n      return a.ToString();\n}\" />\n"
                                     "\t\t<set-body>  keep   this\n     text  </set-body>\n"
                                     "\t\t<!-- a\n      comment -->\n\t</inbound>\n\n\n\t<backend>\n\t\t<base />\n"
                                     "\t</backend>\n</policies>\n";
        QCOMPARE(QString::fromStdString(formatted), QString::fromStdString(expected));
        // Expressions, texts and comments are byte for byte what they were; so is every corpus document's meaning.
        const std::filesystem::path folder = std::filesystem::path(GW_SHARED_DIR) / "corpus" / "policy-doc-examples";
        for (const auto &entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() != ".xml")
                continue;
            const std::string text = readFile(entry.path());
            const std::string result = gh::policies::formatPolicy(text, "    ");
            QCOMPARE(withoutWhitespace(result), withoutWhitespace(text));
            const auto before = gh::policies::stylePolicy(text);
            const auto after = gh::policies::stylePolicy(result);
            QCOMPARE(after.expressions.size(), before.expressions.size());
            for (std::size_t i = 0; i < before.expressions.size(); ++i)
                QCOMPARE(
                    result.substr(after.expressions[i].begin, after.expressions[i].end - after.expressions[i].begin),
                    text.substr(before.expressions[i].begin, before.expressions[i].end - before.expressions[i].begin));
            auto a = gw::policy::parseDocument(text, "a.xml", {.anyRoot = true});
            auto b = gw::policy::parseDocument(result, "a.xml", {.anyRoot = true});
            QCOMPARE(bool(a.document), bool(b.document));
        }

        // In the editor: one undo step that undoes it all.
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        editor->textEdit()->setText(QString::fromStdString(messy));
        const int steps = m_document->undoStack()->count();
        editor->formatDocument();
        QCOMPARE(editorText(*editor), gh::policies::formatPolicy(messy, "\t"));
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        m_document->undoStack()->undo();
        QCOMPARE(editorText(*editor), messy);
    }

    void togglesComments()
    {
        auto editor = openEditor(PolicyTarget::global());
        QVERIFY(editor);
        const std::string original = editorText(*editor);
        placeAfter(*editor, "<forward-request");
        QAction *toggle = editor->findChild<QAction *>(QStringLiteral("policyToggleCommentAction"));
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Slash));
        toggle->trigger();
        QVERIFY(editorText(*editor).find("<!-- <forward-request /> -->") != std::string::npos);
        toggle->trigger();
        QCOMPARE(editorText(*editor), original);
    }

    void offersToCreateAMissingPolicy()
    {
        const PolicyTarget target = PolicyTarget::operationOf("conference-api", "submit-feedback");
        QVERIFY(gh::workspace::policyOwnerExists(m_document->model(), target));
        QVERIFY(!gh::workspace::policyText(m_document->model(), target));
        auto editor = openEditor(target);
        QVERIFY(editor);
        auto *create = editor->findChild<QPushButton *>(QStringLiteral("createPolicyButton"));
        QVERIFY(create && create->isVisible());
        QVERIFY(!editor->textEdit()->isVisible());
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(editor->textEdit()->isVisible());
        const auto text = gh::workspace::policyText(m_document->model(), target);
        QVERIFY(text);
        QCOMPARE(editorText(*editor), *text);
        QCOMPARE(std::count(text->begin(), text->end(), '<') - 2, 12L); // four sections, <base /> in each
        editor->checker()->setDelay(0);
        waitForCheck(*editor);
        QVERIFY(!gw::hasErrors(editor->diagnostics()));
        m_document->undoStack()->undo();
        QVERIFY(create->isVisible());
    }

    void snippetsCompile()
    {
        const PolicyTarget target = PolicyTarget::operationOf("conference-api", "submit-feedback");
        auto editor = openEditor(target);
        QVERIFY(editor);
        editor->createPolicy();
        editor->checker()->setDelay(0);
        const std::string skeleton = editorText(*editor);
        for (const auto &snippet : gh::policies::policySnippets()) {
            editor->textEdit()->setText(QString::fromStdString(skeleton));
            placeAfter(*editor, "<base />");
            QTest::keyClick(editor->textEdit(), Qt::Key_Return);
            editor->insertSnippet(snippet.id);
            waitForCheck(*editor);
            QVERIFY2(!gw::hasErrors(editor->diagnostics()),
                     qPrintable(snippet.id + QStringLiteral(": ") +
                                QString::fromStdString(editor->diagnostics().empty()
                                                           ? std::string()
                                                           : gw::format(editor->diagnostics().front()))));
        }
    }

    void followsUndoFromElsewhere()
    {
        auto editor = openEditor(PolicyTarget::fragment("correlation-id"));
        QVERIFY(editor);
        const std::string original = editorText(*editor);
        gh::workspace::setPolicyText(*m_document, PolicyTarget::fragment("correlation-id"),
                                     std::string("<fragment>\n\t<base />\n</fragment>\n"), QStringLiteral("Replace"));
        QCOMPARE(editorText(*editor), std::string("<fragment>\n\t<base />\n</fragment>\n"));
        m_document->undoStack()->undo();
        QCOMPARE(editorText(*editor), original);
    }

    // The shell: the navigator and the problems dock open the editor; the API designer's button too; the editor's
    // own check reaches the problems dock.
    void opensFromTheShell()
    {
        gh::shell::Theme theme(*qApp);
        gh::shell::MainWindow window(theme);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openWorkspace(QString::fromStdString((m_temp->path() / "contoso").string())));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        QVERIFY(tabs);

        window.openProblemLocation(QStringLiteral("apis/conference-api/operations/get-session/policy.xml"), 3, 9);
        auto *editor = qobject_cast<PolicyEditor *>(tabs->currentWidget());
        QVERIFY(editor);
        QVERIFY(editor->target() == PolicyTarget::operationOf("conference-api", "get-session"));
        int line = 0, index = 0;
        editor->textEdit()->getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        QCOMPARE(index, 8);
        // The same file again: the same tab.
        const int count = tabs->count();
        window.openProblemLocation(QStringLiteral("apis/conference-api/operations/get-session/policy.xml"), 1, 1);
        QCOMPARE(tabs->count(), count);

        // The global policy from the navigator.
        const QModelIndex global =
            window.findItem(static_cast<int>(gh::workspace::WorkspaceTreeModel::Kind::ServicePolicy), "policy");
        QVERIFY(global.isValid());
        auto *navigator = window.findChild<QTreeView *>(QStringLiteral("navigator"));
        emit navigator->activated(global);
        auto *globalEditor = qobject_cast<PolicyEditor *>(tabs->currentWidget());
        QVERIFY(globalEditor);
        QVERIFY(globalEditor->target() == PolicyTarget::global());
        window.openProblemLocation(QStringLiteral("policy.xml"), 2, 2);
        QCOMPARE(tabs->currentWidget(), globalEditor);

        // Typing a mistake: the problems dock lists it before the live compile has run.
        window.setLiveCompileDelay(60 * 60 * 1000);
        globalEditor->checker()->setDelay(0);
        placeAfter(*globalEditor, "<include-fragment");
        QTest::keyClicks(globalEditor->textEdit(), QStringLiteral(" bogus=\"1\""));
        waitForCheck(*globalEditor);
        QVERIFY(!globalEditor->diagnostics().empty());
        auto *problems = window.findChild<QTreeView *>(QStringLiteral("problemsView"));
        QVERIFY(problems);
        bool listed = false;
        for (int row = 0; row < problems->model()->rowCount(); ++row)
            listed = listed || problems->model()
                                   ->index(row, gh::workspace::ProblemsModel::MessageColumn)
                                   .data()
                                   .toString()
                                   .contains(QStringLiteral("bogus"));
        QVERIFY(listed);
        const int listedRows = problems->model()->rowCount();

        // Edit > Undo (the window's action, by its key in the editor) takes the typing back, and Redo redoes it.
        auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
        QVERIFY(undo && undo->isEnabled());
        window.activateWindow();
        globalEditor->textEdit()->setFocus();
        QTest::keyClick(globalEditor->textEdit(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(editorText(*globalEditor).find("bogus") == std::string::npos);
        window.findChild<QAction *>(QStringLiteral("redoAction"))->trigger();
        QVERIFY(editorText(*globalEditor).find("bogus") != std::string::npos);
        undo->trigger();
        QVERIFY(editorText(*globalEditor).find("bogus") == std::string::npos);

        // The API designer's button opens the API's policy.
        const QModelIndex api = window.findItem(static_cast<int>(gh::workspace::WorkspaceTreeModel::Kind::Api),
                                                QStringLiteral("conference-api"));
        QVERIFY(api.isValid());
        emit navigator->activated(api);
        auto *button = tabs->currentWidget()->findChild<QPushButton *>(QStringLiteral("editApiPolicyButton"));
        QVERIFY(button);
        button->click();
        auto *apiEditor = qobject_cast<PolicyEditor *>(tabs->currentWidget());
        QVERIFY(apiEditor);
        QVERIFY(apiEditor->target() == PolicyTarget::api("conference-api"));

        // So does the product editor's, for the product's policy.
        const QModelIndex product = window.findItem(static_cast<int>(gh::workspace::WorkspaceTreeModel::Kind::Product),
                                                    QStringLiteral("starter"));
        QVERIFY(product.isValid());
        emit navigator->activated(product);
        auto *productButton =
            tabs->currentWidget()->findChild<QPushButton *>(QStringLiteral("editProductPolicyButton"));
        QVERIFY(productButton);
        productButton->click();
        auto *productEditor = qobject_cast<PolicyEditor *>(tabs->currentWidget());
        QVERIFY(productEditor);
        QVERIFY(productEditor->target() == PolicyTarget::product("starter"));

        // Closing an editor takes its findings out of the dock: type the mistake again, close the tab.
        tabs->setCurrentWidget(globalEditor);
        placeAfter(*globalEditor, "<include-fragment");
        QTest::keyClicks(globalEditor->textEdit(), QStringLiteral(" bogus=\"1\""));
        waitForCheck(*globalEditor);
        QCOMPARE(problems->model()->rowCount(), listedRows);
        window.document()->undoStack()->undo();
        delete globalEditor;
        QTRY_COMPARE(problems->model()->rowCount(), listedRows - 1);
        window.document()->undoStack()->setClean(); // nothing to save on close
    }

    // A measured run, not a pass/fail timing: keystroke to updated diagnostics on a 300-line policy, with the
    // usual debounce taken out (it only adds its fixed 250 ms).
    void measuresKeystrokeToDiagnostics()
    {
        const std::string text = gh::test::policyOf300Lines();
        auto editor = openEditor(PolicyTarget::operationOf("conference-api", "get-session"));
        QVERIFY(editor);
        editor->checker()->setDelay(0);
        editor->textEdit()->setText(QString::fromStdString(text));
        waitForCheck(*editor);
        QVERIFY(editor->diagnostics().empty());
        placeAfter(*editor, "<set-header");
        QList<qint64> times;
        for (int round = 0; round < 40; ++round) {
            QElapsedTimer timer;
            timer.start();
            // One key: "<set-headerx" is no policy; Backspace makes it one again.
            if (round % 2 == 0)
                QTest::keyClick(editor->textEdit(), Qt::Key_X);
            else
                QTest::keyClick(editor->textEdit(), Qt::Key_Backspace);
            waitForCheck(*editor);
            QCOMPARE(editor->diagnostics().empty(), round % 2 == 1);
            times << timer.nsecsElapsed() / 1000;
        }
        std::sort(times.begin(), times.end());
        qInfo("keystrokes to diagnostics on a %d-line policy, debounce excluded: median %lld µs, max %lld µs",
              static_cast<int>(std::count(text.begin(), text.end(), '\n')), times[times.size() / 2], times.back());
    }
};

QTEST_MAIN(PolicyEditorTest)
#include "policy_editor_test.moc"
