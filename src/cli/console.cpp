// The coordinator's console: faqdesk with no command, on a terminal.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include <faqdesk/screening.hpp>
#include <faqdesk/text.hpp>
#include <faqdesk/text_output.hpp>
#include <faqdesk/version.hpp>

#include "common.hpp"
#include "line_editor.hpp"

namespace faqdesk::cli {
namespace {

const std::vector<std::string> command_names = {":screen", ":show", ":list", ":more", ":help", ":quit"};

constexpr char help_text[] =
    "Type the caller's question as they say it; the answer comes first, then related entries, numbered.\n"
    "  NUMBER     show the numbered entry\n"
    "  :more      the next-best entries for the last question\n"
    "  :show ID   show an entry by its id (Tab completes ids)\n"
    "  :list      every entry, numbered\n"
    "  :screen    the screening questionnaire (Ctrl-C or Ctrl-D abandons it)\n"
    "  :help      this list\n"
    "  :quit      leave (or Ctrl-D); Ctrl-C clears the line\n";

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() < 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Console {
public:
  explicit Console(Context& ctx)
      : ctx_(ctx), faq_(ctx.faq()), index_(ctx.index()),
        editor_(LineEditor::default_history_path(), [this](std::string_view before) { return complete(before); }) {}

  int run() {
    out(wrap(fmt::format("faqdesk {}: {} answers from {}. Type the caller's question; :help for commands, Ctrl-D "
                         "to quit.",
                         version(), faq_.entries.size(), printable(faq_.source)),
             style().width) +
        "\n\n");
    std::string line;
    while (!quit_) {
      std::fflush(stdout);
      auto status = editor_.read("faqdesk> ", line);
      if (status == LineEditor::Status::end) break;
      if (status == LineEditor::Status::interrupted) continue;
      std::string_view text = trim(line);
      if (text.empty()) continue;
      if (text.size() > LineReader::cap) text = text.substr(0, LineReader::cap);
      if (!all_digits(text)) editor_.remember(std::string(text));
      if (text.front() == ':') command(text);
      else if (all_digits(text)) pick(static_cast<std::size_t>(std::stoul(std::string(text))));
      else answer(std::string(text));
      out("\n");
    }
    out("\n");
    std::fflush(stdout);
    return 0;
  }

private:
  TextStyle style() const { return ctx_.style(stdout); }

  void answer(const std::string& question) {
    last_question_ = question;
    const SearchResult r = index_.search(question, {1, std::nullopt, false});
    if (r.matches.empty()) {
      numbered_.clear();
      out(render_no_answer(faq_, r, style(), false));
      ctx_.log_unanswered(question, "console");
      return;
    }
    out(render_best(faq_, r.matches.front(), style()));
    number_related(faq_.entries[r.matches.front().entry]);
  }

  void show(std::size_t entry) {
    out(render_entry(faq_.entries[entry], style(), false));
    number_related(faq_.entries[entry]);
  }

  void number_related(const Entry& e) {
    numbered_.clear();
    for (const auto& id : e.related)
      if (const Entry* r = faq_.find_entry(id)) numbered_.push_back(static_cast<std::size_t>(r - faq_.entries.data()));
    out(render_numbered(faq_, numbered_, "Related (type a number):", style()));
  }

  void pick(std::size_t n) {
    if (n == 0 || n > numbered_.size()) {
      out(numbered_.empty() ? "No numbered entries to pick from; ask a question or type :list.\n"
                            : fmt::format("Pick a number from 1 to {}.\n", numbered_.size()));
      return;
    }
    show(numbered_[n - 1]);
  }

  void more() {
    if (last_question_.empty()) {
      out("Ask a question first.\n");
      return;
    }
    const SearchResult r = index_.search(last_question_, {6, std::nullopt, false});
    numbered_.clear();
    for (std::size_t i = 1; i < r.matches.size(); ++i) numbered_.push_back(r.matches[i].entry);
    if (numbered_.empty()) {
      out(fmt::format("No other entry fits \"{}\"; :list shows every entry.\n", printable(last_question_)));
      return;
    }
    out(render_numbered(faq_, numbered_, "Also close (type a number):", style()));
  }

  void list() {
    numbered_.clear();
    for (std::size_t i = 0; i < faq_.entries.size(); ++i) numbered_.push_back(i);
    out(render_numbered(faq_, numbered_, "Entries (type a number):", style()));
  }

  void screen() {
    if (faq_.screening.empty()) {
      out(fmt::format("{} defines no screening questions.\n", printable(faq_.source)));
      return;
    }
    Answers given;
    bool done = ask_screening(faq_, style(), given, [this](const std::string& prompt) -> std::optional<std::string> {
      std::string line;
      if (editor_.read(prompt, line) != LineEditor::Status::line) return std::nullopt;
      return line;
    });
    if (!done) {
      out("\nScreening abandoned; nothing was recorded.\n");
      return;
    }
    out("\n" + render_assessment(faq_, assess(faq_, given), style()));
  }

  void command(std::string_view text) {
    auto space = text.find(' ');
    std::string_view name = text.substr(0, space);
    std::string_view arg = space == std::string_view::npos ? std::string_view() : trim(text.substr(space));
    if (name == ":quit" || name == ":q" || name == ":exit") quit_ = true;
    else if (name == ":help" || name == ":h" || name == ":?") out(help_text);
    else if (name == ":list") list();
    else if (name == ":more") more();
    else if (name == ":screen") screen();
    else if (name == ":show") show_id(arg);
    else {
      auto near = nearest(name, command_names, 1);
      out(fmt::format("Unknown command '{}'{}; :help lists them.\n", printable(name),
                      near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near[0])));
    }
  }

  void show_id(std::string_view id) {
    if (id.empty()) {
      out("Which entry? :show ID (Tab completes ids; :list shows them).\n");
      return;
    }
    if (const Entry* e = faq_.find_entry(id)) {
      show(static_cast<std::size_t>(e - faq_.entries.data()));
      return;
    }
    auto near = nearest(id, entry_ids(), 1);
    out(fmt::format("No entry '{}'{}.\n", printable(id), near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near[0])));
  }

  std::vector<std::string> entry_ids() const {
    std::vector<std::string> ids;
    for (const auto& e : faq_.entries) ids.push_back(e.id);
    return ids;
  }

  std::vector<std::string> complete(std::string_view before) const {
    if (before.starts_with(':') && before.find(' ') == std::string_view::npos) return command_names;
    if (before.starts_with(":show ")) return entry_ids();
    return {};
  }

  Context& ctx_;
  const Faq& faq_;
  const SearchIndex& index_;
  LineEditor editor_;
  std::string last_question_;
  std::vector<std::size_t> numbered_;
  bool quit_ = false;
};

} // namespace

int run_console(Context& ctx) {
  ctx.open_unanswered_log();
  Console console(ctx);
  return console.run();
}

} // namespace faqdesk::cli
