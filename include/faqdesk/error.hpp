#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace faqdesk {

// Documented exit statuses, shared by every command.
enum class ExitCode : int { ok = 0, no_answer = 1, error = 2 };

// One problem found in a file; line and column are 1-based, 0 when unknown.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
};

// Format `d` as "FILE:LINE:COL: message" (position parts left out when unknown).
std::string format_diagnostic(const Diagnostic& d);

// The one error type the library throws for bad input; the command layer
// catches it, prints each diagnostic and exits with ExitCode::error.
class Error : public std::runtime_error {
public:
  explicit Error(std::string message);
  explicit Error(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
  std::vector<Diagnostic> diagnostics_;
};

} // namespace faqdesk
