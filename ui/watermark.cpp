#include "ui/watermark.h"

#include <QEvent>
#include <QPainter>

namespace cardops::ui {

Watermark::Watermark(const QString& text, QWidget* parent)
    : QWidget(parent)
    , m_text(text)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setObjectName(QStringLiteral("watermark"));
    parent->installEventFilter(this);
    setGeometry(parent->rect());
    raise();
}

bool Watermark::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parent()) {
        if (event->type() == QEvent::Resize)
            setGeometry(parentWidget()->rect());
        else if (event->type() == QEvent::ChildAdded || event->type() == QEvent::LayoutRequest)
            raise();
    }
    return QWidget::eventFilter(watched, event);
}

void Watermark::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    p.setFont(font);
    p.setPen(QColor(200, 60, 40, 150));
    // A stamp in the top-right corner: always visible, never over the data an operator reads.
    const QRect box = rect().adjusted(0, 10, -18, 0);
    p.drawText(box, Qt::AlignTop | Qt::AlignRight, m_text);
}

} // namespace cardops::ui
