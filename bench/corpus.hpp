// What the comparison drivers read: the FAQ as `id<TAB>text` lines (written by
// bench/faq_tsv.py from the same faq.yaml faqdesk reads) and the questions,
// one a line. Each driver prints the top entry's id per question, "-" for none.
#pragma once
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bench {

inline std::vector<std::pair<std::string, std::string>> read_corpus(const char* path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  std::vector<std::pair<std::string, std::string>> docs;
  for (std::string line; std::getline(in, line);) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) docs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return docs;
}

// Lowercased ASCII words, for building OR queries.
inline std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) w += static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') w += static_cast<char>(c - 'A' + 'a');
    else if (!w.empty()) out.push_back(std::move(w)), w.clear();
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

} // namespace bench
