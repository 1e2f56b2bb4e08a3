#include "settings_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gh::shell {

namespace {

QLabel *problemLabel(const char *name)
{
    auto *label = new QLabel;
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(const engine::GatewaySettings &settings, QWidget *parent)
    : QDialog(parent), m_port(new QSpinBox), m_retention(new QSpinBox), m_loggedHeaders(new QLineEdit),
      m_tls(new QCheckBox(tr("Serve &HTTPS (TLS)"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));

    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<b>Embedded gateway</b>"));
    heading->setObjectName(QStringLiteral("gatewaySettingsHeading"));
    layout->addWidget(heading);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setMinimumWidth(m_port->fontMetrics().horizontalAdvance(m_port->specialValueText()) + 56);
    m_port->setValue(settings.port);
    m_port->setToolTip(tr("The port the gateway listens on, on 127.0.0.1. 0 picks a free one at each start."));
    auto *portLabel = new QLabel(tr("&Port:"));
    portLabel->setBuddy(m_port);
    form->addRow(portLabel, m_port);

    m_tls->setObjectName(QStringLiteral("tlsCheck"));
    m_tls->setAccessibleName(tr("Serve HTTPS"));
    m_tls->setChecked(settings.tls);
    form->addRow(QString(), m_tls);

    m_certificate = addFileRow(form, tr("&Certificate:"), "certificateEdit", &m_certificateProblem);
    m_certificate->setText(settings.certificateFile);
    m_key = addFileRow(form, tr("Private &key:"), "keyEdit", &m_keyProblem);
    m_key->setText(settings.keyFile);

    // How long the analytics history (every request the gateway served) is kept.
    m_retention->setObjectName(QStringLiteral("retentionSpin"));
    m_retention->setAccessibleName(tr("Keep analytics history"));
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("Forever"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(settings.analyticsRetentionDays);
    m_retention->setToolTip(tr("Requests older than this are deleted from the analytics history about once a minute."));
    auto *retentionLabel = new QLabel(tr("Keep analytics &history:"));
    retentionLabel->setBuddy(m_retention);
    form->addRow(retentionLabel, m_retention);

    m_loggedHeaders->setObjectName(QStringLiteral("loggedHeadersEdit"));
    m_loggedHeaders->setAccessibleName(tr("Headers to log"));
    m_loggedHeaders->setText(settings.loggedHeaders.join(QStringLiteral(", ")));
    m_loggedHeaders->setPlaceholderText(tr("None"));
    m_loggedHeaders->setToolTip(tr("Request and response headers kept with every request, shown in the Analytics "
                                   "request log. Subscription keys are never kept."));
    auto *headersLabel = new QLabel(tr("Headers to &log:"));
    headersLabel->setBuddy(m_loggedHeaders);
    form->addRow(headersLabel, m_loggedHeaders);
    layout->addLayout(form);

    auto *note = new QLabel(tr("Changes take effect when the gateway restarts; a running gateway restarts when you "
                               "press OK."));
    note->setObjectName(QStringLiteral("settingsNote"));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    layout->addStretch();

    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_tls, &QCheckBox::toggled, this, &SettingsDialog::validate);
    connect(m_certificate, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_key, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    validate();
    setMinimumWidth(520);
}

QLineEdit *SettingsDialog::addFileRow(QFormLayout *form, const QString &label, const char *name, QLabel **problem)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QLatin1String(name));
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    edit->setPlaceholderText(tr("PEM file"));
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(QLatin1String(name) + QStringLiteral("Browse"));
    browse->setAccessibleName(tr("Browse for %1").arg(edit->accessibleName()));
    connect(browse, &QPushButton::clicked, this, [this, edit] {
        const QString file = QFileDialog::getOpenFileName(this, edit->accessibleName(), edit->text(),
                                                          tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addLayout(row);
    *problem = problemLabel(name == QByteArray("keyEdit") ? "keyProblem" : "certificateProblem");
    column->addWidget(*problem);
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(edit);
    form->addRow(labelWidget, column);
    return edit;
}

void SettingsDialog::validate()
{
    const bool tls = m_tls->isChecked();
    bool ok = true;
    for (auto [edit, problem] : {std::pair{m_certificate, m_certificateProblem}, std::pair{m_key, m_keyProblem}}) {
        edit->setEnabled(tls);
        QString message;
        if (tls) {
            if (edit->text().trimmed().isEmpty())
                message = tr("Required for HTTPS.");
            else if (!QFileInfo(edit->text().trimmed()).isFile())
                message = tr("No such file.");
        }
        problem->setText(message);
        problem->setVisible(!message.isEmpty());
        ok = ok && message.isEmpty();
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

engine::GatewaySettings SettingsDialog::settings() const
{
    engine::GatewaySettings out;
    out.port = static_cast<quint16>(m_port->value());
    out.tls = m_tls->isChecked();
    out.certificateFile = m_certificate->text().trimmed();
    out.keyFile = m_key->text().trimmed();
    out.analyticsRetentionDays = m_retention->value();
    out.loggedHeaders.clear();
    for (const QString &name : m_loggedHeaders->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            out.loggedHeaders << name.trimmed();
    return out;
}

} // namespace gh::shell
