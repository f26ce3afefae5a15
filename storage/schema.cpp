#include "storage/schema.h"

#include "storage/schema_p.h"
#include "storage/sqlsupport_p.h"

#include <QStringList>
#include <span>

namespace cardops::storage {
namespace {

using core::ErrorCode;
using core::makeError;

// One entry per schema version; each string is exactly one statement. Never edit a published
// step: add a new version instead.
struct Migration
{
    int version;
    std::span<const char* const> statements;
};

// v1: who acts and what they did (operators, the append-only audit log).
constexpr const char* kV1[] = {
    "PRAGMA application_id = 1128354372",
    R"(CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('operator', 'finance', 'admin')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    // The default local administrator: a one-person shop may run without a login.
    R"(INSERT INTO operators (id, login, display_name, role, active, created_at, updated_at)
        VALUES (1, 'admin', '管理员', 'admin', 1, CAST(strftime('%s', 'now') AS INTEGER),
                CAST(strftime('%s', 'now') AS INTEGER)))",
    R"(CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        operator_login TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id)",
    "CREATE INDEX audit_log_at ON audit_log (at)",
    R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
    R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
};

// v2: live counts for the work bench and status tabs, kept in the same transactions as the rows
// they count (never COUNT(*) on every change).
constexpr const char* kV2[] = {
    R"(CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)",
    R"(INSERT INTO counters (name, value) VALUES
        ('review_pending', 0), ('purchase_unknown', 0), ('delivery_failed', 0), ('low_stock', 0),
        ('supplier_balance_low', 0), ('sync_error', 0), ('withdrawal_pending', 0))",
};

// v3: the platform cache (docs/platform-api.md): entities with their platform version, the feed
// cursors committed with their pages, the outbox of local edits and the conflicts it met.
constexpr const char* kV3[] = {
    R"(CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER NOT NULL DEFAULT 0,
        name TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE goods (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        category_id INTEGER NOT NULL,
        sort INTEGER NOT NULL,
        kind TEXT NOT NULL,
        card_format TEXT NOT NULL,
        card_separator TEXT NOT NULL,
        face_value INTEGER NOT NULL,
        price INTEGER NOT NULL,
        cost INTEGER NOT NULL,
        tier_prices TEXT NOT NULL,
        contract_prices TEXT NOT NULL,
        supplier_links TEXT NOT NULL,
        fulfilment_owner TEXT NOT NULL,
        stock_available INTEGER NOT NULL,
        stock_locked INTEGER NOT NULL,
        low_stock_threshold INTEGER NOT NULL,
        status TEXT NOT NULL,
        listing_title TEXT NOT NULL,
        listing_spec TEXT NOT NULL,
        listing_description TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX goods_category ON goods (category_id, sort)",
    R"(CREATE TABLE tiers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        rank INTEGER NOT NULL,
        discount_ppm INTEGER NOT NULL,
        commission_rates TEXT NOT NULL,
        upgrade TEXT NOT NULL,
        version INTEGER NOT NULL))",
    R"(CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        parent_id INTEGER NOT NULL DEFAULT 0,
        tier_id INTEGER NOT NULL,
        registered_at INTEGER NOT NULL,
        contact TEXT NOT NULL,
        balance INTEGER NOT NULL,
        tags TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX members_parent ON members (parent_id)",
    R"(CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        order_no TEXT NOT NULL,
        member_id INTEGER NOT NULL,
        goods_id INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price INTEGER NOT NULL,
        amount INTEGER NOT NULL,
        paid_amount INTEGER NOT NULL,
        cost_at_order INTEGER NOT NULL,
        pay_channel TEXT NOT NULL,
        charge_account TEXT NOT NULL,
        contact TEXT NOT NULL,
        status TEXT NOT NULL,
        handed_over INTEGER NOT NULL,
        review_reason TEXT NOT NULL,
        delivered_at INTEGER NOT NULL,
        revealed_at INTEGER NOT NULL,
        refund_amount INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        paid_at INTEGER NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX orders_created ON orders (created_at, id)",
    "CREATE INDEX orders_status ON orders (status, created_at)",
    "CREATE INDEX orders_member ON orders (member_id, created_at)",
    "CREATE INDEX orders_goods ON orders (goods_id, created_at)",
    "CREATE INDEX orders_no ON orders (order_no)",
    R"(CREATE TABLE ledger (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        amount INTEGER NOT NULL,
        order_id INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX ledger_member ON ledger (member_id, created_at)",
    "CREATE INDEX ledger_created ON ledger (created_at)",
    R"(CREATE TABLE withdrawals (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL,
        amount INTEGER NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        decided_at INTEGER NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE daily_totals (
        day TEXT PRIMARY KEY,
        orders INTEGER NOT NULL,
        gmv INTEGER NOT NULL,
        refunds INTEGER NOT NULL,
        commissions INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL) WITHOUT ROWID)",
    // One row a feed: the forward cursor, and for a newest-first first sync the backfill position.
    R"(CREATE TABLE sync_cursors (
        feed TEXT PRIMARY KEY,
        cursor TEXT NOT NULL DEFAULT '',
        backfill_before TEXT NOT NULL DEFAULT '',
        backfill_done INTEGER NOT NULL DEFAULT 0,
        items INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)",
    R"(CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL) WITHOUT ROWID)",
    // Local edits waiting for the platform, FIFO per entity. The idempotency key is chosen when the
    // edit is made, so a retry after a crash or a lost answer can never apply it twice.
    R"(CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        body TEXT NOT NULL,
        fields TEXT NOT NULL,
        base_values TEXT NOT NULL,
        remote_values TEXT NOT NULL,
        base_version INTEGER NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'conflict', 'failed', 'done', 'dropped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        created_at INTEGER NOT NULL,
        keyed_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX outbox_entity ON outbox (entity, entity_id, id)",
    "CREATE INDEX outbox_state ON outbox (state, id)",
    R"(CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL REFERENCES outbox (id),
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        local_body TEXT NOT NULL,
        remote TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        resolved_at INTEGER NOT NULL DEFAULT 0,
        resolution TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX conflicts_open ON conflicts (resolved_at, id)",
};

// v4: indexes behind the console's sortable columns (a list sorts only on an indexed column).
constexpr const char* kV4[] = {
    "CREATE INDEX goods_sku ON goods (sku)",
    "CREATE INDEX members_registered ON members (registered_at, id)",
};

// v5: the orders page's charge-account prefix filter, an index walk in (charge_account, id) order.
// Partial: only orders with an account (direct recharges) pay for it at ingest; an amount index
// was measured and left out (ingest fell from 55k to 46k orders/s, below the 50k target).
constexpr const char* kV5[] = {
    "CREATE INDEX orders_charge_account ON orders (charge_account) WHERE charge_account <> ''",
};

// v6: the purchases ledger (core/purchase.h): the intent and its external number are a row before
// any call to a supplier; numbers are never reused; a sealed secret is held only until delivered.
constexpr const char* kV6[] = {
    R"(CREATE TABLE purchases (
        id INTEGER PRIMARY KEY,
        external_no TEXT NOT NULL UNIQUE,
        supplier_id TEXT NOT NULL,
        product_ref TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        charge_account TEXT NOT NULL DEFAULT '',
        order_id INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        upstream_no TEXT NOT NULL DEFAULT '',
        cost INTEGER,
        secret BLOB,
        error TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX purchases_state ON purchases (state, id)",
    "CREATE INDEX purchases_order ON purchases (order_id, id)",
};

// v7: the suppliers mirrored (storage/supply.h): the last balance check of each profile supplier
// and its catalogue; a product no longer listed stays, off sale. Goods with supplier links get a
// partial index so the linked-goods view walks only them.
constexpr const char* kV7[] = {
    R"(CREATE TABLE supplier_status (
        supplier_id TEXT PRIMARY KEY,
        protocol TEXT NOT NULL,
        balance INTEGER,
        account_name TEXT NOT NULL DEFAULT '',
        checked_at INTEGER NOT NULL DEFAULT 0,
        balance_at INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        low_balance_threshold INTEGER NOT NULL DEFAULT 1000000 CHECK (low_balance_threshold >= 0))
        WITHOUT ROWID)",
    R"(CREATE TABLE supplier_products (
        supplier_id TEXT NOT NULL,
        product_id TEXT NOT NULL,
        name TEXT NOT NULL,
        cost INTEGER,
        stock_level TEXT NOT NULL,
        stock INTEGER,
        on_sale INTEGER NOT NULL CHECK (on_sale IN (0, 1)),
        listed INTEGER NOT NULL CHECK (listed IN (0, 1)),
        refreshed_at INTEGER NOT NULL,
        PRIMARY KEY (supplier_id, product_id)) WITHOUT ROWID)",
    "CREATE INDEX supplier_products_product ON supplier_products (product_id)",
    "CREATE INDEX goods_linked ON goods (id) WHERE supplier_links <> '[]'",
    // Nothing kept this counter before v7; it counts low suppliers, and there are none yet.
    "UPDATE counters SET value = 0 WHERE name = 'supplier_balance_low'",
};

// v8: fulfilment (docs/fulfilment.md). The operator's rule sets (each version kept, the newest
// is in force) and blacklist; the worker's record of each handed-over order it decided (the
// decision, and the step its side effects reached); the console's order actions (review queue,
// refunds), each an intent with its idempotency key before the call; who took a review item.
constexpr const char* kV8[] = {
    R"(CREATE TABLE rule_sets (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        body TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        created_at INTEGER NOT NULL))",
    R"(CREATE TABLE blacklist (
        list TEXT NOT NULL CHECK (list IN ('member', 'contact', 'account')),
        value TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (list, value)) WITHOUT ROWID)",
    R"(CREATE TABLE fulfilments (
        order_id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('deliver', 'review', 'refund')),
        reason TEXT NOT NULL DEFAULT '',
        rule_set_version INTEGER NOT NULL,
        fired_rule TEXT NOT NULL DEFAULT '',
        notifies TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        step TEXT NOT NULL,
        purchase_id INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT '',
        holder TEXT NOT NULL,
        decided_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX fulfilments_step ON fulfilments (step, order_id)",
    "CREATE INDEX fulfilments_updated ON fulfilments (updated_at, order_id)",
    // result_status / result_version: the order as the platform answered a done action, so the
    // review queue drops an order the console moved on before the next sync brings it.
    R"(CREATE TABLE order_actions (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('deliver', 'refund', 'review', 'reissue', 'create')),
        body TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        result_status TEXT NOT NULL DEFAULT '',
        result_version INTEGER NOT NULL DEFAULT 0,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX order_actions_order ON order_actions (order_id, id)",
    "CREATE INDEX order_actions_state ON order_actions (state, id)",
    R"(CREATE TABLE review_assignments (
        order_id INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        assigned_at INTEGER NOT NULL))",
};

// v9: listing templates (docs/goods.md "Listing templates"): CardOps's own data, never sent to the
// platform; a goods follows at most one template.
constexpr const char* kV9[] = {
    R"(CREATE TABLE listing_templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE goods_templates (
        goods_id INTEGER PRIMARY KEY,
        template_id INTEGER NOT NULL REFERENCES listing_templates (id),
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX goods_templates_template ON goods_templates (template_id, goods_id)",
};

// v10: pricing (docs/goods.md "Pricing"): markup rules; each goods' rule and follow-upstream
// policy with the operator who set it (an auto policy stages its edits as that operator); the
// supplier product's cost and shelf state each linked goods was last seen with, so a change is
// acted on once; the upstream-change records (上游变价) and their counter.
constexpr const char* kV10[] = {
    R"(CREATE TABLE pricing_rules (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE goods_pricing (
        goods_id INTEGER PRIMARY KEY,
        rule_id INTEGER REFERENCES pricing_rules (id),
        follow TEXT NOT NULL DEFAULT 'alert' CHECK (follow IN ('alert', 'auto')),
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX goods_pricing_rule ON goods_pricing (rule_id, goods_id)",
    R"(CREATE TABLE upstream_seen (
        goods_id INTEGER PRIMARY KEY,
        supplier_id TEXT NOT NULL,
        product_id TEXT NOT NULL,
        cost INTEGER,
        on_sale INTEGER NOT NULL CHECK (on_sale IN (0, 1)),
        seen_at INTEGER NOT NULL))",
    R"(CREATE TABLE pricing_alerts (
        id INTEGER PRIMARY KEY,
        goods_id INTEGER NOT NULL,
        reason TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('alert', 'adjusted', 'off_sale')),
        supplier_id TEXT NOT NULL,
        product_id TEXT NOT NULL,
        old_cost INTEGER,
        new_cost INTEGER,
        old_on_sale INTEGER NOT NULL,
        new_on_sale INTEGER NOT NULL,
        price INTEGER NOT NULL,
        suggested INTEGER,
        outbox_id INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        resolved_at INTEGER NOT NULL DEFAULT 0,
        resolved_by INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX pricing_alerts_open ON pricing_alerts (resolved_at, id)",
    "CREATE INDEX pricing_alerts_goods ON pricing_alerts (goods_id, id)",
    "INSERT INTO counters (name, value) VALUES ('pricing_alerts', 0)",
};

// v11: low-stock alerts (docs/goods.md "Low-stock alert"): each goods' alert state between rounds.
constexpr const char* kV11[] = {
    R"(CREATE TABLE stock_alerts (
        goods_id INTEGER PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at INTEGER NOT NULL))",
};

// v12: members, agents and tiers (docs/members.md, docs/commission.md). Each member's tier and parent
// as CardOps saw them change (the commission check needs the chain and tiers at an order's time);
// members whose statistics changed since the last tier evaluation; RFM scores and segment sizes;
// CardOps's downgrade policy per tier and every tier move it made; enterprise batch orders.
constexpr const char* kV12[] = {
    R"(CREATE TABLE member_history (
        member_id INTEGER NOT NULL,
        from_at INTEGER NOT NULL,
        tier_id INTEGER NOT NULL,
        parent_id INTEGER NOT NULL,
        PRIMARY KEY (member_id, from_at)) WITHOUT ROWID)",
    "CREATE TABLE member_dirty (member_id INTEGER PRIMARY KEY)",
    R"(CREATE TABLE member_rfm (
        member_id INTEGER PRIMARY KEY,
        r INTEGER NOT NULL,
        f INTEGER NOT NULL,
        m INTEGER NOT NULL,
        segment TEXT NOT NULL,
        computed_at INTEGER NOT NULL))",
    "CREATE INDEX member_rfm_segment ON member_rfm (segment, member_id)",
    R"(CREATE TABLE segment_sizes (
        at INTEGER NOT NULL,
        segment TEXT NOT NULL,
        size INTEGER NOT NULL,
        PRIMARY KEY (at, segment)) WITHOUT ROWID)",
    R"(CREATE TABLE tier_policies (
        tier_id INTEGER PRIMARY KEY,
        downgrade TEXT NOT NULL CHECK (downgrade IN ('none', 'sliding_window'))))",
    R"(CREATE TABLE tier_moves (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL,
        from_tier INTEGER NOT NULL,
        to_tier INTEGER NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
        rule TEXT NOT NULL,
        at INTEGER NOT NULL,
        outbox_id INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX tier_moves_member ON tier_moves (member_id, at)",
    "CREATE INDEX tier_moves_at ON tier_moves (at)",
    R"(CREATE TABLE enterprise_batches (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL,
        goods_id INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER NOT NULL,
        pay_channel TEXT NOT NULL DEFAULT 'balance',
        contact TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL))",
    R"(CREATE TABLE enterprise_batch_lines (
        batch_id INTEGER NOT NULL,
        line_no INTEGER NOT NULL,
        charge_account TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        state TEXT NOT NULL,
        order_id INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (batch_id, line_no)) WITHOUT ROWID)",
};

// v13: dashboard and finance (docs/dashboard.md, docs/finance.md). Rollups of paid orders (status
// neither unpaid nor cancelled), kept by the orders and members ingest in the page's transaction
// (storage/rollups.h) and equal to the raw GROUP BY at all times: per business day (Asia/Shanghai
// day number) × goods × member kind, per day × hour × kind, per day × member (distinct counts).
// Filled here from the orders already cached. The suppliers' balance as each check saw it (the
// supplier side of reconciliation) and the closed months.
constexpr const char* kV13[] = {
    R"(CREATE TABLE rollup_goods_day (
        day INTEGER NOT NULL,
        goods_id INTEGER NOT NULL,
        member_kind TEXT NOT NULL,
        orders INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        gmv INTEGER NOT NULL,
        fee_base INTEGER NOT NULL,
        cost INTEGER NOT NULL,
        refunds INTEGER NOT NULL,
        refunded_orders INTEGER NOT NULL,
        delivered INTEGER NOT NULL,
        delivered_auto INTEGER NOT NULL,
        deliver_seconds INTEGER NOT NULL,
        PRIMARY KEY (day, goods_id, member_kind)) WITHOUT ROWID)",
    R"(CREATE TABLE rollup_hours (
        day INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        member_kind TEXT NOT NULL,
        orders INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        gmv INTEGER NOT NULL,
        fee_base INTEGER NOT NULL,
        cost INTEGER NOT NULL,
        refunds INTEGER NOT NULL,
        refunded_orders INTEGER NOT NULL,
        delivered INTEGER NOT NULL,
        delivered_auto INTEGER NOT NULL,
        deliver_seconds INTEGER NOT NULL,
        PRIMARY KEY (day, hour, member_kind)) WITHOUT ROWID)",
    R"(CREATE TABLE rollup_member_day (
        day INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        orders INTEGER NOT NULL,
        gmv INTEGER NOT NULL,
        PRIMARY KEY (day, member_id)) WITHOUT ROWID)",
    R"(INSERT INTO rollup_goods_day SELECT (o.created_at + 28800) / 86400, o.goods_id, COALESCE(m.kind, ''),
        COUNT(*), SUM(o.quantity), SUM(o.paid_amount), SUM(CASE WHEN o.pay_channel <> 'balance' THEN o.paid_amount ELSE 0 END), SUM(CASE WHEN o.delivered_at > 0 OR o.status = 'delivered' THEN (o.cost_at_order * o.quantity + 50) / 100 * 100 ELSE 0 END), SUM(o.refund_amount), SUM(o.refund_amount > 0), SUM(o.delivered_at > 0), SUM(o.delivered_at > 0 AND o.review_reason = ''), SUM(CASE WHEN o.delivered_at > 0 AND o.paid_at > 0 THEN max(o.delivered_at - o.paid_at, 0) ELSE 0 END)
        FROM orders o LEFT JOIN members m ON m.id = o.member_id
        WHERE o.status NOT IN ('unpaid', 'cancelled') GROUP BY 1, 2, 3)",
    R"(INSERT INTO rollup_hours SELECT (o.created_at + 28800) / 86400, ((o.created_at + 28800) % 86400) / 3600,
        COALESCE(m.kind, ''), COUNT(*), SUM(o.quantity), SUM(o.paid_amount), SUM(CASE WHEN o.pay_channel <> 'balance' THEN o.paid_amount ELSE 0 END), SUM(CASE WHEN o.delivered_at > 0 OR o.status = 'delivered' THEN (o.cost_at_order * o.quantity + 50) / 100 * 100 ELSE 0 END), SUM(o.refund_amount), SUM(o.refund_amount > 0), SUM(o.delivered_at > 0), SUM(o.delivered_at > 0 AND o.review_reason = ''), SUM(CASE WHEN o.delivered_at > 0 AND o.paid_at > 0 THEN max(o.delivered_at - o.paid_at, 0) ELSE 0 END)
        FROM orders o LEFT JOIN members m ON m.id = o.member_id
        WHERE o.status NOT IN ('unpaid', 'cancelled') GROUP BY 1, 2, 3)",
    R"(INSERT INTO rollup_member_day SELECT (o.created_at + 28800) / 86400, o.member_id, COUNT(*), SUM(o.paid_amount)
        FROM orders o WHERE o.status NOT IN ('unpaid', 'cancelled') GROUP BY 1, 2)",
    // The dashboard's agent leaderboard and the member window sum one member's commissions over a
    // period: a covering index, no table row read per entry.
    "CREATE INDEX ledger_member_kind ON ledger (member_id, kind, created_at, amount)",
    R"(CREATE TABLE supplier_balance_log (
        supplier_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        balance INTEGER NOT NULL,
        PRIMARY KEY (supplier_id, at)) WITHOUT ROWID)",
    R"(CREATE TABLE month_closes (
        month TEXT PRIMARY KEY,
        closed_at INTEGER NOT NULL,
        closed_by INTEGER NOT NULL,
        snapshot TEXT NOT NULL))",
};

// v14: feed tombstones (docs/sync.md "Tombstones"). Deleted categories, goods and members stay
// cached, marked (orders and the outbox still name them); the goods and category pages hide them.
// Deleted ledger entries and withdrawals leave the cache; the version of a tombstone whose row is
// not cached (removed, or never seen) is kept so an older copy of the entity is never re-inserted.
constexpr const char* kV14[] = {
    "ALTER TABLE categories ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE goods ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE members ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
    R"(CREATE TABLE feed_tombstones (
        entity TEXT NOT NULL,
        id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (entity, id)) WITHOUT ROWID)",
    // The dashboard's review waiting time of a period: the few orders that went through review,
    // covering what it reads (1 % of the orders; 40 ms → 5 ms on the reference data).
    "CREATE INDEX orders_reviewed ON orders (created_at, status, paid_at, delivered_at) "
    "WHERE review_reason <> ''",
};

constexpr Migration kMigrations[] = {
    {1, kV1}, {2, kV2}, {3, kV3}, {4, kV4},   {5, kV5},   {6, kV6},
    {7, kV7}, {8, kV8}, {9, kV9}, {10, kV10}, {11, kV11}, {12, kV12}, {13, kV13},
    {14, kV14},
};

static_assert(schema::ApplicationId == 1128354372, "v1 writes the application id literally");

} // namespace

int schema::latestVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

core::Result<void> detail::migrate(QSqlDatabase& db, int fromVersion, int toVersion)
{
    for (const Migration& m : kMigrations) {
        if (m.version <= fromVersion || m.version > toVersion)
            continue;
        auto begin = detail::exec(db, QStringLiteral("BEGIN IMMEDIATE"));
        if (!begin)
            return begin.error();
        for (const char* statement : m.statements) {
            auto r = detail::exec(db, QString::fromUtf8(statement));
            if (!r) {
                (void)detail::exec(db, QStringLiteral("ROLLBACK"));
                return makeError(r.error().code,
                                 QStringLiteral("migration to v%1: ").arg(m.version) + r.error().detail);
            }
        }
        auto version = detail::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version));
        auto commit = version ? detail::exec(db, QStringLiteral("COMMIT")) : version;
        if (!commit) {
            (void)detail::exec(db, QStringLiteral("ROLLBACK"));
            return commit.error();
        }
    }
    return {};
}

core::Result<void> schema::migrateFileTo(const QString& path, int version)
{
    if (version < 0 || version > latestVersion())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no schema version %1").arg(version));
    const QString name = detail::newConnectionName(QStringLiteral("cardops-migrate"));
    core::Result<void> result;
    {
        auto db = detail::openConnection(name, path, false);
        if (!db) {
            result = db.error();
        } else {
            auto current = detail::select(db.value(), QStringLiteral("PRAGMA user_version"));
            if (!current)
                result = current.error();
            else
                result = detail::migrate(db.value(), current->value(0).value(0).toInt(), version);
        }
    }
    detail::closeConnection(name);
    return result;
}

} // namespace cardops::storage
