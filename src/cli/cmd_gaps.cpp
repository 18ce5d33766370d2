// faqdesk gaps: what callers asked that the FAQ did not answer.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <faqdesk/error.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/text.hpp>
#include <faqdesk/unanswered.hpp>

#include "common.hpp"

namespace faqdesk::cli {
namespace {

std::string render_gaps(const GapsReport& r, const std::string& name) {
  if (r.records == 0) return fmt::format("No unanswered questions in {}.\n", printable(name));
  std::string out = fmt::format("{} unanswered question{} in {}", r.records, r.records == 1 ? "" : "s", printable(name));
  if (!r.first.empty()) out += fmt::format(", {} to {}", printable(r.first), printable(r.last));
  out += ".\n\nMost frequent questions:\n";
  for (const auto& [q, n] : r.questions) out += fmt::format("{:>6}  {}\n", n, printable(q));
  if (!r.words.empty()) {
    out += "\nMost frequent words:\n";
    for (const auto& [w, n] : r.words) out += fmt::format("{:>6}  {}\n", n, printable(w));
  }
  return out;
}

nlohmann::ordered_json gaps_json(const GapsReport& r) {
  nlohmann::ordered_json j;
  j["records"] = r.records;
  j["skipped"] = r.skipped;
  j["first"] = r.first.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.first);
  j["last"] = r.last.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.last);
  j["questions"] = nlohmann::ordered_json::array();
  for (const auto& [q, n] : r.questions) j["questions"].push_back({{"question", q}, {"count", n}});
  j["words"] = nlohmann::ordered_json::array();
  for (const auto& [w, n] : r.words) j["words"].push_back({{"word", w}, {"count", n}});
  return j;
}

} // namespace

void set_gaps_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("gaps", "Summarise the unanswered-questions log: what to add to the FAQ");
  cmd->footer("FILE defaults to --log-unanswered, else settings.unanswered_log.\n"
              "Example: faqdesk gaps unanswered.jsonl --top 20");
  struct Opts {
    std::string file;
    std::size_t top = 10;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->file, "The log written by --log-unanswered ('-' for stdin)");
  cmd->add_option("--top", o->top, "Show the N most frequent questions and words")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print one JSON object");
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o] {
      std::string file = o->file.empty() ? ctx.unanswered_log_path() : o->file;
      if (file.empty()) throw Error("no log given: faqdesk gaps FILE (or set --log-unanswered or settings.unanswered_log)");
      LineReader in(file, 1 << 16); // a record holds a question of up to LineReader::cap bytes, escaped
      GapsCollector gaps;
      std::string line;
      bool too_long = false;
      while (in.next(line, too_long)) {
        if (too_long) gaps.skip_line();
        else gaps.add_line(line);
      }
      if (in.failed()) throw Error(fmt::format("{}: read error", in.name()));
      const GapsReport r = gaps.report(o->top);
      if (r.skipped > 0)
        print_warning(fmt::format("{}: {} line{} not from the unanswered log, skipped", in.name(), r.skipped,
                                  r.skipped == 1 ? " was" : "s were"));
      out(o->json ? dump_line(gaps_json(r)) + "\n" : render_gaps(r, in.name()));
      return 0;
    };
  });
}

} // namespace faqdesk::cli
