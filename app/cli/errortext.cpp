#include "app/cli/errortext.h"

namespace cardops::app {

QString ErrorText::summary(core::ErrorCode code)
{
    using core::ErrorCode;
    switch (code) {
    case ErrorCode::InvalidArgument:
        return tr("The input is not valid.");
    case ErrorCode::Parse:
        return tr("The text could not be read.");
    case ErrorCode::Encoding:
        return tr("The file is neither UTF-8 nor GBK/GB18030 text.");
    case ErrorCode::Io:
        return tr("The file could not be read or written (check the disk space and permissions).");
    case ErrorCode::Crypto:
        return tr("Decryption failed: the key is wrong or the data was altered.");
    case ErrorCode::PermissionDenied:
        return tr("Your role does not allow this action.");
    case ErrorCode::NotFound:
        return tr("Not found.");
    case ErrorCode::Conflict:
        return tr("The change conflicts with existing data.");
    case ErrorCode::Storage:
        return tr("The local database reported an error.");
    case ErrorCode::NotADatabase:
        return tr("This file is not a CardOps database. It was left unchanged.");
    case ErrorCode::NotCardOps:
        return tr("This is a database of another program, not CardOps. It was left unchanged.");
    case ErrorCode::CorruptDatabase:
        return tr(
            "The database file is damaged. It was left unchanged; restore a backup or resync the profile.");
    case ErrorCode::NewerSchema:
        return tr("This database was written by a newer CardOps. It was left unchanged; update CardOps to "
                  "open it.");
    case ErrorCode::Busy:
        return tr("The database is busy in another program. Try again in a moment.");
    }
    return tr("Unknown error.");
}

QString ErrorText::describe(const core::Error& error)
{
    if (error.detail.isEmpty())
        return summary(error.code);
    return summary(error.code) + u" (" + error.detail + u')';
}

} // namespace cardops::app
