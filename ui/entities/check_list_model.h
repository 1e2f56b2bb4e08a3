#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace gh::entities {

// A list of items with a check box each (a product's APIs, its groups, a
// user's groups). The editor sets the items and which are checked; a click
// on a box emits toggled() and leaves the state to the editor, which changes
// the model and refreshes the list, so undo shows the truth.
class CheckListModel : public QAbstractListModel {
    Q_OBJECT
public:
    struct Item {
        QString id;   // what the editor stores (an API's name)
        QString text; // what the user reads
        QString toolTip;
        bool checked = false;
        friend bool operator==(const Item &, const Item &) = default;
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit CheckListModel(QObject *parent = nullptr);

    // Replaces the items; a list that did not change is left alone (keeps the view's selection).
    void setItems(const QList<Item> &items);
    const QList<Item> &items() const { return m_items; }
    QStringList checkedIds() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void toggled(const QString &id, bool checked);

private:
    QList<Item> m_items;
};

} // namespace gh::entities
