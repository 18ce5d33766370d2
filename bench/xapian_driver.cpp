// Top-1 with Xapian: English stemmer, BM25 (Xapian's default weighting), an
// OR query of the question's words, over an in-memory database of the FAQ.
#include <iostream>
#include <string>

#include <xapian.h>

#include "corpus.hpp"

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::cerr << "usage: bench_xapian CORPUS.tsv QUESTIONS\n";
    return 2;
  }
  const auto docs = bench::read_corpus(argv[1]);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator indexer;
  const Xapian::Stem stem("english");
  indexer.set_stemmer(stem);
  for (const auto& [id, text] : docs) {
    Xapian::Document doc;
    doc.set_data(id);
    indexer.set_document(doc);
    indexer.index_text(text);
    db.add_document(doc);
  }
  Xapian::QueryParser parser;
  parser.set_stemmer(stem);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_OR);
  parser.set_database(db);
  Xapian::Enquire enquire(db);
  std::ios::sync_with_stdio(false);
  std::string line, out;
  while (std::getline(std::cin, line)) {
    std::string q;
    for (const auto& w : bench::words(line)) q += w + ' ';
    enquire.set_query(parser.parse_query(q, 0));
    Xapian::MSet top = enquire.get_mset(0, 1);
    out += top.empty() ? std::string("-") : top.begin().get_document().get_data();
    out += '\n';
    if (out.size() > 1 << 16) std::cout << out, out.clear();
  }
  std::cout << out;
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_xapian: " << e.what() << '\n';
  return 2;
} catch (const Xapian::Error& e) {
  std::cerr << "bench_xapian: " << e.get_description() << '\n';
  return 2;
}
