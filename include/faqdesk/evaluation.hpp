#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <faqdesk/faq.hpp>
#include <faqdesk/search_index.hpp>

namespace faqdesk {

// One line of a labelled file: acceptable entry ids (none: abstaining is right).
struct LabelledQuestion {
  std::vector<std::string> ids;
  std::string question;
  std::size_t line = 0;
};

// Parse "ids<TAB>question" (`ids` comma-separated, or "-"); return nullopt
// for blank and comment lines. Throw Error naming `file` and `line` otherwise.
std::optional<LabelledQuestion> parse_labelled_line(std::string_view text, const std::string& file, std::size_t line,
                                                    const Faq& faq);

struct EvalMiss {
  LabelledQuestion expected;
  std::string got; // entry id, or "" when faqdesk abstained
  double confidence = 0;
};

struct EvalReport {
  std::size_t answerable = 0, answerable_right = 0;
  std::size_t unanswerable = 0, abstained = 0;
  std::vector<EvalMiss> misses;
  double answerable_accuracy() const;
  double abstention_rate() const;
  double overall_accuracy() const;
};

// Add the outcome of asking `q` to `report`.
void evaluate_one(const Faq& faq, const SearchIndex& index, const LabelledQuestion& q, const SearchOptions& options,
                  EvalReport& report);

} // namespace faqdesk
