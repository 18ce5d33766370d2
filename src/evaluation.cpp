#include <faqdesk/evaluation.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/text.hpp>

namespace faqdesk {

std::optional<LabelledQuestion> parse_labelled_line(std::string_view text, const std::string& file, std::size_t line,
                                                    const Faq& faq) {
  std::string_view t = trim(text);
  if (t.empty() || t.front() == '#') return std::nullopt;
  auto tab = text.find('\t');
  auto fail = [&](std::string msg) { throw Error({{file, static_cast<int>(line), 0, std::move(msg)}}); };
  if (tab == std::string_view::npos) fail("expected 'ids<TAB>question' (ids comma-separated, or '-')");
  LabelledQuestion q;
  q.line = line;
  q.question = std::string(trim(text.substr(tab + 1)));
  std::string_view ids = trim(text.substr(0, tab));
  if (q.question.empty()) fail("the question is empty");
  if (ids != "-") {
    std::vector<std::string> known;
    for (const auto& e : faq.entries) known.push_back(e.id);
    while (!ids.empty()) {
      auto comma = ids.find(',');
      std::string id(trim(ids.substr(0, comma)));
      ids = comma == std::string_view::npos ? std::string_view{} : ids.substr(comma + 1);
      if (id.empty()) continue;
      if (!faq.find_entry(id)) {
        auto near = nearest(id, known, 1);
        fail(fmt::format("unknown entry id '{}'{}", id, near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near[0])));
      }
      q.ids.push_back(std::move(id));
    }
    if (q.ids.empty()) fail("no entry ids before the tab; write '-' when the FAQ has no answer");
  }
  return q;
}

void evaluate_one(const Faq& faq, const SearchIndex& index, const LabelledQuestion& q, const SearchOptions& options,
                  EvalReport& report) {
  const SearchResult r = index.search(q.question, options);
  std::string got = r.matches.empty() ? std::string() : faq.entries[r.matches[0].entry].id;
  double conf = !r.matches.empty() ? r.matches[0].confidence : r.nearest ? r.nearest->confidence : 0.0;
  bool right;
  if (q.ids.empty()) {
    ++report.unanswerable;
    right = got.empty();
    report.abstained += right ? 1 : 0;
  } else {
    ++report.answerable;
    right = std::find(q.ids.begin(), q.ids.end(), got) != q.ids.end();
    report.answerable_right += right ? 1 : 0;
  }
  if (!right && r.matches.empty() && r.topical && !r.not_answered && !options.explain) {
    // A question left unanswered for its score is reported with its nearest
    // entry's confidence, which a search scores exactly only with --explain
    // (otherwise entries that cannot reach the minimum are not scored in full).
    SearchOptions exact = options;
    exact.explain = true;
    if (const SearchResult e = index.search(q.question, exact); e.nearest) conf = e.nearest->confidence;
  }
  if (!right) report.misses.push_back({q, got, conf});
}

namespace {
double ratio(std::size_t a, std::size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b); }
} // namespace

double EvalReport::answerable_accuracy() const { return ratio(answerable_right, answerable); }
double EvalReport::abstention_rate() const { return ratio(abstained, unanswerable); }
double EvalReport::overall_accuracy() const { return ratio(answerable_right + abstained, answerable + unanswerable); }

} // namespace faqdesk
