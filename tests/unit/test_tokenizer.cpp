#include <doctest/doctest.h>

#include <algorithm>
#include <string_view>

#include <faqdesk/tokenizer.hpp>

using namespace faqdesk;
using V = std::vector<std::string>;

TEST_CASE("tokenize: case, punctuation and apostrophes") {
  CHECK(tokenize("Does it HURT?!") == V{"does", "it", "hurt"});
  CHECK(tokenize("don't") == V{"dont"});
  CHECK(tokenize("the knee's cartilage") == V{"the", "knee", "cartilage"});
  CHECK(tokenize("what\xE2\x80\x99s the price") == V{"whats", "the", "price"});
}

TEST_CASE("tokenize: hyphens split, so x-ray and x ray agree") {
  CHECK(tokenize("x-ray") == V{"x", "ray"});
  CHECK(tokenize("x ray") == V{"x", "ray"});
}

TEST_CASE("tokenize: money and numbers are normalised") {
  CHECK(tokenize("$7,000") == V{"dollars", "7000"});
  CHECK(tokenize("how much $$?") == V{"how", "much", "dollars"});
  CHECK(tokenize("what %") == V{"what", "percent"});
  CHECK(tokenize("1.5 years") == V{"1.5", "years"});
  CHECK(tokenize("586-992-8300") == V{"586", "992", "8300"});
  // A round sum is a price, with or without its "$"; a year or a count is not.
  CHECK(tokenize("7k") == V{"7000", "dollars"});
  CHECK(tokenize("more than 6000?") == V{"more", "than", "6000", "dollars"});
  CHECK(tokenize("6000 dollars") == V{"6000", "dollars"});
  CHECK(tokenize("since 2015") == V{"since", "2015"});
  CHECK(tokenize("1114 patients") == V{"1114", "patients"});
  CHECK(tokenize("300 pounds") == V{"300", "pounds"});
}

TEST_CASE("tokenize: an age said as a bare number is spelled out") {
  CHECK(tokenize("I'm 82, can I do it?") == V{"im", "82", "years", "old", "can", "i", "do", "it"});
  CHECK(tokenize("she's 90 years old") == V{"shes", "90", "years", "old"});
  CHECK(tokenize("i am 70 year") == V{"i", "am", "70", "year", "old"}); // the "old" understood
  // Not an age: no "I'm" before it, or no plausible adult's age.
  CHECK(tokenize("is it 7000") == V{"is", "it", "7000", "dollars"}); // a price
  CHECK(tokenize("im 5") == V{"im", "5"});
  CHECK(tokenize("i am 7000 short") == V{"i", "am", "7000", "dollars", "short"});
}

TEST_CASE("tokenize: when something happened before is not what is asked") {
  CHECK(tokenize("I got x-rays last week") == V{"i", "got", "x", "rays"});
  CHECK(tokenize("my last MRI, the past year") == V{"my", "mri", "the"});
  CHECK(tokenize("at the last moment") == V{"at", "the", "last", "moment"});
  CHECK(tokenize("last week last year") == V{});
  // "last" the verb stays.
  CHECK(tokenize("will it last years") == V{"will", "it", "last", "years"});
}

TEST_CASE("tokenize: a coordinator's shorthand reads as the word") {
  CHECK(tokenize("approx cost of tx") == V{"about", "cost", "of", "treatment"});
  CHECK(tokenize("2nd tx in 2 yrs?") == V{"second", "treatment", "in", "2", "years"});
  CHECK(tokenize("avg cost, appt avail?") == V{"about", "cost", "appt", "available"});
  CHECK(tokenize("hw does it work") == V{"how", "does", "it", "work"});
  // A texter's too, so that phrases of whole words match it ("how do you do it").
  CHECK(tokenize("how do u do it") == V{"how", "do", "you", "do", "it"});
  CHECK(tokenize("r u open, does it rly last 4ever") == V{"are", "you", "open", "does", "it", "really", "last", "forever"});
  // Only whole words: "txt" and "bcc" are not shorthand for anything here.
  CHECK(tokenize("txt bcc") == V{"txt", "bcc"});
}

TEST_CASE("tokenize: 'how do I know if' asks whether, not how") {
  CHECK(tokenize("how do i know if it will work") == V{"do", "i", "know", "if", "it", "will", "work"});
  CHECK(tokenize("How can you tell whether I qualify?") == V{"can", "you", "tell", "whether", "i", "qualify"});
  // A "how" that asks how stays.
  CHECK(tokenize("how does it work if i know") == V{"how", "does", "it", "work", "if", "i", "know"});
  CHECK(tokenize("how do you know") == V{"how", "do", "you", "know"});
}

TEST_CASE("tokenize: non-ASCII letters stay in words; punctuation marks do not") {
  CHECK(tokenize("caf\xC3\xA9 \xE2\x80\x94 ok") == V{"caf\xC3\xA9", "ok"});
  CHECK(tokenize("a\xC2\xA0" "b") == V{"a", "b"});
}

TEST_CASE("stopwords: fillers are ignored, meaningful question words kept") {
  CHECK(is_stopword("um"));
  CHECK(is_stopword("the"));
  CHECK_FALSE(is_stopword("how"));
  CHECK_FALSE(is_stopword("cost"));
  CHECK_FALSE(is_stopword("again"));
  CHECK(is_stopword("u")); // texting shorthand, like the words it stands for
  CHECK(std::find(stopword_list().begin(), stopword_list().end(), std::string_view("u")) == stopword_list().end());
}

TEST_CASE("pleasantries: greetings and thanks are dropped, unless the FAQ's phrasings use them") {
  V t = tokenize("Hi, how are you? How much is it, thank you so much");
  drop_pleasantries(t, 0);
  CHECK(t == V{"hi", "how", "much", "is", "it"});
  t = tokenize("good morning is anyone there");
  drop_pleasantries(t, 0);
  CHECK(t.empty());
  // "how are you going to numb it" keeps what follows the greeting's words.
  t = tokenize("how are you going to numb it");
  drop_pleasantries(t, 0);
  CHECK(t == V{"going", "to", "numb", "it"});
  // A FAQ with an entry for greetings keeps the ones it uses.
  const std::uint64_t used = pleasantries_in(tokenize("Good Morning!"));
  CHECK(used != 0);
  t = tokenize("good morning, thank you");
  drop_pleasantries(t, used);
  CHECK(t == V{"good", "morning"});
}

TEST_CASE("stemmer: English word forms share a stem") {
  Stemmer s;
  CHECK(s.stem("injections") == s.stem("injection"));
  CHECK(s.stem("hurts") == s.stem("hurt"));
  CHECK(s.stem("lasting") == s.stem("last"));
  // Past forms the Snowball stemmer leaves alone.
  CHECK(s.stem("felt") == s.stem("feel"));
  CHECK(s.stem("grew") == s.stem("growing"));
  CHECK(s.stem("paid") == s.stem("pay"));
  CHECK(s.stem("bent") == s.stem("bend"));
  // Not where the word is another word too: a left knee, worn cartilage.
  CHECK(s.stem("left") != s.stem("leave"));
  CHECK(s.stem("worn") != s.stem("wear"));
}
