#include <ui/entities/backend_editor.h>
#include <ui/entities/check_list_model.h>
#include <ui/entities/entity_actions.h>
#include <ui/entities/group_editor.h>
#include <ui/entities/local_secrets.h>
#include <ui/entities/named_value_editor.h>
#include <ui/entities/product_editor.h>
#include <ui/entities/rename_dialog.h>
#include <ui/entities/rows_table_model.h>
#include <ui/entities/subscription_editor.h>
#include <ui/entities/user_directory.h>
#include <ui/entities/user_editor.h>
#include <ui/entities/version_set_editor.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <secrets/secret_store.h>
#include <temp_folder.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <filesystem>
#include <functional>
#include <memory>

using namespace gh::entities;
using gh::workspace::WorkspaceDocument;
using gh::workspace::WorkspaceTreeModel;
namespace model = gw::model;

class EntityEditorsTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<gw::test::TempFolder> m_dataHome; // the per-user secret store lives here during the tests

    // A writable copy of the sample workspace, opened.
    static QString copySample(const gw::test::TempFolder &temp)
    {
        return QString::fromStdString(temp.copySample().string());
    }

    template<class T>
    static T *child(QWidget &editor, const char *name)
    {
        T *widget = editor.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s", name);
        return widget;
    }

    // Replaces a line edit's text the way a user does: select all, type.
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, text);
    }

    static void click(QWidget &editor, const char *name)
    {
        auto *button = child<QAbstractButton>(editor, name);
        QVERIFY2(button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // Every file under `root` whose bytes contain `text`.
    static QStringList filesContaining(const QString &root, const QString &text)
    {
        QStringList hits;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
                hits << file.fileName();
        }
        return hits;
    }

    static std::optional<std::string> storedSecret(const QString &root, const QString &key)
    {
        gw::secrets::OpenOptions options;
        options.useKeyring = false;
        auto store = gw::secrets::SecretStore::open(gw::secrets::SecretStore::defaultFolder(), options);
        if (!store)
            return std::nullopt;
        return store->get(root.toStdString(), key.toStdString());
    }

private slots:
    void initTestCase()
    {
        m_dataHome = std::make_unique<gw::test::TempFolder>();
        qputenv("XDG_DATA_HOME", QByteArray::fromStdString(m_dataHome->path().string()));
    }

    void productEditsUndoSaveAndReopen()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        auto editor = std::make_unique<ProductEditor>(document, QStringLiteral("starter"));
        editor->show();
        auto *displayName = child<QLineEdit>(*editor, "productDisplayName");
        QCOMPARE(displayName->text(), QStringLiteral("Starter"));

        type(displayName, QStringLiteral("Starter plan"));
        QCOMPARE(document.find<model::Product>("starter")->displayName, std::optional<std::string>("Starter plan"));
        QCOMPARE(document.undoStack()->count(), 1); // the keystrokes are one step
        document.undoStack()->undo();
        QCOMPARE(displayName->text(), QStringLiteral("Starter"));
        document.undoStack()->redo();
        QCOMPARE(displayName->text(), QStringLiteral("Starter plan"));

        // Empty display name: an inline message, next to the field.
        type(displayName, {});
        QVERIFY(child<QLabel>(*editor, "productDisplayNameMessage")->isVisible());
        type(displayName, QStringLiteral("Starter plan"));
        QVERIFY(!child<QLabel>(*editor, "productDisplayNameMessage")->isVisible());

        // Remove the Pet Store API from the product through its check box.
        auto *apis = child<QListView>(*editor, "productApis");
        QModelIndex petstore;
        for (int row = 0; row < apis->model()->rowCount(); ++row) {
            if (apis->model()->index(row, 0).data(CheckListModel::IdRole).toString() == QLatin1String("petstore-api"))
                petstore = apis->model()->index(row, 0);
        }
        QVERIFY(petstore.isValid());
        QCOMPARE(petstore.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        apis->model()->setData(petstore, Qt::Unchecked, Qt::CheckStateRole);
        QCOMPARE(document.find<model::Product>("starter")->apis.size(), std::size_t(1));
        document.undoStack()->undo();
        QCOMPARE(document.find<model::Product>("starter")->apis.size(), std::size_t(2));
        QCOMPARE(apis->model()->index(petstore.row(), 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        document.undoStack()->redo();

        // Groups: link the built-in developers group.
        auto *groups = child<QListView>(*editor, "productGroups");
        QModelIndex developers;
        for (int row = 0; row < groups->model()->rowCount(); ++row) {
            if (groups->model()->index(row, 0).data(CheckListModel::IdRole).toString() == QLatin1String("developers"))
                developers = groups->model()->index(row, 0);
        }
        QVERIFY(developers.isValid());
        groups->model()->setData(developers, Qt::Checked, Qt::CheckStateRole);

        // Unlimited subscriptions, not published, no approval, terms.
        auto *limit = child<QSpinBox>(*editor, "productSubscriptionsLimit");
        QCOMPARE(limit->value(), 1);
        limit->setValue(0);
        QCOMPARE(limit->text(), QStringLiteral("Unlimited"));
        QVERIFY(!document.find<model::Product>("starter")->subscriptionsLimit);
        auto *state = child<QComboBox>(*editor, "productState");
        QTest::keyClick(state, Qt::Key_Down);
        QCOMPARE(document.find<model::Product>("starter")->state, std::optional<std::string>("notPublished"));
        document.undoStack()->undo();
        QCOMPARE(state->currentData().toString(), QStringLiteral("published"));
        document.undoStack()->redo();
        auto *terms = child<QPlainTextEdit>(*editor, "productTerms");
        terms->setFocus();
        QTest::keyClicks(terms, QStringLiteral("Be nice."));
        QCOMPARE(document.find<model::Product>("starter")->terms, std::optional<std::string>("Be nice."));
        QTest::mouseClick(child<QCheckBox>(*editor, "productSubscriptionRequired"), Qt::LeftButton);
        QCOMPARE(document.find<model::Product>("starter")->subscriptionRequired, std::optional<bool>(false));
        QVERIFY(!child<QCheckBox>(*editor, "productApprovalRequired")->isEnabled());

        QVERIFY(document.save());
        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        ProductEditor again(reopened, QStringLiteral("starter"));
        QCOMPARE(child<QLineEdit>(again, "productDisplayName")->text(), QStringLiteral("Starter plan"));
        QCOMPARE(child<QSpinBox>(again, "productSubscriptionsLimit")->value(), 0);
        QCOMPARE(child<QComboBox>(again, "productState")->currentData().toString(), QStringLiteral("notPublished"));
        QCOMPARE(child<QPlainTextEdit>(again, "productTerms")->toPlainText(), QStringLiteral("Be nice."));
        QVERIFY(!child<QCheckBox>(again, "productSubscriptionRequired")->isChecked());
        const auto *product = reopened.find<model::Product>("starter");
        QCOMPARE(product->apis.size(), std::size_t(1));
        QCOMPARE(product->apis.front().target, std::string("conference-api"));
        QCOMPARE(product->groups.size(), std::size_t(1));
        QCOMPARE(product->groups.front().groupId, std::optional<std::string>("/groups/developers"));
    }

    void subscriptionStateAndKeysInTheFile()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        SubscriptionEditor editor(document, QStringLiteral("starter-demo"));
        editor.show();

        auto *primary = child<QLineEdit>(editor, "subscriptionPrimaryKey");
        QCOMPARE(primary->echoMode(), QLineEdit::Password); // masked until shown
        QCOMPARE(primary->text(), QStringLiteral("starter-demo-primary-key-0001"));
        click(editor, "subscriptionPrimaryKeyShow");
        QCOMPARE(primary->echoMode(), QLineEdit::Normal);

        // The sample's file has keys, so a new key goes there.
        click(editor, "subscriptionPrimaryKeyRegenerate");
        const QString regenerated = primary->text();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(regenerated).hasMatch());
        QCOMPARE(document.find<model::Subscription>("starter-demo")->primaryKey,
                 std::optional<std::string>(regenerated.toStdString()));
        document.undoStack()->undo();
        QCOMPARE(primary->text(), QStringLiteral("starter-demo-primary-key-0001"));
        document.undoStack()->redo();

        click(editor, "subscriptionSuspend");
        QCOMPARE(document.find<model::Subscription>("starter-demo")->state, std::optional<std::string>("suspended"));
        QVERIFY(!child<QPushButton>(editor, "subscriptionSuspend")->isEnabled());
        QVERIFY(child<QPushButton>(editor, "subscriptionActivate")->isEnabled());
        document.undoStack()->undo();
        QVERIFY(child<QPushButton>(editor, "subscriptionSuspend")->isEnabled());
        document.undoStack()->redo();

        // Scope: all APIs (the first entry).
        auto *scope = child<QComboBox>(editor, "subscriptionScope");
        QCOMPARE(scope->currentData().toString(), QStringLiteral("/products/starter"));
        QTest::keyClick(scope, Qt::Key_Home);
        QCOMPARE(document.find<model::Subscription>("starter-demo")->scope, std::optional<std::string>("/apis"));
        type(child<QLineEdit>(editor, "subscriptionDisplayName"), QStringLiteral("Starter trial"));
        QTest::mouseClick(child<QCheckBox>(editor, "subscriptionAllowTracing"), Qt::LeftButton);

        QVERIFY(document.save());
        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        SubscriptionEditor again(reopened, QStringLiteral("starter-demo"));
        QCOMPARE(child<QLineEdit>(again, "subscriptionPrimaryKey")->text(), regenerated);
        QCOMPARE(child<QLineEdit>(again, "subscriptionDisplayName")->text(), QStringLiteral("Starter trial"));
        QCOMPARE(child<QComboBox>(again, "subscriptionScope")->currentData().toString(), QStringLiteral("/apis"));
        QVERIFY(!child<QCheckBox>(again, "subscriptionAllowTracing")->isChecked());
        QCOMPARE(reopened.find<model::Subscription>("starter-demo")->state, std::optional<std::string>("suspended"));
    }

    // A subscription whose file has no keys gets local keys: in the secret store, never in the folder.
    void localSubscriptionKeysNeverReachTheFolder()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        const QString name = createEntity(Kind::Subscription, document);
        QCOMPARE(name, QStringLiteral("subscription-1"));
        SubscriptionEditor editor(document, name);
        editor.show();
        auto *primary = child<QLineEdit>(editor, "subscriptionPrimaryKey");
        QVERIFY(primary->text().isEmpty());
        click(editor, "subscriptionPrimaryKeyRegenerate");
        const QString key = primary->text();
        QCOMPARE(key.size(), 32);
        QVERIFY(!document.find<model::Subscription>(name.toStdString())->primaryKey);
        QCOMPARE(storedSecret(document.root(), LocalSecrets::subscriptionKey(name, QStringLiteral("primaryKey"))),
                 std::optional<std::string>(key.toStdString()));
        document.undoStack()->undo();
        QVERIFY(primary->text().isEmpty());
        QVERIFY(!storedSecret(document.root(), LocalSecrets::subscriptionKey(name, QStringLiteral("primaryKey"))));
        document.undoStack()->redo();
        QCOMPARE(primary->text(), key);

        QVERIFY(document.save());
        QVERIFY(QFile::exists(folder + QStringLiteral("/subscriptions/subscription-1/subscriptionInformation.json")));
        QCOMPARE(filesContaining(temp.path().string().c_str(), key), QStringList());
        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        SubscriptionEditor again(reopened, name);
        QCOMPARE(child<QLineEdit>(again, "subscriptionPrimaryKey")->text(), key);
    }

    void secretNamedValueNeverReachesTheFolder()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        const QString name = createEntity(Kind::NamedValue, document);
        NamedValueEditor editor(document, name);
        editor.show();

        auto *displayName = child<QLineEdit>(editor, "namedValueDisplayName");
        type(displayName, QStringLiteral("orders key"));
        QVERIFY(child<QLabel>(editor, "namedValueDisplayNameMessage")->isVisible()); // a space is not allowed
        QCOMPARE(document.find<model::NamedValue>(name.toStdString())->displayName,
                 std::optional<std::string>("orders")); // the last valid name
        type(displayName, QStringLiteral("orders-api-key"));
        QVERIFY(!child<QLabel>(editor, "namedValueDisplayNameMessage")->isVisible());
        QCOMPARE(child<QLabel>(editor, "namedValueUsage")->text(),
                 QStringLiteral("Policies use it as {{orders-api-key}}"));

        auto *value = child<QLineEdit>(editor, "namedValueValue");
        type(value, QStringLiteral("first-plain"));
        QCOMPARE(document.find<model::NamedValue>(name.toStdString())->value,
                 std::optional<std::string>("first-plain"));

        // Secret: the value moves to the store in one step, and is masked.
        QTest::mouseClick(child<QCheckBox>(editor, "namedValueSecret"), Qt::LeftButton);
        const auto *secret = document.find<model::NamedValue>(name.toStdString());
        QCOMPARE(secret->secret, std::optional<bool>(true));
        QVERIFY(!secret->value);
        QCOMPARE(value->echoMode(), QLineEdit::Password);
        QCOMPARE(value->text(), QStringLiteral("first-plain"));
        QCOMPARE(storedSecret(document.root(), LocalSecrets::namedValueKey(name)),
                 std::optional<std::string>("first-plain"));
        document.undoStack()->undo();
        QCOMPARE(document.find<model::NamedValue>(name.toStdString())->value,
                 std::optional<std::string>("first-plain"));
        QVERIFY(!child<QCheckBox>(editor, "namedValueSecret")->isChecked());
        QCOMPARE(value->echoMode(), QLineEdit::Normal);
        document.undoStack()->redo();

        const QString secretText = QStringLiteral("s3cr3t-%1").arg(SubscriptionEditor::generateKey());
        // Typing does not write the store at every keystroke: once when the field is left (or typing pauses),
        // as one undo step however often it was written.
        QSignalSpy writes(&LocalSecrets::of(document), &LocalSecrets::secretChanged);
        const int steps = document.undoStack()->count();
        type(value, secretText.left(10));
        QCOMPARE(writes.count(), 0);
        QCOMPARE(storedSecret(document.root(), LocalSecrets::namedValueKey(name)),
                 std::optional<std::string>("first-plain"));
        QTRY_COMPARE(writes.count(), 1); // the pause
        QCOMPARE(storedSecret(document.root(), LocalSecrets::namedValueKey(name)),
                 std::optional<std::string>(secretText.left(10).toStdString()));
        value->end(false);
        QTest::keyClicks(value, secretText.mid(10));
        QCOMPARE(writes.count(), 1);
        emit value->editingFinished(); // leaving the field
        QCOMPARE(writes.count(), 2);
        QCOMPARE(document.undoStack()->count(), steps + 1);
        QCOMPARE(value->text(), secretText);
        QVERIFY(!document.find<model::NamedValue>(name.toStdString())->value);
        document.undoStack()->undo();
        QCOMPARE(value->text(), QStringLiteral("first-plain"));
        document.undoStack()->redo();
        QCOMPARE(value->text(), secretText);
        click(editor, "namedValueReveal");
        QCOMPARE(value->echoMode(), QLineEdit::Normal);

        type(child<QLineEdit>(editor, "namedValueTags"), QStringLiteral("orders, secrets"));
        QCOMPARE(document.find<model::NamedValue>(name.toStdString())->tags,
                 std::optional<std::vector<std::string>>({"orders", "secrets"}));

        QVERIFY(document.save());
        QCOMPARE(filesContaining(QString::fromStdString(temp.path().string()), secretText), QStringList());
        QCOMPARE(filesContaining(QString::fromStdString(temp.path().string()), QStringLiteral("first-plain")),
                 QStringList());
        QCOMPARE(storedSecret(document.root(), LocalSecrets::namedValueKey(name)),
                 std::optional<std::string>(secretText.toStdString()));

        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        NamedValueEditor again(reopened, name);
        QCOMPARE(child<QLineEdit>(again, "namedValueDisplayName")->text(), QStringLiteral("orders-api-key"));
        QVERIFY(child<QCheckBox>(again, "namedValueSecret")->isChecked());
        QCOMPARE(child<QLineEdit>(again, "namedValueValue")->text(), secretText);
        QCOMPARE(child<QLineEdit>(again, "namedValueValue")->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>(again, "namedValueTags")->text(), QStringLiteral("orders, secrets"));
    }

    void plainNamedValueEditsAndUndo()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        NamedValueEditor editor(document, QStringLiteral("event-name"));
        auto *value = child<QLineEdit>(editor, "namedValueValue");
        QCOMPARE(value->text(), QStringLiteral("Contoso DevDays"));
        QVERIFY(!child<QToolButton>(editor, "namedValueReveal")->isVisibleTo(&editor));
        type(value, QStringLiteral("Contoso Days"));
        document.undoStack()->undo();
        QCOMPARE(value->text(), QStringLiteral("Contoso DevDays"));
    }

    // A Key Vault reference: the identifier is shown read-only; a local value for runs goes to the store only.
    void keyVaultNamedValueShowsItsIdentifier()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        model::NamedValue vault;
        vault.name = "orders-client-secret";
        vault.displayName = "orders-client-secret";
        vault.secret = true;
        // Built in code: moc reads "//" inside a raw string literal as a comment.
        vault.keyVault = model::Json::object();
        vault.keyVault["secretIdentifier"] = "https://vault.example/secrets/orders";
        document.putEntity(QStringLiteral("Add"), vault.name, std::optional(vault));
        NamedValueEditor editor(document, QStringLiteral("orders-client-secret"));
        editor.show();
        auto *identifier = child<QLineEdit>(editor, "namedValueKeyVault");
        QVERIFY(identifier->isVisible());
        QVERIFY(identifier->isReadOnly());
        QCOMPARE(identifier->text(), QStringLiteral("https://vault.example/secrets/orders"));
        QVERIFY(child<QLabel>(editor, "namedValueValueNote")->text().contains(QStringLiteral("Key Vault")));
        type(child<QLineEdit>(editor, "namedValueValue"), QStringLiteral("local-vault-value"));
        QVERIFY(!document.find<model::NamedValue>("orders-client-secret")->value);
        QVERIFY(document.save());
        QCOMPARE(filesContaining(folder, QStringLiteral("local-vault-value")), QStringList());
        QCOMPARE(storedSecret(document.root(), LocalSecrets::namedValueKey(QStringLiteral("orders-client-secret"))),
                 std::optional<std::string>("local-vault-value"));
    }

    void backendEditsUndoSaveAndReopen()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        const QString west = createEntity(Kind::Backend, document);
        const QString pool = createEntity(Kind::Backend, document);
        BackendEditor editor(document, west);
        editor.show();

        auto *url = child<QLineEdit>(editor, "backendUrl");
        QCOMPARE(url->text(), QStringLiteral("https://backend.example.com"));
        type(url, QStringLiteral("not a url"));
        QVERIFY(child<QLabel>(editor, "backendUrlMessage")->isVisible());
        type(url, QStringLiteral("https://orders-west.example.com/api"));
        QVERIFY(!child<QLabel>(editor, "backendUrlMessage")->isVisible());
        QCOMPARE(document.find<model::Backend>(west.toStdString())->url,
                 std::optional<std::string>("https://orders-west.example.com/api"));
        document.undoStack()->undo();
        QCOMPARE(url->text(), QStringLiteral("https://backend.example.com"));
        document.undoStack()->redo();
        type(child<QLineEdit>(editor, "backendTitle"), QStringLiteral("Orders (west)"));
        QTest::mouseClick(child<QCheckBox>(editor, "backendValidateName"), Qt::LeftButton);
        QCOMPARE(document.find<model::Backend>(west.toStdString())->validateCertificateName,
                 std::optional<bool>(false));

        // Credentials: a header row and an Authorization scheme.
        click(editor, "backendCredentialHeadersAdd");
        auto *headers = child<QTableView>(editor, "backendCredentialHeaders")->model();
        QCOMPARE(headers->rowCount(), 1);
        headers->setData(headers->index(0, 0), QStringLiteral("x-functions-key"));
        headers->setData(headers->index(0, 1), QStringLiteral("{{orders-key}}"));
        type(child<QLineEdit>(editor, "backendAuthScheme"), QStringLiteral("Bearer"));
        const auto &credentials = document.find<model::Backend>(west.toStdString())->credentials;
        QCOMPARE(
            QString::fromStdString(credentials.dump()),
            QStringLiteral(R"({"header":{"x-functions-key":["{{orders-key}}"]},"authorization":{"scheme":"Bearer"}})"));
        document.undoStack()->undo(); // the scheme
        QVERIFY(child<QLineEdit>(editor, "backendAuthScheme")->text().isEmpty());
        document.undoStack()->redo();

        // Circuit breaker: on, with other status codes; a bad duration is refused inline.
        auto *breaker = child<QGroupBox>(editor, "backendCircuitBreaker");
        QVERIFY(!breaker->isChecked());
        breaker->setChecked(true);
        QCOMPARE(document.find<model::Backend>(west.toStdString())->circuitBreakerRules.size(), std::size_t(1));
        type(child<QLineEdit>(editor, "backendStatusCodes"), QStringLiteral("500-599, 429"));
        type(child<QLineEdit>(editor, "backendTripDuration"), QStringLiteral("soon"));
        QVERIFY(child<QLabel>(editor, "backendBreakerMessage")->isVisible());
        type(child<QLineEdit>(editor, "backendTripDuration"), QStringLiteral("PT30S"));
        QVERIFY(!child<QLabel>(editor, "backendBreakerMessage")->isVisible());
        child<QSpinBox>(editor, "backendFailureCount")->setValue(3);
        const auto &rule = document.find<model::Backend>(west.toStdString())->circuitBreakerRules.front();
        QCOMPARE(rule.statusCodeRanges.size(), std::size_t(2));
        QCOMPARE(rule.statusCodeRanges[1].min, 429);
        QCOMPARE(rule.tripDuration, std::optional<std::string>("PT30S"));
        QCOMPARE(rule.failureCount, std::optional<std::int64_t>(3));

        // The second backend becomes a pool with the first as its member.
        BackendEditor poolEditor(document, pool);
        poolEditor.show();
        auto *type = child<QComboBox>(poolEditor, "backendType");
        QTest::keyClick(type, Qt::Key_Down);
        QVERIFY(document.find<model::Backend>(pool.toStdString())->isPool());
        QVERIFY(!document.find<model::Backend>(pool.toStdString())->url);
        QVERIFY(!child<QGroupBox>(poolEditor, "backendConnection")->isVisible());
        QVERIFY(child<QGroupBox>(poolEditor, "backendPool")->isVisible());
        click(poolEditor, "backendPoolMembersAdd");
        auto *members = child<QTableView>(poolEditor, "backendPoolMembers")->model();
        members->setData(members->index(0, 0), west);
        members->setData(members->index(0, 1), QStringLiteral("3"));
        QCOMPARE(document.find<model::Backend>(pool.toStdString())->pool.size(), std::size_t(1));
        QCOMPARE(document.find<model::Backend>(pool.toStdString())->pool.front().id, "/backends/" + west.toStdString());
        QCOMPARE(document.find<model::Backend>(pool.toStdString())->pool.front().weight,
                 std::optional<std::int64_t>(3));
        document.undoStack()->undo(); // the weight
        QCOMPARE(members->index(0, 1).data().toString(), QStringLiteral("1"));
        document.undoStack()->redo();

        QVERIFY(document.save());
        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        BackendEditor again(reopened, west);
        QCOMPARE(child<QLineEdit>(again, "backendUrl")->text(), QStringLiteral("https://orders-west.example.com/api"));
        QCOMPARE(child<QLineEdit>(again, "backendTitle")->text(), QStringLiteral("Orders (west)"));
        QCOMPARE(child<QLineEdit>(again, "backendStatusCodes")->text(), QStringLiteral("500-599, 429"));
        QCOMPARE(child<QLineEdit>(again, "backendAuthScheme")->text(), QStringLiteral("Bearer"));
        QCOMPARE(child<QTableView>(again, "backendCredentialHeaders")->model()->index(0, 1).data().toString(),
                 QStringLiteral("{{orders-key}}"));
        QVERIFY(!child<QCheckBox>(again, "backendValidateName")->isChecked());
        BackendEditor poolAgain(reopened, pool);
        QCOMPARE(child<QComboBox>(poolAgain, "backendType")->currentData().toString(), QStringLiteral("Pool"));
        QCOMPARE(child<QTableView>(poolAgain, "backendPoolMembers")->model()->index(0, 0).data().toString(), west);
    }

    // The circuit breaker's rules are a list: every rule is added, edited and removed on its own.
    void backendCircuitBreakerRulesAreAList()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        const QString name = createEntity(Kind::Backend, document);
        BackendEditor editor(document, name);
        editor.show();
        auto rules = [&] { return document.find<model::Backend>(name.toStdString())->circuitBreakerRules; };
        auto *list = child<QListView>(editor, "backendRules");
        auto *ruleName = child<QLineEdit>(editor, "backendRuleName");
        auto *statusCodes = child<QLineEdit>(editor, "backendStatusCodes");

        child<QGroupBox>(editor, "backendCircuitBreaker")->setChecked(true);
        QCOMPARE(rules().size(), std::size_t(1));
        QCOMPARE(list->model()->rowCount(), 1);
        click(editor, "backendAddRule");
        QCOMPARE(rules().size(), std::size_t(2));
        QCOMPARE(rules()[1].name, std::optional<std::string>("breaker-2"));
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(list->currentIndex().row(), 1);
        QCOMPARE(ruleName->text(), QStringLiteral("breaker-2"));
        const int steps = document.undoStack()->count();
        type(ruleName, QStringLiteral("throttled"));
        type(statusCodes, QStringLiteral("429"));
        QCOMPARE(document.undoStack()->count(), steps + 2); // one step per field, typing merged
        QCOMPARE(rules()[1].name, std::optional<std::string>("throttled"));
        QCOMPARE(rules()[1].statusCodeRanges.size(), std::size_t(1));
        QCOMPARE(rules()[1].statusCodeRanges[0].min, 429);
        QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("throttled"));
        // The first rule is untouched, and shows again when selected.
        QCOMPARE(rules()[0].name, std::optional<std::string>("breaker"));
        QCOMPARE(rules()[0].statusCodeRanges[0].min, 500);
        list->setCurrentIndex(list->model()->index(0, 0));
        QCOMPARE(ruleName->text(), QStringLiteral("breaker"));
        QCOMPARE(statusCodes->text(), QStringLiteral("500-599"));
        type(child<QLineEdit>(editor, "backendTripDuration"), QStringLiteral("PT5M"));
        QCOMPARE(rules()[0].tripDuration, std::optional<std::string>("PT5M"));
        QCOMPARE(rules()[1].tripDuration, std::optional<std::string>("PT1M"));
        // Undo follows the rule it changes.
        document.undoStack()->undo();
        QCOMPARE(child<QLineEdit>(editor, "backendTripDuration")->text(), QStringLiteral("PT1M"));

        // Removing the selected rule leaves the other, selected; undo brings it back in its place.
        click(editor, "backendRemoveRule");
        QCOMPARE(rules().size(), std::size_t(1));
        QCOMPARE(rules()[0].name, std::optional<std::string>("throttled"));
        QCOMPARE(ruleName->text(), QStringLiteral("throttled"));
        document.undoStack()->undo();
        QCOMPARE(rules().size(), std::size_t(2));
        QCOMPARE(rules()[0].name, std::optional<std::string>("breaker"));
        QCOMPARE(list->model()->rowCount(), 2);
        // Turning the breaker off removes every rule in one step.
        child<QGroupBox>(editor, "backendCircuitBreaker")->setChecked(false);
        QVERIFY(rules().empty());
        QCOMPARE(list->model()->rowCount(), 0);
        document.undoStack()->undo();
        QCOMPARE(rules().size(), std::size_t(2));
    }

    // A version set that APIs use is not deleted behind their back: refused, or deleted with them detached, as
    // one step, through the navigator's menu.
    void deletingAVersionSetInUse()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        QCOMPARE(apisInVersionSet(document, QStringLiteral("conference")),
                 QStringList{QStringLiteral("conference-api")});
        const int steps = document.undoStack()->count();
        QVERIFY(!deleteEntity(Kind::VersionSet, QStringLiteral("conference"), document));
        QVERIFY(document.find<model::VersionSet>("conference"));
        QCOMPARE(document.undoStack()->count(), steps);

        // The menu names the APIs; Cancel changes nothing, Detach and Delete does it all in one step.
        WorkspaceTreeModel tree;
        tree.setWorkspace(document.model());
        QModelIndex item;
        std::function<void(const QModelIndex &)> find = [&](const QModelIndex &parent) {
            for (int row = 0; row < tree.rowCount(parent); ++row) {
                const QModelIndex index = tree.index(row, 0, parent);
                if (index.data(WorkspaceTreeModel::KindRole).value<Kind>() == Kind::VersionSet &&
                    index.data(WorkspaceTreeModel::NameRole).toString() == QLatin1String("conference"))
                    item = index;
                find(index);
            }
        };
        find({});
        QVERIFY(item.isValid());
        QWidget parent;
        QString shown;
        auto answer = [&](const char *button) {
            QTimer::singleShot(0, [&, button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                shown = box->text();
                QTest::mouseClick(box->findChild<QAbstractButton *>(QLatin1String(button)), Qt::LeftButton);
            });
        };
        auto trigger = [&] {
            QMenu menu(&parent);
            QVERIFY(addEntityActions(&menu, item, document));
            menu.findChild<QAction *>(QStringLiteral("deleteEntityAction"))->trigger();
        };
        answer("cancelButton");
        trigger();
        QVERIFY2(shown.contains(QStringLiteral("conference-api")), qPrintable(shown));
        QVERIFY(document.find<model::VersionSet>("conference"));
        QCOMPARE(document.undoStack()->count(), steps);
        answer("detachAndDeleteButton");
        trigger();
        QVERIFY(!document.find<model::VersionSet>("conference"));
        const model::Api *api = document.find<model::Api>("conference-api");
        QVERIFY(!api->apiVersionSetId);
        QVERIFY(!api->apiVersion);
        QCOMPARE(document.undoStack()->count(), steps + 1);
        document.undoStack()->undo();
        QVERIFY(document.find<model::VersionSet>("conference"));
        QVERIFY(document.find<model::Api>("conference-api")->apiVersionSetId);
        QCOMPARE(apisInVersionSet(document, QStringLiteral("conference")),
                 QStringList{QStringLiteral("conference-api")});
    }

    // Renaming a product moves its folder on save and updates the subscriptions' scopes, as one undo step.
    void renameProductUpdatesSubscriptionsAndMovesTheFolder()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        QVERIFY(canRename(Kind::Product));
        QVERIFY(!canRename(Kind::Api));
        QVERIFY(
            !checkNewName(Kind::Product, QStringLiteral("starter"), QStringLiteral("unlimited"), document).isEmpty());
        QVERIFY(
            !checkNewName(Kind::Product, QStringLiteral("starter"), QStringLiteral("has space"), document).isEmpty());
        QVERIFY(checkNewName(Kind::Product, QStringLiteral("starter"), QStringLiteral("basic"), document).isEmpty());
        QVERIFY(!renameEntity(Kind::Product, QStringLiteral("starter"), QStringLiteral("unlimited"), document));

        const auto starter = *document.find<model::Product>("starter");
        const int steps = document.undoStack()->count();
        QVERIFY(renameEntity(Kind::Product, QStringLiteral("starter"), QStringLiteral("basic"), document));
        QCOMPARE(document.undoStack()->count(), steps + 1);
        QVERIFY(!document.find<model::Product>("starter"));
        QCOMPARE(document.find<model::Product>("basic")->displayName, starter.displayName);
        QCOMPARE(document.find<model::Product>("basic")->apis.size(), starter.apis.size());
        QCOMPARE(document.find<model::Subscription>("starter-demo")->scope,
                 std::optional<std::string>("/products/basic"));
        QCOMPARE(document.find<model::Subscription>("unlimited-demo")->scope,
                 std::optional<std::string>("/products/unlimited"));
        document.undoStack()->undo();
        QVERIFY(document.find<model::Product>("starter"));
        QCOMPARE(document.find<model::Subscription>("starter-demo")->scope,
                 std::optional<std::string>("/products/starter"));
        document.undoStack()->redo();

        QVERIFY(document.save());
        const QDir root(document.root());
        QVERIFY(!root.exists(QStringLiteral("products/starter")));
        QVERIFY(root.exists(QStringLiteral("products/basic/productInformation.json")));
        QVERIFY(root.exists(QStringLiteral("products/basic/policy.xml")));
        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        QVERIFY(!reopened.find<model::Product>("starter"));
        const model::Product *basic = reopened.find<model::Product>("basic");
        QVERIFY(basic);
        QCOMPARE(basic->displayName, starter.displayName);
        QCOMPARE(basic->apis.size(), starter.apis.size());
        QCOMPARE(basic->policy.has_value(), starter.policy.has_value());
        QCOMPARE(reopened.find<model::Subscription>("starter-demo")->scope,
                 std::optional<std::string>("/products/basic"));
    }

    // A group's new name reaches the products' links and the users' groups; a secret moves with its named value;
    // the dialog refuses a bad name inline.
    void renameGroupNamedValueAndTheDialog()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        const QString group = createEntity(Kind::Group, document);
        model::Product product = *document.find<model::Product>("starter");
        product.groups.push_back({group.toStdString(), std::nullopt, "/groups/" + group.toStdString()});
        document.putEntity(QStringLiteral("link"), product.name, std::optional(product));
        const QString user = createEntity(Kind::User, document);
        User member = *UserDirectory::of(document).find(user);
        member.groups = {group};
        UserDirectory::of(document).put(QStringLiteral("join"), user, member);
        QCOMPARE(renameReferences(Kind::Group, group, document).size(), 2);

        const int steps = document.undoStack()->count();
        QVERIFY(renameEntity(Kind::Group, group, QStringLiteral("partners"), document));
        QCOMPARE(document.undoStack()->count(), steps + 1);
        QVERIFY(document.find<model::Group>("partners"));
        const auto &links = document.find<model::Product>("starter")->groups;
        QCOMPARE(links.back().group, std::string("partners"));
        QCOMPARE(links.back().groupId, std::optional<std::string>("/groups/partners"));
        QCOMPARE(UserDirectory::of(document).find(user)->groups, QStringList{QStringLiteral("partners")});
        document.undoStack()->undo();
        QVERIFY(document.find<model::Group>(group.toStdString()));
        QCOMPARE(document.find<model::Product>("starter")->groups.back().group, group.toStdString());
        QCOMPARE(UserDirectory::of(document).find(user)->groups, QStringList{group});

        // A secret named value's local value follows its new name.
        const QString secret = createEntity(Kind::NamedValue, document);
        {
            NamedValueEditor editor(document, secret);
            QTest::mouseClick(child<QCheckBox>(editor, "namedValueSecret"), Qt::LeftButton);
            type(child<QLineEdit>(editor, "namedValueValue"), QStringLiteral("moving-secret"));
            emit child<QLineEdit>(editor, "namedValueValue")->editingFinished();
        }
        QCOMPARE(LocalSecrets::of(document).value(LocalSecrets::namedValueKey(secret)),
                 std::optional<QString>(QStringLiteral("moving-secret")));
        QVERIFY(renameEntity(Kind::NamedValue, secret, QStringLiteral("partner-key"), document));
        QCOMPARE(LocalSecrets::of(document).value(LocalSecrets::namedValueKey(QStringLiteral("partner-key"))),
                 std::optional<QString>(QStringLiteral("moving-secret")));
        QVERIFY(!LocalSecrets::of(document).value(LocalSecrets::namedValueKey(secret)));
        document.undoStack()->undo();
        QCOMPARE(LocalSecrets::of(document).value(LocalSecrets::namedValueKey(secret)),
                 std::optional<QString>(QStringLiteral("moving-secret")));

        // The dialog: Rename is off while the name cannot be used, and the message says why.
        const QString backend = createEntity(Kind::Backend, document);
        const QString other = createEntity(Kind::Backend, document);
        RenameDialog rename(Kind::Backend, backend, document);
        rename.show();
        auto *edit = child<QLineEdit>(rename, "renameEdit");
        auto *button = child<QPushButton>(rename, "renameButton");
        QCOMPARE(edit->text(), backend);
        QVERIFY(!button->isEnabled()); // the same name
        type(edit, other);
        QVERIFY(!button->isEnabled());
        QVERIFY(child<QLabel>(rename, "renameMessage")->isVisible());
        QVERIFY(child<QLabel>(rename, "renameMessage")->text().contains(other));
        type(edit, QStringLiteral("orders-west"));
        QVERIFY(!child<QLabel>(rename, "renameMessage")->isVisible());
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(document.find<model::Backend>("orders-west"));
        QVERIFY(!document.find<model::Backend>(backend.toStdString()));

        // The navigator's menu offers it, with F2.
        QMenu menu;
        WorkspaceTreeModel tree;
        tree.setWorkspace(document.model());
        QModelIndex item;
        std::function<void(const QModelIndex &)> find = [&](const QModelIndex &parent) {
            for (int row = 0; row < tree.rowCount(parent); ++row) {
                const QModelIndex index = tree.index(row, 0, parent);
                if (index.data(WorkspaceTreeModel::NameRole).toString() == QLatin1String("orders-west"))
                    item = index;
                find(index);
            }
        };
        find({});
        QVERIFY(addEntityActions(&menu, item, document));
        auto *action = menu.findChild<QAction *>(QStringLiteral("renameEntityAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F2));
    }

    void versionSetSchemeEnablesItsField()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        VersionSetEditor editor(document, QStringLiteral("conference"));
        editor.show();
        auto *scheme = child<QComboBox>(editor, "versionSetScheme");
        auto *header = child<QLineEdit>(editor, "versionSetHeaderName");
        auto *query = child<QLineEdit>(editor, "versionSetQueryName");
        QCOMPARE(scheme->currentData().toString(), QStringLiteral("Segment"));
        QVERIFY(!header->isEnabled() && !query->isEnabled());
        QCOMPARE(child<QListView>(editor, "versionSetApis")->model()->rowCount(), 1);

        QTest::keyClick(scheme, Qt::Key_Down);
        QCOMPARE(scheme->currentData().toString(), QStringLiteral("Header"));
        QVERIFY(header->isEnabled() && !query->isEnabled());
        QCOMPARE(header->text(), QStringLiteral("Api-Version"));
        type(header, {});
        QVERIFY(child<QLabel>(editor, "versionSetSchemeMessage")->isVisible());
        type(header, QStringLiteral("X-Version"));
        document.undoStack()->undo(); // the header name
        document.undoStack()->undo(); // the scheme
        QCOMPARE(scheme->currentData().toString(), QStringLiteral("Segment"));
        QVERIFY(!header->isEnabled());
        document.undoStack()->redo();
        document.undoStack()->redo();
        type(child<QLineEdit>(editor, "versionSetDisplayName"), QStringLiteral("Conference"));

        QVERIFY(document.save());
        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        VersionSetEditor again(reopened, QStringLiteral("conference"));
        QCOMPARE(child<QComboBox>(again, "versionSetScheme")->currentData().toString(), QStringLiteral("Header"));
        QCOMPARE(child<QLineEdit>(again, "versionSetHeaderName")->text(), QStringLiteral("X-Version"));
        QCOMPARE(child<QLineEdit>(again, "versionSetDisplayName")->text(), QStringLiteral("Conference"));
    }

    void groupEditsAndDeleteRemovesProductLinks()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        const QString name = createEntity(Kind::Group, document);
        GroupEditor editor(document, name);
        editor.show();
        type(child<QLineEdit>(editor, "groupDisplayName"), QStringLiteral("Partners"));
        auto *externalId = child<QLineEdit>(editor, "groupExternalId");
        QVERIFY(!externalId->isEnabled());
        QTest::keyClick(child<QComboBox>(editor, "groupType"), Qt::Key_Down);
        QVERIFY(externalId->isEnabled());
        QVERIFY(child<QLabel>(editor, "groupExternalIdMessage")->isVisible());
        type(externalId, QStringLiteral("aad://contoso.onmicrosoft.com/groups/42"));
        document.undoStack()->undo();
        QVERIFY(externalId->text().isEmpty());
        document.undoStack()->redo();
        QVERIFY(document.save());

        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        GroupEditor again(reopened, name);
        QCOMPARE(child<QLineEdit>(again, "groupDisplayName")->text(), QStringLiteral("Partners"));
        QCOMPARE(child<QComboBox>(again, "groupType")->currentData().toString(), QStringLiteral("external"));
        QCOMPARE(child<QLineEdit>(again, "groupExternalId")->text(),
                 QStringLiteral("aad://contoso.onmicrosoft.com/groups/42"));

        // Deleting a linked group removes the link in the same step.
        ProductEditor product(reopened, QStringLiteral("starter"));
        auto *groups = child<QListView>(product, "productGroups")->model();
        for (int row = 0; row < groups->rowCount(); ++row) {
            if (groups->index(row, 0).data(CheckListModel::IdRole).toString() == name)
                groups->setData(groups->index(row, 0), Qt::Checked, Qt::CheckStateRole);
        }
        QCOMPARE(reopened.find<model::Product>("starter")->groups.size(), std::size_t(1));
        QVERIFY(deleteEntity(Kind::Group, name, reopened));
        QVERIFY(!reopened.find<model::Group>(name.toStdString()));
        QVERIFY(reopened.find<model::Product>("starter")->groups.empty());
        QVERIFY(child<QLabel>(again, "editorMissing")->isVisibleTo(&again));
        reopened.undoStack()->undo();
        QCOMPARE(reopened.find<model::Product>("starter")->groups.size(), std::size_t(1));
        QVERIFY(!child<QLabel>(again, "editorMissing")->isVisibleTo(&again));
    }

    void usersAreConsoleDataAndUndoable()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        const QString id = createEntity(Kind::User, document);
        QCOMPARE(id, QStringLiteral("user-1"));
        UserEditor editor(document, id);
        editor.show();
        type(child<QLineEdit>(editor, "userFirstName"), QStringLiteral("Ada"));
        type(child<QLineEdit>(editor, "userLastName"), QStringLiteral("Lovelace"));
        auto *email = child<QLineEdit>(editor, "userEmail");
        type(email, QStringLiteral("ada@"));
        QVERIFY(child<QLabel>(editor, "userEmailMessage")->isVisible());
        type(email, QStringLiteral("ada@contoso.com"));
        QVERIFY(!child<QLabel>(editor, "userEmailMessage")->isVisible());
        QTest::keyClick(child<QComboBox>(editor, "userState"), Qt::Key_Down);
        QCOMPARE(UserDirectory::of(document).find(id)->state, QStringLiteral("blocked"));
        document.undoStack()->undo();
        QCOMPARE(child<QComboBox>(editor, "userState")->currentData().toString(), QStringLiteral("active"));
        document.undoStack()->undo(); // typing in one field is one step, however it was spelt
        QVERIFY(email->text().isEmpty());
        QCOMPARE(child<QLineEdit>(editor, "userLastName")->text(), QStringLiteral("Lovelace"));
        document.undoStack()->redo();
        QCOMPARE(email->text(), QStringLiteral("ada@contoso.com"));
        auto *groups = child<QListView>(editor, "userGroups")->model();
        groups->setData(groups->index(1, 0), Qt::Checked, Qt::CheckStateRole); // developers

        // Nothing is written before the workspace is saved, and then outside the root.
        const QString file = QString::fromStdString((temp.path() / ".gatehouse/users/user-1.json").string());
        QVERIFY(!QFile::exists(file));
        QVERIFY(document.save());
        QVERIFY(QFile::exists(file));
        QCOMPARE(filesContaining(folder, QStringLiteral("ada@contoso.com")), QStringList());

        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        UserEditor again(reopened, id);
        QCOMPARE(child<QLineEdit>(again, "userFirstName")->text(), QStringLiteral("Ada"));
        QCOMPARE(child<QLineEdit>(again, "userEmail")->text(), QStringLiteral("ada@contoso.com"));
        QCOMPARE(UserDirectory::of(reopened).find(id)->groups, QStringList{QStringLiteral("developers")});

        QVERIFY(deleteEntity(Kind::User, id, reopened));
        QVERIFY(reopened.save());
        QVERIFY(!QFile::exists(file));
    }

    void navigatorListsGroupsAndUsers()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        createEntity(Kind::Group, document);
        WorkspaceTreeModel tree;
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setWorkspace(document.model());
        tree.setUsers({{QStringLiteral("ada"), QStringLiteral("Ada Lovelace"), QStringLiteral("ada@contoso.com")}});
        auto category = [&](Kind wanted) {
            for (int row = 0; row < tree.rowCount(); ++row) {
                const QModelIndex index = tree.index(row, 0);
                if (kindOfCategory(index.data(WorkspaceTreeModel::NameRole).toString()) == wanted)
                    return index;
            }
            return QModelIndex();
        };
        const QModelIndex groups = category(Kind::Group);
        const QModelIndex users = category(Kind::User);
        QVERIFY(groups.isValid() && users.isValid());
        QCOMPARE(tree.rowCount(groups), 1);
        QCOMPARE(tree.index(0, 0, groups).data(WorkspaceTreeModel::KindRole).value<Kind>(), Kind::Group);
        QCOMPARE(tree.index(0, 0, users).data().toString(), QStringLiteral("Ada Lovelace"));
        tree.setWorkspace(document.model()); // users survive a refresh of the workspace
        QCOMPARE(tree.rowCount(category(Kind::User)), 1);

        // The menu actions the shell shows: "New Group…" on the category, "Delete Group" on a group.
        QString opened;
        QMenu categoryMenu;
        QVERIFY(addEntityActions(&categoryMenu, category(Kind::Group), document,
                                 [&](Kind, const QString &name) { opened = name; }));
        categoryMenu.findChild<QAction *>(QStringLiteral("newEntityAction"))->trigger();
        QCOMPARE(opened, QStringLiteral("group-2"));
        QVERIFY(document.find<model::Group>("group-2"));
        tree.setWorkspace(document.model());
        QMenu itemMenu;
        QVERIFY(addEntityActions(&itemMenu, tree.index(1, 0, category(Kind::Group)), document));
        itemMenu.findChild<QAction *>(QStringLiteral("deleteEntityAction"))->trigger();
        QVERIFY(!document.find<model::Group>("group-2"));
        QMenu apiMenu; // an operation or an API is not this area's
        QVERIFY(!addEntityActions(&apiMenu, QModelIndex(), document));
    }
};

QTEST_MAIN(EntityEditorsTest)
#include "entity_editors_test.moc"
