// Every input in the fuzzing corpora (seeds, and each crash fuzzing ever found,
// kept as a regression) loads or fails with a clean Error, and every question
// is answered or abstained on; none crashes. The sanitizer build runs this too.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

#include <faqdesk/error.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/search_index.hpp>
#include <faqdesk/version.hpp>

using namespace faqdesk;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> corpus(const char* name) {
  std::vector<std::string> out;
  for (const auto& f : fs::directory_iterator(fs::path(FAQDESK_SOURCE_DIR) / "tests" / "fuzz" / name)) {
    std::ifstream in(f.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}
} // namespace

TEST_CASE("fuzz corpus: every loader input loads or is refused with an Error") {
  auto inputs = corpus("loader");
  REQUIRE(inputs.size() >= 5);
  std::size_t loaded = 0;
  for (const auto& text : inputs) {
    try {
      Faq faq = load_faq_text(text, "corpus.yaml");
      SearchIndex index(faq);
      index.search("how much does it cost");
      ++loaded;
    } catch (const Error& e) {
      CHECK(!e.diagnostics().empty());
    }
  }
  CHECK(loaded >= 3); // the valid seeds really load
}

TEST_CASE("fuzz corpus: every question gets matches or an abstention") {
  Faq faq = load_faq_text(embedded_faq(), "faq.yaml");
  SearchIndex index(faq);
  auto inputs = corpus("query");
  REQUIRE(inputs.size() >= 10);
  std::size_t answered = 0;
  for (const auto& q : inputs) {
    auto r = index.search(q, {3, std::nullopt, true});
    for (const auto& m : r.matches) CHECK(m.entry < faq.entries.size());
    answered += !r.matches.empty();
  }
  CHECK(answered > 0);
}
