#include <faqdesk/cache.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <limits>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <faqdesk/files.hpp>

#include <faqdesk/faq_loader.hpp>
#include <faqdesk/version.hpp>

#include "serial.hpp"

namespace faqdesk {
namespace {

constexpr char magic[8] = {'F', 'A', 'Q', 'D', 'E', 'S', 'K', '\x01'};
constexpr std::uint32_t format_version = 10;

// A cache file read again after this long is marked as used (prune_cache).
constexpr std::time_t refresh_after = 24 * 60 * 60;

std::string build_id() { return std::string(version()) + "+" + std::string(git_revision()); }

void put_pos(serial::Writer& w, const SourcePos& p) {
  w.i32(p.line);
  w.i32(p.column);
}
SourcePos get_pos(serial::Reader& r) {
  SourcePos p;
  p.line = r.i32();
  p.column = r.i32();
  return p;
}
void put_opt(serial::Writer& w, const std::optional<double>& v) {
  w.u8(v.has_value());
  w.f64(v.value_or(0));
}
std::optional<double> get_opt(serial::Reader& r) {
  bool has = r.u8() != 0;
  double v = r.f64();
  return has ? std::optional<double>(v) : std::nullopt;
}

std::string serialize_faq(const Faq& f) {
  serial::Writer w;
  w.str(f.source);
  w.str(f.clinic.name);
  w.str(f.clinic.phone);
  w.str(f.disclaimer);
  w.u64(f.entries.size());
  for (const auto& e : f.entries) {
    w.str(e.id);
    w.str(e.question);
    w.str(e.answer);
    w.str(e.short_answer);
    w.strs(e.alternates);
    w.strs(e.keywords);
    w.strs(e.related);
    put_pos(w, e.pos);
  }
  w.u64(f.synonyms.size());
  for (const auto& g : f.synonyms) {
    w.str(g.canonical);
    w.strs(g.words);
    put_pos(w, g.pos);
  }
  w.strs(f.not_answered);
  w.strs(f.ignore_words);
  w.u64(f.screening.size());
  for (const auto& q : f.screening) {
    w.str(q.id);
    w.str(q.text);
    w.str(q.related);
    put_pos(w, q.pos);
    w.u64(q.answers.size());
    for (const auto& a : q.answers) {
      w.str(a.value);
      w.strs(a.aliases);
      w.u64(a.notes.size());
      for (const auto& n : a.notes) {
        w.u8(n.severity == Severity::flag);
        w.str(n.text);
      }
      w.strs(a.costs);
      put_pos(w, a.pos);
    }
  }
  w.u64(f.costs.size());
  for (const auto& c : f.costs) {
    w.str(c.id);
    w.str(c.label);
    put_opt(w, c.amount);
    put_opt(w, c.max);
    w.u8(c.priced);
    w.u8(c.always);
    w.str(c.note);
    put_pos(w, c.pos);
  }
  put_opt(w, f.settings.min_confidence);
  w.str(f.settings.unanswered_log);
  return std::move(w.bytes());
}

Faq restore_faq(std::string_view bytes) {
  serial::Reader r(bytes);
  Faq f;
  f.source = r.str();
  f.clinic.name = r.str();
  f.clinic.phone = r.str();
  f.disclaimer = r.str();
  f.entries.resize(r.count(8 * 7 + 8));
  for (auto& e : f.entries) {
    e.id = r.str();
    e.question = r.str();
    e.answer = r.str();
    e.short_answer = r.str();
    e.alternates = r.strs();
    e.keywords = r.strs();
    e.related = r.strs();
    e.pos = get_pos(r);
  }
  f.synonyms.resize(r.count(16));
  for (auto& g : f.synonyms) {
    g.canonical = r.str();
    g.words = r.strs();
    g.pos = get_pos(r);
  }
  f.not_answered = r.strs();
  f.ignore_words = r.strs();
  f.screening.resize(r.count(8 * 4 + 8));
  for (auto& q : f.screening) {
    q.id = r.str();
    q.text = r.str();
    q.related = r.str();
    q.pos = get_pos(r);
    q.answers.resize(r.count(8 * 4 + 8));
    for (auto& a : q.answers) {
      a.value = r.str();
      a.aliases = r.strs();
      a.notes.resize(r.count(9));
      for (auto& n : a.notes) {
        n.severity = r.u8() != 0 ? Severity::flag : Severity::info;
        n.text = r.str();
      }
      a.costs = r.strs();
      a.pos = get_pos(r);
    }
  }
  f.costs.resize(r.count(8 * 3 + 9 * 2 + 2 + 8));
  for (auto& c : f.costs) {
    c.id = r.str();
    c.label = r.str();
    c.amount = get_opt(r);
    c.max = get_opt(r);
    c.priced = r.u8() != 0;
    c.always = r.u8() != 0;
    c.note = r.str();
    c.pos = get_pos(r);
  }
  f.settings.min_confidence = get_opt(r);
  f.settings.unanswered_log = r.str();
  if (r.left() != 0) throw serial::Malformed("trailing bytes");
  // What the loader guarantees and the rest of faqdesk relies on.
  for (const auto& q : f.screening)
    for (const auto& a : q.answers)
      for (const auto& id : a.costs)
        if (f.find_cost(id) == nullptr) throw serial::Malformed("unknown cost");
  return f;
}

} // namespace

std::string default_cache_dir() { return xdg_dir("XDG_CACHE_HOME", ".cache"); }

std::string cache_file_for(const std::string& dir, const std::string& name) {
  std::error_code ec;
  std::string where = std::filesystem::absolute(name, ec).lexically_normal().string();
  if (ec) where = name;
  return fmt::format("{}/faq-{:016x}.bin", dir, serial::hash64(where));
}

std::uint64_t cache_key(std::string_view text, std::string_view name) {
  return serial::hash64(text, serial::hash64(name, serial::hash64(build_id())));
}

namespace {
// A regular file's bytes, read into memory of their own: anonymous pages,
// huge pages where the kernel grants them, populated before the read, so
// reading a cache costs a handful of page faults instead of one per 4 KiB.
// (Not a mapping of the file itself: a file truncated under a mapping would
// kill the process.)
class FileBytes {
public:
  explicit FileBytes(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return;
    struct stat st {};
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      modified_ = st.st_mtime;
      capacity_ = static_cast<std::size_t>(st.st_size);
      void* p = ::mmap(nullptr, capacity_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<char*>(p);
        ::madvise(p, capacity_, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
        // All the pages at once, not a fault per page as read() fills them
        // (Linux 5.14 and later; elsewhere this fails and changes nothing).
        ::madvise(p, capacity_, MADV_POPULATE_WRITE);
#endif
        while (size_ < capacity_) {
          const ssize_t n = ::read(fd, data_ + size_, capacity_ - size_);
          if (n < 0 && errno == EINTR) continue;
          if (n <= 0) break; // shorter than it was: the checks on the bytes refuse it
          size_ += static_cast<std::size_t>(n);
        }
      }
    }
    ::close(fd);
  }
  ~FileBytes() {
    if (data_ != nullptr) ::munmap(data_, capacity_);
  }
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  bool ok() const { return data_ != nullptr; }
  std::string_view bytes() const { return {data_, size_}; }
  std::time_t modified() const { return modified_; }

private:
  std::time_t modified_ = 0;
  char* data_ = nullptr;
  std::size_t size_ = 0, capacity_ = 0;
};
} // namespace

void prune_cache(const std::string& dir, const std::string& keep, const CacheLimits& limits) {
  namespace fs = std::filesystem;
  struct Cached {
    fs::path path;
    bool kept; // the file just written
    fs::file_time_type modified;
    std::uintmax_t size;
  };
  const fs::path kept = fs::path(keep).filename();
  std::vector<Cached> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path name = it->path().filename();
    if (!name.string().starts_with("faq-") || name.extension() != ".bin") continue;
    std::error_code e1, e2;
    const auto modified = it->last_write_time(e1);
    const auto size = it->file_size(e2);
    if (!e1 && !e2) files.push_back({it->path(), name == kept, modified, size});
  }
  if (ec) return;
  // Newest first; the file just written stays whatever its size.
  std::sort(files.begin(), files.end(), [](const Cached& a, const Cached& b) {
    return a.kept != b.kept ? a.kept : a.modified > b.modified;
  });
  std::size_t count = 0;
  std::uintmax_t bytes = 0;
  for (const Cached& f : files) {
    ++count;
    bytes += f.size;
    if (!f.kept && (count > limits.files || bytes > limits.bytes)) fs::remove(f.path, ec);
  }
}

std::optional<Compiled> read_compiled(const std::string& file, std::uint64_t key) {
  try {
    // A missing or unreadable cache file is a miss like any other.
    const FileBytes data(file);
    if (!data.ok()) return std::nullopt;
    serial::Reader r(data.bytes());
    for (char m : magic)
      if (static_cast<char>(r.u8()) != m) return std::nullopt;
    if (r.u32() != format_version || r.str() != build_id() || r.u64() != key) return std::nullopt;
    const std::string_view payload_faq = r.view();
    const std::string_view payload_index = r.view();
    const std::uint64_t checksum = r.u64();
    if (r.left() != 0 || checksum != serial::hash64(payload_index, serial::hash64(payload_faq))) return std::nullopt;
    Faq faq = restore_faq(payload_faq);
    SearchIndex index = SearchIndex::restore(payload_index, faq);
    // The cache keeps the files used last (prune_cache): a file in use is
    // marked so, at most once a day, rather than written to at every call.
    if (std::time(nullptr) - data.modified() > refresh_after) ::utimensat(AT_FDCWD, file.c_str(), nullptr, 0);
    return Compiled{std::move(faq), std::move(index)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool write_compiled(const std::string& file, std::uint64_t key, const Compiled& c) {
  const std::filesystem::path path(file);
  if (!make_private_dirs(path.parent_path())) return false;
  serial::Writer w;
  for (char m : magic) w.u8(static_cast<std::uint8_t>(m));
  w.u32(format_version);
  w.str(build_id());
  w.u64(key);
  const std::string payload_faq = serialize_faq(c.faq), payload_index = c.index.serialize();
  w.str(payload_faq);
  w.str(payload_index);
  w.u64(serial::hash64(payload_index, serial::hash64(payload_faq)));
  std::string temp = file + ".XXXXXX";
  int fd = mkstemp(temp.data()); // mode 0600
  if (fd < 0) return false;
  const std::string& bytes = w.bytes();
  std::size_t put = 0;
  while (put < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + put, bytes.size() - put);
    if (n <= 0) break;
    put += static_cast<std::size_t>(n);
  }
  bool ok = put == bytes.size();
  ok = ::close(fd) == 0 && ok;
  if (ok && std::rename(temp.c_str(), file.c_str()) == 0) return true;
  ::unlink(temp.c_str());
  return false;
}

Compiled compile_faq(std::string_view text, const std::string& name, const std::string& dir, const LoadLimits& limits) {
  const std::string file = dir.empty() ? std::string() : cache_file_for(dir, name);
  const std::uint64_t key = cache_key(text, name);
  if (!file.empty())
    if (auto cached = read_compiled(file, key)) return std::move(*cached);
  Faq faq = load_faq_text(text, name, limits);
  SearchIndex index(faq);
  Compiled c{std::move(faq), std::move(index)};
  if (!file.empty() && write_compiled(file, key, c)) prune_cache(dir, file);
  return c;
}

} // namespace faqdesk
