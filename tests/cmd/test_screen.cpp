// faqdesk screen: scripted, batch, errors, and interactive through a pseudo-terminal.
#include <fstream>
#include <iterator>
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "pty.hpp"
#include "run.hpp"

using test::faqdesk;
using test::Pty;

namespace {

const std::vector<std::string> all_no = {"screen", "--json", "--answer", "deformity=no", "--answer", "imaging=yes",
                                         "--answer", "cause=injury", "--answer", "prior-treatment=no"};

} // namespace

TEST_CASE("screen --json: every answer given gives notes, estimate and disclaimer, no prompt") {
  auto r = faqdesk(all_no);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j.at("answers").at("deformity") == "no");
  CHECK(j.at("estimate").at("currency") == "USD");
  CHECK(j.at("estimate").at("max") == 7000);
  CHECK(j.at("disclaimer").get<std::string>().find("not a medical assessment") != std::string::npos);
  bool imaging_item = false;
  for (const auto& i : j.at("estimate").at("items")) imaging_item |= i.at("id") == "imaging";
  CHECK_FALSE(imaging_item);
}

TEST_CASE("screen: a deformity is flagged first; no imaging adds the unpriced imaging item") {
  auto r = faqdesk({"screen", "--json", "-a", "deformity=Y", "-a", "imaging=n", "-a", "cause=wear", "-a",
                    "prior-treatment=no"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j.at("notes")[0].at("severity") == "flag");
  CHECK(j.at("notes")[0].at("question") == "deformity");
  bool imaging_unpriced = false;
  for (const auto& i : j.at("estimate").at("items"))
    if (i.at("id") == "imaging") imaging_unpriced = i.at("priced") == false && !i.contains("amount");
  CHECK(imaging_unpriced);
  CHECK(j.at("estimate").at("max") == 7000);
}

TEST_CASE("screen: text result has flags first, the estimate, the phone number and the disclaimer") {
  auto r = faqdesk({"screen", "-a", "deformity=yes", "-a", "imaging=no", "-a", "cause=wear", "-a", "prior-treatment=no"});
  REQUIRE(r.status == 0);
  CHECK(r.out.starts_with("FLAG "));
  auto est = r.out.find("Estimate"), next = r.out.find("586-992-8300"), disc = r.out.find("not medical advice");
  CHECK(est != std::string::npos);
  CHECK(r.out.find("Total: under $7,000") != std::string::npos);
  CHECK(est < next);
  CHECK(next < disc);
}

TEST_CASE("screen: a changed price in faq.yaml changes the estimate with no rebuild") {
  test::TempDir dir;
  std::ifstream in(test::source("faq.yaml"));
  std::string yaml((std::istreambuf_iterator<char>(in)), {});
  yaml.replace(yaml.find("max: 7000"), 9, "max: 6500");
  auto f = dir.write("faq.yaml", yaml);
  auto args = all_no;
  args.insert(args.begin(), {"--faq", f.string()});
  CHECK(nlohmann::json::parse(faqdesk(args).out).at("estimate").at("max") == 6500);
}

TEST_CASE("screen: a missing answer with stdin not a terminal is an error naming the question, exit 2") {
  auto r = faqdesk({"screen", "-a", "deformity=no"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("faqdesk: error: no answer for 'imaging'") == 0);
  CHECK(r.err.find("allowed: yes (y), no (n)") != std::string::npos);
}

TEST_CASE("screen: unknown question or answer lists the valid ones, exit 2") {
  auto q = faqdesk({"screen", "-a", "deformty=no"});
  CHECK(q.status == 2);
  CHECK(q.err == "faqdesk: error: unknown screening question 'deformty'; the questions are: deformity, imaging, "
                 "cause, prior-treatment\n");
  auto a = faqdesk({"screen", "-a", "deformity=perhaps"});
  CHECK(a.status == 2);
  CHECK(a.err.find("'perhaps' is not an answer to 'deformity'; allowed: yes (y), no (n), unsure") != std::string::npos);
}

TEST_CASE("screen --answers: a YAML or JSON file of answers") {
  test::TempDir dir;
  auto f = dir.write("a.json", R"({"deformity": "unsure", "imaging": "yes", "cause": "injury", "prior-treatment": "yes"})");
  auto r = faqdesk({"screen", "--json", "--answers", f.string()});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out).at("answers").at("deformity") == "unsure");
}

TEST_CASE("screen --batch: one result per line, an error object for a bad line, the rest go on") {
  std::string input = R"({"deformity":"no","imaging":"no","cause":"wear","prior-treatment":"no"})"
                      "\nnot json\n"
                      R"({"deformity":"yes","imaging":"yes","cause":"injury","prior-treatment":"yes"})"
                      "\n";
  auto r = faqdesk({"screen", "--batch", "-"}, {.input = input});
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> objs;
  for (std::string line; std::getline(lines, line);) objs.push_back(nlohmann::json::parse(line));
  REQUIRE(objs.size() == 3);
  CHECK(objs[0].contains("estimate"));
  CHECK(objs[1].at("line") == 2);
  CHECK(objs[2].at("notes")[0].at("severity") == "flag");
}

TEST_CASE("screen on a terminal: aliases, a wrong answer re-asked, '?' shows the related entry") {
  Pty t({"screen"});
  REQUIRE(t.expect("significant deformity"));
  t.send("?\n");
  CHECK(t.expect("Am I a good candidate?"));
  REQUIRE(t.expect("> "));
  t.send("perhaps\n");
  CHECK(t.expect("Please answer yes (y), no (n)"));
  t.send("N\n");
  REQUIRE(t.expect("X-ray or MRI"));
  t.send("y\n");
  REQUIRE(t.expect("old injury"));
  t.send("w\n");
  REQUIRE(t.expect("this stem cell treatment before"));
  t.send("no\n");
  CHECK(t.expect("Estimate"));
  CHECK(t.expect("586-992-8300"));
  CHECK(t.wait_exit() == 0);
}

TEST_CASE("screen on a terminal: Ctrl-D abandons with one line, no partial result, exit 1") {
  Pty t({"screen"});
  REQUIRE(t.expect("significant deformity"));
  t.send("\x04");
  CHECK(t.expect("screening abandoned"));
  CHECK(t.wait_exit() == 1);
  CHECK(t.seen().find("Estimate") == std::string::npos);
}

TEST_CASE("screen on a terminal: Ctrl-C abandons too, exit 1") {
  Pty t({"screen"});
  REQUIRE(t.expect("significant deformity"));
  t.send("n\n");
  REQUIRE(t.expect("X-ray or MRI"));
  t.interrupt();
  CHECK(t.expect("screening abandoned"));
  CHECK(t.wait_exit() == 1);
  CHECK(t.seen().find("Estimate") == std::string::npos);
}

TEST_CASE("screen: text lines fit the width, with notes hung under the FLAG margin") {
  auto r = faqdesk({"screen", "-a", "deformity=yes", "-a", "imaging=no", "-a", "cause=wear", "-a", "prior-treatment=no"},
                   {.input = "", .cwd = {}, .env = {{"COLUMNS", "60"}}});
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 60);
  CHECK(r.out.find("FLAG Significant deformity reported.") == 0);
}
