#include "ui/supplierdiagnosticsdialog.h"

#include "core/csvexport.h"
#include "core/money.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cardops::ui {

namespace {

QPlainTextEdit* rawView(const QString& text, QWidget* parent)
{
    auto* view = new QPlainTextEdit(text, parent);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return view;
}

QLabel* selectable(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

SupplierDiagnosticsDialog::SupplierDiagnosticsDialog(const storage::supply::SupplierStatus& status,
                                                     const models::SupplierExchange& exchange,
                                                     const QString& protocolName, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Supplier diagnostics · %1").arg(status.supplierId));
    auto* form = new QFormLayout;
    form->addRow(tr("Supplier"),
                 selectable(QStringLiteral("%1 · %2").arg(status.supplierId, protocolName), this));
    form->addRow(
        tr("Balance"),
        selectable(status.balance ? core::Money::fromUnits(*status.balance).toString(2) : tr("unknown"),
                   this));
    form->addRow(
        tr("Last checked"),
        selectable(status.checkedAt > 0 ? core::formatShanghaiTime(status.checkedAt) : tr("never"), this));
    form->addRow(tr("Last error"),
                 selectable(status.lastError.isEmpty() ? tr("none") : status.lastError, this));
    if (exchange.any) {
        form->addRow(tr("Outcome"), selectable(exchange.outcome, this));
        QString verdict = tr("not signed (acg-faka answers carry no signature)");
        if (exchange.signatureValid)
            verdict = *exchange.signatureValid ? tr("matches") : tr("DOES NOT MATCH: the answer was refused");
        form->addRow(tr("Answer signature"), selectable(verdict, this));
        if (!exchange.signatureReceived.isEmpty() || !exchange.signatureComputed.isEmpty()) {
            form->addRow(tr("Computed"), selectable(exchange.signatureComputed, this));
            form->addRow(tr("Received"), selectable(exchange.signatureReceived, this));
        }
    }

    auto* tabs = new QTabWidget(this);
    if (exchange.any) {
        tabs->addTab(rawView(exchange.request, tabs), tr("Request as sent"));
        tabs->addTab(rawView(exchange.signedText, tabs), tr("Signed text"));
        tabs->addTab(rawView(exchange.response, tabs), tr("Answer as received"));
    } else {
        tabs->addTab(rawView(tr("No request has gone to this supplier since CardOps started. Refresh the "
                                "balances to send one."),
                             tabs),
                     tr("Request as sent"));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(820, 620);
}

} // namespace cardops::ui
