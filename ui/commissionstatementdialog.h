#pragma once

#include "storage/commissioncheck.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cardops::models {
class CommissionCheckJob;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// A field that suggests members as the operator types (models::LookupModel): "name #id".
QLineEdit* memberLookupField(models::DataSource& source, QWidget* parent);

// 佣金对账单: one agent's expected and credited commission entries of a period (order no, buyer,
// depth, amounts), the totals, and a CSV export. Built off the UI thread.
class CommissionStatementDialog : public QDialog
{
    Q_OBJECT
public:
    CommissionStatementDialog(models::DataSource& source, qint64 memberId, qint64 from, qint64 to,
                              QWidget* parent = nullptr);

    void setMember(qint64 memberId);
    void setPeriod(qint64 from, qint64 to);
    void build();
    void exportTo(const QString& path); // off the UI thread; exported() tells the outcome

    QTableWidget* table() const { return m_table; }
    QString totalsText() const;
    const storage::commissioncheck::Statement& statement() const { return m_statement; }

Q_SIGNALS:
    void built();
    void exported(const QString& path, const QString& error);

private:
    void showStatement(const storage::commissioncheck::Statement& s);
    void askExport();

    models::DataSource& m_source;
    models::CommissionCheckJob* m_job = nullptr;
    QLineEdit* m_member = nullptr;
    QDateEdit* m_fromDate = nullptr;
    QDateEdit* m_toDate = nullptr;
    QPushButton* m_build = nullptr;
    QPushButton* m_export = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_totals = nullptr;
    storage::commissioncheck::Statement m_statement;
    qint64 m_memberId = 0;
};

} // namespace cardops::ui
