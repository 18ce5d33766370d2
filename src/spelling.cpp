// Spelling correction against the FAQ's own words: which of them a word the
// FAQ does not use is a typo of, and compounds joined, split or with a space
// typed a letter off.
#include <algorithm>

#include <faqdesk/text.hpp>

#include "search_index_impl.hpp"

namespace faqdesk {
namespace {

// True when keys `a` and `b` are next to each other on a QWERTY keyboard.
bool adjacent_keys(char a, char b) {
  static constexpr const char* neighbours[26] = {
      "qwsz", "vghn", "xdfv", "erfsxc", "wrsd", "rtdgcv", "tyfhvb", "yugjbn", "uojk", "uihknm", "iojlm", "opk", "njk",
      "bhjm", "ipkl", "ol", "wa", "etdf", "weadzx", "ryfg", "yihj", "cfgb", "qeas", "zsdc", "tugh", "asx"};
  return a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && std::string_view(neighbours[a - 'a']).find(b) != std::string_view::npos;
}
// A letter typed for another: a neighbouring key, a vowel for a vowel, or
// letters that sound alike ("recovary", "prise"; but not "hiring" -> "hiking").
bool likely_slip(char typed, char meant) {
  static constexpr std::string_view alike[] = {"aeiouy", "cksqz", "gj", "fv", "dt", "bp", "mn"};
  if (typed < 'a' || typed > 'z' || meant < 'a' || meant > 'z') return false;
  if (adjacent_keys(typed, meant)) return true;
  return std::any_of(std::begin(alike), std::end(alike), [&](std::string_view g) {
    return g.find(typed) != std::string_view::npos && g.find(meant) != std::string_view::npos;
  });
}

// True when `cand`, at edit distance `d` from `word`, looks like a typo of it
// rather than another real word. A word no English dictionary has, of three
// or four letters, is a typo of a FAQ word one likely slip away ("cosg",
// "syem", "shoy" -> "cost", "stem", "shot"), and one of three letters is one
// of a word a letter longer ("sho" -> "shot"). Otherwise: a short word only
// loses, gains or swaps a letter ("cots" -> "cost", but not "scam" -> "scan",
// nor "cast" -> "cost"); two edits keep the
// first two letters and the length within one ("cartlidge" -> "cartilage",
// but not "reschedule" -> "schedule" or "browsing" -> "bowling"); one letter
// for another is a likely_slip;
// function words are reached by one edit only, keeping the first letter or
// swapping the first two ("waht", "hte" -> "what", "the"; but "bill" is not
// "ill", which would drop it unseen), and by a letter too many only when it
// doubles or sits next to a letter beside it ("yoou", "yoiu"; but "note" is
// not "not", nor "hers" "her").
bool plausible_typo(const std::string& word, const std::string& cand, bool function_word, std::size_t d,
                    bool english) {
  if (d == 0) return true;
  // A real word with a letter too many for a FAQ word is another real word
  // ("plus", "stick", "close", "status" are not "pus", "sick", "lose",
  // "stats"): a typist's extra letter seldom makes a word.
  if (english && cand.size() < word.size() && !function_word) return false;
  // Nor is a real word with another first letter ("gain", "ring" are not
  // "again", "bring"; "pending" is not "bending"): slips of real words keep
  // the first letter, as real_word_slips' do.
  if (english && !function_word && cand[0] != word[0]) return false;
  if (word.size() == cand.size()) {
    const auto at = std::mismatch(word.begin(), word.end(), cand.begin());
    if (at.first != word.end() && std::equal(std::next(at.first), word.end(), std::next(at.second))) { // one letter for another
      if (!likely_slip(*at.first, *at.second)) return false;
      if (!english && word.size() < 5) return true;
      if (word.size() < (function_word ? 4 : 5)) return false;
    }
  }
  if (word.size() == 3) {
    // Three letters: a letter left out of a function word ("wil", "ths") or
    // two swapped ("teh"); a content word only when nothing but consonants
    // is left ("cst", "sfe" has a vowel and is not), as real words have a
    // vowel; when a doubled letter was typed once ("cel" for "cell"); or
    // when the word is no English word ("sho").
    if (cand.size() < word.size()) return false; // "hip" is not "hi", nor "ivf" "if"
    if (!english) return true;
    const bool doubled = cand.size() == 4 && d == 1 && [&] {
      const auto at = static_cast<std::size_t>(std::mismatch(word.begin(), word.end(), cand.begin()).second - cand.begin());
      return (at > 0 && cand[at] == cand[at - 1]) || (at + 1 < cand.size() && cand[at] == cand[at + 1]);
    }();
    if (!function_word && !doubled && (cand.size() == word.size() || word.find_first_of("aeiouy") != std::string::npos))
      return false;
  }
  if (function_word && d == 1 && word.size() == cand.size() + 1) {
    const auto at = static_cast<std::size_t>(std::mismatch(cand.begin(), cand.end(), word.begin()).second - word.begin());
    const char extra = word[at];
    auto beside = [&](std::size_t k) { return k < word.size() && (word[k] == extra || adjacent_keys(extra, word[k])); };
    if (!((at > 0 && beside(at - 1)) || beside(at + 1))) return false;
  }
  if (word[0] != cand[0] && function_word &&
      !(word.size() >= 2 && cand.size() >= 2 && word[0] == cand[1] && word[1] == cand[0]))
    return false;
  if (d >= 2) {
    const std::size_t gap = word.size() > cand.size() ? word.size() - cand.size() : cand.size() - word.size();
    if (gap > 1 || word[0] != cand[0] || word[1] != cand[1] || function_word) return false;
  }
  return true;
}

// Population count without a call into libgcc (the baseline x86-64 target
// has no popcnt instruction).
std::size_t bits_set(std::uint32_t v) {
  v = v - ((v >> 1) & 0x55555555u);
  v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
  return (((v + (v >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
}

} // namespace

// The closest plausible spelling the FAQ uses: fewest edits, then one that
// keeps the first letter, then the most frequent, then the index order.
std::uint32_t SearchIndex::Impl::correct_spelling(const std::string& word) const {
  if (word.size() < 3 || std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return NameIndex::none;
  // Two edits for a word of six letters or more that is no English word
  // ("imgaign" for "imaging", "cartlidge" for "cartilage"), unless, at six or
  // seven letters, it is one edit from one ("parikng" is "parking"); one
  // otherwise. A dictionary word two edits from a FAQ word is that word, not
  // two typos ("referred" is not "reversed", nor "invoiced" "involved", nor
  // "retiring" "returning"). (A word one edit from an English word is
  // likelier a typo of that word than two typos of a FAQ word, "paying".
  // That is looked up last, only for a two-edit answer.)
  const bool english = english_word(word);
  const bool mid_length = !english && word.size() >= 6 && word.size() < 8;
  const std::size_t limit = !english && word.size() >= 6 ? 2 : 1;
  const Spelling* best = nullptr;
  std::size_t best_d = limit + 1;
  bool best_first = false;
  auto consider = [&](const Spelling& cand, std::size_t d) {
    if (d > limit || !plausible_typo(word, cand.word, cand.stop, d, english)) return;
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
  for_each_deletion_neighbour(word, [&](std::uint32_t k) { consider(spellings[k], edit_distance(word, spellings[k].word, limit)); });
  auto index_of = [&](const Spelling* sp) {
    return sp == nullptr ? NameIndex::none : static_cast<std::uint32_t>(sp - spellings.data());
  };
  if (best_d <= 1 || limit < 2) return index_of(best);
  // Two edits keep the first two letters and the length within one (plausible_typo):
  // scan those words, skipping any whose letters differ too much.
  const std::uint32_t letters = letter_mask(word);
  for (std::size_t len = word.size() - 1; len <= word.size() + 1; ++len)
    for (const Spelling& cand : spellings_starting(std::string_view(word).substr(0, 1), len))
      if (bits_set(letters ^ cand.letters) <= 4) consider(cand, edit_distance(word, cand.word, limit));
  if (best != nullptr && best_d == 2 && mid_length && near_english_word(word)) return NameIndex::none;
  return index_of(best);
}

std::uint32_t SearchIndex::Impl::sound_alike(const std::string& word) const {
  if (word.size() < 4) return NameIndex::none;
  const std::string key = sound_key(word);
  if (key.size() < 2) return NameIndex::none;
  if (sound_index.empty()) {
    sound_index.reserve(spellings.size());
    for (std::uint32_t k = 0; k < spellings.size(); ++k)
      if (!spellings[k].stop) sound_index.emplace_back(sound_key(spellings[k].word), k);
    std::sort(sound_index.begin(), sound_index.end());
  }
  // Spelling by ear keeps the sounds, not the letters: up to a third of them may change.
  const std::size_t limit = std::max<std::size_t>(2, (word.size() + 2) / 3);
  std::uint32_t best = NameIndex::none;
  std::size_t best_d = limit + 1;
  bool tie = false;
  const auto same_sound = std::equal_range(sound_index.begin(), sound_index.end(), std::pair<std::string, std::uint32_t>{key, 0},
                                           [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto it = same_sound.first; it != same_sound.second; ++it) {
    const std::uint32_t k = it->second;
    const Spelling& cand = spellings[k];
    if (!cand.lex.means_something()) continue;
    const std::size_t d = edit_distance(word, cand.word, limit);
    if (d > limit) continue;
    if (d < best_d) {
      best = k;
      best_d = d;
      tie = false;
    } else if (d == best_d && cand.stem != spellings[best].stem) {
      tie = true;
    }
  }
  return tie ? NameIndex::none : best;
}

std::span<const Spelling> SearchIndex::Impl::spellings_starting(std::string_view prefix, std::size_t len) const {
  const std::pair<std::size_t, std::string_view> want{len, prefix};
  auto key = [&](const Spelling& s) { return std::pair{s.word.size(), std::string_view(s.word).substr(0, prefix.size())}; };
  const auto lo = std::partition_point(spellings.begin(), spellings.end(), [&](const Spelling& s) { return key(s) < want; });
  const auto hi = std::partition_point(lo, spellings.end(), [&](const Spelling& s) { return key(s) == want; });
  return {lo, hi};
}

std::uint32_t SearchIndex::Impl::unclipped(const std::string& word) const {
  if (word.size() < 4) return NameIndex::none;
  std::uint32_t best = NameIndex::none;
  const std::size_t longest = spellings.empty() ? 0 : spellings.back().word.size();
  for (std::size_t len = word.size() + 1; len <= longest; ++len)
    for (const Spelling& cand : spellings_starting(word, len)) {
      if (cand.stop || !cand.lex.means_something()) continue;
      if (best == NameIndex::none) best = static_cast<std::uint32_t>(&cand - spellings.data());
      else if (spellings[best].stem != cand.stem) return NameIndex::none;
    }
  return best;
}

std::vector<std::uint32_t> SearchIndex::Impl::real_word_slips(const std::string& word) const {
  std::vector<std::uint32_t> out;
  if (word.size() < 3) return out;
  for_each_deletion_neighbour(word, [&](std::uint32_t k) {
    const Spelling& cand = spellings[k];
    if (cand.stop || cand.word[0] != word[0] || !cand.lex.means_something()) return;
    if (edit_distance(word, cand.word, 1) != 1) return;
    if (cand.word.size() == word.size()) {
      // One letter for another, a slip of the finger or the ear; or two swapped.
      const auto at = std::mismatch(word.begin(), word.end(), cand.word.begin());
      const bool swapped = std::next(at.first) != word.end() && *at.first == *std::next(at.second) &&
                           *std::next(at.first) == *at.second;
      if (!swapped && !likely_slip(*at.first, *at.second)) return;
    }
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  });
  return out;
}

const SearchIndex::Impl::Unfamiliar& SearchIndex::Impl::look_up_unfamiliar(const std::string& word) const {
  if (auto it = unfamiliar.find(word); it != unfamiliar.end()) return it->second;
  Unfamiliar u;
  u.stem = stemmer.stem(word);
  u.stop = function_word(word);
  u.lex = lexeme(u.stem);
  if (!u.stop && !u.lex.means_something()) {
    const bool english = english_word(word);
    std::tie(u.first, u.second) = compound_split(word);
    // A dictionary word is not a function word run into another ("outside"
    // is not "out side", which would be "take out" and a "side" effect).
    // Nor is a split worth making when a half that is no function word
    // means nothing to the FAQ ("affective" is not "affect" + "ive", as the
    // FAQ has "affect" only in a phrase: it is a typo of "effective"; nor is
    // "painfull" "pain" + "full").
    auto means = [&](std::uint32_t k) {
      const Spelling& s = spellings[k];
      return s.stop || s.lex.means_something();
    };
    if (u.first != NameIndex::none && (spellings[u.first].stop || spellings[u.second].stop) && english) {
      u.first = u.second = NameIndex::none;
    } else {
      if (u.first != NameIndex::none && !(means(u.first) && means(u.second))) u.first = u.second = NameIndex::none;
      if (u.first == NameIndex::none) u.fix = correct_spelling(word);
      // A word cut short keeps its letters; one spelt by ear only its sounds.
      if (u.first == NameIndex::none && u.fix == NameIndex::none && !english) u.fix = unclipped(word);
      if (u.first == NameIndex::none && u.fix == NameIndex::none && !english) u.fix = sound_alike(word);
    }
    if (english && u.first == NameIndex::none && u.fix == NameIndex::none) u.slips = real_word_slips(word);
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
    return !u.stop && !u.lex.means_something() && u.first == NameIndex::none &&
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

} // namespace faqdesk
