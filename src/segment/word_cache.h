// WordCache: what the Tokenizer knows about a word, keyed by the word's exact
// surface bytes, so each distinct word is normalised, looked up in the
// stopword list and stemmed once.
//
// Everything a Token carries except its offsets is a function of its surface
// bytes ("US" and "us" are different keys, so the all-caps stopword rule and
// the capitalised flag can be cached too). News text repeats its words
// heavily: one lookup here replaces a normalisation, a stopword-set lookup and
// a stem-cache lookup per token.
//
//   WordCache& cache = ...;  // one per thread
//   WordEntry* e = cache.Find(surface);
//   if (e == nullptr) e = cache.Insert(surface, Analyse(surface));
//
// Open addressing with linear probing over a slot array of (hash tag, entry
// index) pairs, so a probe touches one 8-byte slot and one entry. The cache
// is bounded: past kMaxEntries it starts over, so memory stays bounded on an
// endless stream. Pointers returned by Find/Insert are valid until the next
// Insert.
//
// Thread safety: none; keep one per thread. Movable, not copyable (large).
#ifndef CHORUS_SRC_SEGMENT_WORD_CACHE_H_
#define CHORUS_SRC_SEGMENT_WORD_CACHE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::segment {

struct WordEntry {
  std::string surface;       // the key: the word's bytes as they appear in the text
  std::string_view norm;     // Token::norm (interned in the Vocabulary)
  std::string_view stem;     // Token::stem (interned), valid when `stemmed`
  uint32_t norm_id = 0;      // Token::norm_id
  uint32_t stem_id = 0;      // Token::stem_id, valid when `stemmed`
  bool stemmed = false;      // `stem` has been computed
  bool stopword = false;     // Token::stopword
  bool numeric = false;      // Token::numeric
  bool capitalized = false;  // Token::capitalized
};

class WordCache {
 public:
  WordCache();
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;
  WordCache(WordCache&&) = default;
  WordCache& operator=(WordCache&&) = default;

  // The entry for `surface`, or nullptr.
  WordEntry* Find(std::string_view surface);

  // Adds `entry` (whose surface must not be in the cache yet) and returns it.
  WordEntry* Insert(WordEntry entry);

  size_t size() const { return entries_.size(); }

  // Bound on the number of entries: past it, the cache is emptied.
  static constexpr size_t kMaxEntries = size_t{1} << 18;

 private:
  static uint64_t Hash(std::string_view s);
  void Rehash(size_t slot_count);

  std::vector<uint64_t> slots_;  // 0: empty; else (hash high 32 bits << 32) | (index + 1)
  std::vector<WordEntry> entries_;
  size_t mask_ = 0;  // slots_.size() - 1 (a power of two)
};

}  // namespace chorus::segment

#endif  // CHORUS_SRC_SEGMENT_WORD_CACHE_H_
