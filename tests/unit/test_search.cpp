// Matching: word forms, synonyms, spelling, scoring, abstention.
#include <algorithm>
#include <ostream>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <faqdesk/faq_loader.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/search_index.hpp>
#include <faqdesk/version.hpp>

#include "same_result.hpp"

using namespace faqdesk;

namespace {
struct Clinic {
  Faq faq = load_faq_text(embedded_faq(), "faq.yaml");
  SearchIndex index{faq};
  // Return the id of the best match for `q`, or "" when faqdesk abstains.
  std::string top(std::string_view q) const {
    auto r = index.search(q);
    return r.matches.empty() ? "" : faq.entries[r.matches[0].entry].id;
  }
};
const Clinic& clinic() {
  static const Clinic c;
  return c;
}
// The FAQ spelling a one-word question `q` was corrected to (checking that it was).
std::string corrected_to(std::string_view q) {
  auto r = clinic().index.search(q);
  REQUIRE(r.terms.size() == 1);
  CHECK(r.terms[0].how == MatchHow::spelling);
  return r.terms[0].via;
}
// The entry answering a question ("" for none) and the part of it answered from.
struct Answered {
  std::string id, part;
  bool operator==(const Answered&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Answered& a) { return os << a.id << " from \"" << a.part << '"'; }
Answered answered(std::string_view q) {
  const SearchResult r = clinic().index.search(q);
  return {r.matches.empty() ? "" : clinic().faq.entries[r.matches[0].entry].id, r.part};
}
// A FAQ of two entries, for what the clinic's own faq.yaml cannot show.
const std::string knees_and_cost = "entries:\n"
                                   "  - id: knees\n"
                                   "    question: Do you treat knee arthritis?\n"
                                   "    answer: A.\n"
                                   "    alternates:\n"
                                   "      - Do you treat arthritic knees?\n"
                                   "      - Can you help my knee arthritis?\n"
                                   "  - id: cost\n"
                                   "    question: How much does it cost?\n"
                                   "    answer: B.\n"
                                   "    alternates:\n"
                                   "      - What is the price?\n"
                                   "      - How much is it?\n";
} // namespace

TEST_CASE("search: a misspelt keyword still finds the cost entry") {
  CHECK(clinic().top("how much is the prise") == "cost");
  CHECK(clinic().top("cots") == "cost");
}

TEST_CASE("search: one-edit typos of every kind are corrected, and two edits in a long word") {
  CHECK(corrected_to("consltation").starts_with("consultation"));  // a letter dropped
  CHECK(corrected_to("deformitty").starts_with("deformity"));      // a letter added
  CHECK(corrected_to("recovary") == "recovery");                   // a letter replaced
  CHECK(corrected_to("ocst") == "cost");                           // two letters swapped, the first among them
  CHECK(corrected_to("liposuctoin").starts_with("liposuction"));   // swapped near the end
  CHECK(corrected_to("cartlidge") == "cartilage");                 // two edits, long word
  CHECK(clinic().top("recovary") == "recovery");
}

TEST_CASE("search: a short word with a typo is read as the word, and a real short word is kept") {
  // A letter dropped from a function word, or one next to it on the keyboard,
  // is still that function word, not an unknown word that outweighs the rest.
  CHECK(clinic().top("do i ned an mri") == "imaging");
  CHECK(clinic().top("wil it hurt") == "pain");
  CHECK(clinic().top("do i hsve to get xrays") == "imaging");
  CHECK(clinic().top("teh recovery time") == "recovery");
  // Three consonants are no English word: a vowel was dropped.
  CHECK(clinic().top("wht does it cst") == "cost");
  CHECK(clinic().top("how mch is it") == "cost");
  // A doubled letter typed once ("cel" for "cell"); "til" is "until".
  CHECK(clinic().top("stem cel therapy") == "overview");
  CHECK(clinic().top("how long til it works") == "results-timeline");
  // But a real short word stays what it is: "hip" is not "hi", a greeting.
  const auto r = clinic().index.search("do you treat hip pain");
  REQUIRE(!r.terms.empty());
  CHECK(std::any_of(r.terms.begin(), r.terms.end(), [](const QueryTerm& t) { return t.word == "hip"; }));
  CHECK(r.matches.empty());
}

TEST_CASE("search: a word asked again, after thousands of other unfamiliar words, is read as the first time") {
  // Unfamiliar words' stems and corrections are remembered, a few thousand
  // at a time; forgetting them must not change an answer.
  const Faq faq = load_faq_text(embedded_faq(), "faq.yaml");
  const SearchIndex index{faq};
  const std::string q = "hw much dose the tretment cots for my kneez in michigan";
  const SearchResult first = index.search(q);
  REQUIRE(!first.matches.empty());
  for (int i = 0; i < 10000; ++i) index.search(fmt::format("zq{}x pla{}zz", i, i * 7));
  for (int round = 0; round < 2; ++round) test::check_same_result(index.search(q), first);
}

TEST_CASE("search: a compound is found however the caller splits or joins it") {
  const Faq faq = load_faq_text(R"(entries:
  - id: pincode
    question: Do you deliver to my pincode?
    answer: Enter it at checkout.
    alternates: [is my area pincode serviceable, delivery to my pincode]
  - id: store
    question: Is there a show room near me?
    answer: See the store list.
    alternates: [where can I see the mattress, nearest show room]
  - id: warranty
    question: What is the warranty?
    answer: Ten years.
    alternates: [how long is the warranty, warranty period]
)", "t.yaml");
  const SearchIndex index(faq);
  auto top = [&](std::string_view q) {
    auto r = index.search(q);
    return r.matches.empty() ? std::string() : faq.entries[r.matches[0].entry].id;
  };
  CHECK(top("pin code") == "pincode");   // two words for the FAQ's one
  CHECK(top("showroom") == "store");     // one word for the FAQ's two
  auto r = index.search("pin code");
  REQUIRE(r.terms.size() == 1);
  CHECK(r.terms[0].word == "pin code");
  CHECK(r.terms[0].how == MatchHow::spelling);
  CHECK(r.terms[0].via == "pincode");
  r = index.search("showroom");
  REQUIRE(r.terms.size() == 2);
  CHECK(r.terms[0].via == "show");
  CHECK(r.terms[1].via == "room");
  CHECK(r.terms[1].word == "showroom");
}

TEST_CASE("search: a space typed a letter early or late is moved back") {
  // Without the fix each half weighs as an unknown word, and faqdesk abstains.
  CHECK(clinic().top("how much doe sit cost") == "cost");
  auto r = clinic().index.search("ho wmuch is it");
  REQUIRE(r.terms.size() == 2);
  CHECK(r.terms[0].via == "how");
  CHECK(r.terms[1].via == "much");
  CHECK(r.terms[1].word == "ho wmuch");
  CHECK(clinic().top("ho wmuch is it") == "cost");
  // Words that stand as typed are left alone, even when moving the space makes words too.
  r = clinic().index.search("is there parking");
  REQUIRE(r.terms.size() == 1);
  CHECK(r.terms[0].word == "parking");
}

TEST_CASE("search: 'what do stem cells do' asks what they do, not about stem cells") {
  // The second "do" is the verb the question is about.
  CHECK(clinic().top("what do stem cells do") == "how-it-works");
  CHECK(clinic().top("what do the cells do once they're in my knee") == "how-it-works");
  CHECK(clinic().top("stem cells") == "overview");
  auto has_do = [](const SearchResult& r) {
    return std::any_of(r.terms.begin(), r.terms.end(), [](const QueryTerm& t) { return t.term == "do"; });
  };
  CHECK(has_do(clinic().index.search("what do stem cells do")));
  CHECK(clinic().top("so what is it the stem cells actually do") == "how-it-works"); // "what" need not come first
  CHECK(clinic().top("waht do stem cells do in the knee") == "how-it-works"); // nor be spelt right
  CHECK(has_do(clinic().index.search("whag do stem cells do")));
  // Not the helper before a subject, nor a "do" alone.
  CHECK_FALSE(has_do(clinic().index.search("what insurance do you take")));
  CHECK_FALSE(has_do(clinic().index.search("what kind of treatment do you do for knees"))); // what you offer
  CHECK_FALSE(has_do(clinic().index.search("what do you guys do with stem cells")));
  CHECK(clinic().top("what do you do") == "");
  // Nor the helper of another verb: "cite" is the verb, and the question the study's.
  CHECK_FALSE(has_do(clinic().index.search("what study does allure cite")));
  CHECK(clinic().top("what study does allure cite") == "evidence");
}

TEST_CASE("search: a long question is answered from its last clause, or one ending in '?'") {
  CHECK(answered("i'm a nervous wreck around needles and doctors, how much is this going to hurt") ==
        Answered{"pain", "how much is this going to hurt"});
  CHECK(clinic().top("is there any downtime? i volunteer at a shelter") == "recovery");
  // A question answered whole names no part; nor does a number's comma split it.
  CHECK(clinic().index.search("does it hurt").part.empty());
  CHECK(clinic().index.search("is it under $7,000").part.empty());
  // A clause is not asked alone when the whole is a question the FAQ does not
  // answer, nor is a clause in the middle without a question mark.
  CHECK(clinic().top("hi, do you treat hips? how much is it") == "");
  CHECK(clinic().top("i have gout, and my knee hurts, do you treat gout") == "");
  // Nor is a clause that names nothing but the FAQ's own subject.
  CHECK(clinic().top("my dad has parkinsons, can stem cells help") == "");
  // Nor one that asks whether the rest is so: the question is about the rest.
  CHECK(clinic().top("i had it done last week and my knee is red and hot, is that normal") == "");
  CHECK(answered("my cousin raved about the results in tampa, how much does that cost") ==
        Answered{"cost", "how much does that cost"});
  // Said at length without a stop, the question follows "so" or "but", and
  // runs on from its first word: "is it really" is part of "how bad is it
  // really", not a question of its own.
  CHECK(answered("i'm kind of a wimp with pain so how bad is it really") == Answered{"pain", "how bad is it really"});
  // Said at length without a stop, a question word or a verb before its
  // subject starts the question.
  CHECK(answered("i had a scope 5 years ago and now its bad again what would you charge me") ==
        Answered{"cost", "what would you charge me"});
  CHECK(answered("if my arthritis is from an old football injury will it last longer") ==
        Answered{"durability", "will it last longer"});
  // Or the question comes first and the rest is its story.
  CHECK(answered("how can fat from my belly fix my knee, that seems weird") ==
        Answered{"how-it-works", "how can fat from my belly fix my knee"});
  // A sentence marked as the question, then more told: the question is asked,
  // though the whole found an answer ("active" is not the recovery entry's).
  CHECK(answered("how long will it last? i'm only 55 and pretty active") ==
        Answered{"durability", "how long will it last?"});
  CHECK(clinic().index.search("does it hurt? how much is it?").part.empty()); // two questions: the whole
  // Not a first clause that is no question.
  CHECK(clinic().top("fat from my belly in my knee, that seems weird") == "");
  // The story found one entry, the question at its end clearly another: the question is answered.
  CHECK(clinic().top("my mother is 80 and has a heart condition") == "candidacy");
  CHECK(answered("my mother is 80 and has a heart condition so is this safe for her") ==
        Answered{"safety", "is this safe for her"});
}

TEST_CASE("search: a typo that makes another dictionary word is mended when the rest of the question confirms it") {
  // "lust" is a word, but "last" goes with "long" in the FAQ's phrasings.
  const auto r = clinic().index.search("how long will it lust");
  REQUIRE(!r.matches.empty());
  CHECK(clinic().faq.entries[r.matches[0].entry].id == "durability");
  REQUIRE(r.terms.size() == 3);
  CHECK(r.terms[2].word == "lust");
  CHECK(r.terms[2].how == MatchHow::spelling);
  CHECK(clinic().top("do you toke fat from my belly") == "procedure");
  // Nothing confirms "cost" for "cast", nor "sore" for "sure": left as typed.
  CHECK(clinic().top("can i get a cast for my knee") == "");
  CHECK(clinic().top("will it be sure") == "");
}

TEST_CASE("search: a long dictionary word is not taken for two typos of a FAQ word") {
  // Two edits mend a long misspelling, but a real word two edits from a FAQ
  // word is the word the caller meant: "invoiced" is not "involved", nor
  // "retiring" "returning", nor "deported" "deformed".
  for (auto w : {"invoiced", "retiring", "deported"}) {
    CAPTURE(w);
    const auto r = clinic().index.search(w);
    REQUIRE(r.terms.size() == 1);
    CHECK(r.terms[0].how == MatchHow::unknown);
  }
  CHECK(corrected_to("cartlidge").starts_with("cartilage")); // no word: two typos
  CHECK(clinic().top("will i be invoiced after") == "");
}

TEST_CASE("search: a real word with its first letter changed is not a slip of a FAQ word") {
  // "pending" is not "bending" (the deformity), "brand" is not "grand" (the cost).
  CHECK(clinic().top("my appointment is pending") == "");
  CHECK(clinic().top("what brand of stem cells do you use") == "");
  for (auto w : {"power", "gain"}) { // not "lower", nor "again"
    CAPTURE(w);
    const auto r = clinic().index.search(w);
    REQUIRE(r.terms.size() == 1);
    CHECK(r.terms[0].how == MatchHow::unknown);
  }
  // A slip later in the word is still mended: "prize" is "price".
  CHECK(clinic().top("whats the prize") == "cost");
}

TEST_CASE("search: a synonym phrase said with 'my' is also said of another's") {
  // faq.yaml has "off my feet" and "off your feet" for the downtime, not his or hers.
  CHECK(clinic().top("how long will my husband be off his feet") == "recovery");
  CHECK(clinic().top("how long will she be off her feet") == "recovery");
}

TEST_CASE("search: a word spelt by ear is the FAQ word it sounds like") {
  // Too many letters changed for a typo, but the same sounds.
  CHECK(corrected_to("paneful") == "painful");
  CHECK(corrected_to("injecshun").starts_with("injection"));
  CHECK(corrected_to("candadit").starts_with("candidate"));
  CHECK(clinic().top("is it paneful") == "pain");
  CHECK(clinic().top("how do i book a consultashun") == "consultation");
  // Gibberish sounds like nothing the FAQ says, and a dictionary word is kept.
  CHECK(clinic().top("qwpoeiru") == "");
  CHECK(clinic().top("is it a pineapple") == "");
}

TEST_CASE("search: a word cut short is the FAQ word it begins") {
  // A coordinator typing fast: too short for a typo, but the first letters of one FAQ word.
  CHECK(corrected_to("mesench").starts_with("mesenchymal"));
  CHECK(corrected_to("cartil").starts_with("cartilage"));
  CHECK(clinic().top("improves circ?") == "how-it-works");
  CHECK(clinic().top("does the cartil come back") == "cartilage");
  CHECK(clinic().top("discomf during it") == "pain");
  // Not when the FAQ's words that begin so are different words, nor for a
  // dictionary word ("cart" is not "cartilage").
  const Faq faq = load_faq_text(R"(entries:
  - id: procedure
    question: What is the procedure?
    answer: A minor one.
    alternates: [how is the procedure done]
  - id: processing
    question: How are the cells processed?
    answer: In our lab.
    alternates: [where is the processing done]
  - id: cartilage
    question: Does cartilage regrow?
    answer: It appears to.
    alternates: [will my cartilage come back]
)", "t.yaml");
  const SearchIndex index(faq);
  auto r = index.search("proce");
  REQUIRE(r.terms.size() == 1);
  CHECK(r.terms[0].how == MatchHow::unknown);
  r = index.search("cart");
  REQUIRE(r.terms.size() == 1);
  CHECK(r.terms[0].how == MatchHow::unknown);
  r = index.search("cartil");
  REQUIRE(r.terms.size() == 1);
  CHECK(r.terms[0].via == "cartilage");
}

TEST_CASE("search: a dictionary word is not split into a function word and another") {
  // "outside" is not "out side", which read "take outside" as the liposuction's "take out".
  const auto r = clinic().index.search("do you take outside referrals");
  REQUIRE(r.terms.size() == 3);
  CHECK(r.terms[0].word == "take");
  CHECK(r.terms[1].word == "outside");
  CHECK(r.terms[1].term == "outsid");
  CHECK(r.terms[1].how == MatchHow::unknown);
  CHECK(clinic().top("stemcells") == "overview"); // a word no dictionary has still is
  // A split whose halves mean nothing to the FAQ ("affect", which it has only
  // in the phrase "side affect", and "i've") gives way to a correction.
  CHECK(clinic().top("is it affective") == "effectiveness");
  // Nor one with a half that means nothing to it ("full" is only in a phrase).
  CHECK(clinic().top("is it painfull") == "pain");
}

TEST_CASE("search: safety with a condition the FAQ does not address gets no answer, not 'very low risk'") {
  CHECK(clinic().top("is it safe") == "safety");
  CHECK(clinic().top("is there a risk of infection") == "safety");
  // Nor is another treatment's safety, cost or recovery the stem cell treatment's.
  for (auto q : {"is prp safe", "how much do gel shots cost", "how long is recovery from arthroscopy",
                 "is knee replacement surgery safe"})
    CHECK_MESSAGE(clinic().top(q) == "", q);
  CHECK(clinic().top("is it safer than a knee replacement") == "safety");
  // A caller reporting what may be a complication is referred, not reassured.
  for (auto q : {"i had the injection yesterday and now i have a fever", "the incision looks infected",
                 "there's pus coming from the lipo spot", "my knee is really swollen two days after the procedure"})
    CHECK_MESSAGE(clinic().top(q) == "", q);
  for (auto q : {"is it safe if i'm pregnant", "is it safe with a pacemaker", "do stem cells cause cancer", "is it safe for kids"})
    CHECK_MESSAGE(clinic().top(q) == "", q);
}

TEST_CASE("search: a coordinator's note of what the caller asks finds the same entry") {
  CHECK(clinic().top("caller asks is it painful") == "pain");
  CHECK(clinic().top("pt asking cost for both knees") == "cost");
  CHECK(clinic().top("caller worried about side effects") == "safety");
  CHECK(clinic().top("approx cost of tx") == "cost");
  CHECK(clinic().top("how many yrs does it last") == "durability");
}

TEST_CASE("search: 'how do I know if it will work' is whether it works, not how") {
  CHECK(clinic().top("how does it work") == "how-it-works");
  CHECK(clinic().top("how's it work") == "how-it-works"); // "how's" is "how", not a filler
  CHECK(clinic().top("how do i know if it'll work for me") != "how-it-works");
}

TEST_CASE("search: synonyms carry the score (MRI, x-ray and scan mean imaging)") {
  CHECK(clinic().top("do I need an MRI") == "imaging");
  CHECK(clinic().top("x-ray") == "imaging");
  CHECK(clinic().top("xray") == "imaging");
  CHECK(clinic().top("is it sore afterwards") == "pain");
}

TEST_CASE("search: one-word queries and money") {
  CHECK(clinic().top("lipo") == "procedure");
  CHECK(clinic().top("downtime") == "recovery");
  CHECK(clinic().top("$7,000?") == "cost");
  CHECK(clinic().top("7000") == "cost");
}

TEST_CASE("search: one shared common word does not make a confident answer") {
  CHECK(clinic().top("what time do you close") == "");
  CHECK(clinic().top("is there parking") == "");
  CHECK(clinic().top("hello") == "");
  // Greetings, thanks and words that name no topic on their own.
  for (auto q : {"hi how are you", "good morning", "thank you so much", "hello is anyone there", "why",
                 "where", "tell me more", "can you help me", "how do i get to your office", "who owns the clinic",
                 "can i bring my wife", "what was your name again", "let me ask my wife and call you back",
                 "i'll call back later", "sorry can you say that again", "testing 123", "thank you goodbye",
                 "hold on a second", "one moment please", "sorry, could you repeat that",
                 "ok thank you so much, have a good one"}) {
    CAPTURE(q);
    CHECK(clinic().top(q) == "");
  }
  // Though with a word that does, they count as any other word.
  CHECK(clinic().top("hi how are you, how much is it") == "cost");
  CHECK(clinic().top("can someone call me back") == "consultation"); // the clinic calls, not the caller
  CHECK(clinic().top("hold on, how much is it") == "cost");
  CHECK(clinic().top("why does it work") != "");
  const auto r = clinic().index.search("tell me more", SearchOptions{.top = 3, .min_confidence = 0.0, .explain = true});
  CHECK_FALSE(r.topical);
  CHECK(r.matches.empty());
  CHECK(r.nearest.has_value()); // --explain still shows what it was closest to
  CHECK(clinic().top("") == "");
  CHECK(clinic().top("?!") == "");
}

TEST_CASE("search: the FAQ's ignore_words are dropped like function words, misspelt or not") {
  const std::string entries = knees_and_cost;
  const Faq plain_faq = load_faq_text(entries, "f.yaml");
  const Faq ignoring_faq = load_faq_text(entries + "ignore_words: [clinic]\n", "f.yaml");
  const SearchIndex plain{plain_faq}, ignoring{ignoring_faq};
  // Unknown to the FAQ, "clinic" weighs most and the question is not answered.
  CHECK(plain.search("does your clinic treat knee arthritis").matches.empty());
  for (auto q : {"does your clinic treat knee arthritis", "does your clinik treat knee arthritis"}) {
    CAPTURE(q);
    const SearchResult r = ignoring.search(q);
    REQUIRE(!r.matches.empty());
    CHECK(ignoring_faq.entries[r.matches[0].entry].id == "knees");
    CHECK(std::none_of(r.terms.begin(), r.terms.end(), [](const QueryTerm& t) { return t.word.starts_with("clini"); }));
  }
  // The clinic's own faq.yaml names the words callers use for it.
  CHECK(clinic().top("what does your clinic charge") == "cost");
}

TEST_CASE("search: the clinic's name says nothing about what is asked, unless an entry uses its words") {
  const std::string entries = knees_and_cost;
  const Faq named = load_faq_text("clinic: {name: Allure Knee Price Group, phone: 555-0100}\n" + entries, "f.yaml");
  const SearchIndex index{named};
  const SearchIndex restored = SearchIndex::restore(index.serialize(), named);
  for (const SearchIndex* i : {&index, &restored}) {
    // "allure" and "group" are ignored; "knee" and "price", which entries use, still count.
    const SearchResult r = i->search("does allure group treat knee arthritis");
    REQUIRE(!r.matches.empty());
    CHECK(named.entries[r.matches[0].entry].id == "knees");
    CHECK(std::none_of(r.terms.begin(), r.terms.end(), [](const QueryTerm& t) { return t.word == "allure"; }));
    const SearchResult p = i->search("price");
    REQUIRE(!p.matches.empty());
    CHECK(named.entries[p.matches[0].entry].id == "cost");
  }
  // Without a clinic name, "allure" is an unknown word that outweighs the rest.
  CHECK(SearchIndex{load_faq_text(entries, "f.yaml")}.search("does allure group treat knee arthritis").matches.empty());
  CHECK(clinic().top("does allure medical do stem cells for knees") == "overview");
}

TEST_CASE("search: a question closest to a not_answered one gets no answer, not a nearby entry") {
  const std::string entries = knees_and_cost;
  const Faq without = load_faq_text(entries, "f.yaml");
  const Faq with =
      load_faq_text(entries + "not_answered:\n  - Do you treat hips?\n  - Do you take credit cards?\n", "f.yaml");
  const SearchIndex plain{without}, declining{with};
  // Whatever the minimum confidence, and never among "see also" entries.
  SearchOptions any;
  any.min_confidence = 0;
  // Without the list, the shared "treat arthritis" ranks the knee entry first.
  const SearchResult before = plain.search("do you treat hip arthritis", any);
  REQUIRE(!before.matches.empty());
  CHECK(without.entries[before.matches[0].entry].id == "knees");
  const SearchResult after = declining.search("do you treat hip arthritis", any);
  CHECK(after.matches.empty());
  REQUIRE(after.not_answered.has_value());
  CHECK(with.not_answered[*after.not_answered] == "Do you treat hips?");
  CHECK(declining.search("do you take credit cards", any).matches.empty());
  for (auto q : {"do you treat knee arthritis", "how much is it", "what's the price of the knee treatment"}) {
    CAPTURE(q);
    const SearchResult r = declining.search(q, any);
    CHECK(!r.not_answered.has_value());
    const SearchResult p = plain.search(q, any);
    REQUIRE(!r.matches.empty());
    REQUIRE(!p.matches.empty());
    CHECK(with.entries[r.matches[0].entry].id == without.entries[p.matches[0].entry].id);
    for (const auto& m : r.matches) CHECK(m.entry < with.entries.size());
  }
  // The list takes no part in word weights, so it moves no threshold.
  CHECK(declining.threshold() == plain.threshold());
}

TEST_CASE("search: a short word no dictionary has is a slip of the FAQ word beside it") {
  CHECK(corrected_to("cosg") == "cost"); // a neighbouring key, four letters
  CHECK(corrected_to("shoy") == "shot");
  CHECK(corrected_to("sho") == "shot");  // three letters, one left out
  CHECK(corrected_to("imgaign") == "imaging"); // two edits in a word of seven letters
  CHECK(clinic().top("how much does it cosg") == "cost");
  CHECK(clinic().top("how llng will the relief last") == "durability");
  CHECK(clinic().top("does the liposuction hurt mich") == "pain");
  // A real word stays itself ("cast" is not "cost"); a non-word is not
  // shortened into a function word ("ivf" is not "if"), nor taken two edits
  // to a FAQ word when it is one from a real word ("parikng" is "parking",
  // which the FAQ does not answer, not "paying"; "hirnig" is not "hiking"),
  // and a real word with a letter more than a FAQ word is not that word
  // ("plus" is not "pus", "close" not "lose").
  for (auto q : {"cast", "ivf", "parikng", "hirnig", "plus", "close"}) {
    CAPTURE(q);
    auto r = clinic().index.search(q);
    REQUIRE(r.terms.size() == 1);
    CHECK(r.terms[0].how == MatchHow::unknown);
    CHECK(r.matches.empty());
  }
}

TEST_CASE("search: a real word is not 'corrected' into a FAQ word") {
  auto r = clinic().index.search("scam");
  REQUIRE(!r.terms.empty());
  CHECK(r.terms[0].how != MatchHow::spelling); // not "scan"
  CHECK(clinic().top("i need to reschedule") == ""); // not "schedule"
  CHECK(clinic().top("im just browsing") == "");     // not "bowling", an exercise
  // Nor by a letter that is neither a neighbouring key nor sounds alike.
  r = clinic().index.search("are you hiring");
  REQUIRE(r.terms.size() == 1);
  CHECK(r.terms[0].how == MatchHow::unknown); // not "hiking", an exercise
  CHECK(r.matches.empty());
  // Nor into a function word, which would drop it unseen: "bill" is not "ill" (I'll).
  r = clinic().index.search("my bill is wrong");
  REQUIRE(!r.terms.empty());
  CHECK(r.terms[0].word == "bill");
  CHECK(r.matches.empty());
  // Nor a word with a letter more than a function word, unless the letter is a
  // slip beside another: "note" is not "not" (which left "work" alone to
  // answer the effectiveness entry), but "yoou" is "you".
  r = clinic().index.search("can i get a note for work");
  REQUIRE(!r.terms.empty());
  CHECK(r.terms[0].word == "note");
  CHECK(r.terms[0].how == MatchHow::unknown);
  CHECK(r.matches.empty());
  r = clinic().index.search("how much do yoou charge");
  CHECK(std::none_of(r.terms.begin(), r.terms.end(), [](const QueryTerm& t) { return t.how == MatchHow::unknown; }));
  // A typo of a function word still is one, even with its first two letters swapped.
  for (auto q : {"waht does it cost", "hwat does it cost"}) {
    CAPTURE(q);
    r = clinic().index.search(q);
    CHECK(std::none_of(r.terms.begin(), r.terms.end(), [](const QueryTerm& t) { return t.how == MatchHow::unknown; }));
    CHECK(clinic().top(q) == "cost");
  }
  // Texting shorthand is ignored, but no word is corrected into it: "wait" is not "wat".
  CHECK(clinic().top("wat r u charging for the knee") == "cost");
  CHECK(clinic().top("how do u do it") == "procedure"); // the phrase "how do you do it"
  CHECK(clinic().top("does it rly work") == "effectiveness");
  r = clinic().index.search("whats the wait time");
  REQUIRE(!r.terms.empty());
  CHECK(r.terms[0].word == "wait");
  CHECK(r.terms[0].how != MatchHow::spelling);
}

TEST_CASE("search: confidence is in [0, 1], best first, and 0.5 sits at the derived threshold") {
  auto r = clinic().index.search("how long will the results last", {5, 0.0, false});
  REQUIRE(r.matches.size() >= 2);
  for (std::size_t i = 0; i < r.matches.size(); ++i) {
    CHECK(r.matches[i].confidence >= 0.0);
    CHECK(r.matches[i].confidence <= 1.0);
    if (i > 0) CHECK(r.matches[i - 1].confidence >= r.matches[i].confidence);
    bool above = r.matches[i].score >= clinic().index.threshold();
    CHECK(above == (r.matches[i].confidence >= 0.5));
  }
}

TEST_CASE("search: the threshold comes from the FAQ's own content, not a constant") {
  const std::string yaml = R"(entries:
  - id: a
    question: How do I reset my router?
    alternates: [router reset steps, my router needs a restart, how to reboot the router]
  - id: b
    question: What is the wifi password?
    alternates: [wifi password please, I forgot the wireless password, network key]
  - id: c
    question: When are you open?
    alternates: [opening hours, what time do you open, are you open on sunday]
)";
  std::string with_answers = yaml;
  for (auto id : {"id: a\n", "id: b\n", "id: c\n"})
    with_answers.replace(with_answers.find(id), 6, std::string(id) + "    answer: Yes.\n");
  Faq faq = load_faq_text(with_answers, "t.yaml");
  SearchIndex index(faq);
  CHECK(index.threshold() != doctest::Approx(SearchIndex(load_faq_text(embedded_faq(), "f")).threshold()));
  CHECK(faq.entries[index.search("router restart").matches.at(0).entry].id == "a");
  CHECK(index.search("what is the price of a pizza").matches.empty());
}

TEST_CASE("search: settings.min_confidence and the per-query override decide abstention") {
  auto strict = load_faq_text(std::string(embedded_faq()) + "\n", "f");
  strict.settings.min_confidence = 0.999;
  SearchIndex index(strict);
  CHECK(index.min_confidence() == doctest::Approx(0.999));
  CHECK(index.search("does stem cell therapy help cartilage grow").matches.empty());
  CHECK(!index.search("does stem cell therapy help cartilage grow", {3, 0.0, false}).matches.empty());
}

TEST_CASE("search: explain contributions add up to the score") {
  for (auto q : {"is the lipo painful", "how much does it cost", "do i need an mri before the consultation",
                 "what time do you close"}) {
    CAPTURE(q);
    auto r = clinic().index.search(q, {3, std::nullopt, true});
    REQUIRE((!r.matches.empty() || r.nearest));
    if (r.nearest) r.matches.push_back(*r.nearest);
    for (const auto& m : r.matches) {
      double sum = 0;
      for (const auto& c : m.contributions) sum += c.share;
      CHECK(sum == doctest::Approx(m.score));
    }
  }
}

TEST_CASE("batch JSON: the entry-caching writer gives the same bytes as the general one") {
  const auto& c = clinic();
  ResultLineWriter writer(c.faq);
  auto same = [&](std::string_view q, const SearchResult& r) {
    std::string line;
    writer.append(line, q, r);
    CHECK(line == dump_line(result_json(c.faq, q, r, false)));
  };
  for (auto q : {"how much is it", "does it hurt", "where do i park", "", "caf\xC3\xA9 \"quoted\" \\ \t\x1b[31m bad\xFF",
                 "what's the cost? (50% off) {x} [y] <z> ~`!@#$^&*_+=|;:,./", "del\x7f", "end\\"})
    same(q, c.index.search(q));
  // Every confidence a match can print, each written twice (the second from the writer's memory).
  for (int pass = 0; pass < 2; ++pass)
    for (int k = 0; k <= 1000; ++k) {
      SearchResult r;
      r.matches.push_back({static_cast<std::size_t>(k) % c.faq.entries.size(), k / 1000.0 + 1e-5, 0, {}});
      r.matches.push_back({0, k / 1000.0 - 1e-5 < 0 ? 0.0 : k / 1000.0 - 1e-5, 0, {}});
      same("q", r);
    }
}

TEST_CASE("search: skipping entries that cannot reach the minimum changes no answer") {
  // Many entries share common words; a few rare words tell them apart. The
  // pruned search (the default) must answer exactly as the full one (--explain).
  std::string yaml = "entries:\n";
  const char* common[] = {"order", "delivery", "status", "refund", "account"};
  for (int i = 0; i < 400; ++i)
    yaml += fmt::format("  - id: e{0}\n    question: \"{1} {2} for item{0}\"\n    answer: \"About {1} and {3}.\"\n"
                        "    alternates: [\"{2} of my {1} item{0}\", \"where is item{0} {3}\"]\n",
                        i, common[i % 5], common[(i / 5) % 5], common[(i / 25) % 5]);
  // A rarer word than item17 that the query also has, in an unrelated entry:
  // the right entry lacks the query's rarest word, so it must still be scored.
  yaml += "  - id: gift\n    question: gift card balance\n    answer: zeta gift cards, not item17\n";
  const Faq faq = load_faq_text(yaml, "many.yaml");
  const SearchIndex index(faq);
  int answered = 0;
  // Below the default minimum, e17 is still the best entry for this query without being its rarest word's.
  const SearchOptions low{3, 0.25, false};
  auto near = index.search("status refund item17 zeta", low);
  REQUIRE(!near.matches.empty());
  CHECK(faq.entries[near.matches[0].entry].id == "e17");
  for (auto q : {"status refund item17 zeta", "order status item17", "refund order item3", "status refund item17", "where is item123 account",
                 "item42 delivery", "order delivery status refund account", "where is my order", "refund",
                 "item12 item13"}) {
    auto fast = index.search(q), full = index.search(q, {3, std::nullopt, true});
    REQUIRE(fast.matches.size() == full.matches.size());
    for (std::size_t i = 0; i < fast.matches.size(); ++i) {
      CHECK(fast.matches[i].entry == full.matches[i].entry);
      CHECK(fast.matches[i].confidence == full.matches[i].confidence);
    }
    answered += !fast.matches.empty();
  }
  CHECK(answered >= 4);
}
