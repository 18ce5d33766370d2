#include <faqdesk/faq_lookup.hpp>

#include <filesystem>
#include <iostream>
#include <iterator>

#include <faqdesk/faq_loader.hpp>
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

FaqSource read_faq_source(const FaqLocation& where) {
  if (where.kind == FaqLocation::Kind::embedded) return {std::string(embedded_faq()), "(built-in faq.yaml)"};
  if (where.path == "-") return {std::string(std::istreambuf_iterator<char>(std::cin), {}), "(stdin)"};
  return {read_faq_file(where.path), where.path};
}

Faq load_faq(const FaqLocation& where) {
  FaqSource src = read_faq_source(where);
  return load_faq_text(src.text, src.name);
}

} // namespace faqdesk
