#pragma once

#include <policy/scopes.h>

#include <QWidget>

#include <string>
#include <vector>

class QFormLayout;
class QLabel;
class QPushButton;

namespace gh::policies {

class PolicyFlowModel;

// The settings of one card, as a form generated from its policy's describe(): a field per attribute (enums and
// booleans as combo boxes, defaults as placeholders, help as tool tips), the text when the policy has one, and a
// note on nested content (edited in the text). Each field writes its attribute when editing finishes; a value the
// policy cannot take is reported next to the field and not written.
class PolicyFlowForm : public QWidget {
    Q_OBJECT
public:
    explicit PolicyFlowForm(PolicyFlowModel &model, QWidget *parent = nullptr);

    // Shows the card `index` of `section`; index -1 shows the empty state.
    void showCard(gw::policy::Section section, int index);
    // Reads the card's values again, keeping the fields (and the one being edited) when it is still the same policy.
    void refresh();
    // Puts the keyboard in the first field (or on the buttons when there is none).
    void focusFirstField();
    gw::policy::Section section() const { return m_section; }
    int index() const { return m_index; }

signals:
    void deleteRequested(gw::policy::Section section, int index);
    void openSourceRequested(int line, int column);

private:
    struct Field {
        std::string attribute; // empty: the element's text
        QWidget *editor = nullptr;
        QLabel *message = nullptr;
        int type = 0; // gw::policy::AttributeType
        bool required = false;
        bool expressions = true;
        std::vector<std::string> choices;
        QString shown; // the value as last read from or written to the document
    };

    void rebuild();
    void clearForm();
    void commit(Field &field);
    QString validate(const Field &field, const QString &value) const;
    static QString valueOf(const Field &field);
    static void setValueOf(Field &field, const QString &value);

    PolicyFlowModel &m_model;
    gw::policy::Section m_section = gw::policy::Section::Inbound;
    int m_index = -1;
    std::string m_shownName; // the policy the fields were built for
    std::vector<Field> m_fields;
    QLabel *m_title = nullptr;
    QLabel *m_help = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_body = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_nested = nullptr;
    QPushButton *m_openSource = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace gh::policies
