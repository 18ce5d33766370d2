#include <doctest/doctest.h>

#include <faqdesk/error.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/screening.hpp>
#include <faqdesk/version.hpp>

using namespace faqdesk;

namespace {
const Faq& clinic() {
  static const Faq faq = load_faq_text(embedded_faq(), "faq.yaml");
  return faq;
}
} // namespace

TEST_CASE("screening: aliases resolve in any case, surrounding space ignored") {
  const auto& q = clinic().screening[0];
  REQUIRE(resolve_answer(q, " Y ") != nullptr);
  CHECK(resolve_answer(q, " Y ")->value == "yes");
  CHECK(resolve_answer(q, "not sure")->value == "unsure");
  CHECK(resolve_answer(q, "perhaps") == nullptr);
}

TEST_CASE("screening: a deformity is flagged, and flags come before info notes") {
  auto a = assess(clinic(), normalise_answers(clinic(), {{"deformity", "y"}, {"imaging", "n"}, {"cause", "w"},
                                                          {"prior-treatment", "n"}}, true));
  REQUIRE(!a.notes.empty());
  CHECK(a.notes[0].severity == Severity::flag);
  CHECK(a.notes[0].question == "deformity");
  CHECK(a.notes[0].text.find("short-lived") != std::string::npos);
  for (std::size_t i = 1; i < a.notes.size(); ++i) CHECK(a.notes[i].severity == Severity::info);
}

TEST_CASE("screening: the estimate totals priced items only; imaging stays unpriced") {
  auto with_imaging = assess(clinic(), {{"deformity", "no"}, {"imaging", "no"}, {"cause", "wear"}, {"prior-treatment", "no"}});
  CHECK(with_imaging.estimate.max == 7000);
  CHECK(with_imaging.estimate.upper_bound);
  bool has_imaging = false;
  for (const auto* c : with_imaging.estimate.items)
    if (c->id == "imaging") has_imaging = !c->priced;
  CHECK(has_imaging);
  auto without = assess(clinic(), {{"deformity", "no"}, {"imaging", "yes"}, {"cause", "wear"}, {"prior-treatment", "no"}});
  CHECK(without.estimate.items.size() == with_imaging.estimate.items.size() - 1);
}

TEST_CASE("screening: a missing answer, unknown question or unknown value is an error listing valid ones") {
  CHECK_THROWS_WITH(normalise_answers(clinic(), {{"deformity", "no"}}, true),
                    "no answer for 'imaging' (Has the caller had an X-ray or MRI of the knee?); allowed: yes (y), no (n), "
                    "unsure (u, not sure, dont know, maybe)");
  CHECK_THROWS_WITH(normalise_answers(clinic(), {{"colour", "red"}}, false),
                    "unknown screening question 'colour'; the questions are: deformity, imaging, cause, prior-treatment");
  CHECK_THROWS_WITH(normalise_answers(clinic(), {{"cause", "gravity"}}, false),
                    "'gravity' is not an answer to 'cause'; allowed: injury (i, old injury, injured), wear (w, wear and "
                    "tear, age, over time), unsure (u, not sure, dont know)");
}
