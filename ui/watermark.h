#pragma once

#include <QWidget>

namespace cardops::ui {

// A faint label painted over its parent (演示数据 on the demo), following its size and letting
// every click through. UI thread.
class Watermark : public QWidget
{
    Q_OBJECT
public:
    Watermark(const QString& text, QWidget* parent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_text;
};

} // namespace cardops::ui
