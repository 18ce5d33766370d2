#include <faqdesk/files.hpp>

#include <cerrno>
#include <cstdlib>

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

std::string xdg_dir(const char* variable, const char* under_home) {
  const char* base = std::getenv(variable);
  if (base != nullptr && base[0] == '/') return std::string(base) + "/faqdesk";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') return std::string(home) + "/" + under_home + "/faqdesk";
  return {};
}

} // namespace faqdesk
