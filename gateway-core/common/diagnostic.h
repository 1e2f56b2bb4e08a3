#pragma once

#include <string>
#include <vector>

namespace gw {

enum class Severity {
    Error,   // the thing cannot be used as written
    Warning, // it can be used, but probably not as meant
    Note,    // extra information attached to the message before it
};

// A place in a user's file. Lines and columns count from 1; 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string pointer; // a JSON pointer into `file` ("/properties/path") when the place is a JSON value
};

// One problem found in user input: a workspace file, a policy, an expression.
struct Diagnostic {
    SourceLocation location;
    Severity severity = Severity::Error;
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

const char *toString(Severity severity);

// "file:line:col: severity: message", the form compilers and editors understand.
std::string format(const Diagnostic &diagnostic);

bool hasErrors(const Diagnostics &diagnostics);

// Line and column (from 1) of a byte offset into a text.
SourceLocation locate(std::string file, const std::string &text, std::size_t offset);

} // namespace gw
