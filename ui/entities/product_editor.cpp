#include "product_editor.h"

#include "check_list_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

namespace gh::entities {

namespace model = gw::model;

namespace {

// The groups every APIM instance has; the extractor never writes them as folders, but products link them.
const char *const kBuiltInGroups[] = {"administrators", "developers", "guests"};

QListView *makeCheckList(CheckListModel *model, const QString &objectName, const QString &accessibleName)
{
    auto *view = new QListView;
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setUniformItemSizes(true);
    fitHeight(view, 0);
    view->setSpacing(1);
    QObject::connect(model, &QAbstractItemModel::modelReset, view,
                     [view, model] { fitHeight(view, model->rowCount()); });
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

} // namespace

ProductEditor::ProductEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent)
    : EntityEditor(document, workspace::EntityKind::Product, QStringLiteral("product"), name, parent),
      m_apis(new CheckListModel(this)), m_groups(new CheckListModel(this))
{
    setObjectName(QStringLiteral("productEditor"));

    QFormLayout *general = addSection(tr("Product"), QStringLiteral("productGeneral"));
    m_displayName = new QLineEdit;
    m_displayName->setObjectName(QStringLiteral("productDisplayName"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setMaxLength(300);
    general->addRow(tr("&Display name:"), m_displayName);
    m_displayNameMessage = addMessage(general, QStringLiteral("productDisplayNameMessage"));
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("productDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What the product offers; HTML is allowed"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    general->addRow(tr("D&escription:"), m_description);
    m_state = new QComboBox;
    m_state->setObjectName(QStringLiteral("productState"));
    m_state->setAccessibleName(tr("State"));
    m_state->addItem(tr("Published"), QStringLiteral("published"));
    m_state->addItem(tr("Not published"), QStringLiteral("notPublished"));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    general->addRow(tr("S&tate:"), m_state);
    auto *editPolicy = new QPushButton(tr("Edit Po&licy…"));
    editPolicy->setObjectName(QStringLiteral("editProductPolicyButton"));
    editPolicy->setAccessibleName(tr("Edit the product's policy"));
    connect(editPolicy, &QPushButton::clicked, this, [this] { emit policyRequested(m_name); });
    auto *policyRow = new QHBoxLayout;
    policyRow->addWidget(editPolicy);
    policyRow->addStretch();
    general->addRow(tr("Policy:"), policyRow);

    QFormLayout *access = addSection(tr("Subscriptions"), QStringLiteral("productAccess"));
    m_subscriptionRequired = new QCheckBox(tr("Callers need a subscription &key"));
    m_subscriptionRequired->setObjectName(QStringLiteral("productSubscriptionRequired"));
    m_subscriptionRequired->setToolTip(tr("Off: an open product, its APIs answer without a key"));
    access->addRow(QString(), m_subscriptionRequired);
    m_approvalRequired = new QCheckBox(tr("New subscriptions wait for an administrator's a&pproval"));
    m_approvalRequired->setObjectName(QStringLiteral("productApprovalRequired"));
    access->addRow(QString(), m_approvalRequired);
    m_subscriptionsLimit = new QSpinBox;
    m_subscriptionsLimit->setObjectName(QStringLiteral("productSubscriptionsLimit"));
    m_subscriptionsLimit->setAccessibleName(tr("Subscriptions per user"));
    m_subscriptionsLimit->setRange(0, 1000000);
    m_subscriptionsLimit->setSpecialValueText(tr("Unlimited"));
    m_subscriptionsLimit->setToolTip(tr("How many subscriptions one user may hold; the lowest value means unlimited"));
    access->addRow(tr("Subscriptions per &user:"), m_subscriptionsLimit);

    QFormLayout *contents = addSection(tr("APIs and visibility"), QStringLiteral("productContents"));
    m_contents = contents;
    m_apiList = makeCheckList(m_apis, QStringLiteral("productApis"), tr("APIs in the product"));
    auto *apisLabel = new QLabel(tr("&APIs:"));
    apisLabel->setBuddy(m_apiList);
    contents->addRow(apisLabel, m_apiList);
    m_apisEmpty = addNote(contents, QStringLiteral("productApisEmpty"),
                          tr("The workspace has no APIs yet. Create or import one, then tick it here."));
    m_groupList = makeCheckList(m_groups, QStringLiteral("productGroups"), tr("Groups that see the product"));
    auto *groupsLabel = new QLabel(tr("&Groups:"));
    groupsLabel->setBuddy(m_groupList);
    contents->addRow(groupsLabel, m_groupList);

    QFormLayout *legal = addSection(tr("Terms of use"), QStringLiteral("productLegal"));
    m_terms = new QPlainTextEdit;
    m_terms->setObjectName(QStringLiteral("productTerms"));
    m_terms->setAccessibleName(tr("Terms of use"));
    m_terms->setTabChangesFocus(true);
    m_terms->setPlaceholderText(tr("Shown to developers when they subscribe"));
    m_terms->setFixedHeight(m_terms->fontMetrics().lineSpacing() * 4 + 12);
    legal->addRow(tr("Te&rms:"), m_terms);

    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        showMessage(m_displayNameMessage, text.trimmed().isEmpty() ? tr("A product needs a display name.") : QString());
        edit<model::Product>(tr("Edit product display name"), QStringLiteral("displayName"),
                             [&](model::Product &p) { p.displayName = fromEdit(text, p.displayName); });
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_description->toPlainText();
        const auto *product = m_document.find<model::Product>(m_name.toStdString());
        if (!product || toQString(product->description) == text)
            return;
        edit<model::Product>(tr("Edit product description"), QStringLiteral("description"),
                             [&](model::Product &p) { p.description = fromEdit(text, p.description); });
    });
    connect(m_terms, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_terms->toPlainText();
        const auto *product = m_document.find<model::Product>(m_name.toStdString());
        if (!product || toQString(product->terms) == text)
            return;
        edit<model::Product>(tr("Edit product terms"), QStringLiteral("terms"),
                             [&](model::Product &p) { p.terms = fromEdit(text, p.terms); });
    });
    connect(m_state, &QComboBox::activated, this, [this](int index) {
        const std::string state = m_state->itemData(index).toString().toStdString();
        edit<model::Product>(tr("Change product state"), {}, [&](model::Product &p) { p.state = state; });
    });
    connect(m_subscriptionRequired, &QCheckBox::toggled, this, [this](bool on) {
        edit<model::Product>(on ? tr("Require subscription") : tr("Open product"), {},
                             [&](model::Product &p) { p.subscriptionRequired = on; });
    });
    connect(m_approvalRequired, &QCheckBox::toggled, this, [this](bool on) {
        edit<model::Product>(tr("Change approval"), {}, [&](model::Product &p) { p.approvalRequired = on; });
    });
    connect(m_subscriptionsLimit, &QSpinBox::valueChanged, this, [this](int value) {
        edit<model::Product>(tr("Change subscriptions limit"), QStringLiteral("subscriptionsLimit"),
                             [&](model::Product &p) {
                                 if (value == 0)
                                     p.subscriptionsLimit.reset();
                                 else
                                     p.subscriptionsLimit = value;
                             });
    });
    connect(m_apis, &CheckListModel::toggled, this, &ProductEditor::toggleApi);
    connect(m_groups, &CheckListModel::toggled, this, &ProductEditor::toggleGroup);

    setTabOrder(m_displayName, m_description);
    setTabOrder(m_description, m_state);
    setTabOrder(m_state, m_subscriptionRequired);
    setTabOrder(m_subscriptionRequired, m_approvalRequired);
    setTabOrder(m_approvalRequired, m_subscriptionsLimit);
    setTabOrder(m_subscriptionsLimit, m_apiList);
    setTabOrder(m_apiList, m_groupList);
    setTabOrder(m_groupList, m_terms);
    reload();
}

bool ProductEditor::exists() const
{
    return m_document.find<model::Product>(m_name.toStdString()) != nullptr;
}

void ProductEditor::refresh()
{
    const model::Product &product = *m_document.find<model::Product>(m_name.toStdString());
    const model::Workspace &workspace = m_document.model();
    setHeading(toQString(product.displayName.value_or(product.name)),
               tr("Product · %1 · products/%1/productInformation.json").arg(toQString(product.name)));
    setText(m_displayName, toQString(product.displayName));
    setText(m_description, toQString(product.description));
    setText(m_terms, toQString(product.terms));
    const QString state = toQString(product.state.value_or("notPublished"));
    m_state->setCurrentIndex(std::max(0, m_state->findData(state)));
    // APIM's default when the file does not say: a product requires subscriptions.
    setChecked(m_subscriptionRequired, product.subscriptionRequired.value_or(true));
    setChecked(m_approvalRequired, product.approvalRequired.value_or(false));
    m_approvalRequired->setEnabled(m_subscriptionRequired->isChecked());
    m_subscriptionsLimit->setEnabled(m_subscriptionRequired->isChecked());
    const int limit = static_cast<int>(std::clamp<std::int64_t>(product.subscriptionsLimit.value_or(0), 0, 1000000));
    if (m_subscriptionsLimit->value() != limit)
        m_subscriptionsLimit->setValue(limit);

    QList<CheckListModel::Item> apis;
    for (const model::Api &api : workspace.apis) {
        if (api.isRevisionFolder())
            continue;
        QString text = toQString(api.displayName.value_or(api.name));
        if (api.apiVersion && !api.apiVersion->empty())
            text += QLatin1Char(' ') + toQString(*api.apiVersion);
        const bool linked = std::any_of(product.apis.begin(), product.apis.end(),
                                        [&](const model::Link &link) { return link.target == api.name; });
        apis.push_back({toQString(api.name), text, QStringLiteral("/") + toQString(api.path), linked});
    }
    // Links to APIs the workspace does not have stay visible (and removable).
    for (const model::Link &link : product.apis) {
        if (!workspace.findApi(link.target))
            apis.push_back(
                {toQString(link.target), tr("%1 (not in the workspace)").arg(toQString(link.target)), {}, true});
    }
    m_apis->setItems(apis);
    m_apisEmpty->setVisible(apis.isEmpty());
    m_contents->setRowVisible(m_apiList, !apis.isEmpty());

    QList<CheckListModel::Item> groups;
    auto linked = [&](const std::string &group) {
        return std::any_of(product.groups.begin(), product.groups.end(),
                           [&](const model::ProductGroupLink &link) { return link.group == group; });
    };
    for (const char *builtIn : kBuiltInGroups)
        groups.push_back(
            {QString::fromLatin1(builtIn), QString::fromLatin1(builtIn) + tr(" (built in)"), {}, linked(builtIn)});
    for (const model::Group &group : workspace.groups)
        groups.push_back({toQString(group.name), toQString(group.displayName.value_or(group.name)),
                          toQString(group.description), linked(group.name)});
    for (const model::ProductGroupLink &link : product.groups) {
        const bool known = std::any_of(groups.begin(), groups.end(), [&](const CheckListModel::Item &item) {
            return item.id == toQString(link.group);
        });
        if (!known)
            groups.push_back(
                {toQString(link.group), tr("%1 (not in the workspace)").arg(toQString(link.group)), {}, true});
    }
    m_groups->setItems(groups);
}

void ProductEditor::toggleApi(const QString &api, bool checked)
{
    const std::string target = api.toStdString();
    edit<model::Product>(checked ? tr("Add API to product") : tr("Remove API from product"), {},
                         [&](model::Product &p) {
                             std::erase_if(p.apis, [&](const model::Link &link) { return link.target == target; });
                             if (checked)
                                 p.apis.push_back({target, std::nullopt, std::nullopt});
                         });
    reload(); // a refused edit (no product) puts the box back
}

void ProductEditor::toggleGroup(const QString &group, bool checked)
{
    const std::string name = group.toStdString();
    edit<model::Product>(
        checked ? tr("Add group to product") : tr("Remove group from product"), {}, [&](model::Product &p) {
            std::erase_if(p.groups, [&](const model::ProductGroupLink &link) { return link.group == name; });
            // Links the console creates are named after the group (apiops-layout.md 4.9).
            if (checked)
                p.groups.push_back({name, name, "/groups/" + name});
        });
    reload();
}

} // namespace gh::entities
