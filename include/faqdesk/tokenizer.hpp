#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace faqdesk {

// Split `text` into lowercase word tokens. Apostrophes are dropped ("don't" ->
// "dont", "knee's" -> "knee"), hyphens and other punctuation split words
// ("x-ray" -> "x", "ray"), and money is normalised ("$7,000" and "7k" -> "7000").
std::vector<std::string> tokenize(std::string_view text);
// The same, into `out` (emptied first), whose room is reused.
void tokenize(std::string_view text, std::vector<std::string>& out);

// True for words that carry no meaning for matching: function words, the
// fillers callers use ("um", "please", "wondering") and texting shorthand
// ("u", "wat").
bool is_stopword(std::string_view word);
// The stopwords a misspelling may be corrected to: all but the shorthand.
std::span<const char* const> stopword_list();
// Words that shape a question but name no topic ("how", "why", "good",
// "more"): they count towards how alike two phrasings are, but a question
// made of them alone ("how are you", "good morning") is about nothing the
// FAQ answers.
std::span<const char* const> light_word_list();

// Greetings and thanks ("how are you", "good morning", "thank you so
// much"): said around a question, never the question, though their words
// ("how", "good", "much") are words a FAQ uses. `pleasantries_in` tells which
// of them `tokens` has, one bit each; `drop_pleasantries` removes all but those
// in `keep` (the ones a FAQ's own phrasings use, as an entry for greetings would).
std::uint64_t pleasantries_in(const std::vector<std::string>& tokens);
void drop_pleasantries(std::vector<std::string>& tokens, std::uint64_t keep);

// English Snowball stemmer (libstemmer). Not thread-safe: one per index.
class Stemmer {
public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string stem(std::string_view word) const;

private:
  sb_stemmer* stemmer_;
};

} // namespace faqdesk
