// What `faqdesk check` warns about in a FAQ that loads: edits that quietly
// undo matching, found by reading each phrasing as the index reads a question.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <faqdesk/faq_lint.hpp>
#include <faqdesk/text.hpp>
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

// True when `a` and `b` are forms of one word: the same stem with an
// ending such as "s", "ed" or "ing" ("rest" and "resting"), not two words
// the stemmer happens to cut alike ("experiment" and "experience").
bool inflections(std::string_view a, std::string_view b, std::string_view stem) {
  static constexpr std::string_view endings[] = {"", "s", "es", "e", "ed", "ing", "n", "ion", "ions", "er", "ers"};
  auto ending = [&](std::string_view w) {
    return w.starts_with(stem) && std::find(std::begin(endings), std::end(endings), w.substr(stem.size())) != std::end(endings);
  };
  return ending(a) && ending(b);
}

// A one-word synonym is looked up by its stem, so every word with that stem
// is read as the synonym's group: "yearly" is "year" to the stemmer, and
// listing it under 'repeat' makes "how many years will it last" ask about
// repeating. Warns when two groups list words with one stem ("quote" under
// 'cost', "quoting" under 'study': one of them loses), and when a word the
// FAQ's own text uses, in no such group, shares a synonym's stem without
// being a form of it.
template <typename Warn> void warn_stem_collisions(const Faq& faq, Warn& warn) {
  const Stemmer stemmer;
  struct Member {
    const SynonymGroup* group;
    std::string word;
  };
  std::map<std::string, Member, std::less<>> member; // stem of a one-word synonym -> first group listing it
  for (const SynonymGroup& g : faq.synonyms) {
    for (const auto& w : g.words) {
      const std::vector<std::string> words = tokenize(w);
      if (words.size() != 1) continue;
      auto [it, added] = member.try_emplace(stemmer.stem(words[0]), Member{&g, words[0]});
      if (added || it->second.group == &g) continue;
      warn(g.pos, fmt::format("synonyms '{}' (of '{}') and '{}' (of '{}') are read alike, as '{}': callers "
                              "saying either get '{}', the later group",
                              words[0], g.canonical, it->second.word, it->second.group->canonical, it->first,
                              g.canonical));
      it->second = Member{&g, words[0]};
    }
  }
  std::set<std::string, std::less<>> warned;
  auto check = [&](std::string_view text, const std::string& where) {
    for (auto& w : tokenize(text)) {
      if (is_stopword(w)) continue;
      const std::string stem = stemmer.stem(w);
      const auto it = member.find(stem);
      if (it == member.end() || inflections(w, it->second.word, stem) || warned.contains(w)) continue;
      const SynonymGroup& g = *it->second.group;
      const std::vector<std::string> name = tokenize(g.canonical);
      if (std::any_of(name.begin(), name.end(), [&](const std::string& x) { return stemmer.stem(x) == stem; }))
        continue; // read as the group's own name
      if (std::any_of(g.words.begin(), g.words.end(), [&](const std::string& x) { return to_lower_ascii(x) == w; }))
        continue;
      warned.insert(w);
      warn(g.pos, fmt::format("synonyms of '{}': '{}' is read by its stem '{}', so '{}' ({}) is read as '{}' too",
                              g.canonical, it->second.word, stem, w, where, g.canonical));
    }
  };
  for (const Entry& e : faq.entries) {
    const std::string where = fmt::format("entry '{}'", e.id);
    check(e.question, where);
    for (const auto& a : e.alternates) check(a, where);
    for (const auto& k : e.keywords) check(k, where);
    check(e.short_answer, where);
    check(e.answer, where);
  }
  for (const auto& q : faq.not_answered) check(q, "not_answered");
}

// A group's name is read as the words a question would be: "work with" is
// read as "work", its function word dropped, so the group is one with the
// word "work", and "does it work" asks for the group's entries. Warns when a
// name of several words is read as one of them alone.
template <typename Warn> void warn_names_read_as_a_word(const Faq& faq, const SearchIndex& index, Warn& warn) {
  for (const SynonymGroup& g : faq.synonyms) {
    const std::vector<std::string> words = tokenize(g.canonical);
    if (words.size() < 2) continue;
    if (index.read(g.canonical).size() != 1) continue;
    std::vector<std::string> kept, dropped;
    for (const auto& w : words) (is_stopword(w) ? dropped : kept).push_back(w);
    if (dropped.empty() || kept.size() != 1) continue;
    warn(g.pos, fmt::format("synonyms '{}' are read as '{}' alone ('{}' {} nothing to faqdesk), so a caller saying "
                            "'{}' gets them too: name the group with words that are not function words",
                            g.canonical, kept[0], fmt::join(dropped, "', '"), dropped.size() == 1 ? "says" : "say",
                            kept[0]));
  }
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
  warn_stem_collisions(faq, warn);
  warn_names_read_as_a_word(faq, index, warn);
  for (const auto& q : faq.not_answered)
    if (auto it = owner.find(key_of(index, q)); it != owner.end())
      warn(it->second.first->pos, fmt::format("not_answered \"{}\" asks what entry '{}' answers (\"{}\"): a caller "
                                              "asking it gets either",
                                              q, it->second.first->id, it->second.second));
  return out;
}

} // namespace faqdesk
