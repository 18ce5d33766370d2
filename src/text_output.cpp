#include <faqdesk/text_output.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <faqdesk/text.hpp>

namespace faqdesk {
namespace {

std::string bold(std::string_view s, const TextStyle& st) {
  return st.colour ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s);
}
std::string red(std::string_view s, const TextStyle& st) {
  return st.colour ? fmt::format("\x1b[1;31m{}\x1b[0m", s) : std::string(s);
}
std::string dim(std::string_view s, const TextStyle& st) {
  return st.colour ? fmt::format("\x1b[2m{}\x1b[0m", s) : std::string(s);
}

// Wrap `text` under a margin of `margin` columns and put `first` (which shows
// as `margin` columns wide, colour codes aside) in the first line's margin.
std::string hang(std::string_view first, std::string_view text, std::size_t margin, const TextStyle& st) {
  return std::string(first) + wrap(text, st.width, std::string(margin, ' ')).substr(margin) + "\n";
}

std::string paragraph(std::string_view text, const TextStyle& st, std::string_view indent = "") {
  return wrap(printable(text), st.width, indent) + "\n";
}

std::string explain_block(const Faq& faq, const SearchResult& r, const TextStyle& st) {
  std::string out;
  if (!r.part.empty())
    out += paragraph(fmt::format("Answered from this part of the question: \"{}\"", printable(r.part)), st);
  out += dim("Words:", st) + "\n";
  for (const auto& t : r.terms) {
    std::string how(to_string(t.how));
    if (!t.via.empty()) how += " (" + printable(t.via) + ")";
    out += fmt::format("  {} -> {}  [{}, weight {:.2f}]\n", printable(t.word), printable(t.term), how, t.weight);
  }
  if (r.not_answered)
    out += fmt::format("closest to a question the FAQ does not answer: \"{}\" (cosine {:.3f})\n",
                       printable(faq.not_answered[*r.not_answered]), r.not_answered_cosine);
  if (!r.topical) out += "no word names a topic (only words like how, why, more), so no entry answers it\n";
  std::vector<Match> shown = r.matches;
  if (r.nearest) shown.push_back(*r.nearest);
  for (const auto& m : shown) {
    out += fmt::format("{}{} score {:.3f}, confidence {:.2f}\n",
                       r.matches.empty() ? (r.topical ? "nearest, below the minimum: " : "nearest: ") : "", printable(faq.entries[m.entry].id), m.score, m.confidence);
    for (const auto& c : m.contributions)
      out += fmt::format("  {} in {}: +{:.3f}\n", printable(r.terms[c.term].term), c.field, c.share);
  }
  return out;
}

} // namespace

std::string format_usd(double amount) {
  auto whole = static_cast<long long>(std::llround(amount));
  std::string digits = std::to_string(whole), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "$" + out;
}

std::string render_list(const Faq& faq) {
  std::size_t w = 0;
  for (const auto& e : faq.entries) w = std::max(w, display_width(e.id));
  std::string out;
  for (const auto& e : faq.entries)
    out += fmt::format("{}{:{}}  {}\n", printable(e.id), "", w - display_width(e.id), printable(e.question));
  return out;
}

std::string render_entry(const Entry& e, const TextStyle& st, bool related_line) {
  std::string out = bold(printable(e.question), st) + dim(fmt::format("  [{}]", printable(e.id)), st) + "\n";
  if (!e.short_answer.empty()) out += paragraph("» " + e.short_answer, st);
  out += paragraph(e.answer, st);
  if (related_line && !e.related.empty())
    out += dim(fmt::format("Related: {}", printable(fmt::format("{}", fmt::join(e.related, ", ")))), st) + "\n";
  return out;
}

std::string render_best(const Faq& faq, const Match& best, const TextStyle& st) {
  const Entry& e = faq.entries[best.entry];
  std::string out = bold(printable(e.question), st) +
                    dim(fmt::format("  [{}, confidence {:.2f}]", printable(e.id), best.confidence), st) + "\n";
  if (!e.short_answer.empty()) out += paragraph("» " + e.short_answer, st);
  out += paragraph(e.answer, st);
  return out;
}

std::string render_numbered(const Faq& faq, const std::vector<std::size_t>& entries, std::string_view title,
                            const TextStyle& st) {
  if (entries.empty()) return {};
  std::string out = dim(std::string(title), st) + "\n";
  const std::size_t number_width = std::to_string(entries.size()).size() + 2;
  std::size_t id_width = 0;
  for (std::size_t i : entries) id_width = std::max(id_width, display_width(faq.entries[i].id));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = faq.entries[entries[i]];
    out += fmt::format("{:>{}}  {}{:{}}  {}\n", i + 1, number_width, printable(e.id), "", id_width - display_width(e.id),
                       printable(e.question));
  }
  return out;
}

std::string render_answer(const Faq& faq, const SearchResult& r, const TextStyle& st, bool explain) {
  std::string out = render_best(faq, r.matches.front(), st);
  if (r.matches.size() > 1) {
    out += "\n" + dim("See also:", st) + "\n";
    for (std::size_t i = 1; i < r.matches.size(); ++i) {
      const Entry& o = faq.entries[r.matches[i].entry];
      out += fmt::format("  {}  {}\n", printable(o.id), printable(o.question));
    }
  }
  if (explain) out += "\n" + explain_block(faq, r, st);
  return out;
}

std::string render_no_answer(const Faq& faq, const SearchResult& r, const TextStyle& st, bool explain) {
  std::string who = faq.clinic.name.empty() ? std::string("the clinic") : printable(faq.clinic.name);
  if (!faq.clinic.phone.empty()) who += " at " + printable(faq.clinic.phone);
  std::string out = paragraph(fmt::format("The FAQ has no answer to this. Take a message, or refer the caller to {}.", who), st);
  if (explain) out += "\n" + explain_block(faq, r, st);
  return out;
}

std::string render_assessment(const Faq& faq, const Assessment& a, const TextStyle& st) {
  std::string out;
  for (const auto& n : a.notes) {
    out += hang(n.severity == Severity::flag ? red("FLAG", st) + " " : std::string(5, ' '), printable(n.text), 5, st);
  }
  if (!a.notes.empty()) out += "\n";
  out += bold("Estimate", st) + "\n";
  for (const CostItem* c : a.estimate.items) {
    std::string price = !c->priced ? "not priced" : c->max ? "under " + format_usd(*c->max) : *c->amount == 0 ? "free" : format_usd(*c->amount);
    std::string line = fmt::format("{}: {}", printable(c->label), price);
    if (!c->note.empty()) line += " (" + printable(c->note) + ")";
    out += hang("  ", line, 4, st);
  }
  out += fmt::format("  Total: {}{}\n", a.estimate.upper_bound ? "under " : "", format_usd(a.estimate.max));
  out += "\n" + bold("Next step", st) + "\n";
  std::string call = faq.clinic.phone.empty() ? std::string("Book") : "Call " + printable(faq.clinic.phone) + " to book";
  out += wrap(call + " a free consultation with our coordinator.", st.width, "  ") + "\n";
  if (!faq.disclaimer.empty()) out += "\n" + dim(wrap(printable(faq.disclaimer), st.width), st) + "\n";
  return out;
}

} // namespace faqdesk
