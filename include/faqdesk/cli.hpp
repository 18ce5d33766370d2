#pragma once

namespace faqdesk {
// Run faqdesk with the process's arguments; return the exit status.
int faqdesk_main(int argc, char** argv);
} // namespace faqdesk
