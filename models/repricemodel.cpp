#include "models/repricemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

using storage::pricingrules::RepriceInput;

const QColor kLowText(0xC6, 0x28, 0x28);
const QColor kLowBackground(0xFD, 0xEC, 0xEA);
const QColor kQuiet(0x80, 0x80, 0x80);

QString money(core::Money m)
{
    return m.toString(2);
}

QString arrow(const QString& before, const QString& after)
{
    return before == after ? before : before + u" → "_s + after;
}

// Σ / n at 4 places (half away from zero), then half-up to 0.01.
core::Money average(qint64 sumUnits, qint64 n)
{
    if (n <= 0)
        return {};
    const qint64 q = sumUnits / n;
    const qint64 r = sumUnits % n;
    const qint64 rounded = (r < 0 ? -r : r) * 2 >= n ? q + (sumUnits < 0 ? -1 : 1) : q;
    return core::Money::fromUnits(rounded).roundedToCents();
}

} // namespace

RepriceModel::RepriceModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RepriceModel::setInputs(storage::pricingrules::RepriceInputs inputs)
{
    beginResetModel();
    m_inputs = std::move(inputs);
    m_rows.clear();
    m_rows.resize(m_inputs.goods.size());
    recompute();
    endResetModel();
    updateTotals();
}

void RepriceModel::setRule(const core::PricingRule& rule)
{
    m_rule = rule;
    recompute();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    updateTotals();
}

void RepriceModel::setAllowBelowCost(bool allow)
{
    m_allowBelowCost = allow;
    for (Row& r : m_rows)
        if (!r.result.after.low.isEmpty())
            r.checked = false;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    updateTotals();
}

void RepriceModel::setAllChecked(bool checked)
{
    for (Row& r : m_rows)
        r.checked = checked && defaultChecked(r);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole});
    updateTotals();
}

bool RepriceModel::checkable(const Row& row) const
{
    return row.result.refused.isEmpty() && row.result.changed() &&
           (row.result.after.low.isEmpty() || m_allowBelowCost);
}

bool RepriceModel::defaultChecked(const Row& row) const
{
    return checkable(row) && row.result.after.low.isEmpty();
}

void RepriceModel::recompute()
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const core::PricingInput& g = m_inputs.goods.at(i).pricing;
        Row& r = m_rows[i];
        r.before = core::currentPrices(g, m_inputs.tiers);
        r.result = core::reprice(g, m_rule, m_inputs.tiers);
        r.checked = defaultChecked(r);
    }
}

void RepriceModel::updateTotals()
{
    Totals t;
    t.goods = m_rows.size();
    qint64 marginBefore = 0, marginAfter = 0, priceBefore = 0, priceAfter = 0, cost = 0;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows.at(i);
        if (!r.result.after.low.isEmpty() && r.result.refused.isEmpty())
            ++t.belowCost;
        if (r.result.refused == u"no_cost")
            ++t.noCost;
        if (!r.checked)
            continue;
        ++t.changing;
        marginBefore += r.before.margin.units();
        marginAfter += r.result.after.margin.units();
        priceBefore += r.before.price.units();
        priceAfter += r.result.after.price.units();
        cost += m_inputs.goods.at(i).pricing.cost.units();
    }
    t.averageMarginBefore = average(marginBefore, t.changing);
    t.averageMarginAfter = average(marginAfter, t.changing);
    t.marginBpBefore =
        core::marginBasisPoints(core::Money::fromUnits(priceBefore), core::Money::fromUnits(cost));
    t.marginBpAfter =
        core::marginBasisPoints(core::Money::fromUnits(priceAfter), core::Money::fromUnits(cost));
    m_totals = t;
    Q_EMIT totalsChanged();
}

QList<storage::pricingrules::PriceChange> RepriceModel::changes() const
{
    QList<storage::pricingrules::PriceChange> out;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows.at(i);
        if (!r.checked)
            continue;
        storage::pricingrules::PriceChange c;
        c.goodsId = m_inputs.goods.at(i).pricing.goodsId;
        c.beforePrice = r.before.price;
        c.price = r.result.after.price;
        if (r.result.tierPricesChanged)
            c.tierPrices = r.result.after.tierPrices;
        if (r.result.contractPricesChanged)
            c.contractPrices = r.result.after.contractPrices;
        c.allowBelowCost = !r.result.after.low.isEmpty();
        out.append(c);
    }
    return out;
}

QString RepriceModel::percentText(qint64 bp)
{
    const qint64 magnitude = bp < 0 ? -bp : bp;
    return (bp < 0 ? u"-"_s : QString()) + QString::number(magnitude / 100) + u'.' +
           u"%1"_s.arg(magnitude % 100, 2, 10, QChar(u'0')) + u'%';
}

QList<qint64> RepriceModel::goodsIds() const
{
    QList<qint64> ids;
    for (const RepriceInput& g : m_inputs.goods)
        ids.append(g.pricing.goodsId);
    return ids;
}

int RepriceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RepriceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RepriceModel::lowText(const core::BelowCost& low) const
{
    switch (low.kind) {
    case core::PriceKind::Base:
        return tr("price %1").arg(money(low.price));
    case core::PriceKind::Tier:
        return tr("%1 price %2").arg(tierName(low.id), money(low.price));
    case core::PriceKind::Contract:
        break;
    }
    return tr("contract price of member %1: %2").arg(low.id).arg(money(low.price));
}

QString RepriceModel::tierText(const Row& row, const RepriceInput&) const
{
    // What each tier pays, before → after (its own price, else the price × its discount).
    const auto before = core::effectiveTierPrices(row.before.price, row.before.tierPrices, m_inputs.tiers);
    const auto after =
        core::effectiveTierPrices(row.result.after.price, row.result.after.tierPrices, m_inputs.tiers);
    QList<qint64> ids;
    for (const auto& e : before)
        ids.append(e.tierId);
    for (const auto& e : after)
        if (!ids.contains(e.tierId))
            ids.append(e.tierId);
    const auto find = [](const QList<core::TierPriceEntry>& list, qint64 id) {
        for (const auto& e : list)
            if (e.tierId == id)
                return money(e.price);
        return u"—"_s;
    };
    QStringList parts;
    for (qint64 id : std::as_const(ids))
        parts << tierName(id) + u' ' + arrow(find(before, id), find(after, id));
    return parts.isEmpty() ? u"—"_s : parts.join(u" · "_s);
}

QString RepriceModel::tierName(qint64 id) const
{
    for (const core::Tier& t : m_inputs.tiers)
        if (t.id == id)
            return t.name;
    return tr("tier %1").arg(id);
}

QString RepriceModel::note(const Row& row, const RepriceInput& in) const
{
    if (row.result.refused == u"no_cost")
        return tr("No cost to mark up");
    if (!row.result.refused.isEmpty())
        return tr("Cost or price out of range");
    if (!row.result.after.low.isEmpty()) {
        QStringList lows;
        for (const core::BelowCost& l : row.result.after.low)
            lows << lowText(l);
        return tr("Below cost %1: %2").arg(money(in.pricing.cost), lows.join(u", "_s));
    }
    if (!row.result.changed())
        return tr("No change");
    if (in.upstream && !in.upstream->onSale)
        return tr("Supplier has taken it off shelf");
    if (in.pendingEdit)
        return tr("Has an edit waiting to sync");
    return {};
}

QVariant RepriceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows.at(index.row());
    const RepriceInput& in = m_inputs.goods.at(index.row());
    const core::PriceSet& a = r.result.after;
    const bool low = !a.low.isEmpty() && r.result.refused.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Goods:
            return in.name;
        case Cost:
            return money(in.pricing.cost);
        case Price:
            return arrow(money(r.before.price), money(a.price));
        case TierPrices:
            return tierText(r, in);
        case Margin:
            return arrow(money(r.before.margin), money(a.margin));
        case MarginRate:
            return arrow(percentText(r.before.marginBp), percentText(a.marginBp));
        case Note:
            return note(r, in);
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == Goods)
            return r.checked ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Goods)
            return tr("SKU %1 · goods %2").arg(in.sku).arg(in.pricing.goodsId);
        if (index.column() == Cost)
            return in.costFromSupplier ? tr("Supplier's cost of %1 %2").arg(in.supplierId, in.productRef)
                                       : tr("The platform's cost (no mirrored supplier cost)");
        if (index.column() == TierPrices)
            return tr("What each tier pays: its own tier price, else the price × the tier's discount");
        if (index.column() == Note)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::ForegroundRole:
        if (low)
            return QBrush(kLowText);
        if (!r.result.changed() || !r.result.refused.isEmpty())
            return QBrush(kQuiet);
        return {};
    case Qt::BackgroundRole:
        return low ? QVariant(QBrush(kLowBackground)) : QVariant();
    case Qt::FontRole:
        if (index.column() == Price && r.result.priceChanged) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Goods || index.column() == TierPrices || index.column() == Note)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case GoodsIdRole:
        return in.pricing.goodsId;
    case BeforePriceRole:
        return r.before.price.units();
    case AfterPriceRole:
        return a.price.units();
    case BelowCostRole:
        return low;
    case ChangedRole:
        return r.result.changed();
    case CheckableRole:
        return checkable(r);
    }
    return {};
}

bool RepriceModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != Goods || role != Qt::CheckStateRole)
        return false;
    Row& r = m_rows[index.row()];
    if (!checkable(r))
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    if (checked == r.checked)
        return true;
    r.checked = checked;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    updateTotals();
    return true;
}

Qt::ItemFlags RepriceModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Goods && checkable(m_rows.at(index.row())))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RepriceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Goods:
        return tr("Goods");
    case Cost:
        return tr("Cost");
    case Price:
        return tr("Price");
    case TierPrices:
        return tr("Tier prices");
    case Margin:
        return tr("Margin");
    case MarginRate:
        return tr("Margin %");
    case Note:
        return tr("Note");
    }
    return {};
}

} // namespace cardops::models
