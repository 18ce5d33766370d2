#pragma once
// Run the real faqdesk binary, as a user or a script would.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace test {

struct Result {
  int status = -1; // exit status, or 128 + signal
  std::string out, err;
};

// A fresh temporary directory, removed when the object goes.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
  std::filesystem::path write(const std::string& name, const std::string& content) const;
};

struct Options {
  std::string input;                      // standard input
  std::filesystem::path cwd;              // default: a fresh temp dir
  std::map<std::string, std::string> env; // added to a minimal environment
};

Result faqdesk(const std::vector<std::string>& args, const Options& options = {});

// The repository's faq.yaml and test files.
std::filesystem::path source(const std::string& relative);

} // namespace test
