#pragma once

#include "core/batchorderlines.h"
#include "models/memberdeskbackend.h"
#include "storage/enterprisebatches.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace cardops::models {
class BatchOrderRun;
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// 企业批量下单 (issue #10 item 8): the enterprise member and the goods, a paste area or a CSV/TXT file
// (UTF-8 with or without BOM, GB18030) of `charge_account[,quantity]` lines, a preview line by line
// (line no, account, quantity, unit price at the member's price, total, problem) with the totals,
// then 创建订单 after a confirmation naming the count and the total. Each line is ordered with its
// own key and shows its order number or error; 继续 sends the unfinished lines again with the same
// keys. Not modal.
class BatchOrderDialog : public QDialog
{
    Q_OBJECT
public:
    // `memberId` 0: the operator picks the member.
    static void open(models::DataSource& source, models::ConsoleBackend& backend, qint64 memberId,
                     QWidget* parent);

    BatchOrderDialog(models::DataSource& source, models::ConsoleBackend& backend, qint64 memberId,
                     QWidget* parent = nullptr);

    void setMember(qint64 memberId);
    void setGoods(qint64 goodsId);
    void setText(const QString& text);
    // Reads a file into the paste area (decoded), answers the error for the operator or "".
    QString importFile(const QString& path);
    // 创建订单 without asking (the button asks first).
    void createNow();
    // 继续: the unfinished lines of the last batch.
    void continueNow();

    const QList<core::BatchOrderLine>& lines() const { return m_lines; }
    QTableWidget& preview() const { return *m_preview; }
    QLabel& totals() const { return *m_totals; }
    QLabel& priceLabel() const { return *m_price; }
    QPushButton& createButton() const { return *m_create; }
    QPushButton& continueButton() const { return *m_continue; }
    QCheckBox& acceptWarnings() const { return *m_accept; }
    QLabel& status() const { return *m_status; }
    bool isPriced() const { return m_info.goods.has_value() && m_info.member.has_value(); }
    qint64 batchId() const { return m_batchId; }
    qint64 openBatch() const { return m_openBatch; }

Q_SIGNALS:
    void priced();
    void runFinished(int created, int failed, int unfinished);

private:
    enum Column { ColLine, ColAccount, ColQuantity, ColUnit, ColTotal, ColProblem, ColResult, ColumnCount };

    QLineEdit* lookupField(int kind);
    void loadBuyer();
    void findOpenBatch();
    void revalidate();
    void present();
    void updateState();
    void askAndCreate();
    void attachRun(models::BatchOrderRun* run);
    int rowOfLine(qint64 lineNo) const;

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    qint64 m_memberId = 0;
    qint64 m_goodsId = 0;
    storage::enterprisebatches::BuyerGoods m_info;
    core::MemberPrice m_unitPrice;
    QList<core::BatchOrderLine> m_lines;
    QHash<qint64, QString> m_results;
    qint64 m_batchId = 0;
    int m_unfinished = 0;
    qint64 m_openBatch = 0; // an earlier batch of the member with unfinished lines (a crash, a stop)
    int m_openLines = 0;
    QPointer<models::BatchOrderRun> m_run;

    QLineEdit* m_member = nullptr;
    QLineEdit* m_goods = nullptr;
    QLabel* m_price = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_encoding = nullptr;
    QTableWidget* m_preview = nullptr;
    QLabel* m_totals = nullptr;
    QCheckBox* m_accept = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_continue = nullptr;
    QTimer* m_debounce = nullptr;
};

} // namespace cardops::ui
