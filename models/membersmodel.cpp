#include "models/membersmodel.h"

#include "core/csvexport.h"
#include "core/money.h"
#include "models/listpresentation.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

using storage::MemberSort;

// Values after the visible columns in each row.
enum Extra { ParentIdValue = MembersModel::ColumnCount, TierIdValue };

QList<storage::ListColumn> memberColumns()
{
    return {{u"id"_s, true},       {u"name"_s, false},   {u"kind"_s, false},   {u"tier"_s, false},
            {u"segment"_s, false}, {u"orders"_s, false}, {u"spend"_s, false},  {u"last_order_at"_s, false},
            {u"balance"_s, false}, {u"tags"_s, false},   {u"parent"_s, false}, {u"registered_at"_s, true},
            {u"contact"_s, false}};
}

std::optional<MemberSort> sortOf(int column)
{
    switch (column) {
    case MembersModel::IdColumn:
        return MemberSort::Id;
    case MembersModel::RegisteredColumn:
        return MemberSort::Registered;
    default:
        return std::nullopt;
    }
}

QVariantList toValues(const storage::MemberRow& m)
{
    QVariantList v;
    v.reserve(TierIdValue + 1);
    v << m.id << m.name << m.kind << m.tier << m.segment << m.orders << m.spend << m.lastOrderAt << m.balance
      << m.tags << m.parent << m.registeredAt << m.contact << m.parentId << m.tierId;
    return v;
}

} // namespace

MembersModel::MembersModel(DataSource& source, QObject* parent)
    : WindowedModel(source, storage::ListKind::Members, memberColumns(),
                    {u"members"_s, u"orders"_s, u"member_rfm"_s, u"tiers"_s}, parent)
{
    restart();
}

QString MembersModel::yuan(qint64 units)
{
    return core::Money::fromUnits(units).toString(2);
}

QStringList MembersModel::segmentCodes()
{
    return {u"high_value"_s, u"potential"_s, u"new"_s, u"dormant"_s, u"churn_risk"_s, u"other"_s};
}

QString MembersModel::segmentName(const QString& code)
{
    if (code == u"high_value")
        return tr("High value");
    if (code == u"potential")
        return tr("Potential");
    if (code == u"new")
        return tr("New");
    if (code == u"dormant")
        return tr("Dormant");
    if (code == u"churn_risk")
        return tr("Churn risk");
    if (code == u"other")
        return tr("Other");
    return code;
}

void MembersModel::setQuery(const storage::MemberQuery& query)
{
    storage::MemberQuery next = query;
    next.search = next.search.trimmed();
    if (next == m_query)
        return;
    m_query = next;
    restart();
}

void MembersModel::setKind(const QString& kind)
{
    storage::MemberQuery q = m_query;
    q.kind = kind;
    setQuery(q);
}

void MembersModel::setSearch(const QString& search)
{
    storage::MemberQuery q = m_query;
    q.search = search;
    setQuery(q);
}

int MembersModel::sortColumn() const
{
    return m_query.sort == MemberSort::Id ? IdColumn : RegisteredColumn;
}

Qt::SortOrder MembersModel::sortOrder() const
{
    return m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void MembersModel::sort(int column, Qt::SortOrder order)
{
    const auto s = sortOf(column);
    if (!s)
        return; // computed per visible row or not indexed: the header says it does not sort
    storage::MemberQuery q = m_query;
    q.sort = *s;
    q.descending = order == Qt::DescendingOrder;
    setQuery(q);
}

WindowedModel::CountWork MembersModel::countWork() const
{
    return [query = m_query](const storage::ReadSession& s) -> core::Result<Counted> {
        auto c = storage::memberqueries::counts(s, query);
        if (!c)
            return c.error();
        return Counted{c->total, std::any(c->perKind)};
    };
}

WindowedModel::PageWork MembersModel::pageWork(qint64 offset, int limit) const
{
    return [query = m_query, offset,
            limit](const storage::ReadSession& s) -> core::Result<storage::ReadSession::Rows> {
        auto rows = storage::memberqueries::page(s, query, offset, limit);
        if (!rows)
            return rows.error();
        storage::ReadSession::Rows out;
        out.reserve(rows->size());
        for (const storage::MemberRow& m : *rows)
            out.append(toValues(m));
        return out;
    };
}

void MembersModel::countArrived(const Counted& counted)
{
    if (const auto* perKind = std::any_cast<QHash<QString, qint64>>(&counted.extra)) {
        m_kindCounts = *perKind;
        Q_EMIT kindCountsChanged();
    }
}

QString MembersModel::displayText(int column, const QVariantList& row) const
{
    const QVariant raw = row.value(column);
    switch (column) {
    case KindColumn:
        return ListPresentation::memberKind(raw.toString());
    case SegmentColumn:
        return raw.toString().isEmpty() ? u"—"_s : segmentName(raw.toString());
    case SpendColumn:
    case BalanceColumn:
        return yuan(raw.toLongLong());
    case OrdersColumn:
        return QLocale().toString(raw.toLongLong());
    case LastOrderColumn:
    case RegisteredColumn:
        return raw.toLongLong() > 0 ? core::formatShanghaiTime(raw.toLongLong()) : u"—"_s;
    case TagsColumn:
        return raw.toStringList().join(u", "_s);
    case TierColumn:
        return raw.toString().isEmpty() ? tr("Tier %1").arg(row.value(TierIdValue).toLongLong())
                                        : raw.toString();
    case ParentColumn: {
        const qint64 parentId = row.value(ParentIdValue).toLongLong();
        if (parentId == 0)
            return {};
        return raw.toString().isEmpty() ? u"#%1"_s.arg(parentId)
                                        : u"%1 (#%2)"_s.arg(raw.toString()).arg(parentId);
    }
    default:
        return raw.toString();
    }
}

QVariant MembersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole) {
        const bool numeric =
            column == IdColumn || column == OrdersColumn || column == SpendColumn || column == BalanceColumn;
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
        if (column == SegmentColumn && row->value(SegmentColumn).toString() == u"churn_risk")
            return QBrush(QColor(0xB2, 0x5E, 0x00));
        if (column == BalanceColumn && row->value(BalanceColumn).toLongLong() < 0)
            return QBrush(QColor(0xC6, 0x28, 0x28));
        return base;
    case Qt::ToolTipRole:
        if (column == OrdersColumn || column == SpendColumn)
            return tr("Orders in a paid status (refunded ones included); spend = paid − refunded");
        if (column == SegmentColumn && row->value(SegmentColumn).toString().isEmpty())
            return tr("RFM not computed yet for this member");
        if (column == TagsColumn || column == NameColumn || column == ContactColumn)
            return displayText(column, *row);
        return {};
    case KindCodeRole:
        return row->value(KindColumn);
    case SegmentCodeRole:
        return row->value(SegmentColumn);
    case ParentIdRole:
        return row->value(ParentIdValue);
    default:
        return base;
    }
}

QVariant MembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount || role != Qt::DisplayRole) {
        if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= 0 && section < ColumnCount)
            return sortOf(section) ? tr("Click to sort")
                                   : tr("Not sortable: sorting uses indexed columns only");
        return WindowedModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case TierColumn:
        return tr("Tier");
    case SegmentColumn:
        return tr("Segment");
    case OrdersColumn:
        return tr("Orders");
    case SpendColumn:
        return tr("Spend (¥)");
    case LastOrderColumn:
        return tr("Last order");
    case BalanceColumn:
        return tr("Balance (¥)");
    case TagsColumn:
        return tr("Tags");
    case ParentColumn:
        return tr("Parent");
    case RegisteredColumn:
        return tr("Registered");
    case ContactColumn:
        return tr("Contact");
    default:
        return {};
    }
}

} // namespace cardops::models
