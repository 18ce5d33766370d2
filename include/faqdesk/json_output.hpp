#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <faqdesk/faq.hpp>
#include <faqdesk/screening.hpp>
#include <faqdesk/search_index.hpp>

namespace faqdesk {

nlohmann::ordered_json entry_json(const Entry& e);
// {"query": ..., "matches": [{"id","question","answer","confidence"}...]} (+ "explain").
nlohmann::ordered_json result_json(const Faq& faq, std::string_view query, const SearchResult& r, bool explain);
nlohmann::ordered_json assessment_json(const Faq& faq, const Assessment& a);
// Serialise `j` on one line; invalid UTF-8 from the input becomes U+FFFD.
std::string dump_line(const nlohmann::ordered_json& j);

// Appends exactly what dump_line(result_json(faq, query, r, false)) gives,
// for batch use: each entry's id, question and answer are serialised once and
// reused, since they are most of every line.
class ResultLineWriter {
public:
  explicit ResultLineWriter(const Faq& faq);
  void append(std::string& out, std::string_view query, const SearchResult& r);

private:
  const Faq& faq_;
  std::vector<std::string> entries_;     // per entry: {"id":..,"question":..,"answer":..,"confidence":
  std::vector<std::string> confidences_; // per thousandth: the number as JSON
};

} // namespace faqdesk
