// Synonyms: which word stems WordNet puts in one synonym set, compiled in as
// data/wordnet_synonyms.txt (derived from Debian's wordnet-base by
// tools/lexicon/build_wordnet_data.py: one set of single-word lemmas a line,
// frequent senses only, plus irregular forms such as "slain slay").
//
// Lemmas are keyed by their Porter stem (the Tokenizer's), so "killed" finds
// the set of "kill" and "slay" without a separate lemmatizer.
//
//   const Synonyms& s = Synonyms::Default();
//   bool same = s.Related("kill", "slai");  // stems
//
// Thread safety: immutable after Parse; share freely. Movable, not copied.
#ifndef CHORUS_REPRESENT_SYNONYMS_H_
#define CHORUS_REPRESENT_SYNONYMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/status.h"

namespace chorus::represent {

class Synonyms {
 public:
  // Lines "word word ..." (lower-case), '#' comments; `name` names the file
  // in error messages, which give the line.
  static Result<Synonyms> Parse(std::string_view text, std::string_view name);
  // The compiled-in WordNet sets (parsed once; see WordVectors::Default for
  // what a corrupt build gets).
  static const Synonyms& Default();

  Synonyms(Synonyms&&) = default;
  Synonyms& operator=(Synonyms&&) = default;

  // Whether two different stems share a synonym set.
  bool Related(std::string_view stem_a, std::string_view stem_b) const;
  // The sets a stem belongs to (ascending ids), or nullptr: look a word up
  // once, then compare with Share as often as needed.
  const std::vector<uint32_t>* SetsOf(std::string_view stem) const;
  static bool Share(const std::vector<uint32_t>* a, const std::vector<uint32_t>* b) {
    if (a == nullptr || b == nullptr) return false;  // most words: inline and cheap
    return ShareSorted(*a, *b);
  }
  size_t sets() const { return sets_; }

 private:
  Synonyms() = default;
  static bool ShareSorted(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
  Synonyms(const Synonyms&) = delete;
  Synonyms& operator=(const Synonyms&) = delete;

  struct StemHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // stem -> ascending set ids
  std::unordered_map<std::string, std::vector<uint32_t>, StemHash, std::equal_to<>> sets_of_;
  size_t sets_ = 0;
};

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_SYNONYMS_H_
