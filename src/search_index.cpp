// Lexical matching tuned for how callers talk: stems, the FAQ's synonyms,
// spelling correction against the FAQ's own words, and a confidence whose
// abstention point is derived from the FAQ's content (leave-one-out), so a
// new FAQ needs no hand-tuned threshold.
#include <faqdesk/search_index.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <faqdesk/text.hpp>
#include <faqdesk/tokenizer.hpp>

#include "serial.hpp"

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

namespace {

using TermId = std::uint32_t;
constexpr TermId no_term = ~TermId{0};

// The score blends three views of an entry: how much of the query's weight
// its words cover; its two closest phrasings (cosine, like nearest
// neighbours: two near phrasings are better evidence than one lucky one);
// and its centroid, which favours entries whose phrasings are consistently
// about the query's words over one that mentions them once.
constexpr double coverage_share = 0.45;
constexpr double phrasing_share = 0.4;
constexpr double centroid_share = 0.15;
// The second-closest phrasing's part of phrasing_share. An entry with one
// phrasing counts it twice.
constexpr double second_phrasing = 0.25;
// Credit for a query word found only in an entry's answer, not its phrasings.
constexpr double answer_credit = 0.5;
// Raw threshold used when the FAQ has too few alternates to derive one.
constexpr double fallback_threshold = 0.5;
// Share of held-out phrasings allowed to fall below the derived threshold.
constexpr double calibration_percentile = 0.15;
// Weight of an unknown "-ly" word, relative to other unknown words.
constexpr double adverb_factor = 0.25;
// Most held-out phrasings used to derive the threshold (bounds start-up time).
constexpr std::size_t max_calibration_queries = 1500;

enum class Field : std::uint8_t { question, alternate, keyword, answer };

struct Posting {
  std::uint32_t entry;
  std::uint32_t unit; // index into units_, or no_unit for the answer
  Field field;
};
constexpr std::uint32_t no_unit = ~std::uint32_t{0};

struct Unit {
  std::uint32_t entry;
  Field field;
  double norm = 0; // Euclidean norm of its term weights (its terms are in Impl::unit_terms)
};

// What the index knows of a stem.
struct Lexeme {
  TermId term = no_term;
  const std::vector<std::string>* synonyms = nullptr; // canonical terms, when it is a synonym word
  bool phrase_start = false;                         // some synonym phrase starts with it
};

// A word the FAQ uses: a spelling correction candidate, and what a query
// that uses it needs (so a known word costs one lookup: stemming and lookups
// were most of a query's cost).
struct Spelling {
  std::string word;
  std::uint32_t freq = 0;
  std::uint32_t letters = 0; // letter_mask(word)
  std::string stem;
  bool stop = false; // a function word
  Lexeme lex;        // of its stem
};
// By length, then alphabetically: the order spelling ties break in.
bool spelling_order(const Spelling& a, const Spelling& b) {
  return a.word.size() != b.word.size() ? a.word.size() < b.word.size() : a.word < b.word;
}

// Lists of T stored one after another: one allocation, not one per list.
template <class T> struct Lists {
  std::vector<T> items;
  std::vector<std::uint32_t> start{0}; // list i is items[start[i], start[i + 1])
  std::size_t size() const { return start.size() - 1; }
  std::span<const T> operator[](std::size_t i) const { return {items.data() + start[i], items.data() + start[i + 1]}; }
  void close() { start.push_back(static_cast<std::uint32_t>(items.size())); } // ends the list being appended
  static Lists from(const std::vector<std::vector<T>>& lists) {
    Lists out;
    for (const auto& l : lists) {
      out.items.insert(out.items.end(), l.begin(), l.end());
      out.close();
    }
    return out;
  }
};

// Open addressing over strings kept elsewhere, by index (`name(i)`): a
// lookup is one hash and, usually, one comparison.
class NameIndex {
public:
  static constexpr std::uint32_t none = ~std::uint32_t{0};
  template <class Name> void build(std::size_t count, Name name) {
    std::size_t size = 16;
    while (size < 2 * count) size *= 2;
    slots_.assign(size, 0);
    for (std::uint32_t i = 0; i < count; ++i) place(i, name(i));
  }
  // Adds name(i), the last of i + 1 names.
  template <class Name> void add(std::uint32_t i, Name name) {
    if (2 * (std::size_t{i} + 1) > slots_.size()) build(std::size_t{i} + 1, name);
    else place(i, name(i));
  }
  template <class Name> std::uint32_t find(std::string_view s, Name name) const {
    if (slots_.empty()) return none;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = serial::hash64(s) & mask;; k = (k + 1) & mask) {
      const std::uint32_t v = slots_[k];
      if (v == 0) return none;
      if (name(v - 1) == s) return v - 1;
    }
  }

private:
  void place(std::uint32_t i, std::string_view s) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t k = serial::hash64(s) & mask;
    while (slots_[k] != 0) k = (k + 1) & mask;
    slots_[k] = i + 1;
  }
  std::vector<std::uint32_t> slots_; // index + 1, or 0 for empty
};

} // namespace

struct SearchIndex::Impl {
  Stemmer stemmer;
  std::size_t entry_count = 0;
  std::vector<std::string> terms; // by id
  NameIndex term_index;
  std::vector<double> idf;
  std::vector<std::uint8_t> light; // per term: 1 for a light word's stem (not kept in the cache)
  void find_light_terms();
  Lists<Posting> postings; // per term, in entry order
  std::vector<Unit> units;
  std::vector<std::uint8_t> lone; // per entry: 1 when it has one phrasing (not kept in the cache)
  void find_lone_entries();
  Lists<TermId> unit_terms; // per unit, its distinct terms
  // Per term: (entry, weight of the term in the entry's normalised centroid).
  Lists<std::pair<std::uint32_t, double>> centroid_postings;
  // Synonyms, keyed by stem: single words, and phrases as stem sequences.
  // Each synonym group's canonical stems, which words and phrases refer to by
  // index (a cached FAQ restores one list per group, not one per synonym).
  std::vector<std::vector<std::string>> synonym_groups;
  std::unordered_map<std::string, std::uint32_t> synonym_words;
  std::vector<std::pair<std::vector<std::string>, std::uint32_t>> synonym_phrases;
  std::unordered_map<std::string, std::string> synonym_canonical_name; // stem -> canonical as written
  // First stem of every synonym phrase, so most words skip the phrase scan.
  std::unordered_set<std::string> phrase_starts;
  std::vector<Spelling> spellings; // by length, then alphabetically: the order ties break in
  NameIndex spelling_index;        // empty while the index is being built
  // Hash of each spelling and of each way of deleting one of its letters, to
  // its index: two words one edit apart share one of these.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> deletions;
  double unknown_idf = 0;
  // The pleasantries the FAQ's phrasings use (pleasantries_in), which a query keeps.
  std::uint64_t pleasantries_used = 0;
  // Entries from `declined` on are the FAQ's not_answered questions, one
  // each, after its real entries. They take no part in word weights (idf).
  std::uint32_t declined = 0;
  double raw_threshold = fallback_threshold;
  double min_conf = 0.5;

  Impl() = default;
  explicit Impl(const Faq& faq);
  // Sorts the FAQ's words into `spellings`, with what a query needs of each.
  void index_spellings(const std::unordered_map<std::string, std::uint32_t>& freq);
  Lexeme lexeme(const std::string& stem) const;
  // A word's stem (in `spellings`, or stored in `own`), whether it is a
  // function word, and what the index knows of the stem.
  struct Resolved {
    std::string_view stem;
    bool stop = false;
    Lexeme lex;
  };
  // A word the FAQ does not use, its stem stored in `own`.
  Resolved stem_unfamiliar(std::string_view word, std::vector<std::string>& own) const;
  // A word the FAQ uses: what was worked out when the index was built.
  Resolved known(std::uint32_t spelling) const {
    const Spelling& sp = spellings[spelling];
    return {sp.stem, sp.stop, sp.lex};
  }
  // A query word the FAQ does not use: its stem, flags and correction.
  // Batches repeat such words ("parking", "hours", typos of common words),
  // so the last few thousand are kept rather than stemmed and corrected again.
  // `search` is not safe to call from two threads at once anyway (the stemmer
  // is not); this adds nothing to that.
  struct Unfamiliar {
    std::string stem;
    bool stop = false;
    Lexeme lex;
    std::uint32_t fix = NameIndex::none; // the spelling it corrects to, if any is plausible
    // The two FAQ words it joins ("showroom" for the FAQ's "show room"), if any.
    std::uint32_t first = NameIndex::none, second = NameIndex::none;
  };
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // The FAQ's ignore_words, dropped like the built-in function words.
  std::unordered_set<std::string, ViewHash, std::equal_to<>> ignored;
  bool function_word(std::string_view word) const {
    return is_stopword(word) || (!ignored.empty() && ignored.contains(word));
  }
  static constexpr std::size_t unfamiliar_kept = 4096;
  mutable std::unordered_map<std::string, Unfamiliar, ViewHash, std::equal_to<>> unfamiliar;
  const Unfamiliar& look_up_unfamiliar(const std::string& word) const;
  // The text's terms in order, weights not yet set, into `out`; their ids
  // (no_term for a word the FAQ does not use) into `ids`. `correct` fixes
  // misspellings, and is for queries: the FAQ's own text is taken as written.
  void normalise(std::string_view text, bool correct, std::vector<QueryTerm>& out, std::vector<TermId>& ids) const;
  // The spelling (index) `word` is a plausible typo of, or NameIndex::none.
  std::uint32_t correct_spelling(const std::string& word) const;
  // The two words the FAQ uses (function words among them) that `a b` is
  // when its space moves one letter, when at least one of them is an unknown
  // word with no correction; {none, none} when there are none. `joined` is
  // the two run together.
  std::pair<std::uint32_t, std::uint32_t> boundary_shift(const std::string& a, const std::string& b,
                                                         std::string_view joined, std::uint32_t found_a,
                                                         std::uint32_t found_b) const;
  // The two words the FAQ uses that `word` splits into, one of them not a
  // function word, each at least 3 letters; the longer the shorter half, the
  // better. {none, none} when it does not split.
  std::pair<std::uint32_t, std::uint32_t> compound_split(std::string_view word) const;
  // Drops repeated terms (from both lists) and sets each term's weight.
  void weigh(std::vector<QueryTerm>& q, std::vector<TermId>& ids) const;
  // Score every entry for `q`; skip unit `skip_unit`. Returns (entry, score,
  // its closest and second-closest phrasings).
  struct Scored {
    std::uint32_t entry;
    double score;
    std::uint32_t best_unit, second_unit;
    double closest; // cosine to best_unit
  };
  // At most `top` results, best first. With `floor` > 0, entries that cannot
  // score `floor` may be left out (never one that can); skip_unit must then be no_unit.
  // `ids`, when given, are the terms' ids from weigh().
  std::vector<Scored> score(const std::vector<QueryTerm>& q, std::uint32_t skip_unit, std::size_t top,
                            double floor = 0, const std::vector<TermId>* ids = nullptr) const;
  // The raw score whose confidence is `c`.
  double raw_for(double c) const {
    return c < 0.5 ? 2 * c * raw_threshold : raw_threshold + (2 * c - 1) * (1 - raw_threshold);
  }
  void derive_threshold(const std::vector<std::string>& unit_texts);
  double confidence(double raw) const;
  std::vector<Contribution> explain(const std::vector<QueryTerm>& q, const Scored& s) const;
  bool is_light(TermId id) const { return id != no_term && light[id] != 0; }
  TermId find(std::string_view term) const {
    return term_index.find(term, [&](std::uint32_t i) -> std::string_view { return terms[i]; });
  }
  std::uint32_t find_spelling(std::string_view word) const {
    return spelling_index.find(word, [&](std::uint32_t i) -> std::string_view { return spellings[i].word; });
  }
};

Lexeme SearchIndex::Impl::lexeme(const std::string& stem) const {
  Lexeme l;
  l.term = find(stem);
  if (auto it = synonym_words.find(stem); it != synonym_words.end()) l.synonyms = &synonym_groups[it->second];
  l.phrase_start = phrase_starts.contains(stem);
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

namespace {

// A letter typed for another: a neighbouring key, a vowel for a vowel, or
// letters that sound alike ("recovary", "prise"; but not "hiring" -> "hiking").
bool likely_slip(char typed, char meant) {
  static constexpr const char* neighbours[26] = {
      "qwsz", "vghn", "xdfv", "erfsxc", "wrsd", "rtdgcv", "tyfhvb", "yugjbn", "uojk", "uihknm", "iojlm", "opk", "njk",
      "bhjm", "ipkl", "ol", "wa", "etdf", "weadzx", "ryfg", "yihj", "cfgb", "qeas", "zsdc", "tugh", "asx"};
  static constexpr std::string_view alike[] = {"aeiouy", "cksqz", "gj", "fv", "dt", "bp", "mn"};
  if (typed < 'a' || typed > 'z' || meant < 'a' || meant > 'z') return false;
  if (std::string_view(neighbours[typed - 'a']).find(meant) != std::string_view::npos) return true;
  return std::any_of(std::begin(alike), std::end(alike), [&](std::string_view g) {
    return g.find(typed) != std::string_view::npos && g.find(meant) != std::string_view::npos;
  });
}

// True when `cand`, at edit distance `d` from `word`, looks like a typo of it
// rather than another real word: a short word only loses, gains or swaps a
// letter ("cots" -> "cost", but not "scam" -> "scan"); two edits keep the
// first letter and the length within one ("cartlidge" -> "cartilage", but not
// "reschedule" -> "schedule"); one letter for another is a likely_slip;
// function words are reached by one edit only, keeping the first letter or
// swapping the first two ("waht", "hte" -> "what", "the"; but "bill" is not
// "ill", which would drop it unseen).
bool plausible_typo(const std::string& word, const std::string& cand, bool function_word, std::size_t d) {
  if (d == 0) return true;
  if (word.size() == cand.size()) {
    const auto at = std::mismatch(word.begin(), word.end(), cand.begin());
    if (at.first != word.end() && std::equal(std::next(at.first), word.end(), std::next(at.second))) // one letter for another
      if (word.size() < (function_word ? 4 : 5) || !likely_slip(*at.first, *at.second)) return false;
  }
  if (word.size() == 3) {
    // Three letters: a letter left out of a function word ("wil", "ths") or
    // two swapped ("teh"); a content word only when nothing but consonants
    // is left ("cst", "sfe" has a vowel and is not), as real words have a vowel.
    if (cand.size() < word.size()) return false; // "hip" is not "hi"
    if (!function_word && (cand.size() == word.size() || word.find_first_of("aeiouy") != std::string::npos))
      return false;
  }
  if (word[0] != cand[0] && function_word &&
      !(word.size() >= 2 && cand.size() >= 2 && word[0] == cand[1] && word[1] == cand[0]))
    return false;
  if (d >= 2) {
    const std::size_t gap = word.size() > cand.size() ? word.size() - cand.size() : cand.size() - word.size();
    if (gap > 1 || word[0] != cand[0] || function_word) return false;
  }
  return true;
}

// One bit per letter (digits and other bytes share the last bits). Each edit
// changes at most two bits of the set of letters a word uses, so two words
// whose masks differ in more than 2k bits are more than k edits apart: a cheap
// test that skips most candidates before the edit distance is computed.
std::uint32_t letter_mask(std::string_view word) {
  std::uint32_t m = 0;
  for (char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    m |= std::uint32_t{1} << (c >= 'a' && c <= 'z' ? c - 'a' : 26 + c % 6);
  }
  return m;
}

// Population count without a call into libgcc (the baseline x86-64 target
// has no popcnt instruction).
std::size_t bits_set(std::uint32_t v) {
  v = v - ((v >> 1) & 0x55555555u);
  v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
  return (((v + (v >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
}

// Each word and the words one deletion from it, for the spelling index.
template <typename F> void for_each_deletion(std::string_view word, F&& f) {
  f(word);
  std::string shorter;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue; // same result as deleting the previous letter
    shorter.assign(word.substr(0, i));
    shorter.append(word.substr(i + 1));
    f(shorter);
  }
}

} // namespace

// The closest plausible spelling the FAQ uses: fewest edits, then one that
// keeps the first letter, then the most frequent, then the index order.
std::uint32_t SearchIndex::Impl::correct_spelling(const std::string& word) const {
  if (word.size() < 3 || std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return NameIndex::none;
  const std::size_t limit = word.size() >= 8 ? 2 : 1;
  const Spelling* best = nullptr;
  std::size_t best_d = limit + 1;
  bool best_first = false;
  auto consider = [&](const Spelling& cand, std::size_t d) {
    if (d > limit || !plausible_typo(word, cand.word, cand.stop, d)) return;
    const bool first = cand.word[0] == word[0];
    if (d < best_d ||
        (d == best_d && (first > best_first || (first == best_first && (cand.freq > best->freq ||
                                                                        (cand.freq == best->freq && &cand < best)))))) {
      best = &cand;
      best_d = d;
      best_first = first;
    }
  };
  // Up to one edit: look the word's deletions up in the index.
  for_each_deletion(word, [&](std::string_view v) {
    const std::uint64_t h = serial::hash64(v);
    auto it = std::lower_bound(deletions.begin(), deletions.end(), std::pair<std::uint64_t, std::uint32_t>{h, 0});
    for (; it != deletions.end() && it->first == h; ++it) {
      const Spelling& cand = spellings[it->second];
      consider(cand, edit_distance(word, cand.word, limit));
    }
  });
  auto index_of = [&](const Spelling* sp) {
    return sp == nullptr ? NameIndex::none : static_cast<std::uint32_t>(sp - spellings.data());
  };
  if (best_d <= 1 || limit < 2) return index_of(best);
  // Two edits keep the first letter and the length within one (plausible_typo):
  // scan those words, skipping any whose letters differ too much.
  const std::uint32_t letters = letter_mask(word);
  auto key = [](const Spelling& s) { return std::pair<std::size_t, unsigned char>{s.word.size(), static_cast<unsigned char>(s.word[0])}; };
  for (std::size_t len = word.size() - 1; len <= word.size() + 1; ++len) {
    Spelling probe;
    probe.word.assign(len, word[0]);
    auto [lo, hi] = std::equal_range(spellings.begin(), spellings.end(), probe,
                                     [&](const Spelling& a, const Spelling& b) { return key(a) < key(b); });
    for (auto it = lo; it != hi; ++it)
      if (bits_set(letters ^ it->letters) <= 4) consider(*it, edit_distance(word, it->word, limit));
  }
  return index_of(best);
}

const SearchIndex::Impl::Unfamiliar& SearchIndex::Impl::look_up_unfamiliar(const std::string& word) const {
  if (auto it = unfamiliar.find(word); it != unfamiliar.end()) return it->second;
  Unfamiliar u;
  u.stem = stemmer.stem(word);
  u.stop = function_word(word);
  u.lex = lexeme(u.stem);
  if (!u.stop && u.lex.term == no_term && u.lex.synonyms == nullptr) {
    std::tie(u.first, u.second) = compound_split(word);
    if (u.first == NameIndex::none) u.fix = correct_spelling(word);
  }
  return unfamiliar.emplace(word, std::move(u)).first->second;
}

std::pair<std::uint32_t, std::uint32_t> SearchIndex::Impl::boundary_shift(const std::string& a, const std::string& b,
                                                                        std::string_view joined, std::uint32_t found_a,
                                                                        std::uint32_t found_b) const {
  constexpr std::pair<std::uint32_t, std::uint32_t> none{NameIndex::none, NameIndex::none};
  auto unmendable = [&](const std::string& w, std::uint32_t found) {
    if (found != NameIndex::none) return false;
    const Unfamiliar& u = look_up_unfamiliar(w);
    return !u.stop && u.lex.term == no_term && u.lex.synonyms == nullptr && u.first == NameIndex::none &&
           u.fix == NameIndex::none;
  };
  auto faq_word = [&](std::uint32_t found) { return found != NameIndex::none && !spellings[found].stop; };
  if (!unmendable(a, found_a) && !unmendable(b, found_b)) return none; // both words stand, or will once corrected
  if (faq_word(found_a) || faq_word(found_b)) return none;             // a word the FAQ uses is kept as typed
  for (const std::size_t at : {a.size() - 1, a.size() + 1}) {
    if (at < 2 || at + 2 > joined.size()) continue;
    const std::uint32_t l = find_spelling(joined.substr(0, at));
    const std::uint32_t r = l == NameIndex::none ? NameIndex::none : find_spelling(joined.substr(at));
    if (r != NameIndex::none) return {l, r};
  }
  return none;
}

std::pair<std::uint32_t, std::uint32_t> SearchIndex::Impl::compound_split(std::string_view word) const {
  constexpr std::size_t shortest = 3;
  std::pair<std::uint32_t, std::uint32_t> best{NameIndex::none, NameIndex::none};
  std::size_t best_shorter = 0;
  for (std::size_t k = shortest; k + shortest <= word.size(); ++k) {
    const std::uint32_t a = find_spelling(word.substr(0, k));
    if (a == NameIndex::none) continue;
    const std::uint32_t b = find_spelling(word.substr(k));
    if (b == NameIndex::none || (spellings[a].stop && spellings[b].stop)) continue;
    if (std::min(k, word.size() - k) > best_shorter) {
      best = {a, b};
      best_shorter = std::min(k, word.size() - k);
    }
  }
  return best;
}

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
    if (res[i].lex.phrase_start) {
      const auto first = std::partition_point(synonym_phrases.begin(), synonym_phrases.end(),
                                              [&](const auto& p) { return p.first.front() < res[i].stem; });
      for (auto it = first; it != synonym_phrases.end() && it->first.front() == res[i].stem; ++it) {
        const auto& [phrase, group] = *it;
        if (phrase.size() <= best_len || i + phrase.size() > words.size()) continue;
        if (std::equal(phrase.begin(), phrase.end(), res.begin() + static_cast<std::ptrdiff_t>(i),
                       [](const std::string& a, const Resolved& b) { return a == b.stem; })) {
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
    } else if (words[i].size() > 2) { // "u", "r", "ok": texting, not meaning
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
    // An unknown adverb ("exactly", "usually") says little about the topic.
    if (id == no_term && q[i].word.size() > 4 && q[i].word.ends_with("ly")) w *= adverb_factor;
    if (kept != i) {
      q[kept] = std::move(q[i]);
      ids[kept] = id;
    }
    q[kept++].weight = w;
  }
  q.erase(q.begin() + static_cast<std::ptrdiff_t>(kept), q.end());
  ids.resize(kept);
}

SearchIndex::Impl::Impl(const Faq& faq)
    : entry_count(faq.entries.size() + faq.not_answered.size()),
      declined(static_cast<std::uint32_t>(faq.entries.size())),
      ignored(faq.ignore_words.begin(), faq.ignore_words.end()) {
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
      for (const auto& t : tokenize(w)) stems.push_back(stemmer.stem(t));
      if (stems.size() == 1 && stems != canon) synonym_words[stems[0]] = group; // "costs" is "cost" already
      else if (stems.size() > 1) synonym_phrases.emplace_back(std::move(stems), group);
      for (const auto& t : tokenize(w)) ++surface[t];
    }
    synonym_groups.push_back(std::move(canon));
    for (const auto& t : tokenize(g.canonical)) ++surface[t];
  }
  // By first word, so a query looks only at the phrases that can start where it is.
  std::stable_sort(synonym_phrases.begin(), synonym_phrases.end(),
                   [](const auto& a, const auto& b) { return a.first.front() < b.first.front(); });
  for (const auto& [phrase, c] : synonym_phrases) phrase_starts.insert(phrase.front());
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

namespace {
// Per-thread accumulators for score(), sized to the largest index seen and
// left all zero after each call, so a query touches only what it matches.
struct ScoreScratch {
  std::vector<double> coverage, centroid, credit, cosine, cosine2; // per entry
  std::vector<std::uint32_t> best_unit, second_unit;      // per entry: the units with those cosines
  std::vector<std::uint8_t> seen;                         // per entry: coverage or centroid touched
  std::vector<double> dot;                        // per unit
  std::vector<std::uint32_t> entries, units, credited;
  std::vector<TermId> ids;            // per query word: its term, when the caller has not looked them up
  std::vector<std::uint8_t> essential; // per query word
  std::vector<std::size_t> order;      // query words, lightest first
  void fit(std::size_t entry_count, std::size_t unit_count) {
    if (coverage.size() < entry_count) {
      coverage.resize(entry_count);
      centroid.resize(entry_count);
      credit.resize(entry_count);
      cosine.resize(entry_count);
      cosine2.resize(entry_count);
      best_unit.resize(entry_count, no_unit);
      second_unit.resize(entry_count, no_unit);
      seen.resize(entry_count);
    }
    if (dot.size() < unit_count) dot.resize(unit_count);
  }
};
} // namespace

std::vector<SearchIndex::Impl::Scored> SearchIndex::Impl::score(const std::vector<QueryTerm>& q,
                                                                std::uint32_t skip_unit, std::size_t top,
                                                                double floor, const std::vector<TermId>* given) const {
  double total = 0, q_sq = 0;
  for (const auto& t : q) {
    total += t.weight;
    q_sq += t.weight * t.weight;
  }
  std::vector<Scored> out;
  if (total <= 0) return out;
  const double q_norm = std::sqrt(q_sq);
  thread_local ScoreScratch x;
  x.fit(entry_count, units.size());
  auto touch = [&](std::uint32_t e) {
    if (x.seen[e] == 0) {
      x.seen[e] = 1;
      x.entries.push_back(e);
    }
  };
  // Words whose postings are walked in full ("essential"), and words only
  // looked up for the entries those find. An entry sharing only the
  // non-essential words -- the most common ones, whose weights together
  // cannot reach `floor` -- is never scored (MaxScore pruning). The bound:
  // coverage counts each word at most once, and the cosine to any phrasing or
  // centroid is at most the query's norm over the shared words, divided by its
  // whole norm (Cauchy-Schwarz, as phrasings weigh their words by idf too).
  if (given == nullptr) {
    x.ids.clear();
    for (const auto& t : q) x.ids.push_back(find(t.term));
  }
  const std::vector<TermId>& ids = given != nullptr ? *given : x.ids;
  std::vector<std::uint8_t>& essential = x.essential;
  essential.assign(q.size(), 1);
  if (floor > 0) {
    std::vector<std::size_t>& order = x.order;
    order.clear();
    for (std::size_t i = 0; i < q.size(); ++i)
      if (ids[i] != no_term) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return q[a].weight < q[b].weight; });
    double sum = 0, sum_sq = 0;
    for (std::size_t k = 0; k + 1 < order.size(); ++k) { // the heaviest word always stays essential
      sum += q[order[k]].weight;
      sum_sq += q[order[k]].weight * q[order[k]].weight;
      const double bound = coverage_share * (sum / total) * (sum / total) +
                           (phrasing_share + centroid_share) * std::sqrt(sum_sq) / q_norm;
      if (bound >= floor) break;
      essential[order[k]] = 0;
    }
    for (std::size_t i = 0; i < q.size(); ++i)
      if (essential[i] != 0 && ids[i] != no_term)
        for (const Posting& p : postings[ids[i]]) touch(p.entry);
  }
  const std::size_t candidates = x.entries.size();
  // Coverage: each query word counts once per entry, at its best field's credit.
  // Words are taken in the query's order, pruned or not, so the sums are the same.
  for (std::size_t i = 0; i < q.size(); ++i) {
    const QueryTerm& t = q[i];
    const TermId id = ids[i];
    if (id == no_term) continue;
    if (essential[i] == 0) {
      const auto& list = postings[id];
      const auto& centroids = centroid_postings[id];
      for (std::size_t k = 0; k < candidates; ++k) {
        const std::uint32_t e = x.entries[k];
        auto p = std::lower_bound(list.begin(), list.end(), e,
                                  [](const Posting& a, std::uint32_t b) { return a.entry < b; });
        double credit = 0;
        for (; p != list.end() && p->entry == e; ++p) {
          credit = std::max(credit, p->field == Field::answer ? answer_credit : 1.0);
          if (p->unit != no_unit) {
            if (x.dot[p->unit] == 0) x.units.push_back(p->unit);
            x.dot[p->unit] += t.weight * t.weight;
          }
        }
        x.coverage[e] += credit * t.weight;
        auto c = std::lower_bound(centroids.begin(), centroids.end(), e,
                                  [](const std::pair<std::uint32_t, double>& a, std::uint32_t b) { return a.first < b; });
        if (c != centroids.end() && c->first == e) x.centroid[e] += t.weight * c->second;
      }
      continue;
    }
    for (const Posting& p : postings[id]) {
      if (p.unit == skip_unit && p.unit != no_unit) continue;
      const double c = p.field == Field::answer ? answer_credit : 1.0;
      if (x.credit[p.entry] == 0) x.credited.push_back(p.entry);
      x.credit[p.entry] = std::max(x.credit[p.entry], c);
      if (p.unit != no_unit) {
        if (x.dot[p.unit] == 0) x.units.push_back(p.unit);
        x.dot[p.unit] += t.weight * t.weight;
      }
    }
    for (std::uint32_t e : x.credited) {
      touch(e);
      x.coverage[e] += x.credit[e] * t.weight;
      x.credit[e] = 0;
    }
    x.credited.clear();
    for (const auto& [e, v] : centroid_postings[id]) {
      touch(e);
      x.centroid[e] += t.weight * v;
    }
  }
  // Phrasing: the two best cosines over each entry's units.
  for (std::uint32_t u : x.units) {
    const double cos = x.dot[u] / (q_norm * units[u].norm);
    x.dot[u] = 0;
    const std::uint32_t e = units[u].entry;
    if (cos > x.cosine[e]) {
      x.cosine2[e] = x.cosine[e];
      x.second_unit[e] = x.best_unit[e];
      x.cosine[e] = cos;
      x.best_unit[e] = u;
    } else if (cos > x.cosine2[e]) {
      x.cosine2[e] = cos;
      x.second_unit[e] = u;
    }
  }
  x.units.clear();
  out.reserve(x.entries.size());
  for (std::uint32_t e : x.entries) {
    const double cov = x.coverage[e] / total;
    const double second = lone[e] != 0 ? x.cosine[e] : x.cosine2[e];
    if (x.coverage[e] > 0)
      out.push_back({e,
                     coverage_share * cov * cov +
                         phrasing_share * ((1 - second_phrasing) * x.cosine[e] + second_phrasing * second) +
                         centroid_share * x.centroid[e] / q_norm,
                     x.best_unit[e], x.second_unit[e], x.cosine[e]});
    x.coverage[e] = x.centroid[e] = x.cosine[e] = x.cosine2[e] = 0;
    x.best_unit[e] = x.second_unit[e] = no_unit;
    x.seen[e] = 0;
  }
  x.entries.clear();
  auto better = [](const Scored& a, const Scored& b) { return a.score != b.score ? a.score > b.score : a.entry < b.entry; };
  if (top < out.size()) {
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(top), out.end(), better);
    out.resize(top);
  } else {
    std::sort(out.begin(), out.end(), better);
  }
  return out;
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

double SearchIndex::Impl::confidence(double raw) const {
  raw = std::clamp(raw, 0.0, 1.0);
  double t = raw_threshold;
  return raw < t ? 0.5 * raw / t : 0.5 + 0.5 * (raw - t) / (1.0 - t);
}

// Ask each phrasing (question or alternate) with itself left out: the score
// its own entry still gets is what an answerable question worded in a new way
// scores. The threshold is a low percentile of those scores, so that about
// nine in ten new wordings of a question the FAQ answers are still answered,
// while questions sharing only a word or two with an entry fall below it.
// (The best other entry's score is no guide: in a FAQ about one treatment,
// neighbouring entries share most of their words.)
void SearchIndex::Impl::derive_threshold(const std::vector<std::string>& unit_texts) {
  std::vector<std::uint32_t> phrasings_per_entry(entry_count, 0);
  for (std::size_t u = 0; u < units.size(); ++u)
    if (!unit_texts[u].empty()) ++phrasings_per_entry[units[u].entry];
  std::vector<std::uint32_t> held_out;
  for (std::size_t u = 0; u < units.size(); ++u)
    if (!unit_texts[u].empty() && phrasings_per_entry[units[u].entry] >= 2 && units[u].entry < declined)
      held_out.push_back(static_cast<std::uint32_t>(u));
  if (held_out.size() < 8) return;
  const std::size_t stride = (held_out.size() + max_calibration_queries - 1) / max_calibration_queries;
  std::vector<double> pos;
  std::vector<QueryTerm> terms_of_unit;
  std::vector<TermId> ids_of_unit;
  for (std::size_t k = 0; k < held_out.size(); k += stride) {
    const std::uint32_t u = held_out[k];
    double own = 0;
    normalise(unit_texts[u], false, terms_of_unit, ids_of_unit);
    weigh(terms_of_unit, ids_of_unit);
    for (const auto& s : score(terms_of_unit, u, entry_count))
      if (s.entry == units[u].entry) own = std::max(own, s.score);
    pos.push_back(own);
  }
  std::sort(pos.begin(), pos.end());
  const double best_t = pos[static_cast<std::size_t>(calibration_percentile * static_cast<double>(pos.size()))];
  raw_threshold = std::clamp(best_t, 0.15, 0.9);
}

std::vector<Contribution> SearchIndex::Impl::explain(const std::vector<QueryTerm>& q, const Scored& s) const {
  // Each part of the score, split between the words that made it, so the
  // contributions add up to the score.
  double total = 0, q_sq = 0;
  for (const auto& t : q) {
    total += t.weight;
    q_sq += t.weight * t.weight;
  }
  const double q_norm = std::sqrt(q_sq);
  struct Found {
    std::size_t term;
    TermId id;
    Field where;
  };
  std::vector<Found> found;
  double covered = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const TermId id = find(q[i].term);
    if (id == no_term) continue;
    std::optional<Field> where;
    for (const Posting& p : postings[id]) {
      if (p.entry != s.entry) continue;
      if (!where || (*where == Field::answer && p.field != Field::answer) ||
          (p.field == Field::question && *where != Field::question))
        where = p.field;
    }
    if (!where) continue;
    found.push_back({i, id, *where});
    covered += q[i].weight * (*where == Field::answer ? answer_credit : 1.0);
  }
  const bool one = lone[s.entry] != 0;
  const std::pair<std::uint32_t, double> phrasings[] = {
      {s.best_unit, phrasing_share * (one ? 1.0 : 1 - second_phrasing)},
      {one ? no_unit : s.second_unit, phrasing_share * second_phrasing}};
  std::vector<Contribution> out;
  for (const Found& f : found) {
    const double w = q[f.term].weight;
    double share = coverage_share * (covered / total) * w * (f.where == Field::answer ? answer_credit : 1.0) / total;
    for (const auto& [unit, part] : phrasings) {
      if (unit == no_unit) continue;
      const auto terms_of_unit = unit_terms[unit];
      if (std::find(terms_of_unit.begin(), terms_of_unit.end(), f.id) != terms_of_unit.end())
        share += part * w * w / (q_norm * units[unit].norm);
    }
    const auto& centroids = centroid_postings[f.id];
    auto c = std::lower_bound(centroids.begin(), centroids.end(), s.entry,
                              [](const std::pair<std::uint32_t, double>& a, std::uint32_t b) { return a.first < b; });
    if (c != centroids.end() && c->first == s.entry) share += centroid_share * w * c->second / q_norm;
    static constexpr const char* names[] = {"question", "alternate", "keyword", "answer"};
    out.push_back({f.term, names[static_cast<int>(f.where)], share});
  }
  return out;
}

SearchIndex::SearchIndex(const Faq& faq) : impl_(std::make_unique<Impl>(faq)) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

double SearchIndex::min_confidence() const { return impl_->min_conf; }
double SearchIndex::threshold() const { return impl_->raw_threshold; }

SearchResult SearchIndex::search(std::string_view query, const SearchOptions& options) const {
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

namespace faqdesk {

std::string SearchIndex::serialize() const {
  const Impl& x = *impl_;
  serial::Writer w;
  w.u64(x.entry_count);
  w.u64(x.terms.size());
  for (std::size_t id = 0; id < x.terms.size(); ++id) {
    w.str(x.terms[id]);
    w.f64(x.idf[id]);
    w.u64(x.postings[id].size());
    for (const auto& p : x.postings[id]) {
      w.u32(p.entry);
      w.u32(p.unit);
      w.u8(static_cast<std::uint8_t>(p.field));
    }
    w.u64(x.centroid_postings[id].size());
    for (const auto& [e, weight] : x.centroid_postings[id]) {
      w.u32(e);
      w.f64(weight);
    }
  }
  w.u64(x.units.size());
  for (std::size_t u = 0; u < x.units.size(); ++u) {
    w.u32(x.units[u].entry);
    w.u8(static_cast<std::uint8_t>(x.units[u].field));
    w.f64(x.units[u].norm);
    w.u64(x.unit_terms[u].size());
    for (TermId t : x.unit_terms[u]) w.u32(t);
  }
  w.u64(x.synonym_groups.size());
  for (const auto& canon : x.synonym_groups) w.strs(canon);
  w.u64(x.synonym_words.size());
  for (const auto& [stem, group] : x.synonym_words) {
    w.str(stem);
    w.u32(group);
  }
  w.u64(x.synonym_phrases.size());
  for (const auto& [phrase, group] : x.synonym_phrases) {
    w.strs(phrase);
    w.u32(group);
  }
  w.u64(x.synonym_canonical_name.size());
  for (const auto& [stem, name] : x.synonym_canonical_name) {
    w.str(stem);
    w.str(name);
  }
  // The spelling index as built, so a cached FAQ need not sort and hash its words again.
  w.u64(x.spellings.size());
  for (const auto& sp : x.spellings) {
    w.str(sp.word);
    w.u32(sp.freq);
    w.str(sp.stem);
    w.u32(sp.lex.term);
    w.u8(static_cast<std::uint8_t>((sp.stop ? 1 : 0) | (sp.lex.phrase_start ? 2 : 0) | (sp.lex.synonyms != nullptr ? 4 : 0)));
  }
  w.u64(x.deletions.size());
  for (const auto& [hash, index] : x.deletions) {
    w.u64(hash);
    w.u32(index);
  }
  w.f64(x.unknown_idf);
  w.u64(x.pleasantries_used);
  w.f64(x.raw_threshold);
  w.f64(x.min_conf);
  return std::move(w.bytes());
}

SearchIndex SearchIndex::restore(std::string_view bytes, const Faq& faq) {
  using serial::Malformed;
  auto x = std::make_unique<Impl>();
  serial::Reader r(bytes);
  x->entry_count = r.u64();
  if (x->entry_count != faq.entries.size() + faq.not_answered.size())
    throw Malformed("entry count differs from the FAQ");
  x->declined = static_cast<std::uint32_t>(faq.entries.size());
  x->ignored.insert(faq.ignore_words.begin(), faq.ignore_words.end());
  auto field = [&] {
    auto f = r.u8();
    if (f > static_cast<std::uint8_t>(Field::answer)) throw Malformed("bad field");
    return static_cast<Field>(f);
  };
  auto entry = [&] {
    auto e = r.u32();
    if (e >= x->entry_count) throw Malformed("entry out of range");
    return e;
  };
  const std::size_t term_count = r.count(8 + 8 + 8 + 8);
  x->idf.resize(term_count);
  x->terms.reserve(term_count);
  x->postings.start.reserve(term_count + 1);
  x->centroid_postings.start.reserve(term_count + 1);
  for (TermId id = 0; id < term_count; ++id) {
    x->terms.emplace_back(r.view());
    if (x->find(x->terms.back()) != no_term) throw Malformed("duplicate term");
    x->term_index.add(id, [&](std::uint32_t i) -> std::string_view { return x->terms[i]; });
    x->idf[id] = r.f64();
    // Postings in entry order: pruned scoring looks entries up by binary search.
    std::uint32_t last = 0;
    for (std::size_t n = r.count(9); n > 0; --n) {
      Posting p;
      p.entry = entry();
      p.unit = r.u32();
      p.field = field();
      if (p.entry < last) throw Malformed("postings out of order");
      last = p.entry;
      x->postings.items.push_back(p);
    }
    x->postings.close();
    last = 0;
    for (std::size_t n = r.count(12); n > 0; --n) {
      const std::uint32_t e = entry();
      const double weight = r.f64();
      if (e < last) throw Malformed("centroid postings out of order");
      last = e;
      x->centroid_postings.items.emplace_back(e, weight);
    }
    x->centroid_postings.close();
  }
  x->units.resize(r.count(21));
  x->unit_terms.start.reserve(x->units.size() + 1);
  for (auto& u : x->units) {
    u.entry = entry();
    u.field = field();
    u.norm = r.f64();
    for (std::size_t n = r.count(4); n > 0; --n) {
      const TermId t = r.u32();
      if (t >= term_count) throw Malformed("term out of range");
      x->unit_terms.items.push_back(t);
    }
    x->unit_terms.close();
  }
  for (const auto& p : x->postings.items)
    if (p.unit != no_unit && p.unit >= x->units.size()) throw Malformed("unit out of range");
  x->synonym_groups.resize(r.count(8));
  for (auto& canon : x->synonym_groups) canon = r.strs();
  auto group = [&] {
    const std::uint32_t g = r.u32();
    if (g >= x->synonym_groups.size()) throw Malformed("synonym group out of range");
    return g;
  };
  for (std::size_t n = r.count(12); n > 0; --n) {
    std::string stem = r.str();
    x->synonym_words[std::move(stem)] = group();
  }
  const std::size_t phrase_count = r.count(12);
  x->synonym_phrases.reserve(phrase_count);
  for (std::size_t n = phrase_count; n > 0; --n) {
    std::vector<std::string> phrase = r.strs();
    if (phrase.empty()) throw Malformed("empty synonym phrase");
    x->phrase_starts.insert(phrase.front());
    if (!x->synonym_phrases.empty() && phrase.front() < x->synonym_phrases.back().first.front())
      throw Malformed("synonym phrases not in order");
    x->synonym_phrases.emplace_back(std::move(phrase), group());
  }
  for (std::size_t n = r.count(16); n > 0; --n) {
    std::string stem = r.str();
    x->synonym_canonical_name[stem] = r.str();
  }
  // Every canonical term a synonym gives must have its display name.
  auto named = [&](const std::vector<std::string>& canon) {
    for (const auto& c : canon)
      if (!x->synonym_canonical_name.contains(c)) throw Malformed("synonym without a name");
  };
  for (const auto& canon : x->synonym_groups) named(canon);
  x->spellings.resize(r.count(26));
  for (auto& sp : x->spellings) {
    sp.word = r.view();
    sp.freq = r.u32();
    sp.letters = letter_mask(sp.word);
    sp.stem = r.view();
    if (sp.word.empty() || sp.stem.empty()) throw Malformed("empty spelling word or stem");
    sp.lex.term = r.u32();
    if (sp.lex.term != no_term && sp.lex.term >= term_count) throw Malformed("term out of range");
    const std::uint8_t flags = r.u8();
    if (flags > 7) throw Malformed("bad spelling flags");
    sp.stop = (flags & 1) != 0;
    sp.lex.phrase_start = (flags & 2) != 0;
    if ((flags & 4) != 0) {
      auto it = x->synonym_words.find(sp.stem);
      if (it == x->synonym_words.end()) throw Malformed("synonym word unknown");
      sp.lex.synonyms = &x->synonym_groups[it->second];
    }
  }
  if (std::adjacent_find(x->spellings.begin(), x->spellings.end(), [](const Spelling& a, const Spelling& b) {
        return !spelling_order(a, b);
      }) != x->spellings.end())
    throw Malformed("spellings not unique and in order");
  x->spelling_index.build(x->spellings.size(),
                          [&](std::uint32_t i) -> std::string_view { return x->spellings[i].word; });
  x->deletions.resize(r.count(12));
  for (auto& [hash, index] : x->deletions) {
    hash = r.u64();
    index = r.u32();
    if (index >= x->spellings.size()) throw Malformed("spelling out of range");
  }
  if (!std::is_sorted(x->deletions.begin(), x->deletions.end())) throw Malformed("spelling index not in order");
  x->find_lone_entries();
  x->find_light_terms();
  x->unknown_idf = r.f64();
  x->pleasantries_used = r.u64();
  x->raw_threshold = r.f64();
  x->min_conf = r.f64();
  if (r.left() != 0) throw Malformed("trailing bytes");
  if (!(x->raw_threshold > 0 && x->raw_threshold < 1) || !(x->min_conf >= 0 && x->min_conf <= 1))
    throw Malformed("threshold out of range");
  SearchIndex index;
  index.impl_ = std::move(x);
  return index;
}

} // namespace faqdesk
