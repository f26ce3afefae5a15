#include "sim/data/linkedsupply.h"

namespace cardops::sim {

namespace {

constexpr qint64 kLinkedCategory = 9; // acg-faka category of the goods the platform docks to

// FNV-1a: a hash that is the same on every platform and Qt version, unlike qHash.
quint64 fnv1a(QByteArrayView bytes)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char c : bytes)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
}

Money cents(qint64 units)
{
    return Money::fromUnits(units / Money::UnitsPerCent * Money::UnitsPerCent);
}

// What the supplier charges for a goods: near its cost, or above its price.
Money supplyCost(const Goods& g, bool abovePrice, Rng& rng)
{
    if (abovePrice)
        return cents(g.price.units() * rng.range(1010, 1060) / 1000);
    return cents(qMax<qint64>(Money::UnitsPerCent, g.cost.units() * rng.range(970, 1030) / 1000));
}

} // namespace

void stockLinkedProducts(const QList<Goods>& goods, quint64 seed, FuluState& fulu, AcgFakaState& acg)
{
    acg.addCategory({kLinkedCategory, "卡盟对接商品"});
    qint64 links = 0;
    for (const Goods& g : goods) {
        for (const SupplierLink& link : g.supplierLinks) {
            // Every fifteenth link from the fourth on, so even a small shop shows a negative margin.
            const bool abovePrice = links++ % 15 == 3;
            // One die per goods and link, so adding or removing goods never shifts the others.
            Rng rng(seed ^ (static_cast<quint64>(g.id) * 0x9e3779b97f4a7c15ULL) ^ fnv1a(link.productRef));
            const Money cost = supplyCost(g, abovePrice, rng);
            const bool onSale = !rng.chance(0.04);
            const qint64 stock = rng.chance(0.08) ? 0 : rng.range(5, 300);
            if (link.protocol == "fulu") {
                FuluState::Product p;
                p.id = link.productRef.toLongLong();
                p.name = g.name;
                p.card = !g.direct;
                p.faceValue = g.faceValue;
                p.purchasePrice = cost;
                p.sales = onSale ? FuluState::SalesStatus::OnShelf : FuluState::SalesStatus::OffShelf;
                p.stock = g.direct ? -1 : stock;
                p.firstCategoryId = 1;
                p.secondCategoryId = 100 + g.categoryId;
                // No recharge form: the adapter reads template_id as an integer, and the seeded
                // templates' ids ("T1001") are not, so a linked product carries none.
                p.templateId = "";
                p.details = g.direct ? "直充到账，请确认充值账号。" : "卡密自动发货，请在有效期内使用。";
                fulu.addProduct(std::move(p));
            } else if (link.protocol == "acg-faka") {
                AcgFakaState::Item it;
                it.categoryId = kLinkedCategory;
                it.code = link.productRef;
                it.name = g.name;
                it.description = "卡密自动发货。";
                it.price = g.faceValue;
                it.userPrice = cost;
                it.onSale = onSale;
                it.maximum = 50;
                acg.addItem(std::move(it), qMin<qint64>(stock, 60));
            }
        }
    }
}

} // namespace cardops::sim
