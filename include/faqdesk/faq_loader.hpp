#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <faqdesk/faq.hpp>

namespace faqdesk {

// What a FAQ file may hold, so that a hostile or broken file is refused in
// bounded time and memory. Documented in faqdesk(1).
struct LoadLimits {
  std::uint64_t max_bytes = 32 << 20;      // the file (FAQDESK_MAX_FAQ_BYTES overrides)
  std::size_t max_depth = 32;               // nesting of lists and mappings
  std::size_t max_nodes = 5'000'000;        // values of any kind
  std::size_t max_scalar_bytes = 1 << 20;   // one value
};

// Parse and validate `text` (YAML or JSON) named `name` in messages.
// Throw Error carrying every problem found (up to a cap) when it is invalid:
// beyond the YAML, a NUL byte, invalid UTF-8, anchors and aliases, a second
// document, and anything past `limits` are refused before any tree is built.
Faq load_faq_text(std::string_view text, const std::string& name, const LoadLimits& limits = {});

// Read and load the file at `path`.
Faq load_faq_file(const std::filesystem::path& path, const LoadLimits& limits = {});
// What a file faqdesk reads is called in its messages.
struct InputKind {
  std::string_view noun;  // "FAQ file": "PATH: is a directory, not a FAQ file"
  std::string_view most;  // "a FAQ": "larger than N bytes, the most a FAQ may be"
  std::string_view want;  // "a faq.yaml file": "give faqdesk a faq.yaml file"
  std::string_view raise; // how to allow more, or empty
};
inline constexpr InputKind faq_input{"FAQ file", "a FAQ", "a faq.yaml file",
                                     " (set FAQDESK_MAX_FAQ_BYTES to allow more)"};
inline constexpr InputKind answers_input{"answers file", "an answers file", "a YAML or JSON file of answers", ""};

// The bytes of `path` ("-": standard input), in bounded time and memory: a
// directory, FIFO or device is refused at once, and no more than one byte past
// `max_bytes` is read. Throws Error, worded for `kind`.
std::string read_input(const std::string& path, std::uint64_t max_bytes, const InputKind& kind);

// The bytes of the FAQ file at `path` (read_input for a FAQ).
std::string read_faq_file(const std::filesystem::path& path, const LoadLimits& limits = {});

// The most diagnostics one load reports.
inline constexpr std::size_t max_diagnostics = 50;

} // namespace faqdesk

#include <map>

namespace faqdesk {
// Parse a YAML or JSON mapping of screening answers (question id -> answer)
// from `text`, named `name` in messages. Throw Error when it is not one.
// What an answers file may hold.
inline constexpr LoadLimits answers_limits{1 << 20, 4, 10'000, 4096};
std::map<std::string, std::string> load_answers_text(std::string_view text, const std::string& name);
} // namespace faqdesk
