#pragma once
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace faqdesk {

// Return `s` with invalid UTF-8 sequences replaced by U+FFFD.
std::string valid_utf8(std::string_view s);

// Return `s` safe for a terminal: control characters (C0, DEL, C1) shown as
// escapes like "\x1b" or "\u0085"; tab and newline kept when `keep_newlines`.
std::string printable(std::string_view s, bool keep_newlines = false);

// Number of terminal columns `s` takes (one per code point; good enough for
// the Latin text faq.yaml holds).
std::size_t display_width(std::string_view s);

// Wrap `s` to lines of at most `width` columns, prefixing each with `indent`.
// Paragraph breaks (blank lines) in `s` are kept.
std::string wrap(std::string_view s, std::size_t width, std::string_view indent = "");

// Damerau–Levenshtein distance (optimal string alignment) between `a` and
// `b`, stopping early once it exceeds `limit` (then returns limit + 1).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// How lower-case `word` sounds, roughly: its consonants, with those that
// sound alike merged ("c" as "k" or "s", "ph" as "f", "tion" and "shun"
// alike) and doubled ones once; its vowels dropped, but for a first letter.
// Words spelt by ear share one: "paneful" and "painful", "injecshun" and
// "injection", "candadit" and "candidate".
std::string sound_key(std::string_view word);

// True when lower-case `word` is in the English word list compiled in (from
// Debian's wamerican: common words and their inflections, no names).
bool english_word(std::string_view word);
// True when such a word is one edit from `word` (a letter left out, added,
// replaced, or two swapped).
bool near_english_word(std::string_view word);

// Return up to `most` of `candidates` close to `word`, nearest first.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t most = 3);

// True when `word` is one of the short `list`.
inline bool one_of(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string to_lower_ascii(std::string_view s);
std::string_view trim(std::string_view s);

} // namespace faqdesk
