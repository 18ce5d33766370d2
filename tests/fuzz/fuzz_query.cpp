// libFuzzer target: bytes as a caller's question -> matches, rendered as text
// and as JSON, against the default FAQ.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <faqdesk/faq_loader.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/search_index.hpp>
#include <faqdesk/text_output.hpp>
#include <faqdesk/version.hpp>

namespace {
struct Clinic {
  faqdesk::Faq faq = faqdesk::load_faq_text(faqdesk::embedded_faq(), "faq.yaml");
  faqdesk::SearchIndex index{faq};
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Clinic clinic;
  std::string_view query(reinterpret_cast<const char*>(data), size);
  faqdesk::SearchResult r = clinic.index.search(query, {5, std::nullopt, true});
  faqdesk::TextStyle style;
  if (r.matches.empty()) faqdesk::render_no_answer(clinic.faq, r, style, true);
  else faqdesk::render_answer(clinic.faq, r, style, true);
  faqdesk::dump_line(faqdesk::result_json(clinic.faq, query, r, true));
  return 0;
}
