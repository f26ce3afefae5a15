#include "bridge/installer.h"

#include "bridge/bridgedb.h"
#include "bridge/statetables.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace cardops::bridge {

using core::ErrorCode;
using core::makeError;

namespace {

// One watched acg table: the entity its changes feed, the parent column (routes per-goods and
// per-member feeds, kept on deletes), and the served columns an UPDATE must touch to count (the
// noise of acg-faka-model.md §5.3: login times, the docked-stock cache, are left out).
struct Watch
{
    const char* table;
    const char* entity;
    const char* parent; // nullptr: 0
    QList<const char*> served;
    bool cardFanOut = false;    // a card change also changes its goods' stock
    bool deliveredFlag = false; // orders: flag delivery_status 0 → 1
};

const QList<Watch>& watches()
{
    static const QList<Watch> list = {
        {"category",
         "category",
         nullptr,
         {"name", "sort", "owner", "icon", "status", "hide", "user_level_config", "pid"}},
        {"commodity",
         "goods",
         nullptr,
         {"category_id",      "name",   "description", "cover",       "factory_price", "price",
          "user_price",       "status", "owner",       "code",        "delivery_way",  "delivery_auto_mode",
          "delivery_message", "sort",   "shared_id",   "shared_code", "stock",         "level_price",
          "level_disable",    "config", "hide",        "draft_status"}},
        {"card",
         "card",
         "commodity_id",
         {"owner", "commodity_id", "secret", "status", "order_id", "purchase_time", "race", "note"},
         true},
        {"order",
         "order",
         "commodity_id",
         {"owner", "user_id", "amount", "commodity_id", "card_num", "pay_id", "pay_time", "status", "secret",
          "contact", "delivery_status", "rent", "pay_cost", "divide_amount", "from"},
         false,
         true},
        {"user",
         "member",
         nullptr,
         {"username", "email", "phone", "qq", "balance", "coin", "pid", "recharge", "total_coin", "status",
          "business_level"}},
        {"user_group", "tier", nullptr, {"name", "discount_config", "recharge"}},
        {"commodity_group", "goodsgroup", nullptr, {"name", "commodity_list"}},
        {"bill", "ledger", "owner", {"owner", "amount", "balance", "type", "currency", "log"}},
        {"cash", "withdrawal", "user_id", {"user_id", "amount", "status", "arrive_time", "message", "cost"}},
    };
    return list;
}

struct Event
{
    const char* suffix;
    const char* timing;
    char op;
    const char* row; // NEW or OLD
};

const Event kEvents[] = {
    {"ai", "INSERT", 'I', "NEW"}, {"au", "UPDATE", 'U', "NEW"}, {"ad", "DELETE", 'D', "OLD"}};

QString col(const char* row, const QString& column)
{
    return QLatin1StringView(row) + QStringLiteral(".`") + column + u'`';
}

QString changeInsert(const BridgeDb& db, const QString& entity, const QString& id, const QString& parent,
                     char op, const QString& flags)
{
    return QStringLiteral(
               "INSERT INTO %1 (`entity`, `entity_id`, `parent_id`, `op`, `flags`) VALUES ('%2', %3, "
               "IFNULL(%4, 0), '%5', %6);")
        .arg(db.own("change"), entity, id, parent, QChar::fromLatin1(op), flags);
}

QString triggerName(const BridgeDb& db, const Watch& w, const Event& e)
{
    return db.ownName("trg_") + QLatin1StringView(w.table) + u'_' + QLatin1StringView(e.suffix);
}

QString triggerSql(const BridgeDb& db, const Watch& w, const Event& e)
{
    const char* row = e.row;
    const QString parent = w.parent ? col(row, QLatin1StringView(w.parent)) : QStringLiteral("0");
    const QString flags = w.deliveredFlag && e.op == 'U'
                              ? QStringLiteral("IF(OLD.`delivery_status` = 0 AND NEW.`delivery_status` = 1, "
                                               "'delivered', '')")
                              : QStringLiteral("''");
    QString body =
        changeInsert(db, QLatin1StringView(w.entity), col(row, QStringLiteral("id")), parent, e.op, flags);
    if (w.cardFanOut) {
        body += changeInsert(db, QStringLiteral("goods"), col(row, QStringLiteral("commodity_id")),
                             QStringLiteral("0"), 'U', QStringLiteral("'stock'"));
        if (e.op == 'U')
            body += QStringLiteral("IF NOT (OLD.`commodity_id` <=> NEW.`commodity_id`) THEN ") +
                    changeInsert(db, QStringLiteral("goods"), QStringLiteral("OLD.`commodity_id`"),
                                 QStringLiteral("0"), 'U', QStringLiteral("'stock'")) +
                    QStringLiteral(" END IF;");
    }
    if (e.op == 'U') {
        QStringList same;
        for (const char* c : w.served)
            same << col("OLD", QLatin1StringView(c)) + QStringLiteral(" <=> ") +
                        col("NEW", QLatin1StringView(c));
        body = QStringLiteral("IF NOT (") + same.join(QStringLiteral(" AND ")) + QStringLiteral(") THEN ") +
               body + QStringLiteral(" END IF;");
    }
    // §5.4: a missing bridge table (1146) or column (1054) loses the event, never the shop's write.
    return QStringLiteral("CREATE TRIGGER `%1` AFTER %2 ON %3 FOR EACH ROW BEGIN "
                          "DECLARE CONTINUE HANDLER FOR 1146, 1054 BEGIN END; %4 END")
        .arg(triggerName(db, w, e), QLatin1StringView(e.timing), db.acg(w.table), body);
}

QStringList tableDdl(const BridgeDb& db)
{
    const QString opts = QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=ascii");
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`k` VARCHAR(32) NOT NULL PRIMARY KEY, "
                       "`v` VARCHAR(255) NOT NULL)")
                .arg(db.own("meta")) +
            opts,
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS %1 (`seq` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            "`entity` VARCHAR(16) NOT NULL, `entity_id` BIGINT UNSIGNED NOT NULL, "
            "`parent_id` BIGINT UNSIGNED NOT NULL DEFAULT 0, `op` CHAR(1) NOT NULL, "
            "`flags` VARCHAR(16) NOT NULL DEFAULT '', "
            "`at` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))")
                .arg(db.own("change")) +
            opts,
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`id` TINYINT UNSIGNED NOT NULL PRIMARY KEY, "
                       "`runs` BIGINT UNSIGNED NOT NULL DEFAULT 0)")
                .arg(db.own("sequencer")) +
            opts,
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS %1 (`pos` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            "`entity` VARCHAR(16) NOT NULL, `entity_id` BIGINT UNSIGNED NOT NULL, "
            "`parent_id` BIGINT UNSIGNED NOT NULL DEFAULT 0, `op` CHAR(1) NOT NULL, "
            "`flags` VARCHAR(16) NOT NULL DEFAULT '', `at` TIMESTAMP(6) NOT NULL, "
            "KEY `entity_pos` (`entity`, `pos`), KEY `entity_parent_pos` (`entity`, `parent_id`, `pos`), "
            "KEY `entity_id_pos` (`entity`, `entity_id`, `pos`))")
                .arg(db.own("feed")) +
            opts,
    };
}

// Every existing row enters the inbox once, so a first sync from "no cursor" sees the whole shop.
QStringList seedSql(const BridgeDb& db)
{
    const QString ins =
        QStringLiteral("INSERT INTO %1 (`entity`, `entity_id`, `parent_id`, `op`) ").arg(db.own("change"));
    return {
        ins + QStringLiteral("SELECT 'category', `id`, 0, 'I' FROM %1 ORDER BY `id`").arg(db.acg("category")),
        ins + QStringLiteral("SELECT 'tier', `id`, 0, 'I' FROM %1 ORDER BY `id`").arg(db.acg("user_group")),
        ins + QStringLiteral("SELECT 'goods', `id`, 0, 'I' FROM %1 ORDER BY `id`").arg(db.acg("commodity")),
        ins + QStringLiteral("SELECT 'member', `id`, 0, 'I' FROM %1 ORDER BY `id`").arg(db.acg("user")),
        ins + QStringLiteral("SELECT 'order', `id`, `commodity_id`, 'I' FROM %1 ORDER BY `id`")
                  .arg(db.acg("order")),
        ins + QStringLiteral("SELECT 'ledger', `id`, `owner`, 'I' FROM %1 ORDER BY `id`").arg(db.acg("bill")),
        ins + QStringLiteral("SELECT 'withdrawal', `id`, `user_id`, 'I' FROM %1 ORDER BY `id`")
                  .arg(db.acg("cash")),
    };
}

QString newEpoch()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    for (int i = 0; i < 8; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]);
    return out;
}

core::Error explainTriggerError(const core::Error& e)
{
    QString hint;
    if (e.detail.contains(QStringLiteral("[1142]")) || e.detail.contains(QStringLiteral("[1227]")))
        hint = QStringLiteral(" — the account needs the TRIGGER privilege on the shop's database");
    else if (e.detail.contains(QStringLiteral("[1419]")))
        hint =
            QStringLiteral(" — binary logging is on: grant SUPER or set log_bin_trust_function_creators = 1");
    return makeError(e.code, e.detail + hint);
}

} // namespace

QStringList ownTriggerNames(const BridgeDb& db)
{
    QStringList out;
    for (const Watch& w : watches())
        for (const Event& e : kEvents)
            out << triggerName(db, w, e);
    return out;
}

QStringList ownTableNames(const BridgeDb& db)
{
    return {db.ownName("meta"), db.ownName("change"), db.ownName("sequencer"), db.ownName("feed")};
}

core::Result<QString> installEpoch(BridgeDb& db)
{
    auto exists = db.run(QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                        "DATABASE() AND TABLE_NAME = ?"),
                         {db.ownName("meta")});
    if (!exists)
        return exists.error();
    if (!exists.value().next() || exists.value().value(0).toInt() == 0)
        return QString();
    auto q = db.run(QStringLiteral("SELECT `v` FROM %1 WHERE `k` = 'epoch'").arg(db.own("meta")));
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toString() : QString();
}

core::Result<InstallReport> install(BridgeDb& db)
{
    InstallReport report;
    // A partial set of own tables (one was dropped or lost in a restore) lost events: start over with
    // a new epoch, so every client's cursor gets 410 and resyncs (§5.4).
    int present = 0;
    for (const QString& table : ownTableNames(db)) {
        auto exists =
            db.run(QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                  "DATABASE() AND TABLE_NAME = ?"),
                   {table});
        if (!exists)
            return exists.error();
        present += exists.value().next() ? exists.value().value(0).toInt() : 0;
    }
    if (present > 0 && present < ownTableNames(db).size())
        for (const QString& table : ownTableNames(db))
            if (auto ok = db.exec(QStringLiteral("DROP TABLE IF EXISTS `%1`").arg(table)); !ok)
                return ok.error();
    auto epoch = installEpoch(db);
    if (!epoch)
        return epoch.error();
    report.createdTables = epoch.value().isEmpty();
    for (const QString& sql : tableDdl(db) + stateTableDdl(db))
        if (auto ok = db.exec(sql); !ok)
            return ok.error();
    auto seqRow = db.run(QStringLiteral("INSERT IGNORE INTO %1 (`id`) VALUES (1)").arg(db.own("sequencer")));
    if (!seqRow)
        return seqRow.error();
    for (const Watch& w : watches()) {
        for (const Event& e : kEvents) {
            if (auto ok = db.exec(QStringLiteral("DROP TRIGGER IF EXISTS `%1`").arg(triggerName(db, w, e)));
                !ok)
                return ok.error();
            if (auto ok = db.exec(triggerSql(db, w, e)); !ok)
                return explainTriggerError(ok.error());
            ++report.triggers;
        }
    }
    if (report.createdTables) {
        // Triggers first, then the seed: a row written in between is recorded twice, never missed.
        for (const QString& sql : seedSql(db)) {
            auto q = db.run(sql);
            if (!q)
                return q.error();
            report.seeded += q.value().numRowsAffected();
        }
        report.epoch = newEpoch();
        auto ok = db.run(QStringLiteral("INSERT INTO %1 (`k`, `v`) VALUES ('epoch', ?)").arg(db.own("meta")),
                         {report.epoch});
        if (!ok)
            return ok.error();
    } else {
        report.epoch = epoch.value();
    }
    return report;
}

core::Result<int> uninstall(BridgeDb& db)
{
    int dropped = 0;
    QStringList triggers = ownTriggerNames(db);
    // Leftovers of an older bridge version with the same own prefix go too.
    QString like = db.ownName("trg_");
    like.replace(u'_', QStringLiteral("\\_"));
    auto q =
        db.run(QStringLiteral("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = "
                              "DATABASE() AND TRIGGER_NAME LIKE ?"),
               {QVariant(like + u'%')});
    if (!q)
        return q.error();
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_]+$"));
    while (q.value().next()) {
        const QString name = q.value().value(0).toString();
        if (safe.match(name).hasMatch() && !triggers.contains(name))
            triggers << name;
    }
    // §5.4: triggers before tables, so no shop write ever meets a trigger without its table.
    for (const QString& name : std::as_const(triggers)) {
        auto exists = db.run(QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE "
                                            "TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = ?"),
                             {name});
        if (!exists)
            return exists.error();
        if (!exists.value().next() || exists.value().value(0).toInt() == 0)
            continue;
        if (auto ok = db.exec(QStringLiteral("DROP TRIGGER IF EXISTS `%1`").arg(name)); !ok)
            return ok.error();
        ++dropped;
    }
    for (const QString& table : ownTableNames(db) + stateTableNames(db)) {
        auto exists =
            db.run(QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                  "DATABASE() AND TABLE_NAME = ?"),
                   {table});
        if (!exists)
            return exists.error();
        if (!exists.value().next() || exists.value().value(0).toInt() == 0)
            continue;
        if (auto ok = db.exec(QStringLiteral("DROP TABLE IF EXISTS `%1`").arg(table)); !ok)
            return ok.error();
        ++dropped;
    }
    return dropped;
}

} // namespace cardops::bridge
