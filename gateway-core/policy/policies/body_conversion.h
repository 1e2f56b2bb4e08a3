#pragma once

// What json-to-xml and xml-to-json share: whether a message is due for conversion, and writing the result.

#include <policy/run.h>

#include <string_view>

namespace gw::policy {

// Whether the body should be converted: `apply` is "always" or asks for a content type (`wanted`: "json" or
// "xml") that the message has; with `considerAccept`, the caller's Accept header must ask for `produced` too.
bool dueForConversion(Run &run, std::string_view apply, bool considerAccept, std::string_view wanted,
                      std::string_view produced);

// The message's Content-Type header, or "".
std::string contentType(Run &run);

} // namespace gw::policy
