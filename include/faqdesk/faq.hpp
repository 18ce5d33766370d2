#pragma once
#include <optional>
#include <string>
#include <vector>

namespace faqdesk {

// 1-based position of a value in its source file; 0 when unknown.
struct SourcePos {
  int line = 0;
  int column = 0;
};

struct Clinic {
  std::string name;
  std::string phone;
};

struct Entry {
  std::string id;
  std::string question;
  std::string answer;
  std::string short_answer; // `short` in faq.yaml: the sentence to say first
  std::vector<std::string> alternates;
  std::vector<std::string> keywords;
  std::vector<std::string> related;
  SourcePos pos;
};

// Words a caller may use for the FAQ's own word `canonical`.
struct SynonymGroup {
  std::string canonical;
  std::vector<std::string> words;
  SourcePos pos; // of the group's name
};

enum class Severity { info, flag };

struct Note {
  Severity severity = Severity::info;
  std::string text;
};

struct ScreeningAnswer {
  std::string value;
  std::vector<std::string> aliases;
  std::vector<Note> notes;
  std::vector<std::string> costs; // ids of CostItem added by this answer
  SourcePos pos;
};

struct ScreeningQuestion {
  std::string id;
  std::string text;
  std::string related; // FAQ entry id, may be empty
  std::vector<ScreeningAnswer> answers;
  SourcePos pos;
};

struct CostItem {
  std::string id;
  std::string label;
  std::optional<double> amount; // exact price
  std::optional<double> max;     // upper bound ("generally under")
  bool priced = true;            // false: no price is quoted (e.g. insurance may cover it)
  bool always = false;           // included in every estimate
  std::string note;
  SourcePos pos;
};

struct Settings {
  std::optional<double> min_confidence;
  std::string unanswered_log;
};

// The whole FAQ as loaded from faq.yaml (or JSON of the same shape).
struct Faq {
  std::string source; // file name, for messages
  Clinic clinic;
  std::string disclaimer;
  std::vector<Entry> entries;
  std::vector<SynonymGroup> synonyms;
  // Questions callers ask that the FAQ does not answer (`not_answered`): a
  // question closest to one of these gets no answer rather than a nearby entry.
  std::vector<std::string> not_answered;
  // Words callers use that say nothing about what they ask, in this FAQ
  // (`ignore_words`: "clinic" in "does your clinic do knees"): dropped like
  // the built-in function words. Lowercase, one word each.
  std::vector<std::string> ignore_words;
  std::vector<ScreeningQuestion> screening;
  std::vector<CostItem> costs;
  Settings settings;

  const Entry* find_entry(std::string_view id) const;
  const CostItem* find_cost(std::string_view id) const;
};

} // namespace faqdesk
