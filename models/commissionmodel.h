#pragma once

#include "storage/commissioncheck.h"

#include <QAbstractTableModel>
#include <optional>

class QIODevice;

namespace cardops::models {

// The differences of a commission check as a table (issue #10 item 5), filterable by kind and by
// agent (expected or actual member). Amounts are signed: a reversal is negative; the difference
// is actual − expected. UI thread only.
class CommissionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Kind,
        OrderNo,
        ExpectedMember,
        ActualMember,
        ExpectedAmount,
        ActualAmount,
        Difference,
        LedgerId,
        ColumnCount
    };
    enum Role { OrderIdRole = Qt::UserRole + 1, MemberIdRole, KindRole };

    explicit CommissionModel(QObject* parent = nullptr);

    void setResult(const storage::commissioncheck::CheckResult& result);
    const storage::commissioncheck::CheckResult& result() const { return m_result; }
    void setKindFilter(std::optional<core::DifferenceKind> kind);
    void setAgentFilter(qint64 memberId); // 0 = every agent
    // The rows shown, in order.
    const QList<core::CommissionDifference>& rows() const { return m_rows; }

    // The kind as the operator reads it (漏发, 多发, 金额不符, 发错人).
    static QString kindName(core::DifferenceKind kind);
    // "name #id", or "—" for none.
    static QString memberText(const storage::commissioncheck::CheckResult& result, qint64 memberId);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refilter();

    storage::commissioncheck::CheckResult m_result;
    QList<core::CommissionDifference> m_rows;
    std::optional<core::DifferenceKind> m_kind;
    qint64 m_agent = 0;
};

// CSV per domain.md "Finance" (core/csvexport): UTF-8 with BOM, CRLF, ids as text, money with 2
// places. Any thread; the caller commits its QSaveFile only on success.
namespace commissioncsv {
core::Result<void> writeDifferences(QIODevice* device, const storage::commissioncheck::CheckResult& result,
                                    const QList<core::CommissionDifference>& rows);
core::Result<void> writeStatement(QIODevice* device, const storage::commissioncheck::Statement& statement);
// Writes through a QSaveFile at `path` (on the calling thread): nothing is left behind on failure.
core::Result<void> save(const QString& path, const std::function<core::Result<void>(QIODevice*)>& write);
} // namespace commissioncsv

} // namespace cardops::models
