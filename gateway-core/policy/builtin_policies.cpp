#include "registry.h"

#include "policies/check_header.h"
#include "policies/choose.h"
#include "policies/find_and_replace.h"
#include "policies/forward_request.h"
#include "policies/include_fragment.h"
#include "policies/json_to_xml.h"
#include "policies/mock_response.h"
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
#include "policies/wait.h"
#include "policies/xml_to_json.h"

namespace gw::policy {

std::span<const PolicyType> builtinPolicies()
{
    static constexpr PolicyType policies[] = {
        policyType<CheckHeaderPolicy>(),
        policyType<ChoosePolicy>(),
        policyType<FindAndReplacePolicy>(),
        policyType<ForwardRequestPolicy>(),
        policyType<IncludeFragmentPolicy>(),
        policyType<JsonToXmlPolicy>(),
        policyType<MockResponsePolicy>(),
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
        policyType<WaitPolicy>(),
        policyType<XmlToJsonPolicy>(),
    };
    return policies;
}

} // namespace gw::policy
