#pragma once

#include "storage/commissioncheck.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace cardops::models {

class DataSource;

// Runs the commission check (storage::commissioncheck) or an agent's statement on the loader
// thread (DataSource::reader()), reporting progress a few times a second and stopping on cancel.
// One run at a time; starting another while one runs is refused (returns false). UI thread only.
class CommissionCheckJob : public QObject
{
    Q_OBJECT
public:
    explicit CommissionCheckJob(DataSource& source, QObject* parent = nullptr);
    ~CommissionCheckJob() override;

    bool check(qint64 from, qint64 to);
    bool statement(qint64 memberId, qint64 from, qint64 to);
    void cancel();
    bool isRunning() const { return m_progress != nullptr; }

Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void checked(const cardops::storage::commissioncheck::CheckResult& result);
    void statementReady(const cardops::storage::commissioncheck::Statement& statement);
    void failed(const QString& message); // an error, in the operator's language
    void cancelled();

private:
    template<typename T>
    void finish(const core::Result<T>& result, void (CommissionCheckJob::*ready)(const T&));
    void poll();

    DataSource& m_source;
    std::shared_ptr<storage::commissioncheck::Progress> m_progress;
    QTimer m_poll;
};

} // namespace cardops::models
