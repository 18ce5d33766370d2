#include <csignal>
#include <unistd.h>

#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/screening.hpp>
#include <faqdesk/text.hpp>
#include <faqdesk/text_output.hpp>

#include "common.hpp"

namespace faqdesk::cli {
namespace {

struct Opts {
  std::vector<std::string> answer;
  std::string answers_file;
  std::string batch;
  bool json = false;
};

constexpr char abandoned[] = "\nfaqdesk: error: screening abandoned; nothing was recorded\n";

// Abandon at once, from the handler itself: a flag checked before a blocking
// read would miss a Ctrl-C that lands between the check and the read. The
// result is only printed once every answer is in, so nothing partial is shown.
void on_interrupt(int) {
  [[maybe_unused]] auto n = write(STDERR_FILENO, abandoned, sizeof abandoned - 1);
  _exit(1);
}

void abandon_on_interrupt() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
}

Answers parse_answer_options(const std::vector<std::string>& pairs) {
  Answers given;
  for (const auto& p : pairs) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(fmt::format("--answer takes QUESTION=ANSWER, e.g. deformity=no; got '{}'", p));
    given[p.substr(0, eq)] = p.substr(eq + 1);
  }
  return given;
}

// Ask the questions `given` lacks on the terminal, reading plain lines; Ctrl-C
// abandons from the signal handler.
bool ask_interactively(Context& ctx, Answers& given) {
  abandon_on_interrupt();
  LineReader in("-");
  std::string line;
  bool too_long = false;
  bool done = ask_screening(ctx.faq(), ctx.style(stdout), given, [&](const std::string& prompt) -> std::optional<std::string> {
    out(prompt);
    std::fflush(stdout);
    if (!in.next(line, too_long)) return std::nullopt;
    return line;
  });
  out("\n");
  return done;
}

std::string render(Context& ctx, const Assessment& a, bool json) {
  return json ? dump_line(assessment_json(ctx.faq(), a)) + "\n" : render_assessment(ctx.faq(), a, ctx.style(stdout));
}

int run_batch(Context& ctx, const Opts& o) {
  const Faq& faq = ctx.faq();
  LineReader in(o.batch);
  std::string line;
  bool too_long = false;
  std::size_t n = 0;
  while (in.next(line, too_long)) {
    ++n;
    if (trim(line).empty()) continue;
    try {
      if (too_long) throw Error(fmt::format("line is longer than {} bytes", LineReader::cap));
      auto j = nlohmann::ordered_json::parse(line, nullptr, false);
      if (!j.is_object()) throw Error("expected a JSON object of answers, e.g. {\"deformity\": \"no\"}");
      Answers given;
      for (const auto& [k, v] : j.items()) {
        if (v.is_string()) given[k] = v.get<std::string>();
        else if (v.is_boolean()) given[k] = v.get<bool>() ? "yes" : "no";
        else throw Error(fmt::format("the answer to '{}' must be a string", k));
      }
      out(dump_line(assessment_json(faq, assess(faq, normalise_answers(faq, given, true)))) + "\n");
    } catch (const Error& e) {
      out(dump_line({{"line", n}, {"error", e.what()}}) + "\n");
    }
  }
  if (in.failed()) throw Error(fmt::format("{}: read error after line {}", in.name(), n));
  return 0;
}

} // namespace

bool ask_screening(const Faq& faq, const TextStyle& st, Answers& given, const PromptReader& read) {
  for (const auto& q : faq.screening) {
    if (given.contains(q.id)) continue;
    for (;;) {
      out(fmt::format("{}\n", printable(q.text)));
      auto line = read(fmt::format("  [{}{}] > ", allowed_answers(q), q.related.empty() ? "" : "; ? for more"));
      if (!line) return false;
      if (trim(*line) == "?" && !q.related.empty()) {
        if (const Entry* e = faq.find_entry(q.related)) out(render_entry(*e, st));
        continue;
      }
      if (const ScreeningAnswer* a = resolve_answer(q, *line)) {
        given[q.id] = a->value;
        break;
      }
      out(fmt::format("Please answer {}.\n", allowed_answers(q)));
    }
  }
  return true;
}

void set_screen_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("screen", "Screening questionnaire: notes for the consultation and a cost estimate");
  cmd->footer("Interactive on a terminal; scripted with --answer or --answers; --batch for many callers.\n"
              "The notes are for the physician's consultation, not a medical assessment.\n"
              "Example: faqdesk screen --answer deformity=no --answer imaging=no --answer cause=wear "
              "--answer prior-treatment=no");
  auto o = std::make_shared<Opts>();
  cmd->add_option("-a,--answer", o->answer, "An answer, QUESTION=ANSWER (repeat for each question)")
      ->type_name("ID=VALUE");
  cmd->add_option("--answers", o->answers_file, "A YAML or JSON map of answers ('-' for stdin)")->type_name("FILE");
  cmd->add_option("--batch", o->batch, "One JSON object of answers per line in, one result per line out")
      ->type_name("FILE|-");
  cmd->add_flag("--json", o->json, "Print the result as JSON");
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o] {
      if (!o->batch.empty()) return run_batch(ctx, *o);
      const Faq& faq = ctx.faq();
      if (faq.screening.empty()) throw Error(fmt::format("{} defines no screening questions", faq.source));
      Answers given;
      if (!o->answers_file.empty())
        given = load_answers_text(read_input(o->answers_file, answers_limits.max_bytes, answers_input), o->answers_file == "-" ? "(stdin)" : o->answers_file);
      for (auto& [k, v] : parse_answer_options(o->answer)) given[k] = v;
      given = normalise_answers(faq, given, false);
      if (given.size() < faq.screening.size()) {
        if (!is_terminal(stdin) || o->answers_file == "-") normalise_answers(faq, given, true); // names the missing one
        if (!ask_interactively(ctx, given)) {
          print_error("screening abandoned; nothing was recorded");
          return 1;
        }
      }
      out(render(ctx, assess(faq, given), o->json));
      return 0;
    };
  });
}

} // namespace faqdesk::cli
