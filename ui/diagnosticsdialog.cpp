#include "ui/diagnosticsdialog.h"

#include "core/csvexport.h"
#include "models/consolebackend.h"
#include "models/datasource.h"
#include "storage/consolestatus.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cardops::ui {

DiagnosticsDialog::DiagnosticsDialog(models::DataSource& source, models::ConsoleBackend& backend,
                                     const storage::ConsoleStatus& status, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
    , m_feeds(new QTableWidget(0, 6, this))
    , m_error(new QPlainTextEdit(this))
    , m_exchange(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Sync diagnostics"));
    m_feeds->setHorizontalHeaderLabels(
        {tr("Feed"), tr("State"), tr("Cursor"), tr("Received"), tr("In the cache"), tr("Cursor moved")});
    m_feeds->verticalHeader()->setVisible(false);
    m_feeds->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_feeds->horizontalHeader()->setStretchLastSection(true);
    // All six feeds at once, without a scroll bar.
    m_feeds->setMinimumHeight(m_feeds->verticalHeader()->defaultSectionSize() * 6 +
                              m_feeds->horizontalHeader()->sizeHint().height() + 4);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit* edit : {m_error, m_exchange}) {
        edit->setReadOnly(true);
        edit->setFont(mono);
    }
    m_error->setPlainText(status.lastError.isEmpty() ? tr("The last sync round finished without an error.")
                                                     : status.lastError);
    m_error->setMaximumHeight(90);
    const QString exchange = backend.lastExchange();
    m_exchange->setPlainText(exchange.isEmpty() ? tr("No request has been sent since the console started.")
                                                : exchange);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* sync = buttons->addButton(tr("Sync now"), QDialogButtonBox::ActionRole);
    connect(sync, &QPushButton::clicked, this, [this] { m_backend.syncNow(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&backend, &models::ConsoleBackend::syncFinished, this, [this](bool, bool, const QString& error) {
        m_error->setPlainText(error.isEmpty() ? tr("The last sync round finished without an error.") : error);
        m_exchange->setPlainText(m_backend.lastExchange());
        reload();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Feeds"), this));
    layout->addWidget(m_feeds);
    layout->addWidget(new QLabel(tr("Last sync error"), this));
    layout->addWidget(m_error);
    layout->addWidget(new QLabel(tr("Last request and response"), this));
    layout->addWidget(m_exchange, 3);
    layout->addWidget(buttons);
    resize(900, 640);
    reload();
}

void DiagnosticsDialog::reload()
{
    m_source.reader().post<core::Result<QList<storage::FeedDiagnostics>>>(
        this, [](const storage::ReadSession& s) { return storage::consolestatus::feeds(s); },
        [this](core::Result<QList<storage::FeedDiagnostics>> r) {
            if (r)
                showFeeds(r.value());
            else
                m_error->setPlainText(tr("Cannot read the feeds: %1").arg(r.error().detail));
        });
}

QString DiagnosticsDialog::feedTitle(core::Feed feed)
{
    const QString name = QString::fromLatin1(core::feedName(feed));
    switch (feed) {
    case core::Feed::Categories:
        return tr("Categories (%1)").arg(name);
    case core::Feed::Goods:
        return tr("Goods (%1)").arg(name);
    case core::Feed::Members:
        return tr("Members (%1)").arg(name);
    case core::Feed::Orders:
        return tr("Orders (%1)").arg(name);
    case core::Feed::Ledger:
        return tr("Ledger (%1)").arg(name);
    case core::Feed::Withdrawals:
        return tr("Withdrawals (%1)").arg(name);
    }
    return name;
}

void DiagnosticsDialog::showFeeds(const QList<storage::FeedDiagnostics>& feeds)
{
    const QLocale locale;
    m_feeds->setRowCount(int(feeds.size()));
    for (int row = 0; row < feeds.size(); ++row) {
        const storage::FeedDiagnostics& f = feeds[row];
        QString state;
        if (f.updatedAt == 0 && f.received == 0)
            state = tr("not read yet");
        else if (!f.backfillBefore.isEmpty() && !f.backfillDone)
            state = tr("history loading");
        else
            state = tr("up to date");
        const QStringList cells = {feedTitle(f.feed),
                                   state,
                                   f.cursor.isEmpty() ? tr("(start)") : f.cursor,
                                   locale.toString(f.received),
                                   locale.toString(f.cached),
                                   f.updatedAt > 0 ? core::formatShanghaiTime(f.updatedAt) : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_feeds->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    m_feeds->resizeColumnsToContents();
}

} // namespace cardops::ui
