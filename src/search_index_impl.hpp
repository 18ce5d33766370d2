// The insides of SearchIndex, shared by the files that build it
// (search_index.cpp), read a question into terms (query_terms.cpp, with
// spelling.cpp), score it (scoring.cpp) and cache it (search_index_cache.cpp).
// Private to src/.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <faqdesk/search_index.hpp>
#include <faqdesk/tokenizer.hpp>

#include "serial.hpp"

namespace faqdesk {

using TermId = std::uint32_t;
constexpr TermId no_term = ~TermId{0};
// Raw threshold used when the FAQ has too few alternates to derive one.
constexpr double fallback_threshold = 0.5;

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

// A word of a synonym phrase as phrases are matched: a possessive is "my",
// so "off my feet" is also said of his, her, your or their feet.
inline std::string_view phrase_word(std::string_view stem) {
  static constexpr std::string_view possessives[] = {"your", "his", "her", "their", "our"};
  return std::find(std::begin(possessives), std::end(possessives), stem) != std::end(possessives) ? "my" : stem;
}

// What the index knows of a stem.
struct Lexeme {
  TermId term = no_term;
  const std::vector<std::string>* synonyms = nullptr; // canonical terms, when it is a synonym word
  bool phrase_start = false;                         // some synonym phrase starts with it
  // Whether the FAQ uses it: as a term of its own, or as a synonym.
  bool means_something() const { return term != no_term || synonyms != nullptr; }
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
inline bool spelling_order(const Spelling& a, const Spelling& b) {
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


// One bit per letter (digits and other bytes share the last bits). Each edit
// changes at most two bits of the set of letters a word uses, so two words
// whose masks differ in more than 2k bits are more than k edits apart: a cheap
// test that skips most candidates before the edit distance is computed.
inline std::uint32_t letter_mask(std::string_view word) {
  std::uint32_t m = 0;
  for (char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    m |= std::uint32_t{1} << (c >= 'a' && c <= 'z' ? c - 'a' : 26 + c % 6);
  }
  return m;
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

struct SearchIndex::Impl {
  Stemmer stemmer;
  std::size_t entry_count = 0;
  std::vector<std::string> terms; // by id
  NameIndex term_index;
  std::vector<double> idf;
  std::vector<std::uint8_t> light; // per term: 1 for a light word's stem (not kept in the cache)
  void find_light_terms();
  // Callers name the clinic ("does Allure Medical do knees"): the words of
  // its name are ignored like `ignore_words`, unless an entry's question,
  // alternates or keywords use them. Those words are kept in clinic_words.
  void ignore_clinic_name(const Faq& faq);
  std::vector<std::string> clinic_words;
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
  static bool phrase_order(const std::pair<std::vector<std::string>, std::uint32_t>& a,
                           const std::pair<std::vector<std::string>, std::uint32_t>& b) {
    return a.first[0] != b.first[0] ? a.first[0] < b.first[0] : a.first[1] < b.first[1];
  }
  std::unordered_map<std::string, std::string> synonym_canonical_name; // stem -> canonical as written
  // First stem of every synonym phrase, and where its phrases lie in
  // synonym_phrases, [first, second): most words skip the phrase scan.
  // Its keys view synonym_phrases, which stays as it is once this is made.
  std::unordered_map<std::string_view, std::pair<std::uint32_t, std::uint32_t>> phrase_starts;
  void find_phrase_starts() {
    phrase_starts.clear();
    phrase_starts.reserve(synonym_phrases.size());
    for (std::uint32_t k = 0; k < synonym_phrases.size(); ++k) {
      auto [it, added] = phrase_starts.try_emplace(synonym_phrases[k].first[0], k, k);
      it->second.second = k + 1;
    }
  }
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
    // When it is a dictionary word with no correction: the FAQ words it may
    // be a slip for (real_word_slips), which the rest of a question must confirm.
    std::vector<std::uint32_t> slips;
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
  // Calls f(k) for each spellings[k] that shares `word` or one of its
  // one-letter deletions (every word up to one edit away, and some two).
  template <typename F> void for_each_deletion_neighbour(std::string_view word, F&& f) const {
    for_each_deletion(word, [&](std::string_view v) {
      const std::uint64_t h = serial::hash64(v);
      auto it = std::lower_bound(deletions.begin(), deletions.end(), std::pair<std::uint64_t, std::uint32_t>{h, 0});
      for (; it != deletions.end() && it->first == h; ++it) f(it->second);
    });
  }
  // The spellings of `len` letters that begin with `prefix`: neighbours in
  // `spellings`, which are ordered by length, then alphabetically.
  std::span<const Spelling> spellings_starting(std::string_view prefix, std::size_t len) const;
  // The spelling (index) `word` is a plausible typo of, or NameIndex::none.
  std::uint32_t correct_spelling(const std::string& word) const;
  // The FAQ content word (spelling index) that `word`, no dictionary word,
  // was spelt by ear for ("paneful" for "painful"): of those that sound the
  // same (sound_key), the fewest edits away; NameIndex::none when there is
  // none, or when two words tie.
  std::uint32_t sound_alike(const std::string& word) const;
  mutable std::vector<std::pair<std::string, std::uint32_t>> sound_index; // (sound key, spelling), sorted; made on first use
  // The FAQ content word that `word`, no dictionary word, is cut short
  // from ("circ", "mesench", "cartil" for "circulation", "mesenchymal",
  // "cartilage"): the FAQ's words that begin with it, when they all share
  // one stem; NameIndex::none otherwise.
  std::uint32_t unclipped(const std::string& word) const;
  // The FAQ's content words one likely slip from `word`, a dictionary word
  // the FAQ does not use ("lust", "bane", "toke" for "last", "bone", "take"),
  // keeping its first letter: candidates for a real-word typo, which only
  // the rest of the question can confirm (normalise does).
  std::vector<std::uint32_t> real_word_slips(const std::string& word) const;
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
  // The weight of a word found in a third of the entries: a word weighing
  // this or more names something more particular than the FAQ's own subject.
  double particular() const {
    const double n = std::max<double>(declined, 1);
    return std::log(1.0 + (n - n / 3 + 0.5) / (n / 3 + 0.5));
  }
  TermId find(std::string_view term) const {
    return term_index.find(term, [&](std::uint32_t i) -> std::string_view { return terms[i]; });
  }
  std::uint32_t find_spelling(std::string_view word) const {
    return spelling_index.find(word, [&](std::uint32_t i) -> std::string_view { return spellings[i].word; });
  }
};

} // namespace faqdesk
