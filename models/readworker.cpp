#include "models/readworker.h"

namespace cardops::models {

// The object living on the loader thread: it owns the read connection, made on first use so it
// belongs to that thread.
class ReadWorker::Agent : public QObject
{
public:
    explicit Agent(QString path)
        : m_path(std::move(path))
    {}
    const storage::ReadSession& session()
    {
        if (!m_session)
            m_session = std::make_unique<storage::ReadSession>(m_path);
        return *m_session;
    }

private:
    QString m_path;
    std::unique_ptr<storage::ReadSession> m_session;
};

ReadWorker::ReadWorker(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_agent(new Agent(m_path))
{
    m_thread.setObjectName(QStringLiteral("cardops-reader"));
    m_agent->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_agent, &QObject::deleteLater);
    m_thread.start();
}

ReadWorker::~ReadWorker()
{
    m_thread.quit();
    m_thread.wait();
}

void ReadWorker::dispatch(std::function<void(const storage::ReadSession&)> job)
{
    Agent* agent = m_agent;
    QMetaObject::invokeMethod(
        agent, [agent, job = std::move(job)] { job(agent->session()); }, Qt::QueuedConnection);
}

} // namespace cardops::models
