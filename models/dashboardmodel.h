#pragma once

#include "core/result.h"
#include "storage/dashboardqueries.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace cardops::models {

class DataSource;

// The periods of the dashboard's picker: the last 7/30/90 business days up to today, this and last
// calendar month, or a custom range.
enum class DashboardPreset { Last7, Last30, Last90, ThisMonth, LastMonth, Custom };

// The 数据看板's figures for a chosen period (storage/dashboardqueries.h), computed on the loader
// thread and computed again when the cache's orders, members, goods, ledger or tier moves change
// (DataSource::tablesChanged). At most one load runs at a time; a change during a load runs one more.
// No widgets. UI thread.
class DashboardModel : public QObject
{
    Q_OBJECT
public:
    explicit DashboardModel(DataSource& source, QObject* parent = nullptr);

    // Today (a business day, Asia/Shanghai) as the presets see it; defaults to the clock's today.
    void setToday(qint64 day);
    qint64 today() const { return m_today; }
    // A preset sets the range from today; Custom keeps the current range.
    void setPreset(DashboardPreset preset);
    DashboardPreset preset() const { return m_preset; }
    // A custom range of business days, both included (the preset becomes Custom).
    void setRange(qint64 fromDay, qint64 toDay);
    void setGrain(storage::DashboardGrain grain);
    // The payment-fee estimate rate in basis points (60 = 0.6 %, the default).
    void setFeeBasisPoints(int basisPoints);
    const storage::DashboardRequest& request() const { return m_request; }

    // The figures of the last load (empty before the first).
    const storage::DashboardData& data() const { return m_data; }
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_running; }
    // Loads now (also done by every setter and on table changes).
    void reload();

    // The range of a preset as of `today`.
    static std::pair<qint64, qint64> presetRange(DashboardPreset preset, qint64 today);
    // The tables whose change makes the dashboard load again.
    static QSet<QString> watchedTables();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void failed(const QString& message);

private:
    void arrived(core::Result<storage::DashboardData> result);

    DataSource& m_source;
    storage::DashboardRequest m_request;
    storage::DashboardData m_data;
    DashboardPreset m_preset = DashboardPreset::Last30;
    qint64 m_today = 0;
    bool m_loaded = false;
    bool m_running = false;
    bool m_again = false;
};

} // namespace cardops::models
