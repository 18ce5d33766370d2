#pragma once
#include <filesystem>
#include <string>

namespace faqdesk {

// mkdir -p, creating missing directories with mode 0700 (for the XDG state and
// cache directories faqdesk writes private files into). False when `dir` cannot
// be made or a part of it is not a directory; errno says why.
bool make_private_dirs(const std::filesystem::path& dir);

// faqdesk's XDG base directory: $`variable`/faqdesk when that is an absolute
// path, else $HOME/`under_home`/faqdesk; empty when neither is known.
// xdg_dir("XDG_CACHE_HOME", ".cache"), xdg_dir("XDG_STATE_HOME", ".local/state").
std::string xdg_dir(const char* variable, const char* under_home);

} // namespace faqdesk
