#include <ui/workspace/policy_target.h>
#include <ui/workspace/workspace_document.h>

#include <temp_folder.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <filesystem>

using gh::workspace::EntityKind;
using gh::workspace::WorkspaceDocument;
namespace model = gw::model;

class WorkspaceDocumentTest : public QObject {
    Q_OBJECT

private slots:
    void editsUndoAndRedoOneEntity()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        QSignalSpy changed(&document, &WorkspaceDocument::entityChanged);
        QSignalSpy modified(&document, &WorkspaceDocument::modifiedChanged);
        const auto *product = document.model().findProduct("starter");
        QVERIFY(product);
        const auto before = product->displayName;

        model::Product edited = *product;
        edited.displayName = "Starter plan";
        document.putEntity(QStringLiteral("Rename"), "starter", std::optional(edited));
        QCOMPARE(document.model().findProduct("starter")->displayName, std::optional<std::string>("Starter plan"));
        QVERIFY(document.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<EntityKind>(), EntityKind::Product);

        document.undoStack()->undo();
        QCOMPARE(document.model().findProduct("starter")->displayName, before);
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QCOMPARE(document.model().findProduct("starter")->displayName, std::optional<std::string>("Starter plan"));
    }

    void typingInOneFieldIsOneStep()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        model::Product edited = *document.model().findProduct("starter");
        for (const char *text : {"S", "St", "Sta"}) {
            edited.displayName = text;
            document.putEntity(QStringLiteral("Edit display name"), "starter", std::optional(edited),
                               QStringLiteral("starter/displayName"));
        }
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QVERIFY(!document.isModified());
    }

    void addsRenamesAndRemovesWithUndo()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        const auto count = document.model().groups.size();
        model::Group group;
        group.name = "testers";
        group.displayName = "Testers";
        document.putEntity(QStringLiteral("Add group"), "testers", std::optional(group));
        QCOMPARE(document.model().groups.size(), count + 1);

        group.name = "qa";
        document.putEntity(QStringLiteral("Rename group"), "testers", std::optional(group));
        QVERIFY(document.find<model::Group>("qa"));
        QVERIFY(!document.find<model::Group>("testers"));

        document.putEntity<model::Group>(QStringLiteral("Delete group"), "qa", std::nullopt);
        QCOMPARE(document.model().groups.size(), count);
        document.undoStack()->undo(); // delete
        document.undoStack()->undo(); // rename
        QVERIFY(document.find<model::Group>("testers"));
        document.undoStack()->undo(); // add
        QCOMPARE(document.model().groups.size(), count);
    }

    void savesOnlyWhatChangedAndReopensTheSame()
    {
        gw::test::TempFolder temp;
        const QString folder = QString::fromStdString(temp.copySample().string());
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        model::Product edited = *document.model().findProduct("starter");
        edited.description = "Five calls a minute.";
        document.putEntity(QStringLiteral("Describe"), "starter", std::optional(edited));
        QVERIFY(document.save());
        QVERIFY(!document.isModified());

        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        QCOMPARE(reopened.model().findProduct("starter")->description,
                 std::optional<std::string>("Five calls a minute."));

        // Revert forgets an unsaved edit.
        edited.description = "Unsaved";
        document.putEntity(QStringLiteral("Describe"), "starter", std::optional(edited));
        QVERIFY(document.revert());
        QCOMPARE(document.model().findProduct("starter")->description,
                 std::optional<std::string>("Five calls a minute."));
        QVERIFY(!document.isModified());
    }

    void servicePolicyIsUndoable()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        const auto before = document.model().policy;
        document.setServicePolicy(QStringLiteral("Edit policy"), model::PolicyText{"<policies/>"});
        QCOMPARE(document.model().policy->text, std::string("<policies/>"));
        document.undoStack()->undo();
        QCOMPARE(document.model().policy.has_value(), before.has_value());
    }
    // Every scope's policy is read and written through one PolicyTarget; an operation without a policy gets one,
    // and undo removes it again.
    void policiesOfEveryScopeAreReadAndWritten()
    {
        using gh::workspace::PolicyTarget;
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        const PolicyTarget targets[] = {
            PolicyTarget::global(), PolicyTarget::product("starter"), PolicyTarget::api("conference-api"),
            PolicyTarget::operationOf("conference-api", "get-session"), PolicyTarget::fragment("correlation-id")};
        for (const auto &target : targets) {
            const QString file = QDir(document.root()).filePath(QString::fromStdString(target.relativePath()));
            QFile onDisk(file);
            QVERIFY2(onDisk.open(QIODevice::ReadOnly), qPrintable(file));
            QCOMPARE(gh::workspace::policyText(document.model(), target), onDisk.readAll().toStdString());

            gh::workspace::setPolicyText(document, target, std::string("<policies />"), QStringLiteral("Edit"));
            QCOMPARE(gh::workspace::policyText(document.model(), target), std::string("<policies />"));
        }
        QCOMPARE(document.undoStack()->count(), 5);

        const auto fresh = PolicyTarget::operationOf("conference-api", "list-speakers");
        QVERIFY(!gh::workspace::policyText(document.model(), fresh));
        QVERIFY(gh::workspace::policyOwnerExists(document.model(), fresh));
        gh::workspace::setPolicyText(document, fresh, std::string("<policies />"), QStringLiteral("Add"));
        QCOMPARE(gh::workspace::policyText(document.model(), fresh), std::string("<policies />"));
        document.undoStack()->undo();
        QVERIFY(!gh::workspace::policyText(document.model(), fresh));
        QVERIFY(!gh::workspace::policyOwnerExists(document.model(), PolicyTarget::product("missing")));
    }
};

QTEST_GUILESS_MAIN(WorkspaceDocumentTest)
#include "workspace_document_test.moc"
