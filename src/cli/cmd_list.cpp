#include <faqdesk/json_output.hpp>
#include <faqdesk/text_output.hpp>

#include "common.hpp"

namespace faqdesk::cli {

void set_list_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("list", "List the FAQ's entries: ids and questions");
  cmd->footer("Example: faqdesk list --json | jq -r '.[].id'");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print a JSON array of {\"id\", \"question\"}");
  cmd->callback([&ctx, &run, json] {
    run = [&ctx, json] {
      const Faq& faq = ctx.faq();
      if (*json) {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& e : faq.entries) arr.push_back({{"id", e.id}, {"question", e.question}});
        out(dump_line(arr) + "\n");
      } else {
        out(render_list(faq));
      }
      return 0;
    };
  });
}

} // namespace faqdesk::cli
