# Write OUTPUT, a C++ file defining faqdesk::english_word_list(): the words of
# INPUT (a word list such as Debian's /usr/share/dict/american-english) that
# are all lower-case ASCII letters (no names, abbreviations or possessives),
# sorted byte-wise, one a line.
file(STRINGS "${INPUT}" words REGEX "^[a-z]+$")
list(REMOVE_DUPLICATES words)
list(SORT words COMPARE STRING)
list(LENGTH words count)
list(JOIN words "\n" text)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/words.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace faqdesk {\n"
  "// ${count} words, one a line, sorted.\n"
  "std::string_view english_word_list() {\n"
  "  static constexpr char words[] = R\"(${text}\n)\";\n"
  "  return {words, sizeof words - 1};\n"
  "}\n"
  "}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
