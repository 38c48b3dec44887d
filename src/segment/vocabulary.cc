#include "segment/vocabulary.h"

#include <cstring>

namespace chorus::segment {

Vocabulary& Vocabulary::Global() {
  static Vocabulary* const kGlobal = new Vocabulary();  // never destroyed: tokens may outlive exit
  return *kGlobal;
}

Vocabulary::Word Vocabulary::Intern(std::string_view text) {
  if (text.empty()) return {};
  std::lock_guard<std::mutex> lock(mu_);
  auto it = ids_.find(text);
  if (it != ids_.end()) return {it->second, it->first};
  const std::string_view stored = Store(text);
  const uint32_t id = static_cast<uint32_t>(ids_.size() + 1);
  ids_.emplace(stored, id);
  return {id, stored};
}

size_t Vocabulary::size() {
  std::lock_guard<std::mutex> lock(mu_);
  return ids_.size() + 1;
}

std::string_view Vocabulary::Store(std::string_view text) {
  char* p = nullptr;
  if (text.size() > kBlockBytes / 4) {  // a long "word" (a URL run) gets a block of its own
    p = large_.emplace_back(std::make_unique<char[]>(text.size())).get();
  } else {
    if (block_used_ + text.size() > kBlockBytes) {
      blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
      block_used_ = 0;
    }
    p = blocks_.back().get() + block_used_;
    block_used_ += text.size();
  }
  std::memcpy(p, text.data(), text.size());
  return {p, text.size()};
}

}  // namespace chorus::segment
