#include "authentication_basic.h"

#include <policy/run.h>

#include <openssl/evp.h>

namespace gw::policy {

PolicyDescription AuthenticationBasicPolicy::describe()
{
    return {
        .name = "authentication-basic",
        .sections = Inbound,
        .help = "Authenticates to the backend with HTTP Basic: sets the Authorization header of the backend request.",
        .attributes = {{.name = "username", .required = true, .help = "Usually a {{named value}}."},
                       {.name = "password", .required = true, .help = "Usually a secret {{named value}}."}},
    };
}

std::shared_ptr<const Policy> AuthenticationBasicPolicy::create(const Element &element, Compiler &compiler)
{
    auto username = compiler.attribute(element, "username");
    auto password = compiler.attribute(element, "password");
    if (!username || !password)
        return nullptr;
    return std::make_shared<AuthenticationBasicPolicy>(std::move(*username), std::move(*password));
}

Flow AuthenticationBasicPolicy::apply(Run &run) const
{
    auto username = run.text(m_username);
    auto password = run.text(m_password);
    if (!username || !password)
        return Flow::Fail;
    const std::string credentials = *username + ":" + *password;
    std::string encoded(4 * ((credentials.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(encoded.data()),
                                       reinterpret_cast<const unsigned char *>(credentials.data()),
                                       static_cast<int>(credentials.size()));
    encoded.resize(static_cast<std::size_t>(length));
    run.headers().set("Authorization", "Basic " + encoded);
    // The value is a credential: the trace names the header, never its value.
    if (run.tracing())
        run.note("request header Authorization: set (Basic, user " + *username + ")");
    return Flow::Continue;
}

} // namespace gw::policy
