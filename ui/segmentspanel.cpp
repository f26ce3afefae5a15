#include "ui/segmentspanel.h"

#include "core/clock.h"
#include "core/csvexport.h"
#include "models/agenttreemodel.h"
#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using cardops::core::Segment;
namespace segmentstore = cardops::storage::segmentstore;

namespace cardops::ui {
namespace {

enum Column { NameColumn, SizeColumn, ShareColumn, ChangeColumn, PlaybookColumn, ColumnCount };
constexpr int CodeRole = Qt::UserRole + 1;

QString dayText(qint64 at)
{
    return core::formatShanghaiTime(at).left(16);
}

} // namespace

SegmentsPanel::SegmentsPanel(models::DataSource& source, QWidget* parent)
    : QWidget(parent)
    , m_source(source)
{
    m_caption = new QLabel(this);
    m_caption->setObjectName(u"segmentsCaption"_s);
    m_recompute = new QPushButton(tr("Recompute"), this);
    m_recompute->setObjectName(u"recompute"_s);
    m_recompute->setToolTip(
        tr("Recompute RFM scores and segments as of now (it also runs after the first sync of "
           "each business day)"));
    m_recompute->setEnabled(source.writer() != nullptr);
    m_export = new QPushButton(tr("Export segment…"), this);
    m_export->setObjectName(u"exportSegment"_s);
    m_export->setEnabled(false);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"segmentsTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Segment"), tr("Size"), tr("Share"), tr("Change vs 30 days ago"), tr("Playbook")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    for (int c = NameColumn; c < PlaybookColumn; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PlaybookColumn, QHeaderView::Stretch);

    auto* empty =
        new QLabel(tr("RFM was never computed for this cache.\nIt is computed after the first sync of each "
                      "business day, or now with “Recompute”."),
                   this);
    empty->setObjectName(u"segmentsEmpty"_s);
    empty->setAlignment(Qt::AlignCenter);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_table);

    m_status = new QLabel(this);
    m_status->setObjectName(u"segmentsStatus"_s);
    m_status->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_busy);
    bar->addWidget(m_recompute);
    bar->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);

    connect(m_recompute, &QPushButton::clicked, this, &SegmentsPanel::recompute);
    connect(m_export, &QPushButton::clicked, this, &SegmentsPanel::chooseExportFile);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_export->setEnabled(!currentSegment().isEmpty()); });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (QTableWidgetItem* item = m_table->item(row, NameColumn))
            Q_EMIT showSegment(item->data(CodeRole).toString());
    });
    connect(&source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"segment_sizes"_s) || tables.contains(u"member_rfm"_s))
            reload();
    });
    display(m_sizes);
    reload();
}

QList<Segment> SegmentsPanel::segments()
{
    return {Segment::HighValue, Segment::Potential, Segment::New,
            Segment::Dormant,   Segment::ChurnRisk, Segment::Other};
}

QString SegmentsPanel::segmentName(Segment segment)
{
    switch (segment) {
    case Segment::HighValue:
        return tr("High value");
    case Segment::Potential:
        return tr("Potential");
    case Segment::New:
        return tr("New");
    case Segment::Dormant:
        return tr("Dormant");
    case Segment::ChurnRisk:
        return tr("Churn risk");
    case Segment::Other:
        return tr("Other");
    }
    return {};
}

QString SegmentsPanel::segmentRule(Segment segment)
{
    switch (segment) {
    case Segment::HighValue:
        return tr("R ≥ 4 and F ≥ 4 and M ≥ 4: recent, frequent and big");
    case Segment::Potential:
        return tr("R ≥ 4 and (F ≥ 3 or M ≥ 3): recent and above the middle on frequency or money");
    case Segment::New:
        return tr("Registered fewer than 30 days ago with at most 2 orders");
    case Segment::Dormant:
        return tr("No counted order in 365 days, or the last one 180 days ago or more");
    case Segment::ChurnRisk:
        return tr("R ≤ 2 and (F ≥ 4 or M ≥ 4): used to buy a lot, has gone quiet");
    case Segment::Other:
        return tr("Everything else");
    }
    return {};
}

QString SegmentsPanel::segmentPlaybook(Segment segment)
{
    switch (segment) {
    case Segment::HighValue:
        return tr("Keep them: tier perks, priority stock, a dedicated contact");
    case Segment::Potential:
        return tr("Nudge the next order: show the way to the next tier, bundle offers");
    case Segment::New:
        return tr("Short purchase path and the new-member gift");
    case Segment::Dormant:
        return tr("One win-back offer; no repeated outreach");
    case Segment::ChurnRisk:
        return tr("Call before they go dormant: ask what changed");
    case Segment::Other:
        return tr("Regular campaigns");
    }
    return {};
}

QString SegmentsPanel::changeText(qint64 change)
{
    if (change > 0)
        return u"▲ %1"_s.arg(change);
    if (change < 0)
        return u"▼ %1"_s.arg(-change);
    return u"—"_s;
}

QString SegmentsPanel::currentSegment() const
{
    const int row = m_table->currentRow();
    const QTableWidgetItem* item =
        row >= 0 && !m_table->selectedItems().isEmpty() ? m_table->item(row, NameColumn) : nullptr;
    return item ? item->data(CodeRole).toString() : QString();
}

void SegmentsPanel::reload()
{
    const quint64 generation = ++m_generation;
    using Answer = core::Result<segmentstore::Sizes>;
    m_source.reader().post<Answer>(
        this, [](const storage::ReadSession& s) { return segmentstore::sizes(s); },
        [this, generation](Answer r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_status->setText(tr("The segments could not be read: %1").arg(r.error().detail));
                return;
            }
            display(r.value());
            Q_EMIT loaded();
        });
}

void SegmentsPanel::display(const segmentstore::Sizes& sizes)
{
    m_sizes = sizes;
    m_stack->setCurrentIndex(sizes.computed ? 1 : 0);
    if (!sizes.computed) {
        m_caption->setText(tr("Segments"));
        return;
    }
    m_caption->setText(tr("As of %1 · compared with %2%3")
                           .arg(dayText(sizes.trend.now), dayText(sizes.trend.then),
                                sizes.thenStored ? QString() : tr(" (recomputed from the orders)")));
    const QString selected = currentSegment();
    const qint64 total = sizes.total();
    const QList<Segment> all = segments();
    m_table->setRowCount(int(all.size()));
    for (int row = 0; row < all.size(); ++row) {
        const Segment s = all[row];
        const qint64 size = sizes.trend.sizesNow[core::sizeIndex(s)];
        const qint64 change = sizes.trend.change(s);
        const QString share =
            total > 0 ? QLocale().toString(100.0 * double(size) / double(total), 'f', 1) + u" %"_s : u"—"_s;
        const QStringList cells{segmentName(s), QString::number(size), share, changeText(change),
                                segmentPlaybook(s)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(segmentRule(s));
            if (c == SizeColumn || c == ShareColumn || c == ChangeColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            // Growth is good news except for the dormant and the churn-risk segments.
            const bool bad = (change > 0) == (s == Segment::Dormant || s == Segment::ChurnRisk);
            if (c == ChangeColumn && change != 0)
                item->setForeground(bad ? QColor(0xb3, 0x26, 0x1e) : QColor(0x1b, 0x7f, 0x3b));
            m_table->setItem(row, c, item);
        }
        m_table->item(row, NameColumn)->setData(CodeRole, core::segmentCode(s));
        if (core::segmentCode(s) == selected)
            m_table->selectRow(row);
    }
}

void SegmentsPanel::setBusy(bool busy, const QString& text)
{
    m_busy->setVisible(busy);
    m_recompute->setEnabled(!busy && m_source.writer());
    m_status->setText(text);
}

void SegmentsPanel::recompute()
{
    storage::DatabaseWriter* writer = m_source.writer();
    if (!writer)
        return;
    setBusy(true, tr("Recomputing RFM for every member…"));
    const qint64 at = writer->clock().nowSeconds();
    using Outcome = core::Result<core::RfmResult>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const Outcome r = watcher->result();
        watcher->deleteLater();
        setBusy(false, r ? tr("Recomputed for %n member(s).", "", int(r->members.size()))
                         : tr("The recompute failed: %1").arg(r.error().detail));
        reload();
        Q_EMIT recomputed(r.ok());
    });
    watcher->setFuture(writer->submit<core::RfmResult>(
        u"segments.refresh"_s, [at](storage::WriteContext& ctx) { return segmentstore::refresh(ctx, at); }));
}

core::Result<void> SegmentsPanel::writeCsv(QIODevice* device, const QList<segmentstore::SegmentMember>& rows)
{
    using K = core::CsvColumnKind;
    core::CsvExportWriter w(device, {{tr("Member id"), K::Identifier},
                                     {tr("Name"), K::Text},
                                     {tr("Kind"), K::Text},
                                     {tr("Tier"), K::Text},
                                     {tr("Contact"), K::Identifier},
                                     {u"R"_s, K::Integer},
                                     {u"F"_s, K::Integer},
                                     {u"M"_s, K::Integer},
                                     {tr("Orders"), K::Integer},
                                     {tr("Spend"), K::Money}});
    if (auto h = w.writeHeader(); !h)
        return h;
    for (const segmentstore::SegmentMember& m : rows) {
        w.addIdentifier(QString::number(m.id));
        w.addText(m.name);
        w.addText(models::AgentTreeModel::kindText(m.kind));
        w.addText(m.tierName);
        w.addIdentifier(m.contact);
        w.addInteger(m.score.r);
        w.addInteger(m.score.f);
        w.addInteger(m.score.m);
        w.addInteger(m.orders);
        w.addMoney(m.monetary);
        if (auto r = w.endRow(); !r)
            return r;
    }
    return w.finish();
}

void SegmentsPanel::chooseExportFile()
{
    const QString code = currentSegment();
    const auto segment = core::segmentFromCode(code);
    if (!segment)
        return;
    const QString name = segmentName(*segment);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export segment"),
                                                      tr("segment-%1.csv").arg(name), tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportSegment(code, path);
}

void SegmentsPanel::exportSegment(const QString& code, const QString& path)
{
    setBusy(true, tr("Exporting…"));
    struct Written
    {
        core::Error error;
        bool ok = true;
        qint64 rows = 0;
    };
    m_source.reader().post<Written>(
        this,
        [code, path](const storage::ReadSession& s) {
            Written out;
            auto rows = segmentstore::segmentMembers(s, code);
            core::Result<void> r = rows ? core::Result<void>() : core::Result<void>(rows.error());
            if (r) {
                QSaveFile file(path);
                if (!file.open(QIODevice::WriteOnly))
                    r = core::makeError(core::ErrorCode::Io, file.errorString());
                else if (r = writeCsv(&file, *rows); !r)
                    file.cancelWriting();
                else if (!file.commit())
                    r = core::makeError(core::ErrorCode::Io, file.errorString());
            }
            out.ok = r.ok();
            out.error = r ? core::Error{} : r.error();
            out.rows = rows ? rows->size() : 0;
            return out;
        },
        [this, path](Written w) {
            const QString message = w.ok ? tr("Exported %n member(s) to %1.", "", int(w.rows)).arg(path)
                                         : tr("The export failed: %1").arg(w.error.detail);
            setBusy(false, message);
            Q_EMIT exported(w.ok, message);
        });
}

} // namespace cardops::ui
