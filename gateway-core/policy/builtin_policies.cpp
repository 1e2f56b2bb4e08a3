#include "registry.h"

#include "policies/authentication_basic.h"
#include "policies/authentication_certificate.h"
#include "policies/authentication_managed_identity.h"
#include "policies/cache_lookup.h"
#include "policies/cache_store.h"
#include "policies/cache_value.h"
#include "policies/check_header.h"
#include "policies/choose.h"
#include "policies/cors.h"
#include "policies/emit_metric.h"
#include "policies/find_and_replace.h"
#include "policies/forward_request.h"
#include "policies/include_fragment.h"
#include "policies/ip_filter.h"
#include "policies/json_to_xml.h"
#include "policies/limit_concurrency.h"
#include "policies/log_to_eventhub.h"
#include "policies/mock_response.h"
#include "policies/quota.h"
#include "policies/rate_limit.h"
#include "policies/retry.h"
#include "policies/return_response.h"
#include "policies/rewrite_uri.h"
#include "policies/send_request.h"
#include "policies/set_backend_service.h"
#include "policies/set_body.h"
#include "policies/set_header.h"
#include "policies/set_method.h"
#include "policies/set_query_parameter.h"
#include "policies/set_status.h"
#include "policies/set_variable.h"
#include "policies/trace.h"
#include "policies/validate_azure_ad_token.h"
#include "policies/validate_client_certificate.h"
#include "policies/validate_content.h"
#include "policies/validate_headers.h"
#include "policies/validate_jwt.h"
#include "policies/validate_parameters.h"
#include "policies/validate_status_code.h"
#include "policies/wait.h"
#include "policies/xml_to_json.h"

namespace gw::policy {

std::span<const PolicyType> builtinPolicies()
{
    static constexpr PolicyType policies[] = {
        policyType<AuthenticationBasicPolicy>(),
        policyType<AuthenticationCertificatePolicy>(),
        policyType<AuthenticationManagedIdentityPolicy>(),
        policyType<CacheLookupPolicy>(),
        policyType<CacheLookupValuePolicy>(),
        policyType<CacheRemoveValuePolicy>(),
        policyType<CacheStorePolicy>(),
        policyType<CacheStoreValuePolicy>(),
        policyType<CheckHeaderPolicy>(),
        policyType<ChoosePolicy>(),
        policyType<CorsPolicy>(),
        policyType<EmitMetricPolicy>(),
        policyType<FindAndReplacePolicy>(),
        policyType<ForwardRequestPolicy>(),
        policyType<IncludeFragmentPolicy>(),
        policyType<IpFilterPolicy>(),
        policyType<JsonToXmlPolicy>(),
        policyType<LimitConcurrencyPolicy>(),
        policyType<LogToEventHubPolicy>(),
        policyType<MockResponsePolicy>(),
        policyType<QuotaPolicy>(),
        policyType<QuotaByKeyPolicy>(),
        policyType<RateLimitPolicy>(),
        policyType<RateLimitByKeyPolicy>(),
        policyType<RetryPolicy>(),
        policyType<ReturnResponsePolicy>(),
        policyType<RewriteUriPolicy>(),
        PolicyType{&SendRequestPolicy::describeOneWay, &SendRequestPolicy::createOneWay},
        policyType<SendRequestPolicy>(),
        policyType<SetBackendServicePolicy>(),
        policyType<SetBodyPolicy>(),
        policyType<SetHeaderPolicy>(),
        policyType<SetMethodPolicy>(),
        policyType<SetQueryParameterPolicy>(),
        policyType<SetStatusPolicy>(),
        policyType<SetVariablePolicy>(),
        policyType<TracePolicy>(),
        policyType<ValidateAzureAdTokenPolicy>(),
        policyType<ValidateClientCertificatePolicy>(),
        policyType<ValidateContentPolicy>(),
        policyType<ValidateHeadersPolicy>(),
        policyType<ValidateJwtPolicy>(),
        policyType<ValidateParametersPolicy>(),
        policyType<ValidateStatusCodePolicy>(),
        policyType<WaitPolicy>(),
        policyType<XmlToJsonPolicy>(),
    };
    return policies;
}

} // namespace gw::policy
