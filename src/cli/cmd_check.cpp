#include <fmt/format.h>

#include <faqdesk/faq_lint.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/faq_lookup.hpp>
#include <faqdesk/text.hpp>

#include "common.hpp"

namespace faqdesk::cli {

void set_check_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("check", "Validate a FAQ file: report every problem with its line and column, and warn about phrasings that undo matching");
  cmd->footer("Example: faqdesk check faq.yaml");
  auto file = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "FAQ file to check ('-' for stdin; default: the FAQ faqdesk would use)");
  cmd->callback([&ctx, &run, file] {
    run = [&ctx, file] {
      Faq faq = file->empty() ? Faq(ctx.faq())
                              : load_faq(locate_faq(*file, nullptr), ctx.limits());
      std::string name = faq.source;
      const std::vector<Diagnostic> warnings = faq_warnings(faq, SearchIndex(faq));
      for (const auto& w : warnings) print_warning(format_diagnostic(w));
      auto count = [](std::size_t n, std::string_view one, std::string_view many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
      };
      std::string summary = fmt::format("{}: {}", printable(name), count(faq.entries.size(), "entry", "entries"));
      if (!faq.screening.empty())
        summary += ", " + count(faq.screening.size(), "screening question", "screening questions");
      summary += ", no problems";
      if (!warnings.empty()) summary += " (" + count(warnings.size(), "warning", "warnings") + ")";
      out(summary + "\n");
      return 0;
    };
  });
}

} // namespace faqdesk::cli
