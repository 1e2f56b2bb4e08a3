#pragma once

#include <ui/engine/embedded_gateway.h>

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gh::shell {

// The embedded gateway's settings: port and TLS. Problems (a missing
// certificate file) are shown next to the field and keep OK disabled.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const engine::GatewaySettings &settings, QWidget *parent = nullptr);

    engine::GatewaySettings settings() const;

private:
    QLineEdit *addFileRow(QFormLayout *form, const QString &label, const char *name, QLabel **problem);
    void validate();

    QSpinBox *m_port;
    QSpinBox *m_retention;
    QLineEdit *m_loggedHeaders;
    QCheckBox *m_tls;
    QLineEdit *m_certificate = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_certificateProblem = nullptr;
    QLabel *m_keyProblem = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace gh::shell
