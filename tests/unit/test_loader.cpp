// The loader: one test per kind of broken file, with the exact message.
#include <doctest/doctest.h>

#include <faqdesk/error.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/version.hpp>

using namespace faqdesk;

namespace {
// Return every diagnostic of loading `yaml`, one per line.
std::string problems(const std::string& yaml) {
  try {
    load_faq_text(yaml, "f.yaml");
  } catch (const Error& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += format_diagnostic(d) + "\n";
    return out;
  }
  return "";
}
const std::string head = "entries:\n";
} // namespace

TEST_CASE("loader: the built-in faq.yaml loads with 16 entries and 4 screening questions") {
  Faq faq = load_faq_text(embedded_faq(), "faq.yaml");
  CHECK(faq.entries.size() == 16);
  CHECK(faq.screening.size() == 4);
  CHECK(faq.clinic.phone == "586-992-8300");
  REQUIRE(faq.find_entry("cost") != nullptr);
  CHECK(faq.find_entry("cost")->short_answer == "Generally under $7,000.");
}

TEST_CASE("loader: not_answered is a list of questions, none of them also an entry's phrasing") {
  const std::string entry = head + "  - id: hips\n    question: Do you treat hips?\n    answer: A.\n";
  CHECK(problems(entry + "not_answered: Do you treat hips?\n") ==
        "f.yaml:5:15: 'not_answered' in the FAQ must be a list (write [Do you treat hips?] or one '- item' per line)\n");
  CHECK(problems(entry + "not_answered:\n  - do you treat HIPS?\n") ==
        "f.yaml:2:5: \"do you treat HIPS?\" is a phrasing of entry \"hips\" and is also under not_answered; keep one\n");
  CHECK(load_faq_text(entry + "not_answered:\n  - Do you treat shoulders?\n", "f.yaml").not_answered ==
        std::vector<std::string>{"Do you treat shoulders?"});
}

TEST_CASE("loader: ignore_words are single words, lowercased as questions are") {
  const std::string entry = head + "  - id: cost\n    question: How much is it?\n    answer: A.\n";
  CHECK(load_faq_text(entry + "ignore_words: [Clinic, \"office's\"]\n", "f.yaml").ignore_words ==
        std::vector<std::string>{"clinic", "office"});
  CHECK(problems(entry + "ignore_words: [clinic, front desk]\n") ==
        "f.yaml:5:24: 'front desk' in ignore_words is more than one word; list each word on its own\n");
  CHECK(problems(entry + "ignore_words: clinic\n") ==
        "f.yaml:5:15: 'ignore_words' in the FAQ must be a list (write [clinic] or one '- item' per line)\n");
}

TEST_CASE("loader: a missing required field names the entry and its position") {
  CHECK(problems(head + "  - id: cost\n    answer: Under $7,000.\n") == "f.yaml:2:5: entry \"cost\" has no question\n");
}

TEST_CASE("loader: a scalar where a list belongs is an error, not an empty list") {
  CHECK(problems(head + "  - id: cost\n    question: Q?\n    answer: A.\n    alternates: how much\n") ==
        "f.yaml:5:17: 'alternates' in entry \"cost\" must be a list (write [how much] or one '- item' per line)\n");
}

TEST_CASE("loader: an empty answer is reported") {
  CHECK(problems(head + "  - id: cost\n    question: Q?\n    answer: \"  \"\n") ==
        "f.yaml:4:13: entry \"cost\" has an empty answer\n");
}

TEST_CASE("loader: a duplicate id points at both") {
  CHECK(problems(head + "  - {id: a, question: Q, answer: A.}\n  - {id: a, question: R, answer: B.}\n") ==
        "f.yaml:3:5: duplicate id \"a\" (first at line 2)\n");
}

TEST_CASE("loader: a duplicate key in a mapping is an error (yaml-cpp would keep the first silently)") {
  CHECK(problems(head + "  - id: a\n    question: Q?\n    answer: A.\n    answer: B.\n") ==
        "f.yaml:5:5: duplicate key 'answer' in entry \"a\" (first at line 4)\n");
}

TEST_CASE("loader: an unknown key suggests the nearest known one") {
  CHECK(problems(head + "  - id: a\n    question: Q?\n    anwser: A.\n") ==
        "f.yaml:4:5: unknown key 'anwser' in entry \"a\" (did you mean 'answer'?)\n"
        "f.yaml:2:5: entry \"a\" has no answer\n");
}

TEST_CASE("loader: 'related' naming an unknown id suggests the nearest") {
  CHECK(problems(head + "  - {id: cost, question: Q, answer: A., related: [imagin]}\n"
                        "  - {id: imaging, question: R, answer: B.}\n") ==
        "f.yaml:2:5: entry \"cost\" relates to unknown id \"imagin\" (did you mean 'imaging'?)\n");
}

TEST_CASE("loader: every problem is reported, not just the first") {
  auto p = problems(head + "  - id: a\n  - id: b\n    question: Q?\n");
  CHECK(p == "f.yaml:2:5: entry \"a\" has no question\nf.yaml:2:5: entry \"a\" has no answer\n"
             "f.yaml:3:5: entry \"b\" has no answer\n");
}

TEST_CASE("loader: a YAML syntax error carries its line and column") {
  CHECK(problems("entries:\n  - id: [x\n") .starts_with("f.yaml:3:1: "));
}

TEST_CASE("loader: an empty file says what it needs") {
  CHECK(problems("") == "f.yaml: the file is empty: it needs at least 'entries'\n");
}

TEST_CASE("loader: a JSON file with the same structure loads") {
  Faq faq = load_faq_text(R"({"entries": [{"id": "a", "question": "Q?", "answer": "A.", "alternates": ["x", "y"]}]})",
                          "f.json");
  REQUIRE(faq.entries.size() == 1);
  CHECK(faq.entries[0].alternates.size() == 2);
}

TEST_CASE("loader: a UTF-8 byte-order mark is accepted") {
  CHECK(load_faq_text("\xEF\xBB\xBF" + head + "  - {id: a, question: Q, answer: A.}\n", "f").entries.size() == 1);
}

TEST_CASE("loader: screening and costs are cross-checked") {
  const std::string faq = head + "  - {id: a, question: Q, answer: A.}\n"
                                 "costs:\n  - {id: proc, label: Procedure, max: 7000}\n"
                                 "screening:\n"
                                 "  - id: q1\n    ask: Yes?\n    related: b\n    answers:\n"
                                 "      - {value: 'yes', aliases: [y], costs: [imaging]}\n"
                                 "      - {value: 'no', aliases: [y, '?'], notes: [{severity: info, text: N}]}\n"
                                 "      - {value: unsure}\n";
  CHECK(problems(faq) ==
        "f.yaml:6:5: screening question \"q1\" relates to unknown entry \"b\" (did you mean 'a'?)\n"
        "f.yaml:10:9: answer 'yes' of screening question \"q1\" adds undefined cost \"imaging\"\n"
        "f.yaml:11:9: screening question \"q1\" uses 'y' for both 'yes' and 'no'\n"
        "f.yaml:11:9: answer 'no' of screening question \"q1\" uses '?', which is reserved for showing the related entry\n"
        "f.yaml:12:9: answer 'unsure' of screening question \"q1\" has no effect: give it a note or a cost\n");
}

TEST_CASE("loader: a cost item needs a price or 'priced: false', and a note a known severity") {
  CHECK(problems(head + "  - {id: a, question: Q, answer: A.}\ncosts:\n  - {id: x, label: X}\n") ==
        "f.yaml:4:5: cost item \"x\" needs an 'amount' or a 'max', or 'priced: false'\n");
}

TEST_CASE("loader: control characters in a message are escaped") {
  auto p = problems(head + "  - id: a\n    question: Q?\n    answer: A.\n    \"bad\\ekey\": 1\n");
  CHECK(p.find('\x1b') == std::string::npos);
  CHECK(p.find("bad\\x1bkey") != std::string::npos);
}
