#pragma once
#include <vector>

#include <faqdesk/error.hpp>
#include <faqdesk/faq.hpp>
#include <faqdesk/search_index.hpp>

namespace faqdesk {

// What `faqdesk check` warns about in a FAQ that loads, reading each phrasing
// as `index` reads a question (fillers dropped, synonyms and stems applied):
// a phrasing two entries share, or an entry and not_answered (a caller asking
// it gets either); a phrasing of fillers alone (it matches nothing); a word an
// entry uses that ignore_words lists (no question is matched on it). Each is a
// Diagnostic at its entry. And a one-word synonym whose stem another word of
// the FAQ shares without being a form of it, or that two groups list; and a
// group whose name of several words is read as one of them alone ("work
// with" as "work"): a Diagnostic at its group.
std::vector<Diagnostic> faq_warnings(const Faq& faq, const SearchIndex& index);

} // namespace faqdesk
