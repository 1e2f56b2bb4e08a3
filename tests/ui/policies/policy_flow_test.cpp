#include <ui/policies/effective_policy_view.h>
#include <ui/policies/policy_flow_form.h>
#include <ui/policies/policy_flow_model.h>
#include <ui/policies/policy_flow_view.h>
#include <ui/policies/policy_text_edits.h>
#include <ui/workspace/policy_target.h>
#include <ui/workspace/workspace_document.h>

#include <policy/document.h>
#include <temp_folder.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

#include <set>

using gh::policies::EffectivePolicyView;
using gh::policies::PolicyFlowForm;
using gh::policies::PolicyFlowView;
using gh::workspace::PolicyTarget;
using gh::workspace::WorkspaceDocument;
using Section = gw::policy::Section;
using Scope = gw::policy::Scope;

namespace {

QStringList linesOf(const std::string &text)
{
    return QString::fromStdString(text).split(QLatin1Char('\n'));
}

// The numbers (from 0) of the lines that differ; the texts must have as many lines.
QList<int> changedLines(const std::string &before, const std::string &after)
{
    const QStringList a = linesOf(before);
    const QStringList b = linesOf(after);
    if (a.size() != b.size())
        return {-1};
    QList<int> changed;
    for (int i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            changed << i;
    return changed;
}

template<class T>
T *child(QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qFatal("no %s", qPrintable(name));
    return found;
}

} // namespace

class PolicyFlowTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<gw::test::TempFolder> m_temp;
    std::unique_ptr<WorkspaceDocument> m_document;

    std::string text(const PolicyTarget &target) const
    {
        return gh::workspace::policyText(m_document->model(), target).value_or(std::string());
    }

private slots:
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

    // The sample's get-session operation, called through the starter product: its own set-variable comes first
    // (before <base />), then the global fragment, the product's limits and the API's choose.
    void effectivePolicyMergesAllFourScopes()
    {
        EffectivePolicyView view(*m_document, QStringLiteral("conference-api"), QStringLiteral("get-session"));
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        auto *products = child<QComboBox>(view, QStringLiteral("productContext"));
        QVERIFY(products->findData(QStringLiteral("starter")) >= 0);
        QVERIFY(products->findData(QString()) >= 0); // "No product"
        products->setCurrentIndex(products->findData(QStringLiteral("starter")));
        QCOMPARE(view.product(), QStringLiteral("starter"));

        const auto &merged = view.current();
        QStringList inbound;
        std::vector<Scope> scopes;
        for (const auto &step : merged.steps) {
            if (step.firstLine > merged.text.split(QLatin1Char('\n')).indexOf(QStringLiteral("    </inbound>")))
                break;
            inbound << step.name;
            scopes.push_back(step.scope);
        }
        QCOMPARE(inbound,
                 (QStringList{QStringLiteral("set-variable"), QStringLiteral("include-fragment"),
                              QStringLiteral("rate-limit"), QStringLiteral("quota"), QStringLiteral("choose")}));
        QCOMPARE(scopes,
                 (std::vector<Scope>{Scope::Operation, Scope::Global, Scope::Product, Scope::Product, Scope::Api}));
        // Every element is shown exactly as written in its file.
        const QStringList lines = merged.text.split(QLatin1Char('\n'));
        for (const auto &step : merged.steps)
            QVERIFY2(lines[step.firstLine].trimmed().startsWith(QLatin1Char('<') + step.name), qPrintable(step.name));
        QVERIFY(merged.text.contains(QStringLiteral("<rate-limit calls=\"5\" renewal-period=\"60\" />")));

        // Tinted by scope: the product's lines and the operation's have different backgrounds.
        auto *textView = child<QPlainTextEdit>(view, QStringLiteral("effectivePolicyText"));
        QVERIFY(textView->isReadOnly());
        QColor operationTint, productTint;
        for (const auto &selection : textView->extraSelections()) {
            const int line = selection.cursor.blockNumber();
            if (line == merged.steps[0].firstLine)
                operationTint = selection.format.background().color();
            if (line == merged.steps[2].firstLine)
                productTint = selection.format.background().color();
        }
        QVERIFY(operationTint.isValid() && productTint.isValid());
        QVERIFY(operationTint != productTint);

        // A click on the product's rate-limit asks for products/starter/policy.xml at its place.
        PolicyTarget opened;
        int openedLine = 0, openedColumn = 0;
        connect(&view, &EffectivePolicyView::openSource, this, [&](const PolicyTarget &target, int line, int column) {
            opened = target;
            openedLine = line;
            openedColumn = column;
        });
        const QTextBlock block = textView->document()->findBlockByNumber(merged.steps[2].firstLine);
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfLine);
        const QPoint at = textView->cursorRect(cursor).center() - QPoint(4, 0);
        QTest::mouseClick(textView->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(opened, PolicyTarget::product("starter"));
        QCOMPARE(openedLine, 4);
        QCOMPARE(openedColumn, 3);

        // Without a product the product's policies are gone.
        products->setCurrentIndex(products->findData(QString()));
        for (const auto &step : view.current().steps)
            QVERIFY(step.scope != Scope::Product);

        // An edit anywhere shows at once: the global outbound header comes through the API and operation.
        products->setCurrentIndex(products->findData(QStringLiteral("starter")));
        const std::string global = text(PolicyTarget::global());
        std::string edited = global;
        edited.replace(edited.find("X-Environment"), 13, "X-Stage");
        gh::workspace::setPolicyText(*m_document, PolicyTarget::global(), edited, QStringLiteral("test"));
        QVERIFY(view.current().text.contains(QStringLiteral("X-Stage")));
        m_document->undoStack()->undo();
        QVERIFY(view.current().text.contains(QStringLiteral("X-Environment")));
    }

    // Alt+Down on a card swaps it with the next: the file changes in those two lines only; undo restores it.
    void keyboardReorderChangesOnlyThoseLines()
    {
        const PolicyTarget starter = PolicyTarget::product("starter");
        PolicyFlowView view(*m_document, starter);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        const std::string before = text(starter);

        QWidget *rateLimit = view.card(Section::Inbound, 1);
        QVERIFY(rateLimit);
        QVERIFY(rateLimit->accessibleName().contains(QStringLiteral("rate-limit")));
        QTest::mouseClick(rateLimit, Qt::LeftButton);
        QTRY_VERIFY(rateLimit->hasFocus());
        QTest::keyClick(rateLimit, Qt::Key_Down, Qt::AltModifier);

        const std::string after = text(starter);
        QVERIFY(after != before);
        const QList<int> changed = changedLines(before, after);
        QCOMPARE(changed, (QList<int>{3, 4}));
        QCOMPARE(linesOf(after)[3], linesOf(before)[4]);
        QCOMPARE(linesOf(after)[4], linesOf(before)[3]);
        // The card went along, with the keyboard on it.
        QWidget *moved = view.card(Section::Inbound, 2);
        QVERIFY(moved && moved->accessibleName().contains(QStringLiteral("rate-limit")));
        QTRY_VERIFY(moved->hasFocus());

        // Alt+Up takes it back; then the document's undo stack restores the original byte for byte.
        QTest::keyClick(moved, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(text(starter), before);
        m_document->undoStack()->undo();
        QCOMPARE(text(starter), after);
        m_document->undoStack()->undo();
        QCOMPARE(text(starter), before);
        QVERIFY(view.card(Section::Inbound, 1)->accessibleName().contains(QStringLiteral("rate-limit")));
    }

    // A card's form writes only the attribute's bytes; a value the attribute cannot take is refused next to it.
    void formEditsOnlyTheAttribute()
    {
        const PolicyTarget starter = PolicyTarget::product("starter");
        PolicyFlowView view(*m_document, starter);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        const std::string before = text(starter);

        QTest::mouseClick(view.card(Section::Inbound, 1), Qt::LeftButton);
        auto *title = child<QLabel>(*view.form(), QStringLiteral("policyFormTitle"));
        QCOMPARE(title->text(), QStringLiteral("rate-limit"));
        auto *calls = child<QLineEdit>(*view.form(), QStringLiteral("field_calls"));
        QCOMPARE(calls->text(), QStringLiteral("5"));

        calls->setFocus();
        calls->selectAll();
        QTest::keyClicks(calls, QStringLiteral("many"));
        QTest::keyClick(calls, Qt::Key_Return);
        QCOMPARE(text(starter), before); // refused
        auto *message = child<QLabel>(*view.form(), QStringLiteral("fieldMessage_calls"));
        QVERIFY(message->isVisible());

        calls->selectAll();
        QTest::keyClicks(calls, QStringLiteral("12"));
        QTest::keyClick(calls, Qt::Key_Return);
        std::string expected = before;
        expected.replace(before.find("calls=\"5\""), 9, "calls=\"12\"");
        QCOMPARE(text(starter), expected);
        QVERIFY(!message->isVisible());
        QVERIFY(calls->hasFocus()); // the field stays while the document changes under it

        // An optional attribute is added after the others.
        auto *counter = view.form()->findChild<QLineEdit *>(QStringLiteral("field_remaining-calls-variable-name"));
        if (counter) {
            counter->setFocus();
            QTest::keyClicks(counter, QStringLiteral("left"));
            QTest::keyClick(counter, Qt::Key_Return);
            std::string added = expected;
            added.replace(added.find("renewal-period=\"60\""), 19,
                          "renewal-period=\"60\" remaining-calls-variable-name=\"left\"");
            QCOMPARE(text(starter), added);
            m_document->undoStack()->undo();
        }
        m_document->undoStack()->undo();
        QCOMPARE(text(starter), before);
        QCOMPARE(calls->text(), QStringLiteral("5"));

        // A choice: set-header's exists-action in the global outbound, picked from its combo box.
        const PolicyTarget global = PolicyTarget::global();
        PolicyFlowView globalView(*m_document, global);
        globalView.resize(1200, 700);
        globalView.show();
        globalView.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&globalView));
        const std::string globalBefore = text(global);
        QTest::mouseClick(globalView.card(Section::Outbound, 0), Qt::LeftButton);
        auto *action = child<QComboBox>(*globalView.form(), QStringLiteral("field_exists-action"));
        QCOMPARE(action->currentText(), QStringLiteral("override"));
        const int append = action->findText(QStringLiteral("append"));
        QVERIFY(append > 0);
        action->setCurrentIndex(append);
        emit action->activated(append);
        std::string globalExpected = globalBefore;
        globalExpected.replace(globalBefore.find("\"override\""), 10, "\"append\"");
        QCOMPARE(text(global), globalExpected);
    }

    // The palette adds a policy after the selected card, indented like its neighbours; Delete takes it out again.
    void paletteAddsAndCardsDelete()
    {
        const PolicyTarget api = PolicyTarget::api("conference-api");
        PolicyFlowView view(*m_document, api);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        const std::string before = text(api);

        QTest::mouseClick(view.card(Section::Outbound, 0), Qt::LeftButton); // <base />
        QTest::mouseClick(child<QToolButton>(view, QStringLiteral("addTo_outbound")), Qt::LeftButton);
        auto *side = child<QTabWidget>(view, QStringLiteral("policyFlowSide"));
        QCOMPARE(side->currentIndex(), 1);
        auto *filter = child<QLineEdit>(view, QStringLiteral("paletteFilter"));
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("set-header"));
        auto *list = child<QListWidget>(view, QStringLiteral("paletteList"));
        QVERIFY(list->count() >= 1);
        QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("set-header"));
        QTest::keyClick(filter, Qt::Key_Return);

        const std::string added = text(api);
        const QStringList a = linesOf(before), b = linesOf(added);
        QCOMPARE(b.size(), a.size() + 1);
        const int outbound = a.indexOf(QStringLiteral("\t<outbound>"));
        QVERIFY(outbound > 0);
        QCOMPARE(b.mid(0, outbound + 2), a.mid(0, outbound + 2)); // up to <base /> unchanged
        QVERIFY(b[outbound + 2].startsWith(QStringLiteral("\t\t<set-header")));
        QCOMPARE(b.mid(outbound + 3), a.mid(outbound + 2));
        QVERIFY(gw::policy::parseDocument(added, "policy.xml").document.has_value());
        // Its form is open, ready for its settings.
        QCOMPARE(side->currentIndex(), 0);
        QCOMPARE(child<QLabel>(*view.form(), QStringLiteral("policyFormTitle"))->text(), QStringLiteral("set-header"));
        auto *name = child<QLineEdit>(*view.form(), QStringLiteral("field_name"));
        QVERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("X-Served-By"));
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(text(api).find("<set-header name=\"X-Served-By\"") != std::string::npos);

        // Delete on the card removes its line: the document is as it was.
        QWidget *card = view.card(Section::Outbound, 1);
        card->setFocus();
        QTest::keyClick(card, Qt::Key_Delete);
        QCOMPARE(text(api), before);

        // The form's delete button does the same for the API's choose.
        QTest::mouseClick(view.card(Section::Inbound, 1), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(*view.form(), QStringLiteral("deleteCardButton")), Qt::LeftButton);
        QVERIFY(text(api).find("<choose>") == std::string::npos);
        QVERIFY(gw::policy::parseDocument(text(api), "policy.xml").document.has_value());
        m_document->undoStack()->undo();
        QCOMPARE(text(api), before);
    }

    // Adding to a section written as <on-error /> opens it; adding to a missing section creates it in order.
    void addingOpensAndCreatesSections()
    {
        const PolicyTarget global = PolicyTarget::global();
        PolicyFlowView view(*m_document, global);
        view.show();
        const std::string before = text(global);
        QVERIFY(view.model().add(Section::OnError, -1, "trace") >= 0);
        const std::string opened = text(global);
        QVERIFY2(opened.find("\t<on-error>\n\t\t<trace") != std::string::npos, opened.c_str());
        QVERIFY(opened.find("\n\t</on-error>\n</policies>") != std::string::npos);
        QVERIFY(gw::policy::parseDocument(opened, "policy.xml").document.has_value());
        QVERIFY(view.card(Section::OnError, 0) != nullptr);
        m_document->undoStack()->undo();
        QCOMPARE(text(global), before);

        std::string withoutBackend = before;
        const auto begin = withoutBackend.find("\t<backend>");
        withoutBackend.erase(begin, withoutBackend.find("</backend>\n") + 11 - begin);
        gh::workspace::setPolicyText(*m_document, global, withoutBackend, QStringLiteral("test"));
        QVERIFY(!view.model().lane(Section::Backend).present);
        QVERIFY(view.model().add(Section::Backend, -1, "forward-request") >= 0);
        QCOMPARE(text(global), before); // the section as it was, between inbound and outbound
    }

    // The effective policy of an operation with a policy at every scope, one added here through the document.
    void everyScopeWhenAddedThroughTheDocument()
    {
        std::string unlimited = text(PolicyTarget::product("unlimited"));
        unlimited.replace(unlimited.find("<base />"), 8,
                          "<base />\n\t\t<set-header name=\"X-Plan\" "
                          "exists-action=\"override\"><value>unlimited</value></set-header>");
        gh::workspace::setPolicyText(*m_document, PolicyTarget::product("unlimited"), unlimited,
                                     QStringLiteral("test"));
        EffectivePolicyView view(*m_document, QStringLiteral("conference-api"), QStringLiteral("get-session"));
        view.setProduct(QStringLiteral("unlimited"));
        std::set<Scope> scopes;
        for (const auto &step : view.current().steps)
            scopes.insert(step.scope);
        QCOMPARE(scopes.size(), std::size_t(4));
    }
};

QTEST_MAIN(PolicyFlowTest)
#include "policy_flow_test.moc"
