#include "policy_flow_style.h"

#include <QPalette>

namespace gh::policies {

namespace {

int hueOf(gw::policy::Scope scope)
{
    switch (scope) {
    case gw::policy::Scope::Global:
        return 212; // blue
    case gw::policy::Scope::Product:
        return 280; // violet
    case gw::policy::Scope::Api:
        return 160; // teal
    case gw::policy::Scope::Operation:
        return 32; // amber
    }
    return 0;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor scopeAccent(gw::policy::Scope scope, const QPalette &palette)
{
    return isDark(palette) ? QColor::fromHsl(hueOf(scope), 170, 150) : QColor::fromHsl(hueOf(scope), 170, 95);
}

QColor scopeTint(gw::policy::Scope scope, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor accent = scopeAccent(scope, palette);
    // A blend towards the accent that keeps text on it as readable as on the base.
    const qreal amount = isDark(palette) ? 0.22 : 0.13;
    return QColor::fromRgbF(base.redF() + (accent.redF() - base.redF()) * amount,
                            base.greenF() + (accent.greenF() - base.greenF()) * amount,
                            base.blueF() + (accent.blueF() - base.blueF()) * amount);
}

} // namespace gh::policies
