#pragma once
#include <string_view>

namespace faqdesk {
// Return the project version from CMake, e.g. "0.1.0".
std::string_view version();
// Return the short git revision of the build's checkout, or "" outside one.
std::string_view git_revision();
// Return the bytes of the faq.yaml compiled into the binary.
std::string_view embedded_faq();
} // namespace faqdesk
