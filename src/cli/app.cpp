#include <faqdesk/cli.hpp>

#include <algorithm>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <exception>
#include <map>

#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/text.hpp>
#include <faqdesk/version.hpp>

#include "common.hpp"

namespace faqdesk {
namespace {

std::string version_text() {
  std::string v = fmt::format("faqdesk {}", version());
  if (!git_revision().empty()) v += fmt::format(" (git {})", git_revision());
  return v;
}

// The first word on the command line that is not an option or a global
// option's value: the command, or a would-be one. Empty when there is none.
std::string_view command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    if (word == "--") break;
    if (!word.starts_with("-")) return word;
    if (word == "--faq" || word == "--color" || word == "--log-unanswered") ++i;
  }
  return {};
}

using SetCommand = void (*)(CLI::App&, cli::Context&, cli::Action&);
constexpr std::pair<std::string_view, SetCommand> commands[] = {
    {"ask", cli::set_ask_command},   {"batch", cli::set_batch_command}, {"screen", cli::set_screen_command},
    {"list", cli::set_list_command}, {"show", cli::set_show_command},   {"check", cli::set_check_command},
    {"eval", cli::set_eval_command}, {"gaps", cli::set_gaps_command}};

// Turn CLI11's message for an unexpected word into one with "did you mean".
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  std::string msg = e.what();
  const std::string_view word = command_word(argc, argv);
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && !word.empty() && app.get_subcommands().empty()) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    auto near = nearest(word, names, 1);
    msg = fmt::format("unknown command '{}'", word);
    if (!near.empty()) msg += fmt::format(" (did you mean '{}'?)", near[0]);
    msg += "; see 'faqdesk --help'";
  }
  return msg;
}

} // namespace

int faqdesk_main(int argc, char** argv) {
  CLI::App app{"faqdesk answers callers' questions from a clinic's FAQ (faq.yaml) and screens callers "
               "for a consultation.",
               "faqdesk"};
  app.set_version_flag("--version", version_text());
  app.footer("With no command on a terminal, faqdesk opens the coordinator's console.\n"
             "Exit status: 0 success, 1 no answer, 2 usage or data error.\n"
             "Example: faqdesk ask how much does it cost");
  cli::Context ctx;
  cli::Action run;
  app.fallthrough(); // global options may also follow the command (set before adding them)
  app.add_option("--faq", ctx.faq_option, "FAQ file to use (default: $FAQDESK_FAQ, ./faq.yaml, installed, built-in)")
      ->type_name("PATH");
  app.add_option("--log-unanswered", ctx.log_option,
                 "Append each question faqdesk cannot answer to FILE (JSON lines; see 'faqdesk gaps')")
      ->type_name("FILE");
  std::map<std::string, cli::Colour> colours{
      {"auto", cli::Colour::auto_}, {"always", cli::Colour::always}, {"never", cli::Colour::never}};
  app.add_option("--color", ctx.colour, "Colour: auto, always or never")
      ->transform(CLI::CheckedTransformer(colours, CLI::ignore_case))
      ->option_text("auto|always|never");
  // Only the command named is set up, when one is: setting them all up was an
  // eighth of a one-question run. Help, errors and the console get them all.
  const std::string_view word = command_word(argc, argv);
  const auto named = std::find_if(std::begin(commands), std::end(commands), [&](const auto& c) { return c.first == word; });
  if (named != std::end(commands)) {
    named->second(app, ctx, run);
  } else {
    for (const auto& c : commands) c.second(app, ctx, run);
  }
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      app.exit(e); // --help and --version print to stdout
      return std::ferror(stdout) ? 2 : 0;
    }
    cli::print_error(parse_error_message(app, e, argc, argv));
    return static_cast<int>(ExitCode::error);
  }
  if (!run && cli::is_terminal(stdin)) run = [&ctx] { return cli::run_console(ctx); };
  if (!run) {
    std::string usage = app.help();
    std::fwrite(usage.data(), 1, usage.size(), stderr);
    cli::print_error("no command given, and the console needs a terminal; try 'faqdesk ask how much does it cost'");
    return static_cast<int>(ExitCode::error);
  }
  int status;
  try {
    status = run();
  } catch (const Error& e) {
    std::fflush(stdout);
    for (const auto& d : e.diagnostics()) cli::print_error(format_diagnostic(d));
    return static_cast<int>(ExitCode::error);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    cli::print_error(e.what());
    return static_cast<int>(ExitCode::error);
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    cli::print_error(fmt::format("cannot write the output: {}", std::strerror(errno)));
    return static_cast<int>(ExitCode::error);
  }
  return status;
}

} // namespace faqdesk
