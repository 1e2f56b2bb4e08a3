// Full keyboard reach and names for assistive technology, for every editor the navigator opens: Tab from the
// first control visits every control that takes focus, and each one has a name (its own or its label's).

#include <temp_folder.h>

#include <ui/entities/entity_actions.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/workspace/workspace_tree_model.h>

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <filesystem>

using gh::shell::MainWindow;
using gh::shell::Theme;
using Kind = gh::workspace::WorkspaceTreeModel::Kind;

namespace {

// The controls of `editor` a user can reach with Tab right now.
QList<QWidget *> focusableControls(QWidget *editor)
{
    QList<QWidget *> controls;
    for (QWidget *widget : editor->findChildren<QWidget *>()) {
        if (widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus) &&
            !qobject_cast<QScrollBar *>(widget) && !widget->focusProxy())
            controls.append(widget);
    }
    return controls;
}

// What a screen reader announces: the control's own name, its text, or the label whose buddy it is.
QString spokenName(QWidget *widget, QWidget *editor)
{
    if (!widget->accessibleName().isEmpty())
        return widget->accessibleName();
    if (auto *button = qobject_cast<QAbstractButton *>(widget); button && !button->text().isEmpty())
        return button->text();
    if (auto *tabs = qobject_cast<QTabBar *>(widget); tabs && tabs->count() > 0)
        return tabs->tabText(tabs->currentIndex()); // a tab bar is announced by its tabs
    for (QLabel *label : editor->findChildren<QLabel *>()) {
        if (label->buddy() == widget)
            return label->text();
    }
    return {};
}

} // namespace

class KeyboardTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
        QApplication::setApplicationName(QStringLiteral("KeyboardTest"));
        QSettings().clear();
    }

    void everyEditorIsReachableAndNamed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name"); // empty: the sample has none, one is created first
        QTest::newRow("api") << int(Kind::Api) << QStringLiteral("conference-api");
        QTest::newRow("product") << int(Kind::Product) << QStringLiteral("starter");
        QTest::newRow("subscription") << int(Kind::Subscription) << QStringLiteral("starter-demo");
        QTest::newRow("named value") << int(Kind::NamedValue) << QStringLiteral("event-name");
        QTest::newRow("version set") << int(Kind::VersionSet) << QStringLiteral("conference");
        QTest::newRow("backend") << int(Kind::Backend) << QString();
        QTest::newRow("group") << int(Kind::Group) << QString();
        QTest::newRow("user") << int(Kind::User) << QString();
    }

    void everyEditorIsReachableAndNamed()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        gw::test::TempFolder temp;
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(QString::fromStdString(temp.copySample().string())));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        if (name.isEmpty())
            name = gh::entities::createEntity(Kind(kind), *window.document());
        QVERIFY(!name.isEmpty());
        QTRY_VERIFY2(window.findItem(kind, name).isValid(), qPrintable(name)); // the navigator follows the edit
        const QModelIndex item = window.findItem(kind, name);
        emit window.findChild<QTreeView *>(QStringLiteral("navigator"))->activated(item);
        QWidget *editor = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"))->currentWidget();
        QVERIFY(editor);

        const QList<QWidget *> controls = focusableControls(editor);
        QVERIFY(controls.size() > 2);
        for (QWidget *control : controls) {
            QVERIFY2(!spokenName(control, editor).isEmpty(),
                     qPrintable(QStringLiteral("%1 (%2) has no accessible name")
                                    .arg(control->objectName(), control->metaObject()->className())));
        }

        // Tab through the editor from its first control; every control must come round.
        controls.first()->setFocus(Qt::TabFocusReason);
        QSet<QWidget *> reached;
        for (int step = 0; step < 4 * controls.size() && reached.size() < controls.size(); ++step) {
            QWidget *focused = QApplication::focusWidget();
            if (focused && controls.contains(focused))
                reached.insert(focused);
            QTest::keyClick(focused ? focused : editor, Qt::Key_Tab);
        }
        for (QWidget *control : controls) {
            QVERIFY2(reached.contains(control),
                     qPrintable(QStringLiteral("Tab never reaches %1 (%2)")
                                    .arg(control->objectName(), control->metaObject()->className())));
        }
    }
};

QTEST_MAIN(KeyboardTest)
#include "keyboard_test.moc"
