#include "models/commissioncheckjob.h"

#include "models/datasource.h"

namespace cardops::models {

namespace check = storage::commissioncheck;

CommissionCheckJob::CommissionCheckJob(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    m_poll.setInterval(200);
    connect(&m_poll, &QTimer::timeout, this, &CommissionCheckJob::poll);
}

CommissionCheckJob::~CommissionCheckJob()
{
    if (m_progress)
        m_progress->cancel = true; // the loader stops at its next step; its answer is dropped
}

template<typename T>
void CommissionCheckJob::finish(const core::Result<T>& result, void (CommissionCheckJob::*ready)(const T&))
{
    const bool wasCancelled = m_progress && m_progress->cancel;
    m_progress.reset();
    m_poll.stop();
    if (result.ok()) {
        Q_EMIT(this->*ready)(*result);
        return;
    }
    if (wasCancelled && result.error().code == core::ErrorCode::Conflict) {
        Q_EMIT cancelled();
        return;
    }
    Q_EMIT failed(tr("The commission check failed: %1").arg(result.error().detail));
}

bool CommissionCheckJob::check(qint64 from, qint64 to)
{
    if (m_progress)
        return false;
    auto progress = std::make_shared<check::Progress>();
    m_progress = progress;
    m_poll.start();
    m_source.reader().post<core::Result<check::CheckResult>>(
        this,
        [progress, from, to](const storage::ReadSession& s) {
            return check::run(s, from, to, progress.get());
        },
        [this](core::Result<check::CheckResult> r) { finish(r, &CommissionCheckJob::checked); });
    return true;
}

bool CommissionCheckJob::statement(qint64 memberId, qint64 from, qint64 to)
{
    if (m_progress)
        return false;
    auto progress = std::make_shared<check::Progress>();
    m_progress = progress;
    m_poll.start();
    m_source.reader().post<core::Result<check::Statement>>(
        this,
        [progress, memberId, from, to](const storage::ReadSession& s) {
            return check::statement(s, memberId, from, to, progress.get());
        },
        [this](core::Result<check::Statement> r) { finish(r, &CommissionCheckJob::statementReady); });
    return true;
}

void CommissionCheckJob::cancel()
{
    if (m_progress)
        m_progress->cancel = true;
}

void CommissionCheckJob::poll()
{
    if (m_progress)
        Q_EMIT progressed(m_progress->done.load(), m_progress->total.load());
}

} // namespace cardops::models
