#pragma once

#include <policy/scopes.h>

#include <QColor>

class QPalette;

namespace gh::policies {

// The colours that tell scopes apart, in the flow and in the effective policy alike. They follow the palette, so
// they read on light and dark themes: a strong accent for stripes and badges, a faint tint for backgrounds.
bool isDark(const QPalette &palette);
QColor scopeAccent(gw::policy::Scope scope, const QPalette &palette);
QColor scopeTint(gw::policy::Scope scope, const QPalette &palette);

} // namespace gh::policies
