#include "validate_client_certificate.h"

#include <certificates/store.h>
#include <policy/run.h>

#include <algorithm>
#include <cctype>

namespace gw::policy {

namespace {

// APIM's reference page names neither the status nor the messages of this policy: 401 with these reasons, in the
// words of APIM's other certificate errors.
constexpr int failureStatus = 401;

constexpr std::string_view identityAttributes[] = {
    "thumbprint", "serial-number",  "common-name",       "subject",
    "dns-name",   "issuer-subject", "issuer-thumbprint", "issuer-certificate-id"};

// Distinguished names compare without regard to case or the spaces after separators ("CN=a,O=b" = "cn=A, O=b").
std::string normalName(std::string_view name)
{
    std::string out;
    bool afterSeparator = false;
    for (const char c : name) {
        if (c == ' ' && afterSeparator)
            continue;
        afterSeparator = c == ',' || c == ';' || c == '+';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool sameText(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// Serial numbers as hex: case, separators and leading zeros do not matter.
std::string normalSerial(std::string_view serial)
{
    std::string out;
    for (const char c : serial) {
        if (std::isxdigit(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    const auto first = out.find_first_not_of('0');
    return first == std::string::npos ? "0" : out.substr(first);
}

} // namespace

PolicyDescription ValidateClientCertificatePolicy::describe()
{
    const auto flag = [](std::string_view name, std::string_view defaultValue, std::string_view help) {
        return AttributeDescription{.name = name,
                                    .type = AttributeType::Boolean,
                                    .expressions = false,
                                    .defaultValue = defaultValue,
                                    .help = help};
    };
    return {
        .name = "validate-client-certificate",
        .sections = Inbound,
        .help = "Checks the certificate the client presented over TLS: trust, revocation, dates, and identities it "
                "must match (any one, all of its attributes).",
        .attributes = {flag("validate-revocation", "true",
                            "Refuse a certificate that a revocation list of the certificate store names."),
                       flag("validate-trust", "true",
                            "Refuse a certificate that does not chain to a trusted root (the system's, or a CA "
                            "certificate of the certificate store)."),
                       flag("validate-not-before", "true", "Refuse a certificate that is not valid yet."),
                       flag("validate-not-after", "true", "Refuse an expired certificate."),
                       flag("ignore-error", "false", "On failure, go on with the next policy instead of failing.")},
        .children = {{.name = "identities",
                      .help = "<identity thumbprint serial-number common-name subject dns-name issuer-subject "
                              "issuer-thumbprint issuer-certificate-id/> (up to 10): the certificate must match all "
                              "the attributes of one of them."}},
    };
}

std::shared_ptr<const Policy> ValidateClientCertificatePolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    const auto flag = [&](std::string_view name) { return compiler.literal(element, name) == "true"; };
    config.validateRevocation = flag("validate-revocation");
    config.validateTrust = flag("validate-trust");
    config.validateNotBefore = flag("validate-not-before");
    config.validateNotAfter = flag("validate-not-after");
    config.ignoreError = flag("ignore-error");
    for (const Element &identities : element.children) {
        if (identities.name != "identities")
            continue; // the compiler reported it
        for (const Element &item : identities.children) {
            if (item.name != "identity") {
                compiler.error(item.range, "'identities' holds <identity> elements, not <" + item.name + ">");
                continue;
            }
            for (const Attribute &attribute : item.attributes) {
                if (std::find(std::begin(identityAttributes), std::end(identityAttributes), attribute.name) ==
                    std::end(identityAttributes))
                    compiler.error(attribute.nameRange,
                                   "unknown attribute '" + attribute.name +
                                       "' of <identity>; valid: thumbprint, serial-number, common-name, subject, "
                                       "dns-name, issuer-subject, issuer-thumbprint, issuer-certificate-id");
            }
            if (item.attributes.empty())
                compiler.warning(item.range, "an <identity> without attributes matches every certificate");
            Identity identity;
            identity.thumbprint = compiler.attribute(item, "thumbprint");
            identity.serialNumber = compiler.attribute(item, "serial-number");
            identity.commonName = compiler.attribute(item, "common-name");
            identity.subject = compiler.attribute(item, "subject");
            identity.dnsName = compiler.attribute(item, "dns-name");
            identity.issuerSubject = compiler.attribute(item, "issuer-subject");
            identity.issuerThumbprint = compiler.attribute(item, "issuer-thumbprint");
            identity.issuerCertificateId = compiler.attribute(item, "issuer-certificate-id");
            if (const certificates::Store *store = compiler.certificates();
                store && identity.issuerCertificateId && identity.issuerCertificateId->isLiteral() &&
                !store->byId(identity.issuerCertificateId->text())) {
                const std::string message = "certificate '" + identity.issuerCertificateId->text() +
                                            "' is not in the certificate store (" + store->folder().string() + ")";
                const SourceRange where = item.attribute("issuer-certificate-id")->valueRange;
                compiler.lenientReferences() ? compiler.warning(where, message) : compiler.error(where, message);
            }
            config.identities.push_back(std::move(identity));
        }
        if (identities.children.size() > 10)
            compiler.warning(identities.range, "APIM accepts at most 10 identities");
    }
    return std::make_shared<ValidateClientCertificatePolicy>(std::move(config));
}

std::optional<std::string> ValidateClientCertificatePolicy::mismatch(Run &run, const Identity &identity,
                                                                     bool &failed) const
{
    const expr::ClientCertificate &certificate = *run.context().request.certificate;
    // Each attribute that is present must match; the first one that does not says why.
    const auto wanted = [&](const std::optional<Template> &value) -> std::optional<std::string> {
        if (!value)
            return std::nullopt;
        auto text = run.text(*value);
        if (!text)
            failed = true;
        return text;
    };
    if (auto thumbprint = wanted(identity.thumbprint);
        thumbprint && !certificates::sameThumbprint(*thumbprint, certificate.thumbprint))
        return "thumbprint";
    if (auto serial = wanted(identity.serialNumber);
        serial && normalSerial(*serial) != normalSerial(certificate.serialNumber))
        return "serial-number";
    if (auto name = wanted(identity.commonName); name && !sameText(*name, certificate.commonName))
        return "common-name";
    if (auto subject = wanted(identity.subject); subject && normalName(*subject) != normalName(certificate.subject))
        return "subject";
    if (auto dns = wanted(identity.dnsName);
        dns && std::none_of(certificate.dnsNames.begin(), certificate.dnsNames.end(),
                            [&](const std::string &name) { return sameText(name, *dns); }))
        return "dns-name";
    if (auto issuer = wanted(identity.issuerSubject); issuer && normalName(*issuer) != normalName(certificate.issuer))
        return "issuer-subject";
    auto issuerThumbprint = wanted(identity.issuerThumbprint);
    auto issuerId = wanted(identity.issuerCertificateId);
    if (failed)
        return "an attribute's expression failed";
    if (issuerThumbprint || issuerId) {
        // The issuer is a certificate the client sent along or one of the store's, that signed this one.
        certificates::Certificate subject;
        subject.der = certificate.der;
        std::vector<certificates::Certificate> candidates;
        for (const std::string &der : certificate.chain) {
            if (auto parsed = certificates::fromDer(der))
                candidates.push_back(std::move(parsed.value()));
        }
        const certificates::Store &store = run.services().certificates();
        for (const auto &stored : store.all())
            candidates.push_back(*stored);
        const auto issuedBy = [&](const std::function<bool(const certificates::Certificate &)> &which) {
            return std::any_of(candidates.begin(), candidates.end(), [&](const certificates::Certificate &issuer) {
                return which(issuer) && certificates::issuedBy(subject, issuer);
            });
        };
        if (issuerThumbprint && !issuedBy([&](const certificates::Certificate &issuer) {
                return certificates::sameThumbprint(issuer.thumbprint, *issuerThumbprint);
            }))
            return "issuer-thumbprint";
        if (issuerId) {
            auto issuer = store.byId(*issuerId);
            if (!issuer || !certificates::issuedBy(subject, *issuer))
                return "issuer-certificate-id";
        }
    }
    return std::nullopt;
}

Flow ValidateClientCertificatePolicy::apply(Run &run) const
{
    const auto refuse = [&](std::string reason, std::string message) {
        if (m_config.ignoreError) {
            if (run.tracing())
                run.traceMessage(message + " (ignored: ignore-error)");
            return Flow::Continue;
        }
        return run.fail(std::move(reason), std::move(message), failureStatus);
    };
    const auto &presented = run.context().request.certificate;
    if (!presented)
        return refuse("ClientCertificateNotPresent", "Client certificate is not present.");
    const auto now = std::chrono::system_clock::now();
    if (m_config.validateNotBefore && now < presented->notBefore)
        return refuse("ClientCertificateNotYetValid", "Client certificate is not yet valid.");
    if (m_config.validateNotAfter && now > presented->notAfter)
        return refuse("ClientCertificateExpired", "Client certificate has expired.");
    if (m_config.validateTrust || m_config.validateRevocation) {
        certificates::Certificate subject;
        subject.der = presented->der;
        const auto verdict =
            run.services().certificates().verify(subject, m_config.validateRevocation, presented->chain);
        if (verdict.trust == certificates::Store::Trust::Revoked)
            return refuse("ClientCertificateRevoked", "Client certificate has been revoked.");
        if (m_config.validateTrust && verdict.trust != certificates::Store::Trust::Trusted) {
            if (run.tracing())
                run.traceMessage("chain: " + verdict.detail);
            return refuse("ClientCertificateNotTrusted", "Client certificate is not trusted.");
        }
    }
    if (!m_config.identities.empty()) {
        std::string why;
        bool matched = false;
        for (const Identity &identity : m_config.identities) {
            bool failed = false;
            auto reason = mismatch(run, identity, failed);
            if (failed)
                return Flow::Fail;
            if (!reason) {
                matched = true;
                break;
            }
            why += (why.empty() ? "" : ", ") + *reason;
        }
        if (!matched) {
            if (run.tracing())
                run.traceMessage("identities not matched on: " + why);
            return refuse("ClientCertificateIdentityNotAllowed",
                          "Client certificate does not match any of the allowed identities.");
        }
    }
    if (run.tracing())
        run.note("client certificate accepted: " + presented->subject + " (" + presented->thumbprint + ")");
    return Flow::Continue;
}

} // namespace gw::policy
