// Private to the goods editor's two files (goodseditordialog.cpp, goodseditorprices.cpp).
#pragma once

#include "core/money.h"

#include <QColor>
#include <QLabel>
#include <QString>
#include <optional>

namespace cardops::ui::goodseditor {

inline const QColor kRed{0xC6, 0x28, 0x28};
inline const QString kBadField =
    QStringLiteral("QLineEdit { border: 1px solid #C62828; border-radius: 2px; padding: 2px; }");

// A price as typed: exact, not negative; nothing when it is not one.
inline std::optional<core::Money> parseMoney(const QString& text)
{
    auto m = core::Money::parse(text.trimmed());
    if (!m || m->isNegative())
        return std::nullopt;
    return m.value();
}

inline void colour(QLabel* label, std::optional<QColor> c)
{
    label->setStyleSheet(c ? QStringLiteral("color: %1;").arg(c->name()) : QString());
}

inline QLabel* hint(const QString& text, QWidget* parent)
{
    auto* l = new QLabel(text, parent);
    l->setObjectName(QStringLiteral("pageHint"));
    l->setWordWrap(true);
    return l;
}

} // namespace cardops::ui::goodseditor
