// Vocabulary: a table of interned token strings (normalised forms and
// stems) that Token::norm and Token::stem view.
//
// A token's strings are interned once, when its surface form is first seen by
// a thread's word cache; every later token of that word copies two
// string_views and two ids instead of two std::strings. Interned text never
// moves while its Vocabulary lives.
//
// Tokens intern into a *generation*: Current() hands out the process's current
// one and starts a fresh one once it holds GenerationLimit() words, so a
// long-running process (chorus serve fed arbitrary text) keeps a bounded
// vocabulary instead of every word it ever saw. A generation is freed when the
// last shared_ptr to it goes: TokenScope and AnalyzedCluster hold one while
// their tokens are in use. Ids are only comparable within one generation.
//
//   std::shared_ptr<Vocabulary> v = Vocabulary::Current();
//   const Vocabulary::Word w = v->Intern("parliament");
//   w.id == v->Intern(std::string("parliament")).id;  // true
//
// Thread safety: Intern locks a mutex (it runs once per distinct word and
// thread, not per token); returned views may be read from any thread while
// the generation lives. Not copyable or movable: tokens point into it.
#ifndef CHORUS_SRC_SEGMENT_VOCABULARY_H_
#define CHORUS_SRC_SEGMENT_VOCABULARY_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/mutex.h"

namespace chorus::segment {

class Vocabulary {
 public:
  struct Word {
    uint32_t id = 0;        // equal ids <=> equal text; 0 is the empty string
    std::string_view text;  // stable while the Vocabulary lives
  };

  explicit Vocabulary(uint64_t generation = 0) : generation_(generation) {}
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  // The generation new tokens go to (outside a TokenScope that pins another).
  // Starts a new one first when the current one is full.
  static std::shared_ptr<Vocabulary> Current();

  // Distinct words a generation takes before Current() starts the next one.
  // Default kDefaultGenerationLimit; tests lower it to see a rollover.
  static void SetGenerationLimit(size_t words);
  // ~1M words: about 60 MB of random 9-letter words (bench/serve_memory.sh
  // levels off near 130 MB with an old and a new generation alive), while
  // real news stays well inside one generation (Multi-News 200: ~27k words).
  static constexpr size_t kDefaultGenerationLimit = size_t{1} << 20;

  // 1, 2, ... in the order Current() made them (0: made directly).
  uint64_t generation() const { return generation_; }

  // The interned copy of `text` (added when new).
  Word Intern(std::string_view text);

  // Number of distinct strings interned, the empty string included.
  size_t size() const { return words_.load(std::memory_order_relaxed) + 1; }

 private:
  std::string_view Store(std::string_view text) REQUIRES(mu_);  // copies into blocks_

  static constexpr size_t kBlockBytes = 64 * 1024;

  const uint64_t generation_;
  std::atomic<size_t> words_{0};  // ids_.size(), readable without mu_
  Mutex mu_;
  std::unordered_map<std::string_view, uint32_t> ids_ GUARDED_BY(mu_);  // views into blocks_
  std::vector<std::unique_ptr<char[]>> blocks_ GUARDED_BY(mu_);         // kBlockBytes each
  std::vector<std::unique_ptr<char[]>> large_ GUARDED_BY(mu_);          // one long word each
  size_t block_used_ GUARDED_BY(mu_) = kBlockBytes;  // bytes used in blocks_.back()
};

}  // namespace chorus::segment

#endif  // CHORUS_SRC_SEGMENT_VOCABULARY_H_
