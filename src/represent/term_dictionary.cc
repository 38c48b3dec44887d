#include "represent/term_dictionary.h"

#include <algorithm>
#include <functional>

namespace chorus {

uint32_t TermDictionary::Intern(std::string_view term) {
  if ((terms_.size() + 1) * 2 > slots_.size()) Grow();
  // Ids are what persists, not hashes: the library's (word-at-a-time) hash is fine.
  const uint64_t hash = std::hash<std::string_view>{}(term);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint32_t slot = slots_[i];
    if (slot == 0) {
      const auto id = static_cast<uint32_t>(terms_.size());
      terms_.emplace_back(term);
      hashes_.push_back(hash);
      slots_[i] = id + 1;
      return id;
    }
    if (hashes_[slot - 1] == hash && terms_[slot - 1] == term) return slot - 1;
  }
}

void TermDictionary::Grow() {
  std::vector<uint32_t> slots(std::max<size_t>(1024, slots_.size() * 2), 0);
  const size_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < terms_.size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_ = std::move(slots);
}

}  // namespace chorus
