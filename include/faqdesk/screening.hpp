#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <faqdesk/faq.hpp>

namespace faqdesk {

// The caller's answers: question id -> answer value (as in faq.yaml).
using Answers = std::map<std::string, std::string>;

struct AssessedNote {
  std::string question;
  Severity severity = Severity::info;
  std::string text;
};

struct Estimate {
  std::vector<const CostItem*> items; // in faq.yaml order, each once
  double max = 0;                     // sum of the priced items' amounts and upper bounds
  bool upper_bound = false;           // true when any item is only an upper bound
};

// Notes for the physician's consultation and the cost estimate; never a diagnosis.
struct Assessment {
  Answers answers;
  std::vector<AssessedNote> notes; // flags first, then in question order
  Estimate estimate;
};

// Return the answer of `q` that `input` names (its value or an alias, any
// case, surrounding space ignored), or nullptr.
const ScreeningAnswer* resolve_answer(const ScreeningQuestion& q, std::string_view input);

// Human list of the answers `q` allows, e.g. "yes (y), no (n), unsure (u)".
std::string allowed_answers(const ScreeningQuestion& q);

// Check `given` (question id -> value or alias) against the questionnaire and
// return it with canonical values. Throw Error for an unknown question, an
// answer the question does not allow, or (when `require_all`) a missing one.
Answers normalise_answers(const Faq& faq, const Answers& given, bool require_all);

// Evaluate complete, normalised `answers` into notes and an estimate.
Assessment assess(const Faq& faq, const Answers& answers);

} // namespace faqdesk
