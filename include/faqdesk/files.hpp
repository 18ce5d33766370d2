#pragma once
#include <filesystem>

namespace faqdesk {

// mkdir -p, creating missing directories with mode 0700 (for the XDG state and
// cache directories faqdesk writes private files into). False when `dir` cannot
// be made or a part of it is not a directory; errno says why.
bool make_private_dirs(const std::filesystem::path& dir);

} // namespace faqdesk
