#pragma once
#include <cstddef>
#include <string>

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
std::string render_entry(const Entry& e, const TextStyle& style);
std::string render_answer(const Faq& faq, const SearchResult& r, const TextStyle& style, bool explain);
std::string render_no_answer(const Faq& faq, const SearchResult& r, const TextStyle& style, bool explain);
std::string render_assessment(const Faq& faq, const Assessment& a, const TextStyle& style);
// "$7,000"
std::string format_usd(double amount);

} // namespace faqdesk
