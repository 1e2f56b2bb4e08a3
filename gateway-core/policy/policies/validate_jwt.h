#pragma once

#include <jwt/validator.h>
#include <policy/compiler.h>
#include <policy/policy.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gw::policy {

// The token check shared by validate-jwt and validate-azure-ad-token: where the token comes from, the validator's
// settings (literal, or templates evaluated per request), OpenID sources of keys, and the error answer.
struct JwtCheck {
    enum class Source { Header, Query, Value };
    struct KeyTemplate {
        std::optional<Template> text; // Base64 symmetric key, PEM, Base64 DER certificate or JWK (set)
        std::optional<Template> modulus;
        std::optional<Template> exponent;
        std::optional<Template> id; // matched against the token's kid
        SourceRange range;
    };
    struct ClaimTemplate {
        std::string name;
        jwt::RequiredClaim::Match match = jwt::RequiredClaim::Match::All;
        std::string separator;
        std::vector<Template> values;
    };
    struct KeySource {
        Template url;
        bool discovery = true; // an OpenID configuration document (else the URL is a JWK set itself)
    };

    Source source = Source::Header;
    Template sourceName; // header or query parameter name, or the token itself
    std::optional<Template> requireScheme;
    Template status;
    std::optional<Template> errorMessage;
    std::string outputVariable;
    Template requireExpirationTime;
    Template requireSignedTokens;
    Template clockSkew;
    std::vector<KeyTemplate> keys;
    std::vector<Template> issuers;
    std::vector<Template> audiences;
    std::vector<ClaimTemplate> claims;
    std::vector<KeySource> keySources;
    // validate-azure-ad-token: azp (v2) or appid (v1) must be one of the ids (none known: every token is refused).
    bool clientApplicationsChecked = false;
    std::vector<std::string> clientApplicationIds;
    // Built once when nothing above depends on the request.
    std::shared_ptr<const jwt::Validator> validator;

    // Reads what both policies share from `element`'s children (issuer-signing-keys, audiences, issuers,
    // required-claims, openid-config) and, when everything is literal, builds the validator.
    // The token source (header-name, query-parameter-name or token-value; Authorization with the Bearer scheme by
    // default), failed-validation-httpcode and -error-message, output-token-variable-name. False: nothing to build.
    bool readCommonAttributes(const Element &element, Compiler &compiler);
    void readChildren(const Element &element, Compiler &compiler);
    void prepare(Compiler &compiler, const SourceRange &range);
    Flow apply(Run &run) const;

private:
    struct Attempt;
    std::shared_ptr<const jwt::Validator> validatorFor(Run &run) const;
    Flow fetchNext(Run &run, const std::shared_ptr<Attempt> &attempt) const;
    Flow finish(Run &run, const std::shared_ptr<Attempt> &attempt) const;
    Flow conclude(Run &run, const std::string &token, const jwt::Validation &validation) const;
    Flow reject(Run &run, jwt::Reason reason, const std::string &message) const;
};

// <validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer" ...>
//   <openid-config url="..."/> <issuer-signing-keys><key>...</key></issuer-signing-keys>
//   <audiences><audience>...</audience></audiences> <issuers><issuer>...</issuer></issuers>
//   <required-claims><claim name="role" match="any"><value>reader</value></claim></required-claims>
// </validate-jwt>
class ValidateJwtPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit ValidateJwtPolicy(JwtCheck check) : m_check(std::move(check)) {}

private:
    JwtCheck m_check;
};

} // namespace gw::policy
