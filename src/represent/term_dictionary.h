// TermDictionary: stems (and other term strings) <-> dense ids, in order of
// first appearance. The event clusterer's ids persist in its store, so they
// are its own, not the tokenizer's per-generation vocabulary ids.
//
// An open-addressing table of ids (the strings live once, in `terms_`):
// interning is on the hot path of every token.
//
// Thread safety: not thread-safe. Copyable and movable.
#ifndef CHORUS_REPRESENT_TERM_DICTIONARY_H_
#define CHORUS_REPRESENT_TERM_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

class TermDictionary {
 public:
  // The id of `term`, adding it when it is new.
  uint32_t Intern(std::string_view term);
  const std::string& Term(uint32_t id) const { return terms_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(terms_.size()); }

 private:
  void Grow();

  std::vector<std::string> terms_;
  std::vector<uint64_t> hashes_;  // by id
  std::vector<uint32_t> slots_;   // id + 1, or 0 when empty; size a power of two
};

}  // namespace chorus

#endif  // CHORUS_REPRESENT_TERM_DICTIONARY_H_
