// Vocabulary: the process-wide table of interned token strings (normalised
// forms and stems) that Token::norm and Token::stem view.
//
// A token's strings are interned once, when its surface form is first seen by
// a thread's word cache; every later token of that word copies two
// string_views and two ids instead of two std::strings. Interned text never
// moves and is never freed, so the views stay valid for the life of the
// process: memory grows with the number of distinct words seen (Heaps' law:
// ~27k words for Multi-News 200, a few MB per million distinct words).
//
//   const Vocabulary::Word w = Vocabulary::Global().Intern("parliament");
//   w.id == Vocabulary::Global().Intern(std::string("parliament")).id;  // true
//
// Thread safety: Intern locks a mutex (it runs once per distinct word and
// thread, not per token); returned views may be read from any thread.
// Not copyable or movable: tokens point into it.
#ifndef CHORUS_SRC_SEGMENT_VOCABULARY_H_
#define CHORUS_SRC_SEGMENT_VOCABULARY_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chorus::segment {

class Vocabulary {
 public:
  struct Word {
    uint32_t id = 0;        // equal ids <=> equal text; 0 is the empty string
    std::string_view text;  // stable for the life of the process
  };

  Vocabulary() = default;
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  // The one instance tokens use.
  static Vocabulary& Global();

  // The interned copy of `text` (added when new).
  Word Intern(std::string_view text);

  // Number of distinct strings interned, the empty string included.
  size_t size();

 private:
  std::string_view Store(std::string_view text);  // copies into blocks_

  static constexpr size_t kBlockBytes = 64 * 1024;

  std::mutex mu_;
  std::unordered_map<std::string_view, uint32_t> ids_;  // GUARDED_BY(mu_); views into blocks_
  std::vector<std::unique_ptr<char[]>> blocks_;         // GUARDED_BY(mu_); kBlockBytes each
  std::vector<std::unique_ptr<char[]>> large_;          // GUARDED_BY(mu_); one long word each
  size_t block_used_ = kBlockBytes;                     // GUARDED_BY(mu_); bytes used in blocks_.back()
};

}  // namespace chorus::segment

#endif  // CHORUS_SRC_SEGMENT_VOCABULARY_H_
