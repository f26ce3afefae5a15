#pragma once

#include "core/rulematrix.h"

#include <QGroupBox>
#include <QHash>
#include <functional>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace cardops::models {
class DataSource;
class ReadWorker;
} // namespace cardops::models

namespace cardops::ui {

// 试运行: a rule set over the paid orders of the last N days, nothing executed. The orders and
// their contexts are read and decided on a loader thread of its own (a long run does not hold up
// the pages' reads); the panel shows how many would be delivered, held, refunded or left to the
// default, and per rule how many it matched and decided with sample orders. UI thread.
class DryRunPanel : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr int MaxOrders = 50'000;
    static constexpr int SamplesPerRule = 5;

    // `rules` gives the set to try when the run starts (the rules being edited).
    DryRunPanel(models::DataSource& source, std::function<core::RuleSet()> rules, QWidget* parent = nullptr);
    ~DryRunPanel() override;

    void run();
    bool isRunning() const { return m_running; }
    bool hasResult() const { return m_hasResult; }
    const core::DryRunSummary& summary() const { return m_summary; }
    // The [from, to) of created_at the last run read.
    std::pair<qint64, qint64> window() const { return m_window; }
    // Marks the shown result as made with other rules than the ones now edited.
    void setStale(bool stale);

    QSpinBox& daysField() const { return *m_days; }
    QPushButton& runButton() const { return *m_run; }
    QTreeWidget& tree() const { return *m_tree; }
    QLabel& statusLabel() const { return *m_status; }

Q_SIGNALS:
    void finished();
    void openOrder(qint64 orderId);

private:
    struct Outcome
    {
        QString error;
        core::DryRunSummary summary;
        QHash<qint64, QString> orderNos; // of the samples
    };
    void show(const core::RuleSet& set, const Outcome& outcome);

    models::DataSource& m_source;
    std::function<core::RuleSet()> m_rules;
    models::ReadWorker* m_reader = nullptr; // made on the first run
    QSpinBox* m_days = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    QList<QLabel*> m_totals; // orders, delivered, reviewed, refunded, default
    QTreeWidget* m_tree = nullptr;
    core::DryRunSummary m_summary;
    std::pair<qint64, qint64> m_window{0, 0};
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_hasResult = false;
};

} // namespace cardops::ui
