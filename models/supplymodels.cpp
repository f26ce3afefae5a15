#include "models/supplymodels.h"

#include "core/csvexport.h"
#include "core/money.h"
#include "models/datasource.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

// The tables the supplier lists are read from; a commit to one of them reads the lists again.
const QStringList kSupplyTables = {u"supplier_status"_s, u"supplier_products"_s, u"goods"_s};

QString yuan(const std::optional<qint64>& units)
{
    return units ? core::Money::fromUnits(*units).toString(2) : QString();
}

QString when(qint64 unixSeconds)
{
    return unixSeconds > 0 ? core::formatShanghaiTime(unixSeconds) : QString();
}

// part / whole as a percentage with one decimal, in integers ("-3.5%").
QString percentOf(qint64 part, qint64 whole)
{
    const qint64 permille = (part * 1000 + (part >= 0 ? whole / 2 : -whole / 2)) / whole;
    const qint64 magnitude = permille < 0 ? -permille : permille;
    return u"%1%2.%3%"_s.arg(permille < 0 ? u"-"_s : QString()).arg(magnitude / 10).arg(magnitude % 10);
}

const QColor kAlarm(0xc6, 0x28, 0x28);
const QColor kMuted(0x8a, 0x8f, 0x98);

} // namespace

SnapshotTableModel::SnapshotTableModel(DataSource& source, const QStringList& watchedTables, QObject* parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    connect(&source, &DataSource::tablesChanged, this, [this, watchedTables](const QSet<QString>& tables) {
        for (const QString& t : watchedTables)
            if (tables.contains(t))
                return reload();
    });
}

int SnapshotTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

void SnapshotTableModel::reload()
{
    read(++m_generation);
}

void SnapshotTableModel::finish(quint64 generation, int rows, const QString& error,
                                const std::function<void()>& apply)
{
    if (generation != m_generation)
        return;
    m_error = error;
    if (!error.isEmpty()) {
        // The rows shown stay: a failed read does not empty the list under the operator.
        Q_EMIT loadFailed(error);
        return;
    }
    beginResetModel();
    apply();
    m_rowCount = rows;
    m_loaded = true;
    endResetModel();
    Q_EMIT loaded();
}

// ---- suppliers

SupplierStatusModel::SupplierStatusModel(DataSource& source, QObject* parent)
    : SnapshotTableModel(source, kSupplyTables, parent)
{
    reload();
}

QString SupplierStatusModel::protocolName(const QString& protocol)
{
    if (protocol == u"fulu")
        return tr("Fulu");
    if (protocol == u"acg-faka" || protocol == u"acgfaka")
        return tr("acg-faka");
    return protocol;
}

void SupplierStatusModel::read(quint64 generation)
{
    readInto<storage::supply::SupplierStatus>(
        generation, [](const storage::ReadSession& s) { return storage::supply::statuses(s); }, m_rows);
}

int SupplierStatusModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SupplierStatusModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto& s = m_rows.at(index.row());
    const bool failing = !s.lastError.isEmpty();
    if (role == Qt::ForegroundRole) {
        if ((index.column() == Balance && s.balanceLow()) ||
            (index.column() == State && (failing || s.balanceLow())))
            return QBrush(kAlarm);
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Balance || index.column() == Products
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == Qt::ToolTipRole && index.column() == State && failing)
        return s.lastError;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Supplier:
        return u"%1 · %2"_s.arg(s.supplierId, protocolName(s.protocol));
    case Balance:
        return yuan(s.balance);
    case Account:
        return s.accountName;
    case Products:
        return QLocale().toString(s.productCount);
    case State:
        if (failing)
            return tr("Error: %1").arg(s.lastError.left(60));
        if (s.checkedAt == 0)
            return tr("Not checked yet");
        return s.balanceLow() ? tr("Balance below %1").arg(yuan(s.lowBalanceThreshold)) : tr("OK");
    case CheckedAt:
        return when(s.checkedAt);
    default:
        return {};
    }
}

QVariant SupplierStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Supplier:
        return tr("Supplier");
    case Balance:
        return tr("Balance (yuan)");
    case Account:
        return tr("Account");
    case Products:
        return tr("Products");
    case State:
        return tr("State");
    case CheckedAt:
        return tr("Last checked");
    default:
        return {};
    }
}

// ---- linked goods

LinkedGoodsModel::LinkedGoodsModel(DataSource& source, QObject* parent)
    : SnapshotTableModel(source, kSupplyTables, parent)
{
    reload();
}

void LinkedGoodsModel::setSearch(const QString& search)
{
    const QString s = search.trimmed();
    if (s == m_search)
        return;
    m_search = s;
    reload();
}

int LinkedGoodsModel::negativeMargins() const
{
    int n = 0;
    for (const auto& r : m_rows)
        n += r.margin && *r.margin < 0 ? 1 : 0;
    return n;
}

QString LinkedGoodsModel::stockLevelName(const QString& level)
{
    if (level == u"plenty")
        return tr("In stock");
    if (level == u"low")
        return tr("Running low");
    if (level == u"out")
        return tr("Sold out");
    return tr("Unknown");
}

void LinkedGoodsModel::read(quint64 generation)
{
    readInto<storage::supply::LinkedGoodsRow>(
        generation,
        [search = m_search](const storage::ReadSession& s) {
            return storage::supply::linkedGoods(s, search, Limit);
        },
        m_rows);
}

int LinkedGoodsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LinkedGoodsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto& l = m_rows.at(index.row());
    const bool negative = l.margin && *l.margin < 0;
    if (role == Qt::ForegroundRole) {
        if (index.column() == Margin && negative)
            return QBrush(kAlarm);
        if (index.column() == Stock && (l.stockLevel == u"out" || !l.onSale))
            return QBrush(kAlarm);
        if (index.column() == Cost && !l.cost)
            return QBrush(kMuted);
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Price || index.column() == Cost || index.column() == Margin
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == Qt::ToolTipRole && index.column() == Margin && negative)
        return tr("The supplier's price is above the selling price: every sale loses money.");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Goods:
        return l.goodsName;
    case Sku:
        return l.sku;
    case Price:
        return yuan(l.price);
    case Source: {
        const QString who =
            l.supplierId.isEmpty() ? SupplierStatusModel::protocolName(l.protocol) : l.supplierId;
        return l.priority > 1 ? tr("%1 (fallback %2)").arg(who).arg(l.priority - 1) : who;
    }
    case Product:
        return l.productName.isEmpty() ? l.productRef : u"%1 · %2"_s.arg(l.productRef, l.productName);
    case Cost:
        return l.cost ? yuan(l.cost) : tr("not mirrored");
    case Margin:
        if (!l.margin)
            return QString();
        return l.price > 0 ? u"%1 (%2)"_s.arg(yuan(l.margin), percentOf(*l.margin, l.price)) : yuan(l.margin);
    case Stock:
        return l.onSale ? stockLevelName(l.stockLevel) : tr("Off shelf");
    default:
        return {};
    }
}

QVariant LinkedGoodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Goods:
        return tr("Goods");
    case Sku:
        return tr("SKU");
    case Price:
        return tr("Price");
    case Source:
        return tr("Supplier");
    case Product:
        return tr("Supplier product");
    case Cost:
        return tr("Supply price");
    case Margin:
        return tr("Margin");
    case Stock:
        return tr("Supplier stock");
    default:
        return {};
    }
}

// ---- the unknown-outcome queue

UnknownPurchasesModel::UnknownPurchasesModel(DataSource& source, QObject* parent)
    : SnapshotTableModel(source, {u"purchases"_s}, parent)
{
    reload();
}

void UnknownPurchasesModel::read(quint64 generation)
{
    readInto<storage::PurchaseRecord>(
        generation,
        [](const storage::ReadSession& s) {
            return storage::purchases::inState(s, core::PurchaseState::Unknown, Limit);
        },
        m_rows);
}

int UnknownPurchasesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnknownPurchasesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto& p = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Error)
        return p.error;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Quantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ExternalNo:
        return p.externalNo;
    case Supplier:
        return p.supplierId;
    case Product:
        return p.productRef;
    case Quantity:
        return QLocale().toString(p.quantity);
    case Order:
        return p.orderId > 0 ? QString::number(p.orderId) : tr("stock");
    case CreatedAt:
        return when(p.createdAt);
    case Error:
        return p.error;
    default:
        return {};
    }
}

QVariant UnknownPurchasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ExternalNo:
        return tr("Our number");
    case Supplier:
        return tr("Supplier");
    case Product:
        return tr("Supplier product");
    case Quantity:
        return tr("Quantity");
    case Order:
        return tr("Order");
    case CreatedAt:
        return tr("Sent at");
    case Error:
        return tr("What happened");
    default:
        return {};
    }
}

} // namespace cardops::models
