#pragma once
#include <optional>
#include <string>

#include <faqdesk/faq.hpp>
#include <faqdesk/faq_loader.hpp>

namespace faqdesk {

// Where the FAQ came from, in the documented lookup order.
struct FaqLocation {
  enum class Kind { option, environment, working_dir, installed, embedded } kind;
  std::string path; // empty for the embedded copy
};

// Pick the FAQ: `option` (--faq), else `env` ($FAQDESK_FAQ), else ./faq.yaml,
// else the installed copy, else the embedded one.
FaqLocation locate_faq(const std::optional<std::string>& option, const char* env);

// The text of the FAQ at `where` and the name messages use for it.
struct FaqSource {
  std::string text;
  std::string name;
};
FaqSource read_faq_source(const FaqLocation& where, const LoadLimits& limits = {}); // throws Error

// Load the FAQ at `where` (path "-" reads standard input).
Faq load_faq(const FaqLocation& where, const LoadLimits& limits = {});

// The limits, with FAQDESK_MAX_FAQ_BYTES (`max_bytes`, may be null) applied; throws Error when it is not a number.
LoadLimits limits_from_env(const char* max_bytes);

// Path of the installed faq.yaml, fixed at build time.
std::string installed_faq_path();

} // namespace faqdesk
