// Per-question latency inside faqdesk's batch loop: the FAQ compiled (from the
// cache when it holds it), then each question searched and written as the
// JSON line `faqdesk batch` prints, timed one by one. Prints one JSON object:
// {"questions", "p50_us", "p99_us", "mean_us"}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <faqdesk/cache.hpp>
#include <faqdesk/faq_loader.hpp>
#include <faqdesk/json_output.hpp>

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::cerr << "usage: bench_latency FAQ QUESTIONS\n";
    return 2;
  }
  faqdesk::LoadLimits limits;
  limits.max_bytes = std::size_t{1} << 30;
  const faqdesk::Compiled c =
      faqdesk::compile_faq(faqdesk::read_faq_file(argv[1], limits), argv[1], faqdesk::default_cache_dir(), limits);
  std::ifstream in(argv[2]);
  std::vector<std::string> questions;
  for (std::string line; std::getline(in, line);) questions.push_back(line);
  faqdesk::ResultLineWriter writer(c.faq);
  std::vector<double> us;
  us.reserve(questions.size());
  std::string out;
  std::size_t bytes = 0;
  for (const auto& q : questions) {
    auto t0 = std::chrono::steady_clock::now();
    writer.append(out, q, c.index.search(q));
    auto t1 = std::chrono::steady_clock::now();
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    bytes += out.size();
    out.clear();
  }
  if (us.empty()) return 2;
  double mean = 0;
  for (double x : us) mean += x;
  mean /= static_cast<double>(us.size());
  auto pct = [&](double p) {
    auto k = static_cast<std::size_t>(p * static_cast<double>(us.size() - 1));
    std::nth_element(us.begin(), us.begin() + static_cast<std::ptrdiff_t>(k), us.end());
    return us[k];
  };
  std::printf("{\"questions\": %zu, \"p50_us\": %.2f, \"p99_us\": %.2f, \"mean_us\": %.2f, \"bytes\": %zu}\n",
              us.size(), pct(0.50), pct(0.99), mean, bytes);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_latency: " << e.what() << '\n';
  return 2;
}
