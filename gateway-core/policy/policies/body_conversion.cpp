#include "body_conversion.h"

#include <algorithm>

namespace gw::policy {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

} // namespace

std::string contentType(Run &run)
{
    return lower(std::string(run.headers().get("Content-Type").value_or("")));
}

bool dueForConversion(Run &run, std::string_view apply, bool considerAccept, std::string_view wanted,
                      std::string_view produced)
{
    if (!run.body() || run.body()->empty())
        return false;
    if (apply != "always" && contentType(run).find(wanted) == std::string::npos)
        return false;
    if (considerAccept) {
        const std::string accept = lower(std::string(run.context().request.headers.get("Accept").value_or("")));
        return accept.find(produced) != std::string::npos;
    }
    return true;
}

} // namespace gw::policy
