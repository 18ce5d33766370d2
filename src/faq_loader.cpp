// Convert faq.yaml (or JSON of the same shape) into a Faq, once, reporting
// every problem with its line and column. yaml-cpp types stay in this file.
#include <faqdesk/faq_loader.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <initializer_list>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <faqdesk/error.hpp>
#include <faqdesk/text.hpp>
#include <faqdesk/tokenizer.hpp>

namespace faqdesk {
namespace {

using Keys = std::initializer_list<std::string_view>;

SourcePos pos_of(const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.is_null()) return {};
  return {m.line + 1, m.column + 1};
}

// Collects diagnostics while walking the document.
class Reader {
public:
  Reader(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}

  void error(SourcePos p, std::string message) {
    if (out_.size() < max_diagnostics) out_.push_back({file_, p.line, p.column, printable(message)});
  }
  void error(const YAML::Node& at, std::string message) { error(pos_of(at), std::move(message)); }

  // Check that `n` is a mapping whose keys are all in `known` and unique.
  bool check_map(const YAML::Node& n, std::string_view what, Keys known) {
    if (!n.IsMap()) {
      error(n, fmt::format("{} must be a mapping of keys to values", what));
      return false;
    }
    std::map<std::string, SourcePos> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) {
        error(it->first, fmt::format("{} has a key that is not a plain word", what));
        continue;
      }
      const auto key = it->first.Scalar();
      if (auto [prev, inserted] = seen.emplace(key, pos_of(it->first)); !inserted) {
        error(it->first, fmt::format("duplicate key '{}' in {} (first at line {})", key, what, prev->second.line));
        continue;
      }
      if (known.size() > 0 && std::find(known.begin(), known.end(), key) == known.end()) {
        std::vector<std::string> names(known.begin(), known.end());
        auto near = nearest(key, names, 1);
        error(it->first, near.empty()
                             ? fmt::format("unknown key '{}' in {}", key, what)
                             : fmt::format("unknown key '{}' in {} (did you mean '{}'?)", key, what, near[0]));
      }
    }
    return true;
  }

  // Return the text of `map[key]`; report it when required and missing or empty.
  std::string text(const YAML::Node& map, const char* key, std::string_view what, bool required) {
    const YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) {
      if (required) error(map, fmt::format("{} has no {}", what, key));
      return {};
    }
    if (!v.IsScalar()) {
      error(v, fmt::format("'{}' in {} must be text, not a {}", key, what, v.IsMap() ? "mapping" : "list"));
      return {};
    }
    std::string s(trim(v.Scalar()));
    if (s.empty() && required) error(v, fmt::format("{} has an empty {}", what, key));
    return s;
  }

  // Return `map[key]` as a list of texts; a lone scalar is an error (yaml-cpp
  // would silently iterate it as an empty list).
  std::vector<std::string> text_list(const YAML::Node& map, const char* key, std::string_view what) {
    std::vector<std::string> out;
    const YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) return out;
    if (!v.IsSequence()) {
      error(v, fmt::format("'{}' in {} must be a list (write [{}] or one '- item' per line)", key, what,
                           v.IsScalar() ? v.Scalar() : "..."));
      return out;
    }
    for (const auto& item : v) {
      if (!item.IsScalar()) {
        error(item, fmt::format("each item of '{}' in {} must be text", key, what));
        continue;
      }
      std::string s(trim(item.Scalar()));
      if (s.empty()) {
        error(item, fmt::format("'{}' in {} has an empty item", key, what));
        continue;
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  std::optional<double> number(const YAML::Node& map, const char* key, std::string_view what) {
    const YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) return std::nullopt;
    double d = 0;
    if (!v.IsScalar() || !YAML::convert<double>::decode(v, d)) {
      error(v, fmt::format("'{}' in {} must be a number", key, what));
      return std::nullopt;
    }
    return d;
  }

  std::optional<bool> boolean(const YAML::Node& map, const char* key, std::string_view what) {
    const YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) return std::nullopt;
    bool b = false;
    if (!v.IsScalar() || !YAML::convert<bool>::decode(v, b)) {
      error(v, fmt::format("'{}' in {} must be true or false", key, what));
      return std::nullopt;
    }
    return b;
  }

  // Return `map[key]` when it is a list; report it when it is something else.
  std::optional<YAML::Node> list(const YAML::Node& map, const char* key, std::string_view what, bool required) {
    const YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) {
      if (required) error(map, fmt::format("{} has no '{}' list", what, key));
      return std::nullopt;
    }
    if (!v.IsSequence()) {
      error(v, fmt::format("'{}' in {} must be a list", key, what));
      return std::nullopt;
    }
    return v;
  }

private:
  std::string file_;
  std::vector<Diagnostic>& out_;
};

// Parse `text`; turn a syntax error into an Error at its line and column.
// Turn yaml-cpp's exception into an Error at its position. A tab in the
// indentation on or before that line is the likely cause, and is named.
[[noreturn]] void yaml_error(std::string_view text, const std::string& name, const YAML::Exception& e) {
  const bool at = !e.mark.is_null();
  const int line = at ? e.mark.line + 1 : 0;
  int n = 1;
  for (std::size_t start = 0; start < text.size() && (line == 0 || n <= line); ++n) {
    std::size_t end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::size_t indent = l.find_first_not_of(" \t");
    if (indent != std::string_view::npos && l.substr(0, indent).find('\t') != std::string_view::npos)
      throw Error({{name, n, static_cast<int>(l.find('\t')) + 1, "a tab in the indentation; YAML indents with spaces"}});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  throw Error({{name, line, at ? e.mark.column + 1 : 0, printable(e.msg)}});
}

YAML::Node parse_yaml(std::string_view text, const std::string& name) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    yaml_error(text, name, e);
  }
}

std::string too_big(const std::string& name, std::uint64_t max_bytes, const InputKind& kind) {
  return fmt::format("{}: larger than {} bytes, the most {} may be{}", name, max_bytes, kind.most, kind.raise);
}

// 1-based line and column of byte `at` in `text`.
SourcePos position_of(std::string_view text, std::size_t at) {
  SourcePos p{1, 1};
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

// A FAQ is UTF-8 text: no NUL bytes, no invalid sequences. yaml-cpp would echo
// such bytes in its messages, or read on past them.
void check_bytes(std::string_view text, const std::string& name) {
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    SourcePos p = position_of(text, nul);
    throw Error({{name, p.line, p.column, "a NUL byte: this is not a text file"}});
  }
  const std::string valid = valid_utf8(text);
  if (valid != text) {
    std::size_t i = 0;
    while (i < text.size() && i < valid.size() && text[i] == valid[i]) ++i;
    SourcePos p = position_of(text, i);
    throw Error({{name, p.line, p.column, "invalid UTF-8; save the file as UTF-8"}});
  }
}

// Walks the YAML events before any tree is built, and stops at the first
// thing faqdesk refuses: an anchor or alias (a cycle or an alias bomb would
// otherwise be expanded), a second document, nesting deeper than the cap, too
// many nodes, or an over-long scalar.
class Guard : public YAML::EventHandler {
public:
  Guard(const std::string& name, const LoadLimits& limits) : name_(name), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark& m) override {
    if (++documents_ > 1) fail(m, "a second YAML document ('---'); a FAQ is one document");
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { node(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    fail(m, "an alias ('*'); faqdesk does not use YAML anchors and aliases: write the text out");
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string& value) override {
    node(m, a);
    if (value.size() > limits_.max_scalar_bytes)
      fail(m, fmt::format("a value of {} bytes; the most is {}", value.size(), limits_.max_scalar_bytes));
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnMapEnd() override { --depth_; }

private:
  [[noreturn]] void fail(const YAML::Mark& m, std::string message) {
    throw Error({{name_, m.is_null() ? 0 : m.line + 1, m.is_null() ? 0 : m.column + 1, std::move(message)}});
  }
  void node(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor) fail(m, "an anchor ('&'); faqdesk does not use YAML anchors and aliases");
    if (++nodes_ > limits_.max_nodes) fail(m, fmt::format("more than {} values in one FAQ", limits_.max_nodes));
  }
  void open(const YAML::Mark& m, YAML::anchor_t a) {
    node(m, a);
    if (++depth_ > limits_.max_depth) fail(m, fmt::format("nested deeper than {} levels", limits_.max_depth));
  }
  const std::string& name_;
  const LoadLimits& limits_;
  std::size_t documents_ = 0, nodes_ = 0, depth_ = 0;
};

void check_structure(std::string_view text, const std::string& name, const LoadLimits& limits) {
  std::istringstream in{std::string(text)};
  Guard guard(name, limits);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(guard)) {
    }
  } catch (const YAML::Exception& e) {
    yaml_error(text, name, e);
  }
}

bool is_slug(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

Entry read_entry(Reader& r, const YAML::Node& n, std::size_t index) {
  Entry e;
  e.pos = pos_of(n);
  // Name the entry by its id in every message, when it has one.
  std::string what = fmt::format("entry {}", index + 1);
  if (n.IsMap() && n["id"].IsDefined() && n["id"].IsScalar() && !trim(n["id"].Scalar()).empty())
    what = fmt::format("entry \"{}\"", trim(n["id"].Scalar()));
  if (!r.check_map(n, what, {"id", "question", "answer", "short", "alternates", "keywords", "related"}))
    return e;
  e.id = r.text(n, "id", what, true);
  if (!e.id.empty() && !is_slug(e.id))
    r.error(n["id"], fmt::format("id \"{}\" must use only lowercase letters, digits and hyphens", e.id));
  e.question = r.text(n, "question", what, true);
  e.answer = r.text(n, "answer", what, true);
  e.short_answer = r.text(n, "short", what, false);
  e.alternates = r.text_list(n, "alternates", what);
  e.keywords = r.text_list(n, "keywords", what);
  e.related = r.text_list(n, "related", what);
  return e;
}

Note read_note(Reader& r, const YAML::Node& n, std::string_view what) {
  Note note;
  if (!r.check_map(n, what, {"severity", "text"})) return note;
  std::string sev = r.text(n, "severity", what, false);
  if (sev == "flag") note.severity = Severity::flag;
  else if (sev.empty() || sev == "info") note.severity = Severity::info;
  else r.error(n["severity"], fmt::format("severity '{}' in {} must be 'info' or 'flag'", sev, what));
  note.text = r.text(n, "text", what, true);
  return note;
}

ScreeningQuestion read_question(Reader& r, const YAML::Node& n, std::size_t index) {
  ScreeningQuestion q;
  q.pos = pos_of(n);
  std::string where = fmt::format("screening question {}", index + 1);
  if (!r.check_map(n, where, {"id", "ask", "related", "answers"})) return q;
  q.id = r.text(n, "id", where, true);
  if (!q.id.empty()) where = fmt::format("screening question \"{}\"", q.id);
  q.text = r.text(n, "ask", where, true);
  q.related = r.text(n, "related", where, false);
  if (auto answers = r.list(n, "answers", where, true)) {
    for (const auto& a : *answers) {
      ScreeningAnswer ans;
      ans.pos = pos_of(a);
      std::string what = fmt::format("an answer of {}", where);
      if (!r.check_map(a, what, {"value", "aliases", "notes", "costs"})) continue;
      ans.value = to_lower_ascii(r.text(a, "value", what, true));
      if (!ans.value.empty()) what = fmt::format("answer '{}' of {}", ans.value, where);
      for (auto& alias : r.text_list(a, "aliases", what)) ans.aliases.push_back(to_lower_ascii(alias));
      if (auto notes = r.list(a, "notes", what, false))
        for (const auto& nn : *notes) ans.notes.push_back(read_note(r, nn, "a note of " + what));
      ans.costs = r.text_list(a, "costs", what);
      q.answers.push_back(std::move(ans));
    }
  }
  return q;
}

CostItem read_cost(Reader& r, const YAML::Node& n, std::size_t index) {
  CostItem c;
  c.pos = pos_of(n);
  std::string where = fmt::format("cost item {}", index + 1);
  if (!r.check_map(n, where, {"id", "label", "amount", "max", "priced", "always", "note"})) return c;
  c.id = r.text(n, "id", where, true);
  if (!c.id.empty()) where = fmt::format("cost item \"{}\"", c.id);
  c.label = r.text(n, "label", where, true);
  c.amount = r.number(n, "amount", where);
  c.max = r.number(n, "max", where);
  c.priced = r.boolean(n, "priced", where).value_or(true);
  c.always = r.boolean(n, "always", where).value_or(false);
  c.note = r.text(n, "note", where, false);
  if (c.priced && !c.amount && !c.max)
    r.error(n, fmt::format("{} needs an 'amount' or a 'max', or 'priced: false'", where));
  if (!c.priced && (c.amount || c.max))
    r.error(n, fmt::format("{} has 'priced: false' and a price; keep one", where));
  if (c.amount && c.max) r.error(n, fmt::format("{} has both 'amount' and 'max'; keep one", where));
  for (auto v : {c.amount, c.max})
    if (v && *v < 0) r.error(n, fmt::format("{} has a negative price", where));
  return c;
}

void read_document(Reader& r, const YAML::Node& root, Faq& faq) {
  if (!r.check_map(root, "the FAQ",
                   {"clinic", "disclaimer", "entries", "synonyms", "not_answered", "ignore_words", "screening", "costs",
                    "settings"}))
    return;
  if (const YAML::Node c = root["clinic"]; c.IsDefined() && r.check_map(c, "clinic", {"name", "phone"})) {
    faq.clinic.name = r.text(c, "name", "clinic", true);
    faq.clinic.phone = r.text(c, "phone", "clinic", false);
  }
  faq.disclaimer = r.text(root, "disclaimer", "the FAQ", false);
  if (auto entries = r.list(root, "entries", "the FAQ", true)) {
    std::size_t i = 0;
    for (const auto& e : *entries) faq.entries.push_back(read_entry(r, e, i++));
    if (faq.entries.empty()) r.error(*entries, "the FAQ has no entries");
  }
  if (const YAML::Node s = root["synonyms"]; s.IsDefined() && !s.IsNull() && r.check_map(s, "synonyms", {})) {
    for (auto it = s.begin(); it != s.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      SynonymGroup g{std::string(trim(it->first.Scalar())), {}, pos_of(it->first)};
      g.words = r.text_list(s, g.canonical.c_str(), fmt::format("synonyms of '{}'", g.canonical));
      faq.synonyms.push_back(std::move(g));
    }
  }
  faq.not_answered = r.text_list(root, "not_answered", "the FAQ");
  if (const YAML::Node w = root["ignore_words"]; w.IsDefined() && w.IsSequence())
    for (const auto& item : w) {
      // As a question's words are: "Clinic's" is "clinic".
      const std::vector<std::string> words = item.IsScalar() ? tokenize(item.Scalar()) : std::vector<std::string>{};
      if (words.size() > 1)
        r.error(item, fmt::format("'{}' in ignore_words is more than one word; list each word on its own", item.Scalar()));
      else if (words.size() == 1)
        faq.ignore_words.push_back(words[0]);
    }
  r.text_list(root, "ignore_words", "the FAQ"); // reports what is not a list of texts
  if (auto qs = r.list(root, "screening", "the FAQ", false)) {
    std::size_t i = 0;
    for (const auto& q : *qs) faq.screening.push_back(read_question(r, q, i++));
  }
  if (auto cs = r.list(root, "costs", "the FAQ", false)) {
    std::size_t i = 0;
    for (const auto& c : *cs) faq.costs.push_back(read_cost(r, c, i++));
  }
  if (const YAML::Node s = root["settings"];
      s.IsDefined() && !s.IsNull() && r.check_map(s, "settings", {"min_confidence", "unanswered_log"})) {
    faq.settings.min_confidence = r.number(s, "min_confidence", "settings");
    if (auto m = faq.settings.min_confidence; m && (*m < 0 || *m > 1))
      r.error(s["min_confidence"], "min_confidence in settings must be between 0 and 1");
    faq.settings.unanswered_log = r.text(s, "unanswered_log", "settings", false);
  }
}

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.id);
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& names) {
  auto near = nearest(word, names, 1);
  return near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near[0]);
}

// Check what spans the document: unique ids, references that resolve.
void cross_check(Reader& r, const Faq& faq) {
  const auto entry_ids = ids_of(faq.entries);
  const auto cost_ids = ids_of(faq.costs);
  std::map<std::string, SourcePos> seen;
  for (const auto& e : faq.entries) {
    if (e.id.empty()) continue;
    if (auto [prev, inserted] = seen.emplace(e.id, e.pos); !inserted)
      r.error(e.pos, fmt::format("duplicate id \"{}\" (first at line {})", e.id, prev->second.line));
  }
  for (const auto& e : faq.entries)
    for (const auto& rel : e.related)
      if (!faq.find_entry(rel))
        r.error(e.pos, fmt::format("entry \"{}\" relates to unknown id \"{}\"{}", e.id, rel, did_you_mean(rel, entry_ids)));
  seen.clear();
  for (const auto& c : faq.costs) {
    if (c.id.empty()) continue;
    if (auto [prev, inserted] = seen.emplace(c.id, c.pos); !inserted)
      r.error(c.pos, fmt::format("duplicate cost id \"{}\" (first at line {})", c.id, prev->second.line));
  }
  seen.clear();
  for (const auto& q : faq.screening) {
    if (q.id.empty()) continue;
    if (auto [prev, inserted] = seen.emplace(q.id, q.pos); !inserted)
      r.error(q.pos, fmt::format("duplicate screening id \"{}\" (first at line {})", q.id, prev->second.line));
    if (!q.related.empty() && !faq.find_entry(q.related))
      r.error(q.pos, fmt::format("screening question \"{}\" relates to unknown entry \"{}\"{}", q.id, q.related,
                                 did_you_mean(q.related, entry_ids)));
    std::map<std::string, std::string> words; // answer word or alias -> answer value
    for (const auto& a : q.answers) {
      if (a.notes.empty() && a.costs.empty())
        r.error(a.pos, fmt::format("answer '{}' of screening question \"{}\" has no effect: give it a note or a cost",
                                   a.value, q.id));
      for (const auto& c : a.costs)
        if (!faq.find_cost(c))
          r.error(a.pos, fmt::format("answer '{}' of screening question \"{}\" adds undefined cost \"{}\"{}", a.value,
                                     q.id, c, did_you_mean(c, cost_ids)));
      std::vector<std::string> all{a.value};
      all.insert(all.end(), a.aliases.begin(), a.aliases.end());
      for (const auto& w : all) {
        if (w.empty()) continue;
        if (w == "?")
          r.error(a.pos, fmt::format("answer '{}' of screening question \"{}\" uses '?', which is reserved for "
                                     "showing the related entry",
                                     a.value, q.id));
        if (auto [prev, inserted] = words.emplace(w, a.value); !inserted)
          r.error(a.pos, fmt::format("screening question \"{}\" uses '{}' for both '{}' and '{}'", q.id, w,
                                     prev->second, a.value));
      }
    }
  }
  // A question both answered and listed as not answered is a contradiction.
  // Keyed by the short list, not by every phrasing: most FAQs have none, and
  // this runs at every load.
  std::map<std::string, const Entry*> answered_by; // lowercased not_answered -> first entry with it
  for (const auto& q : faq.not_answered) answered_by.emplace(to_lower_ascii(q), nullptr);
  if (!answered_by.empty())
    for (const auto& e : faq.entries) {
      auto mark = [&](const std::string& phrasing) {
        if (auto it = answered_by.find(to_lower_ascii(phrasing)); it != answered_by.end() && it->second == nullptr)
          it->second = &e;
      };
      mark(e.question);
      for (const auto& a : e.alternates) mark(a);
    }
  for (const auto& q : faq.not_answered)
    if (const Entry* e = answered_by.at(to_lower_ascii(q)); e != nullptr)
      r.error(e->pos, fmt::format("\"{}\" is a phrasing of entry \"{}\" and is also under not_answered; keep one", q, e->id));
  std::map<std::string, std::string> synonym_of;
  for (const auto& g : faq.synonyms)
    for (const auto& w : g.words) {
      auto key = to_lower_ascii(w);
      if (auto [prev, inserted] = synonym_of.emplace(key, g.canonical); !inserted && prev->second != g.canonical)
        r.error(SourcePos{}, fmt::format("synonym '{}' is listed under both '{}' and '{}'", w, prev->second, g.canonical));
    }
}

} // namespace

Faq load_faq_text(std::string_view text, const std::string& name, const LoadLimits& limits) {
  if (text.size() > limits.max_bytes) throw Error(too_big(printable(name), limits.max_bytes, faq_input));
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  check_bytes(text, name);
  check_structure(text, name, limits);
  std::vector<Diagnostic> diags;
  Reader r(name, diags);
  Faq faq;
  faq.source = name;
  YAML::Node root = parse_yaml(text, name);
  if (!root.IsDefined() || root.IsNull()) throw Error({{name, 0, 0, "the file is empty: it needs at least 'entries'"}});
  try {
    read_document(r, root, faq);
  } catch (const YAML::Exception& e) {
    // yaml-cpp throws on a node it cannot give; report it as a problem of the file, never crash.
    r.error(SourcePos{e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1}, e.msg);
    throw Error(std::move(diags));
  }
  cross_check(r, faq);
  if (!diags.empty()) throw Error(std::move(diags));
  return faq;
}

std::string read_input(const std::string& path, std::uint64_t max_bytes, const InputKind& kind) {
  std::string text;
  char buf[1 << 16];
  if (path == "-") {
    // Read at most one byte past the limit, so an endless stream is refused, not buffered.
    while (text.size() <= max_bytes && std::cin.read(buf, sizeof buf).gcount() > 0)
      text.append(buf, static_cast<std::size_t>(std::cin.gcount()));
    if (text.size() > max_bytes) throw Error(too_big("(stdin)", max_bytes, kind));
    return text;
  }
  const std::string name = printable(path);
  // O_NONBLOCK: opening a FIFO with no writer must not hang; cleared before reading.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw Error(fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (fstat(fd, &st) != 0) throw Error(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) throw Error(fmt::format("{}: is a directory, not a {}", name, kind.noun));
  if (!S_ISREG(st.st_mode))
    throw Error(fmt::format("{}: is not a regular file ({}); give faqdesk {}", name,
                            S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket" : "a device", kind.want));
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) throw Error(too_big(name, max_bytes, kind));
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  // Read straight into the string, sized from fstat (one spare byte shows
  // that the file grew while being read).
  std::size_t used = 0;
  text.resize(static_cast<std::size_t>(st.st_size) + 1);
  for (;;) {
    if (used == text.size()) text.resize(text.size() * 2);
    ssize_t n = ::read(fd, text.data() + used, text.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
    if (used > max_bytes) throw Error(too_big(name, max_bytes, kind)); // it grew while read
  }
  text.resize(used);
  return text;
}

std::string read_faq_file(const std::filesystem::path& path, const LoadLimits& limits) {
  return read_input(path.string(), limits.max_bytes, faq_input);
}

Faq load_faq_file(const std::filesystem::path& path, const LoadLimits& limits) {
  return load_faq_text(read_faq_file(path, limits), path.string(), limits);
}

} // namespace faqdesk

namespace faqdesk {

std::map<std::string, std::string> load_answers_text(std::string_view text, const std::string& name) {
  const LoadLimits& limits = answers_limits;
  if (text.size() > limits.max_bytes) throw Error(too_big(printable(name), limits.max_bytes, answers_input));
  check_bytes(text, name);
  check_structure(text, name, limits);
  YAML::Node root = parse_yaml(text, name);
  std::vector<Diagnostic> diags;
  Reader r(name, diags);
  std::map<std::string, std::string> out;
  if (r.check_map(root, "the answers", {}))
    for (auto it = root.begin(); it != root.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      if (!it->second.IsScalar()) {
        r.error(it->second, fmt::format("the answer to '{}' must be a single word", it->first.Scalar()));
        continue;
      }
      out[it->first.Scalar()] = it->second.Scalar();
    }
  if (!diags.empty()) throw Error(std::move(diags));
  return out;
}

} // namespace faqdesk
