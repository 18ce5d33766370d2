// What `faqdesk check` warns about in a FAQ that loads: edits that quietly
// undo matching, found by reading each phrasing as the index reads a question.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <faqdesk/faq_lint.hpp>
#include <faqdesk/tokenizer.hpp>

namespace faqdesk {
namespace {

// The terms the index reads in `text`, sorted: two phrasings with the same
// key are the same question to it.
std::string key_of(const SearchIndex& index, std::string_view text) {
  std::vector<std::string> terms;
  for (auto& t : index.read(text)) terms.push_back(std::move(t.term));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return fmt::format("{}", fmt::join(terms, " "));
}

} // namespace

std::vector<Diagnostic> faq_warnings(const Faq& faq, const SearchIndex& index) {
  std::vector<Diagnostic> out;
  auto warn = [&](const SourcePos& pos, std::string message) {
    out.push_back({faq.source, pos.line, pos.column, std::move(message)});
  };
  const std::set<std::string, std::less<>> ignored(faq.ignore_words.begin(), faq.ignore_words.end());
  // Each phrasing's key, with the entry that first used it and its wording.
  std::map<std::string, std::pair<const Entry*, std::string_view>, std::less<>> owner;
  for (const Entry& e : faq.entries) {
    std::set<std::string, std::less<>> used_ignored;
    auto note_ignored = [&](std::string_view text) {
      for (const auto& w : tokenize(text))
        if (ignored.contains(w)) used_ignored.insert(w);
    };
    std::vector<std::string_view> phrasings{e.question};
    phrasings.insert(phrasings.end(), e.alternates.begin(), e.alternates.end());
    for (std::string_view text : phrasings) {
      note_ignored(text);
      const std::string key = key_of(index, text);
      if (key.empty()) {
        warn(e.pos, fmt::format("entry '{}': \"{}\" has only filler words, so it matches no question", e.id, text));
        continue;
      }
      auto [it, added] = owner.try_emplace(key, &e, text);
      if (!added && it->second.first != &e)
        warn(e.pos, fmt::format("entries '{}' and '{}' ask the same: \"{}\" and \"{}\"; a caller asking it gets either",
                                it->second.first->id, e.id, it->second.second, text));
    }
    for (const auto& k : e.keywords) note_ignored(k);
    for (const auto& w : used_ignored)
      warn(e.pos, fmt::format("entry '{}' uses '{}', which ignore_words lists: no question is matched on it", e.id, w));
  }
  for (const auto& q : faq.not_answered)
    if (auto it = owner.find(key_of(index, q)); it != owner.end())
      warn(it->second.first->pos, fmt::format("not_answered \"{}\" asks what entry '{}' answers (\"{}\"): a caller "
                                              "asking it gets either",
                                              q, it->second.first->id, it->second.second));
  return out;
}

} // namespace faqdesk
