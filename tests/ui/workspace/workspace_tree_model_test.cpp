#include <ui/workspace/problems_model.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using gh::workspace::ProblemsModel;
using gh::workspace::WorkspaceDocument;
using gh::workspace::WorkspaceTreeModel;
using Kind = WorkspaceTreeModel::Kind;

class WorkspaceTreeModelTest : public QObject {
    Q_OBJECT

private:
    static QModelIndex category(const WorkspaceTreeModel &model, const QString &prefix)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            if (index.data().toString().startsWith(prefix))
                return index;
        }
        return {};
    }

private slots:
    void opensTheSampleDocument()
    {
        WorkspaceDocument document;
        QSignalSpy opened(&document, &WorkspaceDocument::workspaceOpened);
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(document.displayName(), QStringLiteral("contoso"));
        QVERIFY(document.diagnostics().empty());
        QVERIFY(!document.open(QStringLiteral("/nonexistent/folder")));
        QVERIFY2(document.isOpen(), "a failed open keeps the open workspace");
    }

    void buildsTheNavigatorTree()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        WorkspaceTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(document.model());

        QCOMPARE(model.index(0, 0).data(WorkspaceTreeModel::KindRole).value<Kind>(), Kind::ServicePolicy);
        const QModelIndex apis = category(model, QStringLiteral("APIs"));
        QVERIFY(apis.isValid());
        QCOMPARE(apis.data().toString(), QStringLiteral("APIs (2)"));

        // The versioned Conference API sits under its version set, with its operations.
        const QModelIndex versionSet = model.index(0, 0, apis);
        QCOMPARE(versionSet.data(WorkspaceTreeModel::KindRole).value<Kind>(), Kind::VersionSet);
        const QModelIndex conference = model.index(0, 0, versionSet);
        QCOMPARE(versionSet.data().toString(), QStringLiteral("Conference API"));
        QCOMPARE(conference.data().toString(), QStringLiteral("v1"));
        QCOMPARE(conference.data(WorkspaceTreeModel::TitleRole).toString(), QStringLiteral("Conference API v1"));
        QCOMPARE(conference.data(WorkspaceTreeModel::NameRole).toString(), QStringLiteral("conference-api"));
        QCOMPARE(model.rowCount(conference), 4);
        QCOMPARE(model.parent(model.index(0, 0, conference)), conference);

        const QModelIndex products = category(model, QStringLiteral("Products"));
        QCOMPARE(model.rowCount(products), 2);
        QCOMPARE(model.index(0, 0, products).data().toString(), QStringLiteral("Starter"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void listsProblems()
    {
        ProblemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics({{{"apis/a/apiInformation.json", 3, 13}, gw::Severity::Error, "invalid JSON"}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ProblemsModel::FileColumn).data().toString(),
                 QStringLiteral("apis/a/apiInformation.json"));
        QCOMPARE(model.index(0, ProblemsModel::LineColumn).data().toString(), QStringLiteral("3:13"));
        QCOMPARE(model.index(0, ProblemsModel::SeverityColumn).data().toString(), QStringLiteral("Error"));
    }
};

QTEST_MAIN(WorkspaceTreeModelTest)
#include "workspace_tree_model_test.moc"
