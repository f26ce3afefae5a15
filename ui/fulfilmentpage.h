#pragma once

#include "ui/page.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
class FulfilmentControl;
class RecentFulfilmentsModel;
} // namespace cardops::models

namespace cardops::ui {

class ReviewQueueWidget;

// 履约: who fulfils (the lease holder) and this console's own worker; the 待审核 queue; the order
// rules with their 试运行; the blacklist. UI thread.
class FulfilmentPage : public Page
{
    Q_OBJECT
public:
    enum Tab { WorkerTab, ReviewTab, RulesTab, BlacklistTab };

    FulfilmentPage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    // "review" opens the queue, "rules" the rules, "blacklist" the blacklist; anything else the worker.
    void applyFilter(const QString& filter) override;
    bool isReady() const override;
    QTabWidget& tabs() const { return *m_tabs; }
    QPushButton& startStop() const { return *m_startStop; }
    QString statusText() const;
    models::RecentFulfilmentsModel& recent() const { return *m_recent; }

Q_SIGNALS:
    void openOrder(qint64 orderId);

private:
    QWidget* buildWorkerTab();
    QWidget* reviewTab();
    void updateStatus();
    void announceReady();

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    models::FulfilmentControl* m_control;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_lease = nullptr;
    QLabel* m_self = nullptr;
    QLabel* m_totals = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_startStop = nullptr;
    models::RecentFulfilmentsModel* m_recent = nullptr;
    bool m_announcedReady = false;
    qint64 m_pendingPass = 0;  // passes when the list was last asked to read again
    qint64 m_loadedAtPass = 0; // passes the list's last answer includes
};

} // namespace cardops::ui
