#include <faqdesk/screening.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <faqdesk/error.hpp>
#include <faqdesk/text.hpp>

namespace faqdesk {

const ScreeningAnswer* resolve_answer(const ScreeningQuestion& q, std::string_view input) {
  const std::string key = to_lower_ascii(trim(input));
  for (const auto& a : q.answers) {
    if (a.value == key) return &a;
    if (std::find(a.aliases.begin(), a.aliases.end(), key) != a.aliases.end()) return &a;
  }
  return nullptr;
}

std::string allowed_answers(const ScreeningQuestion& q) {
  std::string out;
  for (const auto& a : q.answers) {
    if (!out.empty()) out += ", ";
    out += a.value;
    if (!a.aliases.empty()) out += fmt::format(" ({})", fmt::join(a.aliases, ", "));
  }
  return out;
}

Answers normalise_answers(const Faq& faq, const Answers& given, bool require_all) {
  Answers out;
  for (const auto& entry : given) {
    const auto& [id, value] = entry;
    // Capture the pair, not the binding: C++20 lambdas may not capture structured bindings everywhere (clang 14).
    auto it = std::find_if(faq.screening.begin(), faq.screening.end(), [&entry](const auto& q) { return q.id == entry.first; });
    if (it == faq.screening.end()) {
      std::vector<std::string> ids;
      for (const auto& q : faq.screening) ids.push_back(q.id);
      throw Error(fmt::format("unknown screening question '{}'; the questions are: {}", printable(id),
                              fmt::join(ids, ", ")));
    }
    const ScreeningAnswer* a = resolve_answer(*it, value);
    if (a == nullptr)
      throw Error(fmt::format("'{}' is not an answer to '{}'; allowed: {}", printable(value), id, allowed_answers(*it)));
    out[id] = a->value;
  }
  if (require_all)
    for (const auto& q : faq.screening)
      if (!out.contains(q.id))
        throw Error(fmt::format("no answer for '{}' ({}); allowed: {}", q.id, q.text, allowed_answers(q)));
  return out;
}

Assessment assess(const Faq& faq, const Answers& answers) {
  Assessment result;
  result.answers = answers;
  std::vector<std::string> cost_ids;
  for (const auto& c : faq.costs)
    if (c.always) cost_ids.push_back(c.id);
  for (const auto& q : faq.screening) {
    auto it = answers.find(q.id);
    if (it == answers.end()) continue;
    const ScreeningAnswer* a = resolve_answer(q, it->second);
    if (a == nullptr) continue;
    for (const auto& n : a->notes) result.notes.push_back({q.id, n.severity, n.text});
    cost_ids.insert(cost_ids.end(), a->costs.begin(), a->costs.end());
  }
  std::stable_partition(result.notes.begin(), result.notes.end(),
                        [](const AssessedNote& n) { return n.severity == Severity::flag; });
  for (const auto& c : faq.costs) {
    if (std::find(cost_ids.begin(), cost_ids.end(), c.id) == cost_ids.end()) continue;
    result.estimate.items.push_back(&c);
    if (!c.priced) continue;
    if (c.amount) result.estimate.max += *c.amount;
    if (c.max) {
      result.estimate.max += *c.max;
      result.estimate.upper_bound = true;
    }
  }
  return result;
}

} // namespace faqdesk
