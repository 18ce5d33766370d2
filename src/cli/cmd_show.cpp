#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/text.hpp>
#include <faqdesk/text_output.hpp>

#include "common.hpp"

namespace faqdesk::cli {

void set_show_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("show", "Show one entry in full");
  cmd->footer("Example: faqdesk show cost");
  struct Opts {
    std::string id;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("ID", o->id, "Entry id, as 'faqdesk list' prints it")->required();
  cmd->add_flag("--json", o->json, "Print the entry as a JSON object");
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o] {
      const Faq& faq = ctx.faq();
      const Entry* e = faq.find_entry(o->id);
      if (e == nullptr) {
        std::vector<std::string> ids;
        for (const auto& x : faq.entries) ids.push_back(x.id);
        auto near = nearest(o->id, ids, 3);
        throw Error(near.empty() ? fmt::format("no entry '{}'; 'faqdesk list' shows the ids", o->id)
                                 : fmt::format("no entry '{}' (did you mean {}?)", o->id,
                                               fmt::format("'{}'", fmt::join(near, "', '"))));
      }
      out(o->json ? dump_line(entry_json(*e)) + "\n" : render_entry(*e, ctx.style(stdout)));
      return 0;
    };
  });
}

} // namespace faqdesk::cli
