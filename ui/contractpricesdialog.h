#pragma once

#include "core/platformtypes.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// 合同价 of one member (issue #10 item 8): every goods whose contract_prices names the member, with
// the list price, the member's tier price, the contract price and its margin over the cost. Adding,
// changing or removing one stages a goods PATCH of the whole contract_prices list through the outbox
// (other members' entries kept), audited; a price below the cost asks first. Not modal.
class ContractPricesDialog : public QDialog
{
    Q_OBJECT
public:
    static void open(models::DataSource& source, models::ConsoleBackend& backend, qint64 memberId,
                     QWidget* parent);

    ContractPricesDialog(models::DataSource& source, models::ConsoleBackend& backend, qint64 memberId,
                         QWidget* parent = nullptr);

    QTableWidget& table() const { return *m_table; }
    QLabel& status() const { return *m_status; }
    // Stages the change without asking (the buttons ask first); `price` empty removes the entry.
    void stage(qint64 goodsId, const QString& price);

Q_SIGNALS:
    void loaded();
    void staged(bool ok, const QString& detail);

private:
    void reload();
    void askAndStage(qint64 goodsId, bool remove);

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    qint64 m_memberId = 0;
    qint64 m_tierId = 0;
    QList<core::Goods> m_goods;
    QList<core::Tier> m_tiers;
    QLabel* m_heading = nullptr;
    QTableWidget* m_table = nullptr;
    QLineEdit* m_goodsField = nullptr;
    QLineEdit* m_priceField = nullptr;
    QPushButton* m_set = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace cardops::ui
