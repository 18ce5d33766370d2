#include <faqdesk/faq.hpp>

namespace faqdesk {

const Entry* Faq::find_entry(std::string_view id) const {
  for (const auto& e : entries)
    if (e.id == id) return &e;
  return nullptr;
}

const CostItem* Faq::find_cost(std::string_view id) const {
  for (const auto& c : costs)
    if (c.id == id) return &c;
  return nullptr;
}

} // namespace faqdesk
