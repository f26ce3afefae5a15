#pragma once

#include "ui/page.h"

class QTabWidget;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

class MembersListPanel;

// 会员与等级 (issue #10): the members list with its detail windows, the agent tree, the segments,
// the tier ladder, the commission check and 提现审核, one tab each. UI thread.
class MembersPage : public Page
{
    Q_OBJECT
public:
    enum Tab { ListTab, TreeTab, SegmentsTab, TiersTab, CommissionTab, WithdrawalsTab };

    MembersPage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    QTabWidget& tabs() const { return *m_tabs; }
    MembersListPanel& list() const { return *m_list; }

    qint64 mainRows() const override;
    bool isReady() const override;
    void focusSearch() override;
    // "withdrawals" (the work bench's 提现待审 tile), "tree", "segments", "tiers", "commission";
    // a segment code ("high_value"…) or a kind ("agent"…) filters the list.
    void applyFilter(const QString& filter) override;
    bool refreshPage() override; // F5 on the commission check runs it again

    // One detail window a member, several side by side.
    void openMember(qint64 memberId);

Q_SIGNALS:
    void openOrder(qint64 orderId);

private:
    void openBatchOrder(qint64 memberId);
    void openContractPrices(qint64 memberId);

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    QTabWidget* m_tabs = nullptr;
    class CommissionPanel* m_commission = nullptr;
    MembersListPanel* m_list = nullptr;
};

} // namespace cardops::ui
