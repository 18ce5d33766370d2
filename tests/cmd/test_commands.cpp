// list, show, check, the FAQ lookup order and the exit codes, through the real binary.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "run.hpp"

using test::faqdesk;

namespace {
const std::string tiny_faq = R"(clinic: {name: Tiny Clinic, phone: 555-0100}
entries:
  - id: only
    question: Is this the tiny FAQ?
    answer: Yes, this is the tiny FAQ.
)";
} // namespace

TEST_CASE("list: prints every entry id with its question, aligned") {
  auto r = faqdesk({"list"});
  CHECK(r.status == 0);
  CHECK(r.out.find("cost              How much does it cost?\n") != std::string::npos);
  CHECK(r.out.find("consultation      How do I book a consultation?\n") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("list --json: an array of id and question for all 16 default entries") {
  auto r = faqdesk({"list", "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_array());
  CHECK(j.size() == 16);
  CHECK(j[0].at("id") == "overview");
  CHECK(j[0].contains("question"));
}

TEST_CASE("show: prints the whole entry; --json gives its fields") {
  auto r = faqdesk({"show", "cost"});
  CHECK(r.status == 0);
  CHECK(r.out.find("under $7,000") != std::string::npos);
  auto j = faqdesk({"show", "cost", "--json"});
  auto o = nlohmann::json::parse(j.out);
  CHECK(o.at("id") == "cost");
  CHECK(o.at("short") == "Generally under $7,000.");
  CHECK(o.at("related").size() == 2);
}

TEST_CASE("show: an unknown id is an error naming the nearest ids, exit 2") {
  auto r = faqdesk({"show", "costs"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "faqdesk: error: no entry 'costs' (did you mean 'cost'?)\n");
}

TEST_CASE("check: the default faq.yaml passes with a one-line summary") {
  auto r = faqdesk({"check", test::source("faq.yaml").string()});
  CHECK(r.status == 0);
  CHECK(r.out.ends_with("faq.yaml: 16 entries, 4 screening questions, no problems\n"));
  CHECK(r.err.empty()); // and no warnings
}

TEST_CASE("check: edits that quietly undo matching are warned about, exit 0") {
  test::TempDir dir;
  auto f = dir.write("faq.yaml", R"(entries:
  - id: cost
    question: How much does it cost?
    answer: Under $7,000.
    alternates:
      - What is the price of the knee treatment?
      - Is it right for me?
  - id: pain
    question: Does it hurt?
    answer: Not much.
    alternates:
      - How much is the cost?
not_answered:
  - Does that hurt?
ignore_words: [knee]
)");
  auto r = faqdesk({"check", f.string()});
  CHECK(r.status == 0);
  CHECK(r.out == f.string() + ": 2 entries, no problems (4 warnings)\n");
  const std::string p = "faqdesk: warning: " + f.string();
  CHECK(r.err == p + ":2:5: entry 'cost': \"Is it right for me?\" has only filler words, so it matches no question\n" +
                     p + ":2:5: entry 'cost' uses 'knee', which ignore_words lists: no question is matched on it\n" +
                     p + ":8:5: entries 'cost' and 'pain' ask the same: \"How much does it cost?\" and \"How much is the "
                         "cost?\"; a caller asking it gets either\n" +
                     p + ":8:5: not_answered \"Does that hurt?\" asks what entry 'pain' answers (\"Does it hurt?\"): a caller "
                         "asking it gets either\n");
}

TEST_CASE("check: a synonym whose stem is another word's is warned about at its group") {
  // "yearly" is "year" to the stemmer, so listing it under 'repeat' would
  // read "how many years" as repeating; "quoting" and "quote" are one stem in
  // two groups. Forms of one word ("shots", "resting") are not warned about.
  test::TempDir dir;
  auto f = dir.write("faq.yaml", R"(entries:
  - id: durability
    question: How many years does it last?
    answer: A long time.
  - id: repeat
    question: Can I do it again?
    answer: Yes, and some people rest between.
synonyms:
  cost: [quote, price]
  repeat: [yearly, resting, again]
  study: [quoting, research]
)");
  auto r = faqdesk({"check", f.string()});
  CHECK(r.status == 0);
  CHECK(r.out == f.string() + ": 2 entries, no problems (2 warnings)\n");
  const std::string p = "faqdesk: warning: " + f.string();
  CHECK(r.err == p + ":11:3: synonyms 'quoting' (of 'study') and 'quote' (of 'cost') are read alike, as 'quot': "
                     "callers saying either get 'study', the later group\n" +
                     p + ":10:3: synonyms of 'repeat': 'yearly' is read by its stem 'year', so 'years' (entry "
                         "'durability') is read as 'repeat' too\n");
}

TEST_CASE("check: a synonym group whose name is read as one plain word is warned about at its group") {
  // "work with" is read as "work", its function word dropped: "does it work"
  // would then be asked of whatever uses the group. "stem cell" keeps both words.
  test::TempDir dir;
  auto f = dir.write("faq.yaml", R"(entries:
  - id: effectiveness
    question: Does it work?
    answer: Almost always.
synonyms:
  work with: [collaborate with]
  stem cell: [stemcells]
)");
  auto r = faqdesk({"check", f.string()});
  CHECK(r.status == 0);
  CHECK(r.out == f.string() + ": 1 entry, no problems (1 warning)\n");
  CHECK(r.err == "faqdesk: warning: " + f.string() +
                     ":6:3: synonyms 'work with' are read as 'work' alone ('with' says nothing to faqdesk), so a caller "
                     "saying 'work' gets them too: name the group with words that are not function words\n");
}

TEST_CASE("check: every problem in a broken file is reported with line and column, exit 2") {
  test::TempDir dir;
  auto f = dir.write("broken.yaml", R"(entries:
  - id: cost
    question: How much?
    answer: ""
  - id: cost
    question: Again?
    answer: Yes.
    relatd: [cost]
)");
  auto r = faqdesk({"check", f.string()});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  const std::string p = f.string();
  CHECK(r.err == "faqdesk: error: " + p + ":4:13: entry \"cost\" has an empty answer\n" +
                     "faqdesk: error: " + p + ":8:5: unknown key 'relatd' in entry \"cost\" (did you mean 'related'?)\n" +
                     "faqdesk: error: " + p + ":5:5: duplicate id \"cost\" (first at line 2)\n");
}

TEST_CASE("check: a YAML syntax error gives its line and column") {
  test::TempDir dir;
  auto f = dir.write("bad.yaml", "entries:\n  - id: [unclosed\n");
  auto r = faqdesk({"check", f.string()});
  CHECK(r.status == 2);
  CHECK(r.err.starts_with("faqdesk: error: " + f.string() + ":"));
  CHECK(r.err.find('\n') == r.err.size() - 1);
}

TEST_CASE("lookup: --faq beats $FAQDESK_FAQ, which beats ./faq.yaml, which beats the built-in copy") {
  test::TempDir dir;
  dir.write("faq.yaml", tiny_faq);
  auto other = dir.write("other.yaml", std::string(tiny_faq).replace(tiny_faq.find("id: only"), 8, "id: other"));
  auto env_faq = dir.write("env.yaml", std::string(tiny_faq).replace(tiny_faq.find("id: only"), 8, "id: envone"));
  auto ids = [&](const std::vector<std::string>& args, std::map<std::string, std::string> env) {
    return faqdesk(args, {.input = "", .cwd = dir.path, .env = env}).out;
  };
  CHECK(ids({"--faq", other.string(), "list"}, {{"FAQDESK_FAQ", env_faq.string()}}).starts_with("other"));
  CHECK(ids({"list"}, {{"FAQDESK_FAQ", env_faq.string()}}).starts_with("envone"));
  CHECK(ids({"list"}, {}).starts_with("only"));
  // From a directory with no faq.yaml, the built-in copy answers.
  CHECK(faqdesk({"list"}).out.starts_with("overview"));
}

TEST_CASE("lookup: a --faq file named like a command is the file, not the command") {
  // faqdesk sets up only the command it is given; the words after global
  // options are not commands.
  test::TempDir dir;
  dir.write("batch", tiny_faq);
  auto r = faqdesk({"--faq", "batch", "--color", "never", "list"}, {.input = "", .cwd = dir.path});
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("only"));
  auto after = faqdesk({"list", "--faq", "batch"}, {.input = "", .cwd = dir.path});
  CHECK(after.status == 0);
  CHECK(after.out.starts_with("only"));
}

TEST_CASE("lookup: a missing --faq file is an error, exit 2") {
  auto r = faqdesk({"--faq", "/nonexistent/faq.yaml", "list"});
  CHECK(r.status == 2);
  CHECK(r.err == "faqdesk: error: /nonexistent/faq.yaml: cannot open: No such file or directory\n");
}

TEST_CASE("usage: an unknown command suggests the nearest, exit 2; no command prints usage, exit 2") {
  auto r = faqdesk({"lst"});
  CHECK(r.status == 2);
  CHECK(r.err == "faqdesk: error: unknown command 'lst' (did you mean 'list'?); see 'faqdesk --help'\n");
  auto none = faqdesk({});
  CHECK(none.status == 2);
  CHECK(none.err.find("faqdesk: error: no command given") != std::string::npos);
  auto opt = faqdesk({"ask", "--bogus", "x"});
  CHECK(opt.status == 2);
}

TEST_CASE("--version and --help succeed on stdout") {
  auto v = faqdesk({"--version"});
  CHECK(v.status == 0);
  CHECK(v.out.starts_with("faqdesk 0."));
  auto h = faqdesk({"ask", "--help"});
  CHECK(h.status == 0);
  CHECK(h.out.find("Example: faqdesk ask") != std::string::npos);
}

TEST_CASE("output: a write error (full disk) is an error, exit 2, never a silent success") {
  if (!std::filesystem::exists("/dev/full")) return;
  test::TempDir dir;
  // Run through a shell so stdout is /dev/full.
  auto script = dir.write("run.sh", std::string("exec '") + FAQDESK_BINARY + "' list > /dev/full\n");
  int status = std::system(("sh " + script.string() + " 2>/dev/null").c_str());
  CHECK(WEXITSTATUS(status) == 2);
}
