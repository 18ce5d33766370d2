// faqdesk: answers a clinic's FAQ for its patient coordinator.
// SPDX-License-Identifier: MIT
#include <faqdesk/cli.hpp>

int main(int argc, char** argv) { return faqdesk::faqdesk_main(argc, argv); }
