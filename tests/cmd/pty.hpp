#pragma once
// Drive the real faqdesk binary on a pseudo-terminal, as a coordinator would.
#include <chrono>
#include <csignal>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

namespace test {

// Drives the real binary on a pseudo-terminal, as a coordinator would.
class Pty {
public:
  explicit Pty(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    winsize ws{};
    ws.ws_row = 40;
    ws.ws_col = 100;
    pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
    if (pid_ == 0) {
      for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
      std::vector<char*> argv{const_cast<char*>(FAQDESK_BINARY)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      if (env.count("TERM") == 0) setenv("TERM", "dumb", 1);
      execv(FAQDESK_BINARY, argv.data());
      _exit(127);
    }
  }
  ~Pty() {
    if (pid_ > 0 && !done_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(fd_);
  }
  // Read until `text` appears (true) or 5 seconds pass (false).
  bool expect(const std::string& text) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (seen_.find(text, pos_) == std::string::npos) {
      if (std::chrono::steady_clock::now() > until || !read_some(100)) return false;
    }
    pos_ = seen_.find(text, pos_) + text.size();
    return true;
  }
  void send(const std::string& s) { CHECK(write(fd_, s.data(), s.size()) == static_cast<ssize_t>(s.size())); }
  void interrupt() { kill(pid_, SIGINT); }
  // Wait for the exit status; after 10 seconds, kill the program and return -1.
  int wait_exit() {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    int status = 0;
    pid_t got = 0;
    while ((got = waitpid(pid_, &status, WNOHANG)) == 0) {
      if (std::chrono::steady_clock::now() > until) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        done_ = true;
        return -1;
      }
      read_some(20);
    }
    drain();
    done_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  const std::string& seen() const { return seen_; }

private:
  // Read what the program wrote before it exited.
  void drain() {
    char buf[4096];
    pollfd p{fd_, POLLIN, 0};
    while (poll(&p, 1, 0) > 0) {
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      seen_.append(buf, static_cast<std::size_t>(n));
    }
  }
  bool read_some(int ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return true;
    char buf[4096];
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return false;
    seen_.append(buf, static_cast<std::size_t>(n));
    return true;
  }
  pid_t pid_ = -1;
  int fd_ = -1;
  bool done_ = false;
  std::string seen_;
  std::size_t pos_ = 0;
};

} // namespace test
