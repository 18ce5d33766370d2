#include <faqdesk/json_output.hpp>

#include <algorithm>
#include <cmath>

#include <faqdesk/text.hpp>

namespace faqdesk {
namespace {
double round3(double x) { return std::round(x * 1000.0) / 1000.0; }
} // namespace

nlohmann::ordered_json entry_json(const Entry& e) {
  nlohmann::ordered_json j{{"id", e.id}, {"question", e.question}, {"answer", e.answer}};
  if (!e.short_answer.empty()) j["short"] = e.short_answer;
  j["alternates"] = e.alternates;
  j["keywords"] = e.keywords;
  j["related"] = e.related;
  return j;
}

nlohmann::ordered_json result_json(const Faq& faq, std::string_view query, const SearchResult& r, bool explain) {
  nlohmann::ordered_json matches = nlohmann::ordered_json::array();
  for (const auto& m : r.matches) {
    const Entry& e = faq.entries[m.entry];
    nlohmann::ordered_json j{{"id", e.id}, {"question", e.question}, {"answer", e.answer}, {"confidence", round3(m.confidence)}};
    if (explain) {
      nlohmann::ordered_json contributions = nlohmann::ordered_json::array();
      for (const auto& c : m.contributions)
        contributions.push_back({{"word", r.terms[c.term].word},
                                 {"term", r.terms[c.term].term},
                                 {"field", c.field},
                                 {"score", round3(c.share)}});
      j["explain"] = {{"score", round3(m.score)}, {"contributions", contributions}};
    }
    matches.push_back(std::move(j));
  }
  nlohmann::ordered_json out{{"query", valid_utf8(query)}, {"matches", std::move(matches)}};
  if (explain) {
    nlohmann::ordered_json terms = nlohmann::ordered_json::array();
    for (const auto& t : r.terms) {
      nlohmann::ordered_json tj{{"word", t.word}, {"term", t.term}, {"how", to_string(t.how)}, {"weight", round3(t.weight)}};
      if (!t.via.empty()) tj["via"] = t.via;
      terms.push_back(std::move(tj));
    }
    out["terms"] = std::move(terms);
    if (r.not_answered)
      out["not_answered"] = {{"question", faq.not_answered[*r.not_answered]},
                             {"cosine", round3(r.not_answered_cosine)}};
    if (!r.topical) out["topical"] = false;
    if (!r.part.empty()) out["part"] = valid_utf8(r.part);
  }
  return out;
}

nlohmann::ordered_json assessment_json(const Faq& faq, const Assessment& a) {
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  for (const auto& n : a.notes)
    notes.push_back({{"question", n.question}, {"severity", n.severity == Severity::flag ? "flag" : "info"}, {"text", n.text}});
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const CostItem* c : a.estimate.items) {
    nlohmann::ordered_json j{{"id", c->id}, {"label", c->label}, {"priced", c->priced}};
    if (c->amount) j["amount"] = *c->amount;
    if (c->max) j["max"] = *c->max;
    if (!c->note.empty()) j["note"] = c->note;
    items.push_back(std::move(j));
  }
  return {{"answers", a.answers},
          {"notes", std::move(notes)},
          {"estimate", {{"currency", "USD"}, {"max", a.estimate.max}, {"items", std::move(items)}}},
          {"next_step", {{"consultation", "free"}, {"phone", faq.clinic.phone}}},
          {"disclaimer", faq.disclaimer}};
}

std::string dump_line(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

ResultLineWriter::ResultLineWriter(const Faq& faq)
    : faq_(faq), entries_(faq.entries.size()), confidences_(1001) {}

void ResultLineWriter::append(std::string& out, std::string_view query, const SearchResult& r) {
  out += R"({"query":)";
  // Most queries are printable ASCII with nothing to escape: the JSON string
  // is then the query between quotes (what nlohmann writes for it too).
  if (std::all_of(query.begin(), query.end(),
                  [](char c) { return c >= 0x20 && c != '"' && c != '\\' && c != 0x7F; })) {
    out += '"';
    out += query;
    out += '"';
  } else {
    out += dump_line(valid_utf8(query));
  }
  out += R"(,"matches":[)";
  for (std::size_t i = 0; i < r.matches.size(); ++i) {
    const Match& m = r.matches[i];
    std::string& fixed = entries_[m.entry];
    if (fixed.empty()) {
      const Entry& e = faq_.entries[m.entry];
      fixed = R"({"id":)" + dump_line(e.id) + R"(,"question":)" + dump_line(e.question) + R"(,"answer":)" +
              dump_line(e.answer) + R"(,"confidence":)";
    }
    // Confidences are rounded to thousandths, so 1001 spellings cover them all.
    const auto k = static_cast<std::size_t>(std::clamp(std::round(m.confidence * 1000.0), 0.0, 1000.0));
    std::string& number = confidences_[k];
    if (number.empty()) number = dump_line(static_cast<double>(k) / 1000.0);
    if (i > 0) out += ',';
    out += fixed;
    out += number;
    out += '}';
  }
  out += "]}";
}

} // namespace faqdesk
