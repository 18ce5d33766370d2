#pragma once
// The compiled-FAQ cache: a parsed FAQ and its built index, stored under
// $XDG_CACHE_HOME/faqdesk/ so a call does not parse YAML and rebuild the index
// each time. Keyed by the FAQ's bytes and faqdesk's version, checked by a
// checksum, written atomically; anything wrong with it and it is rebuilt.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <faqdesk/faq.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/search_index.hpp>

namespace faqdesk {

struct Compiled {
  Faq faq;
  SearchIndex index;
};

// $XDG_CACHE_HOME/faqdesk (when absolute), else ~/.cache/faqdesk; empty when neither is known.
std::string default_cache_dir();

// The cache file for the FAQ named `name` (a path) in `dir`.
std::string cache_file_for(const std::string& dir, const std::string& name);

// The key of the FAQ `text` named `name` for this build of faqdesk.
std::uint64_t cache_key(std::string_view text, std::string_view name);

// The compiled FAQ in `file`, when it is whole, of this format and version, and
// has `key`; nullopt otherwise (missing, stale, truncated, corrupt, foreign).
std::optional<Compiled> read_compiled(const std::string& file, std::uint64_t key);

// Write `c` to `file` atomically (a private temporary file renamed over it),
// creating its directory with mode 0700. Returns false when it cannot.
bool write_compiled(const std::string& file, std::uint64_t key, const Compiled& c);

// How much the cache directory keeps: the files used last, up to this many
// and this many bytes between them.
struct CacheLimits {
  std::size_t files = 32;
  std::uintmax_t bytes = std::uintmax_t{1} << 30; // 1 GiB
};

// Remove the cache files in `dir` (faq-*.bin) beyond `limits`, oldest first
// (by modification time, which a read refreshes once a day), never `keep`:
// each FAQ path used has its own file, and scripts that make FAQs in
// temporary directories would otherwise fill the disk.
void prune_cache(const std::string& dir, const std::string& keep, const CacheLimits& limits = {});

// Load the FAQ `text` named `name` and build its index, from the cache in `dir`
// when it holds them (empty `dir`: no cache). When the cache is missing or not
// usable they are built from the text and the cache is written (and pruned to
// CacheLimits), silently: a cache that cannot be written only costs time.
// Throws Error for a bad FAQ.
Compiled compile_faq(std::string_view text, const std::string& name, const std::string& dir,
                     const LoadLimits& limits = {});

} // namespace faqdesk
