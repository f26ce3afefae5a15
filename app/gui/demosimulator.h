#pragma once

#include <QObject>
#include <QThread>
#include <QUrl>

namespace cardops::app {

// The demo's platform: the bundled simulator with about 30,000 orders over 120 days and a trickle
// of live orders, generated and served on a thread of its own so the console stays responsive.
// Create, start and destroy on the UI thread; ready() or failed() arrives there.
class DemoSimulator : public QObject
{
    Q_OBJECT
public:
    explicit DemoSimulator(QObject* parent = nullptr);
    ~DemoSimulator() override;

    void start(double liveOrdersPerMinute);
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void ready(const QUrl& url);
    void failed(const QString& detail);

private:
    class Host;
    QThread m_thread;
    Host* m_host = nullptr; // lives on m_thread
    QUrl m_url;
};

} // namespace cardops::app
