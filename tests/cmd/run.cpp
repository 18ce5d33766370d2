#include "run.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "faqdesk-test-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const {
  auto p = path / name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

std::filesystem::path source(const std::string& relative) { return std::filesystem::path(FAQDESK_SOURCE_DIR) / relative; }

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
} // namespace

Result faqdesk(const std::vector<std::string>& args, const Options& options) {
  TempDir io;
  TempDir work;
  const auto cwd = options.cwd.empty() ? work.path : options.cwd;
  const auto in = io.write("stdin", options.input);
  const auto out = io.path / "stdout", err = io.path / "stderr";
  std::vector<std::string> env_strings{"PATH=/usr/bin:/bin", "HOME=" + work.path.string(), "LC_ALL=C.UTF-8",
                                       "XDG_CACHE_HOME=" + (work.path / "cache").string(),
                                       "XDG_STATE_HOME=" + (work.path / "state").string()};
  for (const char* pass : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
    if (const char* v = std::getenv(pass)) env_strings.push_back(std::string(pass) + "=" + v);
  for (const auto& [k, v] : options.env) env_strings.push_back(k + "=" + v);
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int fin = open(in.c_str(), O_RDONLY), fout = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600),
        ferr = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fin, 0);
    dup2(fout, 1);
    dup2(ferr, 2);
    std::vector<char*> argv{const_cast<char*>(FAQDESK_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    execve(FAQDESK_BINARY, argv.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  Result r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

} // namespace test
