#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <faqdesk/faq.hpp>

namespace faqdesk {

// How a word the caller typed reached a term the FAQ uses.
enum class MatchHow { exact, stem, synonym, spelling, unknown };
std::string_view to_string(MatchHow how);

struct QueryTerm {
  std::string word;  // as typed, lowercased
  std::string term;  // the normalised term
  MatchHow how = MatchHow::exact;
  std::string via;   // the corrected spelling or the synonym's canonical word
  double weight = 0; // rarer words weigh more
};

// What one query term gave to one match's score.
struct Contribution {
  std::size_t term = 0; // index into SearchResult::terms
  std::string field;    // "question", "alternate", "keyword" or "answer"
  double share = 0;     // part of the raw score
};

struct Match {
  std::size_t entry = 0;   // index into Faq::entries
  double confidence = 0;   // in [0, 1]; 0.5 is where the FAQ's own threshold falls
  double score = 0;        // raw score in [0, 1]
  std::vector<Contribution> contributions; // only when explaining
};

struct SearchOptions {
  std::size_t top = 3;
  std::optional<double> min_confidence; // overrides the index's default
  bool explain = false;
};

struct SearchResult {
  std::vector<QueryTerm> terms;
  std::vector<Match> matches; // best first, each at or above the minimum confidence
  std::optional<Match> nearest; // when matches is empty: the best entry below the minimum, if any
  // False when every word of the query is a light word ("why", "tell me
  // more"): it names no topic, and gets no answer whatever its score.
  bool topical = true;
  // When matches is empty because the query is closest to one of the FAQ's
  // `not_answered` questions: its index in Faq::not_answered.
  std::optional<std::size_t> not_answered;
  double not_answered_cosine = 0; // its closeness to the query
  // The clause the answer comes from, when it is not the whole query: the
  // one sentence the caller marked with "?" before telling more; or, when the
  // whole found no answer, its last clause, one ending in "?", or a first
  // clause that opens as a question. Terms and matches are then about it.
  // Empty otherwise.
  std::string part;
};

// Everything needed to answer questions from one FAQ, built once.
class SearchIndex {
public:
  explicit SearchIndex(const Faq& faq);
  ~SearchIndex();
  SearchIndex(SearchIndex&&) noexcept;
  SearchIndex& operator=(SearchIndex&&) noexcept;

  SearchResult search(std::string_view query, const SearchOptions& options = {}) const;
  // The terms `query` is read as (fillers dropped, stems, synonyms and
  // spelling applied), weighed, without scoring any entry.
  std::vector<QueryTerm> read(std::string_view query) const;

  // The confidence below which faqdesk abstains: settings.min_confidence, or 0.5.
  double min_confidence() const;
  // The raw score that maps to confidence 0.5, derived from the FAQ itself by
  // leave-one-out over its alternates.
  double threshold() const;

  // The built index as bytes, for the compiled cache; and back again.
  // `restore` throws std::runtime_error when the bytes are malformed or do not
  // fit `faq` (every entry, unit and term reference is checked).
  std::string serialize() const;
  static SearchIndex restore(std::string_view bytes, const Faq& faq);

private:
  SearchResult search_whole(std::string_view query, const SearchOptions& options) const;
  SearchIndex() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace faqdesk
