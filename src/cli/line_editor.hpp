#pragma once
// Line editing, history and completion on the terminal, with libedit (BSD).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct editline;
struct history;

namespace faqdesk::cli {

class LineEditor {
public:
  // Completions for the word ending at the cursor, given the line up to it.
  using Completer = std::function<std::vector<std::string>(std::string_view before_cursor)>;

  // `history_path` empty: no history is kept. Problems with the history file
  // are reported once on stderr and never stop the editor.
  LineEditor(std::string history_path, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  enum class Status { line, interrupted, end };
  // Read one line after `prompt`. Ctrl-C gives `interrupted` (the line typed
  // so far is dropped), Ctrl-D on an empty line gives `end`.
  Status read(const std::string& prompt, std::string& line);
  // Add `line` to the history and save the history file.
  void remember(const std::string& line);

  // The default history file: $XDG_STATE_HOME/faqdesk/history, else
  // ~/.local/state/faqdesk/history; empty when neither can be found.
  static std::string default_history_path();

private:
  static char* prompt_of(editline* el);
  static int read_char(editline* el, wchar_t* wc);
  static unsigned char complete(editline* el, int);
  void load_history();
  void save_history();
  void history_problem(const std::string& message);

  editline* el_ = nullptr;
  history* hist_ = nullptr;
  std::string history_path_;
  Completer completer_;
  std::string prompt_;
  bool history_reported_ = false;
};

} // namespace faqdesk::cli
