// Top-1 with SQLite FTS5 through its C API: the porter tokenizer, bm25()
// ranking, an OR query of the question's words, over an in-memory table of the
// FAQ, one prepared statement for every question.
#include <iostream>
#include <string>

#include <sqlite3.h>

#include "corpus.hpp"

namespace {
void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}
} // namespace

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::cerr << "usage: bench_fts5 CORPUS.tsv QUESTIONS\n";
    return 2;
  }
  const auto docs = bench::read_corpus(argv[1]);
  sqlite3* db = nullptr;
  check(sqlite3_open(":memory:", &db), db, "open");
  check(sqlite3_exec(db, "CREATE VIRTUAL TABLE faq USING fts5(id UNINDEXED, text, tokenize='porter')", nullptr,
                     nullptr, nullptr),
        db, "create");
  check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(db, "INSERT INTO faq(id, text) VALUES (?, ?)", -1, &insert, nullptr), db, "prepare");
  for (const auto& [id, text] : docs) {
    sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, text.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_stmt* query = nullptr;
  check(sqlite3_prepare_v2(db, "SELECT id FROM faq WHERE faq MATCH ? ORDER BY bm25(faq) LIMIT 1", -1, &query, nullptr),
        db, "prepare");
  std::ios::sync_with_stdio(false);
  std::string line, out;
  while (std::getline(std::cin, line)) {
    std::string q;
    for (const auto& w : bench::words(line)) q += (q.empty() ? "\"" : " OR \"") + w + '"';
    bool found = false;
    if (!q.empty()) {
      sqlite3_bind_text(query, 1, q.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(query) == SQLITE_ROW) {
        out += reinterpret_cast<const char*>(sqlite3_column_text(query, 0));
        found = true;
      }
      sqlite3_reset(query);
    }
    out += found ? "\n" : "-\n";
    if (out.size() > 1 << 16) std::cout << out, out.clear();
  }
  std::cout << out;
  sqlite3_finalize(query);
  sqlite3_close(db);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_fts5: " << e.what() << '\n';
  return 2;
}
