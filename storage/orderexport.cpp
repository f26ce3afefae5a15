#include "storage/orderexport.h"

#include "storage/listqueries.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace cardops::storage {
namespace {

using core::ErrorCode;
using core::makeError;

constexpr int BusyTimeoutMs = 5000;

core::Error errorFor(sqlite3* db, int rc, const QString& context)
{
    const int primary = rc & 0xff;
    const ErrorCode code = primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? ErrorCode::Busy
                           : primary == SQLITE_NOTADB                         ? ErrorCode::NotADatabase
                           : primary == SQLITE_CORRUPT                        ? ErrorCode::CorruptDatabase
                                                                              : ErrorCode::Storage;
    const QString text = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    return makeError(code, context + u": "_s + text);
}

struct Where
{
    QStringList terms;
    QVariantList binds;
};

Where orderWhere(const OrderFilter& f, qint64 ceiling)
{
    Where w;
    const QStringList statuses = orderqueries::tabStatuses(f.tab);
    if (!statuses.isEmpty()) {
        w.terms << u"t.status IN ("_s + QStringList(statuses.size(), u"?"_s).join(u", "_s) + u')';
        for (const QString& s : statuses)
            w.binds << s;
    }
    const auto add = [&](const QString& term, const QVariant& value) {
        w.terms << term;
        w.binds << value;
    };
    if (f.createdFrom > 0)
        add(u"t.created_at >= ?"_s, f.createdFrom);
    if (f.createdTo > 0)
        add(u"t.created_at < ?"_s, f.createdTo);
    if (f.memberId > 0)
        add(u"t.member_id = ?"_s, f.memberId);
    if (f.goodsId > 0)
        add(u"t.goods_id = ?"_s, f.goodsId);
    orderqueries::addRelationTerms(f, u"t."_s, w.terms, w.binds);
    if (f.amountMin)
        add(u"t.amount >= ?"_s, *f.amountMin);
    if (f.amountMax)
        add(u"t.amount <= ?"_s, *f.amountMax);
    if (!f.orderNoPrefix.isEmpty()) {
        add(u"t.order_no >= ?"_s, f.orderNoPrefix);
        add(u"t.order_no < ?"_s, lists::prefixUpperBound(f.orderNoPrefix));
    }
    if (!f.chargeAccountPrefix.isEmpty()) {
        add(u"t.charge_account >= ?"_s, f.chargeAccountPrefix);
        add(u"t.charge_account < ?"_s, lists::prefixUpperBound(f.chargeAccountPrefix));
    }
    if (ceiling > 0)
        add(u"t.id <= ?"_s, ceiling);
    return w;
}

QString whereSql(const QStringList& terms)
{
    return terms.isEmpty() ? QString() : u" WHERE "_s + terms.join(u" AND "_s);
}

// Streams `select` (whose columns 0 and `keyColumn` are the id and the sort key, and which has no
// ORDER BY) in chunks ordered by (key, id), resuming after the last row of the previous chunk.
core::Result<qint64> streamChunked(ExportReader& reader, const QString& select, const QString& key,
                                   int keyColumn, const Where& where, const ExportRowSink& sink)
{
    qint64 total = 0;
    qint64 lastKey = 0;
    qint64 lastId = 0;
    bool first = true;
    bool stopped = false;
    const QString idColumn = key.section(u'.', 0, 0) + u".id"_s;
    while (!stopped) {
        QStringList terms = where.terms;
        QVariantList binds = where.binds;
        if (!first) {
            terms << u"("_s + key + u", "_s + idColumn + u") > (?, ?)"_s;
            binds << lastKey << lastId;
        }
        binds << orderexport::ChunkRows;
        const QString sql =
            select + whereSql(terms) + u" ORDER BY "_s + key + u", "_s + idColumn + u" LIMIT ?"_s;
        qint64 inChunk = 0;
        auto rows = reader.stream(sql, binds, [&](const ExportRow& row) {
            ++inChunk;
            lastId = row.integer(0);
            lastKey = row.integer(keyColumn);
            if (sink(row))
                return true;
            stopped = true;
            return false;
        });
        if (!rows)
            return rows.error();
        total += *rows;
        first = false;
        if (inChunk < orderexport::ChunkRows)
            break;
    }
    return total;
}

const QString& orderSelect()
{
    static const QString sql =
        u"SELECT t.id, t.order_no, t.created_at, t.paid_at, t.member_id, COALESCE(m.name, ''), "
        "COALESCE(g.name, '#' || t.goods_id), t.quantity, t.unit_price, t.amount, t.paid_amount, "
        "t.cost_at_order, t.refund_amount, t.status, t.pay_channel, t.charge_account, t.contact "
        "FROM orders t LEFT JOIN members m ON m.id = t.member_id LEFT JOIN goods g ON g.id = t.goods_id"_s;
    return sql;
}

Where commissionWhere(qint64 from, qint64 to)
{
    Where w;
    w.terms << u"l.kind = 'commission'"_s;
    if (from > 0) {
        w.terms << u"l.created_at >= ?"_s;
        w.binds << from;
    }
    if (to > 0) {
        w.terms << u"l.created_at < ?"_s;
        w.binds << to;
    }
    return w;
}

} // namespace

qint64 ExportRow::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QStringView ExportRow::text(int column) const
{
    const void* data = sqlite3_column_text16(m_statement, column);
    if (!data)
        return {};
    const int bytes = sqlite3_column_bytes16(m_statement, column);
    return QStringView(static_cast<const char16_t*>(data), bytes / 2);
}

bool ExportRow::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

ExportReader::ExportReader(const QString& databasePath)
    : m_path(databasePath)
{
    if (!QFileInfo::exists(databasePath)) {
        m_error = makeError(ErrorCode::NotFound, u"no database at "_s + databasePath);
        return;
    }
    const int rc = sqlite3_open_v2(databasePath.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        m_error = errorFor(m_db, rc, u"open "_s + databasePath);
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_db, BusyTimeoutMs);
}

ExportReader::~ExportReader()
{
    if (m_db)
        sqlite3_close(m_db);
}

core::Result<void> ExportReader::status() const
{
    if (m_error)
        return *m_error;
    return {};
}

core::Error ExportReader::sqliteError(const QString& context) const
{
    return errorFor(m_db, sqlite3_extended_errcode(m_db), context);
}

core::Result<qint64> ExportReader::stream(const QString& sql, const QVariantList& binds,
                                          const ExportRowSink& sink)
{
    if (m_error)
        return *m_error;
    sqlite3_stmt* statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK)
        return sqliteError(u"prepare"_s);
    const auto finalize = qScopeGuard([&] { sqlite3_finalize(statement); });
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& v = binds[i];
        int rc = SQLITE_OK;
        if (v.typeId() == QMetaType::QString) {
            const QString s = v.toString();
            rc = sqlite3_bind_text16(statement, i + 1, s.utf16(), int(s.size() * 2), SQLITE_TRANSIENT);
        } else {
            rc = sqlite3_bind_int64(statement, i + 1, v.toLongLong());
        }
        if (rc != SQLITE_OK)
            return sqliteError(u"bind"_s);
    }
    qint64 rows = 0;
    const ExportRow row(statement);
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            return sqliteError(u"step"_s);
        ++rows;
        if (!sink(row))
            break;
    }
    return rows;
}

core::Result<qint64> ExportReader::scalar(const QString& sql, const QVariantList& binds)
{
    qint64 value = 0;
    auto rows = stream(sql, binds, [&](const ExportRow& row) {
        value = row.integer(0);
        return false;
    });
    if (!rows)
        return rows.error();
    return value;
}

namespace orderexport {

core::Result<qint64> countOrders(ExportReader& reader, const OrderFilter& filter, qint64 ceiling)
{
    const Where w = orderWhere(filter, ceiling);
    return reader.scalar(u"SELECT COUNT(*) FROM orders t"_s + whereSql(w.terms), w.binds);
}

core::Result<qint64> streamOrders(ExportReader& reader, const OrderFilter& filter, qint64 ceiling,
                                  const ExportRowSink& sink)
{
    return streamChunked(reader, orderSelect(), u"t.created_at"_s, CreatedAt, orderWhere(filter, ceiling),
                         sink);
}

core::Result<qint64> maxOrderId(ExportReader& reader)
{
    return reader.scalar(u"SELECT COALESCE(MAX(id), 0) FROM orders"_s);
}

core::Result<qint64> countCommissions(ExportReader& reader, qint64 from, qint64 to)
{
    const Where w = commissionWhere(from, to);
    return reader.scalar(u"SELECT COUNT(*) FROM ledger l"_s + whereSql(w.terms), w.binds);
}

core::Result<qint64> streamCommissions(ExportReader& reader, qint64 from, qint64 to,
                                       const ExportRowSink& sink)
{
    static const QString select =
        u"SELECT l.id, l.created_at, l.member_id, COALESCE(m.name, ''), COALESCE(o.order_no, ''), l.amount "
        "FROM ledger l LEFT JOIN members m ON m.id = l.member_id LEFT JOIN orders o ON o.id = l.order_id"_s;
    return streamChunked(reader, select, u"l.created_at"_s, LedgerCreatedAt, commissionWhere(from, to), sink);
}

} // namespace orderexport
} // namespace cardops::storage
