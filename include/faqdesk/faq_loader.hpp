#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include <faqdesk/faq.hpp>

namespace faqdesk {

// Parse and validate `text` (YAML or JSON) named `name` in messages.
// Throw Error carrying every problem found (up to a cap) when it is invalid.
Faq load_faq_text(std::string_view text, const std::string& name);

// Read and load the file at `path`.
Faq load_faq_file(const std::filesystem::path& path);
// The bytes of the FAQ file at `path`; throws Error when it cannot be read.
std::string read_faq_file(const std::filesystem::path& path);

// The most diagnostics one load reports.
inline constexpr std::size_t max_diagnostics = 50;

} // namespace faqdesk

#include <map>

namespace faqdesk {
// Parse a YAML or JSON mapping of screening answers (question id -> answer)
// from `text`, named `name` in messages. Throw Error when it is not one.
std::map<std::string, std::string> load_answers_text(std::string_view text, const std::string& name);
} // namespace faqdesk
