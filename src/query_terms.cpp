// Reading a question (or one of the FAQ's own phrasings) into weighted terms:
// words, pleasantries and function words dropped, compounds mended,
// misspellings corrected (spelling.cpp), synonyms mapped, stems taken.
#include <algorithm>

#include <faqdesk/text.hpp>

#include "search_index_impl.hpp"

namespace faqdesk {
namespace {
// Weight of an unknown "-ly" word or number, relative to other unknown words.
constexpr double adverb_factor = 0.25;
} // namespace

void SearchIndex::Impl::normalise(std::string_view text, bool correct, std::vector<QueryTerm>& out,
                                  std::vector<TermId>& ids) const {
  out.clear();
  ids.clear();
  // Scratch kept from query to query: allocations were a fifth of a query's cost.
  thread_local std::vector<std::string> words;
  thread_local std::vector<Resolved> res;
  thread_local std::vector<std::string> own;
  thread_local std::vector<std::uint32_t> found; // the FAQ spelling each word is taken as, if any
  thread_local std::vector<std::uint8_t> fixed;   // 0 as typed; 1 corrected or joined; 2 a split word's second half
  thread_local std::vector<const Unfamiliar*> unf;
  tokenize(text, words);
  if (correct) drop_pleasantries(words, pleasantries_used);
  found.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) found[i] = find_spelling(words[i]);
  fixed.assign(words.size(), 0);
  unf.assign(words.size(), nullptr);
  // Views into `unfamiliar` stay valid while this query is normalised: it is
  // only emptied here, before any are taken.
  if (correct && unfamiliar.size() >= unfamiliar_kept) unfamiliar.clear();
  if (correct) {
    // Callers join and split words differently from the FAQ: "pin code" for
    // its "pincode" (joined here), "showroom" for its "show room" (split below).
    thread_local std::string joined;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (found[i] != NameIndex::none && found[i + 1] != NameIndex::none) continue;
      joined.assign(words[i]).append(words[i + 1]);
      const std::uint32_t k = find_spelling(joined);
      if (k == NameIndex::none || spellings[k].stop) {
        // Or a space typed a letter early or late ("doe sit", "ho wmuch"),
        // when one of the two is an unknown word with no correction and
        // neither is a word the FAQ uses (boundary_shift).
        const auto [left, right] = boundary_shift(words[i], words[i + 1], joined, found[i], found[i + 1]);
        if (left == NameIndex::none) continue;
        words[i].append(" ").append(words[i + 1]);
        words[i + 1] = words[i];
        found[i] = left;
        found[i + 1] = right;
        fixed[i] = 1;
        fixed[i + 1] = 2;
        ++i;
        continue;
      }
      words[i].append(" ").append(words[i + 1]);
      found[i] = k;
      fixed[i] = 1;
      const auto next = static_cast<std::ptrdiff_t>(i + 1);
      words.erase(words.begin() + next);
      found.erase(found.begin() + next);
      fixed.erase(fixed.begin() + next);
      unf.erase(unf.begin() + next);
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (found[i] != NameIndex::none) continue;
      const Unfamiliar& u = look_up_unfamiliar(words[i]);
      if (u.first != NameIndex::none) {
        const auto next = static_cast<std::ptrdiff_t>(i + 1);
        words.insert(words.begin() + next, words[i]);
        found[i] = u.first;
        found.insert(found.begin() + next, u.second);
        fixed[i] = 1;
        fixed.insert(fixed.begin() + next, 2);
        unf.insert(unf.begin() + next, nullptr);
        ++i;
      } else if (u.fix != NameIndex::none) {
        found[i] = u.fix;
        fixed[i] = 1;
      } else {
        unf[i] = &u;
      }
    }
  }
  res.assign(words.size(), {});
  own.clear();
  own.reserve(words.size()); // at most a stem per word
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (found[i] != NameIndex::none) {
      res[i] = known(found[i]);
    } else if (unf[i] != nullptr) {
      res[i] = {unf[i]->stem, unf[i]->stop, unf[i]->lex};
    } else {
      res[i] = stem_unfamiliar(words[i], own);
    }
  }
  // A dictionary word the FAQ does not use may still be a typo of one it
  // does ("how long will it lust", "bone on bane", "do you toke fat"), when
  // the rest of the question confirms it: one of the FAQ's phrasings has the
  // corrected word together with another word of the question, one found in
  // at most a third of the entries. Without that, "can i get a cast" is not
  // "cost", nor "is it sure" "sore".
  if (correct) {
    const double specific = particular();
    auto terms_of = [&](const Lexeme& lex, std::vector<TermId>& into) {
      if (lex.synonyms != nullptr) {
        for (const auto& t : *lex.synonyms)
          if (const TermId id = find(t); id != no_term) into.push_back(id);
      } else if (lex.term != no_term) {
        into.push_back(lex.term);
      }
    };
    // The question's particular terms, gathered when first needed: a word
    // with slips has no terms of its own, and one mended joins them.
    thread_local std::vector<TermId> context, own_terms;
    bool gathered = false;
    auto add_context = [&](const Lexeme& lex) {
      const std::size_t from = context.size();
      terms_of(lex, context);
      context.erase(std::remove_if(context.begin() + static_cast<std::ptrdiff_t>(from), context.end(),
                                   [&](TermId id) { return idf[id] < specific || is_light(id); }),
                    context.end());
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (unf[i] == nullptr || unf[i]->slips.empty()) continue;
      if (!gathered) {
        context.clear();
        for (std::size_t j = 0; j < words.size(); ++j)
          if (!res[j].stop) add_context(res[j].lex);
        gathered = true;
      }
      if (context.empty()) continue;
      std::uint32_t best = NameIndex::none;
      for (const std::uint32_t k : unf[i]->slips) {
        own_terms.clear();
        terms_of(spellings[k].lex, own_terms);
        const bool confirmed = std::any_of(own_terms.begin(), own_terms.end(), [&](TermId t) {
          return std::any_of(postings[t].begin(), postings[t].end(), [&](const Posting& p) {
            if (p.unit == no_unit || p.entry >= declined) return false;
            const auto u = unit_terms[p.unit];
            return std::any_of(context.begin(), context.end(),
                               [&](TermId c) { return c != t && std::find(u.begin(), u.end(), c) != u.end(); });
          });
        });
        if (confirmed && (best == NameIndex::none || spellings[k].freq > spellings[best].freq)) best = k;
      }
      if (best == NameIndex::none) continue;
      found[i] = best;
      fixed[i] = 1;
      unf[i] = nullptr;
      res[i] = known(best);
      if (!res[i].stop) add_context(res[i].lex);
    }
  }
  // In "what do stem cells do" or "what does it do", the second "do" is the
  // verb the question is about (what they are for, how they work), not the
  // helper every question has: it is kept, as a light word. Not when a
  // subject follows it, as in "what insurance do you take", nor when a person
  // does it ("what kind of treatment do you do": what you offer).
  std::size_t verb = words.size(); // that "do", if any
  auto subject = [](std::string_view w) {
    static constexpr std::string_view subjects[] = {"i", "you", "ya", "yall", "we", "they", "he", "she", "it",
                                                    "people", "patients", "most", "the", "my", "your", "doctors", "guys", "folks"};
    return one_of(w, subjects);
  };
  // The verb ends the question or is followed by function words only ("what
  // does it do for the knee"); a word with a meaning after it is the verb the
  // "do" helps ("what study does the clinic cite"), and a subject ("what
  // insurance do you take") says the same. Words the FAQ ignores are skipped.
  auto last_but_function_words = [&](std::size_t i) {
    std::size_t j = i + 1;
    while (j < words.size() && ignored.contains(words[j])) ++j;
    return j == words.size() || (!subject(words[j]) && is_stopword(words[j]));
  };
  // The question may open with other words: "so what is it they actually do".
  // "what" as typed, or as corrected ("waht", "whag").
  auto is_what = [&](std::size_t k) {
    const std::string_view w = fixed[k] == 1 ? std::string_view(spellings[found[k]].word) : std::string_view(words[k]);
    return w == "what" || w == "whats";
  };
  std::size_t what = 0;
  while (what < words.size() && !is_what(what)) ++what;
  if (what != words.size())
    for (std::size_t i = what + 2; i < words.size() && verb == words.size(); ++i)
      if ((words[i] == "do" || words[i] == "does" || words[i] == "did") && words[i - 1] != words[what] && res[i].stop &&
          fixed[i] == 0 && last_but_function_words(i) &&
          (words[i - 1] == "it" || words[i - 1] == "they" || !subject(words[i - 1]))) {
        res[i].stop = false;
        res[i].stem = "do";
        if (res[i].lex.term == no_term) res[i].lex = lexeme("do");
        verb = i;
      }
  out.reserve(words.size());
  ids.reserve(words.size());
  // The FAQ's spelling a word was corrected, joined or split to; empty when taken as typed.
  auto corrected = [&](std::size_t i) {
    return fixed[i] != 0 ? std::string_view(spellings[found[i]].word) : std::string_view();
  };
  auto add = [&](QueryTerm t, TermId id) {
    out.push_back(std::move(t));
    ids.push_back(id);
  };
  for (std::size_t i = 0; i < words.size();) {
    // Longest synonym phrase starting here.
    std::size_t best_len = 0;
    const std::vector<std::string>* canon = nullptr;
    const auto starts = res[i].lex.phrase_start && i + 1 < words.size() ? phrase_starts.find(phrase_word(res[i].stem))
                                                                          : phrase_starts.end();
    if (starts != phrase_starts.end()) {
      // The phrases starting here, sorted by their second word (they all have one).
      const std::string_view b = phrase_word(res[i + 1].stem);
      const auto end = synonym_phrases.begin() + starts->second.second;
      const auto first = std::partition_point(synonym_phrases.begin() + starts->second.first, end,
                                              [&](const auto& p) { return p.first[1] < b; });
      for (auto it = first; it != end && it->first[1] == b; ++it) {
        const auto& [phrase, group] = *it;
        if (phrase.size() <= best_len || i + phrase.size() > words.size()) continue;
        if (std::equal(phrase.begin() + 2, phrase.end(), res.begin() + static_cast<std::ptrdiff_t>(i + 2),
                       [](const std::string& x, const Resolved& y) { return x == phrase_word(y.stem); })) {
          best_len = phrase.size();
          canon = &synonym_groups[group];
        }
      }
    }
    if (canon != nullptr) {
      std::string said;
      for (std::size_t k = 0; k < best_len; ++k)
        if (k == 0 || fixed[i + k] != 2) said += (k ? " " : "") + words[i + k];
      for (const auto& t : *canon) add({said, t, MatchHow::synonym, synonym_canonical_name.at(t)}, find(t));
      i += best_len;
      continue;
    }
    // A corrected word's flags are the correction's (resolved above).
    if (res[i].stop) {
      ++i;
      continue;
    }
    const std::string_view stem = res[i].stem;
    const MatchHow base = !corrected(i).empty() ? MatchHow::spelling : (stem == words[i] ? MatchHow::exact : MatchHow::stem);
    if (res[i].lex.synonyms != nullptr) {
      for (const auto& t : *res[i].lex.synonyms)
        add({words[i], t, base == MatchHow::spelling ? base : MatchHow::synonym,
             base == MatchHow::spelling ? std::string(corrected(i)) + " -> " + synonym_canonical_name.at(t)
                                        : synonym_canonical_name.at(t)},
            find(t));
    } else if (res[i].lex.term != no_term) {
      add({std::move(words[i]), std::string(stem), base, std::string(corrected(i))}, res[i].lex.term);
    } else if (words[i].size() > 2 || i == verb) { // "k", "np": texting, not meaning
      add({std::move(words[i]), std::string(stem), MatchHow::unknown, std::string(corrected(i))}, no_term);
    }
    ++i;
  }
}

void SearchIndex::Impl::weigh(std::vector<QueryTerm>& q, std::vector<TermId>& ids) const {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const auto seen = q.begin() + static_cast<std::ptrdiff_t>(kept);
    if (std::any_of(q.begin(), seen, [&](const QueryTerm& t) { return t.term == q[i].term; })) continue;
    const TermId id = ids[i];
    double w = id == no_term ? unknown_idf : idf[id];
    // An unknown adverb ("exactly", "usually") or number ("300 pounds",
    // "in 2019") says little about the topic.
    const std::string& word = q[i].word;
    if (id == no_term && ((word.size() > 4 && word.ends_with("ly")) ||
                          std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })))
      w *= adverb_factor;
    if (kept != i) {
      q[kept] = std::move(q[i]);
      ids[kept] = id;
    }
    q[kept++].weight = w;
  }
  q.erase(q.begin() + static_cast<std::ptrdiff_t>(kept), q.end());
  ids.resize(kept);
}

} // namespace faqdesk
