#include "models/fulfilmentmodels.h"

#include "core/csvexport.h"
#include "core/fulfilmentreasons.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace cardops::models {

RecentFulfilmentsModel::RecentFulfilmentsModel(DataSource& source, QObject* parent)
    : SnapshotTableModel(source, {u"fulfilments"_s}, parent)
{
    reload();
}

void RecentFulfilmentsModel::read(quint64 generation)
{
    readInto<storage::RecentFulfilment>(
        generation, [](const storage::ReadSession& s) { return storage::fulfilments::recent(s, Limit); },
        m_rows);
}

int RecentFulfilmentsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecentFulfilmentsModel::stepName(const QString& step)
{
    namespace st = storage::fulfilmentstep;
    if (step == st::Decided)
        return tr("Decided");
    if (step == st::Delivering)
        return tr("Delivering from stock");
    if (step == st::Purchasing)
        return tr("Buying from the supplier");
    if (step == st::DeliveringSupply)
        return tr("Delivering what was bought");
    if (step == st::Holding)
        return tr("Putting in review");
    if (step == st::Refunding)
        return tr("Refunding");
    if (step == st::Done)
        return tr("Delivered");
    if (step == st::Review)
        return tr("In review");
    if (step == st::Refunded)
        return tr("Refunded");
    if (step == st::Settled)
        return tr("Settled elsewhere");
    return step;
}

QString RecentFulfilmentsModel::decisionName(core::DecisionAction action)
{
    switch (action) {
    case core::DecisionAction::Deliver:
        return tr("Deliver");
    case core::DecisionAction::Review:
        return tr("Review");
    case core::DecisionAction::Refund:
        return tr("Refund");
    }
    return {};
}

QVariant RecentFulfilmentsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const storage::RecentFulfilment& e = m_rows.at(index.row());
    const storage::FulfilmentRecord& r = e.record;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Order:
            return e.orderNo.isEmpty() ? QString::number(r.orderId) : e.orderNo;
        case Goods:
            return e.goodsName;
        case Decision:
            return decisionName(r.action);
        case Rule:
            return r.firedRule.isEmpty() ? tr("default · v%1").arg(r.ruleSetVersion)
                                         : tr("%1 · v%2").arg(r.firedRule).arg(r.ruleSetVersion);
        case Step:
            return stepName(r.step);
        case Reason: {
            QString text = r.reason.isEmpty() ? QString() : core::FulfilmentReasons::text(r.reason);
            if (!r.error.isEmpty())
                text += (text.isEmpty() ? QString() : u" — "_s) + core::FulfilmentReasons::text(r.error);
            return text;
        }
        case UpdatedAt:
            return core::formatShanghaiTime(r.updatedAt);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Step) {
        if (r.step == storage::fulfilmentstep::Review)
            return QColor(0xb2, 0x6a, 0x00);
        if (!storage::fulfilmentstep::isFinal(r.step))
            return QColor(0x1a, 0x5f, 0xb4);
    }
    if (role == Qt::UserRole)
        return r.orderId;
    return {};
}

QVariant RecentFulfilmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Order:
        return tr("Order");
    case Goods:
        return tr("Goods");
    case Decision:
        return tr("Decision");
    case Rule:
        return tr("Rule");
    case Step:
        return tr("Progress");
    case Reason:
        return tr("Reason");
    case UpdatedAt:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace cardops::models
