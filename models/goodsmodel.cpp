#include "models/goodsmodel.h"

#include "core/money.h"
#include "models/listpresentation.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

using storage::GoodsSort;

// Values after the visible columns in each row.
enum Extra {
    LowStockValue = GoodsModel::ColumnCount,
    CostFromSupplierValue,
    ThresholdValue,
    SupplierProductValue
};

QList<storage::ListColumn> goodsColumns()
{
    return {{u"id"_s, true},
            {u"sku"_s, true},
            {u"name"_s, true},
            {u"price"_s, true},
            {u"tier_prices"_s, false},
            {u"cost"_s, false},
            {u"margin"_s, false},
            {u"stock_available"_s, true},
            {u"sales_7d"_s, false},
            {u"days_left"_s, false},
            {u"fulfilment_owner"_s, false},
            {u"status"_s, false},
            {u"supplier"_s, false},
            {u"category"_s, true}};
}

std::optional<GoodsSort> sortOf(int column)
{
    switch (column) {
    case GoodsModel::IdColumn:
        return GoodsSort::Id;
    case GoodsModel::SkuColumn:
        return GoodsSort::Sku;
    case GoodsModel::NameColumn:
        return GoodsSort::Name;
    case GoodsModel::CategoryColumn:
        return GoodsSort::Catalogue;
    case GoodsModel::PriceColumn:
        return GoodsSort::Price;
    case GoodsModel::StockColumn:
        return GoodsSort::Stock;
    default:
        return std::nullopt;
    }
}

QVariantList toValues(const storage::GoodsRow& g)
{
    QVariantList tiers;
    for (const storage::TierPrice& t : g.tierPrices)
        tiers << QVariant(QVariantList{t.tierId, t.tierName, t.price});
    QVariantList v;
    v.reserve(SupplierProductValue + 1);
    v << g.id << g.sku << g.name << g.price << QVariant(tiers) << g.cost << g.margin << g.stock << g.sales7
      << (g.daysOfStock ? QVariant(*g.daysOfStock) : QVariant()) << g.owner << g.status << g.supplier
      << g.category << g.lowStock << g.costFromSupplier << g.lowStockThreshold << g.supplierProduct;
    return v;
}

} // namespace

GoodsModel::GoodsModel(DataSource& source, std::function<qint64()> now, QObject* parent)
    : WindowedModel(source, storage::ListKind::Goods, goodsColumns(),
                    {u"goods"_s, u"categories"_s, u"orders"_s, u"tiers"_s, u"supplier_products"_s,
                     u"supplier_status"_s},
                    parent)
    , m_now(std::move(now))
{
    m_query.now = m_now();
    restart();
}

QString GoodsModel::yuan(qint64 units)
{
    return core::Money::fromUnits(units).toString(2);
}

void GoodsModel::setQuery(const storage::GoodsQuery& query)
{
    storage::GoodsQuery next = query;
    next.search = next.search.trimmed();
    next.now = m_query.now;
    if (next == m_query)
        return;
    m_query = next;
    m_query.now = m_now();
    restart();
}

void GoodsModel::setCategory(qint64 categoryId)
{
    storage::GoodsQuery q = m_query;
    q.categoryId = categoryId;
    setQuery(q);
}

void GoodsModel::setSearch(const QString& search)
{
    storage::GoodsQuery q = m_query;
    q.search = search;
    setQuery(q);
}

int GoodsModel::sortColumn() const
{
    switch (m_query.sort) {
    case GoodsSort::Catalogue:
        return CategoryColumn;
    case GoodsSort::Id:
        return IdColumn;
    case GoodsSort::Sku:
        return SkuColumn;
    case GoodsSort::Name:
        return NameColumn;
    case GoodsSort::Price:
        return PriceColumn;
    case GoodsSort::Stock:
        return StockColumn;
    }
    return CategoryColumn;
}

Qt::SortOrder GoodsModel::sortOrder() const
{
    return m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void GoodsModel::sort(int column, Qt::SortOrder order)
{
    const auto s = sortOf(column);
    if (!s)
        return; // computed per visible row: the header says it does not sort
    storage::GoodsQuery q = m_query;
    q.sort = *s;
    q.descending = order == Qt::DescendingOrder;
    setQuery(q);
}

WindowedModel::CountWork GoodsModel::countWork() const
{
    return [query = m_query](const storage::ReadSession& s) -> core::Result<Counted> {
        auto c = storage::goodsqueries::counts(s, query);
        if (!c)
            return c.error();
        return Counted{c->total, std::any(c->perCategory)};
    };
}

WindowedModel::PageWork GoodsModel::pageWork(qint64 offset, int limit) const
{
    return [query = m_query, offset,
            limit](const storage::ReadSession& s) -> core::Result<storage::ReadSession::Rows> {
        auto rows = storage::goodsqueries::page(s, query, offset, limit);
        if (!rows)
            return rows.error();
        storage::ReadSession::Rows out;
        out.reserve(rows->size());
        for (const storage::GoodsRow& g : *rows)
            out.append(toValues(g));
        return out;
    };
}

void GoodsModel::countArrived(const Counted& counted)
{
    if (const auto* perCategory = std::any_cast<QHash<qint64, qint64>>(&counted.extra)) {
        m_categoryCounts = *perCategory;
        Q_EMIT categoryCountsChanged();
    }
}

QString GoodsModel::displayText(int column, const QVariantList& row) const
{
    const QVariant raw = row.value(column);
    switch (column) {
    case PriceColumn:
    case CostColumn:
    case MarginColumn:
        return yuan(raw.toLongLong());
    case TierPricesColumn: {
        QStringList parts;
        for (const QVariant& t : raw.toList()) {
            const QVariantList tier = t.toList();
            const QString name = tier.value(1).toString();
            parts << (name.isEmpty() ? tr("Tier %1").arg(tier.value(0).toLongLong()) : name) + u' ' +
                         yuan(tier.value(2).toLongLong());
        }
        return parts.join(u" · "_s);
    }
    case StockColumn:
    case Sales7Column:
        return QLocale().toString(raw.toLongLong());
    case DaysLeftColumn:
        return raw.isNull() ? u"—"_s : QLocale().toString(raw.toLongLong());
    case OwnerColumn:
        return ListPresentation::fulfilmentOwner(raw.toString());
    case StatusColumn:
        return ListPresentation::goodsStatus(raw.toString());
    default:
        return raw.toString();
    }
}

QVariant GoodsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = column == IdColumn || column == PriceColumn || column == CostColumn ||
                             column == MarginColumn || column == StockColumn || column == Sales7Column ||
                             column == DaysLeftColumn;
        return QVariant::fromValue(numeric ? Qt::AlignRight | Qt::AlignVCenter
                                           : Qt::AlignLeft | Qt::AlignVCenter);
    }
    // The base class asks for the block of a row not loaded and keeps what was shown last.
    const QVariant base = WindowedModel::data(index, role);
    const QVariantList* row = rowValues(index.row());
    if (!row)
        return base;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(column, *row);
    case Qt::ForegroundRole:
        if (column == MarginColumn && row->value(MarginColumn).toLongLong() < 0)
            return QBrush(QColor(0xC6, 0x28, 0x28));
        if (column == StockColumn && row->value(LowStockValue).toBool())
            return QBrush(QColor(0xB2, 0x5E, 0x00));
        return base;
    case Qt::BackgroundRole:
        if (row->value(LowStockValue).toBool() && (column == StockColumn || column == DaysLeftColumn))
            return QBrush(QColor(0xFF, 0xF3, 0xE0));
        return {};
    case Qt::ToolTipRole:
        if (column == CostColumn)
            return row->value(CostFromSupplierValue).toBool()
                       ? tr("Supplier's cost of %1 %2")
                             .arg(row->value(SupplierColumn).toString(),
                                  row->value(SupplierProductValue).toString())
                       : tr("The platform's cost (no mirrored supplier cost)");
        if (column == StockColumn && row->value(LowStockValue).toBool())
            return tr("Below the low-stock threshold of %1").arg(row->value(ThresholdValue).toLongLong());
        if (column == SupplierColumn && !row->value(SupplierProductValue).toString().isEmpty())
            return tr("Product %1").arg(row->value(SupplierProductValue).toString());
        if (column == DaysLeftColumn)
            return row->value(DaysLeftColumn).isNull() ? tr("No sales in the last 7 days")
                                                       : tr("Stock ÷ (7-day sales ÷ 7), rounded down");
        if (column == NameColumn || column == TierPricesColumn)
            return displayText(column, *row);
        return {};
    case LowStockRole:
        return row->value(LowStockValue);
    case NegativeMarginRole:
        return row->value(MarginColumn).toLongLong() < 0;
    default:
        return base;
    }
}

QVariant GoodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount || role != Qt::DisplayRole) {
        if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= 0 && section < ColumnCount)
            return sortOf(section) ? tr("Click to sort") : tr("Computed for the visible rows: not sortable");
        return WindowedModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IdColumn:
        return tr("ID");
    case SkuColumn:
        return tr("SKU");
    case NameColumn:
        return tr("Name");
    case CategoryColumn:
        return tr("Category");
    case PriceColumn:
        return tr("Price (¥)");
    case TierPricesColumn:
        return tr("Tier prices (¥)");
    case CostColumn:
        return tr("Cost (¥)");
    case MarginColumn:
        return tr("Margin (¥)");
    case StockColumn:
        return tr("Stock");
    case Sales7Column:
        return tr("7-day sales");
    case DaysLeftColumn:
        return tr("Days left");
    case OwnerColumn:
        return tr("Owner");
    case StatusColumn:
        return tr("Status");
    case SupplierColumn:
        return tr("Supplier");
    default:
        return {};
    }
}

} // namespace cardops::models
