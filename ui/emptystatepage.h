#pragma once

#include "ui/page.h"

namespace cardops::ui {

// A page whose work is not there yet: it says so plainly and what to use meanwhile. UI thread.
class EmptyStatePage : public Page
{
    Q_OBJECT
public:
    EmptyStatePage(const QString& title, const QString& headline, const QString& explanation,
                   QWidget* parent = nullptr);
};

} // namespace cardops::ui
