#include "body_conversion.h"

#include <common/text.h>

namespace gw::policy {

std::string contentType(Run &run)
{
    return lowerAscii(run.headers().get("Content-Type").value_or(""));
}

bool dueForConversion(Run &run, std::string_view apply, bool considerAccept, std::string_view wanted,
                      std::string_view produced)
{
    if (!run.body() || run.body()->empty())
        return false;
    if (apply != "always" && contentType(run).find(wanted) == std::string::npos)
        return false;
    if (considerAccept) {
        const std::string accept = lowerAscii(run.context().request.headers.get("Accept").value_or(""));
        return accept.find(produced) != std::string::npos;
    }
    return true;
}

} // namespace gw::policy
