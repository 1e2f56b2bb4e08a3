#pragma once

#include <QString>

namespace gh::shell {

class MainWindow;
class Theme;

// Saves one PNG per main view of `window` into `folder` (created if needed),
// in the light and the dark theme. Returns the number of images written, or -1.
int runTour(MainWindow &window, Theme &theme, const QString &folder);

} // namespace gh::shell
