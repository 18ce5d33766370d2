// The compiled-FAQ cache: a hit gives the same answers as a fresh build, and
// every kind of bad cache file is rebuilt, never trusted and never a crash.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <faqdesk/cache.hpp>
#include <faqdesk/error.hpp>
#include <faqdesk/version.hpp>

#include "same_result.hpp"

using namespace faqdesk;
namespace fs = std::filesystem;

namespace {

struct CacheDir {
  fs::path path;
  CacheDir() {
    char tmpl[] = "/tmp/faqdesk-cache-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~CacheDir() { fs::remove_all(path); }
  std::string dir() const { return (path / "faqdesk").string(); }
};

const std::string name = "/clinic/faq.yaml";
const std::string text(embedded_faq());

std::string slurp(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
void spit(const std::string& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

std::string top(const Compiled& c, std::string_view q) {
  auto r = c.index.search(q);
  return r.matches.empty() ? "" : c.faq.entries[r.matches[0].entry].id;
}

// Build the cache file for `text`, then return its path.
std::string cached_file(const CacheDir& d) {
  compile_faq(text, name, d.dir());
  auto file = cache_file_for(d.dir(), name);
  REQUIRE(fs::exists(file));
  return file;
}

} // namespace

TEST_CASE("cache: the first call writes a private file; the next is read from it with the same answers") {
  CacheDir d;
  Compiled fresh = compile_faq(text, name, d.dir());
  auto file = cache_file_for(d.dir(), name);
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto hit = read_compiled(file, cache_key(text, name));
  REQUIRE(hit.has_value());
  CHECK(hit->faq.entries.size() == fresh.faq.entries.size());
  CHECK(!hit->faq.not_answered.empty());
  CHECK(hit->faq.not_answered == fresh.faq.not_answered);
  CHECK(!hit->faq.ignore_words.empty());
  CHECK(hit->faq.ignore_words == fresh.faq.ignore_words);
  CHECK(hit->faq.source == name);
  CHECK(hit->index.threshold() == fresh.index.threshold());
  // Every term as normalised (synonym words and phrases, corrections,
  // function words, unknown words) and every match, as a fresh build gives them.
  for (auto q : {"how much is it", "cots", "does it hurt", "do i need an mri", "where do i park", "lipo",
                 "is it out of pocket", "x ray of my knee", "waht is the pricce", "zzqx blorf knee",
                 "hurting after the liposucton", "the the and of", "do you treat hip arthritis",
                 "what does your clinik charge", "tell me more", "hi how are you"}) {
    CAPTURE(q);
    CHECK(top(*hit, q) == top(fresh, q));
    SearchOptions all;
    all.top = 16;
    all.explain = true;
    test::check_same_result(hit->index.search(q, all), fresh.index.search(q, all));
  }
}

TEST_CASE("cache: a changed FAQ is stale; the new text is answered, not the cached one") {
  CacheDir d;
  auto file = cached_file(d);
  std::string changed = text;
  changed.replace(changed.find("max: 7000"), 9, "max: 6500");
  CHECK_FALSE(read_compiled(file, cache_key(changed, name)).has_value());
  Compiled c = compile_faq(changed, name, d.dir());
  CHECK(*c.faq.find_cost("procedure")->max == 6500);
  CHECK(read_compiled(file, cache_key(changed, name)).has_value()); // rewritten for the new text
}

TEST_CASE("cache: truncated, corrupted, foreign or empty files are never used") {
  CacheDir d;
  auto file = cached_file(d);
  const std::string good = slurp(file);
  const auto key = cache_key(text, name);
  SUBCASE("truncated") { spit(file, good.substr(0, good.size() / 2)); }
  SUBCASE("one byte flipped in the payload") {
    std::string bad = good;
    bad[bad.size() / 2] ^= 0x20;
    spit(file, bad);
  }
  SUBCASE("trailing bytes") { spit(file, good + "x"); }
  SUBCASE("empty") { spit(file, ""); }
  SUBCASE("foreign bytes") { spit(file, std::string(4096, '\x7f')); }
  SUBCASE("another format version") {
    std::string bad = good;
    bad[8] = static_cast<char>(bad[8] + 1); // the u32 after the 8-byte magic
    spit(file, bad);
  }
  SUBCASE("another faqdesk build") {
    std::string bad = good;
    auto at = bad.find(std::string(version()));
    REQUIRE(at != std::string::npos);
    bad[at] = '9';
    spit(file, bad);
  }
  CHECK_FALSE(read_compiled(file, key).has_value());
  // compile_faq rebuilds silently and repairs the file.
  Compiled c = compile_faq(text, name, d.dir());
  CHECK(top(c, "how much is it") == "cost");
  CHECK(slurp(file) == good);
}

TEST_CASE("cache: an index that does not fit its FAQ is refused, even with a valid checksum") {
  Compiled c = compile_faq(text, name, "");
  std::string bytes = c.index.serialize();
  Faq fewer = c.faq;
  fewer.entries.pop_back();
  CHECK_THROWS(SearchIndex::restore(bytes, fewer));
  Faq answering_all = c.faq;
  answering_all.not_answered.clear();
  CHECK_THROWS(SearchIndex::restore(bytes, answering_all));
  CHECK_THROWS(SearchIndex::restore(bytes.substr(0, bytes.size() - 1), c.faq));
  CHECK_THROWS(SearchIndex::restore(std::string(64, '\xff'), c.faq));
  CHECK_NOTHROW(SearchIndex::restore(bytes, c.faq));
}

TEST_CASE("cache: an unwritable cache directory only costs time") {
  CacheDir d;
  spit(d.dir(), "a file where the cache directory should be");
  Compiled c = compile_faq(text, name, d.dir());
  CHECK(top(c, "does it hurt") == "pain");
  CHECK(fs::is_regular_file(d.dir()));
  CHECK_FALSE(write_compiled(cache_file_for(d.dir(), name), cache_key(text, name), c));
}

TEST_CASE("cache: a bad FAQ is reported as before, and nothing is cached for it") {
  CacheDir d;
  CHECK_THROWS_AS(compile_faq("entries: [", name, d.dir()), Error);
  CHECK_FALSE(fs::exists(cache_file_for(d.dir(), name)));
}

TEST_CASE("cache: the directory keeps the files used last, so FAQs made in temporary directories do not fill the disk") {
  CacheDir d;
  // A script asks 40 FAQs, each at its own path: the cache keeps 32 files.
  auto path_of = [](int k) { return "/tmp/run-" + std::to_string(k) + "/faq.yaml"; };
  compile_faq(text, name, d.dir()); // the clinic's own, used first
  const auto clinic_file = cache_file_for(d.dir(), name);
  // Used again a week later: its time is refreshed, so it outlives the others.
  const struct timespec week_ago[2] = {{time(nullptr) - 7 * 24 * 3600, 0}, {time(nullptr) - 7 * 24 * 3600, 0}};
  REQUIRE(utimensat(AT_FDCWD, clinic_file.c_str(), week_ago, 0) == 0);
  REQUIRE(read_compiled(clinic_file, cache_key(text, name)).has_value());
  struct stat st {};
  REQUIRE(stat(clinic_file.c_str(), &st) == 0);
  CHECK(st.st_mtime > time(nullptr) - 3600);
  for (int k = 0; k < 40; ++k) {
    const std::string made = path_of(k);
    // Each a second older than the next, as a real run's would be.
    compile_faq(text, made, d.dir());
    const auto file = cache_file_for(d.dir(), made);
    const struct timespec when[2] = {{time(nullptr) - 100 + k, 0}, {time(nullptr) - 100 + k, 0}};
    REQUIRE(utimensat(AT_FDCWD, file.c_str(), when, 0) == 0);
  }
  std::size_t files = 0;
  for (const auto& f : fs::directory_iterator(d.dir())) files += f.path().filename().string().starts_with("faq-") ? 1 : 0;
  CHECK(files == 32);
  CHECK(fs::exists(cache_file_for(d.dir(), path_of(39)))); // the newest
  CHECK(fs::exists(clinic_file));                          // refreshed by its use
  CHECK_FALSE(fs::exists(cache_file_for(d.dir(), path_of(0))));
  // A byte limit: only the file just written is kept, however large.
  prune_cache(d.dir(), cache_file_for(d.dir(), path_of(20)), CacheLimits{32, 1});
  files = 0;
  for (const auto& f : fs::directory_iterator(d.dir())) files += f.path().filename().string().starts_with("faq-") ? 1 : 0;
  CHECK(files == 1);
  CHECK(fs::exists(cache_file_for(d.dir(), path_of(20))));
}
