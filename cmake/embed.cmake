# Write OUTPUT, a C++ file defining the bytes of INPUT as faqdesk::embedded_faq().
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
math(EXPR length "${hex_length} / 2")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from faq.yaml by cmake/embed.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace faqdesk {\n"
  "namespace {\nconstexpr unsigned char bytes[] = {${bytes} 0};\n}\n"
  "std::string_view embedded_faq() { return {reinterpret_cast<const char*>(bytes), ${length}}; }\n"
  "}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
