// Lexical matching tuned for how callers talk: stems, the FAQ's synonyms,
// spelling correction against the FAQ's own words, and a confidence whose
// abstention point is derived from the FAQ's content (leave-one-out), so a
// new FAQ needs no hand-tuned threshold. This file builds the index and
// answers; reading a question is in query_terms.cpp and spelling.cpp,
// scoring in scoring.cpp, the compiled cache in search_index_cache.cpp.
#include <faqdesk/search_index.hpp>
#include <faqdesk/text.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "search_index_impl.hpp"

namespace faqdesk {

std::string_view to_string(MatchHow how) {
  switch (how) {
  case MatchHow::exact: return "exact";
  case MatchHow::stem: return "stem";
  case MatchHow::synonym: return "synonym";
  case MatchHow::spelling: return "spelling";
  case MatchHow::unknown: return "unknown";
  }
  return "unknown";
}

Lexeme SearchIndex::Impl::lexeme(const std::string& stem) const {
  Lexeme l;
  l.term = find(stem);
  if (auto it = synonym_words.find(stem); it != synonym_words.end()) l.synonyms = &synonym_groups[it->second];
  l.phrase_start = phrase_starts.contains(phrase_word(stem));
  return l;
}

SearchIndex::Impl::Resolved SearchIndex::Impl::stem_unfamiliar(std::string_view word,
                                                                 std::vector<std::string>& own) const {
  Resolved r;
  // `own` has room reserved, so the views into it stay valid.
  own.push_back(stemmer.stem(word));
  r.stem = own.back();
  r.stop = function_word(word);
  r.lex = lexeme(own.back());
  return r;
}

SearchIndex::Impl::Impl(const Faq& faq)
    : entry_count(faq.entries.size() + faq.not_answered.size()),
      declined(static_cast<std::uint32_t>(faq.entries.size())),
      ignored(faq.ignore_words.begin(), faq.ignore_words.end()) {
  ignore_clinic_name(faq);
  std::unordered_map<std::string, std::uint32_t> surface; // every word the FAQ uses, and how often
  // Synonyms first: the entries' own text is normalised through them.
  for (const auto& g : faq.synonyms) {
    std::vector<std::string> canon;
    for (const auto& t : tokenize(g.canonical))
      if (!function_word(t)) canon.push_back(stemmer.stem(t));
    if (canon.empty()) continue;
    for (const auto& c : canon) synonym_canonical_name.emplace(c, g.canonical);
    const auto group = static_cast<std::uint32_t>(synonym_groups.size());
    for (const auto& w : g.words) {
      std::vector<std::string> stems;
      for (const auto& t : tokenize(w)) stems.emplace_back(phrase_word(stemmer.stem(t)));
      if (stems.size() == 1 && stems != canon) synonym_words[stems[0]] = group; // "costs" is "cost" already
      else if (stems.size() > 1) synonym_phrases.emplace_back(std::move(stems), group);
      for (const auto& t : tokenize(w)) ++surface[t];
    }
    synonym_groups.push_back(std::move(canon));
    for (const auto& t : tokenize(g.canonical)) ++surface[t];
  }
  // By their first two words, so a query looks only at the phrases that can
  // start where it is (every phrase has two words or more).
  std::stable_sort(synonym_phrases.begin(), synonym_phrases.end(), phrase_order);
  find_phrase_starts();
  // Function words join the spelling dictionary, so "waht" becomes "what" and
  // is then ignored instead of weighing as an unknown word.
  for (auto w : stopword_list())
    if (auto [it, added] = surface.try_emplace(std::string(w)); added) it->second = 1;
  for (const auto& w : ignored)
    if (auto [it, added] = surface.try_emplace(w); added) it->second = 1;

  std::vector<std::vector<Posting>> posting_lists; // per term
  auto intern = [&](const std::string& term) {
    TermId id = find(term);
    if (id != no_term) return id;
    id = static_cast<TermId>(terms.size());
    terms.push_back(term);
    term_index.add(id, [&](std::uint32_t i) -> std::string_view { return terms[i]; });
    posting_lists.emplace_back();
    return id;
  };
  std::vector<std::string> unit_texts; // phrasing per unit (empty for keywords), for calibration
  std::vector<std::uint32_t> df_last;               // last entry counted, per term
  std::vector<std::uint32_t> df;
  auto add_posting = [&](TermId id, std::uint32_t e, std::uint32_t unit, Field f) {
    if (id >= df.size()) {
      df.resize(id + 1, 0);
      df_last.resize(id + 1, ~std::uint32_t{0});
    }
    if (df_last[id] != e && e < declined) {
      df_last[id] = e;
      ++df[id];
    }
    posting_lists[id].push_back({e, unit, f});
  };
  std::vector<QueryTerm> text_terms;
  std::vector<TermId> text_ids;
  auto add_unit = [&](std::uint32_t e, Field f, const std::string& text) {
    const std::vector<std::string> words = tokenize(text);
    for (const auto& t : words) ++surface[t];
    pleasantries_used |= pleasantries_in(words);
    normalise(text, false, text_terms, text_ids);
    auto& ids = unit_terms.items; // this unit's terms go on the end
    const std::size_t first = ids.size();
    for (const auto& n : text_terms) {
      TermId id = intern(n.term);
      if (std::find(ids.begin() + static_cast<std::ptrdiff_t>(first), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    if (ids.size() == first) return;
    auto index = static_cast<std::uint32_t>(units.size());
    unit_terms.close();
    for (TermId id : unit_terms[index]) add_posting(id, e, index, f);
    units.push_back({e, f, 0});
    unit_texts.push_back(f == Field::keyword ? std::string() : text);
  };
  for (std::uint32_t e = 0; e < faq.entries.size(); ++e) {
    const Entry& entry = faq.entries[e];
    add_unit(e, Field::question, entry.question);
    for (const auto& a : entry.alternates) add_unit(e, Field::alternate, a);
    for (const auto& k : entry.keywords) add_unit(e, Field::keyword, k);
    std::vector<TermId> answer_terms;
    for (const auto* text : {&entry.answer, &entry.short_answer}) {
      for (const auto& t : tokenize(*text)) ++surface[t];
      normalise(*text, false, text_terms, text_ids);
      for (const auto& n : text_terms) {
        TermId id = intern(n.term);
        if (std::find(answer_terms.begin(), answer_terms.end(), id) == answer_terms.end()) answer_terms.push_back(id);
      }
    }
    for (TermId id : answer_terms) add_posting(id, e, no_unit, Field::answer);
  }
  // Each on its own, so that together they do not cover more of a question
  // than any one of them does.
  for (std::uint32_t k = 0; k < faq.not_answered.size(); ++k)
    add_unit(declined + k, Field::alternate, faq.not_answered[k]);
  df.resize(terms.size(), 0);
  const double n = static_cast<double>(std::max<std::size_t>(declined, 1));
  idf.resize(terms.size());
  for (std::size_t t = 0; t < idf.size(); ++t)
    idf[t] = std::log(1.0 + (n - df[t] + 0.5) / (df[t] + 0.5));
  unknown_idf = std::log(1.0 + (n + 0.5) / 0.5);
  for (std::size_t u = 0; u < units.size(); ++u) {
    double sq = 0;
    for (TermId id : unit_terms[u]) sq += idf[id] * idf[id];
    units[u].norm = std::sqrt(sq);
  }
  {
    std::vector<std::vector<std::pair<std::uint32_t, double>>> lists(terms.size());
    std::unordered_map<TermId, double> centroid;
    std::size_t u = 0;
    for (std::uint32_t e = 0; e < entry_count; ++e) {
      centroid.clear();
      for (; u < units.size() && units[u].entry == e; ++u)
        for (TermId id : unit_terms[u]) centroid[id] += idf[id] / units[u].norm;
      double sq = 0;
      for (const auto& [id, v] : centroid) sq += v * v;
      for (const auto& [id, v] : centroid) lists[id].emplace_back(e, v / std::sqrt(sq));
    }
    centroid_postings = Lists<std::pair<std::uint32_t, double>>::from(lists);
  }
  postings = Lists<Posting>::from(posting_lists);
  index_spellings(surface);

  if (faq.settings.min_confidence) min_conf = *faq.settings.min_confidence;
  find_lone_entries();
  find_light_terms();
  derive_threshold(unit_texts);
}

void SearchIndex::Impl::ignore_clinic_name(const Faq& faq) {
  std::unordered_set<std::string> used; // the words of the entries' questions, alternates and keywords
  for (const Entry& e : faq.entries) {
    for (auto& w : tokenize(e.question)) used.insert(std::move(w));
    for (const auto& texts : {&e.alternates, &e.keywords})
      for (const auto& t : *texts)
        for (auto& w : tokenize(t)) used.insert(std::move(w));
  }
  for (auto& w : tokenize(faq.clinic.name))
    if (!is_stopword(w) && !used.contains(w) && !ignored.contains(w)) clinic_words.push_back(std::move(w));
  ignored.insert(clinic_words.begin(), clinic_words.end());
}

// The spelling index: words sorted so ties break the same way every run, and
// the one-deletion hashes that find a word's one-edit neighbours.
void SearchIndex::Impl::index_spellings(const std::unordered_map<std::string, std::uint32_t>& surface) {
  spellings.clear();
  spellings.reserve(surface.size());
  for (const auto& [word, freq] : surface) {
    Spelling sp;
    sp.word = word;
    sp.freq = freq;
    sp.letters = letter_mask(word);
    sp.stem = stemmer.stem(word);
    sp.stop = function_word(word);
    sp.lex = lexeme(sp.stem);
    spellings.push_back(std::move(sp));
  }
  std::sort(spellings.begin(), spellings.end(), spelling_order);
  spelling_index.build(spellings.size(), [&](std::uint32_t i) -> std::string_view { return spellings[i].word; });
  deletions.clear();
  for (std::uint32_t i = 0; i < spellings.size(); ++i)
    for_each_deletion(spellings[i].word, [&](std::string_view v) { deletions.emplace_back(serial::hash64(v), i); });
  std::sort(deletions.begin(), deletions.end());
}

void SearchIndex::Impl::find_light_terms() {
  light.assign(terms.size(), 0);
  for (const char* w : light_word_list())
    if (const TermId id = find(stemmer.stem(w)); id != no_term) light[id] = 1;
}

void SearchIndex::Impl::find_lone_entries() {
  std::vector<std::uint32_t> count(entry_count, 0);
  for (const Unit& u : units) ++count[u.entry];
  lone.resize(entry_count);
  for (std::size_t e = 0; e < entry_count; ++e) lone[e] = count[e] == 1 ? 1 : 0;
}

SearchIndex::SearchIndex(const Faq& faq) : impl_(std::make_unique<Impl>(faq)) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

double SearchIndex::min_confidence() const { return impl_->min_conf; }
double SearchIndex::threshold() const { return impl_->raw_threshold; }

namespace {
// What opens a question: a question word, or a verb before its subject
// ("will it", "am i").
constexpr std::string_view question_words[] = {"how", "what", "whats", "when", "why", "where", "who", "which"};
constexpr std::string_view question_verbs[] = {"can", "could", "does", "do", "will", "would", "is", "are", "am", "should"};
constexpr std::string_view question_subjects[] = {"i", "you", "it", "this", "that", "they", "there", "we", "he", "she"};
bool opens_question(std::string_view word, std::string_view next_word) {
  return one_of(word, question_words) || (one_of(word, question_verbs) && one_of(next_word, question_subjects));
}

// A long question's clauses: split at , . ; ! and ?, though not inside a
// number ("$7,000", "1.5"). Clauses with no word in them are left out.
std::vector<std::string_view> clauses(std::string_view q) {
  std::vector<std::string_view> out;
  auto is_digit = [&](std::size_t i) { return q[i] >= '0' && q[i] <= '9'; };
  auto keep = [&](std::string_view c) {
    if (!std::any_of(c.begin(), c.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; }))
      return;
    c.remove_prefix(c.find_first_not_of(" \t"));
    out.push_back(c);
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const char c = q[i];
    if (c != ',' && c != '.' && c != ';' && c != '!' && c != '?') continue;
    if (i > 0 && i + 1 < q.size() && is_digit(i - 1) && is_digit(i + 1)) continue;
    keep(q.substr(start, i + 1 - start));
    start = i + 1;
  }
  keep(q.substr(start));
  // A caller who talks at length without stopping ("... it's been getting
  // worse so i need to know what this will cost me") marks the turn to the
  // question with "so" or "but": in a question of a dozen words or more,
  // those start a clause too. So does the question itself, in a question of
  // ten words or more: a question word ("i had a scope 5 years ago and now
  // its bad again what would you charge me") or a verb before its subject
  // ("if my arthritis is from an old injury will it last longer"). Once a
  // question has begun, it runs to the clause's end or to "so" or "but":
  // "how bad is it really" is one question, not "how bad" and "is it really".
  std::size_t words = 0;
  for (std::size_t i = 0; i < q.size(); ++i)
    if (q[i] != ' ' && (i == 0 || q[i - 1] == ' ')) ++words;
  constexpr std::size_t long_enough_to_turn = 12, long_enough_to_ask = 10;
  if (words < long_enough_to_ask) return out;
  // The word starting at c[i], lower case and without apostrophes.
  auto word_at = [](std::string_view c, std::size_t i) {
    std::string w;
    for (; i < c.size() && c[i] != ' '; ++i)
      if (c[i] != '\'') w += static_cast<char>(std::tolower(static_cast<unsigned char>(c[i])));
    return w;
  };
  static constexpr std::string_view turns[] = {"so", "but"};
  // Not a question word that continues what went before ("different from what I ordered").
  static constexpr std::string_view linking[] = {"from", "of", "about", "than", "on", "for", "with", "by", "at", "in", "to"};
  // Whether word `w` of clause `c`, followed by a space at c[next], opens a question.
  auto opens = [&](const std::string& w, std::string_view c, std::size_t next) {
    return opens_question(w, word_at(c, next + 1));
  };
  std::vector<std::string_view> finer;
  for (std::string_view c : out) {
    std::size_t from = 0;
    std::string previous = word_at(c, 0);
    const std::size_t first_end = c.find(' ');
    bool in_question = first_end != std::string_view::npos && opens(previous, c, first_end);
    for (std::size_t i = 1; i + 1 < c.size(); ++i) {
      if (c[i - 1] != ' ' || c[i] == ' ' || i == from) continue;
      const std::size_t next = c.find(' ', i);
      if (next == std::string_view::npos) break; // a clause's last word starts none
      const std::string w = word_at(c, i);
      const std::string before = std::exchange(previous, w);
      const bool turns_to_it = words >= long_enough_to_turn && one_of(w, turns);
      const bool asking = !in_question && opens(w, c, next) && !one_of(before, linking);
      if (!turns_to_it && !asking) continue;
      finer.push_back(c.substr(from, i - from));
      from = i;
      in_question = asking; // the question goes on to the clause's end, or to "so" or "but"
    }
    finer.push_back(c.substr(from));
  }
  return finer;
}

// Whether a clause asks whether what the rest says is so ("my knee is red
// and hot, is that normal"): it is about the rest, not a question of its
// own, as "how much does that cost" is.
// `words` are the clause's, tokenized.
bool points_back(const std::vector<std::string>& words) {
  static constexpr std::string_view openers[] = {"so", "and", "but", "ok", "okay", "well", "oh"};
  static constexpr std::string_view verbs[] = {"is", "was", "are", "were", "isnt", "wasnt", "arent"};
  static constexpr std::string_view pointers[] = {"that", "those"};
  std::size_t i = 0;
  while (i < words.size() && one_of(words[i], openers)) ++i;
  if (i < words.size() && words[i] == "thats") return true;
  return i + 1 < words.size() && one_of(words[i], verbs) && one_of(words[i + 1], pointers);
}

// Whether a clause, its `words` tokenized, opens as a question does ("will it hurt", "how long").
bool asks(const std::vector<std::string>& words) {
  return words.size() >= 2 && opens_question(words[0], words[1]);
}
} // namespace

SearchResult SearchIndex::search(std::string_view query, const SearchOptions& options) const {
  SearchResult result = search_whole(query, options);
  // A clause must name something more particular than the FAQ's own
  // subject to be asked alone: "my dad has parkinsons, can stem cells help"
  // is not "can stem cells help". A word found in at most a third of the
  // entries will do.
  const double particular = impl_->particular();
  auto names_something = [&](const SearchResult& r) {
    return std::any_of(r.terms.begin(), r.terms.end(), [&](const QueryTerm& t) {
      return t.how != MatchHow::unknown && t.weight >= particular && !impl_->is_light(impl_->find(t.term));
    });
  };
  const std::vector<std::string_view> parts = clauses(query);
  if (parts.size() < 2) return result;
  if (!result.matches.empty()) {
    // A caller who marks one sentence as the question and then tells more
    // ("how long will it last? i'm only 55 and pretty active") is asking
    // that sentence: the rest is not the question ("active" is not recovery).
    const auto asked = std::find_if(parts.begin(), parts.end(), [](std::string_view c) { return c.ends_with('?'); });
    if (asked != parts.end() && asked + 1 != parts.end() &&
        std::none_of(asked + 1, parts.end(), [](std::string_view c) { return c.ends_with('?'); })) {
      SearchResult part = search_whole(*asked, options);
      if (part.matches.empty() || !names_something(part)) return result;
      part.part = *asked;
      return part;
    }
    // A caller who tells the story first and asks last ("my mother is 80 and
    // has a heart condition so is this safe for her") is asking the last
    // clause; the story found another entry ("80" and "condition" are
    // candidacy). The clause is answered when it finds an entry of its own
    // clearly more surely than the whole found its entry.
    constexpr double clearly_surer = 0.2;
    const auto last = tokenize(parts.back());
    if (!asks(last) || points_back(last)) return result;
    SearchResult part = search_whole(parts.back(), options);
    if (part.matches.empty() || !names_something(part) || part.matches[0].entry == result.matches[0].entry ||
        part.matches[0].confidence < result.matches[0].confidence + clearly_surer)
      return result;
    part.part = parts.back();
    return part;
  }
  // A caller who talks at length puts the question last, or marks it with a
  // question mark ("my daughter set this up for me, can you tell me what
  // happens during the procedure"): the rest only dilutes it. When the whole finds no answer, the
  // last clause and each clause ending in "?" are tried alone, last first.
  // Not when the whole is closest to a question the FAQ does not answer.
  // Whether the whole is closest to a not-answered question is judged with
  // every entry scored, as --explain does, so that the answer is the same
  // with --explain and without; only once a clause has found an answer.
  auto whole_declined = [&] {
    if (options.explain) return result.not_answered.has_value();
    SearchOptions all = options;
    all.explain = true;
    return search_whole(query, all).not_answered.has_value();
  };
  for (std::size_t k = parts.size(); k-- > 0;) {
    // Or the question comes first and the rest tells its story ("will it
    // hurt, i really hate needles"): the first clause, when it opens as a
    // question does, is tried after the others.
    const bool marked = k + 1 == parts.size() || parts[k].ends_with('?');
    if (!marked && k != 0) continue;
    const auto words = tokenize(parts[k]);
    if ((!marked && !asks(words)) || points_back(words)) continue;
    SearchResult part = search_whole(parts[k], options);
    if (!part.matches.empty() && names_something(part)) {
      if (whole_declined()) return result;
      part.part = parts[k];
      while (!part.part.empty() && (part.part.back() == ',' || part.part.back() == ';' || part.part.back() == ' '))
        part.part.pop_back(); // "how can fat fix my knee, that seems weird": the question, not its comma
      return part;
    }
  }
  return result;
}

std::vector<QueryTerm> SearchIndex::read(std::string_view query) const {
  std::vector<QueryTerm> terms;
  std::vector<TermId> ids;
  impl_->normalise(query, true, terms, ids);
  impl_->weigh(terms, ids);
  return terms;
}

SearchResult SearchIndex::search_whole(std::string_view query, const SearchOptions& options) const {
  SearchResult result;
  thread_local std::vector<TermId> ids;
  impl_->normalise(query, true, result.terms, ids);
  impl_->weigh(result.terms, ids);
  // A question of light words alone ("why", "tell me more") names no topic:
  // whatever it is closest to, it is not answered.
  result.topical = std::any_of(ids.begin(), ids.end(), [&](TermId id) { return !impl_->is_light(id); });
  if (!result.topical && !options.explain) return result;
  const double min_conf = options.min_confidence.value_or(impl_->min_conf);
  // --explain shows the nearest entry below the minimum exactly; otherwise
  // entries that cannot reach the minimum are not scored in full.
  const double floor = options.explain ? 0.0 : impl_->raw_for(min_conf) * (1 - 1e-9);
  // Not-answered questions may be among the best, so as many more as there are.
  const std::size_t extra = impl_->entry_count - impl_->declined;
  auto scored = impl_->score(result.terms, no_unit, options.top + extra, floor, &ids);
  // The question is not answered when a not-answered question outscores the
  // best entry and is also a closer phrasing (cosine) than any of that
  // entry's: a not-answered question is one phrasing, while scores favour an
  // entry with one phrasing (its centroid is that phrasing), so both must agree.
  const auto is_declined = [&](const Impl::Scored& s) { return s.entry >= impl_->declined; };
  const auto best = std::find_if_not(scored.begin(), scored.end(), is_declined);
  const auto decline = std::find_if(scored.begin(), scored.end(), is_declined);
  if (decline != scored.end() && (best == scored.end() || (decline < best && decline->closest > best->closest))) {
    result.not_answered = decline->entry - impl_->declined;
    result.not_answered_cosine = decline->closest;
    return result;
  }
  for (const auto& s : scored) {
    if (result.matches.size() >= options.top) break;
    if (is_declined(s)) continue;
    Match m{s.entry, impl_->confidence(s.score), s.score, {}};
    if (options.explain) m.contributions = impl_->explain(result.terms, s);
    if (m.confidence < min_conf || !result.topical) {
      if (result.matches.empty()) result.nearest = std::move(m);
      break;
    }
    if (result.matches.empty()) result.matches.reserve(std::min<std::size_t>(options.top, 4));
    result.matches.push_back(std::move(m));
  }
  return result;
}

} // namespace faqdesk
