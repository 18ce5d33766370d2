#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/evaluation.hpp>
#include <faqdesk/json_output.hpp>
#include <faqdesk/text.hpp>

#include "common.hpp"

namespace faqdesk::cli {

void set_eval_command(CLI::App& app, Context& ctx, Action& run) {
  auto* cmd = app.add_subcommand("eval", "Measure answer quality on a labelled file (ids<TAB>question a line)");
  cmd->footer("Exit status 1 when a --min-* floor is not met.\nExample: faqdesk eval tests/queries.tsv --min-accuracy 0.93");
  struct Opts {
    std::string file;
    std::optional<double> min_accuracy, min_answerable, min_abstention, min_confidence;
    bool json = false, quiet = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->file, "Labelled questions: ids<TAB>question; '-' in ids: the FAQ has no answer")->required();
  cmd->add_option("--min-accuracy", o->min_accuracy, "Exit 1 when overall accuracy is below X")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-answerable", o->min_answerable, "Exit 1 when answerable top-1 accuracy is below X")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-abstention", o->min_abstention, "Exit 1 when the abstention rate is below X")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-confidence", o->min_confidence, "Abstain below this confidence")->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--json", o->json, "Print the figures and misses as one JSON object");
  cmd->add_flag("-q,--quiet", o->quiet, "Print the figures only, not each miss");
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o] {
      const Faq& faq = ctx.faq();
      const SearchIndex& index = ctx.index();
      LineReader in(o->file);
      EvalReport report;
      std::string line;
      bool too_long = false;
      std::size_t n = 0;
      while (in.next(line, too_long)) {
        ++n;
        if (too_long) throw Error({{in.name(), static_cast<int>(n), 0, "line is too long"}});
        if (auto q = parse_labelled_line(line, in.name(), n, faq))
          evaluate_one(faq, index, *q, {1, o->min_confidence, false}, report);
      }
      if (in.failed()) throw Error(fmt::format("{}: read error after line {}", in.name(), n));
      if (o->json) {
        nlohmann::ordered_json misses = nlohmann::ordered_json::array();
        for (const auto& m : report.misses)
          misses.push_back({{"line", m.expected.line}, {"question", m.expected.question}, {"expected", m.expected.ids},
                            {"got", m.got.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(m.got)},
                            {"confidence", m.confidence}});
        out(dump_line({{"answerable", report.answerable},
                       {"answerable_accuracy", report.answerable_accuracy()},
                       {"unanswerable", report.unanswerable},
                       {"abstention_rate", report.abstention_rate()},
                       {"overall_accuracy", report.overall_accuracy()},
                       {"misses", o->quiet ? nlohmann::ordered_json::array() : misses}}) +
            "\n");
      } else {
        out(fmt::format("answerable top-1 accuracy:  {:.1f}% ({}/{})\n", 100 * report.answerable_accuracy(),
                        report.answerable_right, report.answerable));
        out(fmt::format("abstention on unanswerable: {:.1f}% ({}/{})\n", 100 * report.abstention_rate(),
                        report.abstained, report.unanswerable));
        out(fmt::format("overall accuracy:           {:.1f}% ({}/{})\n", 100 * report.overall_accuracy(),
                        report.answerable_right + report.abstained, report.answerable + report.unanswerable));
        out(fmt::format("abstains below confidence {:.2f} (raw score {:.3f}, derived from the FAQ's alternates)\n",
                        o->min_confidence.value_or(index.min_confidence()), index.threshold()));
        if (!o->quiet && !report.misses.empty()) {
          out(fmt::format("misses ({}):\n", report.misses.size()));
          for (const auto& m : report.misses)
            out(fmt::format("  line {}: \"{}\" expected {}, got {} ({:.2f})\n", m.expected.line,
                            printable(m.expected.question),
                            m.expected.ids.empty() ? "no answer" : fmt::format("{}", fmt::join(m.expected.ids, ",")),
                            m.got.empty() ? "no answer" : m.got, m.confidence));
        }
      }
      bool below = (o->min_accuracy && report.overall_accuracy() < *o->min_accuracy) ||
                   (o->min_answerable && report.answerable_accuracy() < *o->min_answerable) ||
                   (o->min_abstention && report.abstention_rate() < *o->min_abstention);
      return below ? 1 : 0;
    };
  });
}

} // namespace faqdesk::cli
