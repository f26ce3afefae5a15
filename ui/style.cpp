#include "ui/style.h"

#include <QApplication>
#include <QFont>
#include <QStyleFactory>

namespace cardops::ui {

void applyStyle(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QFont font = app.font();
    // Noto Sans CJK SC (Debian's fonts-noto-cjk) renders Chinese cleanly next to Latin digits.
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Microsoft YaHei"),
                      QStringLiteral("PingFang SC"), font.family()});
    font.setPointSize(10);
    app.setFont(font);
    app.setStyleSheet(QStringLiteral(R"(
QListWidget#navigation { background: #1f2a37; color: #d8dee6; border: none; min-width: 150px;
    max-width: 170px; font-size: 11pt; padding-top: 8px; }
QListWidget#navigation::item { padding-left: 18px; border: none; }
QListWidget#navigation::item:selected { background: #2f6fde; color: white; }
QListWidget#navigation::item:hover:!selected { background: #2a3849; }
QStackedWidget#pages > QWidget { background: #f6f7f9; }
QLabel#pageTitle { font-size: 16pt; font-weight: 600; color: #1f2a37; padding: 4px 0; }
QLabel#pageHint { color: #5b6675; }
QLabel#emptyHeadline { font-size: 14pt; color: #1f2a37; }
QLabel#emptyText { color: #5b6675; }
QPushButton#tile { background: white; border: 1px solid #dde1e6; border-radius: 8px; text-align: left; }
QPushButton#tile:hover { border-color: #2f6fde; }
QPushButton#tile[alert="true"] { border-left: 4px solid #d9822b; }
QLabel#tileCount { font-size: 24pt; font-weight: 600; color: #1f2a37; }
QLabel#tileLabel { color: #5b6675; font-size: 11pt; }
QStatusBar QLabel { padding: 0 8px; border-right: 1px solid #d0d4da; }
QTableView { background: white; alternate-background-color: #f8f9fb; gridline-color: #eceef1; }
QPushButton#newOrdersBar { background: #e8f0fe; color: #1a56c4; border: 1px solid #b8cdf5; border-radius: 4px; padding: 6px; font-weight: 600; }
QPushButton#newOrdersBar:hover { background: #d6e4fd; }
QHeaderView::section { background: #eef0f3; padding: 4px 6px; border: none;
    border-right: 1px solid #dde1e6; font-weight: 600; }
)"));
}

} // namespace cardops::ui
