#pragma once
// The unanswered-questions log: one JSON line per question faqdesk abstained
// on, so staff can see what callers ask that the FAQ does not answer.
#include <cstddef>
#include <ctime>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace faqdesk {

// One log line (without the newline): {"time": "...Z", "source": ..., "query": ...}.
std::string unanswered_record(std::string_view query, std::string_view source, std::time_t when);

// An append-only log file: opened with O_APPEND, created with mode 0600, never
// truncated or rewritten. Each record is written with a single write(2).
class UnansweredLog {
public:
  explicit UnansweredLog(std::string path); // throws Error when it cannot be opened
  ~UnansweredLog();
  UnansweredLog(const UnansweredLog&) = delete;
  UnansweredLog& operator=(const UnansweredLog&) = delete;
  // Append one record; on failure returns a message naming the file and the cause.
  std::string append(std::string_view query, std::string_view source);
  const std::string& path() const { return path_; }

private:
  std::string path_;
  int fd_ = -1;
};

// What `faqdesk gaps` reports: the most frequent questions and words.
struct GapsReport {
  std::size_t records = 0;
  std::size_t skipped = 0; // lines that were not log records
  std::string first, last; // timestamps of the oldest and newest records
  std::vector<std::pair<std::string, std::size_t>> questions, words; // most frequent first
};

// Reads log lines one at a time and summarises them.
class GapsCollector {
public:
  void add_line(std::string_view line);
  // Count a line that could not be read (too long) as skipped.
  void skip_line() { ++totals_.skipped; }
  GapsReport report(std::size_t top) const;

private:
  GapsReport totals_;
  std::map<std::string, std::size_t> questions_, words_;
};

} // namespace faqdesk
