#include <faqdesk/json_output.hpp>
#include <faqdesk/text_output.hpp>

#include "common.hpp"

namespace faqdesk::cli {

void set_ask_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("ask", "Answer one caller question");
  cmd->footer("Exit status 1 when the FAQ has no answer.\nExample: faqdesk ask does it hurt");
  struct Opts {
    std::vector<std::string> words;
    std::size_t top = 3;
    bool json = false, explain = false;
    std::optional<double> min_confidence;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("QUESTION", o->words, "The question, as the caller said it")->required();
  cmd->add_option("--top", o->top, "Show at most N entries (the answer and N-1 others)")
      ->check(CLI::Range(1, 20))->capture_default_str();
  cmd->add_flag("--json", o->json, "Print one JSON object");
  cmd->add_flag("--explain", o->explain, "Show which words matched and what each contributed");
  cmd->add_option("--min-confidence", o->min_confidence, "Abstain below this confidence (default: settings, else 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o] {
      std::string query;
      for (const auto& w : o->words) query += (query.empty() ? "" : " ") + w;
      if (query.size() > LineReader::cap) query.resize(LineReader::cap);
      ctx.open_unanswered_log();
      const SearchResult r = ctx.index().search(query, {o->top, o->min_confidence, o->explain});
      if (o->json) out(dump_line(result_json(ctx.faq(), query, r, o->explain)) + "\n");
      else if (r.matches.empty()) out(render_no_answer(ctx.faq(), r, ctx.style(stdout), o->explain));
      else out(render_answer(ctx.faq(), r, ctx.style(stdout), o->explain));
      if (r.matches.empty()) ctx.log_unanswered(query, "ask");
      if (ctx.log_failed()) return 2;
      return r.matches.empty() ? 1 : 0;
    };
  });
}

} // namespace faqdesk::cli
