#pragma once

#include <string>

namespace gh::test {

// A policy of about 300 lines (set-header and set-variable with expressions in inbound): what the editor's
// keystroke measurements type into.
inline std::string policyOf300Lines()
{
    std::string text = "<policies>\n\t<inbound>\n\t\t<base />\n";
    int lines = 3;
    for (int i = 0; lines < 290; ++i) {
        text += "\t\t<set-header name=\"X-H" + std::to_string(i) +
                "\" exists-action=\"override\">\n\t\t\t<value>@(context.Request.Headers.GetValueOrDefault(\"a\", "
                "\"b\") + \"-" +
                std::to_string(i) + "\")</value>\n\t\t</set-header>\n";
        text += "\t\t<set-variable name=\"v" + std::to_string(i) +
                "\" value=\"@(context.Request.Url.Query.GetValueOrDefault(&quot;q&quot;, &quot;&quot;))\" />\n";
        lines += 4;
    }
    text += "\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n"
            "\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>\n";
    return text;
}

} // namespace gh::test
