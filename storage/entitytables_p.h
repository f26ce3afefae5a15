#pragma once

#include "core/platformtypes.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

// The cache tables of the platform's entities, column by column, for ingest (platformcache.cpp)
// and local edits (outbox.cpp). The first column is always `id`; the record's values come in the
// same order as the column list.
namespace cardops::storage::detail {

struct EntityTable
{
    QString entity; // the outbox's name of the entity: "goods", "members", "categories", …
    QString table;
    QStringList columns;
    QString upsertSql;  // INSERT … ON CONFLICT (id) DO UPDATE SET every column
    QString versionSql; // SELECT version FROM table WHERE id = ?
};

const EntityTable& categoriesTable();
const EntityTable& goodsTable();
const EntityTable& membersTable();
const EntityTable& ordersTable();
const EntityTable& ledgerTable();
const EntityTable& withdrawalsTable();

// The table of an editable entity by its outbox name, or nullptr.
const EntityTable* editableTable(const QString& entity);

QVariantList valuesOf(const core::Category& c);
QVariantList valuesOf(const core::Goods& g);
QVariantList valuesOf(const core::Member& m);
QVariantList valuesOf(const core::Order& o);
QVariantList valuesOf(const core::LedgerEntry& e);
QVariantList valuesOf(const core::Withdrawal& w);

// An order back from its cache columns (ordersTable().columns, in order) starting at row[offset].
core::Order orderFromValues(const QVariantList& row, int offset = 0);

// The cache columns a wire field of an editable entity is stored in (`listing` → three columns),
// or an empty list when the field cannot be edited.
QStringList columnsOfField(const QString& entity, const QString& field);

// Never bind a null QString: the cache's text columns are NOT NULL.
inline QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}
inline QVariant text(const QByteArray& utf8)
{
    return QVariant(QString::fromUtf8(utf8));
}

inline QVariant i64(qint64 v)
{
    return QVariant::fromValue<qint64>(v);
}

// A cache column value as JSON (the outbox's base and remote values) and back: text stays text,
// integers (money in units included) are numbers, exact up to 2^53.
inline QJsonValue columnToJson(const QVariant& v)
{
    if (v.typeId() == QMetaType::QString)
        return v.toString();
    return static_cast<double>(v.toLongLong());
}
inline QVariant jsonToColumn(const QJsonValue& v)
{
    if (v.isDouble())
        return i64(static_cast<qint64>(v.toDouble()));
    return text(v.toString());
}

} // namespace cardops::storage::detail
