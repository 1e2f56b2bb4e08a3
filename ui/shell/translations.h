#pragma once

#include <QLocale>

class QCoreApplication;

namespace gh::shell {

// Installs Qt's own translations and Gatehouse's for `locale` (the system's by
// default). Returns true when Gatehouse's translation for the locale was found.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace gh::shell
