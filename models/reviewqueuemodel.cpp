#include "models/reviewqueuemodel.h"

#include "core/csvexport.h"
#include "core/money.h"
#include "models/datasource.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

// A commit to one of these reads the queue again.
const QStringList kQueueTables = {u"orders"_s,      u"order_actions"_s, u"review_assignments"_s,
                                  u"fulfilments"_s, u"goods"_s,         u"members"_s};

const QColor kAlarm(0xc6, 0x28, 0x28);
const QColor kDone(0x2e, 0x7d, 0x32);

QString yuan(qint64 units)
{
    return core::Money::fromUnits(units).toString(2);
}

} // namespace

ReviewQueueModel::ReviewQueueModel(DataSource& source, QObject* parent)
    : SnapshotTableModel(source, kQueueTables, parent)
{
    reload();
}

void ReviewQueueModel::read(quint64 generation)
{
    using Rows = QList<storage::ReviewItem>;
    source().reader().post<core::Result<Rows>>(
        this, [](const storage::ReadSession& s) { return storage::orderactions::reviewQueue(s, Limit); },
        [this, generation](core::Result<Rows> r) {
            if (!r)
                return finish(generation, 0, r.error().detail, {});
            Rows all = std::move(r).value();
            std::swap(m_all, all);
            Rows rows = filtered();
            std::swap(m_all, all);
            const int n = int(rows.size());
            finish(generation, n, {}, [this, &all, &rows] {
                m_all = std::move(all);
                m_rows = std::move(rows);
            });
        });
}

QList<storage::ReviewItem> ReviewQueueModel::filtered() const
{
    QList<storage::ReviewItem> out;
    for (const auto& i : m_all)
        if ((m_reason.isEmpty() || i.reason == m_reason) && (m_assignee == 0 || i.assigneeId == m_assignee))
            out << i;
    sortRows(out);
    return out;
}

void ReviewQueueModel::sortRows(QList<storage::ReviewItem>& rows) const
{
    const int column = m_sortColumn;
    auto key = [column](const storage::ReviewItem& a, const storage::ReviewItem& b) -> int {
        auto cmp = [](const auto& x, const auto& y) {
            return x < y ? -1 : (y < x ? 1 : 0);
        };
        switch (column) {
        case OrderNo:
            return cmp(a.orderNo, b.orderNo);
        case Goods:
            return cmp(a.goodsName, b.goodsName);
        case Member:
            return cmp(a.memberName, b.memberName);
        case Amount:
            return cmp(a.paidAmount, b.paidAmount);
        case Reason:
            return cmp(a.reason, b.reason);
        case History:
            return cmp(a.memberPaidOrders, b.memberPaidOrders);
        case Assignee:
            return cmp(a.assigneeName, b.assigneeName);
        default: // waiting: the longer, the larger
            return cmp(b.since, a.since);
        }
    };
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        const int c = key(a, b);
        if (c != 0)
            return ascending ? c < 0 : c > 0;
        return a.orderId < b.orderId;
    });
}

void ReviewQueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || column == Result)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex& i : before)
        ids << m_rows.at(i.row()).orderId;
    sortRows(m_rows);
    QModelIndexList after;
    for (qsizetype k = 0; k < before.size(); ++k)
        after << index(rowOf(ids.at(k)), before.at(k).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int ReviewQueueModel::rowOf(qint64 orderId) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).orderId == orderId)
            return r;
    return -1;
}

void ReviewQueueModel::setReasonFilter(const QString& reasonCode)
{
    if (reasonCode == m_reason)
        return;
    m_reason = reasonCode;
    reload();
}

void ReviewQueueModel::setAssigneeFilter(qint64 operatorId)
{
    if (operatorId == m_assignee)
        return;
    m_assignee = operatorId;
    reload();
}

QStringList ReviewQueueModel::reasons() const
{
    QSet<QString> seen;
    for (const auto& i : m_all)
        seen.insert(i.reason);
    QStringList out(seen.begin(), seen.end());
    out.sort();
    return out;
}

void ReviewQueueModel::setResult(qint64 orderId, const QString& text, bool failed)
{
    if (text.isEmpty())
        m_results.remove(orderId);
    else
        m_results.insert(orderId, {text, failed});
    const int row = rowOf(orderId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ReviewQueueModel::setNow(qint64 seconds)
{
    m_now = seconds;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Waiting), index(int(m_rows.size()) - 1, Waiting));
}

qint64 ReviewQueueModel::now() const
{
    return m_now > 0 ? m_now : QDateTime::currentSecsSinceEpoch();
}

QString ReviewQueueModel::reasonName(const QString& code)
{
    if (code == u"amount_mismatch")
        return tr("Amount mismatch");
    if (code == u"missing_charge_account")
        return tr("No recharge account");
    if (code == u"quantity_above_norm")
        return tr("Quantity above the usual");
    if (code == u"blacklisted_account")
        return tr("Blacklisted account");
    if (code == u"platform_review" || code.isEmpty())
        return tr("Held by the platform");
    return code; // a rule's own code or the text given to /review
}

QString ReviewQueueModel::waitingText(qint64 seconds)
{
    const qint64 s = qMax<qint64>(0, seconds);
    const qint64 days = s / 86400;
    const qint64 hours = (s % 86400) / 3600;
    const qint64 minutes = (s % 3600) / 60;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    return tr("%1 min").arg(minutes);
}

int ReviewQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const storage::ReviewItem& i = m_rows.at(index.row());
    const auto result = m_results.constFind(i.orderId);
    const bool hasResult = result != m_results.cend();
    switch (role) {
    case OrderIdRole:
        return i.orderId;
    case SinceRole:
        return i.since;
    case FailedRole:
        return hasResult && result->failed;
    case Qt::TextAlignmentRole:
        return index.column() == Amount || index.column() == Waiting
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Result && hasResult)
            return QBrush(result->failed ? kAlarm : kDone);
        if (index.column() == Amount && i.paidAmount != i.amount)
            return QBrush(kAlarm);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case OrderNo:
        case Goods:
        case Member:
        case Assignee:
            return data(index, Qt::DisplayRole);
        case Amount:
            return tr("Paid %1 of %2 yuan; refunded %3")
                .arg(yuan(i.paidAmount), yuan(i.amount), yuan(i.refundAmount));
        case Reason:
            if (i.heldByWorker)
                return i.firedRule.isEmpty() ? tr("Held by the fulfilment worker")
                                             : tr("Held by the fulfilment worker (rule %1)").arg(i.firedRule);
            return tr("Held by the platform's own checks");
        case Waiting:
            return tr("Paid at %1").arg(core::formatShanghaiTime(i.since));
        case History:
            return tr("%1 paid orders before this one, %2 yuan in all")
                .arg(QLocale().toString(i.memberPaidOrders), yuan(i.memberSpend));
        case Result:
            return hasResult ? result->text : i.lastActionError;
        default:
            return {};
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case OrderNo:
        return i.orderNo;
    case Goods:
        return i.quantity > 1 ? tr("%1 × %2").arg(i.goodsName).arg(i.quantity) : i.goodsName;
    case Member:
        return i.memberName.isEmpty() ? QString::number(i.memberId) : i.memberName;
    case Amount:
        return yuan(i.paidAmount);
    case Reason:
        return reasonName(i.reason);
    case Waiting:
        return waitingText(now() - i.since);
    case History:
        if (i.memberPaidOrders == 0)
            return tr("First order");
        return tr("%1 orders · usually %2").arg(QLocale().toString(i.memberPaidOrders)).arg(i.usualQuantity);
    case Assignee:
        return i.assigneeName;
    case Result:
        if (hasResult)
            return result->text;
        if (i.lastActionState == u"pending")
            return tr("Waiting for the platform");
        if (i.lastActionState == u"failed")
            return tr("Last attempt refused");
        return {};
    default:
        return {};
    }
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OrderNo:
        return tr("Order no.");
    case Goods:
        return tr("Goods");
    case Member:
        return tr("Member");
    case Amount:
        return tr("Paid (yuan)");
    case Reason:
        return tr("Reason");
    case Waiting:
        return tr("Waiting");
    case History:
        return tr("Member history");
    case Assignee:
        return tr("Assignee");
    case Result:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace cardops::models
