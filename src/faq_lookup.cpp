#include <faqdesk/faq_lookup.hpp>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/text.hpp>
#include <faqdesk/version.hpp>

namespace faqdesk {

std::string installed_faq_path() {
  // Beside an installed binary (PREFIX/bin/faqdesk -> PREFIX/share/faqdesk),
  // whatever prefix it was installed to; else where the build was configured for.
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto beside = exe.parent_path().parent_path() / "share" / "faqdesk" / "faq.yaml";
    if (std::filesystem::is_regular_file(beside, ec)) return beside.string();
  }
  return FAQDESK_INSTALLED_FAQ;
}

FaqLocation locate_faq(const std::optional<std::string>& option, const char* env) {
  using Kind = FaqLocation::Kind;
  if (option) return {Kind::option, *option};
  if (env != nullptr && *env != '\0') return {Kind::environment, env};
  std::error_code ec;
  if (std::filesystem::exists("faq.yaml", ec)) return {Kind::working_dir, "faq.yaml"};
  if (std::filesystem::exists(installed_faq_path(), ec)) return {Kind::installed, installed_faq_path()};
  return {Kind::embedded, ""};
}

FaqSource read_faq_source(const FaqLocation& where, const LoadLimits& limits) {
  if (where.kind == FaqLocation::Kind::embedded) return {std::string(embedded_faq()), "(built-in faq.yaml)"};
  return {read_input(where.path, limits.max_bytes, faq_input), where.path == "-" ? "(stdin)" : where.path};
}

Faq load_faq(const FaqLocation& where, const LoadLimits& limits) {
  FaqSource src = read_faq_source(where, limits);
  return load_faq_text(src.text, src.name, limits);
}

LoadLimits limits_from_env(const char* max_bytes) {
  LoadLimits limits;
  if (max_bytes == nullptr || *max_bytes == '\0') return limits;
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(max_bytes, &end, 10);
  if (errno != 0 || end == max_bytes || *end != '\0' || v == 0 || std::string_view(max_bytes).starts_with("-"))
    throw Error(fmt::format("FAQDESK_MAX_FAQ_BYTES must be a number of bytes, not '{}'", printable(max_bytes)));
  limits.max_bytes = v;
  return limits;
}

} // namespace faqdesk
