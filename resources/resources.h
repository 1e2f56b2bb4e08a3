#pragma once

#include <QString>

namespace gh::resources {

// The bundled sample workspace (an APIOps artifacts root): beside the installed
// executable, else in the source tree of a development build. Empty when neither exists.
QString sampleWorkspace();

} // namespace gh::resources
