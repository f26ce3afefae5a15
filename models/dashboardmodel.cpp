#include "models/dashboardmodel.h"

#include "core/clock.h"
#include "models/datasource.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

qint64 dayOf(const QDate& date)
{
    return QDate(1970, 1, 1).daysTo(date);
}

QDate dateOf(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day);
}

} // namespace

DashboardModel::DashboardModel(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_today(core::businessDay(QDateTime::currentSecsSinceEpoch()))
{
    const auto [from, to] = presetRange(m_preset, m_today);
    m_request.fromDay = from;
    m_request.toDay = to;
    m_request.feeBasisPoints = storage::dashboardqueries::DefaultFeeBasisPoints;
    connect(&source, &DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.intersects(watchedTables()))
            reload();
    });
}

QSet<QString> DashboardModel::watchedTables()
{
    return {u"orders"_s, u"members"_s,    u"goods"_s,          u"categories"_s,
            u"ledger"_s, u"tier_moves"_s, u"supplier_status"_s};
}

std::pair<qint64, qint64> DashboardModel::presetRange(DashboardPreset preset, qint64 today)
{
    const QDate date = dateOf(today);
    const QDate monthStart(date.year(), date.month(), 1);
    switch (preset) {
    case DashboardPreset::Last7:
        return {today - 6, today};
    case DashboardPreset::Last90:
        return {today - 89, today};
    case DashboardPreset::ThisMonth:
        return {dayOf(monthStart), today};
    case DashboardPreset::LastMonth:
        return {dayOf(monthStart.addMonths(-1)), dayOf(monthStart) - 1};
    case DashboardPreset::Last30:
    case DashboardPreset::Custom:
        break;
    }
    return {today - 29, today};
}

void DashboardModel::setToday(qint64 day)
{
    m_today = day;
    if (m_preset != DashboardPreset::Custom)
        setPreset(m_preset);
}

void DashboardModel::setPreset(DashboardPreset preset)
{
    m_preset = preset;
    if (preset != DashboardPreset::Custom) {
        const auto [from, to] = presetRange(preset, m_today);
        m_request.fromDay = from;
        m_request.toDay = to;
    }
    reload();
}

void DashboardModel::setRange(qint64 fromDay, qint64 toDay)
{
    m_preset = DashboardPreset::Custom;
    m_request.fromDay = std::min(fromDay, toDay);
    m_request.toDay = std::max(fromDay, toDay);
    reload();
}

void DashboardModel::setGrain(storage::DashboardGrain grain)
{
    m_request.grain = grain;
    reload();
}

void DashboardModel::setFeeBasisPoints(int basisPoints)
{
    m_request.feeBasisPoints = std::max(0, basisPoints);
    reload();
}

void DashboardModel::reload()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    Q_EMIT loadingChanged(true);
    storage::DashboardRequest request = m_request;
    request.now = QDateTime::currentSecsSinceEpoch();
    m_source.reader().post<core::Result<storage::DashboardData>>(
        this,
        [request](const storage::ReadSession& s) { return storage::dashboardqueries::load(s, request); },
        [this](core::Result<storage::DashboardData> result) { arrived(std::move(result)); });
}

void DashboardModel::arrived(core::Result<storage::DashboardData> result)
{
    m_running = false;
    // The request changed while this one ran: its answer is stale, ask again.
    if (m_again ||
        (result && !(result->request.fromDay == m_request.fromDay &&
                     result->request.toDay == m_request.toDay && result->request.grain == m_request.grain &&
                     result->request.feeBasisPoints == m_request.feeBasisPoints))) {
        reload();
        return;
    }
    Q_EMIT loadingChanged(false);
    if (!result) {
        Q_EMIT failed(QCoreApplication::translate("cardops::models::DashboardModel",
                                                  "The dashboard could not be read: %1")
                          .arg(result.error().detail));
        return;
    }
    m_data = std::move(result).value();
    m_loaded = true;
    Q_EMIT loaded();
}

} // namespace cardops::models
