#include "common.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <faqdesk/cache.hpp>
#include <faqdesk/error.hpp>
#include <faqdesk/faq_lookup.hpp>
#include <faqdesk/text.hpp>

namespace faqdesk::cli {

void Context::compile() {
  if (compiled_) return;
  FaqLocation where = locate_faq(faq_option, std::getenv("FAQDESK_FAQ"));
  const LoadLimits limits = this->limits();
  FaqSource src = read_faq_source(where, limits);
  const bool from_stdin = where.kind != FaqLocation::Kind::embedded && where.path == "-";
  static auto* const kept = new std::vector<const Compiled*>;
  kept->push_back(new Compiled(compile_faq(src.text, src.name, from_stdin ? std::string() : default_cache_dir(), limits)));
  compiled_ = kept->back();
  faq_dir_ = where.path.empty() || from_stdin ? std::string() : std::filesystem::path(where.path).parent_path().string();
}

LoadLimits Context::limits() const { return limits_from_env(std::getenv("FAQDESK_MAX_FAQ_BYTES")); }

const Faq& Context::faq() {
  compile();
  return compiled_->faq;
}

std::string Context::unanswered_log_path() {
  if (log_option) {
    if (log_option->empty()) throw Error("--log-unanswered needs a file name");
    return *log_option;
  }
  const Faq& f = faq();
  std::string path = f.settings.unanswered_log;
  if (!path.empty() && std::filesystem::path(path).is_relative() && !faq_dir_.empty())
    path = (std::filesystem::path(faq_dir_) / path).string();
  return path;
}

void Context::open_unanswered_log() {
  if (log_) return;
  if (std::string path = unanswered_log_path(); !path.empty()) log_ = std::make_unique<UnansweredLog>(path);
}

void Context::log_unanswered(std::string_view query, std::string_view source) {
  if (!log_ || log_failed_) return;
  if (std::string problem = log_->append(query, source); !problem.empty()) {
    print_error(problem);
    log_failed_ = true;
  }
}

const SearchIndex& Context::index() {
  compile();
  return compiled_->index;
}

bool is_terminal(std::FILE* stream) { return isatty(fileno(stream)) == 1; }

TextStyle Context::style(std::FILE* stream) const {
  TextStyle st;
  const bool tty = is_terminal(stream);
  if (colour == Colour::always) st.colour = true;
  else if (colour == Colour::auto_) {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    st.colour = tty && (no_colour == nullptr || *no_colour == '\0') && !(term != nullptr && std::string_view(term) == "dumb");
  }
  std::size_t width = 80;
  winsize ws{};
  if (tty && ioctl(fileno(stream), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) width = ws.ws_col;
  else if (const char* cols = std::getenv("COLUMNS"); cols != nullptr && std::atoi(cols) > 0)
    width = static_cast<std::size_t>(std::atoi(cols));
  st.width = std::clamp<std::size_t>(width, 40, 100) - 1;
  return st;
}

void out(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }

void print_error(std::string_view message) {
  std::string line = fmt::format("faqdesk: error: {}\n", printable(message));
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void print_warning(std::string_view message) {
  std::string line = fmt::format("faqdesk: warning: {}\n", printable(message));
  std::fwrite(line.data(), 1, line.size(), stderr);
}

LineReader::LineReader(const std::string& path, std::size_t limit)
    : file_(stdin), limit_(limit), owned_(false), name_(path == "-" ? "(stdin)" : path) {
  if (path == "-") return;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(fmt::format("{}: is a directory", path));
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  owned_ = true;
}

LineReader::~LineReader() {
  if (owned_) std::fclose(file_);
}

bool LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  int c;
  bool any = false;
  // Bytes go through a small buffer: appending them to `line` one at a time
  // cost batch about 270 instructions a question.
  char buf[256];
  std::size_t n = 0, kept = 0;
  while ((c = getc_unlocked(file_)) != EOF) {
    any = true;
    if (c == '\n') break;
    if (kept == limit_) {
      too_long = true;
      continue;
    }
    buf[n++] = static_cast<char>(c);
    ++kept;
    if (n == sizeof buf) {
      line.append(buf, n);
      n = 0;
    }
  }
  line.append(buf, n);
  if (c == EOF && std::ferror(file_)) failed_ = true;
  if (!line.empty() && line.back() == '\r' && !too_long) line.pop_back();
  return any;
}

} // namespace faqdesk::cli
