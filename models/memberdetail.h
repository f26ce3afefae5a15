#pragma once

#include "core/access.h"
#include "storage/memberqueries.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <optional>

namespace cardops::models {

class DataSource;

// One member's detail for the member dialog (issue #10 item 1): the member with its figures, its
// newest orders, its contract prices and its ledger a page at a time, all read on the loader thread
// (DataSource::reader()), read again when the member's tables change; and the tags edit, staged
// through the outbox as a members PATCH `tags` with its audit entry (like CategoryEditor). UI thread.
class MemberDetailLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int OrderRows = 100;
    static constexpr int LedgerPageRows = 100;

    MemberDetailLoader(DataSource& source, qint64 memberId, QObject* parent = nullptr);

    qint64 memberId() const { return m_memberId; }
    // Reads the detail, the orders, the contract prices and the current ledger page again.
    void load();
    // Shows the ledger page starting at `offset` (newest first); ledgerLoaded() follows.
    void loadLedger(qint64 offset);

    bool isLoaded() const { return m_detail.has_value(); }
    const std::optional<storage::MemberDetail>& detail() const { return m_detail; }
    const QList<storage::MemberOrder>& orders() const { return m_orders; }
    const QList<storage::ContractPrice>& contractPrices() const { return m_contract; }
    const QList<storage::LedgerLine>& ledger() const { return m_ledger; }
    qint64 ledgerOffset() const { return m_ledgerOffset; }

    // Stages the member's new tags (trimmed, empty ones and repeats dropped, order kept) through
    // the outbox; tagsSaved() follows. Refused without a writer or an operator.
    void saveTags(const core::Actor& actor, const QStringList& tags);
    bool canEdit(const core::Actor& actor) const;
    // Trimmed, non-empty, each once, first mention first.
    static QStringList cleanTags(const QStringList& tags);

Q_SIGNALS:
    void loaded();
    void failed(const QString& detail);
    void ledgerLoaded();
    // ok, or the English detail of the error.
    void tagsSaved(bool ok, const QString& detail);

private:
    struct Snapshot
    {
        core::Result<storage::MemberDetail> detail;
        core::Result<QList<storage::MemberOrder>> orders;
        core::Result<QList<storage::ContractPrice>> contract;
        core::Result<QList<storage::LedgerLine>> ledger;
    };

    DataSource& m_source;
    qint64 m_memberId = 0;
    quint64 m_generation = 0;
    std::optional<storage::MemberDetail> m_detail;
    QList<storage::MemberOrder> m_orders;
    QList<storage::ContractPrice> m_contract;
    QList<storage::LedgerLine> m_ledger;
    qint64 m_ledgerOffset = 0;
};

} // namespace cardops::models
