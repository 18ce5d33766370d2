#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/text.hpp>

#include "common.hpp"

namespace faqdesk::cli {

void set_batch_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("batch", "Answer one question per input line; one JSON object per line out");
  cmd->footer("Example: printf 'how much is it\\ndoes it hurt\\n' | faqdesk batch | jq -r '.matches[0].id'");
  struct Opts {
    std::string input = "-";
    std::string format = "json";
    std::size_t top = 3;
    bool line_buffered = false, explain = false;
    std::optional<double> min_confidence;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->input, "Questions, one a line ('-' or nothing: stdin)");
  cmd->add_option("--format", o->format, "json (JSON Lines) or tsv (query, id, confidence)")
      ->check(CLI::IsMember({"json", "tsv"}))->capture_default_str();
  cmd->add_option("--top", o->top, "At most N matches a question")->check(CLI::Range(1, 20))->capture_default_str();
  cmd->add_flag("--line-buffered", o->line_buffered, "Write each answer as soon as its line is read");
  cmd->add_flag("--explain", o->explain, "Add which words matched to each object");
  cmd->add_option("--min-confidence", o->min_confidence, "Abstain below this confidence")->check(CLI::Range(0.0, 1.0));
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o] {
      const Faq& faq = ctx.faq();
      const SearchIndex& index = ctx.index();
      LineReader in(o->input);
      ctx.open_unanswered_log();
      std::string line, buf;
      bool too_long = false;
      std::size_t n = 0;
      const bool tsv = o->format == "tsv";
      ResultLineWriter json(faq);
      while (in.next(line, too_long)) {
        ++n;
        if (too_long) {
          if (tsv) buf += fmt::format("{}\t-\terror: line longer than {} bytes\n", n, LineReader::cap);
          else buf += dump_line({{"line", n}, {"error", fmt::format("line {} is longer than {} bytes; not answered", n, LineReader::cap)}}) + "\n";
        } else {
          const SearchResult r = index.search(line, {o->top, o->min_confidence, o->explain});
          if (r.matches.empty() && !trim(line).empty()) ctx.log_unanswered(line, "batch");
          if (tsv) {
            std::string q = valid_utf8(line);
            for (auto& c : q)
              if (c == '\t' || static_cast<unsigned char>(c) < 0x20) c = ' ';
            if (r.matches.empty()) buf += q + "\t-\t0.000\n";
            else buf += fmt::format("{}\t{}\t{:.3f}\n", q, faq.entries[r.matches[0].entry].id, r.matches[0].confidence);
          } else {
            if (o->explain) buf += dump_line(result_json(faq, line, r, true));
            else json.append(buf, line, r);
            buf += '\n';
          }
        }
        if (o->line_buffered || buf.size() >= 1 << 16) {
          out(buf);
          buf.clear();
          if (o->line_buffered) std::fflush(stdout);
          if (std::ferror(stdout)) break;
        }
      }
      out(buf);
      if (in.failed()) throw Error(fmt::format("{}: read error after line {}", in.name(), n));
      return ctx.log_failed() ? 2 : 0;
    };
  });
}

} // namespace faqdesk::cli
