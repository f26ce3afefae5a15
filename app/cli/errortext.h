#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace cardops::app {

// Turns a core error into words for the operator (core returns codes; the outer layer speaks).
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // One line: what happened in the operator's language, then the technical detail.
    static QString describe(const core::Error& error);
    static QString summary(core::ErrorCode code);
};

} // namespace cardops::app
