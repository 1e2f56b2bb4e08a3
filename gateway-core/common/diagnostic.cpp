#include "diagnostic.h"

#include <algorithm>

namespace gw {

const char *toString(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "error";
}

std::string format(const Diagnostic &diagnostic)
{
    std::string out = diagnostic.location.file;
    if (diagnostic.location.line > 0) {
        out += ':' + std::to_string(diagnostic.location.line);
        if (diagnostic.location.column > 0)
            out += ':' + std::to_string(diagnostic.location.column);
    } else if (!diagnostic.location.pointer.empty()) {
        out += '#' + diagnostic.location.pointer;
    }
    if (!out.empty())
        out += ": ";
    out += toString(diagnostic.severity);
    out += ": ";
    out += diagnostic.message;
    return out;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

SourceLocation locate(std::string file, const std::string &text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {std::move(file), line, static_cast<int>(offset - lineStart) + 1};
}

} // namespace gw
