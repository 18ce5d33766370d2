// Hostile and broken input, through the real binary: each bad FAQ file gets one
// positioned error line and exit 2 with nothing on stdout; bad questions never
// break the JSON, the terminal or the batch. One test per row of the README's table.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include "run.hpp"

using test::faqdesk;

namespace {

const std::string valid = "entries:\n  - id: a\n    question: Is this valid?\n    answer: Yes.\n";

// `faqdesk --faq FILE list`: exit 2, stdout empty, exactly one line on stderr
// that starts with "faqdesk: error: " + `starts` and contains `has`.
void refused(const std::string& file, const std::string& starts, const std::string& has,
             const std::map<std::string, std::string>& env = {}) {
  auto r = faqdesk({"--faq", file, "list"}, {.input = "", .cwd = {}, .env = env});
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.starts_with("faqdesk: error: " + starts));
  CHECK(r.err.find(has) != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  for (unsigned char c : r.err) CHECK_MESSAGE((c >= 0x20 || c == '\n'), "raw control character in the message");
}

std::vector<nlohmann::json> batch_objects(const std::string& input) {
  auto r = faqdesk({"batch"}, {.input = input});
  REQUIRE(r.status == 0);
  std::vector<nlohmann::json> v;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) v.push_back(nlohmann::json::parse(line)); // throws if invalid
  return v;
}

} // namespace

TEST_CASE("bad FAQ: a directory, a FIFO and a device are refused at once") {
  test::TempDir d;
  refused(d.path.string(), d.path.string() + ": is a directory", "not a FAQ file");
  auto fifo = d.path / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  refused(fifo.string(), fifo.string() + ": is not a regular file (a FIFO)", "faq.yaml");
  refused("/dev/zero", "/dev/zero: is not a regular file (a device)", "faq.yaml");
}

TEST_CASE("bad FAQ: a missing file names the cause") {
  refused("/nonexistent/faq.yaml", "/nonexistent/faq.yaml: cannot open", "No such file");
}

TEST_CASE("bad FAQ: larger than the cap, which FAQDESK_MAX_FAQ_BYTES can raise") {
  test::TempDir d;
  auto f = d.write("faq.yaml", valid + "# " + std::string(200, 'x') + "\n");
  refused(f.string(), f.string() + ": larger than 100 bytes", "FAQDESK_MAX_FAQ_BYTES", {{"FAQDESK_MAX_FAQ_BYTES", "100"}});
  auto ok = faqdesk({"--faq", f.string(), "list"}, {.input = "", .cwd = {}, .env = {{"FAQDESK_MAX_FAQ_BYTES", "100000"}}});
  CHECK(ok.status == 0);
  refused(f.string(), "FAQDESK_MAX_FAQ_BYTES must be a number", "'lots'", {{"FAQDESK_MAX_FAQ_BYTES", "lots"}});
}

TEST_CASE("bad FAQ: a 50 MB value is refused by the size cap, in bounded time") {
  test::TempDir d;
  auto f = d.path / "big.yaml";
  {
    std::ofstream out(f);
    out << "entries:\n  - id: a\n    question: \"" << std::string(50 << 20, 'x') << "\"\n    answer: A\n";
  }
  refused(f.string(), f.string() + ": larger than 33554432 bytes", "FAQDESK_MAX_FAQ_BYTES");
}

TEST_CASE("bad FAQ: a value longer than 1 MiB, under the size cap") {
  test::TempDir d;
  auto f = d.write("faq.yaml", "entries:\n  - id: a\n    question: Q\n    answer: \"" + std::string((1 << 20) + 1, 'x') + "\"\n");
  refused(f.string(), f.string() + ":4:13: a value of 1048577 bytes", "the most is 1048576");
}

TEST_CASE("bad FAQ: nesting deeper than the cap, where yaml-cpp would recurse and blame line 1") {
  test::TempDir d;
  auto f = d.write("faq.yaml", "entries: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  refused(f.string(), f.string() + ":1:", "nested deeper than 32 levels");
}

TEST_CASE("bad FAQ: anchors and aliases, including a self-referential cycle and an alias bomb") {
  test::TempDir d;
  auto cycle = d.write("cycle.yaml", "a: &x [*x]\n");
  refused(cycle.string(), cycle.string() + ":1:4: an anchor", "aliases");
  std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" +
            prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
  }
  auto laughs = d.write("laughs.yaml", bomb);
  refused(laughs.string(), laughs.string() + ":1:4: an anchor", "aliases");
  auto alias_only = d.write("alias.yaml", "entries: *nowhere\n");
  refused(alias_only.string(), alias_only.string() + ":1:", "alias");
}

TEST_CASE("bad FAQ: a second YAML document") {
  test::TempDir d;
  auto f = d.write("faq.yaml", valid + "---\n" + valid);
  refused(f.string(), f.string() + ":5:1: a second YAML document", "one document");
}

TEST_CASE("bad FAQ: invalid UTF-8 and a NUL byte, at their line and column, never echoed raw") {
  test::TempDir d;
  auto utf = d.write("utf.yaml", "entries:\n  - id: a\n    question: Caf\xe9?\n    answer: A\n");
  refused(utf.string(), utf.string() + ":3:18: invalid UTF-8", "save the file as UTF-8");
  auto nul = d.write("nul.yaml", std::string("entries:\n  - id: a\n    question: Q\0Q\n    answer: A\n", 45));
  refused(nul.string(), nul.string() + ":3:16: a NUL byte", "not a text file");
}

TEST_CASE("bad FAQ: a tab in the indentation is named as such") {
  test::TempDir d;
  auto f = d.write("faq.yaml", "entries:\n\t- id: a\n");
  refused(f.string(), f.string() + ":2:1: a tab in the indentation", "spaces");
}

TEST_CASE("bad FAQ: duplicate keys are reported, not silently resolved") {
  test::TempDir d;
  auto f = d.write("faq.yaml", "entries:\n  - id: a\n    question: Q\n    question: R\n    answer: A\n");
  auto r = faqdesk({"--faq", f.string(), "list"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(f.string() + ":4:5:") != std::string::npos);
  CHECK(r.err.find("question") != std::string::npos);
}

TEST_CASE("bad FAQ: an empty file; and a BOM is accepted") {
  test::TempDir d;
  auto empty = d.write("empty.yaml", "");
  refused(empty.string(), empty.string() + ": the file is empty", "entries");
  auto bom = d.write("bom.yaml", "\xEF\xBB\xBF" + valid);
  auto r = faqdesk({"--faq", bom.string(), "list"});
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("a  Is this valid?"));
}

TEST_CASE("FAQ text with escape sequences is shown escaped on a terminal and in text output") {
  test::TempDir d;
  auto f = d.write("faq.yaml", "entries:\n  - id: a\n    question: \"Is \\e[31mthis\\e[0m valid?\"\n    answer: \"Yes.\\a\"\n");
  auto r = faqdesk({"--faq", f.string(), "show", "a"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\a') == std::string::npos);
  CHECK(r.out.find("\\x1b[31mthis") != std::string::npos);
}

TEST_CASE("questions: NUL bytes, CRLF, escape sequences and invalid UTF-8 keep the JSON valid") {
  auto objs = batch_objects(std::string("how much\0 is it\r\n\x1b[31mdoes it hurt\xff\n", 35));
  REQUIRE(objs.size() == 2);
  CHECK(objs[0].at("query") == std::string("how much\0 is it", 15));
  CHECK(objs[0].at("matches")[0].at("id") == "cost");
  CHECK(objs[1].at("query").get<std::string>().ends_with("\xEF\xBF\xBD")); // U+FFFD for the bad byte
}

TEST_CASE("questions: escape sequences in a question are not echoed raw in text output") {
  auto r = faqdesk({"ask", "--explain", "\x1b[2Jhow much\x07"});
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
}

TEST_CASE("questions: an over-long line gets an error object and the batch goes on") {
  auto objs = batch_objects("how much\n" + std::string(10000, 'a') + "\ndoes it hurt\n");
  REQUIRE(objs.size() == 3);
  CHECK(objs[1].at("line") == 2);
  CHECK(objs[1].at("error").get<std::string>().find("longer than 4096 bytes") != std::string::npos);
  CHECK(objs[2].at("matches")[0].at("id") == "pain");
}

TEST_CASE("questions: a hundred thousand empty lines give one empty result each, quickly") {
  auto r = faqdesk({"batch", "--format", "tsv"}, {.input = std::string(100000, '\n')});
  CHECK(r.status == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 100000);
}

TEST_CASE("a full disk under the unanswered log is an error, never a silent success") {
  // Output to /dev/full is covered in test_commands.
  auto full = faqdesk({"ask", "is there parking", "--log-unanswered", "/dev/full"});
  CHECK(full.status == 2);
  CHECK(full.err.find("/dev/full: cannot write to the unanswered log") != std::string::npos);
}

TEST_CASE("bad answers file: a device or FIFO is refused at once, and an endless stdin is not buffered") {
  auto dev = faqdesk({"screen", "--answers", "/dev/zero"});
  CHECK(dev.status == 2);
  CHECK(dev.out.empty());
  CHECK(dev.err == "faqdesk: error: /dev/zero: is not a regular file (a device); give faqdesk a YAML or JSON file of answers\n");
  auto big = faqdesk({"screen", "--answers", "-"}, {.input = std::string((1 << 20) + 10, ' ')});
  CHECK(big.status == 2);
  CHECK(big.err == "faqdesk: error: (stdin): larger than 1048576 bytes, the most an answers file may be\n");
}
