#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace cardops::ui {

// Asks how to refund (退款) or reject (驳回) orders: for one order a full or a partial amount in
// yuan (exact, to the cent, at most what is left: paid − refunded), for several only the full
// amounts; always a reason code; a note (required for a rejection and for the reason "other").
// Amounts are units of 1/10000 yuan. UI thread.
class RefundDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Refund, Reject };
    struct Target
    {
        QString orderNo;
        qint64 leftUnits = 0; // paid − refunded
    };

    RefundDialog(Mode mode, QList<Target> targets, QWidget* parent = nullptr);

    bool isFull() const;
    // The amount of a partial refund of the one order; the full amounts otherwise (amountOf()).
    qint64 partialUnits() const;
    qint64 totalUnits() const; // what the refund comes to across the orders
    QString reasonCode() const;
    QString note() const;

    // The input fields (tests fill them).
    QRadioButton& partialButton() const { return *m_partial; }
    QLineEdit& amountField() const { return *m_amount; }
    QComboBox& reasonField() const { return *m_reason; }
    QLineEdit& noteField() const { return *m_note; }
    bool canAccept() const;
    QString problem() const { return m_problem; }

    // The words of a refund reason code.
    static QString reasonName(const QString& code);

private:
    void check();

    Mode m_mode;
    QList<Target> m_targets;
    QRadioButton* m_full = nullptr;
    QRadioButton* m_partial = nullptr;
    QLineEdit* m_amount = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_problem;
    qint64 m_partialUnits = 0;
};

} // namespace cardops::ui
