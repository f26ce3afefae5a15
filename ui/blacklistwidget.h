#pragma once

#include "core/access.h"
#include "storage/fulfilmentrules.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QList>
#include <QStringList>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

// The entries of one blacklist (member ids, contacts or charge accounts) with their notes. UI thread.
class BlacklistModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Value, Note, AddedAt, AddedBy, ColumnCount };
    explicit BlacklistModel(QObject* parent = nullptr);

    void setEntries(const QList<storage::fulfilmentrules::BlacklistEntry>& entries);
    const storage::fulfilmentrules::BlacklistEntry& entry(int row) const { return m_entries.at(row); }
    bool containsValue(const QString& normalised) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<storage::fulfilmentrules::BlacklistEntry> m_entries;
};

// Asks for one entry of a list: the value (checked as the list stores it, duplicates refused) and
// a note. UI thread.
class BlacklistEntryDialog : public QDialog
{
    Q_OBJECT
public:
    BlacklistEntryDialog(const QString& list, const BlacklistModel& existing, QWidget* parent = nullptr);

    QString value() const;
    QString note() const;
    QLineEdit& valueField() const { return *m_value; }
    QLineEdit& noteField() const { return *m_note; }
    QLabel& errorLabel() const { return *m_error; }
    void accept() override;

private:
    QString m_list;
    const BlacklistModel& m_existing;
    QLineEdit* m_value = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_error = nullptr;
};

// 黑名单: three lists — 会员 ID, 联系方式, 充值账号 — with search, add (value and note) and remove
// (after a confirmation). Entries are stored normalised (full-width to ASCII, blanks removed, case
// folded), so an entry matches however a buyer types it. Reads on the data source's loader, writes
// through its writer; without Permission::ReviewOrders or a writer the lists are read-only. UI thread.
class BlacklistWidget : public QWidget
{
    Q_OBJECT
public:
    enum List { Members, Contacts, Accounts, ListCount };

    BlacklistWidget(models::DataSource& source, core::Actor actor, QWidget* parent = nullptr);

    static QString listCode(List list);
    bool isLoaded() const { return m_loaded; }
    bool canEdit() const { return m_canEdit; }
    BlacklistModel& model(List list) const { return *m_models[list]; }
    QTableView& view(List list) const { return *m_views[list]; }
    QTabWidget& tabs() const { return *m_tabs; }
    QLineEdit& searchField() const { return *m_search; }
    QLabel& statusLabel() const { return *m_status; }
    List currentList() const;

    // Opens the entry dialog for the list shown.
    void addEntry();
    // Asks, then removes the selected entry of the list shown.
    void removeSelected();
    void reload();

Q_SIGNALS:
    void loaded();
    // A write finished (`ok` false: refused, the reason in the status line).
    void written(bool ok);

private:
    void submit(const QString& what, std::function<core::Result<void>(storage::WriteContext&)> job);
    void updateState();

    models::DataSource& m_source;
    core::Actor m_actor;
    bool m_canEdit = false;
    bool m_loaded = false;
    quint64 m_generation = 0;
    BlacklistModel* m_models[ListCount] = {};
    QSortFilterProxyModel* m_proxies[ListCount] = {};
    QTableView* m_views[ListCount] = {};
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace cardops::ui
