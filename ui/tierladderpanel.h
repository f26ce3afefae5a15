#pragma once

#include "models/tierladdereditor.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// 等级阶梯 (issue #10 items 3–4): the ladder as an editable table (every cell checked as it is
// typed, a bad value refused in place with the reason), a what-if of the edit over today's members
// (who would move up or down, tier by tier, beside what the current ladder does), the push to the
// platform after a confirmation naming every change, and the recent tier moves below.
class TierLadderPanel : public QWidget
{
    Q_OBJECT
public:
    TierLadderPanel(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    models::TierLadderEditor& editor() { return m_editor; }
    // The moment of the what-if's figures (tests); 0 = now.
    void setMoment(qint64 at);
    // The last what-if sentence shown.
    QString whatIfText() const;

Q_SIGNALS:
    // A what-if result is on screen.
    void whatIfShown();
    // The recent moves list was refreshed.
    void movesShown();

private:
    void rebuildTable();
    void cellEdited(int row, int column);
    void addTier();
    void removeTier();
    void showWhatIf(const models::TierWhatIf& result);
    void push();
    void pushed(const QString& error);
    void loadMoves();
    void updateActions();

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    models::TierLadderEditor m_editor;
    QTableWidget* m_table = nullptr;
    QLabel* m_editError = nullptr;
    QLabel* m_whatIf = nullptr;
    QTableWidget* m_whatIfTable = nullptr;
    QLabel* m_pushReason = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_push = nullptr;
    QTableWidget* m_moves = nullptr;
    QTimer* m_whatIfTimer = nullptr;
    bool m_filling = false;
};

} // namespace cardops::ui
