#pragma once

#include "core/clock.h"
#include "core/platformtypes.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/operatorrepository.h"
#include "storage/readsession.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

// A fresh cache per test function and builders of platform records with sensible values.
namespace cachefixture {

inline cardops::core::Order order(qint64 id, qint64 version,
                                  const QString& status = QStringLiteral("delivered"))
{
    cardops::core::Order o;
    o.id = id;
    o.orderNo = QStringLiteral("2026112800000%1").arg(id, 7, 10, QLatin1Char('0'));
    o.memberId = 7;
    o.goodsId = 3;
    o.quantity = 1;
    o.unitPrice = cardops::core::Money::fromYuan(10);
    o.amount = o.unitPrice;
    o.paidAmount = o.unitPrice;
    o.costAtOrder = cardops::core::Money::fromYuan(9);
    o.payChannel = QStringLiteral("alipay");
    o.status = status;
    o.createdAt = 1'764'000'000 + id;
    o.version = version;
    o.updatedAt = o.createdAt;
    return o;
}

inline cardops::core::Goods goods(qint64 id, qint64 version, qint64 stock = 100, qint64 threshold = 10)
{
    cardops::core::Goods g;
    g.id = id;
    g.sku = QStringLiteral("SKU-%1").arg(id);
    g.name = QStringLiteral("腾讯Q币 100元");
    g.categoryId = 1;
    g.kind = QStringLiteral("card");
    g.cardFormat = QStringLiteral("single");
    g.faceValue = cardops::core::Money::fromYuan(100);
    g.price = cardops::core::Money::fromUnits(985'000);
    g.cost = cardops::core::Money::fromUnits(952'000);
    g.tierPrices = QByteArrayLiteral("{}");
    g.contractPrices = QByteArrayLiteral("[]");
    g.supplierLinks = QByteArrayLiteral("[]");
    g.fulfilmentOwner = QStringLiteral("platform");
    g.stockAvailable = stock;
    g.lowStockThreshold = threshold;
    g.status = QStringLiteral("on");
    g.listingTitle = QStringLiteral("腾讯Q币 100元 | 秒到账");
    g.version = version;
    g.updatedAt = 1'764'000'000;
    return g;
}

inline cardops::core::Member member(qint64 id, qint64 version, qint64 tier = 1)
{
    cardops::core::Member m;
    m.id = id;
    m.name = QStringLiteral("会员%1").arg(id);
    m.kind = QStringLiteral("consumer");
    m.tierId = tier;
    m.tags = QByteArrayLiteral("[]");
    m.version = version;
    m.updatedAt = 1'764'000'000;
    return m;
}

class Cache
{
public:
    bool open()
    {
        if (!m_dir.isValid())
            return false;
        auto db = cardops::storage::Database::open(
            m_dir.filePath(QStringLiteral("cache%1.db").arg(QRandomGenerator::global()->generate())), clock);
        if (!db)
            return false;
        db_ = std::move(db).value();
        cardops::storage::ReadSession read(*db_);
        auto admin = cardops::storage::OperatorRepository::actorFor(read, QStringLiteral("admin"));
        if (!admin)
            return false;
        admin_ = admin.value();
        return true;
    }

    template<typename T>
    cardops::core::Result<T>
    run(std::function<cardops::core::Result<T>(cardops::storage::WriteContext&)> body)
    {
        return db_->writer().submit<T>(QStringLiteral("test"), std::move(body)).result();
    }

    QVariant scalar(const QString& sql, const QVariantList& binds = {}) const
    {
        cardops::storage::ReadSession read(*db_);
        auto rows = read.select(sql, binds);
        return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
    }

    qint64 counter(const QString& name) const
    {
        return scalar(QStringLiteral("SELECT value FROM counters WHERE name = ?"), {name}).toLongLong();
    }

    cardops::core::ManualClock clock{1'764'300'000'000};
    std::unique_ptr<cardops::storage::Database> db_;
    cardops::core::Actor admin_;

private:
    QTemporaryDir m_dir;
};

} // namespace cachefixture
