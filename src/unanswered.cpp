#include <faqdesk/unanswered.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <faqdesk/error.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/tokenizer.hpp>

namespace faqdesk {
namespace {

std::string utc_timestamp(std::time_t when) {
  std::tm tm{};
  gmtime_r(&when, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The form questions are counted under: lowercase ASCII, single spaces, no
// trailing punctuation, so "How much?" and "how much" count together.
std::string question_key(std::string_view q) {
  std::string key;
  for (char c : q) {
    if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  while (!key.empty() && std::strchr(" ?.!,", key.back()) != nullptr) key.pop_back();
  return key;
}

std::vector<std::pair<std::string, std::size_t>> most_frequent(const std::map<std::string, std::size_t>& counts,
                                                               std::size_t top) {
  std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
  // Most frequent first; ties in alphabetical order, so the report is stable.
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > top) v.resize(top);
  return v;
}

} // namespace

std::string unanswered_record(std::string_view query, std::string_view source, std::time_t when) {
  nlohmann::ordered_json j;
  j["time"] = utc_timestamp(when);
  j["source"] = source;
  j["query"] = query;
  return dump_line(j);
}

UnansweredLog::UnansweredLog(std::string path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
  if (fd_ < 0) throw Error(fmt::format("{}: cannot open the unanswered log: {}", path_, std::strerror(errno)));
}

UnansweredLog::~UnansweredLog() {
  if (fd_ >= 0) ::close(fd_);
}

std::string UnansweredLog::append(std::string_view query, std::string_view source) {
  std::string line = unanswered_record(query, source, std::time(nullptr)) + "\n";
  ssize_t n;
  do {
    n = ::write(fd_, line.data(), line.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fmt::format("{}: cannot write to the unanswered log: {}", path_, std::strerror(errno));
  if (static_cast<std::size_t>(n) != line.size())
    return fmt::format("{}: the unanswered log is full; a record was cut short", path_);
  return {};
}

void GapsCollector::add_line(std::string_view line) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (!j.is_object() || !j.contains("query") || !j["query"].is_string()) {
    ++totals_.skipped;
    return;
  }
  ++totals_.records;
  const std::string query = j["query"].get<std::string>();
  if (auto t = j.find("time"); t != j.end() && t->is_string()) {
    const std::string time = t->get<std::string>();
    if (totals_.first.empty() || time < totals_.first) totals_.first = time;
    if (time > totals_.last) totals_.last = time;
  }
  if (std::string key = question_key(query); !key.empty()) ++questions_[key];
  std::vector<std::string> seen;
  for (auto& w : tokenize(query)) {
    if (is_stopword(w) || std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
    seen.push_back(w);
    ++words_[w];
  }
}

GapsReport GapsCollector::report(std::size_t top) const {
  GapsReport r = totals_;
  r.questions = most_frequent(questions_, top);
  r.words = most_frequent(words_, top);
  return r;
}

} // namespace faqdesk
