// Checks that two searches gave the same reading of the query and the same
// answers: every term (word, term, how, via, weight) and every match.
#pragma once
#include <doctest/doctest.h>

#include <faqdesk/search_index.hpp>

namespace test {

inline void check_same_result(const faqdesk::SearchResult& a, const faqdesk::SearchResult& b) {
  REQUIRE(a.terms.size() == b.terms.size());
  for (std::size_t i = 0; i < a.terms.size(); ++i) {
    CHECK(a.terms[i].word == b.terms[i].word);
    CHECK(a.terms[i].term == b.terms[i].term);
    CHECK(a.terms[i].how == b.terms[i].how);
    CHECK(a.terms[i].via == b.terms[i].via);
    CHECK(a.terms[i].weight == b.terms[i].weight);
  }
  REQUIRE(a.matches.size() == b.matches.size());
  for (std::size_t i = 0; i < a.matches.size(); ++i) {
    CHECK(a.matches[i].entry == b.matches[i].entry);
    CHECK(a.matches[i].score == b.matches[i].score);
    CHECK(a.matches[i].contributions.size() == b.matches[i].contributions.size());
  }
  CHECK(a.not_answered == b.not_answered);
  CHECK(a.not_answered_cosine == b.not_answered_cosine);
  CHECK(a.topical == b.topical);
}

} // namespace test
