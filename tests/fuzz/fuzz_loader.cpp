// libFuzzer target: bytes -> FAQ or a clean Error; a loaded FAQ builds an
// index, answers a question, and survives a trip through the cache encoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <faqdesk/error.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/search_index.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    faqdesk::Faq faq = faqdesk::load_faq_text(text, "fuzz.yaml");
    faqdesk::SearchIndex index(faq);
    index.search("how much does it cost", {3, std::nullopt, true});
    faqdesk::SearchIndex again = faqdesk::SearchIndex::restore(index.serialize(), faq);
    again.search("does it hurt");
  } catch (const faqdesk::Error&) {
  }
  return 0;
}
