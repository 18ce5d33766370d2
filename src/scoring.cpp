// Scoring: how well each entry explains a question, its confidence, the
// threshold derived from the FAQ's own phrasings, and --explain's split of a
// score between the words that earned it.
#include <algorithm>
#include <cmath>
#include <optional>

#include "search_index_impl.hpp"

namespace faqdesk {

namespace {
// The score blends three views of an entry: how much of the query's weight
// its words cover; its two closest phrasings (cosine, like nearest
// neighbours: two near phrasings are better evidence than one lucky one);
// and its centroid, which favours entries whose phrasings are consistently
// about the query's words over one that mentions them once.
constexpr double coverage_share = 0.45;
constexpr double phrasing_share = 0.4;
constexpr double centroid_share = 0.15;
// The second-closest phrasing's part of phrasing_share. An entry with one
// phrasing counts it twice.
constexpr double second_phrasing = 0.25;
// Credit for a query word found only in an entry's answer, not its phrasings.
constexpr double answer_credit = 0.5;
// Share of held-out phrasings allowed to fall below the derived threshold.
constexpr double calibration_percentile = 0.15;
// Most held-out phrasings used to derive the threshold (bounds start-up time).
constexpr std::size_t max_calibration_queries = 1500;

// Per-thread accumulators for score(), sized to the largest index seen and
// left all zero after each call, so a query touches only what it matches.
struct ScoreScratch {
  std::vector<double> coverage, centroid, credit, cosine, cosine2; // per entry
  std::vector<std::uint32_t> best_unit, second_unit;      // per entry: the units with those cosines
  std::vector<std::uint8_t> seen;                         // per entry: coverage or centroid touched
  std::vector<double> dot;                        // per unit
  std::vector<std::uint32_t> entries, units, credited;
  std::vector<TermId> ids;            // per query word: its term, when the caller has not looked them up
  std::vector<std::uint8_t> essential; // per query word
  std::vector<std::size_t> order;      // query words, lightest first
  void fit(std::size_t entry_count, std::size_t unit_count) {
    if (coverage.size() < entry_count) {
      coverage.resize(entry_count);
      centroid.resize(entry_count);
      credit.resize(entry_count);
      cosine.resize(entry_count);
      cosine2.resize(entry_count);
      best_unit.resize(entry_count, no_unit);
      second_unit.resize(entry_count, no_unit);
      seen.resize(entry_count);
    }
    if (dot.size() < unit_count) dot.resize(unit_count);
  }
};
} // namespace

std::vector<SearchIndex::Impl::Scored> SearchIndex::Impl::score(const std::vector<QueryTerm>& q,
                                                                std::uint32_t skip_unit, std::size_t top,
                                                                double floor, const std::vector<TermId>* given) const {
  double total = 0, q_sq = 0;
  for (const auto& t : q) {
    total += t.weight;
    q_sq += t.weight * t.weight;
  }
  std::vector<Scored> out;
  if (total <= 0) return out;
  const double q_norm = std::sqrt(q_sq);
  thread_local ScoreScratch x;
  x.fit(entry_count, units.size());
  auto touch = [&](std::uint32_t e) {
    if (x.seen[e] == 0) {
      x.seen[e] = 1;
      x.entries.push_back(e);
    }
  };
  // Words whose postings are walked in full ("essential"), and words only
  // looked up for the entries those find. An entry sharing only the
  // non-essential words -- the most common ones, whose weights together
  // cannot reach `floor` -- is never scored (MaxScore pruning). The bound:
  // coverage counts each word at most once, and the cosine to any phrasing or
  // centroid is at most the query's norm over the shared words, divided by its
  // whole norm (Cauchy-Schwarz, as phrasings weigh their words by idf too).
  if (given == nullptr) {
    x.ids.clear();
    for (const auto& t : q) x.ids.push_back(find(t.term));
  }
  const std::vector<TermId>& ids = given != nullptr ? *given : x.ids;
  std::vector<std::uint8_t>& essential = x.essential;
  essential.assign(q.size(), 1);
  if (floor > 0) {
    std::vector<std::size_t>& order = x.order;
    order.clear();
    for (std::size_t i = 0; i < q.size(); ++i)
      if (ids[i] != no_term) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return q[a].weight < q[b].weight; });
    double sum = 0, sum_sq = 0;
    for (std::size_t k = 0; k + 1 < order.size(); ++k) { // the heaviest word always stays essential
      sum += q[order[k]].weight;
      sum_sq += q[order[k]].weight * q[order[k]].weight;
      const double bound = coverage_share * (sum / total) * (sum / total) +
                           (phrasing_share + centroid_share) * std::sqrt(sum_sq) / q_norm;
      if (bound >= floor) break;
      essential[order[k]] = 0;
    }
    for (std::size_t i = 0; i < q.size(); ++i)
      if (essential[i] != 0 && ids[i] != no_term)
        for (const Posting& p : postings[ids[i]]) touch(p.entry);
  }
  const std::size_t candidates = x.entries.size();
  // Coverage: each query word counts once per entry, at its best field's credit.
  // Words are taken in the query's order, pruned or not, so the sums are the same.
  for (std::size_t i = 0; i < q.size(); ++i) {
    const QueryTerm& t = q[i];
    const TermId id = ids[i];
    if (id == no_term) continue;
    if (essential[i] == 0) {
      const auto& list = postings[id];
      const auto& centroids = centroid_postings[id];
      for (std::size_t k = 0; k < candidates; ++k) {
        const std::uint32_t e = x.entries[k];
        auto p = std::lower_bound(list.begin(), list.end(), e,
                                  [](const Posting& a, std::uint32_t b) { return a.entry < b; });
        double credit = 0;
        for (; p != list.end() && p->entry == e; ++p) {
          credit = std::max(credit, p->field == Field::answer ? answer_credit : 1.0);
          if (p->unit != no_unit) {
            if (x.dot[p->unit] == 0) x.units.push_back(p->unit);
            x.dot[p->unit] += t.weight * t.weight;
          }
        }
        x.coverage[e] += credit * t.weight;
        auto c = std::lower_bound(centroids.begin(), centroids.end(), e,
                                  [](const std::pair<std::uint32_t, double>& a, std::uint32_t b) { return a.first < b; });
        if (c != centroids.end() && c->first == e) x.centroid[e] += t.weight * c->second;
      }
      continue;
    }
    for (const Posting& p : postings[id]) {
      if (p.unit == skip_unit && p.unit != no_unit) continue;
      const double c = p.field == Field::answer ? answer_credit : 1.0;
      if (x.credit[p.entry] == 0) x.credited.push_back(p.entry);
      x.credit[p.entry] = std::max(x.credit[p.entry], c);
      if (p.unit != no_unit) {
        if (x.dot[p.unit] == 0) x.units.push_back(p.unit);
        x.dot[p.unit] += t.weight * t.weight;
      }
    }
    for (std::uint32_t e : x.credited) {
      touch(e);
      x.coverage[e] += x.credit[e] * t.weight;
      x.credit[e] = 0;
    }
    x.credited.clear();
    for (const auto& [e, v] : centroid_postings[id]) {
      touch(e);
      x.centroid[e] += t.weight * v;
    }
  }
  // Phrasing: the two best cosines over each entry's units.
  for (std::uint32_t u : x.units) {
    const double cos = x.dot[u] / (q_norm * units[u].norm);
    x.dot[u] = 0;
    const std::uint32_t e = units[u].entry;
    if (cos > x.cosine[e]) {
      x.cosine2[e] = x.cosine[e];
      x.second_unit[e] = x.best_unit[e];
      x.cosine[e] = cos;
      x.best_unit[e] = u;
    } else if (cos > x.cosine2[e]) {
      x.cosine2[e] = cos;
      x.second_unit[e] = u;
    }
  }
  x.units.clear();
  out.reserve(x.entries.size());
  for (std::uint32_t e : x.entries) {
    const double cov = x.coverage[e] / total;
    const double second = lone[e] != 0 ? x.cosine[e] : x.cosine2[e];
    if (x.coverage[e] > 0)
      out.push_back({e,
                     coverage_share * cov * cov +
                         phrasing_share * ((1 - second_phrasing) * x.cosine[e] + second_phrasing * second) +
                         centroid_share * x.centroid[e] / q_norm,
                     x.best_unit[e], x.second_unit[e], x.cosine[e]});
    x.coverage[e] = x.centroid[e] = x.cosine[e] = x.cosine2[e] = 0;
    x.best_unit[e] = x.second_unit[e] = no_unit;
    x.seen[e] = 0;
  }
  x.entries.clear();
  auto better = [](const Scored& a, const Scored& b) { return a.score != b.score ? a.score > b.score : a.entry < b.entry; };
  if (top < out.size()) {
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(top), out.end(), better);
    out.resize(top);
  } else {
    std::sort(out.begin(), out.end(), better);
  }
  return out;
}

double SearchIndex::Impl::confidence(double raw) const {
  raw = std::clamp(raw, 0.0, 1.0);
  double t = raw_threshold;
  return raw < t ? 0.5 * raw / t : 0.5 + 0.5 * (raw - t) / (1.0 - t);
}

// Ask each phrasing (question or alternate) with itself left out: the score
// its own entry still gets is what an answerable question worded in a new way
// scores. The threshold is a low percentile of those scores, so that about
// nine in ten new wordings of a question the FAQ answers are still answered,
// while questions sharing only a word or two with an entry fall below it.
// (The best other entry's score is no guide: in a FAQ about one treatment,
// neighbouring entries share most of their words.)
void SearchIndex::Impl::derive_threshold(const std::vector<std::string>& unit_texts) {
  std::vector<std::uint32_t> phrasings_per_entry(entry_count, 0);
  for (std::size_t u = 0; u < units.size(); ++u)
    if (!unit_texts[u].empty()) ++phrasings_per_entry[units[u].entry];
  std::vector<std::uint32_t> held_out;
  for (std::size_t u = 0; u < units.size(); ++u)
    if (!unit_texts[u].empty() && phrasings_per_entry[units[u].entry] >= 2 && units[u].entry < declined)
      held_out.push_back(static_cast<std::uint32_t>(u));
  if (held_out.size() < 8) return;
  const std::size_t stride = (held_out.size() + max_calibration_queries - 1) / max_calibration_queries;
  std::vector<double> pos;
  std::vector<QueryTerm> terms_of_unit;
  std::vector<TermId> ids_of_unit;
  for (std::size_t k = 0; k < held_out.size(); k += stride) {
    const std::uint32_t u = held_out[k];
    double own = 0;
    normalise(unit_texts[u], false, terms_of_unit, ids_of_unit);
    weigh(terms_of_unit, ids_of_unit);
    for (const auto& s : score(terms_of_unit, u, entry_count))
      if (s.entry == units[u].entry) own = std::max(own, s.score);
    pos.push_back(own);
  }
  std::sort(pos.begin(), pos.end());
  const double best_t = pos[static_cast<std::size_t>(calibration_percentile * static_cast<double>(pos.size()))];
  raw_threshold = std::clamp(best_t, 0.15, 0.9);
}

std::vector<Contribution> SearchIndex::Impl::explain(const std::vector<QueryTerm>& q, const Scored& s) const {
  // Each part of the score, split between the words that made it, so the
  // contributions add up to the score.
  double total = 0, q_sq = 0;
  for (const auto& t : q) {
    total += t.weight;
    q_sq += t.weight * t.weight;
  }
  const double q_norm = std::sqrt(q_sq);
  struct Found {
    std::size_t term;
    TermId id;
    Field where;
  };
  std::vector<Found> found;
  double covered = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const TermId id = find(q[i].term);
    if (id == no_term) continue;
    std::optional<Field> where;
    for (const Posting& p : postings[id]) {
      if (p.entry != s.entry) continue;
      if (!where || (*where == Field::answer && p.field != Field::answer) ||
          (p.field == Field::question && *where != Field::question))
        where = p.field;
    }
    if (!where) continue;
    found.push_back({i, id, *where});
    covered += q[i].weight * (*where == Field::answer ? answer_credit : 1.0);
  }
  const bool one = lone[s.entry] != 0;
  const std::pair<std::uint32_t, double> phrasings[] = {
      {s.best_unit, phrasing_share * (one ? 1.0 : 1 - second_phrasing)},
      {one ? no_unit : s.second_unit, phrasing_share * second_phrasing}};
  std::vector<Contribution> out;
  for (const Found& f : found) {
    const double w = q[f.term].weight;
    double share = coverage_share * (covered / total) * w * (f.where == Field::answer ? answer_credit : 1.0) / total;
    for (const auto& [unit, part] : phrasings) {
      if (unit == no_unit) continue;
      const auto terms_of_unit = unit_terms[unit];
      if (std::find(terms_of_unit.begin(), terms_of_unit.end(), f.id) != terms_of_unit.end())
        share += part * w * w / (q_norm * units[unit].norm);
    }
    const auto& centroids = centroid_postings[f.id];
    auto c = std::lower_bound(centroids.begin(), centroids.end(), s.entry,
                              [](const std::pair<std::uint32_t, double>& a, std::uint32_t b) { return a.first < b; });
    if (c != centroids.end() && c->first == s.entry) share += centroid_share * w * c->second / q_norm;
    static constexpr const char* names[] = {"question", "alternate", "keyword", "answer"};
    out.push_back({f.term, names[static_cast<int>(f.where)], share});
  }
  return out;
}

} // namespace faqdesk
