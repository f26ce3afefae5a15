// The cache schema, v1 to v7 (the runner is schema.cpp).
#include "storage/schemasteps_p.h"

namespace cardops::storage::detail {

namespace {

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

constexpr Migration kMigrations[] = {{1, kV1}, {2, kV2}, {3, kV3}, {4, kV4}, {5, kV5}, {6, kV6}, {7, kV7}};

} // namespace

std::span<const Migration> firstMigrations()
{
    return kMigrations;
}

} // namespace cardops::storage::detail
