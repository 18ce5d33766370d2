#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <faqdesk/faq.hpp>
#include <faqdesk/screening.hpp>
#include <faqdesk/search_index.hpp>

namespace faqdesk {

// How text output looks; the command layer fills it from the terminal.
struct TextStyle {
  std::size_t width = 80;
  bool colour = false;
};

// Every renderer escapes control characters from the FAQ or the query.
std::string render_list(const Faq& faq);
// An entry: question, the `short` line marked, the answer; `related_line`
// adds "Related: id, id".
std::string render_entry(const Entry& e, const TextStyle& style, bool related_line = true);
// The best match: the entry with its confidence.
std::string render_best(const Faq& faq, const Match& best, const TextStyle& style);
// `title`, then the entries numbered from 1 (nothing when `entries` is empty).
std::string render_numbered(const Faq& faq, const std::vector<std::size_t>& entries, std::string_view title,
                            const TextStyle& style);
std::string render_answer(const Faq& faq, const SearchResult& r, const TextStyle& style, bool explain);
std::string render_no_answer(const Faq& faq, const SearchResult& r, const TextStyle& style, bool explain);
std::string render_assessment(const Faq& faq, const Assessment& a, const TextStyle& style);
// "$7,000"
std::string format_usd(double amount);

} // namespace faqdesk
