#pragma once

#include "models/cardstockbackend.h"
#include "models/csvexportjob.h"
#include "storage/orderqueries.h"

#include <QCoreApplication>

namespace cardops::models {

// The CSV exports of orders, commissions and card metadata (issue #11 item 4), as specs for
// exportCsv() / CsvExportJob. Headers, statuses and pay channels are in the operator's language;
// the column formats are domain.md's (core::CsvColumnKind). Any thread.
class CsvExports
{
    Q_DECLARE_TR_FUNCTIONS(CsvExports)
public:
    // 订单号, 下单时间, 付款时间, 会员ID, 会员, 商品, 数量, 单价 (4 places), 金额, 实付, 成本, 退款, 状态,
    // 支付方式, 充值账号, 联系方式 — orders matching `filter` (tab and every condition), oldest first,
    // as of the export's start (orders arriving meanwhile are left out).
    static QList<core::CsvColumn> orderColumns();
    static CsvExportSpec orders(const storage::OrderFilter& filter);

    // 时间, 会员ID, 会员, 订单号, 佣金 — ledger entries of kind 'commission' in [from, to) (unix
    // seconds, 0 = open), oldest first.
    static QList<core::CsvColumn> commissionColumns();
    static CsvExportSpec commissions(qint64 from, qint64 to);

    // 卡密ID, 卡密 (masked), 状态, 过期时间, 订单ID, 添加时间, 循环 — the cards as the card list loaded
    // them from the platform (card metadata are not cached locally).
    static QList<core::CsvColumn> cardColumns();
    static CsvExportSpec cards(const QList<StockCard>& cards);
    static QString cardStatus(const QString& code);
};

} // namespace cardops::models
