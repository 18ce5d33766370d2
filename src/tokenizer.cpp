#include <faqdesk/tokenizer.hpp>
#include <faqdesk/text.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <libstemmer.h>

namespace faqdesk {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
// A number written in digits: "82", "7000".
bool all_digits(std::string_view w) { return !w.empty() && std::all_of(w.begin(), w.end(), is_digit); }

// Length of an apostrophe at `s[i]` (' or U+2018/U+2019), else 0.
std::size_t apostrophe_at(std::string_view s, std::size_t i) {
  if (s[i] == '\'') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x99" || s.substr(i, 3) == "\xE2\x80\x98") return 3;
  return 0;
}

// Length of the UTF-8 sequence starting with byte `c` (1 for a stray byte).
std::size_t sequence_length(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// True when the character at `s[i]` belongs in a word: ASCII letters and
// digits, and non-ASCII letters; not Latin-1 punctuation (U+0080-U+00BF, the
// no-break space among them) nor General Punctuation (U+2000-U+206F).
bool word_char_at(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_ascii_alnum(c);
  if (c < 0xC0 || c == 0xC2) return false;
  if (c == 0xE2 && i + 1 < s.size()) {
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 == 0x80 || c1 == 0x81) return false;
  }
  return true;
}

void finish_token(std::string& tok, std::vector<std::string>& out) {
  if (tok.empty()) return;
  // "7k" -> "7000"
  if (tok.size() >= 2 && tok.back() == 'k' && all_digits(std::string_view(tok).substr(0, tok.size() - 1)))
    tok = tok.substr(0, tok.size() - 1) + "000";
  out.push_back(std::move(tok));
  tok.clear();
}

constexpr const char* stopwords[] = {
    "a", "about", "above", "actually", "exactly", "after", "afterward", "afterwards", "ah", "all", "also", "am", "an", "and", "any",
    "anything", "anyway", "are", "aren", "arent", "as", "ask", "asked", "asking", "at",
    "basically", "be", "been", "beforehand", "being", "both", "but", "by", "bye", "can", "cant", "could", "couldnt", "curious",
    "dad", "daughter", "doctor", "doctors", "doc", "dr", "orthopedist", "orthopaedist", "physician", "surgeon", "did", "didnt", "do", "does", "doesnt", "doing", "done", "dont", "each", "either", "else",
    "er", "etc", "even", "ever", "every", "family", "for", "friend", "from", "further", "get", "gets", "getting",
    "go", "goes", "going", "gonna", "got", "gotten", "guess", "had", "hadnt", "has", "hasnt", "have", "havent",
    "having", "he", "hed", "hello", "her", "here", "hers", "herself", "hes", "hey", "hi", "him", "himself", "his",
    "hmm", "honestly", "husband", "i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it",
    "its", "itself", "ive", "just", "kind", "kinda", "know", "let", "lets", "like", "maam", "may", "maybe", "me",
    "mine", "mom", "mother", "father", "morning", "afternoon", "evening", "mr", "mrs", "must", "my",
    "myself", "need", "needs", "needed", "needing", "require", "required", "requires", "necessary", "mandatory",
    "never", "no", "nor", "not", "now", "of", "oh", "ok", "okay", "on", "one", "only", "or",
    "other", "our", "ours", "ourselves", "out", "per", "please", "pls", "plz", "quick", "question", "questions",
    "quite", "rather", "really", "regarding", "right", "said", "say", "says", "see", "she", "shed", "shes",
    "should", "shouldnt", "sir", "so", "some", "somebody", "someone", "something", "son", "sort", "still", "such",
    "sure", "tell", "than", "thank", "thanks", "that", "thats", "the", "their", "theirs", "them", "themselves",
    "then", "there", "theres", "these", "they", "theyre", "thing", "things", "think", "this", "those", "though",
    "to", "too", "uh", "um", "umm", "very", "wanna", "want", "wanted", "wants", "was", "wasnt", "we", "well",
    "were", "weve", "what", "whats", "whens", "wheres", "whether", "which", "while", "who",
    "whom", "whos", "whose", "wife", "will", "wish", "with", "wonder", "wondered", "wondering", "wont",
    "would", "wouldnt", "yeah", "yes", "yet", "you", "youd", "youll", "your", "youre", "yours", "yourself",
    "yourselves", "youve", "sister", "brother", "stuff", "happen", "happens", "happened", "heard", "hear", "saw", "read", "way", "lot", "lots", "bit", "talking", "grandma", "grandpa", "guys", "folks",
    "come", "comes", "coming", "came", "put", "puts", "putting", "make", "makes", "made", "making", "give", "gives", "gave", "giving", "keep", "keeps",
    "whatever", "whoever", "possible", "possibly", "info", "information", "details", "detail", "try", "trying", "recent",
    "pretty", "fairly", "somewhat", "sorta", "super", "elses", "interested", "interest", "true",
    "went", "gone", "given", "told", "thought", "knew", "known", "kept", "seen", "hearing", "several", "ones",
    "understand", "understood", "understanding", "mention", "mentions", "mentioned", "mentioning",
    "itll", "thatll", "theyll", "therell", "away", "tomorrow", "tonight", "future", "someday", "big", "huge",
    // a coordinator's note of the question ("caller asks", "pt worried about"), and who else it names
    "caller", "callers", "pt", "asks", "worried", "worry", "worries", "concerned", "nervous", "skeptical", "sceptical",
    // how the caller feels about asking ("this is ridiculous, nobody will tell me the price")
    "frustrated", "frustrating", "annoyed", "ridiculous", "desperate", "confused", "nobody", "noone",
    "somehow", "anyhow", "otherwise",
    // polite requests ("would you mind telling me", "kindly share", "i would appreciate")
    "mind", "telling", "hoping", "hope", "kindly", "share", "love", "appreciate", "appreciated", "grateful",
    // words around the question, not in it ("i've tried everything", "is that typical", "straight into")
    "tried", "imagine", "straight", "learn", "weird", "typical", "terrible", "little", "issue", "issues", "idea", "find", "real", "honest",
    "actual", "bunch",
    "neighbor", "neighbour", "bothering", "bothers", "lady", "guy", "woman", "retired", "retiree", "chiropractor", "chiro", "specialist",
    "rheumatologist", "podiatrist",
    // words about the asking or around the thing asked ("the whole thing", "the injection alone",
    // "over 90 percent", "callback request", "can the coordinator answer", "published anywhere",
    // "felt great at first", "is a second round allowed")
    "whole", "entire", "alone", "over", "request", "requesting", "answer", "answers", "answered", "anywhere",
    "great", "awesome", "allow", "allowed", "allows", "permitted",
    // formal wording ("I'd like to inquire about any potential risks")
    "potential", "aware", "describe", "inquire", "inquiring", "inquiry", "enquire", "enquiring", "enquiry",
    "become", "becomes", "became", "becoming", "supposed",
    "able", "unable", "none", "mean", "means", "meant", "goodbye", "ago", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "hundred"};

constexpr const char* light_words[] = {"how", "why", "when", "where", "more", "first", "help", "own", "bring", "do"};

// Texting shorthand for function words ("wat r u"): ignored like them, but
// never a spelling correction, so "wait" does not become "wat" and vanish.
constexpr const char* shorthand[] = {"u",     "ur",     "r",     "ya",  "yall", "wat", "wut", "whatre",
                                     "cuz",   "coz",    "gotta", "lemme", "yep", "yup", "thx", "ty", "alot", "tho", "tbh", "btw", "idk", "imo"};

// "I'm 82" says "82 years old": the words a FAQ uses for age follow the
// number, unless the caller said them. Only after "I'm", "he's", "turned"
// and the like, and only for numbers that are plausibly an adult's age.
void spell_out_ages(std::vector<std::string>& t) {
  static constexpr std::string_view before[] = {"im", "am", "hes", "shes", "turned", "turning", "aged", "age"};
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (t[i].size() < 2 || t[i].size() > 3 || !all_digits(t[i])) continue;
    if (!one_of(t[i - 1], before)) continue;
    const int n = std::stoi(t[i]);
    if (n < 18 || n > 119) continue;
    if (i + 1 < t.size() && (t[i + 1] == "years" || t[i + 1] == "year" || t[i + 1] == "yrs" || t[i + 1] == "yo")) {
      // "I am 70 year": the "old" is understood.
      if (t[i + 1] != "yo" && (i + 2 >= t.size() || t[i + 2] != "old")) t.insert(t.begin() + static_cast<std::ptrdiff_t>(i) + 2, "old");
      continue;
    }
    t.insert(t.begin() + static_cast<std::ptrdiff_t>(i) + 1, {"years", "old"});
    i += 2;
  }
}

// Shorthand that stands for a word ("tx" for treatment, "2nd" for second),
// as a coordinator types a caller's question in a hurry: read as the word.
constexpr std::pair<std::string_view, std::string_view> shorthand_words[] = {
    {"tx", "treatment"}, {"yrs", "years"},    {"yr", "year"},      {"mos", "months"},    {"wks", "weeks"},
    {"wk", "week"},      {"hrs", "hours"},    {"mins", "minutes"}, {"1st", "first"},     {"2nd", "second"},
    {"3rd", "third"},    {"b4", "before"},    {"pts", "patients"}, {"pics", "pictures"}, {"meds", "medication"},
    {"approx", "about"}, {"abt", "about"},    {"ppl", "people"},   {"thru", "through"},  {"bc", "because"},
    {"avg", "about"},    {"roughly", "about"},    {"avail", "available"}, {"hw", "how"},
    {"u", "you"},        {"ur", "your"},      {"r", "are"},        {"rly", "really"},    {"4ever", "forever"}};
// Bit (first character) of shorthand_starts[length]: whether some shorthand
// of that length starts with it, so that most words are passed over at once
// (this runs for every word of every question).
constexpr std::size_t first_char_bit(char c) { return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 63; }
constexpr auto shorthand_starts = [] {
  std::array<std::uint64_t, 8> bits{};
  for (const auto& [from, to] : shorthand_words) bits[from.size()] |= std::uint64_t{1} << first_char_bit(from[0]);
  return bits;
}();
void spell_out_shorthand(std::vector<std::string>& t) {
  for (auto& w : t) {
    if (w.size() >= shorthand_starts.size() || (shorthand_starts[w.size()] >> first_char_bit(w[0]) & 1) == 0) continue;
    const auto it = std::find_if(std::begin(shorthand_words), std::end(shorthand_words), [&](const auto& p) { return p.first == w; });
    if (it != std::end(shorthand_words)) w = it->second;
  }
}

// "last week", "the past year": when something happened before, not what is
// asked ("i got x rays last week" is about the x-rays, not about weeks or how
// long results last), nor is "my last x-ray". Not the verb: "will it last years".
void drop_past_times(std::vector<std::string>& t) {
  static constexpr std::string_view before[] = {"last", "past", "previous"};
  static constexpr std::string_view units[] = {"week", "weeks", "month", "months", "year", "years", "time",
                                               "night", "visit", "spring", "summer", "fall", "winter"};
  static constexpr std::string_view verb_after[] = {"it", "they", "will", "would", "does", "do", "did", "to",
                                                    "can", "could", "should", "may", "might", "that", "this"};
  static constexpr std::string_view whose[] = {"my", "your", "his", "her", "our", "their"};
  for (std::size_t i = 0; i + 1 < t.size();) {
    const auto at = t.begin() + static_cast<std::ptrdiff_t>(i);
    if (one_of(t[i], before) && one_of(t[i + 1], units) && !(t[i] == "last" && i > 0 && one_of(t[i - 1], verb_after)))
      t.erase(at, at + 2); // and look again where the words closed up
    else if (t[i] == "last" && i > 0 && one_of(t[i - 1], whose))
      t.erase(at);
    else
      ++i;
  }
}

// A round sum ("is it more than 6000", "under 8500?", "7k") is a price, as
// "$6000" is: "dollars" follows it. Not a year ("since 2015"), a count that
// is not round ("1114 patients"), a small number ("300 pounds"), nor part of
// a phone number ("586-992-8300").
void spell_out_amounts(std::vector<std::string>& t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].size() < 4 || t[i].size() > 6 || !all_digits(t[i])) continue;
    const int n = std::stoi(t[i]);
    if (n < 1000 || n % 100 != 0 || (n >= 1900 && n <= 2100)) continue;
    if ((i > 0 && (t[i - 1] == "dollars" || all_digits(t[i - 1]))) ||
        (i + 1 < t.size() && (t[i + 1] == "dollars" || t[i + 1] == "bucks" || all_digits(t[i + 1]))))
      continue;
    t.insert(t.begin() + static_cast<std::ptrdiff_t>(i) + 1, "dollars");
    ++i;
  }
}

// "how do I know if it will work" asks whether it will work, not how: the
// "how" goes, so that the question is not read as "how does it work".
void drop_how_to_know(std::vector<std::string>& t) {
  for (std::size_t i = 0; i + 3 < t.size(); ++i) {
    if (t[i] != "how") continue;
    for (std::size_t j = i + 2; j <= i + 3 && j + 1 < t.size(); ++j)
      if ((t[j] == "know" || t[j] == "tell") && (t[j + 1] == "if" || t[j + 1] == "whether")) {
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
  }
}

} // namespace

std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> out;
  tokenize(text, out);
  return out;
}

void tokenize(std::string_view text, std::vector<std::string>& out) {
  out.clear();
  out.reserve(text.size() / 4 + 1);
  std::string tok;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_alnum(c)) { // most of the text: what the branches below do with it, sooner
      tok += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
      continue;
    }
    if (std::size_t a = apostrophe_at(text, i); a > 0 && !tok.empty()) {
      std::size_t next = i + a;
      bool possessive = next < text.size() && (text[next] == 's' || text[next] == 'S') &&
                        (next + 1 >= text.size() || !word_char_at(text, next + 1));
      if (possessive && tok != "it" && tok != "that" && tok != "what" && tok != "let" && tok != "there" &&
          tok != "he" && tok != "she" && tok != "who" && tok != "where" && tok != "how")
        i = next + 1; // drop "'s"
      else
        i = next; // "don't" -> "dont", "what's" -> "whats"
      continue;
    }
    if ((c == ',' || c == '.') && !tok.empty() && is_digit(static_cast<unsigned char>(tok.back())) &&
        i + 1 < text.size() && is_digit(static_cast<unsigned char>(text[i + 1]))) {
      if (c == '.') tok += '.';
      ++i;
      continue;
    }
    std::size_t n = std::min(sequence_length(c), text.size() - i);
    if (c == '$' || c == '%') { // "$$?", "what %": the sign says what the question is about
      finish_token(tok, out);
      if (out.empty() || out.back() != (c == '$' ? "dollars" : "percent")) out.emplace_back(c == '$' ? "dollars" : "percent");
      ++i;
      continue;
    }
    if (word_char_at(text, i)) {
      if (c >= 'A' && c <= 'Z') tok += static_cast<char>(c - 'A' + 'a');
      else tok.append(text.substr(i, n));
    } else {
      finish_token(tok, out);
    }
    i += n;
  }
  finish_token(tok, out);
  spell_out_shorthand(out);
  spell_out_ages(out);
  spell_out_amounts(out);
  drop_past_times(out);
  drop_how_to_know(out);
}

namespace {
// Word by word, grouped by their first word, longest first within a group.
struct Pleasantry {
  std::array<std::string_view, 5> words;
  std::size_t size = 0; // words in use
  constexpr Pleasantry(std::initializer_list<std::string_view> w) : words{} {
    for (auto x : w) words[size++] = x;
  }
};
constexpr Pleasantry pleasantries[] = {
    {"how", "are", "you", "doing", "today"}, {"how", "are", "you", "doing"}, {"how", "are", "you", "today"},
    {"how", "are", "you"}, {"how", "r", "u"}, {"how", "are", "ya"}, {"how", "is", "it", "going"},
    {"how", "you", "doing"}, {"how", "have", "you", "been"}, {"hows", "it", "going"},
    {"hope", "you", "are", "doing", "well"}, {"hope", "you", "are", "well"}, {"hope", "youre", "doing", "well"},
    {"hope", "youre", "well"}, {"good", "morning"}, {"good", "afternoon"}, {"good", "evening"},
    {"thank", "you", "so", "much"}, {"thank", "you", "very", "much"}, {"thank", "you"},
    {"thanks", "so", "much"}, {"thanks", "very", "much"}, {"thanks", "a", "lot"}, {"much", "appreciated"},
    {"have", "a", "nice", "day"}, {"have", "a", "good", "day"}, {"have", "a", "great", "day"}, {"have", "a", "good", "one"},
    {"nice", "to", "meet", "you"}, {"is", "anyone", "there"}, {"is", "anybody", "there"},
    {"is", "someone", "there"}, {"anyone", "there"}, {"anybody", "there"}, {"are", "you", "there"},
    {"can", "you", "hear", "me"}, {"say", "that", "again"}, {"name", "again"}, {"call", "you", "back"}, {"call", "you", "later"},
    {"call", "back", "later"}, {"get", "back", "to", "you"}, {"testing", "testing"}, {"testing", "123"},
    {"just", "a", "moment"}, {"just", "testing"}, {"this", "is", "a", "test"}, {"hold", "on", "a", "second"},
    {"hold", "on", "a", "sec"}, {"hold", "on"}, {"hang", "on", "a", "second"}, {"hang", "on", "a", "sec"},
    {"hang", "on"}, {"one", "moment", "please"}, {"one", "moment"}, {"you", "repeat", "that"},
    {"repeat", "that", "please"}};
static_assert(std::size(pleasantries) <= 64, "one bit each in a std::uint64_t");
static_assert([] {
  for (std::size_t k = 1; k < std::size(pleasantries); ++k) // a first word seen before is the one just before
    for (std::size_t j = 0; j + 1 < k; ++j)
      if (pleasantries[j].words[0] == pleasantries[k].words[0] && pleasantries[k - 1].words[0] != pleasantries[k].words[0])
        return false;
  return true;
}(), "pleasantries are grouped by their first word");

// One of 256 slots for a word (FNV-1a): each slot holds the first pleasantry
// whose first word falls in it, so that the few words that may start one
// skip to their group (this runs for every word of every question).
constexpr std::size_t slot_of(std::string_view w) {
  std::uint64_t h = 1469598103934665603u;
  for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211u;
  return static_cast<std::size_t>(h >> 56);
}
constexpr auto first_in_slot = [] {
  std::array<std::uint8_t, 256> first{};
  first.fill(std::size(pleasantries));
  for (std::size_t k = std::size(pleasantries); k-- > 0;) first[slot_of(pleasantries[k].words[0])] = static_cast<std::uint8_t>(k);
  return first;
}();
// First letters of the first words, one bit each ('a' is bit 0): most words
// are ruled out by this test alone.
constexpr std::uint32_t first_letters = [] {
  std::uint32_t bits = 0;
  for (const auto& p : pleasantries) bits |= std::uint32_t{1} << (p.words[0][0] - 'a');
  return bits;
}();

// The pleasantry that starts at `t[i]`, and its length in words; {-1, 0} when none does.
std::pair<int, std::size_t> pleasantry_at(const std::vector<std::string>& t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i][0]) - unsigned{'a'};
  if (c >= 26 || (first_letters >> c & 1) == 0) return {-1, 0};
  std::size_t k = first_in_slot[slot_of(t[i])];
  while (k < std::size(pleasantries) && pleasantries[k].words[0] != t[i]) ++k; // another word in the same slot
  for (; k < std::size(pleasantries) && pleasantries[k].words[0] == t[i]; ++k) {
    const std::size_t n = pleasantries[k].size;
    if (i + n <= t.size() && std::equal(pleasantries[k].words.begin() + 1, pleasantries[k].words.begin() + static_cast<std::ptrdiff_t>(n),
                                        t.begin() + static_cast<std::ptrdiff_t>(i + 1)))
      return {static_cast<int>(k), n};
  }
  return {-1, 0};
}
} // namespace

std::uint64_t pleasantries_in(const std::vector<std::string>& tokens) {
  std::uint64_t found = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (const auto [k, n] = pleasantry_at(tokens, i); k >= 0) found |= std::uint64_t{1} << k;
  return found;
}

void drop_pleasantries(std::vector<std::string>& tokens, std::uint64_t keep) {
  for (std::size_t i = 0; i < tokens.size();) {
    const auto [k, n] = pleasantry_at(tokens, i);
    if (k < 0 || (keep >> k & 1) != 0) {
      i += std::max<std::size_t>(n, 1);
      continue;
    }
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i), tokens.begin() + static_cast<std::ptrdiff_t>(i + n));
  }
}

std::span<const char* const> stopword_list() { return stopwords; }
std::span<const char* const> light_word_list() { return light_words; }

bool is_stopword(std::string_view word) {
  static const std::unordered_set<std::string_view> set = [] {
    std::unordered_set<std::string_view> s(std::begin(stopwords), std::end(stopwords));
    s.insert(std::begin(shorthand), std::end(shorthand));
    return s;
  }();
  return set.contains(word);
}

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", nullptr)) {
  if (stemmer_ == nullptr) throw std::runtime_error("cannot create the English stemmer");
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

namespace {
// Past forms the stemmer does not see through ("felt" is not "feel" to it),
// of verbs callers use about their knees and the treatment; and "til" for
// "until". Not "left" (a left knee), "fell", "wound" or "worn" (worn
// cartilage), which are other words too.
std::string_view irregular_base(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> base = {
      {"felt", "feel"},     {"grew", "grow"},     {"grown", "grow"},    {"paid", "pay"},      {"ran", "run"},
      {"took", "take"},     {"taken", "take"},    {"broke", "break"},   {"broken", "break"},  {"tore", "tear"},
      {"torn", "tear"},     {"fallen", "fall"},   {"slept", "sleep"},   {"spent", "spend"},   {"lost", "lose"},
      {"bought", "buy"},    {"brought", "bring"}, {"drove", "drive"},   {"driven", "drive"},  {"rode", "ride"},
      {"ridden", "ride"},   {"swam", "swim"},     {"began", "begin"},   {"begun", "begin"},   {"wrote", "write"},
      {"written", "write"}, {"built", "build"},   {"sent", "send"},     {"stood", "stand"},   {"sat", "sit"},
      {"met", "meet"},      {"held", "hold"},     {"chose", "choose"},  {"chosen", "choose"}, {"ate", "eat"},
      {"eaten", "eat"},     {"spoke", "speak"},   {"spoken", "speak"},  {"woke", "wake"},     {"shook", "shake"},
      {"bent", "bend"},     {"til", "until"},     {"till", "until"}};
  const auto it = base.find(word);
  return it == base.end() ? word : it->second;
}
} // namespace

std::string Stemmer::stem(std::string_view word) const {
  word = irregular_base(word);
  const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  if (s == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

} // namespace faqdesk
