#include <faqdesk/error.hpp>

#include <fmt/format.h>

namespace faqdesk {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += fmt::format(":{}", d.line);
    if (d.column > 0) out += fmt::format(":{}", d.column);
  }
  if (!out.empty()) out += ": ";
  return out + d.message;
}

namespace {
std::string first_message(const std::vector<Diagnostic>& ds) {
  return ds.empty() ? std::string("invalid input") : format_diagnostic(ds.front());
}
} // namespace

Error::Error(std::string message)
    : std::runtime_error(message), diagnostics_{Diagnostic{{}, 0, 0, std::move(message)}} {}

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

} // namespace faqdesk
