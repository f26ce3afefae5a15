#pragma once

#include "storage/readsession.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

namespace cardops::models {

// A loader thread with its own read connection (architecture.md: connections belong to the thread
// that made them; loaders are dedicated QThreads, never pool threads). Work runs there in the order
// posted; each answer comes back on the thread of the object that posted it, and is dropped if
// that object is gone by then. Create, use and destroy on the UI thread.
class ReadWorker : public QObject
{
    Q_OBJECT
public:
    explicit ReadWorker(QString databasePath, QObject* parent = nullptr);
    ~ReadWorker() override;

    const QString& databasePath() const { return m_path; }

    template<typename T>
    void post(QObject* context, std::function<T(const storage::ReadSession&)> work,
              std::function<void(T)> done)
    {
        QPointer<QObject> guard(context);
        dispatch(
            [this, guard, work = std::move(work), done = std::move(done)](const storage::ReadSession& s) {
                auto value = std::make_shared<T>(work(s));
                // Back through this object (it outlives the thread), then only if the poster lives.
                QMetaObject::invokeMethod(
                    this,
                    [guard, done, value] {
                        if (guard)
                            done(std::move(*value));
                    },
                    Qt::QueuedConnection);
            });
    }

private:
    class Agent;
    void dispatch(std::function<void(const storage::ReadSession&)> job);

    QString m_path;
    QThread m_thread;
    Agent* m_agent = nullptr; // lives on m_thread; deleted when the thread finishes
};

} // namespace cardops::models
