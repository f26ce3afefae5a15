#include "ui/commissionstatementdialog.h"

#include "core/csvexport.h"
#include "models/commissioncheckjob.h"
#include "models/commissionmodel.h"
#include "models/datasource.h"
#include "models/lookupmodel.h"

#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

const QTimeZone& shanghai()
{
    static const QTimeZone zone(8 * 3600);
    return zone;
}

QDate dateOf(qint64 at)
{
    return QDateTime::fromSecsSinceEpoch(at, shanghai()).date();
}

qint64 startOf(const QDate& date)
{
    return QDateTime(date, QTime(0, 0), shanghai()).toSecsSinceEpoch();
}

} // namespace

QLineEdit* memberLookupField(models::DataSource& source, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    auto* model = new models::LookupModel(source, storage::ListKind::Members, edit);
    auto* completer = new QCompleter(model, edit);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    edit->setCompleter(completer);
    QObject::connect(edit, &QLineEdit::textEdited, model, [model](const QString& text) {
        if (!text.trimmed().isEmpty() && !text.contains(u'#'))
            model->search(text);
    });
    QObject::connect(model, &models::LookupModel::answered, edit, [edit, completer, model] {
        if (edit->hasFocus() && model->rowCount() > 0)
            completer->complete();
    });
    QObject::connect(completer, qOverload<const QString&>(&QCompleter::activated), edit,
                     [edit] { Q_EMIT edit->editingFinished(); });
    return edit;
}

CommissionStatementDialog::CommissionStatementDialog(models::DataSource& source, qint64 memberId, qint64 from,
                                                     qint64 to, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_job(new models::CommissionCheckJob(source, this))
{
    setWindowTitle(tr("Commission statement"));
    resize(860, 520);
    m_member = memberLookupField(source, this);
    m_member->setPlaceholderText(tr("Agent: name, contact or #id"));
    m_fromDate = new QDateEdit(this);
    m_toDate = new QDateEdit(this);
    for (QDateEdit* d : {m_fromDate, m_toDate}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_build = new QPushButton(tr("Build statement"), this);
    m_build->setDefault(true);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Agent"), this));
    top->addWidget(m_member, 2);
    top->addWidget(new QLabel(tr("Orders from"), this));
    top->addWidget(m_fromDate);
    top->addWidget(new QLabel(tr("to (inclusive)"), this));
    top->addWidget(m_toDate);
    top->addWidget(m_build);

    m_table = new QTableWidget(0, 8, this);
    m_table->setHorizontalHeaderLabels({tr("Order no."), tr("Ordered at"), tr("Buyer"), tr("Depth"),
                                        tr("Entry"), tr("Expected"), tr("Credited"), tr("Difference")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_totals = new QLabel(tr("Choose an agent and a period, then build the statement."), this);
    m_totals->setWordWrap(true);

    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setEnabled(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_totals);
    layout->addWidget(buttons);

    connect(m_build, &QPushButton::clicked, this, &CommissionStatementDialog::build);
    connect(m_export, &QPushButton::clicked, this, &CommissionStatementDialog::askExport);
    connect(m_job, &models::CommissionCheckJob::statementReady, this,
            &CommissionStatementDialog::showStatement);
    connect(m_job, &models::CommissionCheckJob::failed, this, [this](const QString& message) {
        m_build->setEnabled(true);
        m_totals->setText(message);
    });
    setPeriod(from, to);
    if (memberId > 0)
        setMember(memberId);
}

void CommissionStatementDialog::setMember(qint64 memberId)
{
    m_memberId = memberId;
    m_member->setText(u"#"_s + QString::number(memberId));
}

void CommissionStatementDialog::setPeriod(qint64 from, qint64 to)
{
    m_fromDate->setDate(dateOf(from));
    m_toDate->setDate(dateOf(to - 1));
}

void CommissionStatementDialog::build()
{
    bool ok = false;
    const qint64 id = models::LookupModel::idFromFieldText(m_member->text(), &ok);
    if (!ok || id <= 0) {
        m_totals->setText(tr("Choose an agent first: type a name and pick a suggestion, or #id."));
        m_member->setFocus();
        return;
    }
    if (m_toDate->date() < m_fromDate->date()) {
        m_totals->setText(tr("The period ends before it starts."));
        return;
    }
    m_memberId = id;
    m_build->setEnabled(false);
    m_totals->setText(tr("Building the statement…"));
    m_job->statement(id, startOf(m_fromDate->date()), startOf(m_toDate->date().addDays(1)));
}

void CommissionStatementDialog::showStatement(const storage::commissioncheck::Statement& s)
{
    m_statement = s;
    m_build->setEnabled(true);
    m_table->setRowCount(static_cast<int>(s.entries.size()));
    for (int i = 0; i < s.entries.size(); ++i) {
        const storage::commissioncheck::StatementEntry& e = s.entries[i];
        const QStringList cells{
            e.orderNo,
            core::formatShanghaiTime(e.orderAt),
            e.buyerName + u" #"_s + QString::number(e.buyerId),
            e.depth > 0 ? QString::number(e.depth) : u"—"_s,
            e.kind == core::CommissionKind::Credit ? tr("Credit") : tr("Reversal"),
            e.hasExpected ? e.expected.toString() : u"—"_s,
            e.ledgerId > 0 ? e.credited.toString() : u"—"_s,
            e.difference().toString(),
        };
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 7 && !e.difference().isZero())
                item->setForeground(QColor(0xc6, 0x28, 0x28));
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_export->setEnabled(true);
    m_member->setText(models::LookupModel::fieldText(s.memberName, s.memberId));
    m_totals->setText(totalsText());
    Q_EMIT built();
}

QString CommissionStatementDialog::totalsText() const
{
    const storage::commissioncheck::Statement& s = m_statement;
    QString text = tr("%n entries · expected %1 · credited %2 · difference %3", nullptr,
                      static_cast<int>(s.entries.size()))
                       .arg(s.expectedTotal.toString(), s.creditedTotal.toString(),
                            (s.creditedTotal - s.expectedTotal).toString());
    if (!s.unverifiable.isEmpty())
        text += u" · "_s + tr("%n orders with entries for this agent could not be verified", nullptr,
                              static_cast<int>(s.unverifiable.size()));
    return text;
}

void CommissionStatementDialog::askExport()
{
    const QString name =
        u"statement-%1-%2.csv"_s.arg(m_statement.memberId).arg(m_fromDate->date().toString(u"yyyyMM"_s));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export statement"), name, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    connect(
        this, &CommissionStatementDialog::exported, this,
        [this](const QString& file, const QString& error) {
            if (!error.isEmpty())
                QMessageBox::warning(this, tr("Export failed"), error);
            else
                m_totals->setText(totalsText() + u" · "_s + tr("saved to %1").arg(file));
        },
        Qt::SingleShotConnection);
    exportTo(path);
}

void CommissionStatementDialog::exportTo(const QString& path)
{
    m_export->setEnabled(false);
    const storage::commissioncheck::Statement s = m_statement;
    m_source.reader().post<QString>(
        this,
        [path, s](const storage::ReadSession&) {
            auto r = models::commissioncsv::save(
                path, [&s](QIODevice* device) { return models::commissioncsv::writeStatement(device, s); });
            return r ? QString() : r.error().detail;
        },
        [this, path](QString error) {
            m_export->setEnabled(true);
            Q_EMIT exported(path, error);
        });
}

} // namespace cardops::ui
