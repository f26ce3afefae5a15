#pragma once

#include "models/restockbackend.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <functional>

namespace cardops::models {
class CardStockBackend;
}
namespace cardops::storage {
class DatabaseWriter;
}
namespace cardops::sync {
class Purchaser;
}

namespace cardops::app {

class ConsoleApp;

// 一键补货 (models::RestockBackend): buys from the goods' first supplier link through the purchases
// ledger (sync::Purchaser: never bought twice, 采购结果未知 when the answer is lost), opens the
// sealed cards and uploads them to the platform's stock of the goods under a key made of the
// purchase's external number, then marks the purchase delivered (the sealed copy is dropped). A
// crash between the purchase and the upload leaves the purchase succeeded with its sealed cards, in
// 货源, and a second restock of them adds nothing twice (the platform answers duplicate). UI thread.
class RestockDesk final : public models::RestockBackend
{
    Q_OBJECT
public:
    // What the desk asks for at the moment of each call (they change with the profile and platform).
    struct Hooks
    {
        std::function<sync::Purchaser*()> purchaser;
        std::function<QByteArray()> sealKey;
        std::function<QHash<QString, QString>()> suppliersByProtocol; // protocol → docked supplier id
        std::function<models::CardStockBackend*()> cardStock;
        std::function<storage::DatabaseWriter*()> writer;
    };

    explicit RestockDesk(Hooks hooks, QObject* parent = nullptr);
    static RestockDesk* forConsole(ConsoleApp& app);

    bool canRestock(QString* why) const override;
    void restock(qint64 goodsId, const QString& protocol, const QString& productRef, qint64 quantity,
                 QObject* context, std::function<void(models::RestockResult)> done) override;

private:
    void upload(qint64 goodsId, qint64 purchaseId, const QString& externalNo, QObject* context,
                std::function<void(models::RestockResult)> done);

    // The upload went through: the purchase is delivered (its sealed copy dropped).
    void markDelivered(models::RestockResult base, std::function<void(models::RestockResult)> done);

    Hooks m_hooks;
};

} // namespace cardops::app
