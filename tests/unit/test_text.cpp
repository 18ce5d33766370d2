#include <doctest/doctest.h>

#include <faqdesk/text.hpp>

using namespace faqdesk;

TEST_CASE("text: control characters are shown escaped, text kept") {
  CHECK(printable("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(printable("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(printable("x\xC2\x85y") == "x\\u0085y");
  CHECK(printable("bad\xFFz") == "bad\\xffz");
  CHECK(printable("a\nb", true) == "a\nb");
  CHECK(printable("a\nb") == "a\\x0ab");
}

TEST_CASE("text: invalid UTF-8 becomes U+FFFD") {
  CHECK(valid_utf8("ok\xFF") == "ok\xEF\xBF\xBD");
  CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong
}

TEST_CASE("text: wrapping keeps lines within the width and keeps paragraphs") {
  std::string w = wrap("one two three four five six seven eight nine ten eleven twelve", 30, "  ");
  for (std::size_t start = 0; start < w.size();) {
    auto end = w.find('\n', start);
    if (end == std::string::npos) end = w.size();
    CHECK(end - start <= 30);
    CHECK(w.substr(start, 2) == "  ");
    start = end + 1;
  }
  CHECK(wrap("a\n\nb", 40) == "a\n\nb");
}

TEST_CASE("text: edit distance counts a swap as one edit and stops past the limit") {
  CHECK(edit_distance("cost", "cots", 2) == 1);
  CHECK(edit_distance("cartilage", "cartlidge", 3) == 2);
  CHECK(edit_distance("abc", "xyzxyz", 1) == 2);
}

TEST_CASE("text: words that sound alike share a sound key, and others do not") {
  CHECK(sound_key("paneful") == sound_key("painful"));
  CHECK(sound_key("injecshun") == sound_key("injection"));
  CHECK(sound_key("consultasion") == sound_key("consultation"));
  CHECK(sound_key("filosofy") == sound_key("philosophy"));
  CHECK(sound_key("cost") == sound_key("cast")); // vowels are not kept, but a first one
  CHECK(sound_key("ache") != sound_key("chi"));
  CHECK(sound_key("pain") != sound_key("cane"));
  CHECK(sound_key("cell") == sound_key("sell")); // "c" before "e" sounds "s"
  CHECK(sound_key("cost") != sound_key("post"));
}

TEST_CASE("text: the English word list knows common words, not typos or names") {
  for (auto w : {"cast", "cost", "stem", "plain", "wok", "a", "zoo"}) {
    CAPTURE(w);
    CHECK(english_word(w));
  }
  for (auto w : {"cosg", "syem", "llng", "mich", "ivf", "", "Cast", "aaaa", "zzzzzz"}) {
    CAPTURE(w);
    CHECK_FALSE(english_word(w));
  }
}

TEST_CASE("text: nearest names suggest close ids first") {
  CHECK(nearest("costs", {"cost", "imaging", "consultation"}, 1) == std::vector<std::string>{"cost"});
  CHECK(nearest("zzzz", {"cost", "imaging"}).empty());
}
