// The coordinator's console (faqdesk with no command) on a pseudo-terminal,
// the unanswered-questions log and `faqdesk gaps`.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include "pty.hpp"
#include "run.hpp"

using test::faqdesk;
using test::Pty;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  REQUIRE(stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> v;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) v.push_back(nlohmann::json::parse(line));
  return v;
}

// Ctrl-D at the next prompt; the exit status. (A Ctrl-D typed while output
// is still printing is read by the terminal in line mode, as with any program.)
int quit(Pty& t) {
  REQUIRE(t.expect("faqdesk> "));
  t.send("\x04");
  return t.wait_exit();
}

// The console with the repository's faq.yaml and its own state directory.
struct Console {
  test::TempDir dir;
  std::vector<std::string> args() const { return {"--faq", test::source("faq.yaml").string()}; }
  std::map<std::string, std::string> env() const {
    return {{"XDG_STATE_HOME", (dir.path / "state").string()}, {"XDG_CACHE_HOME", (dir.path / "cache").string()}};
  }
  std::filesystem::path history() const { return dir.path / "state" / "faqdesk" / "history"; }
};

} // namespace

TEST_CASE("console: a question gets its answer, short line first, and a number shows a related entry") {
  Console c;
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk> "));
  t.send("how much is it\n");
  REQUIRE(t.expect("[cost, confidence"));
  CHECK(t.expect("» Generally under $7,000."));
  CHECK(t.expect("Related (type a number):"));
  CHECK(t.expect("1  imaging"));
  REQUIRE(t.expect("faqdesk> "));
  t.send("1\n");
  CHECK(t.expect("Do I need an X-ray or MRI?  [imaging]"));
  REQUIRE(t.expect("faqdesk> "));
  t.send("9\n");
  CHECK(t.expect("Pick a number from 1 to"));
  CHECK(quit(t) == 0);
}

TEST_CASE("console: :more, :show with a typo, :list, an unknown command, :help and :quit") {
  Console c;
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk> "));
  t.send(":more\n");
  CHECK(t.expect("Ask a question first."));
  t.send("how long does it take\n");
  REQUIRE(t.expect("confidence"));
  t.send(":more\n");
  CHECK(t.expect("Also close (type a number):"));
  // The entries `ask` ranks after the best, in its order.
  const auto ranked = nlohmann::json::parse(
      test::faqdesk({"--faq", test::source("faq.yaml").string(), "ask", "--json", "--top", "3", "how long does it take"},
                    {.env = c.env()})
          .out);
  REQUIRE(ranked["matches"].size() == 3);
  CHECK(t.expect("1  " + ranked["matches"][1]["id"].get<std::string>()));
  CHECK(t.expect("2  " + ranked["matches"][2]["id"].get<std::string>()));
  t.send(":show cots\n");
  CHECK(t.expect("No entry 'cots' (did you mean 'cost'?)."));
  t.send(":list\n");
  CHECK(t.expect("Entries (type a number):"));
  CHECK(t.expect("16  "));
  t.send(":lst\n");
  CHECK(t.expect("Unknown command ':lst' (did you mean ':list'?)"));
  t.send(":help\n");
  CHECK(t.expect(":screen"));
  t.send(":quit\n");
  CHECK(t.wait_exit() == 0);
}

TEST_CASE("console: a question the FAQ cannot answer gets the referral, not a guess") {
  Console c;
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk> "));
  t.send("where can i park my car\n");
  CHECK(t.expect("The FAQ has no answer to this."));
  CHECK(t.expect("586-992-8300"));
  CHECK(quit(t) == 0);
  CHECK(t.seen().find("confidence") == std::string::npos);
}

TEST_CASE("console: :screen runs the questionnaire inline and returns to the prompt") {
  Console c;
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk> "));
  t.send(":screen\n");
  REQUIRE(t.expect("significant deformity"));
  t.send("yes\n");
  REQUIRE(t.expect("X-ray or MRI"));
  t.send("n\n");
  REQUIRE(t.expect("old injury"));
  t.send("w\n");
  REQUIRE(t.expect("this stem cell treatment before"));
  t.send("no\n");
  CHECK(t.expect("FLAG"));
  CHECK(t.expect("Total: under $7,000"));
  CHECK(t.expect("not a medical assessment"));
  REQUIRE(t.expect("faqdesk> "));
  t.send("does it hurt\n");
  CHECK(t.expect("[pain, confidence"));
  CHECK(quit(t) == 0);
}

TEST_CASE("console: Ctrl-C abandons the questionnaire, and Ctrl-C on a line drops it; neither quits") {
  Console c;
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk> "));
  t.send(":screen\n");
  REQUIRE(t.expect("significant deformity"));
  t.send("\x03"); // the terminal's interrupt character
  CHECK(t.expect("Screening abandoned; nothing was recorded."));
  REQUIRE(t.expect("faqdesk> "));
  t.send("where do i park");
  t.send("\x03");
  REQUIRE(t.expect("faqdesk> "));
  t.send("does it hurt\n");
  CHECK(t.expect("[pain, confidence"));
  CHECK(quit(t) == 0);
  CHECK(t.seen().find("Estimate") == std::string::npos);
  CHECK(t.seen().find("no answer") == std::string::npos); // the dropped line was never asked
}

TEST_CASE("console: history is kept across runs in a private file and recalled with the up arrow") {
  Console c;
  {
    Pty t(c.args(), c.env());
    REQUIRE(t.expect("faqdesk> "));
    t.send("how long is recovery\n");
    REQUIRE(t.expect("[recovery, confidence"));
    CHECK(quit(t) == 0);
  }
  REQUIRE(std::filesystem::exists(c.history()));
  CHECK(mode_of(c.history()) == 0600);
  CHECK(slurp(c.history()).find("recovery") != std::string::npos);
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk> "));
  t.send("\x1b[A");
  CHECK(t.expect("how long is recovery"));
  t.send("\n");
  CHECK(t.expect("[recovery, confidence"));
  CHECK(quit(t) == 0);
}

TEST_CASE("console: a corrupt history file is reported once, left as it is, and the console works") {
  Console c;
  std::filesystem::create_directories(c.history().parent_path());
  { std::ofstream(c.history()) << "not a history file\n"; }
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk: warning: "));
  CHECK(t.expect("history is not kept this session"));
  REQUIRE(t.expect("faqdesk> "));
  t.send("does it hurt\n");
  CHECK(t.expect("[pain, confidence"));
  t.send("is it safe\n");
  CHECK(t.expect("[safety, confidence"));
  CHECK(quit(t) == 0);
  CHECK(slurp(c.history()) == "not a history file\n");
  auto first = t.seen().find("warning");
  CHECK(t.seen().find("warning", first + 1) == std::string::npos);
}

TEST_CASE("console: an unwritable history directory is reported once and never stops the console") {
  Console c;
  std::filesystem::create_directories(c.dir.path / "state");
  { std::ofstream(c.dir.path / "state" / "faqdesk") << "a file where the directory should be\n"; }
  Pty t(c.args(), c.env());
  CHECK(t.expect("faqdesk: warning: "));
  REQUIRE(t.expect("faqdesk> "));
  t.send("does it hurt\n");
  CHECK(t.expect("[pain, confidence"));
  t.send("how much\n");
  CHECK(t.expect("[cost, confidence"));
  CHECK(quit(t) == 0);
  auto first = t.seen().find("warning");
  CHECK(t.seen().find("warning", first + 1) == std::string::npos);
}

TEST_CASE("console: Tab completes commands and entry ids") {
  Console c;
  Pty t(c.args(), c.env());
  REQUIRE(t.expect("faqdesk> "));
  t.send(":sh\tcons\t\n");
  CHECK(t.expect("How do I book a consultation?  [consultation]"));
  CHECK(quit(t) == 0);
}

TEST_CASE("unanswered log: appended across runs as private JSON lines, summarised by gaps") {
  test::TempDir dir;
  const auto log = (dir.path / "unanswered.jsonl").string();
  auto a = faqdesk({"--log-unanswered", log, "ask", "do you validate parking"});
  CHECK(a.status == 1);
  auto answered = faqdesk({"ask", "how much does it cost", "--log-unanswered", log});
  CHECK(answered.status == 0);
  auto b = faqdesk({"batch", "--log-unanswered", log}, {.input = "do you validate parking?\nwhat are your hours\ndoes it hurt\n"});
  CHECK(b.status == 0);
  CHECK(mode_of(log) == 0600);
  auto records = json_lines(slurp(log));
  REQUIRE(records.size() == 3);
  CHECK(records[0].at("source") == "ask");
  CHECK(records[0].at("query") == "do you validate parking");
  CHECK(records[1].at("source") == "batch");
  CHECK(records[2].at("query") == "what are your hours");
  CHECK(records[0].at("time").get<std::string>().ends_with("Z"));

  auto g = faqdesk({"gaps", log});
  REQUIRE(g.status == 0);
  CHECK(g.out.starts_with("3 unanswered questions in " + log));
  CHECK(g.out.find("     2  do you validate parking\n") != std::string::npos);
  CHECK(g.out.find("     2  parking\n") != std::string::npos);
  auto j = nlohmann::json::parse(faqdesk({"gaps", "--json", log}).out);
  CHECK(j.at("records") == 3);
  CHECK(j.at("questions")[0].at("count") == 2);
}

TEST_CASE("unanswered log: settings.unanswered_log is relative to faq.yaml; the console appends to it") {
  test::TempDir dir;
  std::string yaml = slurp(test::source("faq.yaml"));
  auto settings = yaml.find("\nsettings: {}\n");
  REQUIRE(settings != std::string::npos);
  yaml.replace(settings, 14, "\nsettings:\n  unanswered_log: gaps.jsonl\n");
  auto faq = dir.write("faq.yaml", yaml);
  Pty t({"--faq", faq.string()}, {{"XDG_STATE_HOME", (dir.path / "state").string()}});
  REQUIRE(t.expect("faqdesk> "));
  t.send("is there parking\n");
  REQUIRE(t.expect("no answer"));
  CHECK(quit(t) == 0);
  auto records = json_lines(slurp(dir.path / "gaps.jsonl"));
  REQUIRE(records.size() == 1);
  CHECK(records[0].at("source") == "console");
  auto g = faqdesk({"--faq", faq.string(), "gaps"});
  CHECK(g.status == 0);
  CHECK(g.out.find("is there parking") != std::string::npos);
}

TEST_CASE("unanswered log: one that cannot be opened is an error before any answer, exit 2") {
  test::TempDir dir;
  auto r = faqdesk({"ask", "is there parking", "--log-unanswered", dir.path.string()});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("faqdesk: error: " + dir.path.string() + ": cannot open the unanswered log") == 0);
}

TEST_CASE("gaps: other lines are skipped with a warning; a missing file is an error, exit 2") {
  test::TempDir dir;
  auto f = dir.write("log", "{\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"ask\",\"query\":\"Parking?\"}\ngarbage\n");
  auto r = faqdesk({"gaps", f.string()});
  CHECK(r.status == 0);
  CHECK(r.out.find("1 unanswered question in") == 0);
  CHECK(r.err == "faqdesk: warning: " + f.string() + ": 1 line was not from the unanswered log, skipped\n");
  auto missing = faqdesk({"gaps", (dir.path / "nope").string()});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("cannot open") != std::string::npos);
  auto none = faqdesk({"gaps"});
  CHECK(none.status == 2);
  CHECK(none.err.find("no log given") != std::string::npos);
}
