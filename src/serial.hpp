#pragma once
// A small binary encoding for the compiled-index cache: little-endian fixed
// widths, strings and vectors prefixed by their length. The reader checks every
// length against what is left, so a damaged file throws, never overreads.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace faqdesk::serial {

struct Malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Writer {
public:
  void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i32(std::int32_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  void strs(const std::vector<std::string>& v) {
    u64(v.size());
    for (const auto& s : v) str(s);
  }
  std::string& bytes() { return out_; }

private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class Reader {
public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint32_t u32() { return fixed<std::uint32_t>(); }
  std::uint64_t u64() { return fixed<std::uint64_t>(); }
  std::int32_t i32() { return fixed<std::int32_t>(); }
  double f64() { return fixed<double>(); }
  std::string str() { return std::string(view()); }
  // A string's bytes where they lie in the input, without a copy.
  std::string_view view() { return take(u64()); }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count(8));
    for (auto& s : v) s = str();
    return v;
  }
  // A count of items, each at least `min_size` bytes: checked against what is left.
  std::size_t count(std::size_t min_size) {
    auto n = u64();
    if (min_size > 0 && n > left() / min_size) [[unlikely]]
      throw Malformed("count past the end");
    return static_cast<std::size_t>(n);
  }
  std::size_t left() const { return in_.size() - pos_; }

private:
  template <class T> [[gnu::always_inline]] T fixed() {
    T v;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
  }
  // Inlined into every read (a call each was a tenth of a cached start);
  // the throw is out of line, off the path every read takes. The view is
  // made by hand: substr checks the range again, and g++ may call it out of line.
  [[gnu::always_inline]] std::string_view take(std::uint64_t n) {
    if (n > left()) [[unlikely]]
      past_end();
    const std::string_view s(in_.data() + pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return s;
  }
  [[noreturn, gnu::cold, gnu::noinline]] static void past_end() { throw Malformed("read past the end"); }
  std::string_view in_;
  std::size_t pos_ = 0;
};

// A fast 64-bit hash for cache keys and checksums (not for security).
inline std::uint64_t hash64(std::string_view s, std::uint64_t seed = 0x9e3779b97f4a7c15ULL) {
  std::uint64_t h = seed ^ (s.size() * 0xff51afd7ed558ccdULL);
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t k;
    std::memcpy(&k, s.data() + i, 8);
    h = (h ^ (k * 0xc4ceb9fe1a85ec53ULL)) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

} // namespace faqdesk::serial
