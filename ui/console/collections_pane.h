#pragma once

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace gh::console {

class RequestCollections;

// The console's saved requests: collections and their requests as a tree (open, rename in place, delete), and the
// small "Save to Collection" form above it (a form in the pane, not a dialog).
class CollectionsPane : public QWidget {
    Q_OBJECT
public:
    // `request` gives the builder's request as it is kept: its fields, the subscription by name, never a key.
    CollectionsPane(RequestCollections &collections, std::function<QJsonObject()> request, QWidget *parent = nullptr);

    // Shows the save form, the name field filled with `suggestedName` and focused.
    void offerSave(const QString &suggestedName);

signals:
    // A saved request was opened (activated, or Open): the builder takes it.
    void openRequested(const QJsonObject &request);

private:
    void save();
    void open(const QModelIndex &index);
    void removeCurrent();
    void updateButtons();

    RequestCollections &m_collections;
    std::function<QJsonObject()> m_request;
    QWidget *m_saveForm = nullptr;
    QComboBox *m_collectionCombo = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_renameButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    bool m_showingEmpty = false;
};

} // namespace gh::console
