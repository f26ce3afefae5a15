// POST /v1/categories and PATCH /v1/categories/{id} as acg-faka's admin saves a category
// (acg-faka-model.md §2.9 "Category create / edit", §4.2): main-shop rows only (owner 0), the parent
// must be a main-shop category, self-parenting and cycles are refused, parent 0 is stored as NULL.
#include "bridge/bridgedb.h"
#include "bridge/goodsedits.h"

#include <QJsonArray>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using namespace edits;
using sim::ApiResult;

namespace {

struct CategoryRow
{
    QString name;
    qint64 parent = 0;
    qint64 sort = 0;
    int status = 1; // a new category is on unless the request says "off" (as the simulator)
};

core::Result<std::optional<CategoryRow>> lockCategory(BridgeDb& db, qint64 id)
{
    auto q = db.run(
        u"SELECT `name`, `pid`, `sort`, `status` FROM %1 WHERE `id` = ? AND `owner` = 0 FOR UPDATE"_s.arg(
            db.acg("category")),
        {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<CategoryRow>();
    CategoryRow c;
    c.name = q.value().value(0).toString();
    c.parent = q.value().value(1).isNull() ? 0 : q.value().value(1).toLongLong();
    c.sort = q.value().value(2).toLongLong();
    c.status = q.value().value(3).toInt();
    return std::optional<CategoryRow>(c);
}

// The new parent must be a main-shop category and `self` must not be among its ancestors. The
// ancestors are locked on the way up, so two concurrent edits cannot close a cycle between them.
core::Result<ApiResult> checkParent(BridgeDb& db, qint64 parent, qint64 self)
{
    qint64 at = parent;
    for (int depth = 0; at > 0; ++depth) {
        if (at == self || depth > 1000)
            return badField("parent_id");
        auto q = db.run(u"SELECT `pid`, `owner` FROM %1 WHERE `id` = ? FOR UPDATE"_s.arg(db.acg("category")),
                        {at});
        if (!q)
            return q.error();
        if (!q.value().next() || (depth == 0 && q.value().value(1).toLongLong() != 0))
            return badField("parent_id");
        at = q.value().value(0).isNull() ? 0 : q.value().value(0).toLongLong();
    }
    return ApiResult::ok({});
}

core::Result<ApiResult> readCategory(BridgeDb& db, const QJsonObject& body, qint64 self, CategoryRow& next)
{
    const qint64 wasParent = next.parent;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        qint64 n = 0;
        if (key == u"name") {
            if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > 255)
                return badField("name");
            next.name = v.toString();
        } else if (key == u"parent_id") {
            if (!requestInt(v, &n) || n < 0 || n > 4294967295LL || (self > 0 && n == self))
                return badField("parent_id");
            next.parent = n;
        } else if (key == u"sort") {
            if (!requestInt(v, &n) || n < 0 || n > 65535)
                return badField("sort");
            next.sort = n;
        } else if (key == u"status") {
            if (v.toString() != u"on" && v.toString() != u"off")
                return badField("status");
            next.status = v.toString() == u"on" ? 1 : 0;
        } else {
            return badField(key.toUtf8().left(64));
        }
    }
    if (next.parent != wasParent || self == 0)
        return checkParent(db, next.parent, self);
    return ApiResult::ok({});
}

QVariant parentValue(qint64 parent)
{
    return parent > 0 ? QVariant(parent) : QVariant(QMetaType(QMetaType::LongLong)); // pid 0 → NULL
}

} // namespace

ApiResult createCategory(ApiCall& call)
{
    if (!call.body.contains(u"name"))
        return badField("name");
    return postWrite(call, "category", [&call](qint64* id) -> core::Result<ApiResult> {
        CategoryRow next;
        auto read = readCategory(call.db, call.body, 0, next);
        if (!read || !read.value().isOk())
            return read;
        auto q = call.db.run(
            u"INSERT INTO %1 (`name`, `sort`, `create_time`, `owner`, `status`, `pid`) "
            "VALUES (?, ?, ?, 0, ?, ?)"_s.arg(call.db.acg("category")),
            {next.name, next.sort, shanghaiText(call.now), next.status, parentValue(next.parent)});
        if (!q)
            return q.error();
        *id = q.value().lastInsertId().toLongLong();
        if (auto a = audit(call, u"category.create"_s, u"category"_s, *id, {{u"request"_s, call.body}}); !a)
            return a.error();
        return ApiResult::ok({});
    });
}

ApiResult patchCategory(ApiCall& call)
{
    const qint64 id = call.id(3);
    CategoryRow row;
    const auto lock = [&]() -> core::Result<ApiResult> {
        auto locked = lockCategory(call.db, id);
        if (!locked)
            return locked.error();
        if (!locked.value())
            return notFound();
        row = *locked.value();
        return ApiResult::ok({});
    };
    const auto apply = [&]() -> core::Result<ApiResult> {
        CategoryRow next = row;
        auto read = readCategory(call.db, call.body, id, next);
        if (!read || !read.value().isOk())
            return read;
        QStringList assigns;
        QVariantList params;
        QJsonArray columns;
        const auto set = [&](const QString& column, const QVariant& value) {
            assigns << u'`' + column + u"` = ?"_s;
            params << value;
            columns.append(column);
        };
        if (next.name != row.name)
            set(u"name"_s, next.name);
        if (next.parent != row.parent)
            set(u"pid"_s, parentValue(next.parent));
        if (next.sort != row.sort)
            set(u"sort"_s, next.sort);
        if (next.status != row.status)
            set(u"status"_s, next.status);
        if (!assigns.isEmpty()) {
            params << id;
            auto q = call.db.run(u"UPDATE %1 SET %2 WHERE `id` = ? AND `owner` = 0"_s.arg(
                                     call.db.acg("category"), assigns.join(u", ")),
                                 params);
            if (!q)
                return q.error();
        }
        if (auto a = audit(call, u"category.patch"_s, u"category"_s, id,
                           {{u"request"_s, call.body}, {u"columns"_s, columns}});
            !a)
            return a.error();
        return ApiResult::ok({});
    };
    return versionedEdit(call, "category", id, lock, apply);
}

} // namespace cardops::bridge
