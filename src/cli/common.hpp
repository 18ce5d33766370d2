#pragma once
// The command layer: the only code that reads argv, the environment, the
// terminal and the standard streams.
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include <faqdesk/cache.hpp>
#include <faqdesk/faq.hpp>
#include <faqdesk/screening.hpp>
#include <faqdesk/search_index.hpp>
#include <faqdesk/text_output.hpp>
#include <faqdesk/unanswered.hpp>

namespace faqdesk::cli {

enum class Colour { never, auto_, always };

// State shared by the subcommands: global options and the FAQ, loaded once.
class Context {
public:
  std::optional<std::string> faq_option;
  std::optional<std::string> log_option; // --log-unanswered
  Colour colour = Colour::auto_;

  const Faq& faq();
  const SearchIndex& index();
  // What a FAQ file may hold, with FAQDESK_MAX_FAQ_BYTES applied; throws Error when it is not a number.
  LoadLimits limits() const;
  // Text style for output to `stream` (stdout or stderr).
  TextStyle style(std::FILE* stream) const;

  // The unanswered log named by --log-unanswered, else by settings.unanswered_log
  // (relative to the FAQ's directory); empty when neither is set.
  std::string unanswered_log_path();
  // Open the unanswered log named by --log-unanswered, else by
  // settings.unanswered_log (relative to the FAQ's directory), if either is set.
  // Throws Error when it cannot be opened, before any question is answered.
  void open_unanswered_log();
  // Record a question faqdesk abstained on. A failed write is reported once on
  // stderr and remembered: ask and batch then exit 2, never a silent success.
  void log_unanswered(std::string_view query, std::string_view source);
  bool log_failed() const { return log_failed_; }

private:
  void compile(); // load the FAQ and its index, through the compiled cache
  // Never freed: the process ends soon after, and freeing the index and the
  // FAQ's strings was 7% of a one-question run. compile() keeps them reachable
  // from a static, so leak checkers do not count them.
  const Compiled* compiled_ = nullptr;
  std::string faq_dir_; // the FAQ file's directory; empty for stdin and the built-in copy
  std::unique_ptr<UnansweredLog> log_;
  bool log_failed_ = false;
};

// What a subcommand does once the command line is parsed; returns the exit status.
using Action = std::function<int()>;

void set_list_command(CLI::App& app, Context& ctx, Action& run);
void set_show_command(CLI::App& app, Context& ctx, Action& run);
void set_check_command(CLI::App& app, Context& ctx, Action& run);
void set_ask_command(CLI::App& app, Context& ctx, Action& run);
void set_batch_command(CLI::App& app, Context& ctx, Action& run);
void set_eval_command(CLI::App& app, Context& ctx, Action& run);
void set_screen_command(CLI::App& app, Context& ctx, Action& run);
void set_gaps_command(CLI::App& app, Context& ctx, Action& run);

// The interactive console (faqdesk with no command, on a terminal).
int run_console(Context& ctx);

// Reads one line after showing `prompt`; nullopt when the coordinator abandons
// (end of input or Ctrl-C).
using PromptReader = std::function<std::optional<std::string>(const std::string& prompt)>;
// Ask the screening questions `given` lacks, one by one, through `read`.
// Returns false when the coordinator abandons.
bool ask_screening(const Faq& faq, const TextStyle& style, Answers& given, const PromptReader& read);

// Write `s` to standard output.
void out(std::string_view s);
// Print "faqdesk: error: MESSAGE" to stderr, control characters escaped.
void print_error(std::string_view message);
// Print "faqdesk: warning: MESSAGE" to stderr, control characters escaped.
void print_warning(std::string_view message);
bool is_terminal(std::FILE* stream);

// Reads lines from a file or stdin in fixed memory: a line longer than `cap`
// bytes is cut to `cap` and flagged, the rest of it skipped. CR before LF is dropped.
class LineReader {
public:
  // "-" is stdin; throws Error. Lines are cut at `limit` bytes.
  explicit LineReader(const std::string& path, std::size_t limit = cap);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  bool next(std::string& line, bool& too_long);
  bool failed() const { return failed_; }
  const std::string& name() const { return name_; }

  static constexpr std::size_t cap = 4096;

private:
  std::FILE* file_;
  std::size_t limit_;
  bool owned_;
  bool failed_ = false;
  std::string name_;
};

} // namespace faqdesk::cli
