#include "segment/vocabulary.h"

#include <cstring>

namespace chorus::segment {

namespace {

struct Generations {
  Mutex mu;
  std::shared_ptr<Vocabulary> current GUARDED_BY(mu);
  uint64_t made GUARDED_BY(mu) = 0;
  std::atomic<size_t> limit{Vocabulary::kDefaultGenerationLimit};
};

Generations& TheGenerations() {
  static Generations* const kGenerations = new Generations();  // never destroyed: used at exit
  return *kGenerations;
}

}  // namespace

std::shared_ptr<Vocabulary> Vocabulary::Current() {
  Generations& g = TheGenerations();
  MutexLock lock(&g.mu);
  // Holders of the old generation keep it alive; new work starts afresh.
  if (g.current == nullptr || g.current->size() > g.limit.load(std::memory_order_relaxed)) {
    g.current = std::make_shared<Vocabulary>(++g.made);
  }
  return g.current;
}

void Vocabulary::SetGenerationLimit(size_t words) {
  TheGenerations().limit.store(words, std::memory_order_relaxed);
}

Vocabulary::Word Vocabulary::Intern(std::string_view text) {
  if (text.empty()) return {};
  MutexLock lock(&mu_);
  auto it = ids_.find(text);
  if (it != ids_.end()) return {it->second, it->first};
  const std::string_view stored = Store(text);
  const uint32_t id = static_cast<uint32_t>(ids_.size() + 1);
  ids_.emplace(stored, id);
  words_.store(ids_.size(), std::memory_order_relaxed);
  return {id, stored};
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
