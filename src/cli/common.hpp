#pragma once
// The command layer: the only code that reads argv, the environment, the
// terminal and the standard streams.
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include <faqdesk/faq.hpp>
#include <faqdesk/search_index.hpp>
#include <faqdesk/text_output.hpp>

namespace faqdesk::cli {

enum class Colour { never, auto_, always };

// State shared by the subcommands: global options and the FAQ, loaded once.
class Context {
public:
  std::optional<std::string> faq_option;
  Colour colour = Colour::auto_;

  const Faq& faq();
  const SearchIndex& index();
  // Text style for output to `stream` (stdout or stderr).
  TextStyle style(std::FILE* stream) const;

private:
  std::optional<Faq> faq_;
  std::optional<SearchIndex> index_;
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

// Write `s` to standard output.
void out(std::string_view s);
// Print "faqdesk: error: MESSAGE" to stderr, control characters escaped.
void print_error(std::string_view message);
bool is_terminal(std::FILE* stream);

// Reads lines from a file or stdin in fixed memory: a line longer than `cap`
// bytes is cut to `cap` and flagged, the rest of it skipped. CR before LF is dropped.
class LineReader {
public:
  explicit LineReader(const std::string& path); // "-" is stdin; throws Error
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  bool next(std::string& line, bool& too_long);
  bool failed() const { return failed_; }
  const std::string& name() const { return name_; }

  static constexpr std::size_t cap = 4096;

private:
  std::FILE* file_;
  bool owned_;
  bool failed_ = false;
  std::string name_;
};

} // namespace faqdesk::cli
