#include "ui/emptystatepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cardops::ui {

EmptyStatePage::EmptyStatePage(const QString& title, const QString& headline, const QString& explanation,
                               QWidget* parent)
    : Page(parent)
{
    auto* heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto* big = new QLabel(headline, this);
    big->setObjectName(QStringLiteral("emptyHeadline"));
    big->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("emptyText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setFixedWidth(560); // a fixed width lets the wrapped label report its real height

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addStretch(1);
    layout->addWidget(big, 0, Qt::AlignHCenter);
    // Centred by stretches, not by an alignment flag: an aligned item loses its height-for-width
    // and a wrapped label would be cut to one line.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(text);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace cardops::ui
