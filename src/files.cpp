#include <faqdesk/files.hpp>

#include <cerrno>

#include <sys/stat.h>

namespace faqdesk {

bool make_private_dirs(const std::filesystem::path& dir) {
  if (dir.empty()) return true;
  struct stat st {};
  if (stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return true;
    errno = ENOTDIR;
    return false;
  }
  if (!make_private_dirs(dir.parent_path())) return false;
  return mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST;
}

} // namespace faqdesk
