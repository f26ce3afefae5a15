#pragma once

#include "models/datasource.h"
#include "storage/purchases.h"
#include "storage/supply.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace cardops::models {

class DataSource;

// A short list read whole (suppliers, linked goods up to a limit, the unknown-outcome queue) on the
// loader thread, and read again when one of its tables changes. Answers of an older read are
// dropped. UI thread.
class SnapshotTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    int rowCount(const QModelIndex& parent = {}) const override;
    bool isLoaded() const { return m_loaded; }
    QString loadError() const { return m_error; }
    // Reads the list again now.
    void reload();

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString& detail);

protected:
    SnapshotTableModel(DataSource& source, const QStringList& watchedTables, QObject* parent);
    DataSource& source() const { return m_source; }
    // Posts the read; the subclass calls finish() with its answer.
    virtual void read(quint64 generation) = 0;
    // Reads on the loader thread with `work` and installs its rows into `target`, unless a newer
    // read was asked for meanwhile; a failed read keeps the rows shown.
    template<typename Row>
    void readInto(quint64 generation,
                  std::function<core::Result<QList<Row>>(const storage::ReadSession&)> work,
                  QList<Row>& target)
    {
        using Rows = QList<Row>;
        m_source.reader().post<core::Result<Rows>>(
            this, std::move(work), [this, generation, &target](core::Result<Rows> r) {
                if (!r)
                    return finish(generation, 0, r.error().detail, {});
                Rows rows = std::move(r).value();
                const int n = int(rows.size());
                finish(generation, n, {}, [&target, &rows] { target = std::move(rows); });
            });
    }
    // Installs the rows a read answered (`apply` swaps them in), unless a newer read was asked for.
    void finish(quint64 generation, int rows, const QString& error, const std::function<void()>& apply);

private:
    DataSource& m_source;
    quint64 m_generation = 0;
    int m_rowCount = 0;
    bool m_loaded = false;
    QString m_error;
};

// The docked suppliers: balance, account, products mirrored, state, last check.
class SupplierStatusModel final : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column { Supplier, Balance, Account, Products, State, CheckedAt, ColumnCount };
    explicit SupplierStatusModel(DataSource& source, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const storage::supply::SupplierStatus& status(int row) const { return m_rows.at(row); }

    // "阿奇索 · acg-faka": the protocol's name as the operator knows it.
    static QString protocolName(const QString& protocol);

protected:
    void read(quint64 generation) override;

private:
    QList<storage::supply::SupplierStatus> m_rows;
};

// Goods linked to supplier products with the mirrored cost and the margin; negative margins first.
class LinkedGoodsModel final : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column { Goods, Sku, Price, Source, Product, Cost, Margin, Stock, ColumnCount };
    static constexpr int Limit = 2000;
    explicit LinkedGoodsModel(DataSource& source, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const storage::supply::LinkedGoodsRow& link(int row) const { return m_rows.at(row); }
    void setSearch(const QString& search);
    QString search() const { return m_search; }
    int negativeMargins() const;

    static QString stockLevelName(const QString& level);

protected:
    void read(quint64 generation) override;

private:
    QString m_search;
    QList<storage::supply::LinkedGoodsRow> m_rows;
};

// 采购结果未知: purchases whose answer was lost, oldest first, until an operator or a query
// settles them.
class UnknownPurchasesModel final : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column { ExternalNo, Supplier, Product, Quantity, Order, CreatedAt, Error, ColumnCount };
    static constexpr int Limit = 1000;
    explicit UnknownPurchasesModel(DataSource& source, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const storage::PurchaseRecord& purchase(int row) const { return m_rows.at(row); }

protected:
    void read(quint64 generation) override;

private:
    QList<storage::PurchaseRecord> m_rows;
};

} // namespace cardops::models
