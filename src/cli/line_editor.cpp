#include "line_editor.hpp"

#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <filesystem>

#include <fcntl.h>
#include <langinfo.h>
#include <sys/stat.h>
#include <unistd.h>

#include <histedit.h>

#include <fmt/format.h>

#include <faqdesk/files.hpp>

#include "common.hpp"

namespace faqdesk::cli {
namespace {

volatile std::sig_atomic_t interrupted = 0;
volatile std::sig_atomic_t resized = 0;
volatile std::sig_atomic_t stopped = 0;

void on_signal(int sig) {
  if (sig == SIGINT) interrupted = 1;
  else if (sig == SIGWINCH) resized = 1;
  else if (sig == SIGTSTP) stopped = 1;
}

// Install the handler without SA_RESTART, so a blocked read(2) returns EINTR.
struct sigaction catch_signal(int sig) {
  struct sigaction sa {}, old{};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, &old);
  return old;
}

struct sigaction saved_int, saved_winch, saved_tstp;

// Text in faq.yaml and from callers is UTF-8, whatever the locale says.
void use_utf8() {
  std::setlocale(LC_CTYPE, "");
  if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
}

} // namespace

std::string LineEditor::default_history_path() {
  std::string dir = xdg_dir("XDG_STATE_HOME", ".local/state");
  return dir.empty() ? dir : dir + "/history";
}

LineEditor::LineEditor(std::string history_path, Completer completer)
    : history_path_(std::move(history_path)), completer_(std::move(completer)) {
  use_utf8();
  saved_int = catch_signal(SIGINT);
  saved_winch = catch_signal(SIGWINCH);
  saved_tstp = catch_signal(SIGTSTP);
  el_ = el_init("faqdesk", stdin, stdout, stderr);
  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_PROMPT, &LineEditor::prompt_of);
  el_set(el_, EL_GETCFN, &LineEditor::read_char);
  el_set(el_, EL_ADDFN, "faqdesk-complete", "Complete a command or an entry id", &LineEditor::complete);
  el_set(el_, EL_BIND, "^I", "faqdesk-complete", nullptr);
  hist_ = history_init();
  HistEvent ev;
  history(hist_, &ev, H_SETSIZE, 1000);
  history(hist_, &ev, H_SETUNIQUE, 1);
  el_set(el_, EL_HIST, history, hist_);
  load_history();
}

LineEditor::~LineEditor() {
  el_end(el_);
  history_end(hist_);
  sigaction(SIGINT, &saved_int, nullptr);
  sigaction(SIGWINCH, &saved_winch, nullptr);
  sigaction(SIGTSTP, &saved_tstp, nullptr);
}

char* LineEditor::prompt_of(EditLine* el) {
  LineEditor* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return self->prompt_.data();
}

// Reads one character for libedit, so that Ctrl-C can end the line being
// edited (libedit's own reader gives up on the read that a signal interrupts).
int LineEditor::read_char(EditLine* el, wchar_t* wc) {
  std::mbstate_t state{};
  for (;;) {
    if (interrupted) {
      *wc = L'\n'; // ends el_gets; read() sees the flag and drops the line
      return 1;
    }
    char c;
    ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno != EINTR) return -1;
      if (resized) {
        resized = 0;
        el_resize(el);
      }
      if (stopped) { // Ctrl-Z: give the terminal back, stop, and take it again
        stopped = 0;
        el_set(el, EL_PREP_TERM, 0);
        std::signal(SIGTSTP, SIG_DFL);
        std::raise(SIGTSTP);
        catch_signal(SIGTSTP);
        el_set(el, EL_PREP_TERM, 1);
        el_set(el, EL_REFRESH);
      }
      continue;
    }
    wchar_t w = 0;
    std::size_t k = std::mbrtowc(&w, &c, 1, &state);
    if (k == static_cast<std::size_t>(-2)) continue; // more bytes of this character to come
    if (k == static_cast<std::size_t>(-1)) {
      state = {};
      w = L'\uFFFD';
    }
    *wc = w;
    return 1;
  }
}

unsigned char LineEditor::complete(EditLine* el, int) {
  LineEditor* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  const LineInfo* li = el_line(el);
  std::string_view before(li->buffer, static_cast<std::size_t>(li->cursor - li->buffer));
  auto space = before.find_last_of(' ');
  std::string_view word = space == std::string_view::npos ? before : before.substr(space + 1);
  std::vector<std::string> found;
  for (auto& c : self->completer_(before))
    if (c.starts_with(word)) found.push_back(std::move(c));
  if (found.empty()) return CC_REFRESH_BEEP;
  std::string common = found.front();
  for (const auto& f : found) {
    std::size_t i = 0;
    while (i < common.size() && i < f.size() && common[i] == f[i]) ++i;
    common.resize(i);
  }
  if (found.size() == 1) common += ' ';
  if (common.size() > word.size()) {
    el_insertstr(el, common.substr(word.size()).c_str());
    return CC_REFRESH;
  }
  std::string list = "\n";
  for (const auto& f : found) list += f + "  ";
  list += "\n";
  out(list);
  std::fflush(stdout);
  return CC_REDISPLAY;
}

LineEditor::Status LineEditor::read(const std::string& prompt, std::string& line) {
  prompt_ = prompt;
  interrupted = 0;
  // Raw mode before the prompt shows, not after (libedit's order): a key typed
  // as the prompt appears then reaches the editor, not the line discipline.
  el_set(el_, EL_PREP_TERM, 1);
  int count = 0;
  const char* s = el_gets(el_, &count);
  if (interrupted) {
    interrupted = 0;
    return Status::interrupted;
  }
  if (s == nullptr || count <= 0) return Status::end;
  line.assign(s, static_cast<std::size_t>(count));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return Status::line;
}

void LineEditor::history_problem(const std::string& message) {
  if (history_reported_) return;
  history_reported_ = true;
  print_warning(message);
}

void LineEditor::load_history() {
  if (history_path_.empty()) return;
  struct stat st {};
  if (stat(history_path_.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      history_problem(fmt::format("{}: {}; history is not kept this session", history_path_, std::strerror(errno)));
      history_path_.clear();
    }
    return; // no history yet: the file is created on the first question
  }
  HistEvent ev;
  if (!S_ISREG(st.st_mode) || access(history_path_.c_str(), R_OK) != 0 ||
      history(hist_, &ev, H_LOAD, history_path_.c_str()) < 0) {
    history(hist_, &ev, H_CLEAR);
    // Leave a file we cannot read as it is: it may be someone's data.
    history_problem(fmt::format("{}: not a readable history file; it is left as it is and history is not kept "
                                "this session", history_path_));
    history_path_.clear();
  }
}

void LineEditor::remember(const std::string& line) {
  HistEvent ev;
  history(hist_, &ev, H_ENTER, line.c_str());
  save_history();
}

// Replace the history file atomically: write a private temporary file beside
// it, then rename it over the old one. A failure leaves the old file whole.
void LineEditor::save_history() {
  if (history_path_.empty()) return;
  const std::filesystem::path path(history_path_);
  if (!make_private_dirs(path.parent_path())) {
    history_problem(fmt::format("{}: cannot create the directory: {}; history is not saved", path.parent_path().string(),
                                std::strerror(errno)));
    return;
  }
  std::string temp = history_path_ + ".XXXXXX";
  errno = 0;
  int fd = mkstemp(temp.data()); // mode 0600
  std::FILE* f = fd < 0 ? nullptr : fdopen(fd, "w");
  HistEvent ev;
  bool ok = f != nullptr && history(hist_, &ev, H_SAVE_FP, f) >= 0 && std::fflush(f) == 0 && fsync(fd) == 0;
  int err = errno;
  if (f != nullptr) ok = std::fclose(f) == 0 && ok;
  else if (fd >= 0) close(fd);
  if (ok && std::rename(temp.c_str(), history_path_.c_str()) == 0) return;
  if (err == 0) err = errno;
  if (fd >= 0) unlink(temp.c_str());
  history_problem(fmt::format("{}: cannot save the history: {}", history_path_, std::strerror(err)));
}

} // namespace faqdesk::cli
