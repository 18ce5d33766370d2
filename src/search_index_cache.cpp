// The built index as bytes, for the compiled-FAQ cache, and back again,
// checking every reference as it is read.
#include <algorithm>

#include "search_index_impl.hpp"

namespace faqdesk {

std::string SearchIndex::serialize() const {
  const Impl& x = *impl_;
  serial::Writer w;
  w.u64(x.entry_count);
  w.u64(x.terms.size());
  for (std::size_t id = 0; id < x.terms.size(); ++id) {
    w.str(x.terms[id]);
    w.f64(x.idf[id]);
    w.u64(x.postings[id].size());
    for (const auto& p : x.postings[id]) {
      w.u32(p.entry);
      w.u32(p.unit);
      w.u8(static_cast<std::uint8_t>(p.field));
    }
    w.u64(x.centroid_postings[id].size());
    for (const auto& [e, weight] : x.centroid_postings[id]) {
      w.u32(e);
      w.f64(weight);
    }
  }
  w.u64(x.units.size());
  for (std::size_t u = 0; u < x.units.size(); ++u) {
    w.u32(x.units[u].entry);
    w.u8(static_cast<std::uint8_t>(x.units[u].field));
    w.f64(x.units[u].norm);
    w.u64(x.unit_terms[u].size());
    for (TermId t : x.unit_terms[u]) w.u32(t);
  }
  w.u64(x.synonym_groups.size());
  for (const auto& canon : x.synonym_groups) w.strs(canon);
  w.u64(x.synonym_words.size());
  for (const auto& [stem, group] : x.synonym_words) {
    w.str(stem);
    w.u32(group);
  }
  w.u64(x.synonym_phrases.size());
  for (const auto& [phrase, group] : x.synonym_phrases) {
    w.strs(phrase);
    w.u32(group);
  }
  w.u64(x.synonym_canonical_name.size());
  for (const auto& [stem, name] : x.synonym_canonical_name) {
    w.str(stem);
    w.str(name);
  }
  // The spelling index as built, so a cached FAQ need not sort and hash its words again.
  w.u64(x.spellings.size());
  for (const auto& sp : x.spellings) {
    w.str(sp.word);
    w.u32(sp.freq);
    w.str(sp.stem);
    w.u32(sp.lex.term);
    w.u8(static_cast<std::uint8_t>((sp.stop ? 1 : 0) | (sp.lex.phrase_start ? 2 : 0) | (sp.lex.synonyms != nullptr ? 4 : 0)));
  }
  w.u64(x.deletions.size());
  for (const auto& [hash, index] : x.deletions) {
    w.u64(hash);
    w.u32(index);
  }
  w.strs(x.clinic_words);
  w.f64(x.unknown_idf);
  w.u64(x.pleasantries_used);
  w.f64(x.raw_threshold);
  w.f64(x.min_conf);
  return std::move(w.bytes());
}

SearchIndex SearchIndex::restore(std::string_view bytes, const Faq& faq) {
  using serial::Malformed;
  auto x = std::make_unique<Impl>();
  serial::Reader r(bytes);
  x->entry_count = r.u64();
  if (x->entry_count != faq.entries.size() + faq.not_answered.size())
    throw Malformed("entry count differs from the FAQ");
  x->declined = static_cast<std::uint32_t>(faq.entries.size());
  x->ignored.insert(faq.ignore_words.begin(), faq.ignore_words.end());
  auto field = [&] {
    auto f = r.u8();
    if (f > static_cast<std::uint8_t>(Field::answer)) throw Malformed("bad field");
    return static_cast<Field>(f);
  };
  auto entry = [&] {
    auto e = r.u32();
    if (e >= x->entry_count) throw Malformed("entry out of range");
    return e;
  };
  const std::size_t term_count = r.count(8 + 8 + 8 + 8);
  x->idf.resize(term_count);
  x->terms.reserve(term_count);
  x->postings.start.reserve(term_count + 1);
  x->centroid_postings.start.reserve(term_count + 1);
  for (TermId id = 0; id < term_count; ++id) {
    x->terms.emplace_back(r.view());
    if (x->find(x->terms.back()) != no_term) throw Malformed("duplicate term");
    x->term_index.add(id, [&](std::uint32_t i) -> std::string_view { return x->terms[i]; });
    x->idf[id] = r.f64();
    // Postings in entry order: pruned scoring looks entries up by binary search.
    std::uint32_t last = 0;
    for (std::size_t n = r.count(9); n > 0; --n) {
      Posting p;
      p.entry = entry();
      p.unit = r.u32();
      p.field = field();
      if (p.entry < last) throw Malformed("postings out of order");
      last = p.entry;
      x->postings.items.push_back(p);
    }
    x->postings.close();
    last = 0;
    for (std::size_t n = r.count(12); n > 0; --n) {
      const std::uint32_t e = entry();
      const double weight = r.f64();
      if (e < last) throw Malformed("centroid postings out of order");
      last = e;
      x->centroid_postings.items.emplace_back(e, weight);
    }
    x->centroid_postings.close();
  }
  x->units.resize(r.count(21));
  x->unit_terms.start.reserve(x->units.size() + 1);
  for (auto& u : x->units) {
    u.entry = entry();
    u.field = field();
    u.norm = r.f64();
    for (std::size_t n = r.count(4); n > 0; --n) {
      const TermId t = r.u32();
      if (t >= term_count) throw Malformed("term out of range");
      x->unit_terms.items.push_back(t);
    }
    x->unit_terms.close();
  }
  for (const auto& p : x->postings.items)
    if (p.unit != no_unit && p.unit >= x->units.size()) throw Malformed("unit out of range");
  x->synonym_groups.resize(r.count(8));
  for (auto& canon : x->synonym_groups) canon = r.strs();
  auto group = [&] {
    const std::uint32_t g = r.u32();
    if (g >= x->synonym_groups.size()) throw Malformed("synonym group out of range");
    return g;
  };
  for (std::size_t n = r.count(12); n > 0; --n) {
    std::string stem = r.str();
    x->synonym_words[std::move(stem)] = group();
  }
  const std::size_t phrase_count = r.count(12);
  x->synonym_phrases.reserve(phrase_count);
  for (std::size_t n = phrase_count; n > 0; --n) {
    std::vector<std::string> phrase = r.strs();
    if (phrase.size() < 2) throw Malformed("synonym phrase of fewer than two words");
    std::pair<std::vector<std::string>, std::uint32_t> p{std::move(phrase), group()};
    if (!x->synonym_phrases.empty() && Impl::phrase_order(p, x->synonym_phrases.back()))
      throw Malformed("synonym phrases not in order");
    x->synonym_phrases.push_back(std::move(p));
  }
  x->find_phrase_starts();
  for (std::size_t n = r.count(16); n > 0; --n) {
    std::string stem = r.str();
    x->synonym_canonical_name[stem] = r.str();
  }
  // Every canonical term a synonym gives must have its display name.
  auto named = [&](const std::vector<std::string>& canon) {
    for (const auto& c : canon)
      if (!x->synonym_canonical_name.contains(c)) throw Malformed("synonym without a name");
  };
  for (const auto& canon : x->synonym_groups) named(canon);
  x->spellings.resize(r.count(26));
  for (auto& sp : x->spellings) {
    sp.word = r.view();
    sp.freq = r.u32();
    sp.letters = letter_mask(sp.word);
    sp.stem = r.view();
    if (sp.word.empty() || sp.stem.empty()) throw Malformed("empty spelling word or stem");
    sp.lex.term = r.u32();
    if (sp.lex.term != no_term && sp.lex.term >= term_count) throw Malformed("term out of range");
    const std::uint8_t flags = r.u8();
    if (flags > 7) throw Malformed("bad spelling flags");
    sp.stop = (flags & 1) != 0;
    sp.lex.phrase_start = (flags & 2) != 0;
    if ((flags & 4) != 0) {
      auto it = x->synonym_words.find(sp.stem);
      if (it == x->synonym_words.end()) throw Malformed("synonym word unknown");
      sp.lex.synonyms = &x->synonym_groups[it->second];
    }
  }
  if (std::adjacent_find(x->spellings.begin(), x->spellings.end(), [](const Spelling& a, const Spelling& b) {
        return !spelling_order(a, b);
      }) != x->spellings.end())
    throw Malformed("spellings not unique and in order");
  x->spelling_index.build(x->spellings.size(),
                          [&](std::uint32_t i) -> std::string_view { return x->spellings[i].word; });
  x->deletions.resize(r.count(12));
  for (auto& [hash, index] : x->deletions) {
    hash = r.u64();
    index = r.u32();
    if (index >= x->spellings.size()) throw Malformed("spelling out of range");
  }
  if (!std::is_sorted(x->deletions.begin(), x->deletions.end())) throw Malformed("spelling index not in order");
  x->find_lone_entries();
  x->find_light_terms();
  x->clinic_words = r.strs();
  x->ignored.insert(x->clinic_words.begin(), x->clinic_words.end());
  x->unknown_idf = r.f64();
  x->pleasantries_used = r.u64();
  x->raw_threshold = r.f64();
  x->min_conf = r.f64();
  if (r.left() != 0) throw Malformed("trailing bytes");
  if (!(x->raw_threshold > 0 && x->raw_threshold < 1) || !(x->min_conf >= 0 && x->min_conf <= 1))
    throw Malformed("threshold out of range");
  SearchIndex index;
  index.impl_ = std::move(x);
  return index;
}

} // namespace faqdesk
