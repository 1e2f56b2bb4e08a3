#include "services.h"

namespace gw::policy {

Services::Services(ServicesOptions options) : m_options(std::move(options))
{
}

Services::~Services() = default;

} // namespace gw::policy
