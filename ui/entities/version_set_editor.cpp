#include "version_set_editor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QStringListModel>

namespace gh::entities {

namespace model = gw::model;

VersionSetEditor::VersionSetEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent)
    : EntityEditor(document, workspace::EntityKind::VersionSet, QStringLiteral("versionSet"), name, parent),
      m_apis(new QStringListModel(this))
{
    setObjectName(QStringLiteral("versionSetEditor"));

    QFormLayout *form = addSection(tr("Version set"), QStringLiteral("versionSetGeneral"));
    m_displayName = new QLineEdit;
    m_displayName->setObjectName(QStringLiteral("versionSetDisplayName"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setMaxLength(100);
    form->addRow(tr("&Display name:"), m_displayName);
    m_displayNameMessage = addMessage(form, QStringLiteral("versionSetDisplayNameMessage"));
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("versionSetDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("D&escription:"), m_description);

    QFormLayout *scheme = addSection(tr("Versioning"), QStringLiteral("versionSetVersioning"),
                                     tr("How a caller chooses a version of the APIs in this set."));
    m_scheme = new QComboBox;
    m_scheme->setObjectName(QStringLiteral("versionSetScheme"));
    m_scheme->setAccessibleName(tr("Versioning scheme"));
    m_scheme->addItem(tr("Path segment"), QStringLiteral("Segment"));
    m_scheme->addItem(tr("Header"), QStringLiteral("Header"));
    m_scheme->addItem(tr("Query parameter"), QStringLiteral("Query"));
    m_scheme->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    scheme->addRow(tr("&Scheme:"), m_scheme);
    m_headerName = new QLineEdit;
    m_headerName->setObjectName(QStringLiteral("versionSetHeaderName"));
    m_headerName->setAccessibleName(tr("Header name"));
    m_headerName->setPlaceholderText(QStringLiteral("Api-Version"));
    m_headerName->setMaxLength(100);
    scheme->addRow(tr("&Header name:"), m_headerName);
    m_queryName = new QLineEdit;
    m_queryName->setObjectName(QStringLiteral("versionSetQueryName"));
    m_queryName->setAccessibleName(tr("Query parameter name"));
    m_queryName->setPlaceholderText(QStringLiteral("api-version"));
    m_queryName->setMaxLength(100);
    scheme->addRow(tr("&Query parameter:"), m_queryName);
    m_schemeMessage = addMessage(scheme, QStringLiteral("versionSetSchemeMessage"));
    m_example = new QLabel;
    m_example->setObjectName(QStringLiteral("versionSetExample"));
    m_example->setForegroundRole(QPalette::PlaceholderText);
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    scheme->addRow(tr("Example:"), m_example);

    QFormLayout *members = addSection(tr("APIs in this set"), QStringLiteral("versionSetApisSection"));
    m_apiList = new QListView;
    m_apiList->setObjectName(QStringLiteral("versionSetApis"));
    m_apiList->setAccessibleName(tr("APIs in this set"));
    m_apiList->setModel(m_apis);
    m_apiList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_apiList->setSpacing(1);
    connect(m_apis, &QAbstractItemModel::modelReset, m_apiList,
            [this] { fitHeight(m_apiList, m_apis->rowCount(), 1); });
    members->addRow(m_apiList);
    m_apisEmpty = new QLabel(tr("No API belongs to this set yet. Choose this set in an API's settings to add a "
                                "version."));
    m_apisEmpty->setObjectName(QStringLiteral("versionSetApisEmpty"));
    m_apisEmpty->setWordWrap(true);
    members->addRow(m_apisEmpty);

    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        showMessage(m_displayNameMessage,
                    text.trimmed().isEmpty() ? tr("A version set needs a display name.") : QString());
        edit<model::VersionSet>(tr("Edit version set display name"), QStringLiteral("displayName"),
                                [&](model::VersionSet &v) { v.displayName = fromEdit(text, v.displayName); });
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_description->toPlainText();
        const auto *set = m_document.find<model::VersionSet>(m_name.toStdString());
        if (!set || toQString(set->description) == text)
            return;
        edit<model::VersionSet>(tr("Edit version set description"), QStringLiteral("description"),
                                [&](model::VersionSet &v) { v.description = fromEdit(text, v.description); });
    });
    connect(m_scheme, &QComboBox::activated, this, [this](int index) {
        const QString scheme = m_scheme->itemData(index).toString();
        edit<model::VersionSet>(tr("Change versioning scheme"), {}, [&](model::VersionSet &v) {
            v.versioningScheme = scheme.toStdString();
            // The name the scheme needs gets APIM's usual default, so the set is valid at once.
            if (scheme == QLatin1String("Header") && !v.versionHeaderName)
                v.versionHeaderName = "Api-Version";
            if (scheme == QLatin1String("Query") && !v.versionQueryName)
                v.versionQueryName = "api-version";
        });
    });
    connect(m_headerName, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit<model::VersionSet>(
            tr("Edit version header name"), QStringLiteral("versionHeaderName"),
            [&](model::VersionSet &v) { v.versionHeaderName = fromEdit(text, v.versionHeaderName); });
    });
    connect(m_queryName, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit<model::VersionSet>(tr("Edit version query parameter"), QStringLiteral("versionQueryName"),
                                [&](model::VersionSet &v) { v.versionQueryName = fromEdit(text, v.versionQueryName); });
    });

    reload();
}

bool VersionSetEditor::exists() const
{
    return m_document.find<model::VersionSet>(m_name.toStdString()) != nullptr;
}

void VersionSetEditor::refresh()
{
    const model::VersionSet &set = *m_document.find<model::VersionSet>(m_name.toStdString());
    setHeading(toQString(set.displayName.value_or(set.name)),
               tr("Version set · %1 · version sets/%1/versionSetInformation.json").arg(toQString(set.name)));
    setText(m_displayName, toQString(set.displayName));
    setText(m_description, toQString(set.description));
    const QString scheme = toQString(set.versioningScheme.value_or("Segment"));
    m_scheme->setCurrentIndex(std::max(0, m_scheme->findData(scheme)));
    setText(m_headerName, toQString(set.versionHeaderName));
    setText(m_queryName, toQString(set.versionQueryName));
    const bool header = scheme == QLatin1String("Header");
    const bool query = scheme == QLatin1String("Query");
    m_headerName->setEnabled(header);
    m_queryName->setEnabled(query);
    // A disabled field shows no example text, which would read as a value.
    m_headerName->setPlaceholderText(header ? QStringLiteral("Api-Version") : QString());
    m_queryName->setPlaceholderText(query ? QStringLiteral("api-version") : QString());
    QString problem;
    if (header && m_headerName->text().isEmpty())
        problem = tr("The Header scheme needs a header name.");
    if (query && m_queryName->text().isEmpty())
        problem = tr("The Query scheme needs a query parameter name.");
    showMessage(m_schemeMessage, problem);

    QStringList apis;
    QString path = QStringLiteral("api");
    QString version = QStringLiteral("v1");
    for (const model::Api &api : m_document.model().apis) {
        if (api.isRevisionFolder() || !api.apiVersionSetId ||
            !model::refersTo(*api.apiVersionSetId, "apiVersionSets", set.name))
            continue;
        const QString apiVersion = toQString(api.apiVersion);
        apis << tr("%1 — version %2")
                    .arg(toQString(api.displayName.value_or(api.name)),
                         apiVersion.isEmpty() ? tr("Original") : apiVersion);
        path = toQString(api.path.value_or(api.name));
        if (!apiVersion.isEmpty())
            version = apiVersion;
    }
    if (m_apis->stringList() != apis)
        m_apis->setStringList(apis);
    m_apiList->setVisible(!apis.isEmpty());
    m_apisEmpty->setVisible(apis.isEmpty());

    if (header)
        m_example->setText(QStringLiteral("GET /%1/…  %2: %3").arg(path, m_headerName->text(), version));
    else if (query)
        m_example->setText(QStringLiteral("GET /%1/…?%2=%3").arg(path, m_queryName->text(), version));
    else
        m_example->setText(QStringLiteral("GET /%1/%2/…").arg(path, version));
}

} // namespace gh::entities
