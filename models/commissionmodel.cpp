#include "models/commissionmodel.h"

#include "core/csvexport.h"

#include <QColor>
#include <QCoreApplication>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

using core::CommissionDifference;
using core::CommissionKind;
using core::DifferenceKind;
using core::Money;

Money signedAmount(CommissionKind kind, Money amount)
{
    return kind == CommissionKind::Credit ? amount : -amount;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("cardops::models::CommissionModel", text);
}

} // namespace

CommissionModel::CommissionModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

QString CommissionModel::kindName(DifferenceKind kind)
{
    switch (kind) {
    case DifferenceKind::Missing:
        return tr("Missing");
    case DifferenceKind::Unexpected:
        return tr("Unexpected");
    case DifferenceKind::WrongAmount:
        return tr("Wrong amount");
    case DifferenceKind::WrongMember:
        return tr("Wrong member");
    }
    return {};
}

QString CommissionModel::memberText(const storage::commissioncheck::CheckResult& result, qint64 memberId)
{
    if (memberId <= 0)
        return u"—"_s;
    return result.memberNames.value(memberId) + u" #"_s + QString::number(memberId);
}

void CommissionModel::setResult(const storage::commissioncheck::CheckResult& result)
{
    m_result = result;
    refilter();
}

void CommissionModel::setKindFilter(std::optional<DifferenceKind> kind)
{
    m_kind = kind;
    refilter();
}

void CommissionModel::setAgentFilter(qint64 memberId)
{
    m_agent = memberId;
    refilter();
}

void CommissionModel::refilter()
{
    beginResetModel();
    m_rows.clear();
    for (const CommissionDifference& d : m_result.differences) {
        if (m_kind && d.kind != *m_kind)
            continue;
        if (m_agent > 0 && d.expectedMemberId != m_agent && d.actualMemberId != m_agent)
            continue;
        m_rows.append(d);
    }
    endResetModel();
}

int CommissionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CommissionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommissionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CommissionDifference& d = m_rows[index.row()];
    const bool hasExpected = d.kind != DifferenceKind::Unexpected;
    const bool hasActual = d.kind != DifferenceKind::Missing;
    const Money expected = hasExpected ? signedAmount(d.entryKind, d.expectedAmount) : Money();
    const Money actual = hasActual ? signedAmount(d.entryKind, d.actualAmount) : Money();
    switch (role) {
    case OrderIdRole:
        return d.orderId;
    case MemberIdRole:
        return hasExpected ? d.expectedMemberId : d.actualMemberId;
    case KindRole:
        return static_cast<int>(d.kind);
    case Qt::TextAlignmentRole:
        return index.column() >= ExpectedAmount && index.column() <= Difference
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ForegroundRole:
        return index.column() == Difference && !(actual - expected).isZero()
                   ? QVariant(QColor(0xc6, 0x28, 0x28))
                   : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Kind)
            return d.entryKind == CommissionKind::Credit ? tr("Commission credit") : tr("Reversal on refund");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Kind:
        return d.entryKind == CommissionKind::Credit ? kindName(d.kind)
                                                     : tr("%1 (reversal)").arg(kindName(d.kind));
    case OrderNo:
        return m_result.orderNos.value(d.orderId, QString::number(d.orderId));
    case ExpectedMember:
        return memberText(m_result, hasExpected ? d.expectedMemberId : 0);
    case ActualMember:
        return memberText(m_result, hasActual ? d.actualMemberId : 0);
    case ExpectedAmount:
        return hasExpected ? expected.toString() : u"—"_s;
    case ActualAmount:
        return hasActual ? actual.toString() : u"—"_s;
    case Difference:
        return (actual - expected).toString();
    case LedgerId:
        return d.ledgerId > 0 ? QString::number(d.ledgerId) : u"—"_s;
    default:
        return {};
    }
}

QVariant CommissionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case OrderNo:
        return tr("Order no.");
    case ExpectedMember:
        return tr("Should go to");
    case ActualMember:
        return tr("Credited to");
    case ExpectedAmount:
        return tr("Expected");
    case ActualAmount:
        return tr("Credited");
    case Difference:
        return tr("Difference");
    case LedgerId:
        return tr("Ledger id");
    default:
        return {};
    }
}

namespace commissioncsv {

core::Result<void> writeDifferences(QIODevice* device, const storage::commissioncheck::CheckResult& result,
                                    const QList<CommissionDifference>& rows)
{
    using K = core::CsvColumnKind;
    core::CsvExportWriter w(device, {{tr("Kind"), K::Text},
                                     {tr("Code"), K::Text},
                                     {tr("Order no."), K::Identifier},
                                     {tr("Entry"), K::Text},
                                     {tr("Expected member id"), K::Identifier},
                                     {tr("Expected member"), K::Text},
                                     {tr("Expected"), K::Money},
                                     {tr("Credited member id"), K::Identifier},
                                     {tr("Credited member"), K::Text},
                                     {tr("Credited"), K::Money},
                                     {tr("Difference"), K::Money},
                                     {tr("Ledger id"), K::Identifier}});
    if (auto h = w.writeHeader(); !h)
        return h;
    for (const CommissionDifference& d : rows) {
        const bool hasExpected = d.kind != DifferenceKind::Unexpected;
        const bool hasActual = d.kind != DifferenceKind::Missing;
        const Money expected = hasExpected ? signedAmount(d.entryKind, d.expectedAmount) : Money();
        const Money actual = hasActual ? signedAmount(d.entryKind, d.actualAmount) : Money();
        w.addText(CommissionModel::kindName(d.kind));
        w.addText(storage::commissioncheck::kindCode(d.kind));
        w.addIdentifier(result.orderNos.value(d.orderId, QString::number(d.orderId)));
        w.addText(d.entryKind == CommissionKind::Credit ? u"credit"_s : u"reversal"_s);
        hasExpected ? w.addIdentifier(QString::number(d.expectedMemberId)) : w.addEmpty();
        hasExpected ? w.addText(result.memberNames.value(d.expectedMemberId)) : w.addEmpty();
        hasExpected ? w.addMoney(expected) : w.addEmpty();
        hasActual ? w.addIdentifier(QString::number(d.actualMemberId)) : w.addEmpty();
        hasActual ? w.addText(result.memberNames.value(d.actualMemberId)) : w.addEmpty();
        hasActual ? w.addMoney(actual) : w.addEmpty();
        w.addMoney(actual - expected);
        d.ledgerId > 0 ? w.addIdentifier(QString::number(d.ledgerId)) : w.addEmpty();
        if (auto r = w.endRow(); !r)
            return r;
    }
    return w.finish();
}

core::Result<void> writeStatement(QIODevice* device, const storage::commissioncheck::Statement& s)
{
    using K = core::CsvColumnKind;
    core::CsvExportWriter w(device, {{tr("Order no."), K::Identifier},
                                     {tr("Ordered at"), K::Time},
                                     {tr("Buyer id"), K::Identifier},
                                     {tr("Buyer"), K::Text},
                                     {tr("Depth"), K::Integer},
                                     {tr("Entry"), K::Text},
                                     {tr("Expected"), K::Money},
                                     {tr("Credited"), K::Money},
                                     {tr("Difference"), K::Money},
                                     {tr("Ledger id"), K::Identifier}});
    if (auto h = w.writeHeader(); !h)
        return h;
    for (const storage::commissioncheck::StatementEntry& e : s.entries) {
        w.addIdentifier(e.orderNo);
        w.addTime(e.orderAt);
        w.addIdentifier(QString::number(e.buyerId));
        w.addText(e.buyerName);
        e.depth > 0 ? w.addInteger(e.depth) : w.addEmpty();
        w.addText(e.kind == CommissionKind::Credit ? u"credit"_s : u"reversal"_s);
        e.hasExpected ? w.addMoney(e.expected) : w.addEmpty();
        e.ledgerId > 0 ? w.addMoney(e.credited) : w.addEmpty();
        w.addMoney(e.difference());
        e.ledgerId > 0 ? w.addIdentifier(QString::number(e.ledgerId)) : w.addEmpty();
        if (auto r = w.endRow(); !r)
            return r;
    }
    // The totals as a last row, labelled in the buyer column.
    w.addEmpty();
    w.addEmpty();
    w.addEmpty();
    w.addText(tr("Total"));
    w.addEmpty();
    w.addEmpty();
    w.addMoney(s.expectedTotal);
    w.addMoney(s.creditedTotal);
    w.addMoney(s.creditedTotal - s.expectedTotal);
    w.addEmpty();
    if (auto r = w.endRow(); !r)
        return r;
    return w.finish();
}

core::Result<void> save(const QString& path, const std::function<core::Result<void>(QIODevice*)>& write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::makeError(core::ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (auto r = write(&file); !r) {
        file.cancelWriting();
        return r;
    }
    if (!file.commit())
        return core::makeError(core::ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace commissioncsv

} // namespace cardops::models
