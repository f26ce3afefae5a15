// The cache schema, v8 on (the runner is schema.cpp). A new version goes at the end here.
#include "storage/schemasteps_p.h"

namespace cardops::storage::detail {

namespace {

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

constexpr Migration kMigrations[] = {{8, kV8}, {9, kV9}, {10, kV10}, {11, kV11}, {12, kV12}, {13, kV13}, {14, kV14}};

} // namespace

std::span<const Migration> laterMigrations()
{
    return kMigrations;
}

} // namespace cardops::storage::detail
